//! `print --parallel`: the brief, then as an annex the aligned text of every parallel pair
//! of documents it declares (a document and the one its `parallel:` names), laid out as
//! `briefing align` lays it out. In HTML the annex goes inside the same page.

use std::io::Write;
use std::sync::Arc;

use super::aligned::{self, AlignedView};
use super::{Format, PrintError, PrintOptions, print, select};
use crate::engine::align::align_documents;
use crate::engine::clean::{CleanWriter, Escape};
use crate::engine::corpus::{Corpus, DocId, TextError};
use crate::engine::text::Text;

/// Prints like [`print()`](super::print()), adding the parallel annex when `parallel` is set (text,
/// markdown and html; JSON has `briefing align --format json`).
pub fn print_with(
    corpus: &Corpus,
    format: Format,
    options: &PrintOptions,
    parallel: bool,
    out: &mut dyn Write,
) -> Result<(), PrintError> {
    if !parallel || format == Format::Json {
        return print(corpus, format, options, out);
    }
    let pairs = parallel_pairs(corpus, options)?;
    if format == Format::Html {
        // The page is closed by its printer: the annex goes in before `</body>`.
        let mut page = Vec::new();
        print(corpus, format, options, &mut page)?;
        let cut = page
            .windows(7)
            .rposition(|w| w == b"</body>")
            .unwrap_or(page.len());
        out.write_all(&page[..cut])?;
        let mut clean = CleanWriter::new(&mut *out, Escape::Html);
        writeln!(clean, "<style>{}</style>", aligned::STYLE)?;
        writeln!(clean, "<h1 class=\"annex\">Annex: parallel texts</h1>")?;
        for &(a, b) in &pairs {
            let alignment = align_documents(corpus, a, b);
            let texts = texts(corpus, a, b)?;
            let view = view(corpus, a, b, [&texts[0], &texts[1]], &alignment);
            aligned::html_section(&view, &mut clean)?;
        }
        clean.finish()?;
        out.write_all(&page[cut..])?;
        return Ok(());
    }
    print(corpus, format, options, out)?;
    let mut clean = CleanWriter::new(&mut *out, Escape::Visible);
    for &(a, b) in &pairs {
        let alignment = align_documents(corpus, a, b);
        let texts = texts(corpus, a, b)?;
        let view = view(corpus, a, b, [&texts[0], &texts[1]], &alignment);
        match format {
            Format::Markdown => {
                writeln!(clean, "\n# Annex: parallel text\n")?;
                aligned::markdown(&view, 2, &mut clean)?;
            }
            _ => {
                let title = format!(
                    "Annex: parallel text, {} beside {}",
                    corpus.documents()[a].id(),
                    corpus.documents()[b].id()
                );
                let rule = "=".repeat(options.width.min(title.chars().count()));
                writeln!(clean, "\n\n{}\n{rule}\n", super::one_line(&title))?;
                aligned::text(&view, options.width, &mut clean)?;
            }
        }
    }
    clean.finish()?;
    Ok(())
}

fn view<'a>(
    corpus: &'a Corpus,
    a: DocId,
    b: DocId,
    texts: [&'a Text; 2],
    alignment: &'a crate::engine::align::Alignment,
) -> AlignedView<'a> {
    AlignedView {
        a: &corpus.documents()[a],
        b: &corpus.documents()[b],
        texts,
        alignment,
    }
}

/// The texts of `a` and `b`.
fn texts(corpus: &Corpus, a: DocId, b: DocId) -> Result<[Arc<Text>; 2], TextError> {
    Ok([corpus.text(a)?, corpus.text(b)?])
}

/// The parallel pairs among the printed briefs' documents, each once: the document whose
/// `parallel:` names the other is side A (the first declared, when both name each other).
fn parallel_pairs(
    corpus: &Corpus,
    options: &PrintOptions,
) -> Result<Vec<(DocId, DocId)>, PrintError> {
    let selection = select::select(corpus, options)?;
    let mut pairs: Vec<(DocId, DocId)> = Vec::new();
    for view in &selection.briefs {
        let declared = &view.brief.documents;
        for &d in declared {
            let Some(p) = corpus.documents()[d]
                .meta
                .as_ref()
                .and_then(|m| m.parallel.as_deref())
                .and_then(|id| corpus.document_by_id(id))
            else {
                continue;
            };
            if p != d
                && declared.contains(&p)
                && !pairs
                    .iter()
                    .any(|&(x, y)| (x, y) == (d, p) || (x, y) == (p, d))
            {
                pairs.push((d, p));
            }
        }
    }
    Ok(pairs)
}
