//! Stage 6, events: who did what to whom, when and where, typed by CAMEO root code.
//!
//! A first, rule-based extractor. Each language's `resources/<lang>/events.toml` lists trigger
//! words per CAMEO root code, modality cues and clause separators. For every trigger in a clause:
//! - the event's evidence is the clause, its type the code of the clause's first trigger (one
//!   event per clause: "X mengatakan ... menembaki" is reported as X's statement; but see the
//!   part-of-speech path below);
//! - its date is the nearest time expression in the clause, else in the sentence, else the
//!   article date; a statement takes a time expression only when it stands near the reporting
//!   verb (within six words) — otherwise the time dates what is said, and the statement is made
//!   on the reporting day, the article date;
//! - its participants are the actors named in the clause (before a reporting verb: the source;
//!   otherwise before the trigger the agent, after it the target), its places the places named
//!   there, or the dateline's place for statements;
//! - a capital right before the trigger acts for its country ("Moskow melancarkan" → Russia); a
//!   pronoun speaker ("Dia mengatakan", "katanya") is the last named person who spoke; clauses
//!   with no actor at all are left out;
//! - its modality comes from a cue shortly before the trigger (denied, planned, hypothetical), and
//!   events inside reported speech carry the speaker as attribution.
//!
//! Where the language has a part-of-speech model ([`crate::pos`]; English), every verb and every
//! event noun (`[words] nouns`, `event-nouns.txt`) is a trigger too, of type [`OTHER`] unless a
//! trigger list has it or its verb; a clause then gives one event per trigger, and events
//! without an actor stay (the model tells event words from background words, so the actor is
//! not needed as a filter).
//!
//! Reports of one event by several articles are grouped in the store (`store::merge`); the
//! graph is built in `graph`.

pub mod eval;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{
    Article, Event, Grain, Mention, MentionKind, Modality, Participant, ParticipantRole,
    Provenance, Span, TimeExpr, TimexType,
};
use crate::names::{gazetteer::gazetteer, tokenize, Names};
use crate::pos::Upos;

/// A language's event lexicon.
#[derive(Debug)]
pub struct EventLexicon {
    /// First word of a trigger → the triggers starting with it (lower-case word sequences, longest
    /// first) with their CAMEO root codes.
    triggers: HashMap<String, Vec<(Vec<String>, String)>>,
    denied: Vec<String>,
    planned: Vec<String>,
    hypothetical: Vec<String>,
    separators: Vec<String>,
    /// Third-person pronouns that stand for the last named speaker ("dia", "katanya", "he").
    pronouns: Vec<String>,
    /// Speech verbs that say someone spoke, not what ("berbicara", "spoke").
    bare_speech: Vec<String>,
    /// Words before a time expression that make it the end of a span ("kontrak hingga 2021"):
    /// no date for the event of the clause.
    until: Vec<String>,
    /// Words that pass on another outlet's report ("seperti dilansir Antara"): the
    /// organisation they name relays the words and takes no part in the event.
    relays: Vec<String>,
    /// Words that may stand between a relay word and the outlet ("dikutip dari").
    relay_links: Vec<String>,
    /// Subjects that refer back to the nearest person named before them ("he", "dia") or
    /// organisation ("it", "the company", "perusahaan itu"): lower-case word sequences.
    person_subjects: Vec<Vec<String>>,
    organisation_subjects: Vec<Vec<String>>,
    /// Of those, the ones that refer back only as the subject of reported words ("said that
    /// it", "announced Monday it"): elsewhere "it" is as often a thing or nothing ("It is
    /// expected").
    reported_subjects: Vec<Vec<String>>,
    /// A passive event word: after one of these auxiliaries ("was attacked"), or starting with
    /// one of these prefixes ("ditangkap"); its subject is acted on, and an actor after one of
    /// the agent words ("by", "oleh") acts.
    passive_auxiliaries: Vec<String>,
    passive_prefixes: Vec<String>,
    agent_words: Vec<String>,
    /// News outlets (lower case): told something ("kata X kepada Reuters"), an outlet only
    /// hears it, and takes part in a statement as its source alone ("Reuters melaporkan").
    outlets: HashSet<String>,
    /// Nouns that name events ("delivery", "dispute"): `[words] nouns` and the generated
    /// `event-nouns.txt`. Used where the language has a part-of-speech model.
    nouns: HashSet<String>,
    /// Verbs and nouns that are no events ("according", "including", "market").
    not_events: HashSet<String>,
}

/// The type of an event found by its part of speech whose word is in no CAMEO trigger list.
pub const OTHER: &str = "00";

impl EventLexicon {
    /// The one-word triggers (any type).
    pub fn single_words(&self) -> std::collections::HashSet<&str> {
        self.triggers
            .values()
            .flatten()
            .filter(|(seq, _)| seq.len() == 1)
            .map(|(seq, _)| seq[0].as_str())
            .collect()
    }
}

#[derive(Deserialize)]
struct File {
    triggers: HashMap<String, Vec<String>>,
    modality: ModalityFile,
    clauses: ClauseFile,
    #[serde(default)]
    words: WordsFile,
}

#[derive(Deserialize, Default)]
struct WordsFile {
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    not_events: Vec<String>,
}

#[derive(Deserialize)]
struct ModalityFile {
    denied: Vec<String>,
    planned: Vec<String>,
    hypothetical: Vec<String>,
}

#[derive(Deserialize)]
struct ClauseFile {
    separators: Vec<String>,
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    bare_speech: Vec<String>,
    #[serde(default)]
    until: Vec<String>,
    #[serde(default)]
    relays: Vec<String>,
    #[serde(default)]
    relay_links: Vec<String>,
    #[serde(default)]
    outlets: Vec<String>,
    #[serde(default)]
    person_subjects: Vec<String>,
    #[serde(default)]
    organisation_subjects: Vec<String>,
    #[serde(default)]
    reported_subjects: Vec<String>,
    #[serde(default)]
    passive_auxiliaries: Vec<String>,
    #[serde(default)]
    passive_prefixes: Vec<String>,
    #[serde(default)]
    agent_words: Vec<String>,
}

