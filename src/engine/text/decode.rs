//! Decoding a file's bytes into a document's text, or into a finding that says exactly
//! what is wrong with it (not UTF-8, UTF-16, a NUL byte) and where.

use crate::engine::finding::Finding;
use crate::engine::text::Text;

/// Decodes a file's bytes into normalised text, or says exactly what is wrong.
pub fn decode(shown: &str, bytes: Vec<u8>) -> Result<Text, Finding> {
    decode_bytes(shown, &bytes)
}

/// Like `decode`, from bytes the caller keeps (a buffer reused from file to file). The
/// bytes are checked at SIMD speed and the text copied out, which costs a small part of
/// what taking the buffer over would (`String::from_utf8` validates a byte at a time
/// wherever Vietnamese has a letter with a mark, which is every few bytes).
pub fn decode_bytes(shown: &str, bytes: &[u8]) -> Result<Text, Finding> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            Finding::error(shown, "UTF-16 text; save it as UTF-8 (without BOM)").at(Some((1, 1))),
        );
    }
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        return Err(not_utf8(shown, bytes));
    };
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        let (line, column) = position(text.as_bytes(), at);
        return Err(
            Finding::error(shown, "NUL byte: this looks like a binary file, not a text")
                .at(Some((line, column)))
                .note("remove the file, or the NUL bytes, from the corpus"),
        );
    }
    Ok(Text::new(text))
}

/// The finding for bytes that are not UTF-8, at the first byte that is not.
fn not_utf8(shown: &str, bytes: &[u8]) -> Finding {
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let (line, column) = position(bytes, at);
    let byte = bytes.get(at).copied().unwrap_or(0);
    Finding::error(
        shown,
        format!("not UTF-8: byte 0x{byte:02X} cannot start a character"),
    )
    .at(Some((line, column)))
    .note("save the file as UTF-8, or convert it, e.g. `iconv -f WINDOWS-1258 -t UTF-8`")
}

/// 1-based line and column (in characters) of byte `at` in the valid prefix of `bytes`.
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let head = bytes.get(..at).unwrap_or(bytes);
    // Counted as the normalised text will be: no BOM, and CRLF, LF or a lone CR end a line.
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let (mut line, mut line_start) = (1, 0);
    for (i, &b) in head.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && head.get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = String::from_utf8_lossy(head.get(line_start..).unwrap_or(&[]))
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode("seeds/x.txt", b"ok\nab\xE9c".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string().lines().next().unwrap(),
            "seeds/x.txt:2:3: error: not UTF-8: byte 0xE9 cannot start a character"
        );
    }

    #[test]
    fn positions_skip_a_bom_and_count_every_kind_of_line_end() {
        let err = decode("s.txt", b"\xEF\xBB\xBFab\xE9".to_vec()).unwrap_err();
        assert_eq!(err.position, Some((1, 3)));
        let err = decode("s.txt", b"one\rtwo\r\nab\xE9".to_vec()).unwrap_err();
        assert_eq!(err.position, Some((3, 3)));
    }

    proptest::proptest! {
        /// The SIMD check and the borrowed normalisation agree with the standard library's
        /// check and the owned one, on bytes that are often not UTF-8.
        #[test]
        fn decoding_borrowed_bytes_agrees_with_taking_them_over(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                &b"Ph\xe1\xba\xa1m "[..], b"a\xcc\x81", b"\r\n", b"\r", b"\n", b"\xef\xbb\xbf",
                b"\xe9", b"\xe1\xba", b"\xff\xfe", b"\0", b"x", b"\xf0\x9f\x87\xbb",
                b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x80\x9c",
            ]), 0..40)
        ) {
            let bytes = pieces.concat();
            let taken = String::from_utf8(bytes.clone()).ok().filter(|t| !t.contains('\0'));
            let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
            match decode_bytes("s.txt", &bytes) {
                Ok(text) => proptest::prop_assert_eq!(Some(text), taken.map(Text::from_string)),
                Err(_) => proptest::prop_assert!(utf16 || taken.is_none()),
            }
        }
    }

    #[test]
    fn nul_and_utf16_are_refused() {
        let err = decode("s.txt", b"abc\0".to_vec()).unwrap_err();
        assert!(
            err.to_string().starts_with("s.txt:1:4: error: NUL byte"),
            "{err}"
        );
        let err = decode("s.txt", vec![0xFF, 0xFE, b'a', 0]).unwrap_err();
        assert!(err.to_string().contains("UTF-16"), "{err}");
    }
}
