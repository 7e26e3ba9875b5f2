//! The time-expression tagger: finds candidate expressions with each language's rules, keeps the
//! longest non-overlapping ones, and normalises them to TIMEX3 in two phases — a rule's captures
//! describe a partly specified value, and the resolver anchors it to the article date (deictic
//! expressions) or to the narrative's current reference time (anaphoric ones).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Captures;

use super::resources::{lexicon, Rule, TimeLexicon};
use crate::model::{Anchor, Grain, Provenance, Span, TimeExpr, TimexType};

/// A calendar position at some grain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    Day(NaiveDate),
    Week(NaiveDate),
    /// The Saturday and Sunday of a day's ISO week.
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    /// A half year: `2017-H1`.
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    Decade(i32),
    Century(i32),
}

impl Point {
    fn value(self) -> String {
        match self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Point::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) => format!("{c:02}"),
        }
    }

    fn grain(self) -> Grain {
        match self {
            Point::Day(_) => Grain::Day,
            Point::Week(_) | Point::Weekend(_) => Grain::Week,
            Point::Month(..) => Grain::Month,
            Point::Quarter(..) | Point::Half(..) => Grain::Quarter,
            Point::Season(..) => Grain::Season,
            Point::Year(_) => Grain::Year,
            Point::Decade(_) => Grain::Decade,
            Point::Century(_) => Grain::Century,
        }
    }

    fn bounds(self) -> Option<(NaiveDate, NaiveDate)> {
        let ymd = NaiveDate::from_ymd_opt;
        let month_end = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            ymd(ny, nm, 1).map(|d| d - Duration::days(1))
        };
        Some(match self {
            Point::Day(d) => (d, d),
            Point::Week(d) => {
                let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
                (monday, monday + Duration::days(6))
            }
            Point::Weekend(d) => {
                let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
                (monday + Duration::days(5), monday + Duration::days(6))
            }
            Point::Month(y, m) => (ymd(y, m, 1)?, month_end(y, m)?),
            Point::Quarter(y, q) => (ymd(y, q * 3 - 2, 1)?, month_end(y, q * 3)?),
            Point::Half(y, h) => (ymd(y, h * 6 - 5, 1)?, month_end(y, h * 6)?),
            Point::Season(y, s) => match s {
                "SP" => (ymd(y, 3, 1)?, ymd(y, 5, 31)?),
                "SU" => (ymd(y, 6, 1)?, ymd(y, 8, 31)?),
                "FA" => (ymd(y, 9, 1)?, ymd(y, 11, 30)?),
                _ => (
                    ymd(y, 12, 1).map(|d| d - Duration::days(365))?,
                    ymd(y, 12, 31)?,
                ),
            },
            Point::Year(y) => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Point::Decade(d) => (ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?),
            Point::Century(c) => (ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?),
        })
    }
}

/// Moves a day by `n` units and gives the result at the unit's grain.
fn shift(base: NaiveDate, n: i64, unit: &str) -> Option<Point> {
    // Offsets beyond a few thousand units are not times anyone writes; refusing them also keeps
    // the arithmetic far from overflow.
    if n.abs() > 100_000 {
        return None;
    }
    Some(match unit {
        "D" => Point::Day(base.checked_add_signed(Duration::days(n))?),
        "W" => Point::Week(base.checked_add_signed(Duration::days(7 * n))?),
        "2W" => Point::Week(base.checked_add_signed(Duration::days(14 * n))?),
        "M" => {
            let months = base.year() as i64 * 12 + base.month0() as i64 + n;
            Point::Month(
                months.div_euclid(12) as i32,
                months.rem_euclid(12) as u32 + 1,
            )
        }
        "Q" => {
            let q = base.year() as i64 * 4 + (base.month0() / 3) as i64 + n;
            Point::Quarter(q.div_euclid(4) as i32, q.rem_euclid(4) as u32 + 1)
        }
        "Y" => Point::Year(base.year() + n as i32),
        "8Y" => Point::Year(base.year() + 8 * n as i32),
        "10Y" => Point::Decade(base.year() / 10 + n as i32),
        "DE" => Point::Decade(base.year() / 10 + n as i32),
        "CE" => Point::Century(base.year() / 100 + n as i32),
        _ => return None,
    })
}

fn is_sub_day(unit: &str) -> bool {
    matches!(unit, "H" | "MIN" | "S")
}

/// `P2D`, `PT5H`, `PXY`, `P3.5M`; fractions of hours become minutes.
fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (letter, time) = match unit {
        "S" => ("S", true),
        "MIN" => ("M", true),
        "H" => ("H", true),
        "D" => ("D", false),
        "W" => ("W", false),
        "2W" => return n.map_or("PXW".into(), |n| format!("P{}W", fmt_num(n * 2.0))),
        "M" => ("M", false),
        "Q" => return n.map_or("PXQ".into(), |n| format!("P{}M", fmt_num(n * 3.0))),
        "Y" => ("Y", false),
        "8Y" => return n.map_or("PXY".into(), |n| format!("P{}Y", fmt_num(n * 8.0))),
        "10Y" => return n.map_or("PXDE".into(), |n| format!("P{}Y", fmt_num(n * 10.0))),
        "DE" => ("DE", false),
        "CE" => ("CE", false),
        _ => ("X", false),
    };
    let t = if time { "T" } else { "" };
    match n {
        // IndoTimex and TimeML corpora write vague hours as PXH.
        None if unit == "H" => "PXH".into(),
        None => format!("P{t}X{letter}"),
        Some(n) if n.fract() != 0.0 && unit == "H" => format!("PT{}M", fmt_num(n * 60.0)),
        Some(n) if n.fract() != 0.0 && unit == "MIN" => format!("PT{}S", fmt_num(n * 60.0)),
        Some(n) => format!("P{t}{}{letter}", fmt_num(n)),
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What the rest of the text tells the resolver.
struct Context<'a> {
    text: &'a str,
    dct: Option<NaiveDate>,
    /// The narrative's current reference time (the last fully specified day mentioned).
    narrative: Option<NaiveDate>,
    /// The last day the text stated, with the byte offset where its expression ends.
    told_day: Option<(NaiveDate, usize)>,
    /// The last quarter the text stated (year, quarter): the period an earnings report is about.
    told_quarter: Option<(i32, u32)>,
    /// A year, season, quarter or month the text stated after its last day, with its grain and
    /// first day: what "a year later" counts from ("in 1984 ... One year later" is 1985, even
    /// when a full date came before 1984).
    told_coarse: Option<(NaiveDate, Grain)>,
}

/// A normalised expression.
struct Resolved {
    timex_type: TimexType,
    value: String,
    grain: Grain,
    bounds: Option<(NaiveDate, NaiveDate)>,
    anchor: Anchor,
}

fn cap<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str()).filter(|s| !s.is_empty())
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn weekday_from(n: u32) -> Option<Weekday> {
    Weekday::try_from(((n + 6) % 7) as u8).ok()
}

/// Whether a word that points ahead ("akan", "will", "next") stands shortly before `start`.
fn future_cue(lex: &TimeLexicon, text: &str, start: usize) -> bool {
    future_cue_within(lex, text, start, false)
}

/// Whether a word that points ahead stands shortly before `start` (six words) or, with
/// `sentence`, anywhere before it in its clause (back to a comma or a sentence's end): news dates
/// months by the clause's tense ("Qantas will almost double its flights between Australia and
/// India in August"; in TempEval-3's training data such months were ahead 12 times of 12), where
/// a weekday far from the word is mostly a past day of reporting.
fn future_cue_within(lex: &TimeLexicon, text: &str, start: usize, sentence: bool) -> bool {
    let reach = if sentence { 300 } else { 40 };
    let mut from = text[..start]
        .char_indices()
        .rev()
        .nth(reach)
        .map_or(0, |(i, _)| i);
    if sentence {
        let before = &text[from..start];
        if let Some(stop) = before
            .char_indices()
            .rev()
            .find(|(i, c)| stop(before, *i, *c, true))
            .map(|(i, c)| i + c.len_utf8())
        {
            from += stop;
        }
    }
    let window = text[from..start].to_lowercase();
    let words: Vec<&str> = window
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    // Nearest first; a past-tense verb between ("as soon as Tuesday, Castro said Monday") closes
    // the window.
    let limit = if sentence { usize::MAX } else { 6 };
    for w in words.iter().rev().take(limit) {
        if lex.past_cues.iter().any(|c| c == w) {
            return false;
        }
        if lex.future_cues.iter().any(|c| c == w) {
            return true;
        }
    }
    false
}

