//! A linear sequence tagger for names (BIO over PER, ORG, LOC), decoded with Viterbi and trained
//! online with averaged passive-aggressive updates (a structured perceptron with a step size).
//!
//! Features are hashed strings (word, shape, affixes, neighbouring words, the previous tags...), so
//! a model is a table from feature hash to one weight per tag. Training reads CoNLL-style token
//! files; the model is stored compactly (weights quantised to 16 bits) and embedded per language
//! as `resources/<lang>/names.model`.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use thiserror::Error;

/// The tags, in the model's order.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
/// A training word whose tag the corpus leaves open (a capitalised word outside the annotated
/// mentions of a corpus that annotates only some names): training fixes the other words' tags
/// and takes the model's best tags for these.
pub const ANY: usize = usize::MAX;
const N: usize = TAGS.len();
const MAGIC: &[u8; 6] = b"LNMP2\n";

pub fn tag_index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| *t == tag)
}

/// Whether `tag` may follow `prev` (an I-X only continues a B-X or I-X).
fn allowed(prev: usize, tag: usize) -> bool {
    let t = TAGS[tag];
    match t.strip_prefix("I-") {
        Some(kind) => TAGS[prev].get(2..) == Some(kind),
        None => true,
    }
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ModelError {
    #[error("not a Linimasa names model (bad header)")]
    BadHeader,
    #[error("names model is truncated")]
    Truncated,
}

/// A trained (or training) model.
#[derive(Debug, Default, Clone)]
pub struct Model {
    weights: HashMap<u32, [f32; N], Prehashed>,
}

/// Feature keys are hashes already: the map uses them as they are instead of hashing again.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Prehashed;

impl std::hash::BuildHasher for Prehashed {
    type Hasher = PrehashedHasher;
    fn build_hasher(&self) -> PrehashedHasher {
        PrehashedHasher(0)
    }
}

#[derive(Debug, Default)]
pub(crate) struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        // Spread the key over the high bits too (hashbrown uses the top 7 bits as a tag).
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = n as u64;
    }
}

/// One feature's weights while training an averaged perceptron: the current weights, their
/// running totals over the steps so far, and the step each was last changed at (totals are
/// brought up to date lazily, so an update costs the tags it changes, not every feature).
#[derive(Debug, Clone)]
pub(crate) struct Averaged<const T: usize> {
    pub(crate) w: [f32; T],
    total: [f64; T],
    stamp: [u64; T],
}

impl<const T: usize> Averaged<T> {
    pub(crate) fn new() -> Self {
        Averaged {
            w: [0.0; T],
            total: [0.0; T],
            stamp: [0; T],
        }
    }

    /// Adds `delta` to tag `k`'s weight at step `now`.
    pub(crate) fn add(&mut self, k: usize, delta: f32, now: u64) {
        self.total[k] += (now - self.stamp[k]) as f64 * self.w[k] as f64;
        self.stamp[k] = now;
        self.w[k] += delta;
    }

    /// The weights averaged over `steps` steps.
    pub(crate) fn mean(&self, steps: u64) -> [f32; T] {
        std::array::from_fn(|k| {
            let total = self.total[k] + (steps - self.stamp[k]) as f64 * self.w[k] as f64;
            (total / steps.max(1) as f64) as f32
        })
    }
}

/// The largest weight's size and the step of a 16-bit quantisation of `weights` (model files
/// store each weight as a multiple of that step).
pub(crate) fn quantisation<const T: usize>(
    weights: &HashMap<u32, [f32; T], Prehashed>,
) -> (f32, f32) {
    let max = weights
        .values()
        .flatten()
        .fold(0f32, |m, x| m.max(x.abs()))
        .max(1e-9);
    (max, max / i16::MAX as f32)
}

/// A feature's key: FNV-1a over its template number and parts.
pub(crate) fn fnv(template: u8, parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for p in parts {
        for b in p.bytes() {
            eat(b);
        }
        eat(0x1f);
    }
    (h ^ (h >> 32)) as u32
}

/// "Dmitry" → "Xx", "AFP" → "X", "2022" → "d", "U.S" → "X.X", "de-Nazifikasi" → "x-Xx".
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().take(24) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(k) {
            out.push(k);
        }
    }
    out
}

