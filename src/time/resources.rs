//! Loads a language's time-expression resources (`resources/<lang>/time.toml`) and compiles its
//! rules: `{placeholders}` in patterns become named capture groups built from the word classes.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::lang;
use crate::model::TimexType;

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub timex_type: TimexType,
    pub regex: Regex,
    /// The weekday or month word must start with a capital ("May" the month, not the verb).
    pub capitalized: bool,
    /// A fixed value or a small directive (see `normalise`), for rules the captures cannot describe.
    pub value: Option<String>,
    /// The direction to assume when the pattern captures none ("in three weeks" looks ahead).
    pub dir_default: Option<String>,
    /// Text that, right after a match, shows it is no time expression ("-old": "a 6-year-old" is
    /// an age); compared ignoring ASCII case.
    pub not_before: Vec<String>,
    /// Words one of which the sentence must have for the rule to apply ("the quarter" is a
    /// fiscal quarter in a sentence about earnings); empty: always.
    pub context: Vec<String>,
    /// Words none of which the sentence may have ("the third quarter" of a game: "touchdown").
    pub not_context: Vec<String>,
    /// `[text, article date, expected value]`.
    pub examples: Vec<[String; 3]>,
}

/// A language's word classes and rules.
#[derive(Debug)]
pub struct TimeLexicon {
    pub lang: &'static str,
    pub bare_clock_unknown: bool,
    /// Whether a clock written with a dot ("10.30") needs "a.m."/"p.m." or a time zone to be one:
    /// English writes times with a colon, and "2.46 billion" or "$23.25" are amounts.
    pub dotted_clock_needs_am_pm: bool,
    pub future_cues: Vec<String>,
    /// Past-tense verbs that, between a future word and an expression, keep the word from
    /// reaching it ("will ... said Monday").
    pub past_cues: Vec<String>,
    /// Words that, right before a day or month without a year, set a deadline ahead ("by August",
    /// "effective Feb. 1").
    pub deadline_cues: Vec<String>,
    pub year_blockers: Vec<String>,
    pub count_nouns: Vec<String>,
    /// Words of time right before a year ("pada", "sejak", "in"): with one, an early year is a
    /// year whatever follows it.
    pub year_cues: Vec<String>,
    /// Words joining number words ("two and a half").
    pub number_connectors: Vec<String>,
    pub numbers: HashMap<String, f64>,
    pub multipliers: HashMap<String, f64>,
    pub teens: HashMap<String, f64>,
    pub vague: HashMap<String, String>,
    pub units: HashMap<String, String>,
    pub directions: HashMap<String, String>,
    pub deictic: HashMap<String, String>,
    pub parts_of_day: HashMap<String, String>,
    pub zones: HashMap<String, String>,
    pub refs: HashMap<String, String>,
    pub modifiers: HashMap<String, String>,
    pub seasons: HashMap<String, String>,
    pub seasons_determined: HashMap<String, String>,
    /// Named days by their lower-case name: "12-25" (a fixed day), "11-thu-4" (the fourth
    /// Thursday of November; "last" for the last), "easter" or "easter-2" (days from Easter).
    pub holidays: HashMap<String, String>,
    pub sets: HashMap<String, String>,
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub rules: Vec<Rule>,
}

#[derive(Deserialize)]
struct File {
    settings: Settings,
    #[serde(default)]
    numbers: HashMap<String, f64>,
    #[serde(default)]
    multipliers: HashMap<String, f64>,
    #[serde(default)]
    teens: HashMap<String, f64>,
    #[serde(default)]
    vague: HashMap<String, String>,
    #[serde(default)]
    units: HashMap<String, String>,
    #[serde(default)]
    directions: HashMap<String, String>,
    #[serde(default)]
    deictic: HashMap<String, toml::Value>,
    #[serde(default)]
    parts_of_day: HashMap<String, String>,
    #[serde(default)]
    zones: HashMap<String, String>,
    #[serde(default)]
    refs: HashMap<String, String>,
    #[serde(default)]
    modifiers: HashMap<String, String>,
    #[serde(default)]
    seasons: HashMap<String, String>,
    #[serde(default)]
    seasons_determined: HashMap<String, String>,
    #[serde(default)]
    holidays: HashMap<String, String>,
    #[serde(default)]
    sets: HashMap<String, String>,
    #[serde(default)]
    rule: Vec<RuleFile>,
}