/// Which way a named day or a month without a year lies from the article date: the direction
/// the pattern captured, else "future" after a future word (anywhere in the clause for a month,
/// `clause`), else "deadline" after a deadline word (months only), else none.
fn tense(
    lex: &TimeLexicon,
    dir: Option<&str>,
    text: &str,
    start: usize,
    clause: bool,
) -> Option<&'static str> {
    match dir {
        Some("past") | Some("earlier") => Some("past"),
        Some("future") | Some("later") => Some("future"),
        _ if future_cue_within(lex, text, start, clause) => Some("future"),
        _ if clause && deadline_cue(lex, text, start) => Some("deadline"),
        _ => None,
    }
}

/// Whether the word right before `start` sets a deadline ("by", "effective"), which points ahead.
fn deadline_cue(lex: &TimeLexicon, text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !word.is_empty() && lex.deadline_cues.contains(&word)
}

/// The year for a day and month written without one: the occurrence nearest the article date,
/// or the nearest one before (after) it when the text points back (ahead), or the nearest one
/// not more than a month past for a deadline. News reports the past: an occurrence more than two
/// months ahead is taken only when the text points ahead.
fn infer_year(
    dct: NaiveDate,
    month: u32,
    day: Option<u32>,
    direction: Option<&str>,
) -> Option<i32> {
    nearest_occurrence(
        dct,
        |y| NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1)),
        day.is_none(),
        direction,
    )
    .map(|d| d.year())
}

/// Which yearly occurrence (`in_year` of the article's year, the one before or after) the text
/// means: see [`infer_year`]. `whole_month` lets the article's own month count as on either side.
fn nearest_occurrence(
    dct: NaiveDate,
    in_year: impl Fn(i32) -> Option<NaiveDate>,
    whole_month: bool,
    direction: Option<&str>,
) -> Option<NaiveDate> {
    let candidates: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1)
        .filter_map(&in_year)
        .collect();
    let same_month = |d: NaiveDate| d.year() == dct.year() && d.month() == dct.month();
    let pick = |pred: &dyn Fn(NaiveDate) -> bool| {
        candidates
            .iter()
            .copied()
            .filter(|d| pred(*d))
            .min_by_key(|d| {
                (
                    d.signed_duration_since(dct).num_days().abs(),
                    d.signed_duration_since(dct).num_days() > 0,
                )
            })
    };
    match direction {
        Some("past") => pick(&|d| d <= dct || (whole_month && same_month(d))),
        Some("future") => pick(&|d| d >= dct || (whole_month && same_month(d))),
        // A deadline is ahead or has just passed ("by Jan. 14" written on the 15th).
        Some("deadline") => pick(&|d| d.signed_duration_since(dct).num_days() >= -31),
        _ => pick(&|d| d.signed_duration_since(dct).num_days() <= 62),
    }
}

