//! TimeML in and out, for scoring with TempEval-3 tools, and MEANTIME's CAT XML in.
//!
//! Reading keeps the document's text exactly as written between `<TEXT>` and `</TEXT>` (tags
//! removed, character references untouched), so writing it back with `<TIMEX3>` tags inserted
//! leaves the text byte-identical.

use chrono::NaiveDate;
use thiserror::Error;

use crate::model::{Span, TimeExpr};

/// A time expression from gold annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    pub span: Span,
    pub timex_type: String,
    pub value: String,
}

/// A TimeML (or CAT) document: the text to tag, its creation time, and any gold TIMEX3s in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    /// Everything before the text (XML declaration, DOCID, DCT...), written back unchanged.
    pub head: String,
    pub text: String,
    pub tail: String,
    pub dct: Option<NaiveDate>,
    pub gold: Vec<GoldTimex>,
    /// TimeML documents: the spans of gold `<EVENT>` tags (empty for CAT, whose events
    /// `events::eval` reads itself).
    pub gold_events: Vec<Span>,
    /// CAT documents: each token's span in `text`, by token id (empty for TimeML).
    pub token_spans: std::collections::HashMap<String, Span>,
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum TimemlError {
    #[error("unclosed tag at byte {0}")]
    UnclosedTag(usize),
    #[error("<TEXT> is opened but never closed")]
    UnclosedText,
    #[error("CAT document: {0}")]
    Cat(String),
}

/// An attribute's value in an opening tag (`name` preceded by a space, so `type` is not
/// `syntactic_type`).
pub(crate) fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!(" {name}=\"");
    let at = tag.find(&pat)? + pat.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

fn dct_value(head: &str) -> Option<NaiveDate> {
    // The DCT is the TIMEX3 inside <DCT>, or any TIMEX3 with functionInDocument="CREATION_TIME".
    let mut from = 0;
    while let Some(i) = head[from..].find("<TIMEX3") {
        let start = from + i;
        let end = head[start..].find('>')? + start;
        let tag = &head[start..end];
        let in_dct = head[..start]
            .rfind("<DCT>")
            .is_some_and(|d| head[d..start].find("</DCT>").is_none());
        if in_dct || tag.contains("CREATION_TIME") {
            return attr(tag, "value").and_then(|v| super::parse_date(&v));
        }
        from = end;
    }
    None
}

/// Parses TimeML: the text inside `<TEXT>` (or the whole input when it has no `<TEXT>`, as plain
/// text), with gold TIMEX3 spans, other tags dropped.
pub fn parse(content: &str) -> Result<TimemlDoc, TimemlError> {
    let Some(open) = content.find("<TEXT>") else {
        return Ok(TimemlDoc {
            head: String::new(),
            text: content.to_string(),
            tail: String::new(),
            dct: None,
            gold: vec![],
            gold_events: vec![],
            token_spans: Default::default(),
        });
    };
    let inner_start = open + "<TEXT>".len();
    let close = content[inner_start..]
        .find("</TEXT>")
        .map(|i| inner_start + i)
        .ok_or(TimemlError::UnclosedText)?;
    let head = &content[..inner_start];
    let inner = &content[inner_start..close];
    let mut text = String::with_capacity(inner.len());
    let mut gold = Vec::new();
    let mut open_timex: Option<(usize, String, String)> = None;
    let mut gold_events = Vec::new();
    let mut open_event: Option<usize> = None;
    let mut i = 0;
    while i < inner.len() {
        let rest = &inner[i..];
        if rest.starts_with('<') {
            let end = rest
                .find('>')
                .ok_or(TimemlError::UnclosedTag(inner_start + i))?;
            let tag = &rest[..=end];
            if tag.starts_with("<TIMEX3") {
                let t = attr(tag, "type").unwrap_or_default();
                let v = attr(tag, "value").unwrap_or_default();
                open_timex = Some((text.len(), t, v));
            } else if tag.starts_with("<EVENT") {
                open_event = Some(text.len());
            } else if tag.starts_with("</EVENT") {
                if let Some(s) = open_event.take() {
                    gold_events.push(Span::new(s, text.len()));
                }
            } else if tag.starts_with("</TIMEX3") {
                if let Some((s, t, v)) = open_timex.take() {
                    gold.push(GoldTimex {
                        span: Span::new(s, text.len()),
                        timex_type: t,
                        value: v,
                    });
                }
            }
            i += end + 1;
        } else {
            let next = rest.find('<').unwrap_or(rest.len());
            text.push_str(&rest[..next]);
            i += next;
        }
    }
    Ok(TimemlDoc {
        head: head.to_string(),
        text,
        tail: content[close..].to_string(),
        dct: dct_value(head),
        gold,
        gold_events,
        token_spans: Default::default(),
    })
}