#[derive(Deserialize)]
struct Settings {
    bare_clock: String,
    #[serde(default)]
    dotted_clock_needs_am_pm: bool,
    #[serde(default)]
    future_cues: Vec<String>,
    #[serde(default)]
    past_cues: Vec<String>,
    #[serde(default)]
    deadline_cues: Vec<String>,
    #[serde(default)]
    year_blockers: Vec<String>,
    #[serde(default)]
    count_nouns: Vec<String>,
    #[serde(default)]
    year_cues: Vec<String>,
    #[serde(default)]
    number_connectors: Vec<String>,
}

#[derive(Deserialize)]
struct RuleFile {
    id: String,
    #[serde(rename = "type")]
    timex_type: String,
    pattern: String,
    #[serde(default)]
    capitalized: bool,
    value: Option<String>,
    dir_default: Option<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    not_context: Vec<String>,
    #[serde(default)]
    examples: Vec<[String; 3]>,
}

/// Every language that has time resources.
pub fn lexicons() -> &'static [TimeLexicon] {
    static L: OnceLock<Vec<TimeLexicon>> = OnceLock::new();
    L.get_or_init(|| {
        lang::LANGUAGE_FILES
            .iter()
            .filter_map(|(code, files)| {
                let text = lang::text_file(files, "time.toml")?;
                // Compiled in and checked by the rule-example tests: a broken file is a build bug.
                Some(
                    compile(code, text)
                        .unwrap_or_else(|e| panic!("resources/{code}/time.toml: {e}")),
                )
            })
            .collect()
    })
}

/// The lexicon of one language.
pub fn lexicon(code: &str) -> Option<&'static TimeLexicon> {
    lexicons().iter().find(|l| l.lang == code)
}

/// Whether a number word is an article ("a", "an", "se-"): a one that only opens a number.
fn is_article(word: &str, value: f64) -> bool {
    value == 1.0 && word.chars().count() <= 2
}

fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut words: Vec<String> = words
        .map(|w| regex::escape(w).replace("\\ ", " ").replace(' ', r"\s+"))
        .collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words.join("|")
}

