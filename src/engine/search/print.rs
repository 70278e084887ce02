//! How `briefing search` shows its matches: one line per match (`FILE:LINE:COLUMN: text`,
//! for editors and scripts), or, as ripgrep does on a terminal, a heading per document
//! and each matching line once with its line number; either with colours or without.
//! Corpus text goes through the cleaning writer; only the colours bypass it.

use std::io::{self, Write};
use std::ops::Range;

use crate::engine::clean::{CleanWriter, Escape, Sgr};
use crate::engine::search::FileMatches;

/// One match a line, or a heading per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Vimgrep,
    Heading,
}

/// Whether colours are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    On,
    Off,
}

const FILE: Sgr = Sgr::Fg(5);
const NUMBER: Sgr = Sgr::Fg(2);
const MATCH: Sgr = Sgr::Fg(1);

/// Writes the matches of file after file.
#[derive(Debug, Clone)]
pub struct SearchPrinter {
    layout: Layout,
    colour: Colour,
    files: usize,
}

impl SearchPrinter {
    pub fn new(layout: Layout, colour: Colour) -> SearchPrinter {
        SearchPrinter {
            layout,
            colour,
            files: 0,
        }
    }

    /// Writes the matches of `file`, whose document goes by `id` when a brief declares it.
    pub fn file<W: Write>(
        &mut self,
        out: &mut CleanWriter<W>,
        file: &FileMatches,
        id: Option<&str>,
    ) -> io::Result<()> {
        if file.lines.is_empty() {
            return Ok(());
        }
        self.files += 1;
        match self.layout {
            Layout::Vimgrep => self.vimgrep(out, file),
            Layout::Heading => self.heading(out, file, id),
        }
    }

    /// Whether any file had a match to print.
    pub fn printed_any(&self) -> bool {
        self.files > 0
    }

    /// Writes what a search thread printed of the files after those printed so far.
    pub fn printed<W: Write>(
        &mut self,
        out: &mut CleanWriter<W>,
        printed: Printed,
    ) -> io::Result<()> {
        if printed.printer.files == 0 {
            return Ok(());
        }
        if self.layout == Layout::Heading && self.files > 0 {
            out.clean_str("\n", false)?;
        }
        self.files += printed.printer.files;
        out.cleaned(&printed.out.into_cleaned())
    }

    fn vimgrep<W: Write>(&self, out: &mut CleanWriter<W>, file: &FileMatches) -> io::Result<()> {
        for ((line, column, range), span) in file.lines.iter().zip(&file.spans) {
            let text = file.text.get(range.clone()).unwrap_or("");
            self.paint(out, FILE, Shown::Line(&file.file))?;
            out.clean_str(":", false)?;
            self.paint(out, NUMBER, Shown::Number(*line))?;
            out.clean_str(":", false)?;
            self.paint(out, NUMBER, Shown::Number(*column))?;
            out.clean_str(": ", false)?;
            self.text(out, text, std::slice::from_ref(span))?;
            out.clean_str("\n", false)?;
        }
        Ok(())
    }

    fn heading<W: Write>(
        &self,
        out: &mut CleanWriter<W>,
        file: &FileMatches,
        id: Option<&str>,
    ) -> io::Result<()> {
        if self.files > 1 {
            out.clean_str("\n", false)?;
        }
        if let Some(id) = id {
            if self.colour == Colour::On {
                out.style(Sgr::Bold)?;
            }
            out.clean_str(id, true)?;
            if self.colour == Colour::On {
                out.style(Sgr::Reset)?;
            }
            out.clean_str(" ", false)?;
        }
        self.paint(out, FILE, Shown::Line(&file.file))?;
        out.clean_str("\n", false)?;
        for (line, text, spans) in file.by_line() {
            self.paint(out, NUMBER, Shown::Number(line))?;
            out.clean_str(":", false)?;
            self.text(out, text, spans)?;
            out.clean_str("\n", false)?;
        }
        Ok(())
    }

    /// `text` on one line, each of `spans` (in order) in the match colour.
    fn text<W: Write>(
        &self,
        out: &mut CleanWriter<W>,
        text: &str,
        spans: &[Range<usize>],
    ) -> io::Result<()> {
        if self.colour == Colour::Off {
            return out.clean_str(text, true);
        }
        let mut at = 0;
        for span in spans {
            let (Some(before), Some(found)) = (text.get(at..span.start), text.get(span.clone()))
            else {
                continue;
            };
            out.clean_str(before, true)?;
            out.style(Sgr::Bold)?;
            self.paint(out, MATCH, Shown::Line(found))?;
            at = span.end;
        }
        out.clean_str(text.get(at..).unwrap_or(""), true)
    }

