//! Cross-document timelines of one entity, in the SemEval-2015 Task 4 ("TimeLine") format: for a
//! target entity, the events it takes part in across documents, anchored to dates and ordered.
//!
//! Input: the task's TimeML documents (one `<s id="N">` element per sentence, tokens separated by
//! spaces, a creation time). Output: one line per group of simultaneous events,
//! `rank<TAB>date<TAB>docid-sentence-token...`, dates as `YYYY-MM-DD` with `XX` for unknown parts;
//! events whose date is unknown come first with rank 0 and `XXXX-XX-XX`.
//!
//! How: a sentence takes part when it names the entity (its full name, its distinctive last word
//! "A380" — not a generic one such as "Airlines" —, a model number "787" or its plural "787s",
//! its initials "USAF"), but not when the name only modifies a product ("Airbus A380", "Boeing
//! jets"); or when it takes the entity up again: "He"/"She" (a person, as the English names
//! tagger types the full name) or "It"/"They" opening the sentence right after one naming it,
//! "it" later in a sentence that names it, "the aircraft"/"the company" within four sentences. Its events are the verbs and event words two
//! words before or three after that mention (or after an apposition following it), a phrasal
//! verb with its particle ("rolled_out"); an event's
//! date is the nearest time expression of its sentence (our tagger, anchored to the creation
//! time), else the creation time for a verb in the past tense, a present reporting verb
//! ("says"), an event noun in a sentence told in the past, or an event of the headline, else
//! unknown. [`score`]
//! measures a timeline against the gold one by temporal awareness over the graph the task's
//! official evaluation builds (events SIMULTANEOUS with their time anchors and with events of
//! their rank, BEFORE those of later ranks; each side's reduced relations checked against the
//! other side's closure).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::measure::ratio;
use crate::model::TimexType;
use crate::names::rules::IRREGULAR_PAST;

/// A task document: its id, creation day and tokenised sentences (by sentence id).
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub dct: NaiveDate,
    pub sentences: Vec<(usize, Vec<String>)>,
}

/// Reads a task TimeML document; `None` when it lacks a DOCID, a creation time or sentences.
pub fn read_doc(content: &str) -> Option<Doc> {
    let between = |open: &str, close: &str| -> Option<&str> {
        let start = content.find(open)? + open.len();
        let end = content[start..].find(close)? + start;
        Some(&content[start..end])
    };
    let id = between("<DOCID>", "</DOCID>")?.trim().to_string();
    let dct_tag = between("<DCT>", "</DCT>")?;
    let value = dct_tag.split("value=\"").nth(1)?.split('"').next()?;
    let dct = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    let mut sentences = Vec::new();
    let mut rest = content;
    while let Some(at) = rest.find("<s id=\"") {
        rest = &rest[at + 7..];
        let Some(q) = rest.find('"') else { break };
        let Ok(n) = rest[..q].parse::<usize>() else {
            continue;
        };
        let Some(gt) = rest.find('>') else { break };
        let Some(end) = rest.find("</s>") else { break };
        // Annotated documents mark events inside sentences: keep only the text.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in rest[gt + 1..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        let body = crate::import::decode_entities(&plain);
        sentences.push((n, body.split_whitespace().map(String::from).collect()));
        rest = &rest[end..];
    }
    (!sentences.is_empty()).then_some(Doc { id, dct, sentences })
}

/// One line of a timeline: simultaneous events with their rank and date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub rank: usize,
    pub date: String,
    /// `docid-sentence-token` ids.
    pub events: Vec<String>,
}

/// Reads a timeline file (skipping the entity's name on the first line, if there).
pub fn parse(text: &str) -> Vec<Line> {
    text.lines()
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let rank = cols.next()?.trim().parse().ok()?;
            let date = cols.next()?.trim().to_string();
            let events: Vec<String> = cols
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            (!events.is_empty()).then_some(Line { rank, date, events })
        })
        .collect()
}

/// Writes a timeline in the task's format, the entity's name first.
pub fn write(entity: &str, lines: &[Line]) -> String {
    let mut out = format!("{entity}\n");
    for l in lines {
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            l.rank,
            l.date,
            l.events.join("\t")
        ));
    }
    out
}