fn compile(code: &'static str, text: &str) -> Result<TimeLexicon, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let calendar = lang::language(code).ok_or("no calendar.toml")?;
    let lower = |m: HashMap<String, String>| {
        m.into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect::<HashMap<_, _>>()
    };
    let deictic = file
        .deictic
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::String(s) => s,
                other => format!("{other:?}"),
            };
            (k.to_lowercase(), v)
        })
        .collect::<HashMap<_, _>>();
    let mut lex = TimeLexicon {
        lang: code,
        bare_clock_unknown: file.settings.bare_clock == "unknown",
        dotted_clock_needs_am_pm: file.settings.dotted_clock_needs_am_pm,
        future_cues: file.settings.future_cues,
        past_cues: file.settings.past_cues,
        deadline_cues: file.settings.deadline_cues,
        year_blockers: file.settings.year_blockers,
        count_nouns: file.settings.count_nouns,
        year_cues: file.settings.year_cues,
        number_connectors: file.settings.number_connectors,
        numbers: file.numbers,
        multipliers: file.multipliers,
        teens: file.teens,
        vague: lower(file.vague),
        units: lower(file.units),
        directions: lower(file.directions),
        deictic,
        parts_of_day: lower(file.parts_of_day),
        zones: lower(file.zones),
        refs: lower(file.refs),
        modifiers: lower(file.modifiers),
        seasons: lower(file.seasons),
        seasons_determined: lower(file.seasons_determined),
        holidays: lower(file.holidays),
        sets: lower(file.sets),
        months: calendar.months.clone(),
        weekdays: calendar.weekdays.clone(),
        rules: Vec::new(),
    };
    let number_words = alternation(
        lex.numbers
            .keys()
            .chain(lex.multipliers.keys())
            .chain(lex.teens.keys()),
    );
    let number = if number_words.is_empty() {
        r"(?P<n>\d+(?:[.,]\d+)?)".to_string()
    } else {
        // A connector only joins a fraction on: "two and a half", not "two and three".
        let connectors = alternation(lex.number_connectors.iter());
        let fractions = alternation(
            lex.numbers
                .iter()
                .filter(|(_, v)| **v < 1.0)
                .map(|(k, _)| k),
        );
        let tail = if connectors.is_empty() || fractions.is_empty() {
            String::new()
        } else {
            format!(r"(?:\s+(?:{connectors})\s+(?:{fractions}))?")
        };
        // An article opens a number ("a five-year plan") but never continues one: "up from seven
        // a year ago" counts seven things, then dates a year back.
        let continuing = alternation(
            lex.numbers
                .iter()
                .filter(|(k, v)| !is_article(k, **v))
                .map(|(k, _)| k)
                .chain(lex.multipliers.keys())
                .chain(lex.teens.keys()),
        );
        // "55 ribu", "10 thousand": digits and a multiplier of a thousand or more.
        let big = alternation(
            lex.multipliers
                .iter()
                .filter(|(_, v)| **v >= 1000.0)
                .map(|(k, _)| k),
        );
        format!(
            r"(?P<n>\d+(?:[.,]\d+)?(?:\s+[1-9]/[2-9]|\s+(?:{big}))?|(?:{number_words})(?:(?:\s+|-)(?:{continuing}))*{tail})"
        )
    };
    let placeholders: Vec<(&str, String)> = vec![
        (
            "{weekday}",
            format!("(?P<wd>{})", alternation(lex.weekdays.keys())),
        ),
        (
            "{weekday2}",
            format!("(?P<wd2>{})", alternation(lex.weekdays.keys())),
        ),
        (
            "{month}",
            format!("(?P<mo>{})", alternation(lex.months.keys())),
        ),
        ("{d}", r"(?P<d>\d{1,2})".into()),
        ("{m}", r"(?P<m>\d{1,2})".into()),
        ("{y4}", r"(?P<y>(?:1[5-9]|20)\d\d)".into()),
        ("{y}", r"(?P<y>\d{4}|\d{2})".into()),
        // "10:30", "10.30", and "10 : 30" as pre-tokenised text writes it (`amount_not_clock`).
        (
            "{clock}",
            r"(?P<hh>\d{1,2})(?:[.:]|\s:\s)(?P<mm>\d{2})".into(),
        ),
        ("{ampm}", r"(?P<ampm>[ap]\.?\s?m\.?)".into()),
        ("{number}", number),
        (
            "{vague}",
            format!("(?P<vague>{})", alternation(lex.vague.keys())),
        ),
        (
            "{unit}",
            format!("(?P<unit>{})", alternation(lex.units.keys())),
        ),
        (
            "{dir}",
            format!("(?P<dir>{})", alternation(lex.directions.keys())),
        ),
        (
            "{deictic}",
            format!("(?P<deictic>{})", alternation(lex.deictic.keys())),
        ),
        (
            "{pod}",
            format!("(?P<pod>{})", alternation(lex.parts_of_day.keys())),
        ),
        ("{tz}", format!("(?P<tz>{})", alternation(lex.zones.keys()))),
        (
            "{holiday}",
            format!("(?P<holiday>{})", alternation(lex.holidays.keys())),
        ),
        (
            "{ref}",
            format!("(?P<ref>{})", alternation(lex.refs.keys())),
        ),
        (
            "{mod}",
            format!("(?P<mod>{})", alternation(lex.modifiers.keys())),
        ),
        (
            "{season}",
            format!("(?P<season>{})", alternation(lex.seasons.keys())),
        ),
        (
            "{set}",
            format!("(?P<set>{})", alternation(lex.sets.keys())),
        ),
    ];
    for r in file.rule {
        let mut pattern = r.pattern.clone();
        for (name, group) in &placeholders {
            pattern = pattern.replace(name, group);
        }
        // A time expression never runs over a line break ("on Tuesday\nMay 7" is two lines of
        // a dateline, or a title and a date): white space in a rule is any but a newline.
        let pattern = pattern.replace("\\s", "[\\s&&[^\\n]]");
        let regex =
            Regex::new(&format!("(?i){pattern}")).map_err(|e| format!("rule {}: {e}", r.id))?;
        let timex_type = match r.timex_type.as_str() {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            other => return Err(format!("rule {}: unknown type {other}", r.id)),
        };
        lex.rules.push(Rule {
            id: r.id,
            timex_type,
            regex,
            capitalized: r.capitalized,
            value: r.value,
            dir_default: r.dir_default,
            not_before: r.not_before,
            context: r.context,
            not_context: r.not_context,
            examples: r.examples,
        });
    }
    Ok(lex)
}

impl TimeLexicon {
    /// Reads a number written in digits ("3,5") or words ("dua puluh satu", "twenty-one").
    /// Numbers beyond ten million are refused: no time expression counts that high, and an
    /// absurd number must not become an absurd value.
    pub fn number(&self, s: &str) -> Option<f64> {
        self.number_unchecked(s)
            .filter(|v| v.is_finite() && (0.0..=1e7).contains(v))
    }

