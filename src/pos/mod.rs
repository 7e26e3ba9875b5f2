//! Stage 4b, parts of speech: which words are verbs, nouns, auxiliaries... with the 17 Universal
//! Dependencies tags (UPOS). Events use it to find every event verb and event noun in a
//! language that has a model, not only the words of their trigger lexicons.
//!
//! The tagger is a greedy left-to-right averaged perceptron (Collins 2002): each word's tag is
//! chosen from features of the word (its lower-case form with digits as 0, suffixes of one to
//! four letters, first letter, shape, whether it is a form of a known verb:
//! `resources/<lang>/verb-forms.tsv`), of its neighbours (two words either side, the next word's
//! suffix) and of the two tags chosen before it. Trained on Universal Dependencies
//! treebanks (`corpora/<lang>/ud-pos/`, word and tag per line, written by `scripts/ud_pos.py`)
//! with `linimasa train pos`, embedded as `resources/<lang>/pos.model` (weights quantised to 16
//! bits, near-zero ones dropped).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::names::perceptron::{digits_as_zero, fnv, quantisation, shape, Averaged, Prehashed};

/// The Universal Dependencies part-of-speech tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

const N: usize = 17;

impl Upos {
    pub const ALL: [Upos; N] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as UD writes it ("NOUN").
    pub fn as_str(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ][self as usize]
    }

    pub fn parse(tag: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|t| t.as_str() == tag)
    }
}

/// A sentence's words with their tags.
pub type Tagged = (Vec<String>, Vec<Upos>);

/// A language's verbs and their forms (`resources/<lang>/verb-forms.tsv`, one verb per line:
/// lemma, a tab, its forms): form → lemma.
#[derive(Debug, Default)]
pub struct VerbForms(HashMap<String, String>);

impl VerbForms {
    pub fn parse(text: &str) -> VerbForms {
        let mut map = HashMap::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(lemma) = cols.next().filter(|l| !l.is_empty()) else {
                continue;
            };
            map.insert(lemma.to_string(), lemma.to_string());
            for form in cols.next().unwrap_or_default().split_whitespace() {
                // A form of two verbs ("found": find, found) keeps the first listed.
                map.entry(form.to_string())
                    .or_insert_with(|| lemma.to_string());
            }
        }
        VerbForms(map)
    }

    /// The verb a lower-case word is a form of ("fell" → "fall").
    pub fn lemma(&self, lower: &str) -> Option<&str> {
        self.0.get(lower).map(String::as_str)
    }
}

/// The verb forms of a language (empty when it has none).
pub fn verb_forms(lang: &str) -> &'static VerbForms {
    static FORMS: OnceLock<HashMap<&'static str, VerbForms>> = OnceLock::new();
    static NONE: OnceLock<VerbForms> = OnceLock::new();
    crate::lang::per_language(&FORMS, "verb-forms.tsv", |_, text| VerbForms::parse(text))
        .get(lang)
        .unwrap_or_else(|| NONE.get_or_init(VerbForms::default))
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Model {
    weights: HashMap<u32, [f32; N], Prehashed>,
    /// Whether a word is a known verb form is a feature.
    verbs: &'static VerbForms,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a Linimasa part-of-speech model (bad header)")]
    Header,
    #[error("part-of-speech model is truncated")]
    Truncated,
}

const MAGIC: &[u8; 7] = b"LNPOS1\n";
/// Weights below this fraction of the largest are dropped when a model is written: they never
/// change a decision that matters and make up most of the file.
const PRUNE_BELOW: f32 = 1.0 / 400.0;

/// The last `n` characters of a word (the whole word when shorter).
fn suffix(word: &str, n: usize) -> &str {
    let at = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[at..]
}

fn prefix(word: &str) -> &str {
    word.char_indices().nth(1).map_or(word, |(i, _)| &word[..i])
}

/// A sentence prepared for tagging: its words' normalised forms and shapes, computed once.
struct Words {
    lower: Vec<String>,
    /// Whether the word has a capital letter.
    capitals: Vec<bool>,
    shapes: Vec<String>,
    verb: Vec<&'static str>,
}

