//! Hostile input, end to end: binary files, encodings, BOMs and line endings, NFD.
//! Every case checks the exact message (file, line and column where there is one) and the
//! exit status, and that nothing panics; corpora are built in temporary directories from
//! tests/fixtures/cli/good (helpers in tests/it/common/hostile.rs). docs/robustness.md lists
//! what these tests found.

use crate::common::assert_contains;
use std::fs;

use crate::common::hostile::*;
use crate::common::{Corpus, Output};
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------
// Encodings and line endings.

#[test]
fn a_binary_file_among_the_seeds_is_one_error_and_the_rest_loads() {
    let corpus = Corpus::good().write_seed("x.txt", PNG);
    let finding = format!(
        "{}:1:1: error: not UTF-8: byte 0x89 cannot start a character\n{NOT_UTF8_NOTE}\n",
        shown(&corpus, "seeds/x.txt")
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{finding}2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n"
        )
    );
    let out = sane_on(&corpus, "search", &["pham minh chinh"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, PHAM, finding.as_str())
    );
    let out = sane_on(&corpus, "print", &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "briefing: warning: the corpus has 1 error(s); unplaced quotes are marked. Run `briefing check` for details.\n"
    );
}

#[test]
fn nul_bytes_in_a_text_file_are_located() {
    let corpus = Corpus::good().write_seed("x.txt", b"Xin chao\nban\0 doc\n");
    check_fails_at(
        &corpus,
        "seeds/x.txt",
        ":2:4: error: NUL byte: this looks like a binary file, not a text\n    remove the file, or the NUL bytes, from the corpus\n",
    );
    let out = sane_on(&corpus, "search", &["ban"]);
    assert_eq!(out.code, 1);
    assert_contains(&out.stderr, "x.txt:2:4: error: NUL byte");
}

#[test]
fn latin1_vietnamese_is_not_utf8_at_the_first_bad_byte() {
    // "Hà Nội" cannot be Latin-1 in full; the accented letters it has come out as single bytes.
    let corpus = Corpus::good().write_seed("latin1.txt", b"Thu do\nH\xe0 N\xf4i\n");
    check_fails_at(
        &corpus,
        "seeds/latin1.txt",
        &format!(":2:2: error: not UTF-8: byte 0xE0 cannot start a character\n{NOT_UTF8_NOTE}\n"),
    );
    let out = search_finds_pham(&corpus);
    assert_contains(&out.stderr, "latin1.txt:2:2: error: not UTF-8");
}

#[test]
fn utf16_with_a_bom_is_named_with_what_to_do() {
    let text = "Phạm Minh Chính\n";
    let corpus = Corpus::good()
        .write_seed("le.txt", &utf16(text, false))
        .write_seed("be.txt", &utf16(text, true));
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:1:1: error: UTF-16 text; save it as UTF-8 (without BOM)\n{}:1:1: error: UTF-16 text; save it as UTF-8 (without BOM)\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "seeds/be.txt"),
            shown(&corpus, "seeds/le.txt")
        )
    );
    let out = search_finds_pham(&corpus);
    assert_contains(&out.stderr, "be.txt:1:1: error: UTF-16 text");
    // Without a BOM, UTF-16 is text with NUL bytes: still refused, at the first NUL.
    let mut no_bom = utf16("Pham Minh Chinh\n", false);
    no_bom.drain(..2);
    let corpus = Corpus::good().write_seed("le.txt", &no_bom);
    let out = check(&corpus);
    assert_names(
        &out.stdout,
        &corpus,
        "seeds/le.txt",
        ":1:2: error: NUL byte",
    );
}

#[test]
fn a_utf8_bom_is_dropped_not_an_error() {
    let good = Corpus::good();
    let corpus = Corpus::good().write_seed("vi.txt", &with_bom(VI));
    let out = sane_on(&corpus, "check", &["--strict"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    assert_eq!(json(&corpus), json(&good));
    let out = sane_on(&corpus, "search", &["thu tuong pham"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "vi.txt:1:1: Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.\n"
        )
    );
}

#[test]
fn crlf_and_lone_cr_seeds_count_lines_of_the_normalised_text() {
    let good = Corpus::good();
    for (name, eol) in [("CRLF", "\r\n"), ("CR", "\r")] {
        let corpus = Corpus::good().write_seed("vi.txt", VI.replace('\n', eol).as_bytes());
        let out = sane_on(&corpus, "check", &["--strict"]);
        assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN), "{name}");
        assert_eq!(json(&corpus), json(&good), "{name}");
        let out = sane_on(&corpus, "search", &["nhap khau"]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (0, "vi.txt:6:21: Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\n"),
            "{name}"
        );
        let out = sane_on(&corpus, "search", &["khai thac"]);
        assert_eq!(
            out.stdout,
            "vi.txt:4:1: khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.\n",
            "{name}"
        );
    }
}