/// A named day in a year, from its specification in `[holidays]`: "12-25", "11-thu-4" (the fourth
/// Thursday of November), "05-mon-last", "easter", "easter-2".
fn holiday_in(spec: &str, year: i32) -> Option<NaiveDate> {
    if let Some(offset) = spec.strip_prefix("easter") {
        let days: i64 = if offset.is_empty() {
            0
        } else {
            offset.parse().ok()?
        };
        return easter(year)?.checked_add_signed(Duration::days(days));
    }
    let parts: Vec<&str> = spec.split('-').collect();
    let month: u32 = parts.first()?.parse().ok()?;
    match parts[..] {
        [_, day] => NaiveDate::from_ymd_opt(year, month, day.parse().ok()?),
        [_, weekday, nth] => {
            let wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .iter()
                .position(|w| *w == weekday)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            let ahead = (7 + wd as i64 - first.weekday().num_days_from_monday() as i64) % 7;
            let first_match = first + Duration::days(ahead);
            if nth == "last" {
                let mut d = first_match;
                while (d + Duration::days(7)).month() == month {
                    d += Duration::days(7);
                }
                return Some(d);
            }
            let n: i64 = nth.parse().ok()?;
            let d = first_match + Duration::days(7 * (n - 1));
            (n >= 1 && d.month() == month).then_some(d)
        }
        _ => None,
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn resolve(
    lex: &TimeLexicon,
    rule: &Rule,
    c: &Captures<'_>,
    ctx: &Context<'_>,
    start: usize,
) -> Option<Resolved> {
    let dct = ctx.dct;
    let dir_word = cap(c, "dir").map(norm);
    let mut dir = dir_word
        .as_ref()
        .and_then(|w| lex.directions.get(w))
        .map(String::as_str)
        .or(rule.dir_default.as_deref());
    if cap(c, "this").is_some() {
        dir = Some("this");
    }
    if cap(c, "last").is_some() {
        dir = Some("past");
    }
    if cap(c, "next").is_some() {
        dir = Some("future");
    }
    let unit = cap(c, "unit")
        .and_then(|u| lex.units.get(&norm(u)))
        .map(String::as_str);
    let n = cap(c, "n").and_then(|s| lex.number(s));
    let vague = cap(c, "vague").is_some();
    // A part of the day before a clock time is `pod_before` ("pagi hari sekitar pukul 07.00").
    let pod = cap(c, "pod")
        .or_else(|| cap(c, "pod_before"))
        .and_then(|p| lex.parts_of_day.get(&norm(p)).cloned())
        .or_else(|| {
            cap(c, "pod").map(|p| match p.to_lowercase().as_str() {
                "midnight" => "NI".to_string(),
                _ => "MI".to_string(),
            })
        });
    let clock = match (
        cap(c, "hh").and_then(|h| h.parse::<u32>().ok()),
        cap(c, "mm").and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(h), m) => {
            let ampm = cap(c, "ampm").map(|a| a.to_lowercase().starts_with('p'));
            // Without a.m./p.m., the part of the day says which half: "pukul 8 malam" is 20:00,
            // "pukul 3 sore" 15:00, "pukul 11 siang" still 11:00.
            let afternoon = match pod.as_deref() {
                Some("AF") => (1..=7).contains(&h),
                Some("EV") | Some("NI") => (5..=11).contains(&h),
                _ => false,
            };
            let h = match ampm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                None if afternoon => h + 12,
                _ => h,
            };
            if h > 24 || m.unwrap_or(0) > 59 {
                return None;
            }
            Some(format!("T{h:02}:{:02}", m.unwrap_or(0)))
        }
        _ => None,
    };
    let time_suffix = clock
        .clone()
        .or_else(|| pod.as_ref().map(|p| format!("T{p}")));
    let simple = |timex_type, value: String| Resolved {
        timex_type,
        value,
        grain: Grain::Unknown,
        bounds: None,
        anchor: Anchor::None,
    };

    // Fixed values and directives.
    if let Some(v) = &rule.value {
        if v.starts_with('P') || v.starts_with('X') {
            return Some(simple(rule.timex_type, v.clone()));
        }
        if v == "vague" {
            return Some(simple(TimexType::Duration, duration_value(None, unit?)));
        }
        // Earnings news: "the quarter" is the one the text last stated, else the latest one
        // ended by the article date; "the year-earlier quarter" the same quarter a year before.
        if v == "reported_quarter" || v == "year_ago_quarter" {
            let dct = dct?;
            let current = (dct.month() - 1) / 3 + 1;
            let (y, q) = ctx.told_quarter.unwrap_or(if current == 1 {
                (dct.year() - 1, 4)
            } else {
                (dct.year(), current - 1)
            });
            // "the 1988 quarter": that year's quarter of the same number; "the year-ago third
            // quarter": that quarter.
            let stated = cap(c, "y").and_then(|y| y.parse::<i32>().ok());
            let q = cap(c, "quarter").and_then(quarter_number).unwrap_or(q);
            let y = stated.unwrap_or(y) - i32::from(v == "year_ago_quarter");
            return Some(finish(
                Point::Quarter(y, q),
                None,
                Anchor::ArticleDate(dct),
                false,
            ));
        }
        if let Some(spec) = v.strip_prefix("dct") {
            let dct = dct?;
            let (offset, pod) = spec
                .split_once(':')
                .map_or((spec, None), |(a, b)| (a, Some(b)));
            let unit_letter = offset.chars().last()?;
            let amount: i64 = offset[..offset.len() - 1].parse().ok()?;
            let point = shift(
                dct,
                amount,
                if unit_letter == 'd' {
                    "D"
                } else {
                    &offset[offset.len() - 1..]
                },
            )?;
            let mut value = point.value();
            let mut timex_type = rule.timex_type;
            if let Some(p) = pod {
                value.push('T');
                value.push_str(p);
                timex_type = TimexType::Time;
            }
            return Some(Resolved {
                timex_type,
                value,
                grain: point.grain(),
                bounds: point.bounds(),
                anchor: Anchor::ArticleDate(dct),
            });
        }
    }

    // The first number of a range of durations is one of its own: "<1> - <2 tahun>".
    if rule.value.as_deref() == Some("range_start") && rule.timex_type == TimexType::Duration {
        let end = range_opened_at(c, start);
        let unit = range_unit(lex, &ctx.text[end..])?;
        return Some(simple(TimexType::Duration, duration_value(n, unit)));
    }

    match rule.timex_type {
        TimexType::Set => {
            if let (Some(d), Some(mo)) = (cap(c, "d"), cap(c, "mo")) {
                let m = *lex.months.get(&mo.to_lowercase())?;
                return Some(simple(
                    TimexType::Set,
                    format!("XXXX-{m:02}-{:02}", d.parse::<u32>().ok()?),
                ));
            }
            if let Some(w) = cap(c, "setword") {
                let u = match w.to_lowercase().as_str() {
                    "hourly" => "H",
                    "daily" => "D",
                    "weekly" => "W",
                    "monthly" => "M",
                    "quarterly" => "Q",
                    _ => "Y",
                };
                return Some(simple(TimexType::Set, duration_value(Some(1.0), u)));
            }
            if let Some(p) = &pod {
                return Some(simple(TimexType::Set, format!("XXXX-XX-XXT{p}")));
            }
            return Some(simple(TimexType::Set, duration_value(Some(1.0), unit?)));
        }
        TimexType::Duration => {
            let unit = unit?;
            // "the past year": no number means one.
            return Some(simple(
                TimexType::Duration,
                duration_value(if vague { None } else { Some(n.unwrap_or(1.0)) }, unit),
            ));
        }
        _ => {}
    }

    if let Some(r) = cap(c, "ref") {
        return Some(simple(TimexType::Date, lex.refs.get(&norm(r))?.clone()));
    }

    // Deictic words: offsets from the article date ("kemarin") or the narrative ("keesokan harinya").
    if let Some(w) = cap(c, "deictic") {
        let spec = lex.deictic.get(&norm(w))?;
        let (num, rest) = split_number(spec);
        let narrative = rest.starts_with('n');
        let base = if narrative {
            ctx.narrative.or(dct)?
        } else {
            dct?
        };
        let day = base.checked_add_signed(Duration::days(num))?;
        let point = Point::Day(day);
        let suffix = rest
            .strip_prefix('T')
            .map(|p| format!("T{p}"))
            .or(time_suffix);
        let anchor = if narrative {
            Anchor::Narrative(base)
        } else {
            Anchor::ArticleDate(base)
        };
        return Some(finish(point, suffix, anchor, false));
    }

    if let Some(dec) = cap(c, "decade") {
        return Some(finish(
            Point::Decade(dec.parse::<i32>().ok()? / 10),
            None,
            Anchor::None,
            false,
        ));
    }
    if let Some(dec) = cap(c, "decade2") {
        // "70-an", "the '90s": the century is the one before the article date's decade... or the 1900s.
        let d: i32 = dec.parse().ok()?;
        let century = dct.map_or(19, |t| {
            if d / 10 <= (t.year() % 100) / 10 {
                t.year() / 100
            } else {
                t.year() / 100 - 1
            }
        });
        return Some(finish(
            Point::Decade(century * 10 + d / 10),
            None,
            Anchor::None,
            false,
        ));
    }
    if let Some(cent) = cap(c, "century") {
        return Some(finish(
            Point::Century(cent.parse::<i32>().ok()? - 1),
            None,
            Anchor::None,
            false,
        ));
    }
    if rule.id.ends_with("century") && dir == Some("this") {
        let dct = dct?;
        return Some(finish(
            Point::Century(dct.year() / 100),
            None,
            Anchor::ArticleDate(dct),
            false,
        ));
    }

    let year = cap(c, "y")
        .and_then(|y| {
            let v: i32 = y.parse().ok()?;
            Some(if y.len() == 2 { 2000 + v } else { v })
        })
        .or_else(|| cap(c, "yw").and_then(|w| spelled_year(lex, w)));

    // Quarters and halves of a year ("the third quarter", "kuartal I", "semester II 2017").
    // The ordinal is the `quarter` group; a `half` group ("semester") makes it a half.
    let period = cap(c, "quarter").map(|q| (q, if cap(c, "half").is_some() { 6 } else { 3 }));
    if let Some((ordinal, months)) = period {
        let n = quarter_number(ordinal).filter(|n| *n <= 12 / months)?;
        let (y, anchor) = match year {
            Some(y) => (y, Anchor::None),
            None => {
                let dct = dct?;
                let mut y =
                    dct.year() - i32::from(dir == Some("past")) + i32::from(dir == Some("future"));
                // News reports quarters that have begun: "the fourth quarter" in January is last
                // year's, unless the text looks ahead.
                let begins = NaiveDate::from_ymd_opt(y, months * (n - 1) + 1, 1)?;
                if dir.is_none() && begins > dct && !future_cue(lex, ctx.text, start) {
                    y -= 1;
                }
                (y, Anchor::ArticleDate(dct))
            }
        };
        let point = if months == 3 {
            Point::Quarter(y, n)
        } else {
            Point::Half(y, n)
        };
        return Some(finish(point, None, anchor, false));
    }

    if let Some(s) = cap(c, "season").or_else(|| cap(c, "season2")) {
        let word = norm(s);
        let code: &'static str = match lex
            .seasons
            .get(&word)
            .or_else(|| lex.seasons_determined.get(&word))?
            .as_str()
        {
            "SP" => "SP",
            "SU" => "SU",
            "FA" => "FA",
            _ => "WI",
        };
        let (y, anchor) = match year {
            Some(y) => (y, Anchor::None),
            None => {
                let dct = dct?;
                let off = match dir {
                    Some("past") => -1,
                    Some("future") => 1,
                    _ => 0,
                };
                (dct.year() + off, Anchor::ArticleDate(dct))
            }
        };
        return Some(finish(Point::Season(y, code), None, anchor, false));
    }

    // Offsets: "dua hari lalu", "two days later", "in three weeks".
    if let (Some(unit), Some(n)) = (unit, n) {
        let sign = match dir {
            Some("past") | Some("earlier") => -1.0,
            Some("future") | Some("later") => 1.0,
            _ => return None,
        };
        if is_sub_day(unit) || n.fract() != 0.0 {
            return Some(simple(TimexType::Duration, duration_value(Some(n), unit)));
        }
        let narrative = matches!(dir, Some("later") | Some("earlier"));
        // In an earnings report "a year ago" and "a year earlier" compare with the reported
        // quarter's year-ago quarter ("third-quarter net rose to $94 million from $85 million a
        // year ago": 1988-Q3 in TempEval-3's training data, 30 times).
        if let (Some((y, q)), Some(dct), true) = (ctx.told_quarter, dct, n == 1.0 && unit == "Y") {
            if sign < 0.0 && (dct.year() - 1..=dct.year()).contains(&y) {
                return Some(finish(
                    Point::Quarter(y - 1, q),
                    None,
                    Anchor::ArticleDate(dct),
                    false,
                ));
            }
        }
        let base = if narrative {
            coarse_base(ctx, unit).or(ctx.narrative).or(dct)?
        } else {
            dct?
        };
        // "seminggu kemudian" after a dated event is a day, not a week.
        let point = match (narrative, unit) {
            (true, "W") => {
                Point::Day(base.checked_add_signed(Duration::days(7 * (sign * n) as i64))?)
            }
            _ => shift(base, (sign * n) as i64, unit)?,
        };
        // "sekitar 55 ribu tahun yang lalu": before the calendar's first year, the past at large.
        if point.bounds().is_none_or(|(first, _)| first.year() < 1) {
            return Some(simple(TimexType::Date, "PAST_REF".into()));
        }
        let anchor = if narrative {
            Anchor::Narrative(base)
        } else {
            Anchor::ArticleDate(base)
        };
        return Some(finish(point, None, anchor, narrative));
    }
    if vague && unit.is_some() {
        return Some(simple(TimexType::Duration, duration_value(None, unit?)));
    }

    // Weekends: "last weekend" the one before the article date, "this weekend" the one of its
    // week, "the weekend" that one from Friday on or when the text looks ahead, else the one before.
    if cap(c, "weekend").is_some() {
        let dct = dct?;
        let weekday = dct.weekday().num_days_from_monday();
        let weeks: i64 = match dir {
            Some("past") => -1,
            Some("future") => i64::from(weekday >= 5),
            Some("this") => 0,
            _ if weekday >= 4 || future_cue(lex, ctx.text, start) => 0,
            _ => -1,
        };
        let day = dct.checked_add_signed(Duration::days(7 * weeks))?;
        return Some(finish(
            Point::Weekend(day),
            None,
            Anchor::ArticleDate(dct),
            false,
        ));
    }

    // Named days: "Christmas", "Thanksgiving", "Hari Kartini".
    if let Some(h) = cap(c, "holiday") {
        let spec = lex.holidays.get(&norm(h))?;
        let date = match (year, dct) {
            (Some(y), _) => holiday_in(spec, y)?,
            (None, Some(dct)) => {
                let tense = tense(lex, dir, ctx.text, start, false);
                nearest_occurrence(dct, |y| holiday_in(spec, y), false, tense)?
            }
            (None, None) => return None,
        };
        let anchor = match (year, dct) {
            (None, Some(dct)) => Anchor::ArticleDate(dct),
            _ => Anchor::None,
        };
        return Some(finish(Point::Day(date), time_suffix, anchor, false));
    }

    let month = cap(c, "m")
        .and_then(|m| m.parse::<u32>().ok())
        .or_else(|| cap(c, "mo").and_then(|m| lex.months.get(&m.to_lowercase()).copied()));
    let day = cap(c, "d").and_then(|d| d.parse::<u32>().ok());

    // Calendar dates, with the year inferred when it is missing.
    if let Some(month) = month {
        if !(1..=12).contains(&month) {
            return None;
        }
        let tense = dct.and_then(|_| tense(lex, dir, ctx.text, start, true));
        let (y, anchor) = match year {
            Some(y) => (y, Anchor::None),
            None if dir == Some("this") => (dct?.year(), Anchor::ArticleDate(dct?)),
            // "23 Agustus tahun lalu": the year is named relative to the article date.
            None if cap(c, "yrel").is_some() => {
                let offset = match cap(c, "yrel")?.to_lowercase().as_str() {
                    "lalu" | "kemarin" | "silam" => -1,
                    "depan" | "mendatang" => 1,
                    _ => 0,
                };
                (dct?.year() + offset, Anchor::ArticleDate(dct?))
            }
            None => {
                let dct = dct?;
                (
                    infer_year(dct, month, day, tense)?,
                    Anchor::ArticleDate(dct),
                )
            }
        };
        return Some(match day {
            Some(d) => {
                let date = NaiveDate::from_ymd_opt(y, month, d)?;
                let mut r = finish(Point::Day(date), time_suffix, anchor, false);
                if let Some(d2) = cap(c, "d2").and_then(|d| d.parse::<u32>().ok()) {
                    r.bounds = Some((date, NaiveDate::from_ymd_opt(y, month, d2)?));
                }
                r
            }
            None => finish(Point::Month(y, month), None, anchor, false),
        });
    }

    // A day of the month alone ("tanggal 16"): the month of the range it opens ("tanggal 16
    // hingga 22 Januari 2018", "23 - 27 November"; the range's days are its bounds), else the
    // nearest such day to the article date (never for a bare number: `range_start`).
    if let (Some(d), None) = (day, month) {
        let dct = dct?;
        let end = range_opened_at(c, start);
        if let Some((last, month, stated)) = range_month(lex, &ctx.text[end..]) {
            // The year the range's last day, tagged on its own, gets.
            let y = match stated {
                Some(y) => y,
                None => infer_year(
                    dct,
                    month,
                    Some(last),
                    tense(lex, dir, ctx.text, start, true),
                )?,
            };
            let first = NaiveDate::from_ymd_opt(y, month, d)?;
            let mut r = finish(
                Point::Day(first),
                time_suffix,
                Anchor::ArticleDate(dct),
                false,
            );
            if let Some(last) = NaiveDate::from_ymd_opt(y, month, last).filter(|l| *l > first) {
                r.bounds = Some((first, last));
            }
            return Some(r);
        }
        if rule.value.as_deref() == Some("range_start") {
            return None;
        }
        let date = [-1i64, 0, 1]
            .iter()
            .filter_map(|off| match shift(dct, *off, "M")? {
                Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, d),
                _ => None,
            })
            .min_by_key(|c| c.signed_duration_since(dct).num_days().abs())?;
        return Some(finish(
            Point::Day(date),
            time_suffix,
            Anchor::ArticleDate(dct),
            false,
        ));
    }

    // Weekdays, by tense.
    if let Some(wd) = cap(c, "wd") {
        let dct = dct?;
        let target = weekday_from(*lex.weekdays.get(&wd.to_lowercase())?)?;
        let back = (7 + dct.weekday().num_days_from_monday() as i64
            - target.num_days_from_monday() as i64)
            % 7;
        let date = match dir {
            Some("past") => dct - Duration::days(if back == 0 { 7 } else { back }),
            Some("future") => dct + Duration::days(if back == 0 { 7 } else { 7 - back }),
            Some("this") => {
                dct - Duration::days(dct.weekday().num_days_from_monday() as i64)
                    + Duration::days(target.num_days_from_monday() as i64)
            }
            _ if future_cue(lex, ctx.text, start) => {
                dct + Duration::days(if back == 0 { 7 } else { 7 - back })
            }
            _ => dct - Duration::days(back),
        };
        let mut r = finish(
            Point::Day(date),
            time_suffix,
            Anchor::ArticleDate(dct),
            false,
        );
        // "antara Senin dan Rabu": the range runs to the next such weekday on or after the first.
        if let Some(wd2) = cap(c, "wd2") {
            let second = weekday_from(*lex.weekdays.get(&wd2.to_lowercase())?)?;
            let ahead = (7 + second.num_days_from_monday() as i64
                - date.weekday().num_days_from_monday() as i64)
                % 7;
            r.bounds = Some((date, date + Duration::days(ahead)));
        }
        return Some(r);
    }

    // Periods relative to the article date: "pekan lalu", "next year", "bulan ini".
    if let Some(unit) = unit {
        let dct = dct?;
        let off = match dir {
            Some("past") => -1,
            Some("future") => 1,
            Some("this") => 0,
            _ => return None,
        };
        // A plural names no one period: "the coming months" is the future at large.
        if cap(c, "unit").is_some_and(|u| is_plural_unit(lex, u)) {
            let value = ["PAST_REF", "PRESENT_REF", "FUTURE_REF"][(off + 1) as usize];
            return Some(simple(TimexType::Date, value.into()));
        }
        return Some(finish(
            shift(dct, off, unit)?,
            None,
            Anchor::ArticleDate(dct),
            false,
        ));
    }

    if let Some(y) = year {
        if cap(c, "fiscal").is_some() {
            return Some(simple(TimexType::Date, format!("FY{y:04}")));
        }
        return Some(finish(Point::Year(y), None, Anchor::None, false));
    }

    // A clock time or a part of the day alone: on the day its sentence stated before it ("pada 23
    // Agustus tahun lalu, sekitar pukul 09.10"), else on the article date where the language's
    // news does so, else on a day unknown.
    if let Some(suffix) = time_suffix {
        // "pukul 19.30 WIB tadi": today's.
        if let (Some(dct), Some(_)) = (dct, cap(c, "today")) {
            return Some(finish(
                Point::Day(dct),
                Some(suffix),
                Anchor::ArticleDate(dct),
                false,
            ));
        }
        if let Some((day, _)) = ctx
            .told_day
            .filter(|(_, end)| *end <= start && !ends_sentence(&ctx.text[*end..start]))
        {
            return Some(finish(
                Point::Day(day),
                Some(suffix),
                Anchor::Narrative(day),
                true,
            ));
        }
        return Some(match (lex.bare_clock_unknown, dct) {
            (false, Some(dct)) => finish(
                Point::Day(dct),
                Some(suffix),
                Anchor::ArticleDate(dct),
                false,
            ),
            _ => simple(TimexType::Time, format!("XXXX-XX-XX{suffix}")),
        });
    }
    None
}