/// What a language's word list (`resources/<lang>/word-classes.tsv`) says about words: how news
/// text capitalises them and whether they are ordinary words of the language. A name's cue
/// where capitals are missing ("jakarta" is written "Jakarta", "kata" never is).
#[derive(Debug, Default)]
pub struct WordClasses {
    words: FxHashMap<String, (&'static str, bool)>,
    /// The language's derivational prefixes and suffixes, stripped to find a derived word's
    /// root ("menyatakan" → "nyata"); none for a language whose dictionary lists its forms.
    prefixes: Vec<String>,
    suffixes: Vec<String>,
    /// Distributional clusters of words (`resources/<lang>/word-clusters.tsv`): each word's
    /// cluster among few, more and many, as names ("1:12", "2:120", "3:640"); words used alike
    /// share them, so a context word or name seen only in unlabelled text still tells something.
    /// Shared strings, so that a sentence takes a word's clusters without copying them.
    clusters: FxHashMap<String, [std::sync::Arc<str>; 3]>,
    /// The clusters of a word not in the table ("-" at every level; set with the table).
    no_cluster: [std::sync::Arc<str>; 3],
    /// Known given names and surnames (`resources/<lang>/person-names.tsv`): "given",
    /// "surname" or "both" per lower-case word.
    persons: FxHashMap<String, &'static str>,
    /// Names this table in the per-thread cache of word classes (0: the empty table).
    id: usize,
}

impl WordClasses {
    /// Reads the table: `word<TAB>casing<TAB>root` per line, `#` comments, and the affixes
    /// as `#! prefixes meng mem ...` and `#! suffixes kan an ...`.
    pub fn parse(text: &str) -> WordClasses {
        let mut words = FxHashMap::default();
        let (mut prefixes, mut suffixes) = (Vec::new(), Vec::new());
        for line in text.lines() {
            let affixes = |rest: &str| rest.split_whitespace().map(str::to_string).collect();
            if let Some(rest) = line.strip_prefix("#! prefixes") {
                prefixes = affixes(rest);
            } else if let Some(rest) = line.strip_prefix("#! suffixes") {
                suffixes = affixes(rest);
            }
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(word), Some(case), Some(root)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let case = match case {
                "cap" => "cap",
                "low" => "low",
                "mixed" => "mixed",
                _ => "-",
            };
            words.insert(word.to_string(), (case, root == "root"));
        }
        static TABLES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
        WordClasses {
            words,
            prefixes,
            suffixes,
            clusters: FxHashMap::default(),
            no_cluster: Default::default(),
            persons: FxHashMap::default(),
            id: TABLES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Adds the word clusters: `word<TAB>coarse<TAB>finer<TAB>finest` per line, `#` comments.
    pub fn with_clusters(mut self, text: &str) -> Self {
        self.no_cluster = ["-".into(), "-".into(), "-".into()];
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(word), Some(a), Some(b), Some(c)) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let name = |level: usize, id: &str| format!("{level}:{id}").into();
            self.clusters
                .insert(word.to_string(), [name(1, a), name(2, b), name(3, c)]);
        }
        self
    }

    /// Adds the person names: `word<TAB>given|surname|both` per line, `#` comments.
    pub fn with_person_names(mut self, text: &str) -> Self {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let kind = match line.split_once('\t') {
                Some((word, "given")) => (word, "given"),
                Some((word, "surname")) => (word, "surname"),
                Some((word, "both")) => (word, "both"),
                _ => continue,
            };
            self.persons.insert(kind.0.to_string(), kind.1);
        }
        self
    }

