//! Events against MEANTIME's gold (NewsReader CAT XML): are the events found, anchored to the
//! right date, and with the right participants?
//!
//! - **Detection**: a found event matches a gold event mention when its trigger overlaps the
//!   mention's tokens (one to one). MEANTIME annotates every event mention — nouns and verbs,
//!   "reaction", "upgrading" — in the first sentences of each article; Linimasa reports one event
//!   per clause with a trigger from its lexicons, so recall is bounded by design.
//! - **Date**: among matched events whose gold mention is tied by a TLINK to a dated TIMEX3
//!   (SIMULTANEOUS, IS_INCLUDED, DURING, BEGINS, ENDS, or the inverse) or placed BEFORE/AFTER the
//!   creation time, the found event's [earliest, latest] must lie inside the timex's span, or
//!   on the right side of the creation time.
//! - **Participants**: among matched events with gold participants (HAS_PARTICIPANT, Arg0/Arg1),
//!   one found participant's name must match one gold participant's words.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::measure::{f1, ratio};
use crate::model::{Article, DateMethod, Event, PublishedDate, Span};
use crate::time::timeml::{self, attr, TimemlError};

/// Where the gold puts an event in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Inside [first, last] (a day, a week, a month, a year).
    Within(NaiveDate, NaiveDate),
    Before(NaiveDate),
    After(NaiveDate),
}

/// One gold event mention.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    pub span: Span,
    pub anchor: Option<Anchor>,
    /// The participants' words (Arg0 and Arg1).
    pub participants: Vec<String>,
    /// For each participant, the names of the entity it refers to in the gold coreference
    /// (REFERS_TO: the entity's descriptor and its other mentions' words): "it" is Boeing.
    pub referents: Vec<Vec<String>>,
}

/// A MEANTIME document ready to extract from and score.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub text: String,
    pub dct: Option<NaiveDate>,
    pub events: Vec<GoldEvent>,
}

/// Counts over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventScore {
    pub gold: usize,
    pub found: usize,
    pub matched: usize,
    /// Matched events whose gold mention has a date anchor, and of those the ones dated right.
    pub anchored: usize,
    pub dated_right: usize,
    /// Matched events with gold participants, and of those the ones with a right participant.
    pub with_participants: usize,
    pub participant_right: usize,
    /// The same with the gold's coreference resolved: a participant named anywhere in the
    /// chain of a gold participant ("it", "the company") is right.
    pub referent_right: usize,
}

impl EventScore {
    pub fn add(&mut self, o: EventScore) {
        self.gold += o.gold;
        self.found += o.found;
        self.matched += o.matched;
        self.anchored += o.anchored;
        self.dated_right += o.dated_right;
        self.with_participants += o.with_participants;
        self.participant_right += o.participant_right;
        self.referent_right += o.referent_right;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// The elements named `name`: their opening tag and their body (empty when self-closing).
fn elements<'a>(content: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name} ");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = content[from..].find(&open) {
        let start = from + i;
        let Some(tag_end) = content[start..].find('>').map(|e| start + e) else {
            break;
        };
        let tag = &content[start..tag_end];
        if tag.ends_with('/') {
            out.push((tag, ""));
            from = tag_end;
            continue;
        }
        let end = content[tag_end..]
            .find(&close)
            .map_or(content.len(), |e| tag_end + e);
        out.push((tag, &content[tag_end + 1..end]));
        from = end.max(start + 1);
    }
    out
}

