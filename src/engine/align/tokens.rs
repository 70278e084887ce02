//! The tokens of a sentence that can survive translation: numbers (`8,3` = `8.3`), codes
//! (`15-CT/TW`, `222/2025/QH15`), acronyms (FTA, IoT), capitalised names (also a run of
//! them as one: `Việt Nam` and `Vietnam`) and long loanwords, all folded; or, for two
//! documents in one language, every word.

use super::letters;
use crate::engine::text::fold::{fold_char_into, fold_str};

/// Which tokens count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Two languages: only what survives translation.
    Cognates,
    /// One language: every word.
    Words,
}

/// How a token was found; codes and acronyms say more than a common number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Number,
    SmallNumber,
    Code,
    Acronym,
    Name,
    Word,
    /// In two languages, also every word as it stands (folded, split at `-` and `/`),
    /// whatever else it gave: what a learnt association table reads (see `assoc`).
    Plain,
}

impl Kind {
    pub(super) fn boost(self) -> f32 {
        match self {
            Kind::Code => 2.0,
            Kind::Acronym => 1.5,
            Kind::SmallNumber => 0.5,
            Kind::Number | Kind::Name | Kind::Word | Kind::Plain => 1.0,
        }
    }
    pub(super) fn fuzzy(self) -> bool {
        matches!(self, Kind::Name | Kind::Word)
    }
}

/// Emits the tokens of one sentence.
pub(super) fn tokens(s: &str, mode: Mode, emit: &mut dyn FnMut(&str, Kind)) {
    let mut scratch = Scratch::default();
    let mut first = true;
    for (raw, delimiter) in words(s) {
        let word = raw.trim_matches(|c: char| !letters::is_alphanumeric(c));
        // Punctuation (a comma, a bracket) after a word ends a run of names.
        let ends_run = delimiter.is_some_and(|d| !d.is_whitespace());
        if !word.is_empty() {
            word_tokens(word, std::mem::take(&mut first), mode, &mut scratch, emit);
        }
        if ends_run {
            scratch.flush(emit);
        }
    }
    scratch.flush(emit);
}

/// Buffers reused from word to word: the folded word, and the run of capitalised words
/// that may form one name.
#[derive(Default)]
struct Scratch {
    folded: String,
    run: String,
    run_len: usize,
}

impl Scratch {
    /// Two to four consecutive capitalised words also count as one name (`Việt Nam` and
    /// `Vietnam`, `Tô Lâm` and `To Lam`).
    fn flush(&mut self, emit: &mut dyn FnMut(&str, Kind)) {
        if (2..=4).contains(&self.run_len) {
            emit(&self.run, Kind::Name);
        }
        self.run.clear();
        self.run_len = 0;
    }
}

/// The words of a sentence, each with the separator after it: white space and punctuation,
/// except a comma or point between digits (`8,3`, `1.000`). Read byte by byte, a
/// character decoded only where it is not ASCII.
fn words(s: &str) -> impl Iterator<Item = (&str, Option<char>)> {
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '"'
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '«'
                    | '»'
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ','
                    | '…'
            )
    };
    let bytes = s.as_bytes();
    let (mut at, mut start) = (0, 0);
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            let here = at;
            let c = if b < 0x80 {
                at += 1;
                char::from(b)
            } else {
                let c = s.get(here..).and_then(|t| t.chars().next()).unwrap_or(' ');
                at += c.len_utf8();
                c
            };
            let digit =
                |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit);
            let inside_number = c == ',' && digit(here.checked_sub(1)) && digit(Some(here + 1));
            if is_sep(c) && !inside_number {
                let word = s.get(start..here).unwrap_or("");
                start = at;
                return Some((word, Some(c)));
            }
        }
        if start < s.len() {
            let word = s.get(start..).unwrap_or("");
            start = s.len();
            return Some((word, None));
        }
        None
    })
}

