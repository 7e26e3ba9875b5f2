//! Bytes to text: byte-order marks, declared charsets, UTF-8, and a lossy fallback with a warning.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text and, when the bytes were not clean, a warning to keep on the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub warning: Option<String>,
}

/// Decodes `bytes`: a byte-order mark wins, then a charset the document declares, then UTF-8.
/// Invalid UTF-8 is decoded lossily (U+FFFD) with a warning. Content that looks binary (NUL bytes
/// or many control characters) is refused with the reason.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            warning: had_errors
                .then(|| format!("invalid {} sequences replaced with U+FFFD", encoding.name())),
        });
    }
    check_not_binary(bytes)?;
    if let Some(label) = declared {
        if let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) {
            // A declared UTF-16 without a BOM is almost always a wrong declaration on 8-bit text.
            if encoding != UTF_16LE && encoding != UTF_16BE && encoding != UTF_8 {
                let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
                return Ok(Decoded {
                    text: text.into_owned(),
                    encoding: encoding.name(),
                    warning: had_errors.then(|| {
                        format!("invalid {} sequences replaced with U+FFFD", encoding.name())
                    }),
                });
            }
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            warning: None,
        }),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            Ok(Decoded {
                text,
                encoding: "UTF-8",
                warning: Some(format!(
                    "invalid UTF-8 (first bad byte at offset {}) decoded lossily with U+FFFD",
                    e.valid_up_to()
                )),
            })
        }
    }
}

fn check_not_binary(bytes: &[u8]) -> Result<(), String> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Err(format!("NUL byte at offset {pos}"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 20 > head.len() {
        return Err(format!(
            "{control} control bytes in the first {} bytes",
            head.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_without_warning() {
        let d = decode("Ibu kota — Jakarta".as_bytes(), None).unwrap();
        assert_eq!(d.text, "Ibu kota — Jakarta");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let d = decode(b"caf\xe9 au lait", None).unwrap();
        assert_eq!(d.text, "caf\u{fffd} au lait");
        assert!(d.warning.unwrap().contains("offset 3"));
    }

    #[test]
    fn declared_latin1_is_honoured() {
        let d = decode(b"caf\xe9", Some("iso-8859-1")).unwrap();
        assert_eq!(d.text, "café");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Rusia".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap().text, "Rusia");
    }

    #[test]
    fn binary_content_is_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None)
            .unwrap_err()
            .contains("NUL"));
    }
}
