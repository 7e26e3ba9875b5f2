//! Stage 3, language: per-language resources (`resources/<lang>/`, embedded at build time) and
//! language detection from function-word counts.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

include!(concat!(env!("OUT_DIR"), "/language_files.rs"));

/// The words one language contributes to the engine.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code: the folder name under `resources/`.
    pub code: &'static str,
    /// Lower-case month words → 1..=12.
    pub months: HashMap<String, u32>,
    /// Lower-case weekday words → ISO weekday number (Monday = 1).
    pub weekdays: HashMap<String, u32>,
    /// Whether written dates put the day first ("3 Maret 2022").
    pub day_first: bool,
    pub stopwords: Vec<String>,
}

#[derive(Deserialize)]
struct CalendarFile {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    order: Order,
}

#[derive(Deserialize)]
struct Order {
    day_first: bool,
}

/// A text resource of one language, by file name (resources are UTF-8; a build bug otherwise).
pub fn text_file(files: &[(&str, &'static [u8])], name: &str) -> Option<&'static str> {
    let bytes = files.iter().find(|(n, _)| *n == name)?.1;
    Some(std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("resource {name} is not UTF-8: {e}")))
}

/// A text resource parsed once for every language that has it, by language code. `parse` gets
/// the code and the text; the resources are compiled in and loaded by tests, so it may panic on
/// a broken file (a build bug).
pub fn per_language<T: Send + Sync>(
    cell: &'static OnceLock<HashMap<&'static str, T>>,
    file: &str,
    parse: impl Fn(&'static str, &'static str) -> T,
) -> &'static HashMap<&'static str, T> {
    cell.get_or_init(|| {
        LANGUAGE_FILES
            .iter()
            .filter_map(|(code, files)| Some((*code, parse(code, text_file(files, file)?))))
            .collect()
    })
}

/// A binary resource (a model) parsed once for every language that has it, by language code; as
/// with [`per_language`], `parse` may panic on a broken file (compiled in: a build bug).
pub fn per_language_binary<T: Send + Sync>(
    cell: &'static OnceLock<HashMap<&'static str, T>>,
    file: &str,
    parse: impl Fn(&'static str, &'static [u8]) -> T,
) -> &'static HashMap<&'static str, T> {
    cell.get_or_init(|| {
        LANGUAGE_FILES
            .iter()
            .filter_map(|(code, _)| Some((*code, parse(code, binary_file(code, file)?))))
            .collect()
    })
}

/// A text resource of one language, by language code and file name (UTF-8, as [`text_file`]).
pub fn text_resource(code: &str, name: &str) -> Option<&'static str> {
    let files = LANGUAGE_FILES.iter().find(|(c, _)| *c == code)?.1;
    text_file(files, name)
}

/// A binary resource of one language (a model file), by language code and file name.
pub fn binary_file(code: &str, name: &str) -> Option<&'static [u8]> {
    LANGUAGE_FILES
        .iter()
        .find(|(c, _)| *c == code)?
        .1
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| *b)
}

/// Every language with resources, in code order.
pub fn languages() -> &'static [Language] {
    static LANGS: OnceLock<Vec<Language>> = OnceLock::new();
    LANGS.get_or_init(|| {
        LANGUAGE_FILES
            .iter()
            .map(|(code, files)| {
                let file = |name: &str| text_file(files, name);
                // The resources are compiled in and checked by tests, so a parse failure is a build bug.
                let calendar: CalendarFile =
                    toml::from_str(file("calendar.toml").unwrap_or_default())
                        .unwrap_or_else(|e| panic!("resources/{code}/calendar.toml: {e}"));
                let stopwords = file("stopwords.txt")
                    .unwrap_or_default()
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string)
                    .collect();
                Language {
                    code,
                    months: calendar.months,
                    weekdays: calendar.weekdays,
                    day_first: calendar.order.day_first,
                    stopwords,
                }
            })
            .collect()
    })
}

/// The resources of one language, by ISO 639-1 code.
pub fn language(code: &str) -> Option<&'static Language> {
    languages().iter().find(|l| l.code == code)
}

/// Detects the language of `text` by counting each language's function words among its first
/// 2,000 words. Returns `None` when no language has at least 3 hits, or two languages tie.
pub fn detect(text: &str) -> Option<&'static str> {
    let langs = languages();
    let mut scores = vec![0usize; langs.len()];
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let lower = word.to_lowercase();
        for (i, lang) in langs.iter().enumerate() {
            if lang.stopwords.contains(&lower) {
                scores[i] += 1;
            }
        }
    }
    let best = (0..langs.len()).max_by_key(|&i| scores[i])?;
    let tied = scores
        .iter()
        .enumerate()
        .any(|(i, &s)| i != best && s == scores[best]);
    (scores[best] >= 3 && !tied).then(|| langs[best].code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_english_resources_load() {
        let id = language("id").unwrap();
        assert_eq!(id.months["maret"], 3);
        assert_eq!(id.weekdays["selasa"], 2);
        assert!(id.day_first);
        let en = language("en").unwrap();
        assert_eq!(en.weekdays["tuesday"], 2);
        assert!(!en.day_first);
    }

    #[test]
    fn detects_indonesian_and_english() {
        assert_eq!(detect("Kremlin mengatakan terlalu dini untuk menarik kesimpulan dari putaran pertama pembicaraan yang diadakan dengan Ukraina"), Some("id"));
        assert_eq!(detect("The Kremlin said it was too early to draw conclusions from the first round of talks with Ukraine"), Some("en"));
        assert_eq!(detect("12345 ... !!!"), None);
    }
}