/// The `t_id`s a markable's body anchors to.
fn anchors(body: &str) -> Vec<String> {
    body.match_indices("t_id=\"")
        .filter_map(|(i, m)| {
            let rest = &body[i + m.len()..];
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

/// A link's source and target `m_id`s.
fn ends(body: &str) -> Option<(String, String)> {
    let id = |what: &str| -> Option<String> {
        let at = body.find(&format!("<{what} m_id=\""))? + what.len() + 8;
        Some(body[at..at + body[at..].find('"')?].to_string())
    };
    Some((id("source")?, id("target")?))
}

/// The days a TIMEX3 value covers: "2005-05-07", "2005-W18", "2005-05", "2005".
fn value_days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let v = value.get(..value.find('T').unwrap_or(value.len()))?;
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some((d, d));
    }
    if let Some((y, w)) = v.split_once("-W") {
        let first =
            NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
        return Some((first, first + chrono::Duration::days(6)));
    }
    if let Some((y, m)) = v.split_once('-') {
        let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        return Some((first, next.pred_opt()?));
    }
    let y: i32 = v.parse().ok().filter(|_| v.len() == 4)?;
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// Reads a MEANTIME CAT document: its text (as the time-expression evaluation builds it), the
/// creation date, and each event mention with its date anchor and participants.
pub fn read_meantime(content: &str) -> Result<GoldDoc, TimemlError> {
    let doc = timeml::parse_cat(content)?;
    let span_of = |ids: &[String]| -> Option<Span> {
        let spans: Vec<Span> = ids
            .iter()
            .filter_map(|id| doc.token_spans.get(id).copied())
            .collect();
        Some(Span::new(
            spans.iter().map(|s| s.start).min()?,
            spans.iter().map(|s| s.end).max()?,
        ))
    };
    // Markables by m_id (only those within the read text).
    let mut events: Vec<(String, Span)> = Vec::new();
    for (tag, body) in elements(content, "EVENT_MENTION") {
        if let (Some(id), Some(span)) = (attr(tag, "m_id"), span_of(&anchors(body))) {
            events.push((id, span));
        }
    }
    let mut timex_days: HashMap<String, (NaiveDate, NaiveDate)> = HashMap::new();
    let mut creation: Option<String> = None;
    for (tag, _) in elements(content, "TIMEX3") {
        let Some(id) = attr(tag, "m_id") else {
            continue;
        };
        if tag.contains("CREATION_TIME") {
            creation = Some(id.clone());
        }
        if let Some(days) = attr(tag, "value").as_deref().and_then(value_days) {
            timex_days.insert(id, days);
        }
    }
    let mut entity_text: HashMap<String, String> = HashMap::new();
    for (tag, body) in elements(content, "ENTITY_MENTION") {
        if let (Some(id), Some(span)) = (attr(tag, "m_id"), span_of(&anchors(body))) {
            if let Some(words) = span.slice(&doc.text) {
                entity_text.insert(id, words.to_string());
            }
        }
    }
    let mut anchor_of: HashMap<String, Anchor> = HashMap::new();
    for (tag, body) in elements(content, "TLINK") {
        let (Some(rel), Some((source, target))) = (attr(tag, "reltype"), ends(body)) else {
            continue;
        };
        // Event → timex, or timex → event with the inverse relation.
        let (event, timex, rel) = match (
            timex_days.contains_key(&source),
            timex_days.contains_key(&target),
        ) {
            (false, true) => (source, target, rel),
            (true, false) => {
                let inverse = match rel.as_str() {
                    "BEFORE" => "AFTER",
                    "AFTER" => "BEFORE",
                    "INCLUDES" => "IS_INCLUDED",
                    "IS_INCLUDED" => "INCLUDES",
                    other => other,
                };
                (target, source, inverse.to_string())
            }
            _ => continue,
        };
        let Some(&(first, last)) = timex_days.get(&timex) else {
            continue;
        };
        let is_creation = creation.as_deref() == Some(timex.as_str());
        let anchor = match rel.as_str() {
            "SIMULTANEOUS" | "IS_INCLUDED" | "DURING" | "BEGINS" | "ENDS" | "INCLUDES" => {
                Anchor::Within(first, last)
            }
            "BEFORE" if is_creation => Anchor::Before(first),
            "AFTER" if is_creation => Anchor::After(last),
            _ => continue,
        };
        // A dated timex beats the creation time as an anchor.
        let better = match anchor_of.get(&event) {
            None => true,
            Some(Anchor::Within(a, b)) => {
                matches!(anchor, Anchor::Within(c, d) if (d - c) < (*b - *a))
            }
            Some(_) => matches!(anchor, Anchor::Within(..)),
        };
        if better {
            anchor_of.insert(event, anchor);
        }
    }
    // Gold coreference: each entity mention's entity (REFERS_TO, several sources to one
    // ENTITY), and each entity's names: its descriptor and its mentions' words.
    let mut entity_of: HashMap<String, String> = HashMap::new();
    let mut names_of: HashMap<String, Vec<String>> = HashMap::new();
    for (tag, _) in elements(content, "ENTITY") {
        if let (Some(id), Some(name)) = (attr(tag, "m_id"), attr(tag, "TAG_DESCRIPTOR")) {
            names_of.entry(id).or_default().push(name);
        }
    }
    for (_, body) in elements(content, "REFERS_TO") {
        let Some((_, target)) = ends(body) else {
            continue;
        };
        for (source_tag, _) in elements(body, "source") {
            if let Some(source) = attr(source_tag, "m_id") {
                if let Some(words) = entity_text.get(&source) {
                    names_of
                        .entry(target.clone())
                        .or_default()
                        .push(words.clone());
                }
                entity_of.insert(source, target.clone());
            }
        }
    }
    let mut participants: HashMap<String, Vec<(String, Vec<String>)>> = HashMap::new();
    for (tag, body) in elements(content, "HAS_PARTICIPANT") {
        let role = attr(tag, "sem_role").unwrap_or_default();
        if !matches!(role.as_str(), "Arg0" | "Arg1") {
            continue;
        }
        if let Some((event, entity)) = ends(body) {
            if let Some(words) = entity_text.get(&entity) {
                let referent = entity_of
                    .get(&entity)
                    .and_then(|e| names_of.get(e))
                    .cloned()
                    .unwrap_or_default();
                participants
                    .entry(event)
                    .or_default()
                    .push((words.clone(), referent));
            }
        }
    }
    let mut gold: Vec<GoldEvent> = events
        .into_iter()
        .map(|(id, span)| {
            let (participants, referents) = participants
                .remove(&id)
                .unwrap_or_default()
                .into_iter()
                .unzip();
            GoldEvent {
                span,
                anchor: anchor_of.get(&id).copied(),
                participants,
                referents,
            }
        })
        .collect();
    gold.sort_by_key(|e| e.span.start);
    Ok(GoldDoc {
        text: doc.text,
        dct: doc.dct,
        events: gold,
    })
}

/// Reads a TimeML document (TimeBank, AQUAINT, TempEval-3) as event gold: its `<EVENT>` tags,
/// without dates or participants (TimeML ties events to times by TLINKs that these scores do
/// not read), so only detection is scored.
pub fn read_timeml(content: &str) -> Result<GoldDoc, TimemlError> {
    let doc = timeml::parse(content)?;
    Ok(GoldDoc {
        events: doc
            .gold_events
            .iter()
            .map(|&span| GoldEvent {
                span,
                anchor: None,
                participants: vec![],
                referents: vec![],
            })
            .collect(),
        text: doc.text,
        dct: doc.dct,
    })
}

/// The article Linimasa reads for a gold document (English, dated by its creation time).
pub fn article_of(doc: &GoldDoc) -> Article {
    Article {
        id: 0,
        content_hash: String::new(),
        title: String::new(),
        publisher: None,
        url: None,
        language: Some("en".into()),
        section: None,
        text: doc.text.clone(),
        warnings: vec![],
        published: doc.dct.map(|date| PublishedDate {
            date,
            method: DateMethod::Metadata,
            evidence: None,
            span: None,
            confidence: 1.0,
            derivation: "the document's creation time".into(),
        }),
        source: None,
    }
}

/// For each found event, the gold mention it matches (its trigger overlaps the mention; one to
/// one, first come first served).
fn matches(doc: &GoldDoc, found: &[Event]) -> Vec<Option<usize>> {
    let mut taken = vec![false; doc.events.len()];
    found
        .iter()
        .map(|event| {
            let trigger = event.trigger?;
            let k = doc.events.iter().enumerate().position(|(k, g)| {
                !taken[k] && g.span.start < trigger.end && trigger.start < g.span.end
            })?;
            taken[k] = true;
            Some(k)
        })
        .collect()
}

fn participant_right(event: &Event, gold: &GoldEvent) -> bool {
    named_in(event, &gold.participants)
}

/// Whether one of the event's participants is named in one of these words.
fn named_in(event: &Event, words: &[String]) -> bool {
    event.participants.iter().any(|p| {
        let name = p.actor.to_lowercase();
        words.iter().any(|g| {
            let g = g.to_lowercase();
            g.contains(&name) || (name.contains(&g) && g.len() > 2)
        })
    })
}

/// The same, with a gold participant's whole coreference chain.
fn referent_right(event: &Event, gold: &GoldEvent) -> bool {
    participant_right(event, gold) || gold.referents.iter().any(|r| named_in(event, r))
}

/// Scores the events found in a document against its gold.
pub fn score(doc: &GoldDoc, found: &[Event]) -> EventScore {
    let mut s = EventScore {
        gold: doc.events.len(),
        found: found.iter().filter(|e| e.trigger.is_some()).count(),
        ..EventScore::default()
    };
    for (event, k) in found.iter().zip(matches(doc, found)) {
        let Some(gold) = k.map(|k| &doc.events[k]) else {
            continue;
        };
        s.matched += 1;
        if let Some(anchor) = gold.anchor {
            s.anchored += 1;
            if dated_right(event, anchor) {
                s.dated_right += 1;
            }
        }
        if !gold.participants.is_empty() {
            s.with_participants += 1;
            if participant_right(event, gold) {
                s.participant_right += 1;
            }
            if referent_right(event, gold) {
                s.referent_right += 1;
            }
        }
    }
    s
}

/// One line per mistake, for reading: gold mentions not found, events that match none, and
/// matched events dated wrong (with the gold's anchor and the event's span).
pub fn mistakes(doc: &GoldDoc, found: &[Event]) -> Vec<String> {
    let word = |s: Span| s.slice(&doc.text).unwrap_or_default().replace('\n', " ");
    let matched = matches(doc, found);
    let mut out = Vec::new();
    for (k, g) in doc.events.iter().enumerate() {
        if !matched.contains(&Some(k)) {
            out.push(format!("missed\t{}", word(g.span)));
        }
    }
    for (event, k) in found.iter().zip(&matched) {
        let Some(trigger) = event.trigger else {
            continue;
        };
        match k.map(|k| &doc.events[k]) {
            None => out.push(format!("false\t{}\t{}", word(trigger), event.cameo)),
            Some(g) => {
                if let Some(anchor) = g.anchor.filter(|a| !dated_right(event, *a)) {
                    out.push(format!(
                        "misdated\t{}\tgold {anchor:?}\tfound {:?}..{:?}\t{}",
                        word(trigger),
                        event.earliest,
                        event.latest,
                        event.date_derivation
                    ));
                }
                if !g.participants.is_empty() && !referent_right(event, g) {
                    let found: Vec<&str> = event
                        .participants
                        .iter()
                        .map(|p| p.actor.as_str())
                        .collect();
                    out.push(format!(
                        "participant\t{}\tgold {}\tfound {}",
                        word(trigger),
                        g.participants.join(" | "),
                        found.join(" | ")
                    ));
                }
            }
        }
    }
    out
}

fn dated_right(event: &Event, anchor: Anchor) -> bool {
    let (Some(lo), Some(hi)) = (event.earliest, event.latest) else {
        return false;
    };
    match anchor {
        Anchor::Within(first, last) => first <= lo && hi <= last,
        Anchor::Before(day) => hi <= day,
        Anchor::After(day) => lo >= day,
    }
}

/// How many gold events have a date anchor.
pub fn anchored_gold(doc: &GoldDoc) -> usize {
    doc.events.iter().filter(|e| e.anchor.is_some()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<Document doc_name="t.xml">
<token t_id="1" sentence="0" number="0">Airbus</token>
<token t_id="2" sentence="0" number="1">said</token>
<token t_id="3" sentence="0" number="2">on</token>
<token t_id="4" sentence="0" number="3">Tuesday</token>
<token t_id="5" sentence="1" number="0">May</token>
<token t_id="6" sentence="1" number="1">7</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<EVENT_MENTION m_id="20" pred="say"><token_anchor t_id="2"/></EVENT_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2005-05-03"><token_anchor t_id="3"/><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 m_id="31" type="DATE" value="2005-05-07" functionInDocument="CREATION_TIME"><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<ENTITY m_id="40" TAG_DESCRIPTOR="Airbus SAS" ent_type="ORG"/>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="20"/><target m_id="30"/></TLINK>
<TLINK r_id="2" reltype="BEFORE"><source m_id="20"/><target m_id="31"/></TLINK>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="20"/><target m_id="10"/></HAS_PARTICIPANT>
<REFERS_TO r_id="4"><source m_id="10"/><target m_id="40"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn reads_mentions_anchors_and_participants() {
        let doc = read_meantime(DOC).unwrap();
        assert_eq!(doc.text, "Airbus said on Tuesday\nMay 7");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(2005, 5, 7));
        assert_eq!(doc.events.len(), 1);
        let said = &doc.events[0];
        assert_eq!(said.span.slice(&doc.text), Some("said"));
        let tuesday = NaiveDate::from_ymd_opt(2005, 5, 3).unwrap();
        assert_eq!(
            said.anchor,
            Some(Anchor::Within(tuesday, tuesday)),
            "the dated timex wins"
        );
        assert_eq!(said.participants, ["Airbus"]);
        // The gold coreference: the entity's descriptor and its mentions' words.
        assert_eq!(
            said.referents,
            [vec!["Airbus SAS".to_string(), "Airbus".to_string()]]
        );
        // A participant named only in the chain ("it" in the text) is right with it resolved.
        let mut event = crate::pipeline::extract(&article_of(&doc)).events.remove(0);
        event.participants[0].actor = "Airbus SAS".into();
        let pronoun = GoldEvent {
            participants: vec!["it".into()],
            ..said.clone()
        };
        assert!(!participant_right(&event, &pronoun) && referent_right(&event, &pronoun));
    }

    #[test]
    fn scores_detection_dates_and_participants() {
        let doc = read_meantime(DOC).unwrap();
        let found = crate::pipeline::extract(&article_of(&doc)).events;
        let s = score(&doc, &found);
        assert_eq!((s.gold, s.matched), (1, 1), "{found:#?}");
        assert_eq!((s.anchored, s.dated_right), (1, 1), "{found:#?}");
        assert_eq!(
            (s.with_participants, s.participant_right, s.referent_right),
            (1, 1, 1),
            "{found:#?}"
        );
        assert_eq!(s.f1(), 2.0 * s.precision() / (s.precision() + 1.0));
    }

    #[test]
    fn timeml_events_are_read_and_scored_for_detection_and_listed_when_wrong() {
        let tml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-06\" \
                   functionInDocument=\"CREATION_TIME\">02/06/1998</TIMEX3></DCT><TEXT>\
                   Shares of Boeing <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> after \
                   the <EVENT eid=\"e2\" class=\"OCCURRENCE\">crash</EVENT> of a jet in the \
                   <EVENT eid=\"e3\" class=\"STATE\">sea</EVENT>.</TEXT></TimeML>";
        let doc = read_timeml(tml).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 2, 6));
        let words: Vec<_> = doc.events.iter().map(|e| e.span.slice(&doc.text)).collect();
        assert_eq!(words, [Some("fell"), Some("crash"), Some("sea")]);
        let found = crate::pipeline::extract(&article_of(&doc)).events;
        let s = score(&doc, &found);
        // The verb and the event noun are found; the sea is no event for Linimasa.
        assert_eq!((s.gold, s.matched), (3, 2), "{found:#?}");
        let mistakes = mistakes(&doc, &found);
        assert!(
            mistakes.contains(&"missed\tsea".to_string()),
            "{mistakes:?}"
        );
    }

    #[test]
    fn timex_values_cover_their_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            value_days("2005-05-07"),
            Some((d("2005-05-07"), d("2005-05-07")))
        );
        assert_eq!(
            value_days("2005-02"),
            Some((d("2005-02-01"), d("2005-02-28")))
        );
        assert_eq!(
            value_days("2005-W18"),
            Some((d("2005-05-02"), d("2005-05-08")))
        );
        assert_eq!(value_days("2004"), Some((d("2004-01-01"), d("2004-12-31"))));
        assert_eq!(value_days("P1W"), None);
        assert_eq!(value_days("PRESENT_REF"), None);
    }
}