#[test]
fn positions_after_a_bom_count_characters_of_the_text() {
    let corpus = Corpus::good()
        .write_seed("nul.txt", &with_bom("ab\0c\n"))
        .write_seed("bad.txt", &[&with_bom("ab")[..], b"\xe9c\n"].concat());
    let out = check(&corpus);
    assert_names(
        &out.stdout,
        &corpus,
        "seeds/bad.txt",
        ":1:3: error: not UTF-8",
    );
    assert_names(
        &out.stdout,
        &corpus,
        "seeds/nul.txt",
        ":1:3: error: NUL byte",
    );
}

#[test]
fn positions_in_a_lone_cr_file_count_its_lines() {
    let corpus = Corpus::good()
        .write_seed("bad.txt", b"one\rtwo\rab\xe9c\r")
        .write_seed("nul.txt", b"one\rtwo\rab\0c\r")
        .write_seed("crlf.txt", b"one\r\ntwo\r\nab\xe9c\r\n");
    let out = check(&corpus);
    for (file, what) in [
        ("bad.txt", "not UTF-8"),
        ("nul.txt", "NUL byte"),
        ("crlf.txt", "not UTF-8"),
    ] {
        let want = format!(
            "{}:3:3: error: {what}",
            shown(&corpus, &format!("seeds/{file}"))
        );
        assert!(out.stdout.contains(&want), "{want}\n{}", out.stdout);
    }
}

#[test]
fn nfd_seeds_take_nfc_quotes_and_nfc_seeds_take_nfd_quotes() {
    let good = Corpus::good();
    let nfd_seed = Corpus::good().write_seed("vi.txt", VI.nfd().collect::<String>().as_bytes());
    let out = sane_on(&nfd_seed, "check", &["--strict"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    assert_eq!(json(&nfd_seed), json(&good));
    for query in [
        "nhập khẩu",
        "nhap khau",
        &"nhập khẩu".nfd().collect::<String>(),
    ] {
        let out = sane_on(&nfd_seed, "search", &[query]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (0, "vi.txt:6:21: Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\n"),
            "{query:?}"
        );
    }
    let nfd_brief = Corpus::good().edit_brief(BRIEF, &BRIEF.nfd().collect::<String>());
    let out = sane_on(&nfd_brief, "check", &["--strict"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    assert_eq!(json(&nfd_brief), json(&good));
}

#[test]
fn a_brief_saved_with_crlf_or_a_bom_loads_and_keeps_its_positions() {
    let bad_quote = |b: &str| b.replace("8,3-8,5% trong", "8.3-8.5% trong");
    let crlf = |b: &str| b.replace('\n', "\r\n").into_bytes();
    let bom = |b: &str| with_bom(b);
    for (name, save) in [("CRLF", &crlf as &dyn Fn(&str) -> Vec<u8>), ("BOM", &bom)] {
        let corpus = Corpus::good();
        let path = corpus.root().join("briefs/conference.yaml");
        fs::write(&path, save(BRIEF)).expect("write");
        let out = sane_on(&corpus, "check", &["--strict"]);
        assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN), "{name}");
        fs::write(&path, save(&bad_quote(BRIEF))).expect("write");
        let reports = |out: &Output, first: String| {
            assert!(out.stdout.starts_with(&first), "{name}: {}", out.stdout);
        };
        let out = check(&corpus);
        assert_eq!(out.code, 1, "{name}");
        reports(
            &out,
            format!(
                "{}:30:15: error: quote not found in vi-gov (vi.txt): \"tăng trưởng kinh tế từ 8.3-8.5% trong năm 2025\"\n    nearest text: \"tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025\" at line 3\n",
                path.display()
            ),
        );
        fs::write(
            &path,
            save(&BRIEF.replace("title: Economic", "title: [Economic")),
        )
        .expect("write");
        reports(
            &check(&corpus),
            format!(
                "{}:1:8: error: title: invalid type: list, expected text",
                path.display()
            ),
        );
    }
}
