//! RSS 2.0 and Atom feed files: each item or entry is an article.

use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{html, tidy_text, DateMeta, ImportError, Location, RawArticle};

/// The encoding an XML declaration names, if any.
pub(super) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let decl = &head[head.find("<?xml")?..head.find("?>")?];
    let at = decl.find("encoding=")? + "encoding=".len();
    let rest = decl[at..].trim_start_matches(['"', '\'']);
    let end = rest.find(['"', '\'']).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

#[derive(Default)]
struct Item {
    title: String,
    link: Option<String>,
    description: String,
    content: String,
    date: Option<DateMeta>,
    author: Option<String>,
}

pub(super) fn parse(
    content: &str,
    path: &Path,
) -> Result<(Vec<RawArticle>, Vec<ImportError>), ImportError> {
    let mut reader = Reader::from_str(content);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<String> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut current: Option<Item> = None;
    let mut channel_title = String::new();
    let mut saw_root = false;
    loop {
        let event = reader.read_event().map_err(|e| ImportError::Malformed {
            path: path.to_path_buf(),
            format: "RSS/Atom",
            location: Location::Line(line_of(content, reader.error_position() as usize)),
            detail: e.to_string(),
        })?;
        match event {
            Event::Start(e) => {
                let name = local(e.name().as_ref());
                if matches!(name.as_str(), "rss" | "feed" | "rdf") {
                    saw_root = true;
                }
                if name == "item" || name == "entry" {
                    current = Some(Item::default());
                }
                if name == "link" {
                    if let Some(item) = current.as_mut() {
                        set_atom_link(item, &e);
                    }
                }
                stack.push(name);
            }
            Event::Empty(e) if local(e.name().as_ref()) == "link" => {
                if let Some(item) = current.as_mut() {
                    set_atom_link(item, &e);
                }
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if name == "item" || name == "entry" {
                    if let Some(item) = current.take() {
                        items.push(item);
                    }
                }
            }
            Event::Text(t) => {
                let text = t
                    .xml_content()
                    .map(|c| c.into_owned())
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned());
                push_text(&stack, current.as_mut(), &mut channel_title, &text);
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let text = html::decode_entities(&format!("&{name};"));
                push_text(&stack, current.as_mut(), &mut channel_title, &text);
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).into_owned();
                push_text(&stack, current.as_mut(), &mut channel_title, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(ImportError::Malformed {
            path: path.to_path_buf(),
            format: "RSS/Atom",
            location: Location::File,
            detail: "no <rss> or <feed> element".into(),
        });
    }
    let channel_title = channel_title.trim().to_string();
    let articles = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let body = if item.content.trim().is_empty() {
                &item.description
            } else {
                &item.content
            };
            // Feed bodies are HTML more often than not.
            let text = if body.contains('<') {
                html::scan(body).blocks.join("\n\n")
            } else {
                html::decode_entities(body)
            };
            RawArticle {
                title: tidy_text(&item.title),
                text: tidy_text(&text),
                url: item.link,
                publisher: (!channel_title.is_empty())
                    .then(|| channel_title.clone())
                    .or(item.author),
                date_meta: item.date,
                source: format!("{}#{}", path.display(), i + 1),
                ..Default::default()
            }
        })
        .collect();
    Ok((articles, vec![]))
}

fn push_text(stack: &[String], item: Option<&mut Item>, channel_title: &mut String, text: &str) {
    let Some(field) = stack.last() else { return };
    match item {
        Some(item) => match field.as_str() {
            "title" => item.title.push_str(text),
            "link" => {
                item.link = Some(format!(
                    "{}{}",
                    item.link.take().unwrap_or_default(),
                    text.trim()
                ))
            }
            "description" | "summary" => item.description.push_str(text),
            "encoded" | "content" => item.content.push_str(text),
            "pubdate" | "published" | "updated" | "date" => {
                let field_name = match field.as_str() {
                    "pubdate" => "RSS pubDate",
                    "published" => "Atom published",
                    "updated" => "Atom updated",
                    _ => "dc:date",
                };
                // `published` wins over `updated`.
                if item.date.as_ref().is_none_or(|d| d.field == "Atom updated")
                    && !text.trim().is_empty()
                {
                    item.date = Some(DateMeta {
                        value: text.trim().to_string(),
                        field: field_name.into(),
                    });
                }
            }
            "name" | "creator" | "author" => item.author = Some(text.trim().to_string()),
            _ => {}
        },
        None if field == "title" && stack.len() <= 3 => channel_title.push_str(text),
        None => {}
    }
}

fn set_atom_link(item: &mut Item, e: &quick_xml::events::BytesStart<'_>) {
    let mut href = None;
    let mut rel = None;
    for a in e.attributes().flatten() {
        let value = String::from_utf8_lossy(&a.value).into_owned();
        match a.key.as_ref() {
            b"href" => href = Some(value),
            b"rel" => rel = Some(value),
            _ => {}
        }
    }
    if let Some(href) = href {
        if rel.as_deref().is_none_or(|r| r == "alternate") && item.link.is_none() {
            item.link = Some(href);
        }
    }
}

fn local(name: &[u8]) -> String {
    let s = String::from_utf8_lossy(name).to_ascii_lowercase();
    s.rsplit(':').next().unwrap_or_default().to_string()
}

fn line_of(content: &str, offset: usize) -> u64 {
    content.as_bytes()[..offset.min(content.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Antara</title>
<item><title>Satu &amp; dua</title><link>http://a/1</link><pubDate>Tue, 01 Mar 2022 10:00:00 +0700</pubDate>
<description><![CDATA[<p>Ringkas.</p>]]></description><content:encoded><![CDATA[<p>Isi <b>penuh</b>.</p><script>x</script>]]></content:encoded></item>
<item><title>Kedua</title><description>Teks kedua.</description></item></channel></rss>"#;
        let (articles, errors) = parse(rss, Path::new("f.rss")).unwrap();
        assert!(errors.is_empty());
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title, "Satu & dua");
        assert_eq!(articles[0].text, "Isi penuh.");
        assert_eq!(articles[0].publisher.as_deref(), Some("Antara"));
        assert_eq!(articles[0].date_meta.as_ref().unwrap().field, "RSS pubDate");
        assert_eq!(articles[1].text, "Teks kedua.");
        assert_eq!(articles[1].source, "f.rss#2");
    }

    #[test]
    fn atom_entries_become_articles() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><title>T</title>
<link rel="alternate" href="http://w/1"/><updated>2022-03-02T00:00:00Z</updated><published>2022-03-01T00:00:00Z</published>
<content type="html">&lt;p&gt;Body text.&lt;/p&gt;</content></entry></feed>"#;
        let (articles, _) = parse(atom, Path::new("f.atom")).unwrap();
        assert_eq!(articles[0].url.as_deref(), Some("http://w/1"));
        assert_eq!(
            articles[0].date_meta.as_ref().unwrap().value,
            "2022-03-01T00:00:00Z"
        );
        assert_eq!(articles[0].text, "Body text.");
    }

    #[test]
    fn broken_feed_names_the_line() {
        let err = parse(
            "<rss><channel>\n<item><title>x</wrong></item></channel></rss>",
            Path::new("b.rss"),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("b.rss:2: malformed RSS/Atom"),
            "{err}"
        );
    }

    #[test]
    fn declared_encoding_is_read() {
        assert_eq!(
            declared_charset(b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>").as_deref(),
            Some("iso-8859-1")
        );
    }
}
