//! Sentences of a document, by the rules of Unicode sentence boundaries (UAX #29) that
//! matter for news reports in Vietnamese and Indonesian, in one pass over the text (UAX #29
//! in full took half the aligner's time): a sentence ends after `.`, `!`, `?` or `…`, and
//! any closing quotes or brackets, where white space follows and the next word does not
//! start lower case; decimals (`8,3`, `6.5`) and codes (`222/2025/QH15`) have no space
//! inside, abbreviations and initials (`No.`, `TP.`, `J.`) end nothing. A blank line
//! always ends a sentence; a single line break ends one only where the line reads
//! finished; an overlong run is cut at a space so that no passage grows without bound.

use std::ops::Range;

/// The longest passage, in bytes, before it is cut at a space (or a character).
pub const MAX_SENTENCE: usize = 2_000;

/// Words that end with a full stop without ending the sentence (compared case-sensitively
/// after the stop is removed). `etc.` and `dll.` are left out: they usually end one.
const ABBREVIATIONS: &[&str] = &[
    "No", "Nr", "no", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "Jl", "Bpk", "Ny",
    "Sdr", "Kab", "Kec", "Prov", "Rp", "hlm", "TP", "Tp", "TS", "PGS", "GS", "ThS", "Th.S", "TT",
    "PV", "e.g", "i.e", "cf", "Co", "Ltd", "Inc", "Corp", "Gov", "Sen",
];

/// Byte ranges of the sentences of `text`, in order, without surrounding white space.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        let Some(slice) = text.get(para.clone()) else {
            continue;
        };
        let mut pieces: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        for end in breaks(slice) {
            let range = para.start + start..para.start + end;
            start = end;
            match pieces.last_mut() {
                Some(last) if joins(text, last) => last.end = range.end,
                _ => pieces.push(range),
            }
        }
        if start < slice.len() {
            let rest = para.start + start..para.end;
            match pieces.last_mut() {
                Some(last) if joins(text, last) => last.end = rest.end,
                _ => pieces.push(rest),
            }
        }
        for piece in pieces {
            for line_piece in cut_at_finished_lines(text, piece) {
                push_bounded(text, trim(text, line_piece), &mut out);
            }
        }
    }
    out
}

/// Byte offsets in `s` where a sentence ends (after its closing punctuation and the white
/// space that follows): a terminator, closers, white space, then a word that does not
/// start lower case.
fn breaks(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Terminators are `.`, `!`, `?` (ASCII) and `…` (E2 80 A6); skip to the next.
        let Some(k) = bytes[i..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        else {
            break;
        };
        i += k;
        if bytes[i] == 0xE2 && bytes.get(i + 1..i + 3) != Some(&[0x80, 0xA6]) {
            i += 1;
            continue;
        }
        // The run of terminators and closers.
        let mut j = i;
        while let Some(c) = s.get(j..).and_then(|t| t.chars().next()) {
            if matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
            ) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let mut k = j;
        while let Some(c) = s.get(k..).and_then(|t| t.chars().next()) {
            if c.is_whitespace() {
                k += c.len_utf8();
            } else {
                break;
            }
        }
        let next = s.get(k..).and_then(|t| t.chars().next());
        if k > j && next.is_some_and(|c| !c.is_lowercase()) {
            out.push(k);
        }
        i = j.max(i + 1);
    }
    out
}

/// Runs of text between blank lines (a line holding only white space counts as blank).
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(s..offset);
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Whether the break after `piece` is false: the piece ends with an abbreviation or an
/// initial (`No.`, `J.`), or the next text starts lower case (UAX #29 breaks before a
/// digit after `No. `).
fn joins(text: &str, piece: &Range<usize>) -> bool {
    let Some(s) = text.get(piece.clone()) else {
        return false;
    };
    let s = s.trim_end();
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.contains('\n') || word.is_empty() {
        return false;
    }
    let initial = {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
    };
    initial || ABBREVIATIONS.contains(&word)
}

/// Splits a piece at single line breaks where the line before reads finished (it ends
/// with sentence punctuation) or the next line does not continue it (it starts with a
/// capital, a digit or a quote, and the line before is shorter than a wrapper would have
/// left it, as a headline is).
fn cut_at_finished_lines(text: &str, piece: Range<usize>) -> Vec<Range<usize>> {
    let Some(s) = text.get(piece.clone()) else {
        return vec![piece];
    };
    if !s.trim_end().contains('\n') {
        return vec![piece];
    }
    let mut out = Vec::new();
    let mut start = piece.start;
    let mut offset = piece.start;
    let mut lines = s.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        offset += line.len();
        let Some(next) = lines.peek() else { break };
        let before = line.trim_end();
        let next = next.trim();
        let starts_anew = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"');
        let finished = before.ends_with(['.', '!', '?', '…', ':', ';', '"', '”', ')'])
            || (starts_anew && !wrapped(before, next));
        if finished {
            out.push(start..offset);
            start = offset;
        }
    }
    out.push(start..piece.end);
    out
}

