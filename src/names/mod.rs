//! Stage 5, names: actors and places.
//!
//! Recognition is a learned tagger ([`perceptron`]): a greedy averaged perceptron over hashed
//! word, shape, affix and context features, trained per language with `linimasa train names` on
//! the permissive corpora in `shared/eval` and embedded as `resources/<lang>/names.model`.
//! Resolution is still minimal: within an article a later "Peskov" joins an earlier
//! "Dmitry Peskov"; places are kept by name without coordinates until the gazetteer arrives
//! (see the names issue), and cross-language merging ("Rusia" = "Russia") is not done yet.

pub mod conll;
pub mod perceptron;
pub mod tokenize;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{
    Actor, ActorKind, Article, Mention, MentionKind, Place, Provenance, Span, TimeExpr,
};
use perceptron::{Model, Sentence};

/// The names found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    pub mentions: Vec<Mention>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
}

/// The embedded model of a language, if it has one.
pub fn model(lang: &str) -> Option<&'static Model> {
    static MODELS: OnceLock<HashMap<&'static str, Model>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            crate::lang::languages()
                .iter()
                .filter_map(|l| {
                    let bytes = crate::lang::binary_file(l.code, "names.model")?;
                    // Embedded at build time and loaded by tests: a bad file is a build bug.
                    let model = Model::from_bytes(bytes)
                        .unwrap_or_else(|e| panic!("resources/{}/names.model: {e}", l.code));
                    Some((l.code, model))
                })
                .collect()
        })
        .get(lang)
}

/// A recognised name: its span in the text, kind and the tagger's confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSpan {
    pub span: Span,
    pub kind: &'static str,
    pub confidence: f32,
}

/// Finds person, organisation and place names in `text` with the model of `lang`.
pub fn find_names(text: &str, lang: &str) -> Vec<NameSpan> {
    let Some(model) = model(lang) else {
        return vec![];
    };
    let tokens = tokenize::tokenize(text);
    // All-lowercase (or all-capitals) text gives capitalisation no meaning.
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    let cased = letters().any(char::is_uppercase) && letters().any(char::is_lowercase);
    let mut out = Vec::new();
    for range in tokenize::sentences(text, &tokens) {
        let words: Vec<&str> = tokens[range.clone()].iter().map(|t| t.text).collect();
        let predicted = model.predict(&Sentence::new(&words));
        let tags: Vec<usize> = predicted.iter().map(|(t, _)| *t).collect();
        for (mut s, mut e, kind) in perceptron::entities(&tags) {
            // Punctuation at the edges of a name is not part of it.
            let word = |i: usize| tokens[range.start + i].text;
            while s < e && !word(s).chars().any(char::is_alphanumeric) {
                s += 1;
            }
            while e > s && !word(e - 1).chars().any(char::is_alphanumeric) {
                e -= 1;
            }
            if s == e {
                continue;
            }
            // In cased text a name starts with a capital letter or a digit.
            if cased && !word(s).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            let confidence = predicted[s..e]
                .iter()
                .map(|(_, c)| *c)
                .fold(1.0f32, f32::min);
            let span = Span::new(
                tokens[range.start + s].span.start,
                tokens[range.start + e - 1].span.end,
            );
            out.push(NameSpan {
                span,
                kind,
                confidence,
            });
        }
    }
    out
}

/// Finds the actors and places of `article`: names the tagger recognises, outside the time
/// expressions already found, with people's short names joined to their full names.
pub fn recognize(article: &Article, times: &[TimeExpr]) -> Names {
    let lang = article.language.as_deref().unwrap_or("en");
    let rule = format!("names.perceptron.{lang}");
    let mut names = Names::default();
    let found: Vec<NameSpan> = find_names(&article.text, lang)
        .into_iter()
        .filter(|n| {
            times
                .iter()
                .all(|t| n.span.end <= t.span.start || n.span.start >= t.span.end)
        })
        .collect();
    let mut actors: Vec<Actor> = Vec::new();
    let mut places: Vec<Place> = Vec::new();
    for n in &found {
        let Some(surface) = n.span.slice(&article.text) else {
            continue;
        };
        let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        let kind = match n.kind {
            "PER" => MentionKind::Person,
            "ORG" => MentionKind::Organisation,
            _ => MentionKind::Place,
        };
        names.mentions.push(Mention {
            span: n.span,
            surface: surface.clone(),
            kind,
            provenance: Provenance::rule(rule.clone()),
        });
        if kind == MentionKind::Place {
            if !places.iter().any(|p| p.canonical_name == surface) {
                places.push(Place {
                    canonical_name: surface,
                    country_code: None,
                    lat: None,
                    lon: None,
                    provenance: Provenance::rule(rule.clone()),
                });
            }
            continue;
        }
        let actor_kind = if kind == MentionKind::Person {
            ActorKind::Person
        } else {
            ActorKind::Organisation
        };
        // "Peskov" after "Dmitry Peskov": the same person.
        let existing = actors.iter_mut().find(|a| {
            a.kind == actor_kind
                && (a.canonical_name == surface
                    || (actor_kind == ActorKind::Person
                        && a.canonical_name.split(' ').next_back() == Some(surface.as_str())))
        });
        match existing {
            Some(a) => {
                if !a.aliases.contains(&surface) {
                    a.aliases.push(surface);
                }
            }
            None => actors.push(Actor {
                canonical_name: surface.clone(),
                kind: actor_kind,
                aliases: vec![surface],
                provenance: Provenance::rule(rule.clone()),
            }),
        }
    }
    names.actors = actors;
    names.places = places;
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indonesian_model_finds_names_with_clean_edges() {
        let text = "Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Jakarta, kata \u{201c}Antara\u{201d}.";
        let found: Vec<(&str, &str)> = find_names(text, "id")
            .iter()
            .map(|n| (n.span.slice(text).unwrap(), n.kind))
            .collect();
        assert!(found.contains(&("Joko Widodo", "PER")), "{found:?}");
        assert!(found.contains(&("Jakarta", "LOC")), "{found:?}");
        for (surface, _) in &found {
            assert!(
                surface.starts_with(char::is_alphanumeric)
                    && surface.ends_with(char::is_alphanumeric),
                "{surface:?}"
            );
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let long = "A".repeat(500);
        for text in [
            "",
            "   ",
            &long,
            "SEMUA HURUF BESAR DI JAKARTA",
            "semua huruf kecil di jakarta",
            "日本 Москва 𝄞 Jakarta",
        ] {
            for n in find_names(text, "id") {
                assert!(n.span.slice(text).is_some());
            }
        }
        assert!(find_names("Joko Widodo", "xx").is_empty());
    }
}
