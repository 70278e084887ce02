//! The corpus a first screen needs, at a cost that does not grow with the corpus: a small
//! corpus whole; of a large one, the head of its first brief (documents and topics) and
//! the pair of documents the reader opens on, so the reader can draw at once and load the
//! rest (annotations, counts, the other documents) in the background.

use crate::engine::brief::{BriefFile, stream};
use crate::engine::corpus::{Corpus, CorpusParts};
use crate::engine::error::CorpusError;
use crate::engine::load::{LastGood, load_listing};
use crate::engine::source::{CorpusSource, Listing, Parts, SourceFile, list};

/// Up to this many documents a corpus is loaded whole before the first frame: it costs
/// a few milliseconds.
pub const WHOLE_UP_TO: usize = 200;
/// How many briefs the opening looks through for one that declares documents.
const BRIEFS_TRIED: usize = 4;

/// What the first screen gets.
#[derive(Debug)]
pub enum Opening {
    /// The whole corpus, with its briefs' last good versions for live reload.
    Whole(Corpus, LastGood),
    /// A part: the head of the first brief that loads and the pair it opens on. Its
    /// findings are
    /// left out (they would be those of a part, such as a document declared elsewhere
    /// having no file); the whole corpus, loaded next, reports them.
    Part {
        corpus: Corpus,
        /// Documents in the whole corpus, for the status line while it loads.
        documents: usize,
    },
}

/// Lists the corpus and loads what the first screen needs.
pub fn load_opening(source: &CorpusSource) -> Result<Opening, CorpusError> {
    let listing = list(source, Parts::All)?;
    let documents = listing.seeds.len();
    if documents <= WHOLE_UP_TO {
        let mut last_good = LastGood::default();
        let corpus = load_listing(listing, Some(&mut last_good));
        return Ok(Opening::Whole(corpus, last_good));
    }
    let Listing {
        root,
        seeds,
        briefs,
        findings: _,
    } = listing;
    let first = briefs.iter().take(BRIEFS_TRIED).find_map(opening_brief);
    let part = match first {
        Some((brief, files)) => Listing {
            root,
            seeds: seeds
                .into_iter()
                .filter(|s| files.contains(&s.name))
                .collect(),
            briefs: vec![brief],
            findings: Vec::new(),
        },
        // No brief to open on: the first documents, unannotated, until the rest arrives.
        None => Listing {
            root,
            seeds: seeds.into_iter().take(2).collect(),
            briefs: Vec::new(),
            findings: Vec::new(),
        },
    };
    let corpus = Corpus::new(CorpusParts {
        findings: Vec::new(),
        ..load_listing(part, None).into_parts()
    });
    Ok(Opening::Part { corpus, documents })
}

/// The head of a brief (what comes before its first top-level `figures:` or `themes:`:
/// title, documents, topics) and the files of the pair the reader opens on: the first
/// document with a parallel partner that has a file, or the first document with a file.
/// The annotations, which are the bulk of a large brief, come with the whole corpus.
fn opening_brief(entry: &SourceFile) -> Option<(SourceFile, Vec<String>)> {
    let bytes = entry.read().ok()?;
    let head = head_of(&bytes);
    let brief: BriefFile = stream::from_str(std::str::from_utf8(head).ok()?).ok()?;
    let file_of = |id: &str| {
        brief
            .documents
            .iter()
            .find(|d| d.id == id)
            .and_then(|d| d.file.clone())
    };
    let pair = brief.documents.iter().find_map(|d| {
        let partner = file_of(d.parallel.as_deref()?)?;
        Some(vec![d.file.clone()?, partner])
    });
    let files = pair.or_else(|| {
        let first = brief.documents.iter().find_map(|d| d.file.clone())?;
        Some(vec![first])
    })?;
    let head = SourceFile::in_memory(&entry.name, &entry.shown, head.to_vec());
    Some((head, files))
}