    /// Whether a lower-case word is a known given name or surname: "given", "surname", "both"
    /// or "-".
    pub fn person_kind(&self, lower: &str) -> &'static str {
        self.persons.get(lower).copied().unwrap_or("-")
    }

    /// A lower-case word's clusters (coarse to fine), as [`WordClasses::with_clusters`] names
    /// them; "-" for a word the table lacks.
    fn clusters_of(&self, lower: &str) -> [std::sync::Arc<str>; 3] {
        let key = digits_as_zero(lower);
        self.clusters
            .get(key.as_ref())
            .unwrap_or(&self.no_cluster)
            .clone()
    }

    /// How news text capitalises a lower-case word: "cap", "low", "mixed", "-" (too rare to
    /// say) or "?" (not in the table).
    pub fn casing(&self, lower: &str) -> &'static str {
        self.words.get(lower).map_or("?", |(case, _)| case)
    }

    /// Whether a lower-case word is an ordinary word of the language: news text writes it in
    /// lower case, or (too rare to say) the dictionary lists it.
    pub fn is_ordinary(&self, lower: &str) -> bool {
        match self.words.get(lower) {
            Some(("low", _)) => true,
            Some(("?" | "-", root)) => *root,
            _ => false,
        }
    }

    /// Whether the dictionary lists a lower-case word as a root ("survey", "heels"), however
    /// news capitalises it.
    pub fn is_root(&self, lower: &str) -> bool {
        self.words.get(lower).is_some_and(|(_, root)| *root)
    }

    /// A lower-case word's class: its casing and "root" (a root word), "derived" (a root with
    /// affixes) or "-" (neither: a name, a loan word, a typo).
    fn class(&self, lower: &str) -> &'static str {
        thread_local! {
            // Finding a derived word's root tries many affixes: each word once per thread and
            // table.
            static SEEN: std::cell::RefCell<HashMap<usize, FxHashMap<String, &'static str>>> =
                std::cell::RefCell::new(HashMap::new());
        }
        let table = self.id;
        let cached = SEEN.with(|m| m.borrow().get(&table).and_then(|t| t.get(lower).copied()));
        if let Some(c) = cached {
            return c;
        }
        let c = self.class_uncached(lower);
        SEEN.with(|m| {
            let mut m = m.borrow_mut();
            let seen = m.entry(table).or_default();
            // Bounded: a stream of new words (names, typos) must not grow it for ever.
            if seen.len() > 200_000 {
                seen.clear();
            }
            seen.insert(lower.to_string(), c);
        });
        c
    }

    fn class_uncached(&self, lower: &str) -> &'static str {
        let (case, root) = self.words.get(lower).copied().unwrap_or(("?", false));
        let lexical = if root {
            "root"
        } else if self.is_derived(lower) {
            "derived"
        } else {
            "-"
        };
        class_name(case, lexical)
    }

    fn is_derived(&self, lower: &str) -> bool {
        let is_root = |w: &str| w.len() > 2 && self.words.get(w).is_some_and(|(_, r)| *r);
        let strip_suffix = |w: &'_ str| -> Vec<String> {
            let mut out = vec![w.to_string()];
            for s in &self.suffixes {
                if let Some(x) = w.strip_suffix(s.as_str()) {
                    out.push(x.to_string());
                    // "-kannya", "-annya"
                    for s2 in &self.suffixes {
                        if let Some(y) = x.strip_suffix(s2.as_str()) {
                            out.push(y.to_string());
                        }
                    }
                }
            }
            out
        };
        for stem in strip_suffix(lower) {
            if stem != lower && is_root(&stem) {
                return true;
            }
            for p in &self.prefixes {
                if let Some(rest) = stem.strip_prefix(p.as_str()) {
                    // Nasal prefixes drop the root's first consonant: "menulis" ← "tulis".
                    if is_root(rest) {
                        return true;
                    }
                    let mut candidate = String::with_capacity(rest.len() + 1);
                    for first in ['t', 'p', 'k', 's'] {
                        candidate.clear();
                        candidate.push(first);
                        candidate.push_str(rest);
                        if is_root(&candidate) {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }
}

/// "2022" → "0000": the cluster table writes every digit as 0.
pub(crate) fn digits_as_zero(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        word.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect::<String>()
            .into()
    } else {
        word.into()
    }
}

/// The longest gazetteer match (up to three words) at each word, left to right, as "B-city",
/// "I-city", ... ("-" outside any).
fn places(words: &[&str], lower: &[String]) -> Vec<&'static str> {
    use super::gazetteer::PlaceKind;
    let g = super::gazetteer::model_gazetteer();
    let mut out = vec!["-"; words.len()];
    let mut i = 0;
    while i < words.len() {
        let longest = if g.starts_longer_name(&lower[i]) {
            3.min(words.len() - i)
        } else {
            1
        };
        let found = (1..=longest).rev().find_map(|n| {
            let span = &words[i..i + n];
            if !span
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_alphabetic))
            {
                return None;
            }
            // One word needs no joining (every word of every sentence is looked up).
            let entry = if n == 1 {
                g.lookup(span[0])
            } else {
                g.lookup(&span.join(" "))
            };
            entry.map(|e| (n, e.kind))
        });
        match found {
            Some((n, kind)) => {
                let (b, inner) = match kind {
                    PlaceKind::Country => ("B-country", "I-country"),
                    PlaceKind::Region => ("B-region", "I-region"),
                    PlaceKind::Capital => ("B-capital", "I-capital"),
                    PlaceKind::City => ("B-city", "I-city"),
                };
                out[i] = b;
                for slot in out.iter_mut().skip(i + 1).take(n - 1) {
                    *slot = inner;
                }
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Item `j` of a sentence's per-word values, or a boundary marker before its start or after
/// its end.
fn at<S: AsRef<str>>(items: &[S], j: isize) -> &str {
    match usize::try_from(j) {
        Err(_) => "<s>",
        Ok(j) => items.get(j).map_or("</s>", AsRef::as_ref),
    }
}

/// "case|lexical" ("low|root"), one string for each of the few pairs there are, so that each
/// word's class is no allocation of its own.
fn class_name(case: &'static str, lexical: &'static str) -> &'static str {
    static NAMES: OnceLock<std::sync::Mutex<HashMap<(&'static str, &'static str), &'static str>>> =
        OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    names
        .entry((case, lexical))
        .or_insert_with(|| Box::leak(format!("{case}|{lexical}").into_boxed_str()))
}

/// The words of one sentence, prepared once for feature extraction.
pub struct Sentence {
    lower: Vec<String>,
    shapes: Vec<String>,
    classes: Vec<&'static str>,
    /// Word clusters by level: `clusters[level][i]`.
    clusters: [Vec<std::sync::Arc<str>>; 3],
    /// Gazetteer matches: "B-country", "I-city"... or "-".
    places: Vec<&'static str>,
    /// What the person-name list says of each word ("given", "surname", "both", "-"); empty
    /// for a language without the list.
    persons: Vec<&'static str>,
}

impl Sentence {
    pub fn new(words: &[&str], classes: &WordClasses) -> Self {
        // Very long "words" are noise; features see their first 64 characters only.
        let words: Vec<&str> = words
            .iter()
            .map(|w| w.char_indices().nth(64).map_or(*w, |(b, _)| &w[..b]))
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shapes = words.iter().map(|w| shape(w)).collect();
        let places = places(&words, &lower);
        let mut clusters: [Vec<std::sync::Arc<str>>; 3] = Default::default();
        // A language without a cluster table gets no cluster features.
        if !classes.clusters.is_empty() {
            for w in &lower {
                for (level, c) in classes.clusters_of(w).into_iter().enumerate() {
                    clusters[level].push(c);
                }
            }
        }
        let persons = if classes.persons.is_empty() {
            Vec::new()
        } else {
            lower.iter().map(|w| classes.person_kind(w)).collect()
        };
        let classes = lower.iter().map(|w| classes.class(w)).collect();
        Sentence {
            lower,
            shapes,
            classes,
            clusters,
            places,
            persons,
        }
    }

    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Word `i` in lower case.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// The features of word `i` that do not depend on the tags before it.
    fn word_features(&self, i: usize, out: &mut Vec<u32>) {
        out.clear();
        let w = |j: isize| at(&self.lower, j);
        let sh = |j: isize| at(&self.shapes, j);
        let c = |j: isize| at(&self.classes, j);
        let g = |j: isize| at(&self.places, j);
        let i = i as isize;
        let word = w(i);
        // The first and last `n` characters, as slices of the word (no allocation per word).
        let count = word.chars().count();
        let prefix = |n: usize| word.char_indices().nth(n).map_or(word, |(b, _)| &word[..b]);
        let suffix = |n: usize| {
            word.char_indices()
                .nth(count.saturating_sub(n))
                .map_or("", |(b, _)| &word[b..])
        };
        let first = if i == 0 { "1" } else { "0" };
        out.extend([
            fnv(0, &[]),
            fnv(1, &[word]),
            fnv(2, &[sh(i)]),
            fnv(3, &[prefix(2)]),
            fnv(4, &[prefix(3)]),
            fnv(5, &[suffix(2)]),
            fnv(6, &[suffix(3)]),
            fnv(7, &[suffix(4)]),
            fnv(8, &[w(i - 1)]),
            fnv(9, &[w(i + 1)]),
            fnv(10, &[w(i - 2)]),
            fnv(11, &[w(i + 2)]),
            fnv(12, &[sh(i - 1), sh(i)]),
            fnv(13, &[sh(i), sh(i + 1)]),
            fnv(17, &[w(i - 1), word]),
            fnv(18, &[word, w(i + 1)]),
            fnv(19, &[first, sh(i)]),
            fnv(21, &[w(i - 1), sh(i)]),
            fnv(23, &[w(i - 1), w(i + 1)]),
            fnv(24, &[sh(i - 1), sh(i), sh(i + 1)]),
            fnv(25, &[suffix(3), sh(i)]),
            fnv(26, &[w(i + 1), w(i + 2)]),
            fnv(27, &[w(i - 2), w(i - 1)]),
            fnv(28, &[c(i)]),
            fnv(29, &[c(i - 1), c(i)]),
            fnv(30, &[c(i), c(i + 1)]),
            fnv(31, &[c(i), sh(i)]),
            fnv(32, &[c(i), w(i - 1)]),
            fnv(34, &[g(i)]),
            fnv(35, &[g(i), c(i)]),
            fnv(36, &[g(i - 1), g(i), g(i + 1)]),
            // The word as written: "Golkar" may be a name where NERP's lower-cased "golkar" is
            // left untagged.
            fnv(50, &[word, sh(i)]),
        ]);
        if !self.clusters[0].is_empty() {
            let k = |level: usize, j: isize| at(&self.clusters[level], j);
            out.extend([
                fnv(37, &[k(0, i)]),
                fnv(38, &[k(1, i)]),
                fnv(39, &[k(2, i)]),
                fnv(40, &[k(1, i - 1)]),
                fnv(41, &[k(1, i + 1)]),
                fnv(42, &[k(2, i - 1)]),
                fnv(43, &[k(2, i + 1)]),
                fnv(44, &[k(1, i), sh(i)]),
                fnv(45, &[k(1, i - 1), k(1, i)]),
            ]);
        }
        if !self.persons.is_empty() {
            let n = |j: isize| at(&self.persons, j);
            out.extend([
                fnv(46, &[n(i)]),
                fnv(47, &[n(i - 1), n(i)]),
                fnv(48, &[n(i), n(i + 1)]),
                fnv(49, &[n(i), sh(i)]),
            ]);
        }
    }

    /// The features of word `i` that pair it with the tag before it (`prev`; `None` at the
    /// start): the tag transition itself, and the transition with the word, its shape, the
    /// word before and its class. The word parts are hashed once ([`Sentence::pair_keys`]) and
    /// combined with each previous tag.
    fn transition_features(
        keys: &[u32; TRANSITION],
        prev: Option<usize>,
        out: &mut [u32; TRANSITION],
    ) {
        let t = prev.map_or(N as u32, |p| p as u32) + 1;
        for (o, k) in out.iter_mut().zip(keys) {
            *o = (k ^ t.wrapping_mul(0x9E37_79B1))
                .rotate_left(13)
                .wrapping_mul(0x85EB_CA6B);
        }
    }

    /// The word parts of word `i`'s transition features.
    fn pair_keys(&self, i: usize) -> [u32; TRANSITION] {
        let before = i.checked_sub(1).map_or("<s>", |j| self.lower[j].as_str());
        [
            fnv(14, &[]),
            fnv(16, &[&self.lower[i]]),
            fnv(20, &[&self.shapes[i]]),
            fnv(22, &[before]),
            fnv(33, &[self.classes[i]]),
        ]
    }
}

/// The largest passive-aggressive step (PA-I's C); steps rarely come near it.
const MAX_STEP: f32 = 1.0;
/// Features whose averaged weights all stay below the largest weight divided by this only cost
/// space: leaving them out shrinks the model by a third without a measurable loss (5-fold
/// cross-validation).
const PRUNE_BELOW: f32 = 50.0;

/// Drops the features whose weights all stay below the largest weight / [`PRUNE_BELOW`].
fn prune(weights: &mut HashMap<u32, [f32; N], Prehashed>) {
    let largest = weights
        .values()
        .flat_map(|w| w.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    weights.retain(|_, w| w.iter().any(|x| x.abs() > largest / PRUNE_BELOW));
}

/// How many features pair a word with the tag before it.
const TRANSITION: usize = 5;

/// Per-word scores of one sentence: `word[i][k]` from the word's own features, and
/// `pair[i][p][k]` from its transition features, `p` = the previous tag (index `N` = start).
struct Lattice {
    word: Vec<[f32; N]>,
    pair: Vec<[[f32; N]; N + 1]>,
}

impl Lattice {
    fn new(sentence: &Sentence, weight: impl Fn(u32) -> Option<[f32; N]>) -> Lattice {
        let n = sentence.len();
        let mut word = vec![[0f32; N]; n];
        let mut pair = vec![[[0f32; N]; N + 1]; n];
        let mut feats = Vec::with_capacity(24);
        let mut trans = [0u32; TRANSITION];
        for i in 0..n {
            sentence.word_features(i, &mut feats);
            for f in &feats {
                if let Some(w) = weight(*f) {
                    for k in 0..N {
                        word[i][k] += w[k];
                    }
                }
            }
            let keys = sentence.pair_keys(i);
            for (p, row) in pair[i].iter_mut().enumerate() {
                let prev = (p < N).then_some(p);
                if (i == 0) != prev.is_none() {
                    continue;
                }
                Sentence::transition_features(&keys, prev, &mut trans);
                for f in &trans {
                    if let Some(w) = weight(*f) {
                        for k in 0..N {
                            row[k] += w[k];
                        }
                    }
                }
            }
        }
        Lattice { word, pair }
    }

    /// The best tag sequence (Viterbi), with each word's confidence: the softmax of its best
    /// score against the other tags given the chosen previous tag.
    fn best(&self) -> Vec<(usize, f32)> {
        self.best_within(None)
    }

    /// [`Lattice::best`] among the sequences that keep the tags `known` fixes (a word whose
    /// known tag is [`ANY`] may take any tag).
    fn best_within(&self, known: Option<&[usize]>) -> Vec<(usize, f32)> {
        self.best_among(|i, k| known.is_none_or(|t| t[i] == ANY || t[i] == k))
    }

    /// [`Lattice::best`] among the sequences whose word `i` has a tag `k` for which
    /// `open(i, k)`; "O" must stay open for every word, so that a sequence exists.
    fn best_among(&self, open: impl Fn(usize, usize) -> bool) -> Vec<(usize, f32)> {
        let n = self.word.len();
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![[f32::NEG_INFINITY; N]; n];
        let mut back = vec![[0usize; N]; n];
        for k in 0..N {
            if !TAGS[k].starts_with("I-") && open(0, k) {
                score[0][k] = self.word[0][k] + self.pair[0][N][k];
            }
        }
        for i in 1..n {
            for k in (0..N).filter(|&k| open(i, k)) {
                for p in 0..N {
                    if !allowed(p, k) || score[i - 1][p] == f32::NEG_INFINITY {
                        continue;
                    }
                    let s = score[i - 1][p] + self.word[i][k] + self.pair[i][p][k];
                    if s > score[i][k] {
                        score[i][k] = s;
                        back[i][k] = p;
                    }
                }
            }
        }
        let mut tags = vec![0usize; n];
        tags[n - 1] = (0..N)
            .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
            .unwrap_or(0);
        for i in (1..n).rev() {
            tags[i - 1] = back[i][tags[i]];
        }
        (0..n)
            .map(|i| {
                let prev = if i == 0 { N } else { tags[i - 1] };
                let local = |k: usize| self.word[i][k] + self.pair[i][prev][k];
                let best = local(tags[i]);
                let total: f32 = (0..N)
                    .filter(|&k| {
                        if i == 0 {
                            !TAGS[k].starts_with("I-")
                        } else {
                            allowed(prev, k)
                        }
                    })
                    .map(|k| (local(k) - best).exp())
                    .sum();
                (tags[i], 1.0 / total.max(1.0))
            })
            .collect()
    }
}

impl Model {
    /// Tags a sentence: one tag index per word, with a confidence.
    pub fn predict(&self, sentence: &Sentence) -> Vec<(usize, f32)> {
        Lattice::new(sentence, |f| self.weights.get(&f).copied()).best()
    }

    /// [`Model::predict`] held to what is known of each word: `allowed[i]` has bit `k` set
    /// when word `i` may take tag `TAGS[k]` ("O", bit 0, is always allowed).
    pub fn predict_allowed(&self, sentence: &Sentence, allowed: &[u8]) -> Vec<(usize, f32)> {
        let open = |i: usize, k: usize| k == 0 || allowed.get(i).is_none_or(|m| m & (1 << k) != 0);
        Lattice::new(sentence, |f| self.weights.get(&f).copied()).best_among(open)
    }

    /// Trains on `(words, gold tag indices)` sentences for `epochs` passes (shuffled from
    /// `seed`, so training is reproducible): each sentence is decoded whole (Viterbi), and a
    /// wrong sequence moves the weights towards the gold sequence's features and away from
    /// the predicted one's, by a passive-aggressive step (PA-I, Crammer et al. 2006: the
    /// smallest step after which gold wins by a margin). Returns the averaged weights, scaled
    /// so that confidences are calibrated ([`Model::calibrate`]).
    pub fn train(
        data: &[(Vec<String>, Vec<usize>)],
        classes: &WordClasses,
        epochs: usize,
        seed: u64,
        mut log: impl FnMut(usize, f64),
    ) -> Model {
        let mut acc: HashMap<u32, Averaged<N>, Prehashed> = HashMap::default();
        let mut clock: u64 = 0;
        let sentences: Vec<Sentence> = data
            .iter()
            .map(|(w, _)| Sentence::new(&w.iter().map(String::as_str).collect::<Vec<_>>(), classes))
            .collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = crate::bench::Rng::new(seed);
        let mut feats = Vec::with_capacity(24);
        let mut trans = [0u32; TRANSITION];
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i as u64 + 1) as usize);
            }
            let (mut correct, mut seen) = (0usize, 0usize);
            for &si in &order {
                let sentence = &sentences[si];
                clock += 1;
                let lattice = Lattice::new(sentence, |f| acc.get(&f).map(|a| a.w));
                let tags = |best: Vec<(usize, f32)>| -> Vec<usize> {
                    best.into_iter().map(|(t, _)| t).collect()
                };
                let guess = tags(lattice.best());
                // Partly annotated: the gold sequence is the best one that keeps the known tags.
                let partial;
                let gold = if data[si].1.contains(&ANY) {
                    partial = tags(lattice.best_within(Some(&data[si].1)));
                    &partial
                } else {
                    &data[si].1
                };
                seen += gold.len();
                correct += guess.iter().zip(gold).filter(|(a, b)| a == b).count();
                if guess == *gold {
                    continue;
                }
                // The difference between the gold and the guessed sequence's features. Its
                // values are small integers, so the norm below is exact whatever order the map
                // yields them in, and training stays reproducible.
                let mut delta: HashMap<(u32, usize), f32> = HashMap::new();
                let mut wrong = 0usize;
                for i in 0..sentence.len() {
                    let (g, p) = (gold[i], guess[i]);
                    let (gp, pp) = match i {
                        0 => (None, None),
                        _ => (Some(gold[i - 1]), Some(guess[i - 1])),
                    };
                    if g != p {
                        wrong += 1;
                        sentence.word_features(i, &mut feats);
                        for f in &feats {
                            *delta.entry((*f, g)).or_default() += 1.0;
                            *delta.entry((*f, p)).or_default() -= 1.0;
                        }
                    }
                    if g != p || gp != pp {
                        let keys = sentence.pair_keys(i);
                        Sentence::transition_features(&keys, gp, &mut trans);
                        for f in trans {
                            *delta.entry((f, g)).or_default() += 1.0;
                        }
                        Sentence::transition_features(&keys, pp, &mut trans);
                        for f in trans {
                            *delta.entry((f, p)).or_default() -= 1.0;
                        }
                    }
                }
                // Passive-aggressive step: just far enough for the gold sequence to beat the
                // guess by a margin that grows with the number of wrong tags.
                let score = |tags: &[usize]| -> f32 {
                    (0..tags.len())
                        .map(|i| {
                            let prev = if i == 0 { N } else { tags[i - 1] };
                            lattice.word[i][tags[i]] + lattice.pair[i][prev][tags[i]]
                        })
                        .sum()
                };
                let norm: f32 = delta.values().map(|v| v * v).sum();
                if norm == 0.0 {
                    continue;
                }
                let margin = score(&guess) - score(gold);
                let step = ((margin + (wrong as f32).sqrt()) / norm).min(MAX_STEP);
                for ((f, k), d) in delta {
                    if d == 0.0 {
                        continue;
                    }
                    acc.entry(f)
                        .or_insert_with(Averaged::new)
                        .add(k, d * step, clock);
                }
            }
            log(epoch + 1, correct as f64 / seen.max(1) as f64);
        }
        let mut weights: HashMap<u32, [f32; N], Prehashed> =
            HashMap::with_capacity_and_hasher(acc.len(), Prehashed);
        for (f, a) in acc {
            weights.insert(f, a.mean(clock));
        }
        prune(&mut weights);
        let mut model = Model { weights };
        let gold: Vec<&[usize]> = data.iter().map(|(_, t)| t.as_slice()).collect();
        model.calibrate(&sentences, &gold);
        model
    }

    /// Scales the weights (which leaves every decision as it is) so that a word's confidence —
    /// the softmax of its tag scores — is as likely as can be on the training sentences: the
    /// updates' size sets the weights' scale, not how sure the model is.
    fn calibrate(&mut self, sentences: &[Sentence], gold: &[&[usize]]) {
        // (scores of the tags allowed after the gold previous tag, the gold tag), every other
        // sentence: enough words to fix one number.
        let mut words: Vec<([f32; N], usize)> = Vec::new();
        for (sentence, tags) in sentences.iter().zip(gold).step_by(2) {
            let lattice = Lattice::new(sentence, |f| self.weights.get(&f).copied());
            for (i, &g) in tags.iter().enumerate() {
                let prev = if i == 0 { N } else { tags[i - 1] };
                if g == ANY || prev == ANY {
                    continue;
                }
                let mut scores = [f32::NEG_INFINITY; N];
                for (k, slot) in scores.iter_mut().enumerate() {
                    let open = if i == 0 {
                        !TAGS[k].starts_with("I-")
                    } else {
                        allowed(prev, k)
                    };
                    if open {
                        *slot = lattice.word[i][k] + lattice.pair[i][prev][k];
                    }
                }
                words.push((scores, g));
            }
        }
        let loss = |t: f32| -> f64 {
            words
                .iter()
                .map(|(s, g)| {
                    let best = s.iter().fold(f32::NEG_INFINITY, |m, x| m.max(*x));
                    let sum: f32 = s.iter().map(|x| ((x - best) * t).exp()).sum();
                    ((best - s[*g]) * t + sum.ln()) as f64
                })
                .sum()
        };
        // Temperatures 1/4 ... 2^15 in steps of √2.
        let best = (-4..=30)
            .map(|j| 2f32.powf(j as f32 / 2.0))
            .min_by(|a, b| loss(*a).total_cmp(&loss(*b)));
        if let Some(t) = best.filter(|_| !words.is_empty()) {
            for w in self.weights.values_mut() {
                for x in w.iter_mut() {
                    *x *= t;
                }
            }
        }
    }

    /// The mean of several models' weights (a feature a model lacks counts as zero there), its
    /// small weights pruned as in training. Models trained on different shuffles of the same
    /// sentences err differently; their mean is steadier and better than any of them (five-fold
    /// cross-validation: about half a point on both Indonesian corpora).
    pub fn mean(models: &[Model]) -> Model {
        let mut weights: HashMap<u32, [f32; N], Prehashed> = HashMap::default();
        for m in models {
            for (f, w) in &m.weights {
                let slot = weights.entry(*f).or_insert([0.0; N]);
                for k in 0..N {
                    slot[k] += w[k] / models.len() as f32;
                }
            }
        }
        prune(&mut weights);
        Model { weights }
    }

    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Compact bytes: header, a scale, then (hash, 7 × i16) per feature, sorted by hash.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (_, scale) = quantisation(&self.weights);
        let mut keys: Vec<u32> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(16 + keys.len() * (4 + 2 * N));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[&k] {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(ModelError::BadHeader)?;
        let take4 = |b: &[u8], at: usize| -> Result<[u8; 4], ModelError> {
            b.get(at..at + 4)
                .and_then(|s| s.try_into().ok())
                .ok_or(ModelError::Truncated)
        };
        let scale = f32::from_le_bytes(take4(rest, 0)?);
        let count = u32::from_le_bytes(take4(rest, 4)?) as usize;
        let body = &rest[8..];
        let row = 4 + 2 * N;
        if body.len() < count * row {
            return Err(ModelError::Truncated);
        }
        let mut weights = HashMap::with_capacity_and_hasher(count, Prehashed);
        for r in body.chunks_exact(row).take(count) {
            let key = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
            let mut w = [0f32; N];
            for (k, slot) in w.iter_mut().enumerate() {
                *slot = i16::from_le_bytes([r[4 + 2 * k], r[5 + 2 * k]]) as f32 * scale;
            }
            weights.insert(key, w);
        }
        Ok(Model { weights })
    }
}