/// Writes the document back with `timexes` inserted as `<TIMEX3 tid type value>` tags; the text
/// between the tags is exactly `doc.text`.
pub fn write(doc: &TimemlDoc, timexes: &[TimeExpr]) -> String {
    let mut out = String::with_capacity(doc.head.len() + doc.text.len() * 2 + doc.tail.len());
    out.push_str(&doc.head);
    let mut at = 0;
    let mut sorted: Vec<&TimeExpr> = timexes.iter().collect();
    sorted.sort_by_key(|t| t.span.start);
    for (n, t) in sorted.iter().enumerate() {
        if t.span.start < at || t.span.end > doc.text.len() {
            continue;
        }
        out.push_str(&doc.text[at..t.span.start]);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">",
            n + 1,
            t.timex_type.as_str(),
            xml_escape(&t.value)
        ));
        out.push_str(&doc.text[t.span.start..t.span.end]);
        out.push_str("</TIMEX3>");
        at = t.span.end;
    }
    out.push_str(&doc.text[at..]);
    out.push_str(&doc.tail);
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Reads a NewsReader CAT document (MEANTIME): tokens joined by spaces, one sentence per line,
/// TIMEX3 markables mapped onto that text, the creation time from the CREATION_TIME timex.
/// MEANTIME annotates only the first sentences of each article, so the text stops after the
/// last sentence that holds any annotation: the rest would count correct tags as spurious.
pub fn parse_cat(content: &str) -> Result<TimemlDoc, TimemlError> {
    let sentence_of: std::collections::HashMap<&str, u32> = content
        .match_indices("<token ")
        .filter_map(|(i, _)| {
            let tag = &content[i..i + content[i..].find('>')?];
            let id = tag.split("t_id=\"").nth(1)?.split('"').next()?;
            let sentence = tag
                .split("sentence=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()?;
            Some((id, sentence))
        })
        .collect();
    let last_annotated = content
        .match_indices("<token_anchor t_id=\"")
        .filter_map(|(i, m)| {
            let id = content[i + m.len()..].split('"').next()?;
            sentence_of.get(id).copied()
        })
        .max();
    let mut text = String::new();
    let mut token_spans: std::collections::HashMap<String, Span> = std::collections::HashMap::new();
    let mut last_sentence: Option<String> = None;
    let mut from = 0;
    while let Some(i) = content[from..].find("<token ") {
        let start = from + i;
        let tag_end = content[start..]
            .find('>')
            .ok_or(TimemlError::UnclosedTag(start))?
            + start;
        let tag = &content[start..tag_end];
        let close = content[tag_end..]
            .find("</token>")
            .ok_or(TimemlError::UnclosedTag(start))?
            + tag_end;
        let word = crate::import::decode_entities(&content[tag_end + 1..close]);
        let sentence = attr(tag, "sentence");
        let number = sentence.as_deref().and_then(|n| n.parse::<u32>().ok());
        if let (Some(n), Some(last)) = (number, last_annotated) {
            if n > last {
                break;
            }
        }
        if !text.is_empty() {
            text.push(if sentence != last_sentence { '\n' } else { ' ' });
        }
        last_sentence = sentence;
        let id = attr(tag, "t_id")
            .ok_or_else(|| TimemlError::Cat(format!("token without t_id at byte {start}")))?;
        token_spans.insert(id, Span::new(text.len(), text.len() + word.len()));
        text.push_str(&word);
        from = close;
    }
    let mut gold = Vec::new();
    let mut dct = None;
    let mut from = 0;
    while let Some(i) = content[from..].find("<TIMEX3 ") {
        let start = from + i;
        let close = content[start..]
            .find("</TIMEX3>")
            .map_or(content.len(), |c| start + c);
        let block = &content[start..close];
        let tag = &block[..block.find('>').unwrap_or(block.len())];
        let value = attr(tag, "value").unwrap_or_default();
        if tag.contains("CREATION_TIME") {
            dct = super::parse_date(&value);
        }
        let spans: Vec<Span> = block
            .match_indices("t_id=\"")
            .filter_map(|(j, _)| {
                let id_start = j + "t_id=\"".len();
                let id = &block[id_start..id_start + block[id_start..].find('"')?];
                token_spans.get(id).copied()
            })
            .collect();
        if let (Some(first), Some(last)) = (
            spans.iter().map(|s| s.start).min(),
            spans.iter().map(|s| s.end).max(),
        ) {
            gold.push(GoldTimex {
                span: Span::new(first, last),
                timex_type: attr(tag, "type").unwrap_or_default(),
                value,
            });
        }
        from = close.max(start + 1);
    }
    gold.sort_by_key(|g| g.span.start);
    Ok(TimemlDoc {
        head: String::new(),
        text,
        tail: String::new(),
        dct,
        gold,
        gold_events: vec![],
        token_spans,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-03-01\" functionInDocument=\"CREATION_TIME\">2022-03-01</TIMEX3></DCT>\n<TEXT>\nPejabat bertemu pada <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-02-28\">hari Senin</TIMEX3> &amp; <EVENT eid=\"e1\">lagi</EVENT>.\n</TEXT>\n</TimeML>\n";

    #[test]
    fn reads_text_dct_and_gold() {
        let doc = parse(DOC).unwrap();
        assert_eq!(doc.dct, "2022-03-01".parse().ok());
        assert_eq!(doc.text, "\nPejabat bertemu pada hari Senin &amp; lagi.\n");
        assert_eq!(doc.gold.len(), 1);
        assert_eq!(doc.gold[0].span.slice(&doc.text), Some("hari Senin"));
        assert_eq!(doc.gold[0].value, "2022-02-28");
    }

    #[test]
    fn writing_back_keeps_the_text_byte_identical() {
        let doc = parse(DOC).unwrap();
        let tags = super::super::tagger::tag_text(&doc.text, "id", doc.dct);
        let out = write(&doc, &tags);
        let again = parse(&out).unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(again.gold.len(), 1);
        assert_eq!(again.gold[0].value, "2022-02-28");
        assert!(out.starts_with(&doc.head) && out.ends_with(&doc.tail));
    }

    #[test]
    fn cat_tokens_and_timex_anchors() {
        let cat = r#"<Document><token t_id="1" sentence="0">Cisco</token><token t_id="2" sentence="0">sues</token>
<token t_id="3" sentence="1">January</token><token t_id="4" sentence="1">12</token><token t_id="5" sentence="1">,</token><token t_id="6" sentence="1">2007</token>
<Markables><TIMEX3 m_id="9" type="DATE" value="2007-01-12" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="6"/></TIMEX3></Markables></Document>"#;
        let doc = parse_cat(cat).unwrap();
        assert_eq!(doc.text, "Cisco sues\nJanuary 12 , 2007");
        assert_eq!(doc.gold[0].span.slice(&doc.text), Some("January 12 , 2007"));
        assert_eq!(doc.dct, "2007-01-12".parse().ok());
    }
}