/// A year in words as it is spoken: "nineteen ninety-six" (two numbers of two digits), "two
/// thousand and one" (one number).
fn spelled_year(lex: &TimeLexicon, words: &str) -> Option<i32> {
    let words = norm(words).replace(" and ", " ");
    if let Some(v) = lex.number(&words).filter(|v| *v >= 1000.0) {
        return Some(v as i32);
    }
    let (century, rest) = words.split_once(' ')?;
    let (century, rest) = (lex.number(century)?, lex.number(rest)?);
    ((10.0..100.0).contains(&century) && rest < 100.0).then_some((century * 100.0 + rest) as i32)
}

/// Whether the word before `at` is a capitalised word inside a sentence (a name: "Theresa" before
/// "May"), not one that opens it ("In May").
fn after_name(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    before[word_start..].starts_with(char::is_uppercase) && !opens_sentence(before, word_start)
}

/// Whether a word at `at` opens a sentence: nothing but white space after the text's start, a
/// sentence's end, an opening quote or a line break before it.
fn opens_sentence(text: &str, at: usize) -> bool {
    text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace() || *c == '\n')
        .is_none_or(|(i, c)| matches!(c, '"' | '“') || stop(text, i, c, false))
}

/// Whether a unit word is the plural of another ("months" of "month").
fn is_plural_unit(lex: &TimeLexicon, unit: &str) -> bool {
    let unit = norm(unit);
    unit.strip_suffix('s')
        .is_some_and(|one| lex.units.contains_key(one))
}