/// Entities in a BIO tag sequence: (first token, end token exclusive, kind "PER"/"ORG"/"LOC").
pub fn entities(tags: &[usize]) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &'static str)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let tag = TAGS[t];
        let continues =
            matches!((open, tag.strip_prefix("I-")), (Some((_, k)), Some(kind)) if k == kind);
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s, i, k));
        }
        // A B-X starts an entity; so does a stray I-X (as conlleval reads it).
        if tag != "O" {
            open = Some((i, &TAGS[t][2..]));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_names(model: &Model, sentence: &Sentence) -> Vec<&'static str> {
        model
            .predict(sentence)
            .iter()
            .map(|(t, _)| TAGS[*t])
            .collect()
    }

    fn toy() -> Vec<(Vec<String>, Vec<usize>)> {
        let s = |pairs: &[(&str, &str)]| {
            (
                pairs.iter().map(|(w, _)| w.to_string()).collect(),
                pairs.iter().map(|(_, t)| tag_index(t).unwrap()).collect(),
            )
        };
        let mut data = Vec::new();
        for (first, last, city) in [
            ("Dmitry", "Peskov", "Moskow"),
            ("Vladimir", "Putin", "Kharkiv"),
            ("Sergei", "Shoigu", "Kherson"),
            ("Joko", "Widodo", "Jakarta"),
        ] {
            data.push(s(&[
                ("Presiden", "O"),
                (first, "B-PER"),
                (last, "I-PER"),
                ("tiba", "O"),
                ("di", "O"),
                (city, "B-LOC"),
                (".", "O"),
            ]));
            data.push(s(&[
                ("Kata", "O"),
                (last, "B-PER"),
                ("di", "O"),
                (city, "B-LOC"),
                ("kepada", "O"),
                ("Kementerian", "B-ORG"),
                ("Pertahanan", "I-ORG"),
            ]));
        }
        data
    }

    #[test]
    fn partly_labelled_sentences_train_and_keep_their_known_tags() {
        // The organisation is left open in half the sentences: training still learns it from
        // the others, and the words it fixes stay fixed.
        let mut data = toy();
        for (i, (_, tags)) in data.iter_mut().enumerate() {
            if i % 4 == 1 {
                tags[5] = ANY;
                tags[6] = ANY;
            }
        }
        let classes = WordClasses::default();
        let model = Model::train(&data, &classes, 10, 17, |_, _| {});
        let sentence = Sentence::new(
            &[
                "Kata",
                "Putin",
                "di",
                "Jakarta",
                "kepada",
                "Kementerian",
                "Pertahanan",
            ],
            &classes,
        );
        assert_eq!(
            tag_names(&model, &sentence),
            ["O", "B-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"]
        );
        // Constrained decoding keeps what is known, even against the model.
        let lattice = Lattice::new(&sentence, |f| model.weights.get(&f).copied());
        let known = [0, 0, 0, ANY, 0, ANY, ANY];
        let best: Vec<usize> = lattice
            .best_within(Some(&known))
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(best[1], 0, "Putin is fixed as outside a name");
        assert_eq!(TAGS[best[3]], "B-LOC");
    }

    #[test]
    fn word_class_tables_carry_their_affixes() {
        let id = WordClasses::parse(
            "#! prefixes me men\n#! suffixes kan\nnyata\tlow\troot\ntulis\tlow\troot\n",
        );
        assert_eq!(id.class("menyatakan"), "?|derived");
        assert_eq!(id.class("menulis"), "?|derived");
        assert_eq!(id.class("nyata"), "low|root");
        // The same word in a table without affixes: no derivation.
        let en = WordClasses::parse("nyata\tlow\troot\n");
        assert_eq!(en.class("menyatakan"), "?|-");
    }

    #[test]
    fn learns_a_toy_pattern_and_round_trips_through_bytes() {
        let classes = WordClasses::default();
        let model = Model::train(&toy(), &classes, 10, 17, |_, _| {});
        let sentence = Sentence::new(
            &["Presiden", "Joko", "Widodo", "tiba", "di", "Moskow", "."],
            &classes,
        );
        assert_eq!(
            tag_names(&model, &sentence),
            ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]
        );
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(
            again.to_bytes(),
            model.to_bytes(),
            "a read model writes the same bytes"
        );
        let tags2: Vec<usize> = again.predict(&sentence).iter().map(|(t, _)| *t).collect();
        assert_eq!(
            tags2,
            model
                .predict(&sentence)
                .iter()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>()
        );
        assert!(matches!(
            Model::from_bytes(b"nope"),
            Err(ModelError::BadHeader)
        ));
        assert!(matches!(
            Model::from_bytes(&model.to_bytes()[..20]),
            Err(ModelError::Truncated)
        ));
    }

    #[test]
    fn bio_entities_and_invalid_continuations() {
        let t = |s: &str| tag_index(s).unwrap();
        let tags = [
            t("B-PER"),
            t("I-PER"),
            t("O"),
            t("I-LOC"),
            t("B-ORG"),
            t("B-ORG"),
            t("I-ORG"),
        ];
        assert_eq!(
            entities(&tags),
            vec![(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
        );
        assert!(
            !allowed(t("O"), t("I-PER"))
                && allowed(t("B-PER"), t("I-PER"))
                && !allowed(t("B-LOC"), t("I-PER"))
        );
    }

    #[test]
    fn word_clusters_are_read_by_word_with_digits_as_zero() {
        let classes = WordClasses::parse("").with_clusters(
            "# word\tcoarse\tfiner\tfinest\njakarta\t3\t17\t250\n0000\t5\t6\t7\nbroken\t1\n",
        );
        let of = |w: &str| classes.clusters_of(w).map(|c| c.to_string());
        assert_eq!(of("jakarta"), ["1:3", "2:17", "3:250"]);
        assert_eq!(of("2022"), ["1:5", "2:6", "3:7"]);
        assert_eq!(of("broken"), ["-", "-", "-"]);
        // The shipped Indonesian table puts cities together and apart from verbs.
        let id = crate::names::word_classes("id");
        assert_eq!(id.clusters_of("surabaya"), id.clusters_of("bandung"));
        assert_ne!(
            id.clusters_of("surabaya")[0],
            id.clusters_of("mengatakan")[0]
        );
        // A language without a table gets no cluster features at all.
        let plain = Sentence::new(&["Jakarta"], &WordClasses::default());
        assert!(plain.clusters.iter().all(Vec::is_empty));
    }

    #[test]
    fn confidences_are_calibrated_whatever_the_step_size() {
        // Passive-aggressive steps leave small weights; calibration scales them so that a word
        // the model has learnt well is tagged with a confidence near 1, not near 1/7.
        let classes = WordClasses::default();
        let model = Model::train(&toy(), &classes, 10, 17, |_, _| {});
        let sentence = Sentence::new(
            &["Presiden", "Joko", "Widodo", "tiba", "di", "Moskow", "."],
            &classes,
        );
        let predicted = model.predict(&sentence);
        // The toy corpus writes surnames both alone ("Kata Widodo": B-PER) and after a given
        // name (I-PER), so "Widodo" here is fairly split between the two; every other word has
        // one tag in the corpus.
        for (i, (_, c)) in predicted.iter().enumerate() {
            let floor = if i == 2 { 0.3 } else { 0.6 };
            assert!(*c > floor, "confidences: {predicted:?}");
        }
    }

    #[test]
    fn averaged_models_keep_shared_weights_and_halve_lone_ones() {
        let classes = WordClasses::default();
        let model = Model::train(&toy(), &classes, 10, 17, |_, _| {});
        let same = Model::mean(&[model.clone(), model.clone()]);
        assert_eq!(same.weights, model.weights);
        // A feature only one of two models has counts as zero in the other.
        let half = Model::mean(&[model.clone(), Model::default()]);
        let (f, w) = model.weights.iter().next().unwrap();
        assert_eq!(half.weights[f], w.map(|x| x / 2.0));
        let sentence = Sentence::new(&["Kata", "Peskov", "di", "Moskow"], &classes);
        assert_eq!(tag_names(&half, &sentence), tag_names(&model, &sentence));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Dmitry"), "Xx");
        assert_eq!(shape("AFP"), "X");
        assert_eq!(shape("2022"), "d");
        assert_eq!(shape("de-Nazifikasi"), "x-Xx");
    }
}