/// The file name the task uses for an entity ("Airbus A380" → `airbus_a380.txt`).
pub fn file_name(entity: &str) -> String {
    format!("{}.txt", entity.to_lowercase().replace(' ', "_"))
}

/// Whether a lower-case word is an event, and whether it is a verb in the past tense.
fn event_word(w: &str, lexicon: &HashSet<&str>) -> Option<bool> {
    if english_words().events.not_events.contains(w)
        || !w.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return None;
    }
    if IRREGULAR_PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed")) {
        return Some(true);
    }
    if lexicon.contains(w) || english_words().events.nouns.contains(w) {
        return Some(false);
    }
    if w.len() > 5 && w.ends_with("ing") && !english_words().events.function_words.contains(w) {
        return Some(false);
    }
    None
}

/// The English words timelines use (`resources/en/timeline.toml`).
#[derive(Debug, serde::Deserialize)]
struct Words {
    events: EventWords,
    entities: EntityWords,
}

#[derive(Debug, serde::Deserialize)]
struct EventWords {
    not_events: HashSet<String>,
    function_words: HashSet<String>,
    nouns: HashSet<String>,
    reporting_present: HashSet<String>,
    particles: HashSet<String>,
}

#[derive(Debug, serde::Deserialize)]
struct EntityWords {
    product_nouns: HashSet<String>,
    organisation_nouns: HashSet<String>,
    generic_heads: HashSet<String>,
    person_pronouns: HashSet<String>,
    product_pronouns: HashSet<String>,
    organisation_pronouns: HashSet<String>,
}

fn english_words() -> &'static Words {
    static WORDS: std::sync::OnceLock<HashMap<&'static str, Words>> = std::sync::OnceLock::new();
    crate::lang::per_language(&WORDS, "timeline.toml", |code, text| {
        toml::from_str(text).unwrap_or_else(|e| panic!("resources/{code}/timeline.toml: {e}"))
    })
    .get("en")
    .expect("resources/en/timeline.toml is compiled in")
}

/// The ways a sentence can name the entity: its full name, its distinctive last word, its
/// initials.
fn entity_forms(entity: &str) -> Vec<Vec<String>> {
    let words: Vec<String> = entity.split_whitespace().map(String::from).collect();
    let mut forms = vec![words.clone()];
    if words.len() > 1 {
        let last = &words[words.len() - 1];
        if english_words()
            .entities
            .generic_heads
            .contains(last.to_lowercase().as_str())
        {
            // "Air Force" for the United States Air Force, "China Eastern" for China Eastern
            // Airlines: a generic last word ("Airlines") names any airline, so the distinctive
            // short form keeps its neighbour.
            if words.len() > 2 {
                let k = words.len() - 2;
                if english_words()
                    .entities
                    .generic_heads
                    .contains(words[k].to_lowercase().as_str())
                {
                    forms.push(words[k..].to_vec());
                } else {
                    forms.push(words[..words.len() - 1].to_vec());
                }
            }
        } else if last.chars().count() >= 4 || last.chars().any(|c| c.is_ascii_digit()) {
            forms.push(vec![last.clone()]);
        }
        // A model number names the product alone or after its maker: "787", "Boeing 787".
        for (k, w) in words
            .iter()
            .enumerate()
            .filter(|(k, _)| *k + 1 < words.len())
        {
            if w.chars().any(|c| c.is_ascii_digit()) {
                if k > 0 {
                    forms.push(words[k - 1..=k].to_vec());
                }
                forms.push(vec![w.clone()]);
            }
        }
        let initials: String = words
            .iter()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.chars().count() >= 3 {
            forms.push(vec![initials]);
        }
    }
    forms
}

/// The longest apposition (in tokens) skipped after a name.
const APPOSITION_MAX: usize = 8;

/// How many sentences after the entity is named a description ("the aircraft") can take it up.
const DESCRIPTION_REACH: usize = 4;