impl Words {
    fn new<S: AsRef<str>>(words: &[S], verbs: &VerbForms) -> Words {
        let lower: Vec<String> = words
            .iter()
            .map(|w| digits_as_zero(&w.as_ref().to_lowercase()).into_owned())
            .collect();
        Words {
            verb: lower
                .iter()
                .map(|w| if verbs.lemma(w).is_some() { "v" } else { "" })
                .collect(),
            shapes: words.iter().map(|w| shape(w.as_ref())).collect(),
            capitals: words
                .iter()
                .map(|w| w.as_ref().chars().any(char::is_uppercase))
                .collect(),
            lower,
        }
    }

    fn at(&self, i: isize) -> &str {
        match i {
            i if i < 0 => "<s>",
            i if i as usize >= self.lower.len() => "</s>",
            i => &self.lower[i as usize],
        }
    }

    /// When tagging (not in training): a word written without capitals is no proper noun
    /// ("Boeing fell": "fell" is no name; the web text the tagger learns from lower-cases
    /// names now and then, news does not).
    fn constrain(&self, i: usize, scores: &mut [f32; N]) {
        if !self.capitals[i] {
            scores[Upos::Propn as usize] = f32::NEG_INFINITY;
        }
    }

    /// The feature keys of word `i` after the tags `p1` (just before) and `p2`.
    fn features(&self, i: usize, p1: &str, p2: &str, out: &mut Vec<u32>) {
        out.clear();
        let w = self.lower[i].as_str();
        let j = i as isize;
        let (prev, prev2, next, next2) = (
            self.at(j - 1),
            self.at(j - 2),
            self.at(j + 1),
            self.at(j + 2),
        );
        let first = if i == 0 { "first" } else { "" };
        out.extend([
            fnv(0, &[]),
            fnv(1, &[w]),
            fnv(2, &[suffix(w, 1)]),
            fnv(3, &[suffix(w, 2)]),
            fnv(4, &[suffix(w, 3)]),
            fnv(5, &[suffix(w, 4)]),
            fnv(6, &[prefix(w)]),
            fnv(7, &[&self.shapes[i], first]),
            fnv(8, &[p1]),
            fnv(9, &[p1, p2]),
            fnv(10, &[prev]),
            fnv(11, &[prev2]),
            fnv(12, &[next]),
            fnv(13, &[next2]),
            fnv(14, &[p1, w]),
            fnv(15, &[suffix(next, 3)]),
            fnv(16, &[suffix(prev, 3)]),
            fnv(17, &[self.verb[i]]),
            fnv(18, &[self.verb[i], p1]),
        ]);
    }
}

impl Model {
    fn scores(&self, features: &[u32]) -> [f32; N] {
        let mut s = [0f32; N];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// The tags of one sentence's words.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<Upos> {
        let prepared = Words::new(words, self.verbs);
        let mut out: Vec<Upos> = Vec::with_capacity(words.len());
        let mut features = Vec::with_capacity(17);
        for i in 0..words.len() {
            let p1 = i.checked_sub(1).map_or("<s>", |k| out[k].as_str());
            let p2 = i.checked_sub(2).map_or("<s>", |k| out[k].as_str());
            prepared.features(i, p1, p2, &mut features);
            let mut scores = self.scores(&features);
            prepared.constrain(i, &mut scores);
            out.push(best(&scores));
        }
        out
    }

