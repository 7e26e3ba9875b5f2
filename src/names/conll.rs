//! Name-annotated corpora in and out: CoNLL-style token files (NERGrit, NERP, CoNLL-2003) and
//! MEANTIME's CAT XML; entity-level scoring as `conlleval` does it.
//!
//! Label mapping to PER / ORG / LOC (the suffix after `B-`/`I-`, case-insensitive):
//! PER, PERSON, PPL → PER; ORG, ORGANISATION, ORGANIZATION, IND → ORG; LOC, PLACE, PLC, GPE → LOC;
//! anything else (MISC, EVT, FNB, ...) → O.

use std::collections::HashMap;

use serde::Serialize;

use super::perceptron::{entities, tag_index};

/// One sentence: its tokens, their gold tags (model tag indices), and the input lines they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LabeledSentence {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
    pub lines: Vec<String>,
}

/// The model tag for a corpus label ("B-PERSON" → "B-PER"; unknown kinds → "O").
pub fn map_label(label: &str) -> &'static str {
    let label = label.trim();
    let (prefix, kind) = match label.split_once('-') {
        Some((p, k)) if p.eq_ignore_ascii_case("B") || p.eq_ignore_ascii_case("I") => {
            (p.to_ascii_uppercase(), k.to_ascii_uppercase())
        }
        _ => return "O",
    };
    let kind = match kind.as_str() {
        "PER" | "PERSON" | "PPL" => "PER",
        "ORG" | "ORGANISATION" | "ORGANIZATION" | "IND" => "ORG",
        "LOC" | "PLACE" | "PLC" | "GPE" => "LOC",
        _ => return "O",
    };
    match (prefix.as_str(), kind) {
        ("B", "PER") => "B-PER",
        ("I", "PER") => "I-PER",
        ("B", "ORG") => "B-ORG",
        ("I", "ORG") => "I-ORG",
        ("B", "LOC") => "B-LOC",
        _ => "I-LOC",
    }
}

/// Reads token-per-line text: the first column is the token, the last the label (when there are
/// at least two columns); blank lines and `-DOCSTART-` separate sentences.
pub fn read_conll(content: &str) -> Vec<LabeledSentence> {
    let mut out = Vec::new();
    let mut cur = LabeledSentence {
        words: vec![],
        tags: vec![],
        lines: vec![],
    };
    let mut flush = |cur: &mut LabeledSentence| {
        if !cur.words.is_empty() {
            out.push(std::mem::replace(
                cur,
                LabeledSentence {
                    words: vec![],
                    tags: vec![],
                    lines: vec![],
                },
            ));
        }
    };
    for line in content.lines() {
        let trimmed = line.trim_end_matches('\r');
        if trimmed.trim().is_empty() || trimmed.starts_with("-DOCSTART-") {
            flush(&mut cur);
            continue;
        }
        let cols: Vec<&str> = trimmed
            .split(['\t', ' '])
            .filter(|c| !c.is_empty())
            .collect();
        let word = cols[0];
        let label = if cols.len() >= 2 {
            cols[cols.len() - 1]
        } else {
            "O"
        };
        // Repair I- after O (as conlleval reads it) so training sees valid sequences.
        let mut tag = tag_index(map_label(label)).unwrap_or(0);
        if tag != 0 && super::perceptron::TAGS[tag].starts_with("I-") {
            let prev = cur.tags.last().copied().unwrap_or(0);
            if super::perceptron::TAGS[prev].get(2..) != super::perceptron::TAGS[tag].get(2..) {
                tag -= 1;
            }
        }
        cur.words.push(word.to_string());
        cur.tags.push(tag);
        cur.lines.push(trimmed.to_string());
    }
    flush(&mut cur);
    out
}

