//! Name-annotated corpora in and out: CoNLL-style token files (NERGrit, NERP, CoNLL-2003) and
//! MEANTIME's CAT XML; entity-level scoring as `conlleval` does it.
//!
//! Label mapping to PER / ORG / LOC (the suffix after `B-`/`I-`, case-insensitive):
//! PER, PERS, PERSON, PPL → PER; ORG, ORGANISATION, ORGANIZATION, IND → ORG; LOC, LOCATION, PLACE,
//! PLC, GPE → LOC; anything else (MISC, EVT, FNB, ...) → O. BIOES and BILOU prefixes are read as
//! BIO (`S-`/`U-` begin a name, `E-`/`L-` continue it).

use std::collections::HashMap;

use serde::Serialize;

use super::perceptron::{entities, tag_index, ANY};

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
        Some((p, k)) => match p.to_ascii_uppercase().as_str() {
            "B" | "S" | "U" => ("B", k.to_ascii_uppercase()),
            "I" | "E" | "L" => ("I", k.to_ascii_uppercase()),
            _ => return "O",
        },
        _ => return "O",
    };
    let kind = match kind.as_str() {
        "PER" | "PERS" | "PERSON" | "PPL" => "PER",
        "ORG" | "ORGANISATION" | "ORGANIZATION" | "IND" => "ORG",
        "LOC" | "LOCATION" | "PLACE" | "PLC" | "GPE" => "LOC",
        _ => return "O",
    };
    match (prefix, kind) {
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

/// [`read_conll`] per document: the file split at its `-DOCSTART-` lines (one document when it
/// has none), so that what a tagger remembers about a document's names stays in it.
pub fn read_conll_documents(content: &str) -> Vec<Vec<LabeledSentence>> {
    let mut documents = Vec::new();
    let mut start = 0;
    let mut push = |part: &str| {
        let sentences = read_conll(part);
        if !sentences.is_empty() {
            documents.push(sentences);
        }
    };
    for (at, _) in content.match_indices("-DOCSTART-") {
        let line_start = content[..at].rfind('\n').map_or(0, |n| n + 1);
        if line_start == at {
            push(&content[start..at]);
            start = at;
        }
    }
    push(&content[start..]);
    documents
}

/// Reads named-entity mentions (syntactic type NAM) from a MEANTIME CAT document, typed by the
/// entity they refer to, as BIO sentences over the annotated sentences. MEANTIME's mentions are
/// phrases ("the United States", "Toulouse ,", "Airbus chief executive Noel Forgeard"); unless
/// `phrases` asks for them as they are, each becomes the names in it as CoNLL marks names
/// ([`name_runs`]; of a person's mention, the last: "Noel Forgeard").
pub fn read_cat_names(content: &str, phrases: bool) -> Vec<LabeledSentence> {
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
        let names: Vec<std::ops::Range<usize>> = if phrases {
            std::iter::once(0..ids.len()).collect()
        } else {
            let words: Vec<&str> = ids
                .iter()
                .map(|id| {
                    tokens
                        .iter()
                        .find(|(t, _, _)| t == id)
                        .map_or("", |(_, _, w)| w.as_str())
                })
                .collect();
            let mut names = name_runs(&words);
            // "Airbus chief executive Noel Forgeard": the person is the last name.
            if kind == "B-PER" {
                names = names.pop().into_iter().collect();
            }
            names
        };
        for range in names {
            for (n, id) in ids[range].iter().enumerate() {
                let label = if n == 0 {
                    kind.to_string()
                } else {
                    kind.replacen("B-", "I-", 1)
                };
                labels.insert(id.clone(), label);
            }
        }
    }
    let mut out: Vec<LabeledSentence> = Vec::new();
    let mut current: Option<u32> = None;
    for (id, sentence, word) in tokens {
        // Sentences after the annotated ones are read too, all open, so a tagger reads the
        // whole document; they score neither way.
        let open = sentence > last_annotated;
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
        s.tags.push(if open {
            ANY
        } else {
            tag_index(label).unwrap_or(0)
        });
        s.lines
            .push(format!("{word}\t{}", if open { "?" } else { label }));
    }
    out
}

/// An English capitalised word that is no name whatever an annotation says: a function word,
/// a month or weekday, a title, a demonym, or (opening a sentence, `first`) a word news text
/// writes in lower case.
fn never_a_name(w: &str, first: bool) -> bool {
    let en = crate::lang::language("en");
    let lists = super::name_lists("en");
    let lower = w.to_lowercase();
    w == "I"
        || w.starts_with("I'")
        || w.starts_with("I’")
        || en.is_some_and(|l| {
            l.stopwords.contains(&lower)
                || l.months.contains_key(&lower)
                || l.weekdays.contains_key(&lower)
        })
        || lists.is_title(w)
        || lists.is_demonym(w)
        || (first && super::word_classes("en").casing(&lower) == "low")
}

