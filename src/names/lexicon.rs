//! Word-list hits as tagger features: which words of a sentence the gazetteer knows as a place,
//! the name lists as an organisation, or as a title. The tagger learns how far to trust them
//! ("Batu" is a city and a stone), so a list helps without deciding.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::gazetteer::{gazetteer, PlaceKind};
use super::name_lists;

/// One code per word.
pub const NONE: u8 = 0;
pub const CODES: [&str; 7] = ["-", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "TITLE", "ORGWORD"];
const LONGEST: usize = 4;

struct Lists {
    /// Organisations of every language, lower-cased.
    organisations: HashSet<String>,
    titles: HashSet<String>,
    organisation_words: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut organisations = HashSet::new();
        let mut titles = HashSet::new();
        let mut organisation_words = HashSet::new();
        for (code, _) in crate::lang::LANGUAGE_FILES {
            let l = name_lists(code);
            organisations.extend(l.organisations.keys().map(|k| k.to_lowercase()));
            titles.extend(l.title_words().map(str::to_lowercase));
            organisation_words.extend(l.organisation_words().map(str::to_lowercase));
        }
        Lists {
            organisations,
            titles,
            organisation_words,
        }
    })
}

/// Whether the gazetteer knows `span` as a place. Written in lower case (a lower-cased corpus,
/// or a common word that is also some city's alias, as "tiba" is Chiba's) only countries,
/// regions, capitals and cities by their own name count.
fn is_place(span: &str) -> bool {
    let Some(entry) = gazetteer().lookup(span) else {
        return false;
    };
    let capitalised = span.chars().next().is_some_and(char::is_uppercase);
    capitalised || entry.kind != PlaceKind::City || entry.name.to_lowercase() == span.to_lowercase()
}

/// The code of each word: the longest known span (up to four words) starting at a word wins.
pub fn codes(words: &[String]) -> Vec<u8> {
    let lists = lists();
    let mut out = vec![NONE; words.len()];
    let mut i = 0;
    let mut span = String::new();
    while i < words.len() {
        let mut matched = 0;
        for len in (1..=LONGEST.min(words.len() - i)).rev() {
            span.clear();
            for (k, w) in words[i..i + len].iter().enumerate() {
                if k > 0 {
                    span.push(' ');
                }
                span.push_str(w);
            }
            // Punctuation and digits alone are never names.
            if !span.chars().any(char::is_alphabetic) {
                break;
            }
            let lower = span.to_lowercase();
            let kind = if lists.organisations.contains(&lower) {
                3
            } else if len == 1 && lists.titles.contains(&lower) {
                5
            } else if len == 1 && lists.organisation_words.contains(&lower) {
                6
            } else if is_place(&span) {
                1
            } else {
                continue;
            };
            out[i] = kind;
            if kind <= 3 {
                for code in &mut out[i + 1..i + len] {
                    *code = kind + 1;
                }
            }
            matched = len;
            break;
        }
        i += matched.max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_organisations_and_titles() {
        let words: Vec<String> = "Juru bicara Kremlin Dmitry Peskov tiba di Amerika Serikat dan Kementerian Pertahanan Kharkiv ."
            .split(' ')
            .map(String::from)
            .collect();
        let got: Vec<&str> = codes(&words).iter().map(|&c| CODES[c as usize]).collect();
        assert_eq!(
            got,
            [
                "TITLE", "TITLE", "B-ORG", "-", "-", "-", "-", "B-LOC", "I-LOC", "-", "ORGWORD", "TITLE",
                "B-LOC", "-"
            ]
        );
        assert!(codes(&[]).is_empty());
    }
}
