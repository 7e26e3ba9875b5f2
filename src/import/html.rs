//! HTML pages: main text, title, publisher, and the published time from `<meta>` tags or JSON-LD.
//!
//! A small forgiving tokenizer rather than a full HTML5 parser: broken markup still yields text,
//! and the only structure we need is which element a text run sits in.

use super::{tidy_text, DateMeta, RawArticle};

/// Elements whose text is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "figcaption",
];
/// Elements that end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "pre",
    "main",
    "ul",
    "ol",
    "table",
];
/// Meta fields that carry the publication time, best first.
const DATE_FIELDS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
];

/// What a page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlPage {
    pub title: Option<String>,
    pub h1: Option<String>,
    pub metas: Vec<(String, String)>,
    pub json_ld: Vec<serde_json::Value>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    /// Paragraphs inside `<article>` (or `<main>`), when the page has one.
    pub article_blocks: Vec<String>,
    /// All paragraphs outside skipped elements.
    pub blocks: Vec<String>,
}

impl HtmlPage {
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }
}

pub(super) fn parse(content: &str, source: &str) -> RawArticle {
    let page = scan(content);
    let mut article = RawArticle {
        source: source.to_string(),
        ..Default::default()
    };
    let ld = page
        .json_ld
        .iter()
        .flat_map(json_ld_articles)
        .collect::<Vec<_>>();
    let ld_str = |key: &str| {
        ld.iter()
            .find_map(|v| v.get(key).and_then(|x| x.as_str()).map(str::to_string))
    };

    article.title = page
        .meta("og:title")
        .map(str::to_string)
        .or_else(|| ld_str("headline"))
        .or_else(|| page.h1.clone())
        .or_else(|| page.title.clone())
        .unwrap_or_default();
    article.publisher = page.meta("og:site_name").map(str::to_string).or_else(|| {
        ld.iter().find_map(|v| {
            v.get("publisher")?
                .get("name")?
                .as_str()
                .map(str::to_string)
        })
    });
    article.url = page
        .meta("og:url")
        .map(str::to_string)
        .or_else(|| page.canonical.clone())
        .or_else(|| ld_str("url"));
    article.section = page
        .meta("article:section")
        .map(str::to_string)
        .or_else(|| ld_str("articleSection"));
    article.language = page.lang.clone().or_else(|| ld_str("inLanguage"));
    article.date_meta = DATE_FIELDS
        .iter()
        .find_map(|f| {
            page.meta(f).map(|v| DateMeta {
                value: v.trim().to_string(),
                field: format!("<meta {f}>"),
            })
        })
        .or_else(|| {
            ld_str("datePublished").map(|v| DateMeta {
                value: v,
                field: "JSON-LD datePublished".into(),
            })
        });

    let body = ld_str("articleBody").filter(|b| b.len() > 200);
    let blocks = if page.article_blocks.iter().map(String::len).sum::<usize>() > 200 {
        &page.article_blocks
    } else {
        &page.blocks
    };
    let mut text = body.unwrap_or_else(|| {
        blocks
            .iter()
            .filter(|b| !b.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    });
    // The page title often opens the text too; keep the text as the body only.
    if let Some(rest) = text.strip_prefix(article.title.as_str()) {
        if !article.title.is_empty() {
            text = rest.trim_start().to_string();
        }
    }
    article.text = tidy_text(&text);
    article
}

/// The charset an HTML page declares in its first kilobytes, if any.
pub(super) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

fn json_ld_articles(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    match v {
        serde_json::Value::Array(items) => items.iter().flat_map(json_ld_articles).collect(),
        serde_json::Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                return json_ld_articles(graph);
            }
            let is_article = map.get("@type").is_some_and(|t| {
                let names: Vec<&str> = match t {
                    serde_json::Value::String(s) => vec![s.as_str()],
                    serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                    _ => vec![],
                };
                names
                    .iter()
                    .any(|n| n.ends_with("Article") || *n == "BlogPosting" || *n == "Report")
            });
            if is_article {
                vec![v]
            } else {
                vec![]
            }
        }
        _ => vec![],
    }
}