/// Where a sentence names the entity: (first token, number of tokens).
fn mentions(tokens: &[String], forms: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        for f in forms {
            if i + f.len() <= tokens.len()
                && f.iter().zip(&tokens[i..]).enumerate().all(|(k, (a, b))| {
                    a.eq_ignore_ascii_case(b)
                        // "A380s", "737s": the plural of a model names it too.
                        || (k + 1 == f.len()
                            && a.ends_with(|c: char| c.is_ascii_digit())
                            && b.strip_suffix('s').is_some_and(|b| a.eq_ignore_ascii_case(b)))
                })
            {
                out.push((i, f.len()));
                break;
            }
        }
    }
    out
}

/// How many tokens before a mention its events are looked for ("said Airbus").
const WINDOW_BEFORE: usize = 2;
/// How many tokens after a mention (the verb of which it is the subject mostly follows it).
const WINDOW_AFTER: usize = 3;

/// A date value in the task's form: `2008-02-29`, `2008-02-XX`, `2008-XX-XX`.
fn task_date(value: &str) -> Option<String> {
    let v = value.get(..10).unwrap_or(value);
    let parts: Vec<&str> = v.split('-').collect();
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => Some(format!("{y}-XX-XX")),
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
            Some(format!("{y}-{m}-XX"))
        }
        [y, m, d] if y.len() == 4 && digits(y) && digits(m) && digits(d) => {
            Some(format!("{y}-{m}-{d}"))
        }
        _ => None,
    }
}

/// What a target entity is, which decides the words that take it up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Organisation,
    /// Named with a model number ("Airbus A380", "Boeing 777").
    Product,
}

/// The entity's kind: a product when its name has a model number, else what the English names
/// tagger calls most of its full-name mentions (persons "he", organisations "it").
fn entity_kind(docs: &[Doc], entity: &str, forms: &[Vec<String>]) -> Kind {
    if entity.chars().any(|c| c.is_ascii_digit()) {
        return Kind::Product;
    }
    let (mut person, mut other) = (0, 0);
    for doc in docs {
        let named: Vec<&Vec<String>> = doc
            .sentences
            .iter()
            .map(|(_, t)| t)
            .filter(|t| !mentions(t, &forms[..1]).is_empty())
            .collect();
        if named.is_empty() {
            continue;
        }
        let mut tagger = crate::names::Tagger::new("en");
        let words: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|(_, t)| t.iter().map(String::as_str).collect())
            .collect();
        tagger.prime(words.iter().map(Vec::as_slice));
        for w in &words {
            let tags = tagger.tag(w);
            let tokens: Vec<String> = w.iter().map(|s| s.to_string()).collect();
            for (i, _) in mentions(&tokens, &forms[..1]) {
                match crate::names::perceptron::TAGS[tags[i].0].get(2..) {
                    Some("PER") => person += 1,
                    Some(_) => other += 1,
                    None => {}
                }
            }
        }
    }
    if person > other {
        Kind::Person
    } else {
        Kind::Organisation
    }
}