    /// Trains on `(words, tags)` sentences for `epochs` passes in an order shuffled from `seed`
    /// (reproducible), tagging with the tags the model itself chose before each word, as it will
    /// when used; `progress` gets each pass's training accuracy. The weights are averaged over
    /// every step.
    pub fn train(
        data: &[Tagged],
        verbs: &'static VerbForms,
        epochs: usize,
        seed: u64,
        mut progress: impl FnMut(usize, f64),
    ) -> Model {
        let mut acc: HashMap<u32, Averaged<N>, Prehashed> = HashMap::default();
        let prepared: Vec<Words> = data.iter().map(|(w, _)| Words::new(w, verbs)).collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = crate::bench::Rng::new(seed);
        let mut step: u64 = 0;
        let mut features = Vec::with_capacity(17);
        for epoch in 1..=epochs {
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i as u64 + 1) as usize);
            }
            let (mut right, mut total) = (0usize, 0usize);
            for &s in &order {
                let (_, gold) = &data[s];
                let words = &prepared[s];
                let mut chosen: Vec<Upos> = Vec::with_capacity(gold.len());
                for (i, &truth) in gold.iter().enumerate() {
                    step += 1;
                    let p1 = i.checked_sub(1).map_or("<s>", |k| chosen[k].as_str());
                    let p2 = i.checked_sub(2).map_or("<s>", |k| chosen[k].as_str());
                    words.features(i, p1, p2, &mut features);
                    let mut scores = [0f32; N];
                    for f in &features {
                        if let Some(a) = acc.get(f) {
                            for (x, y) in scores.iter_mut().zip(&a.w) {
                                *x += y;
                            }
                        }
                    }
                    let guess = best(&scores);
                    total += 1;
                    if guess == truth {
                        right += 1;
                    } else {
                        for f in &features {
                            let a = acc.entry(*f).or_insert_with(Averaged::new);
                            a.add(truth as usize, 1.0, step);
                            a.add(guess as usize, -1.0, step);
                        }
                    }
                    chosen.push(guess);
                }
            }
            progress(epoch, right as f64 / total.max(1) as f64);
        }
        let weights = acc.into_iter().map(|(f, a)| (f, a.mean(step))).collect();
        Model { weights, verbs }
    }

    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// The model file: header, feature count, scale, then per feature its key and its non-zero
    /// weights as (tag, 16-bit value); weights under [`PRUNE_BELOW`] of the largest are dropped.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (max, scale) = quantisation(&self.weights);
        let mut keys: Vec<&u32> = self.weights.keys().collect();
        keys.sort();
        let mut body = Vec::new();
        let mut count = 0u32;
        for k in keys {
            let kept: Vec<(u8, i16)> = self.weights[k]
                .iter()
                .enumerate()
                .filter(|(_, w)| w.abs() >= max * PRUNE_BELOW)
                .map(|(t, w)| (t as u8, (w / scale).round() as i16))
                .collect();
            if kept.is_empty() {
                continue;
            }
            count += 1;
            body.extend(k.to_le_bytes());
            body.push(kept.len() as u8);
            for (t, v) in kept {
                body.push(t);
                body.extend(v.to_le_bytes());
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend(count.to_le_bytes());
        out.extend(scale.to_le_bytes());
        out.extend(body);
        out
    }

    /// Reads a model file; `verbs` are the verb forms of its language.
    pub fn from_bytes(bytes: &[u8], verbs: &'static VerbForms) -> Result<Model, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::Header)?;
        let mut at = 0;
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            let s = rest.get(at..at + n).ok_or(ModelError::Truncated)?;
            at += n;
            Ok(s)
        };
        let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let count = word(take(4)?);
        let scale = f32::from_le_bytes(take(4)?.try_into().map_err(|_| ModelError::Truncated)?);
        let mut weights = HashMap::with_capacity_and_hasher(count as usize, Prehashed);
        for _ in 0..count {
            let key = word(take(4)?);
            let n = take(1)?[0] as usize;
            let mut w = [0f32; N];
            for _ in 0..n {
                let e = take(3)?;
                let t = (e[0] as usize).min(N - 1);
                w[t] = i16::from_le_bytes([e[1], e[2]]) as f32 * scale;
            }
            weights.insert(key, w);
        }
        Ok(Model { weights, verbs })
    }
}

fn best(scores: &[f32; N]) -> Upos {
    let mut top = 0;
    for t in 1..N {
        if scores[t] > scores[top] {
            top = t;
        }
    }
    Upos::ALL[top]
}

/// The built-in model of a language, if it has one (`resources/<lang>/pos.model`).
pub fn model(lang: &str) -> Option<&'static Model> {
    static MODELS: OnceLock<HashMap<&'static str, Model>> = OnceLock::new();
    crate::lang::per_language_binary(&MODELS, "pos.model", |code, bytes| {
        Model::from_bytes(bytes, verb_forms(code))
            .unwrap_or_else(|e| panic!("resources/{code}/pos.model: {e}"))
    })
    .get(lang)
}

