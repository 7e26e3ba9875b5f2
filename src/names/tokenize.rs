//! Word tokens with byte spans: runs of letters and digits (with inner hyphens, apostrophes and
//! dots as in "de-Nazifikasi", "O'Brien"; a dotted abbreviation with its last dot: "U.S."), and
//! each other non-space character alone.

use crate::model::Span;

/// A token and where it sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'t> {
    pub text: &'t str,
    pub span: Span,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, n)) = chars.peek() {
                if n.is_alphanumeric() {
                    end = i + n.len_utf8();
                    chars.next();
                    continue;
                }
                // An inner joiner followed by a letter or digit stays in the word.
                if matches!(n, '-' | '\'' | '’' | '.') {
                    let mut ahead = chars.clone();
                    ahead.next();
                    if let Some(&(j, m)) = ahead.peek() {
                        let abbreviation = n == '.' && m.is_alphabetic() && end - start <= 2;
                        if m.is_alphanumeric() && (n != '.' || abbreviation || m.is_ascii_digit()) {
                            chars.next();
                            chars.next();
                            end = j + m.len_utf8();
                            continue;
                        }
                    }
                }
                break;
            }
            // A dotted abbreviation keeps its last dot ("U.S.", "a.m."), as news corpora write
            // the word: the names and the gazetteer know "U.S.", not "U.S".
            let word = &text[start..end];
            let abbreviation = word.contains('.')
                && word.split('.').all(|p| {
                    (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic)
                });
            if abbreviation && text[end..].starts_with('.') {
                chars.next();
                end += 1;
            }
        }
        out.push(Token {
            text: &text[start..end],
            span: Span::new(start, end),
        });
    }
    out
}

/// Sentence boundaries over tokens: after ".", "!", "?" (and newlines between tokens), so the
/// tagger sees sentence-sized windows. Returns token index ranges.
pub fn sentences(text: &str, tokens: &[Token<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        // Final punctuation ends a sentence when a space or the end of the text follows
        // ("Gatra.com" is one name, not two sentences); a line break always ends one.
        let gap = tokens
            .get(i + 1)
            .map(|n| &text[tokens[i].span.end..n.span.start]);
        let end_here = (matches!(tokens[i].text, "." | "!" | "?")
            && gap.is_none_or(|g| !g.is_empty()))
            || gap.is_some_and(|g| g.contains('\n'));
        if end_here {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_joiners_and_punctuation() {
        let text = "Juru bicara Kremlin, Dmitry Peskov (de-Nazifikasi) U.S. 3.5 “ok”.";
        let toks: Vec<&str> = tokenize(text).iter().map(|t| t.text).collect();
        assert_eq!(
            toks,
            [
                "Juru",
                "bicara",
                "Kremlin",
                ",",
                "Dmitry",
                "Peskov",
                "(",
                "de-Nazifikasi",
                ")",
                "U.S.",
                "3.5",
                "“",
                "ok",
                "”",
                "."
            ]
        );
        for t in tokenize(text) {
            assert_eq!(&text[t.span.start..t.span.end], t.text);
        }
    }

    #[test]
    fn sentences_split_on_final_punctuation_and_lines() {
        let text = "Satu dua. Tiga\nEmpat lima di Gatra.com sekarang";
        let toks = tokenize(text);
        let s = sentences(text, &toks);
        assert_eq!(s, vec![0..3, 3..4, 4..11]);
        // An abbreviation's dot ends no sentence ("the U.S. market").
        let text = "Sales in the U.S. market rose. Prices fell.";
        let toks = tokenize(text);
        assert_eq!(sentences(text, &toks).len(), 2);
    }
}