/// The timeline of `entity` over `docs`.
pub fn entity_timeline(docs: &[Doc], entity: &str) -> Vec<Line> {
    let lexicon: HashSet<&str> = crate::events::lexicon("en")
        .map(|l| l.single_words())
        .unwrap_or_default();
    let forms = entity_forms(entity);
    let kind = entity_kind(docs, entity, &forms);
    let e = &english_words().entities;
    let (kind_nouns, pronouns) = match kind {
        Kind::Person => (None, &e.person_pronouns),
        Kind::Product => (Some(&e.product_nouns), &e.product_pronouns),
        Kind::Organisation => (Some(&e.organisation_nouns), &e.organisation_pronouns),
    };
    // Event id → date.
    let mut events: BTreeMap<String, String> = BTreeMap::new();
    for doc in docs {
        // The last sentence that named the entity.
        let mut previous_named: Option<usize> = None;
        for (n, tokens) in &doc.sentences {
            let mut at = mentions(tokens, &forms);
            // "Airbus A380", "Boeing 737s", "Airbus jets": a maker's name before a model or a
            // product noun speaks of the product, not of the maker.
            if kind != Kind::Product {
                at.retain(|&(m, len)| {
                    !tokens.get(m + len).is_some_and(|next| {
                        let singular = next.strip_suffix('s').unwrap_or(next);
                        next.chars().any(|c| c.is_ascii_digit())
                            || english_words()
                                .entities
                                .product_nouns
                                .contains(next.as_str())
                            || english_words().entities.product_nouns.contains(singular)
                    })
                });
            }
            let named = !at.is_empty();
            // A sentence that opens with "It" or "They" right after one naming the entity goes
            // on about it ("Airbus A380 landed ... . It carried ...").
            let opens_with_pronoun = tokens.first().is_some_and(|t| pronouns.contains(t));
            if at.is_empty() && opens_with_pronoun && previous_named == Some(n.wrapping_sub(1)) {
                at.push((0, 1));
            }
            if kind == Kind::Person && previous_named.is_some_and(|p| n.saturating_sub(p) <= 1) {
                for (i, t) in tokens.iter().enumerate().skip(1) {
                    if t == "he" || t == "she" {
                        at.push((i, 1));
                    }
                }
            }
            // "Airbus said it will deliver ...": "it" ("they" for an organisation) after the
            // name in its sentence.
            if kind != Kind::Person {
                if let Some(first) = at.iter().map(|&(m, _)| m).min() {
                    for (i, t) in tokens.iter().enumerate().skip(first + 1) {
                        if t == "it" || (kind == Kind::Organisation && t == "they") {
                            at.push((i, 1));
                        }
                    }
                }
            }
            // "the aircraft" / "the company" soon after the entity was named is the entity.
            if previous_named.is_some_and(|p| n.saturating_sub(p) <= DESCRIPTION_REACH) {
                for i in 1..tokens.len() {
                    if tokens[i - 1].eq_ignore_ascii_case("the")
                        && kind_nouns.is_some_and(|k| k.contains(&tokens[i].to_lowercase()))
                        && !at.iter().any(|&(m, len)| (m..m + len).contains(&i))
                    {
                        at.push((i - 1, 2));
                    }
                }
            }
            if at.is_empty() {
                continue;
            }
            // An apposition after the name ("Airbus , Europe 's biggest aircraft maker , has
            // announced") puts its verb beyond the window: the window goes on after it.
            for (m, len) in at.clone() {
                if tokens.get(m + len).map(String::as_str) == Some(",") {
                    if let Some(k) = tokens
                        .iter()
                        .enumerate()
                        .skip(m + len + 1)
                        .take(APPOSITION_MAX)
                        .find(|(_, t)| *t == ",")
                        .map(|(k, _)| k)
                    {
                        at.push((k, 1));
                    }
                }
            }
            if named {
                previous_named = Some(*n);
            }
            let text = tokens.join(" ");
            // Byte offset of each token in `text`.
            let mut offsets = Vec::with_capacity(tokens.len());
            let mut pos = 0;
            for t in tokens {
                offsets.push(pos);
                pos += t.len() + 1;
            }
            let times: Vec<_> = crate::time::tagger::tag_text(&text, "en", Some(doc.dct))
                .into_iter()
                .filter(|t| {
                    matches!(t.timex_type, TimexType::Date) && task_date(&t.value).is_some()
                })
                .collect();
            // A sentence told in the past tense dates its event nouns too ("its maiden flight").
            let told_in_past = tokens.iter().any(|t| {
                let l = t.to_lowercase();
                event_word(&l, &lexicon) == Some(true)
            });
            let name_tokens: HashSet<usize> = at
                .iter()
                .flat_map(|&(i, len)| i..(i + len).min(tokens.len()))
                .collect();
            for (i, token) in tokens.iter().enumerate() {
                if name_tokens.contains(&i)
                    || !at.iter().any(|&(m, len)| {
                        (i < m && m - i <= WINDOW_BEFORE)
                            || (i >= m + len && i + 1 - (m + len) <= WINDOW_AFTER)
                    })
                {
                    continue;
                }
                let lower = token.to_lowercase();
                // A capitalised word is a name, unless it is a known event word starting a
                // sentence ("Deliveries").
                if token.chars().next().is_some_and(char::is_uppercase)
                    && !(i == 0
                        && (english_words().events.nouns.contains(lower.as_str())
                            || lexicon.contains(lower.as_str())))
                {
                    continue;
                }
                // Right after the name, a verb in the present ("Acme wins", "Airbus plans");
                // after "to", a verb in the base form ("to expand").
                let after_name = at.iter().any(|&(m, len)| i == m + len);
                let present = after_name
                    && lower.len() > 3
                    && lower.ends_with('s')
                    && !lower.ends_with("ss")
                    && !english_words()
                        .events
                        .function_words
                        .contains(lower.as_str());
                let infinitive = i > 0
                    && tokens[i - 1] == "to"
                    && lower.len() > 2
                    && lower.chars().all(char::is_alphabetic)
                    && !english_words()
                        .events
                        .function_words
                        .contains(lower.as_str());
                let Some(past) =
                    event_word(&lower, &lexicon).or((present || infinitive).then_some(false))
                else {
                    continue;
                };
                let nearest = times
                    .iter()
                    .min_by_key(|t| t.span.start.abs_diff(offsets[i]));
                let date = match nearest {
                    Some(t) => task_date(&t.value).expect("filtered"),
                    // A past event, or one the headline (sentence 0) reports in the present
                    // ("Airbus launches ..."): the news of the day, on the creation date.
                    None if past
                        || *n == 0
                        || english_words()
                            .events
                            .reporting_present
                            .contains(lower.as_str())
                        || (told_in_past
                            && english_words().events.nouns.contains(lower.as_str())) =>
                    {
                        doc.dct.format("%Y-%m-%d").to_string()
                    }
                    None => "XXXX-XX-XX".into(),
                };
                // A phrasal verb is one event with its particle ("rolled_out", "take_off").
                let extent = match tokens.get(i + 1) {
                    Some(p)
                        if english_words().events.particles.contains(p.as_str())
                            && !english_words().events.nouns.contains(lower.as_str()) =>
                    {
                        format!("{token}_{p}")
                    }
                    _ => token.clone(),
                };
                events.insert(format!("{}-{}-{}", doc.id, n, extent), date);
            }
        }
    }
    rank(events)
}

