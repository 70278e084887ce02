//! Two documents of the corpus as the aligner sees them: their texts, which tokens they
//! can share (from their languages), and what curators wrote about both (pins, and
//! annotations quoted in both) as links.

use super::cognates::Mode;
use super::{Alignment, Link, Which, align_texts};
use crate::engine::corpus::{Annotation, AnnotationId, Corpus, Counterpart, DocId};

/// Which tokens two documents can share, from their language tags.
pub fn mode_for(lang_a: &str, lang_b: &str) -> Mode {
    let primary = |l: &str| {
        l.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let (a, b) = (primary(lang_a), primary(lang_b));
    if a != b && !a.is_empty() && !b.is_empty() && a != "?" && b != "?" {
        Mode::Cognates
    } else {
        Mode::Words
    }
}

/// Aligns documents `a` and `b` of the corpus, with its pins and shared annotations
/// (nothing, if a text can no longer be read: it changed since the corpus loaded).
pub fn align_documents(corpus: &Corpus, a: DocId, b: DocId) -> Alignment {
    let (Some(da), Some(db)) = (corpus.documents().get(a), corpus.documents().get(b)) else {
        return Alignment::default();
    };
    let (Ok(ta), Ok(tb)) = (corpus.text(a), corpus.text(b)) else {
        return Alignment::default();
    };
    let mode = mode_for(da.lang(), db.lang());
    align_texts(
        ta.as_str(),
        tb.as_str(),
        &curators_links(corpus, a, b),
        mode,
    )
}

/// The pins between `a` and `b` (either way round), then each annotation quoted in both.
pub fn curators_links(corpus: &Corpus, a: DocId, b: DocId) -> Vec<Link> {
    let mut links = Vec::new();
    for pin in corpus.pins() {
        let here = pin.a.range();
        let link = match &pin.b {
            Counterpart::Passage(there) if (pin.a.doc, there.doc) == (a, b) => Link::Pin {
                a: here,
                b: there.range(),
            },
            Counterpart::Passage(there) if (pin.a.doc, there.doc) == (b, a) => Link::Pin {
                a: there.range(),
                b: here,
            },
            Counterpart::Absent { doc } if (pin.a.doc, *doc) == (a, b) => Link::Alone {
                side: Which::A,
                range: here,
            },
            Counterpart::Absent { doc } if (pin.a.doc, *doc) == (b, a) => Link::Alone {
                side: Which::B,
                range: here,
            },
            _ => continue,
        };
        links.push(link);
    }
    // The annotations quoted in `a`, in corpus order, from the index of anchors: a walk
    // of the document's own anchors, not of every annotation in the corpus.
    let mut quoted_in_a: Vec<AnnotationId> = corpus
        .anchors_in(a, 0..usize::MAX)
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    quoted_in_a.sort_unstable();
    quoted_in_a.dedup();
    links.extend(
        quoted_in_a
            .into_iter()
            .filter_map(|id| annotation_link(&corpus.annotations()[id], a, b)),
    );
    links
}

/// The link an annotation quoted in both `a` and `b` makes: its places in each.
fn annotation_link(ann: &Annotation, a: DocId, b: DocId) -> Option<Link> {
    let places = |doc: DocId| -> Vec<_> {
        ann.quotes
            .iter()
            .filter_map(|q| q.anchor.as_ref().ok().filter(|x| x.doc == doc))
            .map(|x| x.range())
            .collect()
    };
    let (in_a, in_b) = (places(a), places(b));
    (!in_a.is_empty() && !in_b.is_empty()).then_some(Link::Annotation { a: in_a, b: in_b })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CorpusSource, load};

    /// The annotation links of `a` and `b` by a scan of every annotation of the corpus.
    fn scanned(corpus: &Corpus, a: DocId, b: DocId) -> Vec<Link> {
        corpus
            .annotations()
            .iter()
            .filter_map(|ann| annotation_link(ann, a, b))
            .collect()
    }

    #[test]
    fn the_annotation_links_from_the_index_are_those_of_a_scan() {
        let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
        let mut linked = 0;
        for a in corpus.documents().ids() {
            for b in corpus.documents().ids().filter(|&b| b != a) {
                let links: Vec<Link> = curators_links(&corpus, a, b)
                    .into_iter()
                    .filter(|l| matches!(l, Link::Annotation { .. }))
                    .collect();
                assert_eq!(links, scanned(&corpus, a, b), "{a:?} {b:?}");
                linked += links.len();
            }
        }
        assert!(linked > 0, "the built-in corpus links some pair");
    }
}