/// Whether `line` may have been cut where it is by a wrapper filling lines first-fit:
/// the first word of `next` would not have fitted on it, as wide as `next` is. A headline
/// before a longer paragraph line was not wrapped.
fn wrapped(line: &str, next: &str) -> bool {
    let first = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    line.chars().count() + 1 + first > next.chars().count()
}

/// `range` without white space at either end.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = text.get(range.clone()).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let start = range.start + lead;
    start..(range.end - trail).max(start)
}

/// Pushes `range` (if not empty), cut into pieces of at most `MAX_SENTENCE` bytes at the
/// last space before the limit, or at a character boundary when there is none.
fn push_bounded(text: &str, mut range: Range<usize>, out: &mut Vec<Range<usize>>) {
    while range.end - range.start > MAX_SENTENCE {
        let mut cut = range.start + MAX_SENTENCE;
        while cut > range.start && !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = text.get(range.start..cut).unwrap_or("");
        if let Some(space) = window.rfind(char::is_whitespace)
            && space > MAX_SENTENCE / 2
        {
            cut = range.start + space;
        }
        if cut == range.start {
            break;
        }
        out.push(trim(text, range.start..cut));
        range = trim(text, cut..range.end);
    }
    if range.end > range.start {
        out.push(range);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|r| text.get(r).unwrap_or("?"))
            .collect()
    }

    #[test]
    fn decimals_codes_and_numbers_stay_inside() {
        assert_eq!(
            split(
                "Tăng trưởng từ 8,3-8,5% trong năm 2025. Nghị quyết 222/2025/QH15 về tài chính. Chỉ thị số 15-CT/TW của Ban Bí thư."
            ),
            [
                "Tăng trưởng từ 8,3-8,5% trong năm 2025.",
                "Nghị quyết 222/2025/QH15 về tài chính.",
                "Chỉ thị số 15-CT/TW của Ban Bí thư."
            ]
        );
        assert_eq!(
            split("Rate 6.5% in 2024. Next."),
            ["Rate 6.5% in 2024.", "Next."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            split(
                "Resolusi Majelis Nasional No. 222/2025/QH15 tentang pusat keuangan. Beliau meminta."
            ),
            [
                "Resolusi Majelis Nasional No. 222/2025/QH15 tentang pusat keuangan.",
                "Beliau meminta."
            ]
        );
        assert_eq!(
            split("Ông J. Smith đến TP. Hồ Chí Minh. Xong."),
            ["Ông J. Smith đến TP. Hồ Chí Minh.", "Xong."]
        );
    }

    #[test]
    fn quotes_ellipses_and_brackets() {
        assert_eq!(
            split(
                "\"Chúng ta kiên định, hiệu quả\", Thủ tướng nêu rõ. Tinh thần \"chỉ bàn làm\". Tiếp tục..."
            ),
            [
                "\"Chúng ta kiên định, hiệu quả\", Thủ tướng nêu rõ.",
                "Tinh thần \"chỉ bàn làm\".",
                "Tiếp tục..."
            ]
        );
        assert_eq!(
            split("Với Pakistan...; thúc đẩy (da giày,...) mở rộng. Hết."),
            ["Với Pakistan...; thúc đẩy (da giày,...) mở rộng.", "Hết."]
        );
    }

    #[test]
    fn line_breaks_end_finished_lines_only() {
        assert_eq!(
            split("Headline\nThe text starts\nand goes on.\nNext paragraph.\n\nAnother."),
            [
                "Headline",
                "The text starts\nand goes on.",
                "Next paragraph.",
                "Another."
            ]
        );
        // A headline before a longer line, however long; lines wrapped at a width stay
        // one sentence, even where the next starts with a capital.
        let headline = "Tiếp tục nâng cao chất lượng, hiệu quả công tác ngoại giao kinh tế";
        let body = "Chiều tối 22/7, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị với Trưởng các Cơ quan đại diện.";
        assert_eq!(split(&format!("{headline}\n{body}")), [headline, body]);
        let wrapped = "The conference on economic diplomacy was held in Hanoi with\nMinisters of the Government and the heads of missions.";
        assert_eq!(split(wrapped), [wrapped]);
    }

    #[test]
    fn an_abbreviation_before_the_last_words_of_a_paragraph_ends_nothing() {
        assert_eq!(
            split("Pelaksanaan Resolusi No. 59 dalam beberapa waktu terakhir."),
            ["Pelaksanaan Resolusi No. 59 dalam beberapa waktu terakhir."]
        );
    }

    #[test]
    fn hostile_shapes_are_bounded() {
        let no_end = "kata ".repeat(5_000);
        let parts = sentences(&no_end);
        assert!(parts.iter().all(|r| r.len() <= MAX_SENTENCE), "{parts:?}");
        assert_eq!(parts.first().map(|r| r.start), Some(0));
        let no_space = "á".repeat(3_000);
        let parts = sentences(&no_space);
        assert!(
            parts
                .iter()
                .all(|r| r.len() <= MAX_SENTENCE && no_space.get(r.clone()).is_some())
        );
        assert!(sentences("").is_empty());
        assert!(sentences("\n\n \n").is_empty());
        assert_eq!(sentences(&"Ya. ".repeat(1000)).len(), 1000);
    }
}