/// Words that join the capitalised words of one name: "Gulf of Aden", "Wal - Mart", "U . S".
fn is_joiner(word: &str) -> bool {
    matches!(
        word,
        "of" | "de" | "del" | "da" | "la" | "von" | "van" | "der" | "&" | "-" | "."
    )
}

/// The names in an English mention phrase, as CoNLL marks them: each run of capitalised words
/// and numbers, joined by "of", "de", "&", "-", "." and the like, without the function words
/// and titles that open it ("The", "Mr."). "the Moscone West Convention Center in" → "Moscone
/// West Convention Center"; "Singapore 's Changi International Airport" → "Singapore",
/// "Changi International Airport".
pub fn name_runs(words: &[&str]) -> Vec<std::ops::Range<usize>> {
    let en = crate::lang::language("en");
    let lists = super::name_lists("en");
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let opener = |w: &str| {
        let bare = w.trim_end_matches('.');
        lists.is_title(bare) || en.is_some_and(|l| l.stopwords.contains(&bare.to_lowercase()))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A title before an ordinary capitalised word is part of the name ("General Motors").
        let title_in_name = super::rules::title_opens_name(
            words[i],
            words.get(i + 1).copied(),
            lists,
            super::word_classes("en"),
        );
        if !capital(words[i]) || (opener(words[i]) && !title_in_name) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            let mut j = end;
            while j < words.len() && is_joiner(words[j]) {
                j += 1;
            }
            // A title starts another name: "Apple CEO Steve Jobs".
            if j < words.len() && capital(words[j]) && !opener(words[j]) {
                end = j + 1;
            } else {
                break;
            }
        }
        out.push(i..end);
        i = end;
    }
    out
}