/// Orders dated events by date (unknown parts first within their period) and gives simultaneous
/// ones one rank; undated events come first with rank 0.
fn rank(events: BTreeMap<String, String>) -> Vec<Line> {
    let mut by_date: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (id, date) in events {
        by_date.entry(date).or_default().push(id);
    }
    let key = |d: &str| d.replace('X', "0");
    let mut dated: Vec<(String, Vec<String>)> = by_date.into_iter().collect();
    dated.sort_by(|a, b| key(&a.0).cmp(&key(&b.0)).then_with(|| a.0.cmp(&b.0)));
    let mut out = Vec::new();
    let mut rank = 0;
    for (date, ids) in dated {
        let r = if date == "XXXX-XX-XX" {
            0
        } else {
            rank += 1;
            rank
        };
        for id in ids {
            out.push(Line {
                rank: r,
                date: date.clone(),
                events: vec![id],
            });
        }
    }
    out
}

/// Temporal awareness of a system timeline against the gold one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Reduced system relations found in the gold closure, and how many there were.
    pub sys_correct: usize,
    pub sys_total: usize,
    /// Reduced gold relations found in the system closure, and how many there were.
    pub gold_correct: usize,
    pub gold_total: usize,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.sys_correct += other.sys_correct;
        self.sys_total += other.sys_total;
        self.gold_correct += other.gold_correct;
        self.gold_total += other.gold_total;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.sys_correct, self.sys_total)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.gold_correct, self.gold_total)
    }
    pub fn f1(&self) -> f64 {
        crate::measure::f1(self.precision(), self.recall())
    }
}