/// Tokenizes `content` into an [`HtmlPage`].
pub fn scan(content: &str) -> HtmlPage {
    let mut page = HtmlPage::default();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut article_depth = 0usize;
    let mut in_title = false;
    let mut in_h1 = false;
    let mut title = String::new();
    let mut h1 = String::new();
    let mut block = String::new();
    let mut article_block = String::new();

    let bytes = content.as_bytes();
    let mut i = 0;
    let flush = |page: &mut HtmlPage, block: &mut String, article_block: &mut String| {
        let b = collapse(block);
        if !b.is_empty() {
            page.blocks.push(b);
        }
        let a = collapse(article_block);
        if !a.is_empty() {
            page.article_blocks.push(a);
        }
        block.clear();
        article_block.clear();
    };
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if content[i..].starts_with("<!--") {
                i = content[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                continue;
            }
            let Some(end) = find_tag_end(content, i) else {
                break;
            };
            let raw = &content[i + 1..end];
            i = end + 1;
            let (closing, name, attrs) = parse_tag(raw);
            if name.is_empty() {
                continue;
            }
            // Raw-text elements: jump to their end tag.
            if !closing && (name == "script" || name == "style") {
                let close = format!("</{name}");
                let stop = find_ci(content, i, &close).unwrap_or(bytes.len());
                if name == "script"
                    && attr(&attrs, "type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                {
                    // Broken JSON-LD is ignored: the page's other metadata still counts.
                    if let Ok(v) =
                        serde_json::from_str::<serde_json::Value>(content[i..stop].trim())
                    {
                        page.json_ld.push(v);
                    }
                }
                i = content[stop..]
                    .find('>')
                    .map_or(bytes.len(), |e| stop + e + 1);
                continue;
            }
            match (closing, name.as_str()) {
                (false, "html") => page.lang = attr(&attrs, "lang").map(str::to_string),
                (false, "meta") => {
                    let key = attr(&attrs, "property")
                        .or_else(|| attr(&attrs, "name"))
                        .or_else(|| attr(&attrs, "itemprop"));
                    if let (Some(k), Some(v)) = (key, attr(&attrs, "content")) {
                        page.metas.push((k.to_string(), decode_entities(v)));
                    }
                }
                (false, "link")
                    if attr(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    page.canonical = attr(&attrs, "href").map(str::to_string);
                }
                (false, "title") => in_title = true,
                (true, "title") => in_title = false,
                (false, "h1") => in_h1 = page.h1.is_none(),
                (true, "h1") => {
                    if in_h1 && !collapse(&h1).is_empty() {
                        page.h1 = Some(collapse(&h1));
                    }
                    in_h1 = false;
                }
                (false, "article") | (false, "main") => article_depth += 1,
                (true, "article") | (true, "main") => {
                    article_depth = article_depth.saturating_sub(1)
                }
                _ => {}
            }
            if SKIPPED.contains(&name.as_str()) && !raw.trim_end().ends_with('/') {
                if closing {
                    if let Some(pos) = skip_depth.iter().rposition(|n| *n == name) {
                        skip_depth.truncate(pos);
                    }
                } else {
                    skip_depth.push(name.clone());
                }
            }
            if BLOCKS.contains(&name.as_str()) {
                flush(&mut page, &mut block, &mut article_block);
            }
        } else {
            let next = content[i..].find('<').map_or(bytes.len(), |e| i + e);
            let chunk = decode_entities(&content[i..next]);
            if in_title {
                title.push_str(&chunk);
            }
            if in_h1 {
                h1.push_str(&chunk);
            }
            if skip_depth.is_empty() && !in_title {
                block.push_str(&chunk);
                if article_depth > 0 {
                    article_block.push_str(&chunk);
                }
            }
            i = next;
        }
    }
    flush(&mut page, &mut block, &mut article_block);
    let t = collapse(&title);
    page.title = (!t.is_empty()).then_some(t);
    page
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds the `>` closing a tag opened at `start`, skipping quoted attribute values.
fn find_tag_end(content: &str, start: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (off, &b) in content.as_bytes()[start + 1..].iter().enumerate() {
        match (quote, b) {
            (Some(q), c) if c == q => quote = None,
            (None, b'"') | (None, b'\'') => quote = Some(b),
            (None, b'>') => return Some(start + 1 + off),
            _ => {}
        }
    }
    None
}

fn find_ci(content: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = content.as_bytes();
    let n = needle.as_bytes();
    (from..hay.len().saturating_sub(n.len() - 1))
        .find(|&p| hay[p..p + n.len()].eq_ignore_ascii_case(n))
}