/// Phrases as lower-case word sequences.
fn word_sequences(phrases: &[String]) -> Vec<Vec<String>> {
    phrases
        .iter()
        .map(|p| {
            p.to_lowercase()
                .split_whitespace()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The event lexicon of a language, if it has one.
pub fn lexicon(lang: &str) -> Option<&'static EventLexicon> {
    static L: OnceLock<HashMap<&'static str, EventLexicon>> = OnceLock::new();
    L.get_or_init(|| {
        crate::lang::LANGUAGE_FILES
            .iter()
            .filter_map(|(code, files)| {
                let text = crate::lang::text_file(files, "events.toml")?;
                // Compiled in and loaded by tests: a broken file is a build bug.
                let file: File = toml::from_str(text)
                    .unwrap_or_else(|e| panic!("resources/{code}/events.toml: {e}"));
                let mut codes: Vec<_> = file.triggers.into_iter().collect();
                codes.sort();
                let mut triggers: Vec<(Vec<String>, String)> = Vec::new();
                for (cameo, words) in codes {
                    for w in words {
                        let seq: Vec<String> = w
                            .to_lowercase()
                            .split_whitespace()
                            .map(str::to_string)
                            .collect();
                        // A word listed under two codes keeps the first (lowest) one.
                        if !triggers.iter().any(|(s, _)| *s == seq) {
                            triggers.push((seq, cameo.clone()));
                        }
                    }
                }
                // Longest first, so "unjuk rasa" wins over a one-word trigger at the same place.
                triggers.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
                let mut by_first: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
                for (seq, cameo) in triggers {
                    by_first
                        .entry(seq[0].clone())
                        .or_default()
                        .push((seq, cameo));
                }
                let triggers = by_first;
                let generated =
                    crate::lang::text_file(files, "event-nouns.txt").unwrap_or_default();
                let nouns = file
                    .words
                    .nouns
                    .iter()
                    .map(|w| w.to_lowercase())
                    .chain(
                        generated
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty() && !l.starts_with('#'))
                            .map(str::to_string),
                    )
                    .collect();
                Some((
                    *code,
                    EventLexicon {
                        triggers,
                        denied: file.modality.denied,
                        planned: file.modality.planned,
                        hypothetical: file.modality.hypothetical,
                        separators: file.clauses.separators,
                        pronouns: file.clauses.pronouns,
                        bare_speech: file.clauses.bare_speech,
                        until: file.clauses.until,
                        relays: file.clauses.relays,
                        relay_links: file.clauses.relay_links,
                        person_subjects: word_sequences(&file.clauses.person_subjects),
                        organisation_subjects: word_sequences(&file.clauses.organisation_subjects),
                        reported_subjects: word_sequences(&file.clauses.reported_subjects),
                        passive_auxiliaries: file.clauses.passive_auxiliaries,
                        passive_prefixes: file.clauses.passive_prefixes,
                        agent_words: file.clauses.agent_words,
                        outlets: file
                            .clauses
                            .outlets
                            .iter()
                            .map(|o| o.to_lowercase())
                            .collect(),
                        nouns,
                        not_events: file.words.not_events.into_iter().collect(),
                    },
                ))
            })
            .collect()
    })
    .get(lang)
}

/// How far back (in bytes of text) a referring subject looks for its actor: about two
/// sentences of news.
const REFERENT_REACH: usize = 400;

/// The actor a referring subject stands for: the subject ("he", "the company") ends at most
/// three words before the trigger, with no name between, and the actor is the nearest one of
/// its kind named before it, within [`REFERENT_REACH`].
fn referent(
    lex: &EventLexicon,
    names: &Names,
    tokens: &[tokenize::Token<'_>],
    lower: &[String],
    clause_start: usize,
    trigger: usize,
) -> Option<String> {
    use crate::model::ActorKind;
    // Right after "that" or a statement's word, with at most one word between ("announced
    // Monday it").
    let statement = |w: &str| {
        w == "that"
            || lex
                .triggers
                .get(w)
                .is_some_and(|c| c.iter().any(|(seq, code)| seq.len() == 1 && code == "01"))
    };
    let reported =
        |i: usize| (i >= 1 && statement(&lower[i - 1])) || (i >= 2 && statement(&lower[i - 2]));
    let (at, kind) = (clause_start..trigger).rev().take(6).find_map(|i| {
        let starts = |seqs: &[Vec<String>]| {
            seqs.iter().any(|seq| {
                i + seq.len() <= trigger
                    && trigger - (i + seq.len()) <= 3
                    && seq.iter().enumerate().all(|(k, w)| lower[i + k] == *w)
                    && (!lex.reported_subjects.contains(seq) || reported(i))
            })
        };
        if starts(&lex.person_subjects) {
            Some((i, ActorKind::Person))
        } else if starts(&lex.organisation_subjects) {
            Some((i, ActorKind::Organisation))
        } else {
            None
        }
    })?;
    let from = tokens[at].span.start;
    let to = tokens[trigger].span.start;
    // A name between the subject and the trigger is the subject itself ("it and Boeing").
    if names
        .mentions
        .iter()
        .any(|m| m.span.start >= from && m.span.end <= to)
    {
        return None;
    }
    let kind_of = |surface: &str| {
        names
            .actors
            .iter()
            .find(|a| a.canonical_name == surface || a.aliases.iter().any(|x| x == surface))
    };
    let candidates: Vec<(Span, &crate::model::Actor)> = names
        .mentions
        .iter()
        .filter(|m| m.span.end <= from && from - m.span.end <= REFERENT_REACH)
        .filter_map(|m| Some((m.span, kind_of(&m.surface)?)))
        .filter(|(_, a)| a.kind == kind)
        .collect();
    // Of the nearest sentence that names one, the first named: a sentence's subject comes
    // first ("Steve Jobs met Bill Gates. He was fired ..." is Jobs).
    let last = candidates.iter().map(|(s, _)| s.start).max()?;
    let sentence_start = tokens
        .iter()
        .take_while(|t| t.span.start < last)
        .filter(|t| matches!(t.text, "." | "!" | "?"))
        .map(|t| t.span.end)
        .last()
        .unwrap_or(0);
    candidates
        .iter()
        .filter(|(s, _)| s.start >= sentence_start)
        .min_by_key(|(s, _)| s.start)
        .map(|(_, a)| a.canonical_name.clone())
}

/// Extracts the events of `article` from its time expressions and names.
pub fn extract(article: &Article, times: &[TimeExpr], names: &Names) -> Vec<Event> {
    let lang = article.language.as_deref().unwrap_or("en");
    let Some(lex) = lexicon(lang) else {
        return vec![];
    };
    let text = &article.text;
    let tokens = tokenize::tokenize(text);
    let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
    let dct = article.published.as_ref().map(|p| p.date);
    let rule = format!("events.triggers.{lang}");
    let pos = crate::pos::model(lang);

    // Who a mention names: actors by alias, places through the gazetteer (countries are actors too).
    let mut actor_of: HashMap<&str, &str> = HashMap::new();
    for a in &names.actors {
        actor_of.insert(a.canonical_name.as_str(), a.canonical_name.as_str());
        for alias in &a.aliases {
            actor_of.insert(alias.as_str(), a.canonical_name.as_str());
        }
    }
    // The place the names step resolved the mention to (a home town over a foreign namesake,
    // a district by the local table), so events and the article's places agree.
    let place_of = |surface: &str| -> String { names.place_named(surface) };
    // The dateline and its publisher ("Jakarta, CNN Indonesia - -") name where the article was
    // filed and by whom, not a place or an actor of the first clause's event.
    let (header, dateline_place) = match dateline(text, names) {
        Some((span, place)) => (Some(span), place),
        None => (None, None),
    };
    let in_header =
        |m: &&Mention| header.is_some_and(|h| m.span.start >= h.start && m.span.end <= h.end);

    let relayed = relayed_outlets(lex, &tokens, &lower, names);
    let mut events: Vec<Event> = Vec::new();
    // For each event: whether its clause holds its own time expression, and its trigger words.
    let mut anchors: Vec<(bool, String)> = Vec::new();
    let mut last_speaker: Option<String> = None;
    for sentence in tokenize::sentences(text, &tokens) {
        // Clause boundaries: separator words and punctuation inside the sentence.
        let mut bounds = vec![sentence.start];
        for i in sentence.clone() {
            if lex.separators.iter().any(|s| *s == lower[i]) {
                bounds.push(i);
            }
        }
        bounds.push(sentence.end);
        let clause_of = |i: usize| {
            let k = bounds.iter().rposition(|&b| b <= i).unwrap_or(0);
            bounds[k]
                ..bounds
                    .get(k + 1)
                    .copied()
                    .unwrap_or(sentence.end)
                    .max(i + 1)
        };
        let span_of = |r: &std::ops::Range<usize>| {
            Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end)
        };
        let sentence_span = span_of(&sentence);
        // The speaker of reported speech in this sentence, for attribution.
        let mut speaker: Option<String> = None;
        let mut found: Vec<(usize, usize, String)> = Vec::new();
        let mut i = sentence.start;
        while i < sentence.end {
            let hit = lex.triggers.get(&lower[i]).and_then(|candidates| {
                candidates.iter().find(|(seq, _)| {
                    i + seq.len() <= sentence.end
                        && seq.iter().enumerate().all(|(k, w)| lower[i + k] == *w)
                })
            });
            match hit {
                Some((seq, cameo)) => {
                    found.push((i, i + seq.len(), cameo.clone()));
                    i += seq.len();
                }
                None => i += 1,
            }
        }
        // With a part-of-speech model, every event verb and event noun is an event too (of
        // type OTHER unless a trigger list has it or its verb), and a clause may hold several.
        if let Some(model) = pos {
            // The names in this sentence: a word inside one is part of the name ("Boeing" is
            // no verb in -ing).
            let (from, to) = (sentence_span.start, sentence_span.end);
            let name_spans: Vec<Span> = names
                .mentions
                .iter()
                .map(|m| m.span)
                .filter(|m| m.start < to && from < m.end)
                .collect();
            let tags = model.tag(
                &tokens[sentence.clone()]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>(),
            );
            for (k, tag) in tags.into_iter().enumerate() {
                let i = sentence.start + k;
                let w = &lower[i];
                let event_word = match tag {
                    Upos::Verb => true,
                    Upos::Noun => lex.nouns.contains(w),
                    _ => false,
                } && !lex.not_events.contains(w)
                    && w.chars().any(char::is_alphabetic);
                let in_name = name_spans
                    .iter()
                    .any(|m| m.start <= tokens[i].span.start && tokens[i].span.end <= m.end);
                if event_word && !in_name && !found.iter().any(|(a, b, _)| (*a..*b).contains(&i)) {
                    // Another form of a trigger verb has its type ("attacking": "attack").
                    let cameo = crate::pos::verb_forms(lang)
                        .lemma(w)
                        .and_then(|lemma| {
                            lex.triggers
                                .get(lemma)?
                                .iter()
                                .find(|(seq, _)| seq.len() == 1)
                        })
                        .map_or(OTHER, |(_, cameo)| cameo.as_str());
                    found.push((i, i + 1, cameo.to_string()));
                }
            }
            found.sort();
        }
        for (t_start, t_end, cameo) in found {
            // "seperti dikutip dari Antara": how the words came, not something said.
            if relayed.iter().any(|(word, _)| *word == t_start) {
                continue;
            }
            let clause = clause_of(t_start);
            let evidence = span_of(&clause);
            if pos.is_none() && events.iter().any(|e| e.evidence == evidence) {
                continue;
            }
            let trigger_span = Span::new(tokens[t_start].span.start, tokens[t_end - 1].span.end);
            // Participants: actor mentions in the clause, else in the sentence.
            let in_span = |s: Span, m: Span| m.start >= s.start && m.end <= s.end;
            let mut mentions: Vec<_> = names
                .mentions
                .iter()
                .filter(|m| in_span(evidence, m.span))
                .collect();
            if mentions.is_empty() {
                mentions = names
                    .mentions
                    .iter()
                    .filter(|m| in_span(sentence_span, m.span))
                    .collect();
            }
            // A passive event word ("was fired", "ditangkap"); statements keep their source.
            let passive = cameo != "01" && {
                let word = &lower[t_start];
                let aux = |k: usize| lex.passive_auxiliaries.contains(&lower[k]);
                let prefixed = lex
                    .passive_prefixes
                    .iter()
                    .any(|p| word.len() > p.len() + 2 && word.starts_with(p.as_str()));
                let after_aux = !word.ends_with("ing")
                    && t_start > clause.start
                    && (aux(t_start - 1)
                        || (t_start > clause.start + 1
                            && lower[t_start - 1].ends_with("ly")
                            && aux(t_start - 2)));
                prefixed || after_aux
            };
            let mut participants: Vec<Participant> = Vec::new();
            let mut places: Vec<String> = Vec::new();
            for m in mentions
                .iter()
                .filter(|m| !in_header(m) && !relayed.iter().any(|(_, r)| *r == m.span))
            {
                // A capital is an actor only where it acts (the metonymy below), though its
                // name is an alias of its country ("izin dari Moskow" is a place).
                let capital_place = m.kind == MentionKind::Place
                    && gazetteer()
                        .lookup(&m.surface)
                        .is_some_and(|e| e.kind == crate::names::gazetteer::PlaceKind::Capital);
                if let Some(actor) = actor_of.get(m.surface.as_str()).filter(|_| !capital_place) {
                    let before = m.span.end <= trigger_span.start;
                    // "by Apple" after a passive event word: the agent.
                    let by_agent = passive && !before && {
                        let at = tokens.partition_point(|t| t.span.start < m.span.start);
                        at > 0 && lex.agent_words.contains(&lower[at - 1])
                    };
                    let role = match (cameo.as_str(), before) {
                        ("01", true) => ParticipantRole::Source,
                        (_, true) if passive => ParticipantRole::Target,
                        (_, true) => ParticipantRole::Agent,
                        (_, false) if by_agent => ParticipantRole::Agent,
                        (_, false) => ParticipantRole::Target,
                    };
                    let hearer = cameo == "01"
                        && role == ParticipantRole::Target
                        && (lex.outlets.contains(&actor.to_lowercase())
                            || lex.outlets.contains(&m.surface.to_lowercase()));
                    if !hearer && !participants.iter().any(|p| p.actor == *actor) {
                        participants.push(Participant {
                            actor: actor.to_string(),
                            role,
                        });
                    }
                }
                if m.kind == MentionKind::Place {
                    let p = place_of(&m.surface);
                    if !places.contains(&p) {
                        places.push(p);
                    }
                    // Metonymy: a capital just before the trigger acts for its country
                    // ("Moskow melancarkan serangannya" is Russia attacking).
                    let gap = text.get(m.span.end..trigger_span.start).unwrap_or_default();
                    let subject = m.span.end <= trigger_span.start
                        && gap.split_whitespace().count() <= 2
                        && !gap.contains([',', '.']);
                    let capital = gazetteer()
                        .lookup(&m.surface)
                        .filter(|e| e.kind == crate::names::gazetteer::PlaceKind::Capital);
                    if let (true, Some(city)) = (subject, capital) {
                        if let Some(country) = gazetteer().country(&city.country) {
                            let role = if cameo == "01" {
                                ParticipantRole::Source
                            } else {
                                ParticipantRole::Agent
                            };
                            if !participants.iter().any(|p| p.actor == country.name) {
                                participants.push(Participant {
                                    actor: country.name.clone(),
                                    role,
                                });
                            }
                        }
                    }
                }
            }
            // A pronoun speaker ("Dia mengatakan", "katanya") is the last named speaker.
            let pronoun = lower[clause.clone()]
                .iter()
                .any(|w| lex.pronouns.contains(w));
            if cameo == "01"
                && pronoun
                && !participants
                    .iter()
                    .any(|p| p.role == ParticipantRole::Source)
            {
                // "Dia berbicara beberapa jam setelah ...": that the last speaker spoke, not
                // something new they said — it points back at their statement.
                if lex.bare_speech.contains(&lower[t_start]) && last_speaker.is_some() {
                    continue;
                }
                if let Some(last) = &last_speaker {
                    participants.insert(
                        0,
                        Participant {
                            actor: last.clone(),
                            role: ParticipantRole::Source,
                        },
                    );
                }
            }
            // A subject that refers back ("he", "it", "the company") is the nearest actor of
            // its kind named before it, when the clause names none before the trigger.
            let subject_named = mentions.iter().any(|m| {
                m.span.end <= trigger_span.start && actor_of.contains_key(m.surface.as_str())
            });
            if !subject_named
                && !participants
                    .iter()
                    .any(|p| matches!(p.role, ParticipantRole::Source))
            {
                if let Some(actor) = referent(lex, names, &tokens, &lower, clause.start, t_start) {
                    let role = if cameo == "01" {
                        ParticipantRole::Source
                    } else if passive {
                        ParticipantRole::Target
                    } else {
                        ParticipantRole::Agent
                    };
                    participants.retain(|p| p.actor != actor);
                    participants.insert(0, Participant { actor, role });
                }
            }
            // Without any actor an event cannot be placed in the network or filtered by actor;
            // found by its trigger words alone such clauses are mostly background, so they are
            // left out. An event verb or noun found by its part of speech stands by itself
            // ("the crash", "deliveries were delayed"): it stays, dated and placed.
            if participants.is_empty() && pos.is_none() {
                continue;
            }
            if cameo == "01" && places.is_empty() {
                places.extend(dateline_place.clone());
            }
            if cameo == "01" {
                if let Some(src) = participants
                    .iter()
                    .find(|p| p.role == ParticipantRole::Source)
                {
                    speaker = Some(src.actor.clone());
                    // Only people are referred to by pronouns.
                    if names.actors.iter().any(|a| {
                        a.canonical_name == src.actor && a.kind == crate::model::ActorKind::Person
                    }) {
                        last_speaker = Some(src.actor.clone());
                    }
                }
            }
            // Date: the nearest time expression in the clause, else in the sentence, else the
            // article date. The end of a span dates no event ("signed a contract until 2021").
            let ends_span = |t: &TimeExpr| {
                let from = text[..t.span.start]
                    .char_indices()
                    .rev()
                    .nth(24)
                    .map_or(0, |(i, _)| i);
                let before = text[from..t.span.start].trim_end().to_lowercase();
                lex.until.iter().any(|w| {
                    before.strip_suffix(w.as_str()).is_some_and(|rest| {
                        rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
                    })
                })
            };
            let dated = |s: Span| {
                times
                    .iter()
                    .filter(|t| {
                        matches!(t.timex_type, TimexType::Date | TimexType::Time)
                            && in_span(s, t.span)
                            && t.earliest.is_some()
                            && !ends_span(t)
                    })
                    .min_by_key(|t| t.span.start.abs_diff(trigger_span.start))
            };
            let near_verb = |t: &&TimeExpr| {
                let words_between = |a: usize, b: usize| {
                    tokens
                        .iter()
                        .filter(|k| k.span.start >= a && k.span.end <= b)
                        .count()
                };
                let (a, b) = if t.span.start >= trigger_span.end {
                    (trigger_span.end, t.span.start)
                } else {
                    (t.span.end, trigger_span.start)
                };
                words_between(a, b) <= 6
            };
            let time = if cameo == "01" {
                dated(evidence).filter(near_verb)
            } else {
                dated(evidence).or_else(|| dated(sentence_span))
            };
            let (date_value, earliest, latest, precision, derivation) = match (time, dct) {
                (Some(t), _) => (
                    Some(t.value.clone()),
                    t.earliest,
                    t.latest,
                    t.grain,
                    format!(
                        "the time expression \"{}\" ({}) in the same {}",
                        t.surface,
                        t.value,
                        if in_span(evidence, t.span) {
                            "clause"
                        } else {
                            "sentence"
                        }
                    ),
                ),
                // A statement is made when it is reported; anything else the article reports
                // happened on or before its date.
                (None, Some(d)) if cameo == "01" => (
                    Some(d.format("%Y-%m-%d").to_string()),
                    Some(d),
                    Some(d),
                    Grain::Day,
                    "no time expression nearby: a statement, dated by the article date".to_string(),
                ),
                (None, Some(d)) => (
                    Some(d.format("%Y-%m-%d").to_string()),
                    Some(d),
                    Some(d),
                    Grain::Before,
                    format!("no time expression nearby: on or before the article date ({d})"),
                ),
                (None, None) => (
                    None,
                    None,
                    None,
                    Grain::Unknown,
                    "no time expression and no article date".to_string(),
                ),
            };
            // Modality: a cue among the three words before the trigger, within the clause.
            let window = &lower[t_start.saturating_sub(3).max(clause.start)..t_start];
            let has = |cues: &[String]| window.iter().any(|w| cues.contains(w));
            // A denial verb ("membantah", "denied") is itself the cue.
            let modality = if has(&lex.denied) || lex.denied.contains(&lower[t_start]) {
                Modality::Denied
            } else if has(&lex.hypothetical) {
                Modality::Hypothetical
            } else if has(&lex.planned) {
                Modality::Planned
            } else if cameo != "01" && speaker.is_some() {
                Modality::Reported
            } else {
                Modality::Asserted
            };
            let attribution = if cameo != "01" { speaker.clone() } else { None };
            let confidence = 0.4
                + if time.is_some() { 0.2 } else { 0.0 }
                + if participants.is_empty() { 0.0 } else { 0.2 };
            let own_time = time.is_some_and(|t| in_span(evidence, t.span));
            let trigger = lower[t_start..t_end].join(" ");
            anchors.push((own_time, trigger));
            events.push(Event {
                cameo,
                date_value,
                earliest,
                latest,
                precision,
                date_derivation: derivation,
                participants,
                places,
                evidence,
                evidence_text: evidence.slice(text).unwrap_or_default().to_string(),
                trigger: Some(trigger_span),
                attribution,
                modality,
                confidence,
                provenance: Provenance::rule(rule.clone()),
            });
        }
    }
    drop_repeated_mentions(events, &anchors)
}

/// An article often mentions one event twice: dated where it is told ("Moskow melancarkan
/// serangannya Kamis lalu") and again in passing, without a time of its own ("...sanksi karena
/// melancarkan serangannya di Ukraina", "sejak pecahnya perang"). A mention without its own time
/// expression that has the type of a dated mention and shares an actor or the trigger words with
/// it is the same event, and is dropped. Statements are left alone: each says something new, and
/// so are untyped events (type [`OTHER`]).
fn drop_repeated_mentions(events: Vec<Event>, anchors: &[(bool, String)]) -> Vec<Event> {
    let repeated: Vec<bool> = events
        .iter()
        .zip(anchors)
        .enumerate()
        .map(|(i, (e, (own_time, trigger)))| {
            !own_time
                    && e.cameo != "01"
                    // Each event verb or noun found by its part of speech is a mention of
                    // its own: "fell" twice is two falls.
                    && e.cameo != OTHER
                    && events.iter().zip(anchors).enumerate().any(
                        |(j, (f, (f_time, f_trigger)))| {
                            i != j
                                && *f_time
                                && f.cameo == e.cameo
                                && (f_trigger == trigger
                                    || f.participants
                                        .iter()
                                        .any(|p| e.participants.iter().any(|q| q.actor == p.actor)))
                        },
                    )
        })
        .collect();
    events
        .into_iter()
        .zip(repeated)
        .filter_map(|(e, r)| (!r).then_some(e))
        .collect()
}

/// Which event types a filter keeps, written as a list of root codes: `"04"` or `"01,19"` keeps
/// those types ("statements and fights"); `"-00"` or `"-00,-01"` keeps every type but those
/// ("hide other events"). Codes are the CAMEO roots 01 to 20 and [`OTHER`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeSelection {
    /// Kept types; empty keeps every type not in `not`.
    pub only: Vec<String>,
    /// Left-out types.
    pub not: Vec<String>,
}