    fn number_unchecked(&self, s: &str) -> Option<f64> {
        let t = s.trim();
        // "1.200" (Indonesian) and "1,200" (English) group thousands; "3,5" and "1.5" are decimals.
        let grouped = t.split(['.', ',']).collect::<Vec<_>>();
        if grouped.len() > 1
            && (1..=3).contains(&grouped[0].len())
            && grouped[1..].iter().all(|g| g.len() == 3)
            && grouped
                .iter()
                .all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        {
            return grouped.concat().parse().ok();
        }
        if let Ok(v) = t.replace(',', ".").parse::<f64>() {
            return Some(v);
        }
        // "55 ribu", "10 thousand": digits and a multiplier.
        if let Some((digits, word)) = t.split_once(char::is_whitespace) {
            if let (Ok(v), Some(m)) = (
                digits.replace(',', ".").parse::<f64>(),
                self.multipliers.get(&word.trim().to_lowercase()),
            ) {
                return Some(v * m);
            }
        }
        // "2 1/2": a whole number and a fraction.
        if let Some((whole, fraction)) = t.split_once(char::is_whitespace) {
            if let (Ok(w), Some((a, b))) = (whole.parse::<u32>(), fraction.trim().split_once('/')) {
                let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
                return (a < b).then(|| f64::from(w) + f64::from(a) / f64::from(b));
            }
        }
        let lower = t.to_lowercase();
        if let Some(v) = self.numbers.get(&lower) {
            return Some(*v);
        }
        let (mut total, mut current, mut any) = (0.0, 0.0, false);
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        let is_fraction = |w: Option<&&str>| {
            w.and_then(|w| self.numbers.get(*w))
                .is_some_and(|v| *v < 1.0)
        };
        for (i, word) in words.iter().copied().enumerate() {
            if self.number_connectors.iter().any(|c| c == word) {
                // "two and a half" joins a fraction on; "two and three" is two numbers, not one.
                let next = words.get(i + 1);
                let after = words.get(i + 2);
                if is_fraction(next)
                    || (self.numbers.get(*next.unwrap_or(&"")) == Some(&1.0) && is_fraction(after))
                {
                    continue;
                }
                return None;
            }
            // "a half", "a five year plan": the article before a fraction or another number is
            // not a one ("a hundred" is still a hundred: the multiplier stands alone).
            let next_is_number = words.get(i + 1).is_some_and(|w| {
                self.numbers.contains_key(*w)
                    || self.multipliers.contains_key(*w)
                    || self.teens.contains_key(*w)
            });
            if next_is_number && self.numbers.get(word).is_some_and(|v| is_article(word, *v)) {
                continue;
            }
            if let Some(v) = self.numbers.get(word) {
                current += v;
            } else if let Some(m) = self.multipliers.get(word) {
                current = if current == 0.0 { *m } else { current * m };
                if *m >= 1000.0 {
                    total += current;
                    current = 0.0;
                }
            } else if let Some(t) = self.teens.get(word) {
                current += t;
            } else {
                return None;
            }
            any = true;
        }
        any.then_some(total + current)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_with_fractions() {
        let en = super::lexicon("en").unwrap();
        assert_eq!(en.number("two and a half"), Some(2.5));
        assert_eq!(en.number("a half"), Some(0.5));
        assert_eq!(en.number("two and three"), None);
        // The article before a number is not a one.
        assert_eq!(en.number("a five"), Some(5.0));
        assert_eq!(en.number("a hundred"), Some(100.0));
        assert_eq!(en.number("a"), Some(1.0));
        assert_eq!(en.number("2 1/2"), Some(2.5));
        assert_eq!(en.number("5 1/2"), Some(5.5));
        assert_eq!(en.number("2 3/2"), None);
        let id = super::lexicon("id").unwrap();
        assert_eq!(id.number("dua setengah"), Some(2.5));
        assert_eq!(id.number("55 ribu"), Some(55_000.0));
        assert_eq!(id.number("1.200"), Some(1200.0));
        assert_eq!(id.number("3,5"), Some(3.5));
        assert_eq!(en.number("1,200"), Some(1200.0));
        assert_eq!(en.number("1.5"), Some(1.5));
        assert_eq!(en.number("10 thousand"), Some(10_000.0));
    }
}
