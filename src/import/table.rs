//! Article records: JSON (one object, an array, or `{"articles": [...]}`), JSON Lines and CSV.
//!
//! Field names (case-insensitive; the first one present wins):
//! - title: `title`, `headline`
//! - text: `text`, `body`, `content`, `article`, `paragraphs` (JSON: a list of strings, or of lists
//!   of tokens as IndoSum stores them)
//! - date: `date`, `published`, `published_at`, `publish_date`, `datePublished`, `pubDate`
//! - url: `url`, `link`, `source_url`
//! - publisher: `source`, `publisher`, `site`
//! - optional: `section`/`category`, `language`/`lang`

use std::path::Path;

use serde_json::Value;

use super::{html::decode_entities, tidy_text, DateMeta, ImportError, Location, RawArticle};

const TITLE: &[&str] = &["title", "headline"];
const TEXT: &[&str] = &["text", "body", "content", "article", "paragraphs"];
const DATE: &[&str] = &[
    "date",
    "published",
    "published_at",
    "publish_date",
    "datepublished",
    "pubdate",
];
const URL: &[&str] = &["url", "link", "source_url"];
const PUBLISHER: &[&str] = &["source", "publisher", "site"];
const SECTION: &[&str] = &["section", "category"];
const LANGUAGE: &[&str] = &["language", "lang"];

type Parsed = (Vec<RawArticle>, Vec<ImportError>);

pub(super) fn parse_json(content: &str, path: &Path) -> Result<Parsed, ImportError> {
    let value: Value = serde_json::from_str(content).map_err(|e| ImportError::Malformed {
        path: path.to_path_buf(),
        format: "JSON",
        location: Location::Line(e.line() as u64),
        detail: e.to_string(),
    })?;
    let records: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => match map.get("articles").or_else(|| map.get("items")) {
            Some(Value::Array(items)) => items.iter().collect(),
            _ => vec![&value],
        },
        _ => {
            return Err(ImportError::Malformed {
                path: path.to_path_buf(),
                format: "JSON",
                location: Location::File,
                detail: "expected an object or an array of objects".into(),
            })
        }
    };
    let single = records.len() == 1;
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        let source = if single {
            path.display().to_string()
        } else {
            format!("{}#{}", path.display(), i + 1)
        };
        match from_json(record, source) {
            Some(a) => articles.push(a),
            None => errors.push(ImportError::Malformed {
                path: path.to_path_buf(),
                format: "JSON",
                location: Location::Record(i + 1),
                detail: "record is not an object".into(),
            }),
        }
    }
    Ok((articles, errors))
}

pub(super) fn parse_json_lines(content: &str, path: &Path) -> Parsed {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let location = Location::Line(n as u64 + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(v) => match from_json(&v, format!("{}#{}", path.display(), n + 1)) {
                Some(a) => articles.push(a),
                None => errors.push(ImportError::Malformed {
                    path: path.to_path_buf(),
                    format: "JSON Lines",
                    location,
                    detail: "line is not an object".into(),
                }),
            },
            Err(e) => errors.push(ImportError::Malformed {
                path: path.to_path_buf(),
                format: "JSON Lines",
                location,
                detail: e.to_string(),
            }),
        }
    }
    (articles, errors)
}

fn from_json(v: &Value, source: String) -> Option<RawArticle> {
    let map = v.as_object()?;
    let get = |names: &[&str]| -> Option<&Value> {
        names.iter().find_map(|n| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(n))
                .map(|(_, v)| v)
        })
    };
    let string = |names: &[&str]| {
        get(names)
            .and_then(scalar_string)
            .filter(|s| !s.trim().is_empty())
    };
    let mut article = RawArticle {
        source,
        ..Default::default()
    };
    article.title = string(TITLE)
        .map(|s| decode_entities(s.trim()))
        .unwrap_or_default();
    article.text = get(TEXT).map(text_of).unwrap_or_default();
    article.url = string(URL);
    article.publisher = string(PUBLISHER);
    article.section = string(SECTION);
    article.language = string(LANGUAGE);
    article.date_meta = get(DATE).and_then(|v| {
        let field = DATE
            .iter()
            .find(|n| map.keys().any(|k| k.eq_ignore_ascii_case(n)))
            .copied()
            .unwrap_or("date");
        scalar_string(v).map(|value| DateMeta {
            value,
            field: format!("field `{field}`"),
        })
    });
    if article.title.is_empty() {
        article.title = first_words(&article.text, &bylines(&article));
        article.identity_title = Some(identity_title(&article.text));
    }
    Some(article)
}

fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Text from a string, a list of paragraphs, or a list of paragraphs of sentences of tokens.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => tidy_text(s),
        Value::Array(items) => {
            let tokens = items.iter().all(|x| x.is_string());
            let parts: Vec<String> = items
                .iter()
                .map(text_of)
                .filter(|s| !s.is_empty())
                .collect();
            let joined = if tokens && parts.iter().all(|p| !p.contains(' ')) && parts.len() > 1 {
                detokenize(&parts)
            } else {
                parts.join("\n\n")
            };
            // Nested paragraphs come back joined by blank lines at every level; tidy once.
            tidy_text(&joined.replace("\n\n\n\n", "\n\n"))
        }
        _ => String::new(),
    }
}

/// Joins word tokens back into text: no space before closing punctuation or after opening brackets.
fn detokenize(tokens: &[String]) -> String {
    let mut out = String::new();
    let mut open_quote = false;
    for t in tokens {
        let no_space_before = matches!(
            t.as_str(),
            "." | "," | ":" | ";" | "!" | "?" | ")" | "]" | "%" | "'s"
        ) || (t == "\"" && open_quote);
        let after_open =
            out.ends_with('(') || out.ends_with('[') || (out.ends_with('"') && open_quote);
        if !out.is_empty() && !no_space_before && !after_open {
            out.push(' ');
        }
        if t == "\"" {
            open_quote = !open_quote;
        }
        out.push_str(t);
    }
    out
}

/// What `RawArticle::identity_title` takes for an article without a title: the first line's
/// first 12 words (and "…" when there are more), the titles derived before `first_words`.
fn identity_title(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut words: Vec<&str> = line.split_whitespace().take(12).collect();
    if line.split_whitespace().count() > 12 {
        words.push("…");
    }
    words.join(" ")
}

/// The names a lead may open with as its byline: the publisher's and the web address's
/// ("rimanews" of `https://www.rimanews.com/...`), folded as `fold_byline` folds.
fn bylines(article: &RawArticle) -> Vec<String> {
    let host = article.url.as_deref().and_then(|url| {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#', ':']).next()?;
        let labels: Vec<&str> = host.split('.').filter(|l| *l != "www").collect();
        // The name before the public suffix: "kumparan" of kumparan.com, "antaranews" of
        // antaranews.com, "detik" of news.detik.com, "bbc" of bbc.co.uk.
        let short = |l: &str| l.len() <= 3 || matches!(l, "info" | "news");
        labels
            .iter()
            .rev()
            .find(|l| !short(l))
            .map(|l| l.to_string())
    });
    article
        .publisher
        .iter()
        .cloned()
        .chain(host)
        .map(|n| fold_byline(&n))
        .filter(|n| n.len() >= 3)
        .collect()
}

/// Letters and digits, lower-cased: "Suara.com" → "suaracom", "CNN Indonesia" → "cnnindonesia".
fn fold_byline(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title for an article that has none: the first sentence of its first line of prose (a line
/// of at least three words), after a dateline or byline before a dash ("Suara.com - ",
/// "JAKARTA (Pos Kota) – ", "Jakarta, CNN Indonesia -- ", or the publisher's name: `bylines`),
/// at most 12 words.
fn first_words(text: &str, bylines: &[String]) -> String {
    const MAX: usize = 12;
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let wordy = |l: &&str| {
        l.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= 3
    };
    let line = lines()
        .find(wordy)
        .or_else(|| lines().next())
        .unwrap_or_default();
    let words = after_dateline(line.split_whitespace().collect(), bylines);
    let sentence_end = words.iter().take(MAX).enumerate().position(|(i, w)| {
        let bare = w.trim_end_matches(['.', '?', '!', '"', '\'', '”', '’', ')']);
        // "Dr.", "RI.", "U.S." end no sentence.
        i >= 2
            && bare.len() < w.len()
            && w.trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with(['.', '?', '!'])
            && bare.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !bare.contains('.')
            && (bare.chars().count() >= 4 || bare.chars().all(char::is_lowercase))
    });
    match sentence_end {
        Some(i) => {
            let mut title = words[..=i].join(" ");
            if title.ends_with('.') && !title.ends_with("..") {
                title.pop();
            }
            title
        }
        None => {
            let mut title = words
                .iter()
                .take(MAX)
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if words.len() > MAX {
                title.push_str(" …");
            }
            title
        }
    }
}

/// The words after a dateline or byline that opens a lead before a dash: at most six words
/// with a comma, a bracket, a word in capitals, a web address or a byline among them, so a
/// title such as "Jakarta - Bandung rail opens" keeps its first words.
fn after_dateline<'a>(words: Vec<&'a str>, bylines: &[String]) -> Vec<&'a str> {
    let is_dash = |w: &str| matches!(w, "-" | "–" | "—" | "--" | "---");
    // A dash written against a word ("JAKARTA –Presiden", "SPANYOL– Perdana") stands apart.
    let marks: &[char] = &['-', '–', '—'];
    let mut split: Vec<&'a str> = Vec::with_capacity(words.len() + 1);
    for (i, w) in words.iter().copied().enumerate() {
        let (lead, trail) = (w.trim_start_matches(marks), w.trim_end_matches(marks));
        if i < 7 && !lead.is_empty() && lead.len() < w.len() {
            split.extend(["-", lead]);
        } else if i < 7 && !trail.is_empty() && trail.len() < w.len() {
            split.extend([trail, "-"]);
        } else {
            split.push(w);
        }
    }
    let words_as_written = words;
    let words = split;
    let Some(dash) = words.iter().take(7).position(|w| is_dash(w)) else {
        return words_as_written;
    };
    let mut rest = dash + 1;
    while words.get(rest).is_some_and(|w| is_dash(w)) {
        rest += 1;
    }
    let prefix = &words[..dash];
    let dateline = prefix.iter().any(|w| {
        w.contains([',', '(', ')'])
            || (w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !w.chars().any(char::is_lowercase))
            || w.split_once('.')
                .is_some_and(|(a, b)| !a.is_empty() && b.starts_with(char::is_alphabetic))
    }) || {
        let folded = fold_byline(&prefix.concat());
        bylines.iter().any(|b| {
            folded.strip_prefix(b.as_str()).is_some_and(|rest| {
                matches!(
                    rest,
                    "" | "com" | "coid" | "id" | "net" | "org" | "news" | "online"
                )
            })
        })
    };
    if dash == 0 || !dateline || words.len() < rest + 2 {
        return words_as_written;
    }
    words[rest..].to_vec()
}