/// The groups of a timeline by rank: each event mention (coreferent mentions on one line are
/// separate nodes, simultaneous, as in the official evaluation), and each time anchor as a node of its own ("T:2005-02-17"), as the task's official evaluation turns a
/// timeline into a graph: every event SIMULTANEOUS with its anchor, events of one rank
/// SIMULTANEOUS, of a lower rank BEFORE. Undated (rank 0) events are neither ordered nor
/// anchored.
fn groups(lines: &[Line]) -> BTreeMap<usize, Vec<Vec<String>>> {
    let mut by_rank: BTreeMap<usize, Vec<Vec<String>>> = BTreeMap::new();
    let mut anchored: HashMap<String, usize> = HashMap::new();
    for l in lines.iter().filter(|l| l.rank > 0) {
        let groups = by_rank.entry(l.rank).or_default();
        groups.extend(l.events.iter().map(|e| vec![e.clone()]));
        // "2006-03-XX" and "2006-03" are one anchor (the trial data writes the latter).
        let date = l.date.trim_end_matches("-XX");
        if !date.starts_with("XXXX") && !anchored.contains_key(date) {
            anchored.insert(date.to_string(), l.rank);
            groups.push(vec![format!("T:{date}")]);
        }
    }
    by_rank
}

/// The reduced relations of a timeline, between its groups: consecutive groups within a rank
/// are simultaneous, and each rank's first group is before the next rank's first group.
fn reduced(groups: &BTreeMap<usize, Vec<Vec<String>>>) -> Vec<(&[String], &[String], bool)> {
    let mut out = Vec::new();
    let mut previous: Option<&[String]> = None;
    for ids in groups.values() {
        for pair in ids.windows(2) {
            out.push((pair[0].as_slice(), pair[1].as_slice(), true));
        }
        if let Some(p) = previous {
            out.push((p, ids[0].as_slice(), false));
        }
        previous = Some(ids[0].as_slice());
    }
    out
}

/// Whether the closure of a timeline (its rank order) holds a relation between two events, each
/// known by any of its mentions.
fn holds(ranks: &HashMap<&str, usize>, a: &[String], b: &[String], same: bool) -> bool {
    let rank_of = |ids: &[String]| ids.iter().find_map(|id| ranks.get(id.as_str()).copied());
    match (rank_of(a), rank_of(b)) {
        (Some(x), Some(y)) => (same && x == y) || (!same && x < y),
        _ => false,
    }
}

/// Each node's rank.
fn ranks(groups: &BTreeMap<usize, Vec<Vec<String>>>) -> HashMap<&str, usize> {
    groups
        .iter()
        .flat_map(|(rank, gs)| gs.iter().flatten().map(move |id| (id.as_str(), *rank)))
        .collect()
}