fn parse_tag(raw: &str) -> (bool, String, Vec<(String, String)>) {
    let raw = raw.trim();
    let (closing, raw) = match raw.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, raw),
    };
    if raw.starts_with('!') || raw.starts_with('?') {
        return (closing, String::new(), vec![]);
    }
    let name_end = raw
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(raw.len());
    let name = raw[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = &raw[name_end..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            if let Some(q) = r.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = &r[1..];
                let end = body.find(q).unwrap_or(body.len());
                value = body[..end].to_string();
                rest = body.get(end + 1..).unwrap_or("");
            } else {
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
                value = r[..end].to_string();
                rest = &r[end..];
            }
        }
        if key.is_empty() {
            // Garbage such as a stray quote: skip one character and go on.
            let mut chars = rest.chars();
            chars.next();
            rest = chars.as_str();
            continue;
        }
        attrs.push((key, value));
    }
    (closing, name, attrs)
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Decodes character references: numeric ones and the named ones news pages use.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|e| e + 1);
        let decoded = end
            .filter(|&e| rest.as_bytes().get(e) == Some(&b';'))
            .and_then(|e| {
                let name = &rest[1..e];
                let ch = if let Some(num) =
                    name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                {
                    u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
                } else if let Some(num) = name.strip_prefix('#') {
                    num.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    named_entity(name)
                };
                ch.map(|c| (c, e + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "middot" => '·',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Kremlin bicara - Situs</title>
<meta property="og:title" content="Kremlin: Terlalu Cepat &amp; Dini">
<meta property="og:site_name" content="Gatra.com">
<meta property="article:published_time" content="2022-03-01T10:20:00+07:00">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-02-28"}</script>
<script>var x = "<p>not text</p>";</script>
</head><body><nav><a href="/">Home</a> <p>Menu</p></nav>
<article><h1>Kremlin: Terlalu Cepat &amp; Dini</h1><p>Moskow, Gatra.com - Kremlin mengatakan terlalu dini untuk menarik kesimpulan dari putaran pertama pembicaraan yang diadakan dengan Ukraina.</p>
<p>Juru bicara Kremlin Dmitry Peskov mengatakan&nbsp;hal itu, Selasa (1/3). Paragraf ini cukup panjang untuk dihitung sebagai isi utama artikel.</p></article>
<footer><p>© Gatra</p></footer></body></html>"#;

    #[test]
    fn page_gives_title_text_publisher_date_and_language() {
        let a = parse(PAGE, "p.html");
        assert_eq!(a.title, "Kremlin: Terlalu Cepat & Dini");
        assert_eq!(a.publisher.as_deref(), Some("Gatra.com"));
        assert_eq!(a.language.as_deref(), Some("id"));
        let date = a.date_meta.unwrap();
        assert_eq!(date.value, "2022-03-01T10:20:00+07:00");
        assert_eq!(date.field, "<meta article:published_time>");
        assert!(
            a.text.starts_with("Moskow, Gatra.com - Kremlin"),
            "{}",
            a.text
        );
        assert!(a.text.contains("mengatakan hal itu, Selasa (1/3)."));
        assert!(
            !a.text.contains("Menu") && !a.text.contains("not text") && !a.text.contains("© Gatra")
        );
    }

    #[test]
    fn json_ld_date_is_used_without_meta_tags() {
        let a = parse(
            r#"<script type="application/ld+json">[{"@graph":[{"@type":"NewsArticle","datePublished":"2021-05-02"}]}]</script><p>Teks.</p>"#,
            "p.html",
        );
        assert_eq!(a.date_meta.unwrap().field, "JSON-LD datePublished");
    }

    #[test]
    fn broken_markup_still_yields_text() {
        let a = parse(
            "<html><body><p>Satu <b>dua<p>tiga <a href='x>empat</body",
            "b.html",
        );
        assert!(a.text.contains("Satu dua"), "{}", a.text);
    }

    #[test]
    fn entities_decode_and_unknown_ones_stay() {
        assert_eq!(
            decode_entities("a &amp; b &#8212; &#x41; &bogus; &"),
            "a & b — A &bogus; &"
        );
    }

    #[test]
    fn charset_is_read_from_meta() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1252\">").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>"
            )
            .as_deref(),
            Some("iso-8859-1")
        );
    }
}