/// 1 to 4 from the ordinals that number quarters and halves: "first", "1st", "I", "pertama",
/// "1"... "fourth", "4th", "IV", "keempat", "4".
fn quarter_number(q: &str) -> Option<u32> {
    Some(match q.to_lowercase().as_str() {
        "first" | "1st" | "i" | "pertama" | "1" => 1,
        "second" | "2nd" | "ii" | "kedua" | "2" => 2,
        "third" | "3rd" | "iii" | "ketiga" | "3" => 3,
        "fourth" | "4th" | "iv" | "keempat" | "4" => 4,
        _ => return None,
    })
}

fn split_number(spec: &str) -> (i64, &str) {
    let end = spec
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '+'))
        .unwrap_or(spec.len());
    (
        spec[..end].trim_start_matches('+').parse().unwrap_or(0),
        &spec[end..],
    )
}

/// The year, season, quarter or month stated since the last day, when it is as fine as the
/// offset's `unit` asks: a year for "a year later", a month for "two months later".
fn coarse_base(ctx: &Context<'_>, unit: &str) -> Option<NaiveDate> {
    let (first, grain) = ctx.told_coarse?;
    let fine_enough = match unit {
        "Y" | "8Y" | "10Y" | "DE" | "CE" => true,
        "Q" => matches!(grain, Grain::Quarter | Grain::Month),
        "M" => grain == Grain::Month,
        _ => false,
    };
    fine_enough.then_some(first)
}

fn finish(point: Point, suffix: Option<String>, anchor: Anchor, _narrative: bool) -> Resolved {
    let mut value = point.value();
    let mut timex_type = TimexType::Date;
    if let Some(s) = suffix {
        value.push_str(&s);
        timex_type = TimexType::Time;
    }
    Resolved {
        timex_type,
        value,
        grain: point.grain(),
        bounds: point.bounds(),
        anchor,
    }
}

/// Tags `text` (in language `lang`) with time expressions, resolving relative ones against the
/// article date `dct`. Without a `dct`, only expressions that need no anchor are kept.
pub fn tag_text(text: &str, lang: &str, dct: Option<NaiveDate>) -> Vec<TimeExpr> {
    let Some(lex) = lexicon(lang) else {
        return vec![];
    };
    struct Candidate<'t> {
        start: usize,
        end: usize,
        rule: usize,
        caps: Captures<'t>,
    }
    let mut cands: Vec<Candidate<'_>> = Vec::new();
    // Where the text first names a quarter ("third-quarter"): after it, "the quarter" is that
    // of the report even in a sentence without an earnings word ("during the quarter").
    let mut first_quarter: Option<usize> = None;
    for (ri, rule) in lex.rules.iter().enumerate() {
        let range_start = rule.value.as_deref() == Some("range_start");
        for caps in rule.regex.captures_iter(text) {
            let m = caps.get(0).expect("group 0");
            // A range's first number ("1 - 3 Maret") is matched with the range's link after it,
            // which stays outside the expression.
            let m = match (range_start, caps.name("n").or_else(|| caps.name("d"))) {
                (true, Some(number)) => number,
                _ => m,
            };
            if m.start() == m.end() || !on_word_boundaries(text, m.start(), m.end()) {
                continue;
            }
            if rule.capitalized {
                let word = caps.name("mo").or_else(|| caps.name("wd"));
                if word.is_some_and(|w| !w.as_str().starts_with(char::is_uppercase)) {
                    continue;
                }
                // "Christmas", "Hari Kartini": a named day is written with a capital.
                let holiday = caps.name("holiday");
                if holiday.is_some_and(|w| !w.as_str().contains(char::is_uppercase)) {
                    continue;
                }
            }
            // A month after a capitalised number word is a name: Universitas "Sebelas Maret",
            // Institut Teknologi "Sepuluh November" (dates write the day in digits).
            if let Some(mo) = caps.name("mo").filter(|mo| mo.start() == m.start()) {
                let before = text[..mo.start()].trim_end();
                let word = before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if word.starts_with(char::is_uppercase)
                    && word.chars().count() > 2
                    && lex.numbers.contains_key(&word.to_lowercase())
                {
                    continue;
                }
            }
            // "Minggu" is a week and Sunday: written with a capital inside a sentence, the day
            // ("pada Minggu lalu"; "minggu lalu" is last week).
            if let Some(unit) = caps.name("unit") {
                let word = unit.as_str();
                if word.starts_with(char::is_uppercase)
                    && !opens_sentence(text, unit.start())
                    && lex.weekdays.contains_key(&word.to_lowercase())
                {
                    continue;
                }
            }
            // A bare three-letter abbreviation of a month or weekday ("Jan", "Sun") is more often
            // a name than a date. A full name of three letters ("May", "Mei") is a surname after
            // another capitalised word inside a sentence ("Theresa May"), else the month ("In May").
            if let Some(word) = caps.name("mo").or_else(|| caps.name("wd")) {
                if word.as_str().len() <= 3 && word.as_str() == m.as_str() {
                    let w = word.as_str().to_lowercase();
                    let table = if caps.name("mo").is_some() {
                        &lex.months
                    } else {
                        &lex.weekdays
                    };
                    let abbreviation = table.iter().any(|(k, v)| {
                        k.len() > w.len() && k.starts_with(&w) && Some(v) == table.get(&w)
                    });
                    if abbreviation || after_name(text, m.start()) {
                        continue;
                    }
                }
            }
            let reports_quarter = first_quarter.is_some_and(|q| q < m.start())
                && rule.value.as_deref() == Some("reported_quarter");
            if !rule.context.is_empty()
                && !reports_quarter
                && !sentence_has(text, m.start(), m.end(), &rule.context)
            {
                continue;
            }
            if !rule.not_context.is_empty()
                && sentence_has(text, m.start(), m.end(), &rule.not_context)
            {
                continue;
            }
            if caps.name("quarter").is_some() {
                first_quarter = Some(first_quarter.map_or(m.start(), |q| q.min(m.start())));
            }
            let after = &text[m.end()..];
            if rule.not_before.iter().any(|s| {
                after
                    .get(..s.len())
                    .is_some_and(|a| a.eq_ignore_ascii_case(s))
            }) {
                continue;
            }
            if blocked_year(lex, text, &caps)
                || amount_not_clock(lex, text, &caps)
                || year_as_count(&caps)
            {
                continue;
            }
            cands.push(Candidate {
                start: m.start() + article_before_number(lex, m.as_str()),
                end: m.end(),
                rule: ri,
                caps,
            });
        }
    }
    // Validate each candidate on its own, then keep the longest, earliest-rule ones without overlap.
    let probe = Context {
        text,
        dct,
        narrative: dct,
        told_day: None,
        told_quarter: None,
        told_coarse: None,
    };
    cands.retain(|c| resolve(lex, &lex.rules[c.rule], &c.caps, &probe, c.start).is_some());
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.rule, c.start));
    let mut kept: Vec<Candidate<'_>> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.end <= k.start || c.start >= k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    let mut ctx = Context {
        text,
        dct,
        narrative: dct,
        told_day: None,
        told_quarter: None,
        told_coarse: None,
    };
    let mut out = Vec::with_capacity(kept.len());
    for c in kept {
        let rule = &lex.rules[c.rule];
        let Some(r) = resolve(lex, rule, &c.caps, &ctx, c.start) else {
            continue;
        };
        match (r.grain, r.bounds) {
            (Grain::Day, Some((day, _))) => {
                ctx.narrative = Some(day);
                ctx.told_day = Some((day, c.end));
                ctx.told_coarse = None;
            }
            (Grain::Year | Grain::Season | Grain::Month, Some((first, _))) => {
                ctx.told_coarse = Some((first, r.grain));
            }
            (Grain::Quarter, Some((first, last))) if (last - first).num_days() < 100 => {
                ctx.told_coarse = Some((first, Grain::Quarter));
                // A report is on a quarter that has ended ("expects fourth-quarter profit" is a
                // forecast), and not on the year-ago quarter it compares with.
                let told = (first.year(), (first.month() - 1) / 3 + 1);
                if dct.is_some_and(|d| last <= d)
                    && ctx.told_quarter.is_none_or(|(y, q)| (y - 1, q) != told)
                {
                    ctx.told_quarter = Some(told);
                }
            }
            _ => {}
        }
        out.push(TimeExpr {
            span: Span::new(c.start, c.end),
            surface: text[c.start..c.end].to_string(),
            timex_type: r.timex_type,
            value: r.value,
            grain: r.grain,
            earliest: r.bounds.map(|b| b.0),
            latest: r.bounds.map(|b| b.1),
            anchor: r.anchor,
            provenance: Provenance::rule(rule.id.clone()),
        });
    }
    out
}