    /// `shown` in colour `sgr` when colours are on.
    fn paint<W: Write>(&self, out: &mut CleanWriter<W>, sgr: Sgr, shown: Shown) -> io::Result<()> {
        if self.colour == Colour::On {
            out.style(sgr)?;
        }
        match shown {
            Shown::Line(s) => out.clean_str(s, true)?,
            Shown::Number(n) => out.number(n)?,
        }
        if self.colour == Colour::On {
            out.style(Sgr::Reset)?;
        }
        Ok(())
    }
}

/// The matches of files one after another, printed (and cleaned) where they were searched,
/// for [`SearchPrinter::printed`] to write after the files before them.
#[derive(Debug)]
pub struct Printed {
    printer: SearchPrinter,
    out: CleanWriter<Vec<u8>>,
}

impl Printed {
    /// Nothing printed yet, in the layout and colours of `like`.
    pub fn new(like: &SearchPrinter) -> Printed {
        Printed {
            printer: SearchPrinter::new(like.layout, like.colour),
            out: CleanWriter::new(Vec::new(), Escape::Visible),
        }
    }

    /// Prints the matches of `file`, whose document goes by `id`, after those before.
    pub fn file(&mut self, file: &FileMatches, id: Option<&str>) {
        // Writing into a Vec cannot fail.
        let _ = self.printer.file(&mut self.out, file, id);
    }
}

/// What `paint` shows: text from the corpus on one line, or a number.
enum Shown<'a> {
    Line(&'a str),
    Number(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::search::{Searched, Searcher, search_files};

    fn printed(text: &str, query: &str, layout: Layout, colour: Colour) -> String {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::write(dir.path().join("seeds/a.txt"), text).unwrap();
        let source = crate::engine::CorpusSource::Dir(dir.path().to_path_buf());
        let listing =
            crate::engine::source::list(&source, crate::engine::source::Parts::Seeds).unwrap();
        let searcher = Searcher::new(query).unwrap();
        let mut out = CleanWriter::new(Vec::new(), crate::engine::clean::Escape::Visible);
        let mut printer = SearchPrinter::new(layout, colour);
        let ids = [("a.txt".to_owned(), "vi-gov".to_owned())].into();
        for searched in search_files(listing.seeds, &searcher, &printer.clone(), ids) {
            let Searched::Printed(printed) = searched else {
                panic!("{searched:?}");
            };
            printer.printed(&mut out, printed).unwrap();
        }
        String::from_utf8(out.finish().unwrap()).unwrap()
    }

    const TEXT: &str = "Đồng và đồng.\nkhông\nmột đồng \u{1b}]0;x\u{7}\n";

    #[test]
    fn heading_shows_each_line_once_with_every_match_coloured() {
        assert_eq!(
            printed(TEXT, "dong", Layout::Heading, Colour::Off),
            "vi-gov a.txt\n1:Đồng và đồng.\n3:một đồng \\u{1b}]0;x\\u{7}\n"
        );
        assert_eq!(
            printed(TEXT, "dong", Layout::Heading, Colour::On),
            "\u{1b}[1mvi-gov\u{1b}[0m \u{1b}[35ma.txt\u{1b}[0m\n\
             \u{1b}[32m1\u{1b}[0m:\u{1b}[1m\u{1b}[31mĐồng\u{1b}[0m và \u{1b}[1m\u{1b}[31mđồng\u{1b}[0m.\n\
             \u{1b}[32m3\u{1b}[0m:một \u{1b}[1m\u{1b}[31mđồng\u{1b}[0m \\u{1b}]0;x\\u{7}\n"
        );
    }

    #[test]
    fn vimgrep_is_one_line_per_match() {
        assert_eq!(
            printed(TEXT, "dong", Layout::Vimgrep, Colour::Off),
            "a.txt:1:1: Đồng và đồng.\na.txt:1:9: Đồng và đồng.\na.txt:3:5: một đồng \\u{1b}]0;x\\u{7}\n"
        );
        assert_eq!(
            printed("x đồng\n", "dong", Layout::Vimgrep, Colour::On),
            "\u{1b}[35ma.txt\u{1b}[0m:\u{1b}[32m1\u{1b}[0m:\u{1b}[32m3\u{1b}[0m: x \u{1b}[1m\u{1b}[31mđồng\u{1b}[0m\n"
        );
    }

    #[test]
    fn a_cut_line_colours_the_match_where_it_is_shown() {
        let text = format!("{}đồng{}\n", "a ".repeat(1500), " b".repeat(1500));
        let out = printed(&text, "dong", Layout::Heading, Colour::On);
        assert!(
            out.contains("a …") || out.contains("\u{1b}[0m:…"),
            "cut at the start"
        );
        assert!(
            out.contains("a \u{1b}[1m\u{1b}[31mđồng\u{1b}[0m b"),
            "{out}"
        );
    }
}