/// `yaml` up to the first line that starts a top-level `figures:` or `themes:` key.
fn head_of(yaml: &[u8]) -> &[u8] {
    let mut at = 0;
    for line in yaml.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"figures:") || line.starts_with(b"themes:") {
            return yaml.get(..at).unwrap_or(yaml);
        }
        at += line.len();
    }
    yaml
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn corpus(docs: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("seeds")).unwrap();
        fs::create_dir_all(dir.path().join("briefs")).unwrap();
        for i in 0..docs {
            fs::write(
                dir.path().join(format!("seeds/d{i:04}.txt")),
                format!("doc {i}\n"),
            )
            .unwrap();
        }
        // The first brief declares two documents, one of them only by id.
        fs::write(
            dir.path().join("briefs/a.yaml"),
            "title: A\ndocuments:\n  - id: one\n    file: d0003.txt\n    lang: vi\n    parallel: two\n  - id: two\n    file: d0007.txt\n    lang: id\n  - id: elsewhere\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("briefs/b.yaml"),
            "title: B\ndocuments:\n  - id: elsewhere\n    file: d0100.txt\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn a_small_corpus_opens_whole() {
        let dir = corpus(WHOLE_UP_TO);
        let opening = load_opening(&CorpusSource::Dir(dir.path().to_path_buf())).unwrap();
        let Opening::Whole(c, _) = opening else {
            panic!("expected the whole corpus");
        };
        assert_eq!(c.documents().len(), WHOLE_UP_TO);
        assert_eq!(c.briefs().len(), 2);
    }

    #[test]
    fn a_large_corpus_opens_on_its_first_brief_and_its_documents() {
        let dir = corpus(WHOLE_UP_TO + 1);
        let opening = load_opening(&CorpusSource::Dir(dir.path().to_path_buf())).unwrap();
        let Opening::Part { corpus, documents } = opening else {
            panic!("expected a part");
        };
        assert_eq!(documents, WHOLE_UP_TO + 1);
        let files: Vec<&str> = corpus.documents().iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["d0003.txt", "d0007.txt"]);
        assert_eq!(corpus.briefs().len(), 1);
        // `elsewhere` has no file in this part: not reported, the whole corpus says.
        assert!(corpus.findings().is_empty(), "{:?}", corpus.findings());
    }

    #[test]
    fn the_part_is_the_head_of_the_brief_without_its_annotations() {
        let dir = corpus(WHOLE_UP_TO + 1);
        let brief = fs::read_to_string(dir.path().join("briefs/a.yaml")).unwrap();
        let with_annotations = format!(
            "{brief}topics:\n  - id: t\n    title: T\nthemes:\n  - topics: [t]\n    quotes:\n      - doc: one\n        text: doc 3\nfigures: []\n"
        );
        fs::write(dir.path().join("briefs/a.yaml"), with_annotations).unwrap();
        let opening = load_opening(&CorpusSource::Dir(dir.path().to_path_buf())).unwrap();
        let Opening::Part { corpus, .. } = opening else {
            panic!("expected a part");
        };
        assert_eq!(corpus.topics().len(), 1);
        assert!(corpus.annotations().is_empty());
        assert_eq!(head_of(b"a: 1\nthemes:\n  x\nfigures: []\n"), b"a: 1\n");
        assert_eq!(head_of(b"a: 1\n  themes: 2\n"), b"a: 1\n  themes: 2\n");
    }

    #[test]
    fn a_large_corpus_without_a_brief_opens_on_its_first_documents() {
        let dir = corpus(WHOLE_UP_TO + 1);
        fs::remove_dir_all(dir.path().join("briefs")).unwrap();
        let opening = load_opening(&CorpusSource::Dir(dir.path().to_path_buf())).unwrap();
        let Opening::Part { corpus, .. } = opening else {
            panic!("expected a part");
        };
        assert_eq!(corpus.documents().len(), 2);
    }
}