/// Whether the sentence around `start..end` has one of `words` (lower case, whole words).
fn sentence_has(text: &str, start: usize, end: usize, words: &[String]) -> bool {
    let stop_at = |i: usize, c: char| stop(text, i, c, false);
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|(i, c)| stop_at(*i, *c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|(i, c)| stop_at(end + i, *c))
        .map_or(text.len(), |(i, _)| end + i);
    text[from..to]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && words.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// The day, month (and year, when stated) that close a range opened before `rest`:
/// " hingga 22 Januari 2018", " - 22 Januari", " sampai dengan tanggal 22 Januari".
fn range_month(lex: &TimeLexicon, rest: &str) -> Option<(u32, u32, Option<i32>)> {
    // "1-3 Maret": a dash glued to the days is a word of its own.
    let rest = rest.replace('-', " - ").replace('–', " – ");
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .peekable();
    let link = words.next()?;
    if !matches!(
        link.as_str(),
        "hingga" | "sampai" | "s/d" | "-" | "–" | "to" | "through"
    ) {
        return None;
    }
    if words.peek().is_some_and(|w| w == "dengan") {
        words.next();
    }
    if words.peek().is_some_and(|w| w == "tanggal") {
        words.next();
    }
    let day = words.next()?;
    if day.is_empty() || day.len() > 2 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = *lex.months.get(words.next()?.trim_end_matches('.'))?;
    let year = words
        .next()
        .filter(|w| w.len() == 4)
        .and_then(|w| w.parse::<i32>().ok());
    Some((day.parse().ok()?, month, year))
}

/// Where the text after an expression that may open a range begins: after its number (the rule
/// matched the range's link too, which stays outside), else after the whole match.
fn range_opened_at(c: &Captures, start: usize) -> usize {
    c.name("n")
        .or_else(|| c.name("d"))
        .or_else(|| c.get(0))
        .map_or(start, |m| m.end())
}

/// The unit of the duration that closes a range opened before `rest`: " - 2 tahun", " hingga
/// lima hari".
fn range_unit<'l>(lex: &'l TimeLexicon, rest: &str) -> Option<&'l str> {
    let rest = rest.replace('-', " - ").replace('–', " – ");
    let mut words = rest.split_whitespace().map(str::to_lowercase);
    let link = words.next()?;
    if !matches!(link.as_str(), "-" | "–" | "hingga" | "sampai" | "to") {
        return None;
    }
    lex.number(&words.next()?)?;
    lex.units.get(&words.next()?).map(String::as_str)
}

/// Whether a stretch of text ends a sentence: a full stop, "!" or "?" before white space or a
/// line break (not the dot of "09.10"; an abbreviation's dot counts, erring on the side of no
/// day).
fn ends_sentence(between: &str) -> bool {
    between
        .char_indices()
        .any(|(i, c)| stop(between, i, c, false))
}

/// Whether the character `c` at byte `i` of `text` ends a sentence (with `clause`, a clause): a
/// line break, or a stop before white space — not the dot of "$14.5 million" or "09.10".
fn stop(text: &str, i: usize, c: char, clause: bool) -> bool {
    let mark = matches!(c, '.' | '!' | '?') || (clause && matches!(c, ',' | ';' | ':'));
    c == '\n' || (mark && text[i + c.len_utf8()..].starts_with(char::is_whitespace))
}

/// Whether a count before a unit is a year: "the 1988 quarter" is no 1,988 quarters ("2,000 years"
/// and "1988 years" with a plural stay counts).
fn year_as_count(caps: &Captures<'_>) -> bool {
    let (Some(n), Some(unit)) = (caps.name("n"), caps.name("unit")) else {
        return false;
    };
    let n = n.as_str();
    n.len() == 4
        && n.bytes().all(|b| b.is_ascii_digit())
        && (1500..2100).contains(&n.parse::<u32>().unwrap_or(0))
        && !unit.as_str().ends_with(['s', 'S'])
}

/// Whether a clock match is an amount: "2.46 billion", "$23.25", where the language writes times
/// with a colon (or the dot with "a.m."/"p.m." or a zone), or any clock right after a currency sign.
fn amount_not_clock(lex: &TimeLexicon, text: &str, caps: &Captures<'_>) -> bool {
    let (Some(hh), Some(mm)) = (caps.name("hh"), caps.name("mm")) else {
        return false;
    };
    let marked = caps.name("ampm").is_some() || caps.name("tz").is_some();
    // Pre-tokenised text splits a clock ("7 : 35 am"); a score or a ratio is split alike, so a
    // spaced one needs "a.m."/"p.m." or a zone.
    if text[hh.end()..mm.start()].contains(' ') && !marked {
        return true;
    }
    // A clock after a date or weekday ("Tuesday 10.30") is one.
    if ["mo", "wd", "d", "m"]
        .iter()
        .any(|g| caps.name(g).is_some())
    {
        return false;
    }
    let currency = text[..hh.start()]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '$' | '£' | '€' | '¥'));
    let dotted = text[hh.end()..mm.start()].starts_with('.');
    currency || (lex.dotted_clock_needs_am_pm && dotted && !marked)
}