impl TypeSelection {
    /// Reads `"01,19"` or `"-00"`; an unknown code is an error that names it.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut selection = Self::default();
        for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (list, code) = match item.strip_prefix('-') {
                Some(code) => (&mut selection.not, code.trim()),
                None => (&mut selection.only, item),
            };
            if cameo_name(code) == code {
                return Err(format!(
                    "{code:?} is not an event type (a CAMEO root code 01 to 20, or 00 for another \
                     event; several with commas, \"-00\" to leave one out)"
                ));
            }
            if !list.iter().any(|c| c == code) {
                list.push(code.to_string());
            }
        }
        if selection.only.is_empty() && selection.not.is_empty() {
            return Err(format!("{text:?} names no event type"));
        }
        Ok(selection)
    }

    /// Whether an event of type `code` is kept.
    pub fn keeps(&self, code: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|c| c == code))
            && !self.not.iter().any(|c| c == code)
    }

    /// In words, for captions: "01 Make public statement, 19 Fight" or "all but 00 Other event".
    pub fn describe(&self) -> String {
        let named = |codes: &[String]| {
            codes
                .iter()
                .map(|c| format!("{c} {}", cameo_name(c)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (self.only.is_empty(), self.not.is_empty()) {
            (false, true) => named(&self.only),
            (true, _) => format!("all but {}", named(&self.not)),
            (false, false) => format!("{}, not {}", named(&self.only), named(&self.not)),
        }
    }
}

/// The name of a CAMEO root code ("01" → "Make public statement"), or of [`OTHER`]; the code
/// itself when unknown.
pub fn cameo_name(code: &str) -> &str {
    match code {
        "01" => "Make public statement",
        "02" => "Appeal",
        "03" => "Express intent to cooperate",
        "04" => "Consult",
        "05" => "Engage in diplomatic cooperation",
        "06" => "Engage in material cooperation",
        "07" => "Provide aid",
        "08" => "Yield",
        "09" => "Investigate",
        "10" => "Demand",
        "11" => "Disapprove",
        "12" => "Reject",
        "13" => "Threaten",
        "14" => "Protest",
        "15" => "Exhibit force posture",
        "16" => "Reduce relations",
        "17" => "Coerce",
        "18" => "Assault",
        "19" => "Fight",
        "20" => "Use unconventional mass violence",
        OTHER => "Other event",
        other => other,
    }
}

/// The outlets an article relays words from ("katanya seperti dilansir Antara", "dikutip dari
/// CBC News"): for each, the token index of the relay word and the outlet mention's span. Only
/// an organisation right after the relay word (through "dari", "oleh"...) counts.
fn relayed_outlets(
    lex: &EventLexicon,
    tokens: &[tokenize::Token],
    lower: &[String],
    names: &Names,
) -> Vec<(usize, Span)> {
    let mut out = Vec::new();
    for (i, w) in lower.iter().enumerate() {
        if !lex.relays.contains(w) {
            continue;
        }
        let mut j = i + 1;
        while j < lower.len() && lex.relay_links.contains(&lower[j]) {
            j += 1;
        }
        let Some(next) = tokens.get(j) else {
            continue;
        };
        if let Some(m) = names
            .mentions
            .iter()
            .find(|m| m.kind == MentionKind::Organisation && m.span.start == next.span.start)
        {
            out.push((i, m.span));
        }
    }
    out
}

/// The dateline ("Moskow, Gatra.com - ...") with the publisher's name after it, when that is
/// a name, and the place the dateline gives the article's statements.
/// It says where the article was filed, so where its statements are made — when the article
/// is about that place's country. A national medium files everything from its newsroom
/// ("Jakarta, CNN Indonesia - - Valentino Rossi mengakui ..."): when nothing after the dateline
/// names a place of the dateline's country or that country acting, the dateline says where the
/// reporter sat, not where anyone spoke, and places nothing.
fn dateline(text: &str, names: &Names) -> Option<(Span, Option<String>)> {
    let dateline = names.mentions.iter().find(|m| {
        m.kind == MentionKind::Place
            && m.span.start < 40
            && text[m.span.end..].trim_start().starts_with(',')
    })?;
    let place = names.place_named(&dateline.surface);
    let country_of = |name: &str| {
        names
            .places
            .iter()
            .find(|p| p.canonical_name == name)
            .and_then(|p| p.country_code.as_deref())
    };
    let publisher = names.mentions.iter().find(|m| {
        m.kind == MentionKind::Organisation
            && text
                .get(dateline.span.end..m.span.start)
                .is_some_and(|gap| gap.trim() == ",")
    });
    let header = Span {
        start: dateline.span.start,
        end: publisher.map_or(dateline.span.end, |m| m.span.end),
    };
    let Some(code) = country_of(&place) else {
        // An unknown place: nothing to check it against.
        return Some((header, Some(place)));
    };
    let country = gazetteer().country(code).map(|e| e.name.as_str());
    let about = names.mentions.iter().any(|m| {
        if m.span.start < header.end {
            return false;
        }
        let named = names.place_named(&m.surface);
        country_of(&named) == Some(code)
            || country == Some(named.as_str())
            || names.actors.iter().any(|a| {
                a.kind == crate::model::ActorKind::Country
                    && Some(a.canonical_name.as_str()) == country
                    && (a.canonical_name == m.surface || a.aliases.contains(&m.surface))
            })
    });
    Some((header, about.then_some(place)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateMethod, PublishedDate};

    fn article(text: &str, lang: &str) -> Article {
        Article {
            published: Some(PublishedDate {
                date: "2022-03-01".parse().unwrap(),
                method: DateMethod::Metadata,
                evidence: None,
                span: None,
                confidence: 1.0,
                derivation: String::new(),
            }),
            ..Article::for_test(text, lang)
        }
    }

    fn run(text: &str, lang: &str) -> Vec<Event> {
        let a = article(text, lang);
        let times = crate::time::tag(&a);
        let names = crate::names::recognize(&a, &times);
        extract(&a, &times, &names)
    }

    #[test]
    fn a_dated_event_mentioned_again_in_passing_is_one_event() {
        let events = run(
            "Rusia melancarkan serangan ke Ukraina pada Kamis lalu. Rusia menghadapi sanksi \
             internasional karena melancarkan serangan di Ukraina.",
            "id",
        );
        let attacks: Vec<_> = events.iter().filter(|e| e.cameo != "16").collect();
        assert_eq!(attacks.len(), 1, "{events:#?}");
        assert_eq!(attacks[0].earliest, Some("2022-02-24".parse().unwrap()));
        // Without the dated mention, the passing one stays (on or before the article date).
        let alone = run(
            "Rusia menghadapi sanksi karena melancarkan serangan di Ukraina.",
            "id",
        );
        assert!(
            alone.iter().any(|e| e.precision == Grain::Before),
            "{alone:#?}"
        );
    }

    #[test]
    fn the_end_of_a_span_dates_no_event() {
        // "until 2021" ends the contract; the signing is reported, on or before the article date.
        let events = run(
            "Ronaldo menandatangani perpanjangan kontrak dengan Real Madrid hingga 2021.",
            "id",
        );
        assert!(!events.is_empty(), "{events:#?}");
        assert!(
            events
                .iter()
                .all(|e| e.date_value.as_deref() != Some("2021")),
            "{events:#?}"
        );
        // Without "hingga" the year dates it.
        let dated = run(
            "Ronaldo menandatangani kontrak dengan Real Madrid pada 2016.",
            "id",
        );
        assert!(
            dated
                .iter()
                .any(|e| e.date_value.as_deref() == Some("2016")),
            "{dated:#?}"
        );
    }

    #[test]
    fn a_newsroom_dateline_places_no_statement_about_elsewhere() {
        // A national medium's dateline is its newsroom: a foreign rider's words are not Jakarta's.
        let abroad = run(
            "Jakarta, CNN Indonesia - - Valentino Rossi mengakui persaingan MotoGP musim ini berat. \
             Rossi mengatakan timnya akan bekerja keras.",
            "id",
        );
        let statements: Vec<_> = abroad.iter().filter(|e| e.cameo == "01").collect();
        assert!(!statements.is_empty(), "{abroad:#?}");
        assert!(
            statements.iter().all(|e| e.places.is_empty()),
            "{statements:#?}"
        );
        // The publisher after the dateline is no participant of the first sentence's event.
        assert!(
            statements
                .iter()
                .all(|e| e.participants.iter().all(|p| p.actor != "CNN Indonesia")),
            "{statements:#?}"
        );
        // An article about the dateline's country (it names Bali) keeps it as the place of its
        // statements.
        let home = run(
            "Jakarta, CNN Indonesia - - Menteri Keuangan Sri Mulyani mengatakan ekonomi tumbuh \
             lima persen. Pertumbuhan di Bali paling cepat.",
            "id",
        );
        let said = home
            .iter()
            .find(|e| e.cameo == "01")
            .unwrap_or_else(|| panic!("a statement: {home:#?}"));
        assert!(said.places.iter().any(|p| p == "Jakarta"), "{said:#?}");
    }

    #[test]
    fn an_outlet_that_relays_the_words_takes_no_part() {
        let text = "Kapolda Jawa Tengah Condro Kirono mengatakan ada 14 tersangka. \
                    \"Kita akan lihat perkembangan,\" kata dia seperti dilansir Antara. \
                    Seperti dikutip dari Antara, keempat nelayan itu ditangkap polisi.";
        let events = run(text, "id");
        assert!(
            events
                .iter()
                .all(|e| e.participants.iter().all(|p| p.actor != "Antara")),
            "{events:#?}"
        );
        // The relayed words are still the speaker's statement.
        let relayed = events
            .iter()
            .find(|e| e.evidence_text.contains("Kita akan lihat"))
            .unwrap_or_else(|| panic!("the relayed statement: {events:#?}"));
        assert!(
            relayed
                .participants
                .iter()
                .any(|p| p.actor == "Condro Kirono" && p.role == ParticipantRole::Source),
            "{relayed:#?}"
        );
        // An outlet told something only hears it; it stays the source of its own reports.
        let told = run(
            "\"Dia punya masalah lain,\" kata Aung Shin kepada Reuters. \
             Reuters melaporkan bahwa militer Myanmar menyerang desa itu.",
            "id",
        );
        let statements: Vec<_> = told.iter().filter(|e| e.cameo == "01").collect();
        let told_to = statements
            .iter()
            .find(|e| e.evidence_text.contains("Aung Shin"))
            .unwrap_or_else(|| panic!("the interview: {told:#?}"));
        assert!(
            told_to.participants.iter().all(|p| p.actor != "Reuters"),
            "{told_to:#?}"
        );
        assert!(
            statements.iter().any(|e| e
                .participants
                .iter()
                .any(|p| p.actor == "Reuters" && p.role == ParticipantRole::Source)),
            "{statements:#?}"
        );
        // "dikutip" is how the report came, no statement of its own.
        assert!(
            !events
                .iter()
                .any(|e| e.cameo == "01" && e.evidence_text.starts_with("Seperti")),
            "{events:#?}"
        );
    }

    #[test]
    fn that_the_last_speaker_spoke_is_no_new_statement() {
        let text = "Dmitry Peskov mengatakan Moskow akan menganalisis hasilnya. \
                    Dia berbicara beberapa jam setelah pejabat Ukraina mengatakan Rusia menembaki Kharkiv.";
        let events = run(text, "id");
        assert!(
            !events
                .iter()
                .any(|e| e.evidence_text.starts_with("Dia berbicara")),
            "{events:#?}"
        );
        // The statement itself and the Ukrainian officials' statement stay.
        let kept = |s: &str| events.iter().any(|e| e.evidence_text.contains(s));
        assert!(
            kept("menganalisis") && kept("pejabat Ukraina"),
            "{events:#?}"
        );
    }

    #[test]
    fn a_subject_that_refers_back_is_the_actor_named_before_it() {
        let agents = |text: &str, lang: &str, word: &str| -> Vec<String> {
            run(text, lang)
                .into_iter()
                .filter(|e| e.trigger.and_then(|t| t.slice(text)) == Some(word))
                .flat_map(|e| e.participants)
                .filter(|p| matches!(p.role, ParticipantRole::Agent | ParticipantRole::Source))
                .map(|p| p.actor)
                .collect()
        };
        let text = "In January, Boeing announced that it would cancel the 717 program. \
                    Steve Jobs visited Paris on Monday. He resigned in August. \
                    The company said sales rose. It is expected to grow.";
        assert_eq!(agents(text, "en", "cancel"), ["Boeing"]);
        assert_eq!(agents(text, "en", "resigned"), ["Steve Jobs"]);
        assert_eq!(agents(text, "en", "said"), ["Boeing"]);
        // "it" outside reported words is as often a thing or nothing.
        assert!(agents(text, "en", "expected").is_empty());
        // Nothing named before: nobody.
        assert!(agents("He resigned in August.", "en", "resigned").is_empty());
        // A passive subject is acted on; "by"/"oleh" names who acts.
        let roles = |text: &str, lang: &str, word: &str| -> Vec<(String, ParticipantRole)> {
            run(text, lang)
                .into_iter()
                .filter(|e| e.trigger.and_then(|t| t.slice(text)) == Some(word))
                .flat_map(|e| e.participants)
                .map(|p| (p.actor, p.role))
                .collect()
        };
        let id = "Polisi menangkap Yong Jin di Seoul. Setelah ketahuan tidur, ia ditangkap lagi.";
        assert_eq!(
            roles(id, "id", "ditangkap"),
            [("Yong Jin".to_string(), ParticipantRole::Target)]
        );
        let en = "Steve Jobs met Bill Gates in 1983. He was fired by Apple in 1985.";
        let fired = roles(en, "en", "fired");
        assert!(
            fired.contains(&("Steve Jobs".to_string(), ParticipantRole::Target))
                && fired.contains(&("Apple".to_string(), ParticipantRole::Agent)),
            "{fired:?}"
        );
        let active = roles("Apple fired Steve Jobs in 1985.", "en", "fired");
        assert!(
            active.contains(&("Apple".to_string(), ParticipantRole::Agent))
                && active.contains(&("Steve Jobs".to_string(), ParticipantRole::Target)),
            "{active:?}"
        );
    }

    #[test]
    fn trade_and_announcements_are_typed_events_in_english() {
        let events = run(
            "Airbus sold twenty jets to Qantas on Monday. Apple announces a new phone.",
            "en",
        );
        let sale = events
            .iter()
            .find(|e| e.cameo == "06")
            .unwrap_or_else(|| panic!("a sale: {events:#?}"));
        assert_eq!(sale.date_value.as_deref(), Some("2022-02-28"));
        assert!(
            sale.participants.iter().any(|p| p.actor == "Airbus"),
            "{sale:#?}"
        );
        assert!(events.iter().any(|e| e.cameo == "01"), "{events:#?}");
    }

    #[test]
    fn every_english_event_verb_and_event_noun_is_an_event() {
        let text = "Boeing has pushed back the development of its new airliner. The crash killed \
                    twelve people on Sunday, and deliveries were delayed.";
        let events = run(text, "en");
        let words: Vec<(&str, &str)> = events
            .iter()
            .filter_map(|e| Some((e.trigger?.slice(text)?, e.cameo.as_str())))
            .collect();
        // Verbs and event nouns, several in one clause; not the auxiliary "has", not "airliner".
        for w in [
            "pushed",
            "development",
            "crash",
            "killed",
            "deliveries",
            "delayed",
        ] {
            assert!(words.iter().any(|(x, _)| *x == w), "{w}: {words:?}");
        }
        assert!(
            !words
                .iter()
                .any(|(x, _)| ["has", "airliner", "Boeing"].contains(x)),
            "{words:?}"
        );
        // Lexicon words keep their CAMEO type; the others are OTHER.
        assert!(words.contains(&("killed", "18")), "{words:?}");
        assert!(words.contains(&("pushed", OTHER)), "{words:?}");
        // The crash has no actor but stays, dated by its clause's Sunday.
        let crash = events
            .iter()
            .find(|e| e.trigger.and_then(|t| t.slice(text)) == Some("crash"))
            .unwrap();
        assert_eq!(
            crash.date_value.as_deref(),
            Some("2022-02-27"),
            "{crash:#?}"
        );
        assert_eq!(cameo_name(OTHER), "Other event");
    }

    #[test]
    fn type_selections_keep_listed_types_or_leave_them_out() {
        let both = TypeSelection::parse("01, 19").unwrap();
        assert!(both.keeps("01") && both.keeps("19") && !both.keeps("04"));
        assert_eq!(both.describe(), "01 Make public statement, 19 Fight");
        let hide = TypeSelection::parse("-00").unwrap();
        assert!(hide.keeps("04") && !hide.keeps(OTHER));
        assert_eq!(hide.describe(), "all but 00 Other event");
        assert_eq!(TypeSelection::parse("04").unwrap().only, ["04"]);
        for bad in ["99", "-21", "statement", "", ","] {
            assert!(TypeSelection::parse(bad).is_err(), "{bad:?}");
        }
        assert!(TypeSelection::parse("99").unwrap_err().contains("\"99\""));
        // Indonesian has no part-of-speech model: only trigger words make events there.
        assert!(crate::pos::model("id").is_none());
    }

    #[test]
    fn english_clauses_give_typed_dated_events_with_modality() {
        let events = run("Russian forces shelled Kharkiv on Monday. The Kremlin said it will not attack civilians.", "en");
        let shelled = events
            .iter()
            .find(|e| e.cameo == "18")
            .expect("an assault event");
        assert_eq!(shelled.date_value.as_deref(), Some("2022-02-28"));
        assert!(
            shelled.places.contains(&"Kharkiv".to_string()),
            "{:?}",
            shelled.places
        );
        let said = events
            .iter()
            .find(|e| e.cameo == "01")
            .expect("a statement");
        assert_eq!(said.date_value.as_deref(), Some("2022-03-01"));
        assert!(said.date_derivation.contains("article date"));
        assert_eq!(said.participants[0].actor, "Kremlin");
        assert_eq!(said.participants[0].role, ParticipantRole::Source);
        let denied = run(
            "The Kremlin denied attacking civilians. Russian and Ukrainian officials will meet on Friday.",
            "en",
        );
        assert_eq!(denied[0].modality, Modality::Denied, "{denied:?}");
        let meet = denied.iter().find(|e| e.cameo == "04").expect("a meeting");
        assert_eq!(meet.modality, Modality::Planned, "{denied:?}");
        assert_eq!(
            meet.date_value.as_deref(),
            Some("2022-03-04"),
            "future tense: the coming Friday"
        );
    }

    #[test]
    fn hostile_text_gives_valid_evidence_or_nothing() {
        let long = "mengatakan ".repeat(5000);
        // 5,000 words of real clauses without any punctuation.
        let run_on = "Rusia menyerang Ukraina dan Peskov mengatakan ".repeat(1000);
        for text in [
            "",
            ".",
            ";;;",
            "mengatakan",
            long.as_str(),
            run_on.as_str(),
            "Peskov mengatakan \"Putin berkata 'Rusia menyerang Kharkiv' kemarin\" kepada AFP.",
            "Nama\tNegara\tPeristiwa\nPutin\tRusia\tmenyerang\nZelensky\tUkraina\tmengatakan\n",
            "- Rusia menyerang Kharkiv\n- Ukraina mengatakan 350 warga tewas\n* Peskov bertemu",
            "Rusia\n\n\nmenyerang\u{0}Ukraina",
            "日本 mengatakan 𝄞",
        ] {
            for e in run(text, "id") {
                assert_eq!(e.evidence.slice(text), Some(e.evidence_text.as_str()));
            }
        }
        // Sensible output: the run-on text still gives typed events with actors, and a list
        // item is a clause of its own.
        let events = run(&run_on, "id");
        assert!(events
            .iter()
            .any(|e| e.cameo == "18" && !e.participants.is_empty()));
        let list = run(
            "- Rusia menyerang Kharkiv\n- Ukraina mengatakan 350 warga tewas\n",
            "id",
        );
        assert!(list.iter().any(|e| e.cameo == "18"), "{list:#?}");
        assert!(list.iter().any(|e| e.cameo == "01"), "{list:#?}");
    }
}