/// Reads sentences of `word<TAB>TAG` lines (blank lines between sentences; a CoNLL-U file's
/// FORM and UPOS columns are read too, its comments and multiword ranges skipped). Errors name
/// the line.
pub fn read_tagged(text: &str) -> Result<Vec<Tagged>, String> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (word, tag) = match cols.len() {
            2 => (cols[0], cols[1]),
            10 if cols[0].contains(['-', '.']) => continue,
            10 => (cols[1], cols[3]),
            k => {
                return Err(format!(
                    "line {}: {k} columns (expected 2, or 10 as CoNLL-U)",
                    n + 1
                ))
            }
        };
        let tag = Upos::parse(tag)
            .ok_or_else(|| format!("line {}: \"{tag}\" is no Universal Dependencies tag", n + 1))?;
        words.push(word.to_string());
        tags.push(tag);
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Tagged> {
        read_tagged(
            "The\tDET\ncompany\tNOUN\nsold\tVERB\nplanes\tNOUN\n.\tPUNCT\n\n\
             Airbus\tPROPN\nwill\tAUX\ndeliver\tVERB\nthe\tDET\njets\tNOUN\n\n\
             They\tPRON\nordered\tVERB\nten\tNUM\naircraft\tNOUN\n",
        )
        .unwrap()
    }

    #[test]
    fn learns_its_training_sentences_and_round_trips_through_bytes() {
        let data = corpus();
        let model = Model::train(&data, verb_forms("en"), 10, 1, |_, _| {});
        for (words, tags) in &data {
            assert_eq!(&model.tag(words), tags, "{words:?}");
        }
        let back = Model::from_bytes(&model.to_bytes(), verb_forms("en")).unwrap();
        for (words, tags) in &data {
            assert_eq!(&back.tag(words), tags);
        }
        // Suffixes and context generalise: an unseen past-tense word after a noun is a verb.
        assert_eq!(
            back.tag(&["The", "company", "delivered", "planes"])[2],
            Upos::Verb
        );
    }

    #[test]
    fn bad_files_and_models_are_errors() {
        assert!(read_tagged("word\tNOUN\tmore\n")
            .unwrap_err()
            .contains("line 1"));
        assert!(read_tagged("word\tNOPE\n").unwrap_err().contains("NOPE"));
        let conllu = "# sent_id = 1\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                      1\tdo\tdo\tAUX\t_\t_\t_\t_\t_\t_\n2\tn't\tnot\tPART\t_\t_\t_\t_\t_\t_\n";
        let read = read_tagged(conllu).unwrap();
        assert_eq!(read[0].1, [Upos::Aux, Upos::Part]);
        let verbs = verb_forms("en");
        assert_eq!(
            Model::from_bytes(b"nope", verbs).err(),
            Some(ModelError::Header)
        );
        let bytes = Model::train(&corpus(), verbs, 2, 1, |_, _| {}).to_bytes();
        assert_eq!(
            Model::from_bytes(&bytes[..bytes.len() - 1], verbs).err(),
            Some(ModelError::Truncated)
        );
    }

    #[test]
    fn the_english_model_finds_verbs_in_news() {
        let Some(model) = model("en") else {
            panic!("resources/en/pos.model is missing");
        };
        let words = [
            "Boeing",
            "has",
            "pushed",
            "back",
            "the",
            "development",
            "of",
            "a",
            "new",
            "airliner",
            ".",
        ];
        let tags = model.tag(&words);
        assert_eq!(tags[1], Upos::Aux, "{tags:?}");
        assert_eq!(tags[2], Upos::Verb, "{tags:?}");
        assert_eq!(tags[5], Upos::Noun, "{tags:?}");
        // Empty and odd input: no panic.
        assert!(model.tag::<&str>(&[]).is_empty());
        assert_eq!(model.tag(&["日本", "𝄞", &"x".repeat(500)]).len(), 3);
    }
}