pub(super) fn parse_csv(content: &str, path: &Path) -> Result<Parsed, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(content.as_bytes());
    let malformed = |location, detail: String| ImportError::Malformed {
        path: path.to_path_buf(),
        format: "CSV",
        location,
        detail,
    };
    let headers = reader
        .headers()
        .map_err(|e| malformed(Location::Line(1), e.to_string()))?
        .clone();
    let column = |names: &[&str]| {
        names.iter().find_map(|n| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(n))
        })
    };
    let text_col = column(TEXT).ok_or_else(|| {
        malformed(
            Location::Line(1),
            format!(
                "no text column in the header (expected one of: {})",
                TEXT.join(", ")
            ),
        )
    })?;
    let (title_col, date_col, url_col, pub_col) =
        (column(TITLE), column(DATE), column(URL), column(PUBLISHER));
    let (section_col, lang_col) = (column(SECTION), column(LANGUAGE));
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(i as u64 + 2, |p| p.line());
                errors.push(malformed(Location::Line(line), e.to_string()));
                // A CSV error other than a bad row length leaves the reader unsynchronised.
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
                continue;
            }
        };
        let field = |c: Option<usize>| {
            c.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let line = record.position().map_or(i as u64 + 2, |p| p.line());
        let mut a = RawArticle {
            source: format!("{}:{}", path.display(), line),
            ..Default::default()
        };
        a.text = tidy_text(record.get(text_col).unwrap_or_default());
        a.title = field(title_col).unwrap_or_else(|| {
            a.identity_title = Some(identity_title(&a.text));
            first_words(&a.text, &bylines(&a))
        });
        a.url = field(url_col);
        a.publisher = field(pub_col);
        a.section = field(section_col);
        a.language = field(lang_col);
        a.date_meta = field(date_col).map(|value| DateMeta {
            value,
            field: format!("column `{}`", &headers[date_col.unwrap_or(0)]),
        });
        if a.text.is_empty() {
            errors.push(ImportError::NoText {
                path: path.to_path_buf(),
                location: Location::Line(line),
            });
            continue;
        }
        articles.push(a);
    }
    Ok((articles, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_gives_one_article_per_record() {
        let json = r#"[{"title":"A","text":"Satu.","date":"2022-03-01","url":"http://x/a","source":"Antara"},
                       {"headline":"B","body":"Dua.","published_at":"2022-03-02T10:00:00Z"}, 7]"#;
        let (articles, errors) = parse_json(json, Path::new("a.json")).unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].publisher.as_deref(), Some("Antara"));
        assert_eq!(
            articles[1].date_meta.as_ref().unwrap().value,
            "2022-03-02T10:00:00Z"
        );
        assert_eq!(articles[1].source, "a.json#2");
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "a.json#3: malformed JSON: record is not an object"
        );
    }

    #[test]
    fn broken_json_names_file_and_line() {
        let err = parse_json("{\"title\": \"A\",\n \"text\": ", Path::new("bad.json")).unwrap_err();
        assert!(
            err.to_string().starts_with("bad.json:2: malformed JSON"),
            "{err}"
        );
    }

    #[test]
    fn indosum_token_paragraphs_are_joined_into_text() {
        let json = r#"{"title":"T","paragraphs":[[["Jakarta",",","CNN","Indonesia","--","Presiden","(","RI",")","datang","."]]]}"#;
        let (articles, _) = parse_json(json, Path::new("i.json")).unwrap();
        assert_eq!(
            articles[0].text,
            "Jakarta, CNN Indonesia -- Presiden (RI) datang."
        );
    }

    #[test]
    fn a_derived_title_is_the_lead_sentence_without_its_dateline() {
        for (text, title) in [
            (
                "Suara.com - Cerita sekuel terbaru James Bond bocor. Menurut sumber yang terlibat.",
                "Cerita sekuel terbaru James Bond bocor",
            ),
            // A byline alone on the first line is skipped.
            (
                "Suara.com - ,\nMenteri Keuangan Sri Mulyani didaulat menjadi menteri terbaik.",
                "Menteri Keuangan Sri Mulyani didaulat menjadi menteri terbaik",
            ),
            (
                "JAKARTA (Pos Kota) – Kepolisian sampai saat ini belum memeriksa artis Sheila Marcia dan rekannya Melodya Vanesha yang terlibat",
                "Kepolisian sampai saat ini belum memeriksa artis Sheila Marcia dan rekannya Melodya …",
            ),
            (
                "Jakarta, CNN Indonesia - - Politikus Gerindra menilai wajar.",
                "Politikus Gerindra menilai wajar",
            ),
            (
                "WASHINGTON (Reuters) - The U.S. Senate voted on Tuesday. More later.",
                "The U.S. Senate voted on Tuesday",
            ),
            // No dateline: the words before a dash stay, and "Dr." ends no sentence.
            (
                "Jakarta - Bandung rail line opens to Dr. Smith's delight today.",
                "Jakarta - Bandung rail line opens to Dr. Smith's delight today",
            ),
            ("Short.", "Short."),
            // A dash written against a word.
            (
                "JAKARTA (Pos Kota) –Presiden Joko Widodo mengaku sudah mengingatkan menteri.",
                "Presiden Joko Widodo mengaku sudah mengingatkan menteri",
            ),
            (
                "SPANYOL– Perdana Menteri Spanyol Mariano Rajoy mengatakan itu.",
                "Perdana Menteri Spanyol Mariano Rajoy mengatakan itu",
            ),
            ("Kupang (ANTARA News) -Ketua Umum tiba.", "Ketua Umum tiba"),
            ("Go-Jek resmikan layanan digital terbaru.", "Go-Jek resmikan layanan digital terbaru"),
        ] {
            assert_eq!(first_words(text, &[]), title, "{text}");
        }
    }

    #[test]
    fn a_lead_opening_with_the_publishers_name_loses_it_in_the_title() {
        let json = r#"{"text": "Rimanews - Dinas Pariwisata menargetkan pebalap dari 30 negara.", "source_url": "https://www.rimanews.com/berita/1"}
{"text": "Kumparan - Dinas Pariwisata menargetkan pebalap.", "source": "kumparan"}
{"text": "Rimanews - Dinas Pariwisata menargetkan pebalap.", "source": "kumparan"}"#;
        let (articles, _) = parse_json_lines(json, Path::new("l.jsonl"));
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Dinas Pariwisata menargetkan pebalap dari 30 negara",
                "Dinas Pariwisata menargetkan pebalap",
                // Another publisher's name is not taken for a byline.
                "Rimanews - Dinas Pariwisata menargetkan pebalap",
            ]
        );
        assert_eq!(
            articles[0].identity_title.as_deref(),
            Some("Rimanews - Dinas Pariwisata menargetkan pebalap dari 30 negara.")
        );
    }

    #[test]
    fn jsonl_keeps_good_lines_and_reports_bad_ones() {
        let (articles, errors) = parse_json_lines(
            "{\"title\":\"A\",\"text\":\"x\"}\nnot json\n\n{\"text\":\"y\"}\n",
            Path::new("f.jsonl"),
        );
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].title, "y");
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .to_string()
            .starts_with("f.jsonl:2: malformed JSON Lines"));
    }

    #[test]
    fn csv_with_quotes_commas_and_newlines() {
        let csv = "Title,Text,Date,URL\n\"Putin, again\",\"Line one\nline \"\"two\"\"\",2022-03-01,http://x\nshort\n";
        let (articles, errors) = parse_csv(csv, Path::new("t.csv")).unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].title, "Putin, again");
        assert_eq!(articles[0].text, "Line one\nline \"two\"");
        assert_eq!(
            articles[0].date_meta.as_ref().unwrap().field,
            "column `Date`"
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].to_string().starts_with("t.csv:4: malformed CSV"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn csv_without_text_column_is_refused() {
        let err = parse_csv("title,date\nA,2022\n", Path::new("t.csv")).unwrap_err();
        assert!(err.to_string().contains("no text column"));
    }
}