/// The tokens of one word.
fn word_tokens(
    word: &str,
    at_start: bool,
    mode: Mode,
    scratch: &mut Scratch,
    emit: &mut dyn FnMut(&str, Kind),
) {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        scratch.flush(emit);
        number_or_code(word, emit);
        return;
    }
    // One pass: capitals, characters, the folded word.
    let (mut starts_upper, mut capitals, mut chars) = (false, 0, 0);
    scratch.folded.clear();
    for c in word.chars() {
        let upper = letters::is_uppercase(c);
        starts_upper |= chars == 0 && upper;
        capitals += usize::from(upper);
        chars += 1;
        fold_char_into(c, &mut scratch.folded);
    }
    if capitals >= 2 && !word.contains('-') && chars <= 8 {
        scratch.flush(emit);
        // An English plural (`FTAs`, `MOUs`) is the acronym itself.
        let plural =
            word.ends_with('s') && word.chars().rev().nth(1).is_some_and(char::is_uppercase);
        let acronym = if plural {
            scratch.folded.strip_suffix('s').unwrap_or(&scratch.folded)
        } else {
            &scratch.folded
        };
        emit(acronym, Kind::Acronym);
        return;
    }
    for part in scratch
        .folded
        .split(['-', '/', '.', '\''])
        .filter(|p| !p.is_empty())
    {
        let chars = part.bytes().filter(|&b| b & 0xC0 != 0x80).count();
        if mode == Mode::Cognates {
            emit(part, Kind::Plain);
        }
        match mode {
            Mode::Words => emit(part, Kind::Word),
            Mode::Cognates if starts_upper && !at_start && chars >= 3 => emit(part, Kind::Name),
            Mode::Cognates if chars >= 7 => emit(part, Kind::Word),
            Mode::Cognates => {}
        }
    }
    if starts_upper {
        let Scratch { folded, run, .. } = scratch;
        run.extend(folded.chars().filter(|&c| c != '-' && c != '\''));
        scratch.run_len += 1;
    } else {
        scratch.flush(emit);
    }
}

/// `8,3-8,5%` gives the numbers 8.3 and 8.5; `222/2025/QH15` and `15-CT/TW` are codes.
fn number_or_code(word: &str, emit: &mut dyn FnMut(&str, Kind)) {
    let letters = word.chars().any(char::is_alphabetic);
    if letters || word.contains('/') {
        emit(&fold_str(word).replace(',', "."), Kind::Code);
        return;
    }
    for part in word.split(['-', '–']) {
        let n = part.trim_matches(|c: char| !c.is_ascii_digit());
        if n.is_empty() {
            continue;
        }
        let kind = if n.len() == 1 {
            Kind::SmallNumber
        } else {
            Kind::Number
        };
        emit(&n.replace(',', "."), kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str, mode: Mode) -> Vec<String> {
        let mut out = Vec::new();
        tokens(s, mode, &mut |t, kind| {
            if kind != Kind::Plain {
                out.push(t.to_string())
            }
        });
        out
    }

    #[test]
    fn numbers_codes_acronyms_and_names() {
        assert_eq!(
            toks(
                "Thúc đẩy tăng trưởng từ 8,3-8,5% năm 2025 theo Nghị quyết 222/2025/QH15 và FTA với Brazil",
                Mode::Cognates
            ),
            [
                "8.3",
                "8.5",
                "2025",
                "nghi",
                "222/2025/qh15",
                "fta",
                "brazil"
            ]
        );
        assert_eq!(
            toks(
                "Chỉ thị 15-CT/TW; Internet of Things (IoT).",
                Mode::Cognates
            ),
            ["15-ct/tw", "internet", "things", "iot"]
        );
        assert_eq!(
            toks("the signed FTAs and MOUs; IoTs", Mode::Cognates),
            ["fta", "mou", "iot"]
        );
        assert_eq!(
            toks(
                "theo chỉ đạo của Tổng Bí thư Tô Lâm, tăng tốc",
                Mode::Cognates
            ),
            ["tong", "tongbi", "lam", "tolam"]
        );
    }

    #[test]
    fn words_mode_keeps_every_word() {
        assert_eq!(
            toks("Đà Nẵng và TPHCM", Mode::Words),
            ["da", "nang", "va", "danang", "tphcm"]
        );
    }
}