/// Reads named-entity mentions (syntactic type NAM) from a MEANTIME CAT document, typed by the
/// entity they refer to, as BIO sentences over the annotated sentences.
pub fn read_cat_names(content: &str) -> Vec<LabeledSentence> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let pat = format!("{name}=\"");
        let at = tag.find(&pat)? + pat.len();
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    // Tokens by id, with their sentence.
    let mut tokens: Vec<(String, u32, String)> = Vec::new();
    let mut from = 0;
    while let Some(i) = content[from..].find("<token ") {
        let start = from + i;
        let Some(tag_end) = content[start..].find('>').map(|e| start + e) else {
            break;
        };
        let Some(close) = content[tag_end..].find("</token>").map(|e| tag_end + e) else {
            break;
        };
        let tag = &content[start..tag_end];
        let word = crate::import::decode_entities(&content[tag_end + 1..close]);
        let id = attr(tag, "t_id").unwrap_or_default();
        let sentence = attr(tag, "sentence")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        tokens.push((id, sentence, word));
        from = close;
    }
    // Entity types and REFERS_TO links (mention → entity).
    let mut entity_type: HashMap<String, String> = HashMap::new();
    for (i, _) in content.match_indices("<ENTITY ") {
        let tag = &content[i..i + content[i..].find('>').unwrap_or(0)];
        if let (Some(m), Some(t)) = (attr(tag, "m_id"), attr(tag, "ent_type")) {
            entity_type.insert(m, t);
        }
    }
    let mut refers: HashMap<String, String> = HashMap::new();
    for (i, _) in content.match_indices("<REFERS_TO") {
        let block = &content[i..i + content[i..].find("</REFERS_TO>").unwrap_or(0)];
        let sources: Vec<String> = block
            .match_indices("<source m_id=\"")
            .filter_map(|(j, m)| Some(block[j + m.len()..].split('"').next()?.to_string()))
            .collect();
        let target = block
            .match_indices("<target m_id=\"")
            .find_map(|(j, m)| Some(block[j + m.len()..].split('"').next()?.to_string()));
        if let Some(t) = target {
            for s in sources {
                refers.insert(s, t.clone());
            }
        }
    }
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut last_annotated = 0;
    for (i, _) in content.match_indices("<ENTITY_MENTION ") {
        let close = content[i..]
            .find("</ENTITY_MENTION>")
            .map_or(content.len(), |c| i + c);
        let block = &content[i..close];
        let tag = &block[..block.find('>').unwrap_or(block.len())];
        let ids: Vec<String> = block
            .match_indices("t_id=\"")
            .filter_map(|(j, m)| Some(block[j + m.len()..].split('"').next()?.to_string()))
            .collect();
        for id in &ids {
            if let Some((_, s, _)) = tokens.iter().find(|(t, _, _)| t == id) {
                last_annotated = last_annotated.max(*s);
            }
        }
        if attr(tag, "syntactic_type").as_deref() != Some("NAM") {
            continue;
        }
        let kind = attr(tag, "m_id")
            .and_then(|m| refers.get(&m))
            .and_then(|e| entity_type.get(e))
            .map(|t| map_label(&format!("B-{t}")));
        let Some(kind) = kind.filter(|k| *k != "O") else {
            continue;
        };
        for (n, id) in ids.iter().enumerate() {
            let label = if n == 0 {
                kind.to_string()
            } else {
                kind.replacen("B-", "I-", 1)
            };
            labels.insert(id.clone(), label);
        }
    }
    let mut out: Vec<LabeledSentence> = Vec::new();
    let mut current: Option<u32> = None;
    for (id, sentence, word) in tokens {
        if sentence > last_annotated {
            break;
        }
        if current != Some(sentence) {
            out.push(LabeledSentence {
                words: vec![],
                tags: vec![],
                lines: vec![],
            });
            current = Some(sentence);
        }
        let label = labels.get(&id).map_or("O", String::as_str);
        let s = out.last_mut().expect("pushed above");
        s.words.push(word.clone());
        s.tags.push(tag_index(label).unwrap_or(0));
        s.lines.push(format!("{word}\t{label}"));
    }
    out
}

/// Entity-level precision, recall and F1 per type and overall (exact spans and types).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NameScore {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    pub by_type: Vec<(String, usize, usize, usize)>,
}

impl NameScore {
    pub fn precision(&self) -> f64 {
        crate::measure::ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        crate::measure::ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        crate::measure::f1(self.precision(), self.recall())
    }
}

/// Scores predicted tag sequences against gold ones, sentence by sentence.
pub fn score(pairs: &[(Vec<usize>, Vec<usize>)]) -> NameScore {
    let mut s = NameScore::default();
    let mut per: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for (gold, pred) in pairs {
        let g = entities(gold);
        let p = entities(pred);
        s.gold += g.len();
        s.predicted += p.len();
        for e in &g {
            per.entry(e.2).or_default().0 += 1;
        }
        for e in &p {
            per.entry(e.2).or_default().1 += 1;
            if g.contains(e) {
                s.correct += 1;
                per.entry(e.2).or_default().2 += 1;
            }
        }
    }
    let mut by_type: Vec<_> = per
        .into_iter()
        .map(|(k, (g, p, c))| (k.to_string(), g, p, c))
        .collect();
    by_type.sort();
    s.by_type = by_type;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_to_per_org_loc() {
        assert_eq!(map_label("B-PERSON"), "B-PER");
        assert_eq!(map_label("I-PLACE"), "I-LOC");
        assert_eq!(map_label("B-IND"), "B-ORG");
        assert_eq!(map_label("B-EVT"), "O");
        assert_eq!(map_label("O"), "O");
    }

    #[test]
    fn conll_sentences_and_repaired_tags() {
        let s = read_conll(
            "Joko\tB-PERSON\nWidodo\tI-PERSON\ndi\tO\nSolo\tI-PLACE\n\n-DOCSTART- O\nX\tO\n",
        );
        assert_eq!(s.len(), 2);
        let tags: Vec<&str> = s[0]
            .tags
            .iter()
            .map(|t| super::super::perceptron::TAGS[*t])
            .collect();
        assert_eq!(tags, ["B-PER", "I-PER", "O", "B-LOC"]);
    }

    #[test]
    fn scoring_counts_exact_entities() {
        let t = |v: &[&str]| v.iter().map(|x| tag_index(x).unwrap()).collect::<Vec<_>>();
        let gold = t(&["B-PER", "I-PER", "O", "B-LOC"]);
        let pred = t(&["B-PER", "O", "O", "B-LOC"]);
        let s = score(&[(gold, pred)]);
        assert_eq!((s.gold, s.predicted, s.correct), (2, 2, 1));
        assert!((s.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn cat_name_mentions_become_bio() {
        let cat = r#"<Document><token t_id="1" sentence="0">Apple</token><token t_id="2" sentence="0">sues</token><token t_id="3" sentence="0">Steve</token><token t_id="4" sentence="0">Jobs</token><token t_id="5" sentence="1">Later</token>
<Markables><ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION><ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="ORG"/><ENTITY m_id="21" ent_type="PER"/></Markables>
<Relations><REFERS_TO r_id="1"><source m_id="10"/><target m_id="20"/></REFERS_TO><REFERS_TO r_id="2"><source m_id="11"/><target m_id="21"/></REFERS_TO></Relations></Document>"#;
        let s = read_cat_names(cat);
        assert_eq!(s.len(), 1, "sentence 1 has no annotation");
        let tags: Vec<&str> = s[0]
            .tags
            .iter()
            .map(|t| super::super::perceptron::TAGS[*t])
            .collect();
        assert_eq!(tags, ["B-ORG", "O", "B-PER", "I-PER"]);
    }
}