/// Reads an ECB+ document (English news; Cybulska & Vossen 2014) as partly labelled sentences
/// for training: ECB+ marks the participants and places of its events, not every name, and its
/// mention extents are phrases ("in the Gulf of Aden", "Mr . LaRue"). Only sentences with an
/// annotated mention are read. A mention whose words, without the lower-case words, titles
/// and possessive around it, are one capitalised run ("Gulf of Aden") labels that run by the
/// mention's kind (person, organisation, country or place; a product or a work is no name
/// here); any other capitalised word, in a mention or not, is left open ([`ANY`]) unless it is
/// a function word, a month or weekday, a title, a demonym or an ordinary word opening the
/// sentence; lower-case words are outside names.
pub fn read_ecb_names(content: &str) -> Vec<LabeledSentence> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let pat = format!("{name}=\"");
        let at = tag.find(&pat)? + pat.len();
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    // Tokens in order, with their sentence.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut tokens: Vec<(u32, String)> = Vec::new();
    for (start, _) in content.match_indices("<token ") {
        let Some(tag_end) = content[start..].find('>').map(|e| start + e) else {
            break;
        };
        let Some(close) = content[tag_end..].find("</token>").map(|e| tag_end + e) else {
            break;
        };
        let tag = &content[start..tag_end];
        let sentence = attr(tag, "sentence")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        ids.insert(attr(tag, "t_id").unwrap_or_default(), tokens.len());
        let word = crate::import::decode_entities(&content[tag_end + 1..close]);
        tokens.push((sentence, word));
    }
    // Mentions: an element with token anchors inside <Markables>.
    let markables = content.find("<Markables>").map_or("", |s| {
        &content[s..content[s..]
            .find("</Markables>")
            .map_or(content.len(), |e| s + e)]
    });
    let mut mentions: Vec<(&str, Vec<usize>)> = Vec::new();
    for (start, _) in markables.match_indices('<') {
        let rest = &markables[start + 1..];
        let name_end = rest.find([' ', '>', '/']).unwrap_or(rest.len());
        let name = &rest[..name_end];
        if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let Some(close) = rest.find(&format!("</{name}>")) else {
            continue;
        };
        let body = &rest[..close];
        let mut anchored: Vec<usize> = body
            .match_indices("t_id=\"")
            .filter_map(|(j, m)| ids.get(body[j + m.len()..].split('"').next()?).copied())
            .collect();
        anchored.sort_unstable();
        if !anchored.is_empty() {
            mentions.push((name, anchored));
        }
    }
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let first_of_sentence = |i: usize| i == 0 || tokens[i - 1].0 != tokens[i].0;
    let mut tags: Vec<usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, (_, w))| {
            if capitalised(w) && !never_a_name(w, first_of_sentence(i)) {
                ANY
            } else {
                0
            }
        })
        .collect();
    let mut annotated: std::collections::HashSet<u32> = std::collections::HashSet::new();
    for (kind, words) in &mentions {
        annotated.insert(tokens[words[0]].0);
        let kind = match *kind {
            "HUMAN_PART_PER" => "PER",
            "HUMAN_PART_ORG" => "ORG",
            "HUMAN_PART_GPE" | "LOC_GEO" => "LOC",
            "NON_HUMAN_PART" => "O",
            _ => continue,
        };
        // The capitalised run: from the first capitalised word that is not a title to the last
        // capitalised word; inside it only capitalised words and joiners ("Gulf of Aden",
        // "U . S .", "T - Mobile").
        // A demonym opens a name when a capitalised word follows it ("Indian Ocean").
        let opens = |n: usize| {
            let t = words[n];
            let next_capital = words.get(n + 1).is_some_and(|&u| capitalised(&tokens[u].1));
            let lists = super::name_lists("en");
            let title_in_name = super::rules::title_opens_name(
                &tokens[t].1,
                words.get(n + 1).map(|&u| tokens[u].1.as_str()),
                lists,
                super::word_classes("en"),
            );
            capitalised(&tokens[t].1)
                && (!never_a_name(&tokens[t].1, first_of_sentence(t))
                    || title_in_name
                    || (next_capital && lists.is_demonym(&tokens[t].1)))
        };
        let Some(first) = (0..words.len()).find(|&n| opens(n)) else {
            continue;
        };
        let last = words
            .iter()
            .rposition(|&t| capitalised(&tokens[t].1))
            .unwrap_or(first);
        let mut run = words[first..=last].to_vec();
        if run.last().is_some_and(|&t| tokens[t].1 == ".") {
            run.pop();
        }
        let contiguous = run.windows(2).all(|p| p[1] == p[0] + 1);
        let clean = contiguous
            && run.iter().all(|&t| {
                capitalised(&tokens[t].1)
                    || is_joiner(&tokens[t].1)
                    || tokens[t].1.starts_with(|c: char| c.is_ascii_digit())
            });
        // Nothing but lower-case words, a possessive or punctuation after the run.
        let tail_ok = words[last + 1..]
            .iter()
            .all(|&t| !tokens[t].1.starts_with(char::is_alphanumeric) || tokens[t].1 == "s");
        if !clean || !tail_ok {
            continue;
        }
        for (n, &t) in run.iter().enumerate() {
            tags[t] = match kind {
                "O" => 0,
                _ => tag_index(&format!("{}-{kind}", if n == 0 { "B" } else { "I" })).unwrap_or(0),
            };
        }
    }
    // Overlapping mentions can leave a continuation after another kind: it starts a name.
    for i in 0..tags.len() {
        let t = tags[i];
        if t == ANY || !super::perceptron::TAGS[t].starts_with("I-") {
            continue;
        }
        let prev = if first_of_sentence(i) { 0 } else { tags[i - 1] };
        if prev != ANY && prev != t && prev != t - 1 {
            tags[i] = t - 1;
        }
    }
    let mut out: Vec<LabeledSentence> = Vec::new();
    let mut current = None;
    // Every sentence, so a tagger reads the whole document; one that marks nothing is all open
    // (ECB+ annotates some sentences of each document), so it scores neither way.
    for (i, (sentence, word)) in tokens.iter().enumerate() {
        if !annotated.contains(sentence) {
            tags[i] = ANY;
        }
        if current != Some(*sentence) {
            out.push(LabeledSentence {
                words: vec![],
                tags: vec![],
                lines: vec![],
            });
            current = Some(*sentence);
        }
        let s = out.last_mut().expect("pushed above");
        s.words.push(word.clone());
        s.tags.push(tags[i]);
        let label = if tags[i] == ANY {
            "?"
        } else {
            super::perceptron::TAGS[tags[i]]
        };
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
///
/// Gold sequences may leave words open ([`ANY`], a partly annotated corpus such as ECB+): the
/// gold names are the labelled ones, and a predicted name made only of open words is not
/// counted (neither right nor wrong: the corpus does not say).
pub fn score(pairs: &[(Vec<usize>, Vec<usize>)]) -> NameScore {
    let mut s = NameScore::default();
    let mut per: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for (gold, pred) in pairs {
        let known: Vec<usize> = gold.iter().map(|&t| if t == ANY { 0 } else { t }).collect();
        let g = entities(&known);
        let p: Vec<_> = entities(pred)
            .into_iter()
            .filter(|e| !gold[e.0..e.1].iter().all(|&t| t == ANY))
            .collect();
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
        // IndoLEM's NER-UI/UGM and OntoNotes-style spellings.
        assert_eq!(map_label("B-LOCATION"), "B-LOC");
        assert_eq!(map_label("I-ORGANIZATION"), "I-ORG");
        assert_eq!(map_label("B-PERS"), "B-PER");
        // BIOES / BILOU prefixes.
        assert_eq!(map_label("S-LOC"), "B-LOC");
        assert_eq!(map_label("E-PER"), "I-PER");
        assert_eq!(map_label("U-ORG"), "B-ORG");
        assert_eq!(map_label("L-ORG"), "I-ORG");
        assert_eq!(map_label("X-PER"), "O");
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
    fn conll_files_split_into_documents() {
        let docs = read_conll_documents(
            "-DOCSTART- -X- O\n\nEU B-ORG\nrejects O\n\n-DOCSTART- -X- O\n\nPeter B-PER\n",
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].words, ["Peter"]);
        assert_eq!(read_conll_documents("A O\n\nB O\n").len(), 1);
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
    fn mention_phrases_become_the_names_in_them() {
        let runs = |text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            name_runs(&words)
                .into_iter()
                .map(|r| words[r].join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            runs("the Moscone West Convention Center in"),
            ["Moscone West Convention Center"]
        );
        assert_eq!(runs("Toulouse ,"), ["Toulouse"]);
        assert_eq!(runs("in the Gulf of Aden"), ["Gulf of Aden"]);
        assert_eq!(
            runs("Singapore 's Changi Airport"),
            ["Singapore", "Changi Airport"]
        );
        assert_eq!(runs("Apple CEO Steve Jobs"), ["Apple", "Steve Jobs"]);
        assert_eq!(runs("Mr. Lee Hsien Loong"), ["Lee Hsien Loong"]);
        assert_eq!(runs("General Motors"), ["General Motors"]);
    }

    #[test]
    fn ecb_mentions_label_their_names_and_leave_other_capitals_open() {
        let doc = r#"<Document doc_name="1_1ecb.xml">
<token t_id="1" sentence="0" number="0">Police</token><token t_id="2" sentence="0" number="1">said</token><token t_id="3" sentence="0" number="2">actress</token><token t_id="4" sentence="0" number="3">Tara</token><token t_id="5" sentence="0" number="4">Reid</token><token t_id="6" sentence="0" number="5">met</token><token t_id="7" sentence="0" number="6">Smith</token><token t_id="8" sentence="0" number="7">in</token><token t_id="9" sentence="0" number="8">the</token><token t_id="10" sentence="0" number="9">Gulf</token><token t_id="11" sentence="0" number="10">of</token><token t_id="12" sentence="0" number="11">Aden</token><token t_id="13" sentence="0" number="12">on</token><token t_id="14" sentence="0" number="13">Monday</token>
<token t_id="15" sentence="1" number="0">Nothing</token><token t_id="16" sentence="1" number="1">Here</token>
<Markables>
<HUMAN_PART_PER m_id="1"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></HUMAN_PART_PER>
<LOC_GEO m_id="2"><token_anchor t_id="9"/><token_anchor t_id="10"/><token_anchor t_id="11"/><token_anchor t_id="12"/></LOC_GEO>
<HUMAN_PART_PER m_id="3" TAG_DESCRIPTOR="t_reid" />
</Markables></Document>"#;
        let s = read_ecb_names(doc);
        assert_eq!(s.len(), 2, "every sentence, for the tagger's memory");
        assert!(
            s[1].tags.iter().all(|&t| t == ANY),
            "a sentence without a mention is open"
        );
        let tags: Vec<String> = s[0]
            .tags
            .iter()
            .map(|&t| {
                if t == ANY {
                    "?".into()
                } else {
                    super::super::perceptron::TAGS[t].to_string()
                }
            })
            .collect();
        assert_eq!(
            tags,
            [
                "O", "O", "O", "B-PER", "I-PER", "O", "?", "O", "O", "B-LOC", "I-LOC", "I-LOC",
                "O", "O"
            ],
            "a sentence-opening ordinary word and a weekday are no names; Smith is open"
        );
    }

    #[test]
    fn cat_name_mentions_become_bio() {
        let cat = r#"<Document><token t_id="1" sentence="0">Apple</token><token t_id="2" sentence="0">sues</token><token t_id="3" sentence="0">Steve</token><token t_id="4" sentence="0">Jobs</token><token t_id="5" sentence="1">Later</token>
<Markables><ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION><ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="ORG"/><ENTITY m_id="21" ent_type="PER"/></Markables>
<Relations><REFERS_TO r_id="1"><source m_id="10"/><target m_id="20"/></REFERS_TO><REFERS_TO r_id="2"><source m_id="11"/><target m_id="21"/></REFERS_TO></Relations></Document>"#;
        let s = read_cat_names(cat, true);
        assert_eq!(s.len(), 2, "every sentence, for the tagger's memory");
        assert_eq!(s[1].tags, [ANY], "sentence 1 has no annotation: open");
        let tags: Vec<&str> = s[0]
            .tags
            .iter()
            .map(|t| super::super::perceptron::TAGS[*t])
            .collect();
        assert_eq!(tags, ["B-ORG", "O", "B-PER", "I-PER"]);
    }
}