/// The length of an article opening a match that belongs to the noun after the expression: "a"
/// before a number ("a five year plan"), or any article before a hyphened unit used as an
/// adjective ("a two-year contract", "the third-quarter results"). Left out of the extent.
fn article_before_number(lex: &TimeLexicon, matched: &str) -> usize {
    let Some((first, rest)) = matched.split_once(char::is_whitespace) else {
        return 0;
    };
    let first = first.to_lowercase();
    let indefinite = matches!(first.as_str(), "a" | "an");
    if !indefinite && first != "the" {
        return 0;
    }
    let rest_trimmed = rest.trim_start();
    let adjective = !rest_trimmed.contains(char::is_whitespace)
        && rest_trimmed
            .rsplit_once('-')
            .is_some_and(|(_, unit)| lex.units.contains_key(&unit.to_lowercase()));
    let next = rest_trimmed
        .split(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or("");
    let numeric = next.starts_with(|c: char| c.is_ascii_digit())
        || (lex.number(next).is_some_and(|v| v >= 1.0)
            && !matches!(next.to_lowercase().as_str(), "a" | "an"));
    if adjective || (indefinite && numeric) {
        matched.len() - rest_trimmed.len()
    } else {
        0
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let last = text[..end].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // "Rp 2.000" and "1,5": a number glued to more digits is part of a bigger number.
    let digit_join = |c: Option<char>, next: Option<char>| {
        matches!(c, Some('.') | Some(',')) && next.is_some_and(|n| n.is_ascii_digit())
    };
    let after2 = text[end..].chars().nth(1);
    let before2 = text[..start].chars().rev().nth(1);
    // "KC-30s", "F-35", "B-52s": a number hyphenated to a capital is a model's name.
    let model_name = before == Some('-') && before2.is_some_and(char::is_uppercase);
    let glued = word(before)
        || model_name
        || (word(after) && last.is_some_and(|l| l.is_alphanumeric()))
        || digit_join(after, after2)
        || (digit_join(before, Some('0')) && before2.is_some_and(|b| b.is_ascii_digit()));
    !glued
}

/// A bare year right after an identifier word ("UU Nomor 12 Tahun 2011") or a currency is not a time.
fn blocked_year(lex: &TimeLexicon, text: &str, caps: &Captures<'_>) -> bool {
    let whole = caps.get(0).expect("group 0");
    let start = whole.start();
    let before = text[..start].to_lowercase();
    // "Nomor 12 Tahun 2011": a number right after an identifier word is part of the identifier.
    if whole.as_str().starts_with(|c: char| c.is_ascii_digit()) {
        let prev = before
            .split_whitespace()
            .next_back()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'));
        if prev.is_some_and(|w| lex.year_blockers.iter().any(|b| b == w)) {
            return true;
        }
    }
    if caps.name("y").is_none() || caps.name("mo").is_some() || caps.name("m").is_some() {
        return false;
    }
    // "$2008", "€2000": money, not a year.
    if text[..start].ends_with(['$', '€', '£', '¥']) {
        return true;
    }
    // "2022 ton", "2000 employees": a count, not a year.
    let next = text[whole.end()..].split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    if next.is_some_and(|w| lex.count_nouns.contains(&w)) {
        return true;
    }
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    // "terdapat 1500 tahanan", "some 1200 prisoners": a bare number before 1900 with a word in
    // lower case after it and no word of time before it ("pada", "in") counts something; modern
    // news names such years with a cue ("pada 1883 letusan Krakatau").
    let bare = whole.as_str().starts_with(|c: char| c.is_ascii_digit());
    let early = caps
        .name("y")
        .and_then(|y| y.as_str().parse::<u32>().ok())
        .is_some_and(|y| y < 1900);
    let after = text[whole.end()..]
        .split_whitespace()
        .next()
        .unwrap_or_default();
    let cue = words.first().is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        lex.year_cues.iter().any(|c| c == w)
    });
    if bare
        && early
        && !cue
        && after.starts_with(char::is_lowercase)
        && after.chars().all(char::is_alphabetic)
    {
        return true;
    }
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        lex.year_blockers.iter().any(|b| b == w) || w == "rp" || w.starts_with('$')
    }) || words.first().is_some_and(|w| {
        // A number before it is a count or a score ("1 2018"), unless it ends a hyphened code
        // ("Piala Asia U-16 2018", "U - 16 2018", "G-20 2019").
        let code = w.contains('-') && w.chars().any(char::is_alphabetic)
            || words.get(1).is_some_and(|p| *p == "-");
        w.chars().any(|c| c.is_ascii_digit()) && !code
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn seed_article_timexes() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/resources/demo/gatra-kremlin-talks.txt"
        ))
        .unwrap();
        let got: Vec<(String, String)> = tag_text(&text, "id", Some(d("2022-03-01")))
            .into_iter()
            .map(|t| (t.surface, t.value))
            .collect();
        for (surface, value) in [
            ("pekan lalu", "2022-W08"),
            ("Selasa (1/3)", "2022-03-01"),
            ("hari Senin", "2022-02-28"),
            ("beberapa jam", "PXH"),
            ("hari Selasa", "2022-03-01"),
            ("Kamis lalu", "2022-02-24"),
        ] {
            assert!(
                got.iter().any(|(s, v)| s == surface && v == value),
                "missing {surface} = {value} in {got:?}"
            );
        }
    }

    #[test]
    fn anaphoric_offsets_follow_the_narrative() {
        let got = tag_text(
            "Rapat digelar 2 Mei 2016. Seminggu kemudian hasilnya diumumkan.",
            "id",
            Some(d("2016-06-01")),
        );
        assert_eq!(got[1].value, "2016-05-09");
        assert_eq!(got[1].anchor, Anchor::Narrative(d("2016-05-02")));
        let en = tag_text(
            "They met on March 3, 2020. Two days later the deal was signed.",
            "en",
            Some(d("2021-01-01")),
        );
        assert_eq!(en[1].value, "2020-03-05");
    }

    #[test]
    fn a_year_later_counts_from_the_nearest_year() {
        let en = tag_text(
            "He was born on February 24, 1955. He started Apple in 1976, and in 1984 the first \
             Macintosh came out. One year later he was fired. Two days later he left.",
            "en",
            Some(d("2011-10-06")),
        );
        let value = |s: &str| en.iter().find(|t| t.surface == s).map(|t| t.value.clone());
        assert_eq!(value("One year later").as_deref(), Some("1985"));
        // A day offset still needs a day to count from: the last full date.
        assert_eq!(value("Two days later").as_deref(), Some("1955-02-26"));
        let id = tag_text(
            "Pada 3 Mei 2010 pabrik dibuka. Pada Maret 2012 pabrik diperluas. Dua bulan kemudian \
             pabrik ditutup.",
            "id",
            Some(d("2015-01-01")),
        );
        let value = |s: &str| id.iter().find(|t| t.surface == s).map(|t| t.value.clone());
        assert_eq!(value("Dua bulan kemudian").as_deref(), Some("2012-05"));
    }

    #[test]
    fn weekday_ranges_span_both_days() {
        let got = tag_text(
            "Sidang digelar antara Senin dan Rabu.",
            "id",
            Some(d("2022-03-04")),
        );
        assert_eq!(
            (got[0].surface.as_str(), got[0].value.as_str()),
            ("antara Senin dan Rabu", "2022-02-28")
        );
        assert_eq!(
            (got[0].earliest, got[0].latest),
            (Some(d("2022-02-28")), Some(d("2022-03-02")))
        );
        let en = tag_text(
            "Talks ran from Monday to Wednesday.",
            "en",
            Some(d("2022-03-04")),
        );
        assert_eq!(
            (en[0].surface.as_str(), en[0].latest),
            ("Monday to Wednesday", Some(d("2022-03-02")))
        );
    }

    #[test]
    fn amounts_and_ages_are_not_times() {
        let tagged = |text: &str, lang: &str| -> Vec<(String, String)> {
            tag_text(text, lang, Some(d("1989-11-02")))
                .into_iter()
                .map(|t| (t.surface, t.value))
                .collect()
        };
        // English writes clock times with a colon; a dotted number is an amount...
        assert!(tagged("Sales were 2.46 billion guilders.", "en").is_empty());
        assert!(tagged("Primerica closed at $23.25, off 12.5 cents.", "en").is_empty());
        // ...unless "a.m."/"p.m." or a zone marks it, or a date leads it.
        assert_eq!(
            tagged("The blast came at 10.30 p.m.", "en")[0].1,
            "1989-11-02T22:30"
        );
        assert_eq!(tagged("They met at 10:30.", "en")[0].1, "1989-11-02T10:30");
        // Indonesian writes "pukul 10.30"; a price after a currency sign is no time anywhere.
        assert_eq!(
            tagged("Rapat dimulai pukul 10.30.", "id")[0].0,
            "pukul 10.30"
        );
        assert!(tagged("Harganya $10.30 per lembar.", "id").is_empty());
        // An age is no duration.
        assert!(tagged("A 6-year-old boy and his 44-year-old father.", "en").is_empty());
        assert!(tagged("She is six years old.", "en").is_empty());
        // A year before a singular unit is no count of them.
        assert_eq!(
            tagged("Profit in the 1988 quarter rose.", "en"),
            [("the 1988 quarter".into(), "1988-Q3".into())]
        );
        assert_eq!(
            tagged("a 1988 quarter", "en"),
            [("1988".into(), "1988".into())]
        );
        assert_eq!(tagged("1500 years", "en")[0].1, "P1500Y");
    }

    #[test]
    fn an_article_before_a_number_belongs_to_the_noun() {
        let tagged = |text: &str| -> Vec<(String, String)> {
            tag_text(text, "en", Some(d("1998-01-08")))
                .into_iter()
                .map(|t| (t.surface, t.value))
                .collect()
        };
        let cases = [
            // "a five year plan" was read as one plus five.
            ("a five year plan", "five year", "P5Y"),
            ("a two-hour meeting", "two-hour", "PT2H"),
            ("a 10-day visit", "10-day", "P10D"),
            ("the third-quarter results", "third-quarter", "1997-Q3"),
            ("the third quarter", "the third quarter", "1997-Q3"),
            // The article alone is the number: "a year".
            ("for a year", "a year", "P1Y"),
            // Determiners and ordinals stay inside ("the first nine months").
            ("in the first nine months", "the first nine months", "P9M"),
            // A modifier before "ago" keeps the offset; a vague amount ago is the past.
            ("nearly four years ago", "nearly four years ago", "1994"),
            ("several years ago", "several years ago", "PAST_REF"),
        ];
        for (text, surface, value) in cases {
            assert_eq!(
                tagged(text),
                [(surface.to_string(), value.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn named_days_fall_on_their_dates() {
        assert_eq!(holiday_in("12-25", 2021), Some(d("2021-12-25")));
        assert_eq!(holiday_in("11-thu-4", 1999), Some(d("1999-11-25")));
        assert_eq!(holiday_in("11-thu-4", 2024), Some(d("2024-11-28")));
        assert_eq!(holiday_in("05-mon-last", 2023), Some(d("2023-05-29")));
        assert_eq!(holiday_in("09-mon-1", 2023), Some(d("2023-09-04")));
        // Easter by the computus, and days counted from it.
        assert_eq!(holiday_in("easter", 2000), Some(d("2000-04-23")));
        assert_eq!(holiday_in("easter", 2024), Some(d("2024-03-31")));
        assert_eq!(holiday_in("easter-2", 2025), Some(d("2025-04-18")));
        assert_eq!(holiday_in("easter+1", 2025), Some(d("2025-04-21")));
        // No fifth Thursday in November 2022; no 30 February; nonsense is no date.
        assert_eq!(holiday_in("11-thu-5", 2022), None);
        assert_eq!(holiday_in("02-30", 2022), None);
        assert_eq!(holiday_in("xx-yy", 2022), None);
        // A named day takes its nearest occurrence, or the one the text points to.
        let got = tag_text(
            "Sales rose before Christmas and will peak at Easter.",
            "en",
            Some(d("2022-03-01")),
        );
        let values: Vec<&str> = got.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["2021-12-25", "2022-04-17"]);
        // Lower case is no name: "christmas" in a URL or a slogan.
        assert!(tag_text("merry christmas", "en", Some(d("2022-03-01"))).is_empty());
        let id = tag_text(
            "Peringatan Hari Kartini digelar di sekolah.",
            "id",
            Some(d("2017-04-20")),
        );
        assert_eq!(id[0].value, "2017-04-21");
    }

    #[test]
    fn future_words_turn_a_weekday_ahead() {
        let got = tag_text(
            "Menteri akan bertemu pada Kamis.",
            "id",
            Some(d("2022-03-01")),
        );
        assert_eq!(got[0].value, "2022-03-03");
        let got = tag_text(
            "The minister will meet on Thursday.",
            "en",
            Some(d("2022-03-01")),
        );
        assert_eq!(got[0].value, "2022-03-03");
    }

    #[test]
    fn numbers_in_words_and_identifiers() {
        let lex = lexicon("id").unwrap();
        assert_eq!(lex.number("dua puluh satu"), Some(21.0));
        assert_eq!(lex.number("tiga belas"), Some(13.0));
        assert_eq!(lexicon("en").unwrap().number("twenty-one"), Some(21.0));
        assert!(tag_text(
            "UU Nomor 12 Tahun 2011 berlaku.",
            "id",
            Some(d("2022-01-01"))
        )
        .is_empty());
        assert!(tag_text("Harganya Rp 2.000 per kilo.", "id", Some(d("2022-01-01"))).is_empty());
        assert!(tag_text("It may rain.", "en", Some(d("2022-01-01"))).is_empty());
    }

    /// Bad input never panics and never yields an invalid value: a property test over generated
    /// text made of time words, digits, punctuation and other scripts.
    #[test]
    fn generated_and_hostile_text_never_panics_or_gives_invalid_values() {
        let valid = regex::Regex::new(concat!(
            r"^(\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q[1-4]|SP|SU|FA|WI))?(T(\d{2}:\d{2}|MO|AF|EV|NI|MI))?",
            r"|\d{2,3}|XXXX-\d{2}-\d{2}|XXXX-XX-XXT(\d{2}:\d{2}|MO|AF|EV|NI)",
            r"|PT?(\d+(\.\d+)?|X)(Y|M|W|D|H|S|DE|CE)|PRESENT_REF|PAST_REF|FUTURE_REF)$"
        ))
        .unwrap();
        let pieces = [
            "Selasa",
            "(",
            "1/3",
            "99/99/9999",
            "31 Februari 2022",
            "0000",
            "10000",
            "tahun",
            "2022",
            "lalu",
            "depan",
            "kemarin",
            "pukul",
            "25.99",
            "WIB",
            "dua",
            "puluh",
            "hari",
            "setiap",
            "March",
            "31,",
            "Feb",
            "29",
            "ago",
            "in",
            "three",
            "weeks",
            "next",
            "Monday",
            "p.m.",
            "9",
            "99999999999999999999999",
            "mid-",
            "1990s",
            "\u{627}\u{644}\u{64a}\u{648}\u{645}",
            "日本",
            "𝄞",
            "-",
            ".",
            "keesokan harinya",
            "awal",
            "musim hujan",
            "the",
            "1e308",
            "0/0",
            "12:60",
            "sejak",
        ];
        let mut rng = crate::bench::Rng::new(5);
        for round in 0..400 {
            let mut text = String::new();
            for _ in 0..(1 + rng.below(40)) {
                text.push_str(pieces[rng.below(pieces.len() as u64) as usize]);
                text.push(if rng.below(4) == 0 { '\n' } else { ' ' });
            }
            for lang in ["id", "en"] {
                let dct = if round % 5 == 0 {
                    None
                } else {
                    Some(d("2022-03-01"))
                };
                for t in tag_text(&text, lang, dct) {
                    assert!(
                        valid.is_match(&t.value),
                        "invalid value {:?} for {:?} in {text:?}",
                        t.value,
                        t.surface
                    );
                    assert_eq!(&text[t.span.start..t.span.end], t.surface);
                }
            }
        }
        let long_line = "9".repeat(100_000) + " hari lalu " + &"Selasa (1/3) ".repeat(2000);
        assert!(tag_text(&long_line, "id", Some(d("2022-03-01"))).len() >= 2000);
        // An impossible day is dropped (what remains valid, "Februari 2022", may stay); 99/99 is nothing.
        let got = tag_text(
            "Pada 31 Februari 2022 dan 99/99/9999.",
            "id",
            Some(d("2022-03-01")),
        );
        assert!(
            got.iter()
                .all(|t| t.value == "2022-02" && t.surface == "Februari 2022"),
            "{got:?}"
        );
    }

    #[test]
    fn without_an_article_date_only_absolute_expressions_stay() {
        let got = tag_text("Pada 3 Maret 2022 dan kemarin.", "id", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, "2022-03-03");
    }
}