/// Scores one entity's system timeline against its gold timeline.
pub fn score(gold: &[Line], system: &[Line]) -> Score {
    let (gold_groups, sys_groups) = (groups(gold), groups(system));
    let (gold_ranks, sys_ranks) = (ranks(&gold_groups), ranks(&sys_groups));
    let (sys_reduced, gold_reduced) = (reduced(&sys_groups), reduced(&gold_groups));
    Score {
        sys_correct: sys_reduced
            .iter()
            .filter(|(a, b, same)| holds(&gold_ranks, a, b, *same))
            .count(),
        sys_total: sys_reduced.len(),
        gold_correct: gold_reduced
            .iter()
            .filter(|(a, b, same)| holds(&sys_ranks, a, b, *same))
            .count(),
        gold_total: gold_reduced.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>7</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-03-01">2008-03-01</TIMEX3></DCT>
<TEXT><s id="0">Acme wins contract</s><s id="1">March 01 , 2008</s><s id="2">Acme Corp announced on February 29 that it sold ten planes .</s><s id="3">The weather was fine .</s><s id="4">Acme plans to expand in 2009 .</s></TEXT></TimeML>"#;

    #[test]
    fn reads_a_task_document() {
        let d = read_doc(DOC).unwrap();
        assert_eq!(
            (d.id.as_str(), d.dct.to_string().as_str()),
            ("7", "2008-03-01")
        );
        assert_eq!(d.sentences.len(), 5);
        assert_eq!(d.sentences[2].1[1], "Corp");
    }

    #[test]
    fn events_near_the_entity_dated_and_ranked() {
        let d = read_doc(DOC).unwrap();
        let lines = entity_timeline(&[d], "Acme");
        let text = write("Acme", &lines);
        assert!(text.contains("2008-02-29\t7-2-announced"), "{text}");
        // Seven words from the name, but right after "it", which takes the name up: Acme sold.
        assert!(text.contains("2008-02-29\t7-2-sold"), "{text}");
        assert!(text.contains("2009-XX-XX\t7-4-expand"), "{text}");
        assert!(text.contains("\t7-0-wins"), "{text}");
        assert!(
            !text.contains("7-3-"),
            "no event of a sentence without the entity: {text}"
        );
        let back = parse(&text);
        assert_eq!(back, lines);
    }

    #[test]
    fn model_numbers_and_pronouns_carry_the_entity() {
        let doc = r#"<TimeML><DOCID>9</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2009-12-16">2009-12-16</TIMEX3></DCT>
<TEXT><s id="0">Dreamliner news</s><s id="1">The 787 flew on December 15 .</s><s id="2">It landed in Seattle .</s><s id="3">Analysts said sales were slow .</s><s id="4">It rained .</s></TEXT></TimeML>"#;
        let lines = entity_timeline(&[read_doc(doc).unwrap()], "Boeing 787 Dreamliner");
        let text = write("Boeing 787 Dreamliner", &lines);
        assert!(text.contains("2009-12-15\t9-1-flew"), "{text}");
        assert!(
            text.contains("9-2-landed"),
            "the pronoun goes on about the 787: {text}"
        );
        assert!(!text.contains("9-3-"), "{text}");
        assert!(
            !text.contains("9-4-"),
            "two sentences after the name: {text}"
        );
    }

    #[test]
    fn persons_are_taken_up_by_he_and_generic_last_words_are_not_names() {
        let doc = r#"<TimeML><DOCID>5</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2005-06-07">2005-06-07</TIMEX3></DCT>
<TEXT><s id="0">Keynote</s><s id="1">Chief executive Steve Jobs said on Monday that sales grew .</s><s id="2">He announced a new laptop .</s><s id="3">It shipped later .</s><s id="4">Other airlines delayed orders .</s><s id="5">China Eastern ordered ten jets .</s></TEXT></TimeML>"#;
        let d = read_doc(doc).unwrap();
        let jobs = write(
            "Steve Jobs",
            &entity_timeline(std::slice::from_ref(&d), "Steve Jobs"),
        );
        assert!(
            jobs.contains("5-2-announced"),
            "\"He\" is Steve Jobs: {jobs}"
        );
        assert!(!jobs.contains("5-3-"), "\"It\" is not a person: {jobs}");
        let airline = "China Eastern Airlines";
        let ce = write(airline, &entity_timeline(&[d], airline));
        assert!(!ce.contains("5-4-"), "\"airlines\" names no airline: {ce}");
        assert!(ce.contains("5-5-ordered"), "the short form names it: {ce}");
    }

    #[test]
    fn a_maker_named_before_its_product_speaks_of_the_product() {
        let doc = r#"<TimeML><DOCID>4</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2007-09-01">2007-09-01</TIMEX3></DCT>
<TEXT><s id="0">Airbus A380 test flight delayed</s><s id="1">Airbus jets landed late .</s><s id="2">Airbus announced a delay .</s></TEXT></TimeML>"#;
        let d = read_doc(doc).unwrap();
        let maker = write(
            "Airbus",
            &entity_timeline(std::slice::from_ref(&d), "Airbus"),
        );
        assert!(!maker.contains("4-0-"), "{maker}");
        assert!(!maker.contains("4-1-"), "{maker}");
        assert!(maker.contains("4-2-announced"), "{maker}");
        let plane = write("Airbus A380", &entity_timeline(&[d], "Airbus A380"));
        assert!(plane.contains("4-0-delayed"), "{plane}");
    }

    #[test]
    fn short_forms_leave_out_generic_last_words() {
        let forms =
            |e: &str| -> Vec<String> { entity_forms(e).iter().map(|f| f.join(" ")).collect() };
        assert!(forms("Airbus A380").contains(&"A380".to_string()));
        assert!(forms("Louis Gallois").contains(&"Gallois".to_string()));
        for (entity, not) in [
            ("Dow Jones Industrial Average", "Average"),
            ("United States", "States"),
            ("Lehman Brothers", "Brothers"),
            ("China Eastern Airlines", "Airlines"),
        ] {
            assert!(
                !forms(entity).contains(&not.to_string()),
                "{entity}: {:?}",
                forms(entity)
            );
        }
        assert!(forms("United States Air Force").contains(&"Air Force".to_string()));
    }

    #[test]
    fn it_after_the_name_is_the_entity() {
        let doc = r#"<TimeML><DOCID>2</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2008-03-01">2008-03-01</TIMEX3></DCT>
<TEXT><s id="0">News</s><s id="1">Airbus said on Friday that it finally delivered ten jets .</s><s id="2">Analysts expect it to rain .</s></TEXT></TimeML>"#;
        let text = write(
            "Airbus",
            &entity_timeline(&[read_doc(doc).unwrap()], "Airbus"),
        );
        assert!(text.contains("2008-02-29\t2-1-delivered"), "{text}");
        assert!(!text.contains("2-2-"), "no name in that sentence: {text}");
    }

    #[test]
    fn a_phrasal_verb_is_one_event_with_its_particle() {
        let doc = r#"<TimeML><DOCID>3</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2011-08-08">2011-08-08</TIMEX3></DCT>
<TEXT><s id="0">News</s><s id="1">Boeing rolled out its new jet .</s><s id="2">Boeing delayed deliveries .</s></TEXT></TimeML>"#;
        let text = write(
            "Boeing",
            &entity_timeline(&[read_doc(doc).unwrap()], "Boeing"),
        );
        assert!(text.contains("2011-08-08\t3-1-rolled_out"), "{text}");
        assert!(text.contains("3-2-delayed\n"), "{text}");
    }

    #[test]
    fn temporal_awareness_counts_reduced_relations_against_the_closure() {
        let l = |rank, date: &str, ids: &[&str]| Line {
            rank,
            date: date.into(),
            events: ids.iter().map(|s| s.to_string()).collect(),
        };
        let gold = [
            l(1, "2008-01-01", &["a"]),
            l(1, "2008-01-01", &["b"]),
            l(2, "2008-02-01", &["c", "c2"]),
            l(3, "2008-03-01", &["d"]),
        ];
        // Perfect.
        let s = score(&gold, &gold);
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
        // The system puts d before c2 (a mention coreferent with c), on dates of its own. Its
        // reduced relations: a = T:2008-01-01 (holds), a < d (holds), d = T:2008-01-15 (no such
        // anchor in the gold), d < c2 (no), c2 = T:2008-02-01 (holds): 3 of 5. The gold's, each
        // mention a node of its own as in the official evaluation: a = T:2008-01-01 (holds),
        // T:2008-01-01 = b (b unknown to the system), c = c2 (c unknown), c2 = T:2008-02-01
        // (holds), d = T:2008-03-01 (no), a < c (no), c < d (no): 2 of 7.
        let sys = [
            l(1, "2008-01-01", &["a"]),
            l(2, "2008-01-15", &["d"]),
            l(3, "2008-02-01", &["c2"]),
        ];
        let s = score(&gold, &sys);
        assert_eq!((s.sys_correct, s.sys_total), (3, 5));
        assert_eq!((s.gold_correct, s.gold_total), (2, 7));
        assert!(s.f1() > 0.0 && s.f1() < 1.0);
        // An event on the right date counts even when its neighbours are wrong; a coreferent
        // mention on the same line is simultaneous with it.
        let alone = score(&gold, &[l(1, "2008-02-01", &["c", "c2"])]);
        assert_eq!((alone.sys_correct, alone.sys_total), (2, 2));
        // Undated events are not ordered.
        assert_eq!(score(&gold, &[l(0, "XXXX-XX-XX", &["a"])]).sys_total, 0);
    }
}
