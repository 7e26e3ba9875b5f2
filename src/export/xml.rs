//! Text for XML attributes and elements (GraphML, GEXF, SVG).

/// Escapes markup characters and drops characters XML 1.0 cannot carry (most C0 controls,
/// lone surrogates cannot occur in a `str`, U+FFFE/U+FFFF).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // As character references, so that attribute values keep them too.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            esc("a<b & \"c\" 'd'>\u{0}\u{7}\tz"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;&#9;z"
        );
        assert_eq!(esc("Москва عربي 北京"), "Москва عربي 北京");
    }
}
