//! The resolved corpus: an immutable model of documents, briefs, topics and annotations
//! with their anchors (`items.rs`), and the index the reader asks on every frame
//! (`index.rs`), built once in [`Corpus::new`]. Everything the reader and the printers
//! show comes from here.

mod document;
pub mod ids;
pub mod index;
mod items;
mod texts;

use std::ops::Range;
use std::sync::Arc;

use crate::engine::finding::Finding;
use crate::engine::text::Text;
pub use document::*;
pub use ids::{AnnotationId, BriefId, DocId, Id, IdVec, TopicId};
use index::CorpusIndex;
pub use items::*;
use texts::TextCache;

/// What a corpus is made of, before it is indexed: what `resolve` builds, and what a test
/// may put together by hand.
#[derive(Debug, Clone, Default)]
pub struct CorpusParts {
    /// How the corpus was named on the command line (`None` for the built-in corpus).
    pub root: Option<String>,
    /// Every seed file, sorted by file name.
    pub documents: IdVec<DocId, Document>,
    /// Every brief that loaded, sorted by file name.
    pub briefs: IdVec<BriefId, Brief>,
    /// Topics of the whole corpus, in order of first definition.
    pub topics: IdVec<TopicId, Topic>,
    /// Every figure and theme of every brief, brief by brief, figures before themes.
    pub annotations: IdVec<AnnotationId, Annotation>,
    /// Errors and warnings found while loading, sorted by file and position.
    pub findings: Vec<Finding>,
    /// Passages curators paired by hand (`pins:`), for the aligner.
    pub pins: Vec<Pin>,
}

impl CorpusParts {
    /// The document with this id.
    pub fn document_by_id(&self, id: &str) -> Option<DocId> {
        self.documents
            .position(|d| d.meta.as_ref().is_some_and(|m| m.id == id))
    }

    /// The document's partner: its `parallel` document, or one that names it as parallel.
    pub fn partner(&self, doc: DocId) -> Option<DocId> {
        let meta = self.documents.get(doc)?.meta.as_ref()?;
        if let Some(p) = meta
            .parallel
            .as_deref()
            .and_then(|p| self.document_by_id(p))
        {
            return Some(p);
        }
        self.documents.position(|d| {
            d.meta
                .as_ref()
                .and_then(|m| m.parallel.as_deref())
                .is_some_and(|p| p == meta.id)
        })
    }
}

/// A whole corpus after loading and anchoring. Immutable: its index always agrees with it.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    parts: CorpusParts,
    index: CorpusIndex,
    texts: TextCache,
}

impl Corpus {
    /// The corpus of `parts`, indexed.
    pub fn new(parts: CorpusParts) -> Corpus {
        let index = CorpusIndex::build(&parts);
        Corpus {
            parts,
            index,
            texts: TextCache::default(),
        }
    }

    /// The parts back, to make another corpus of them.
    pub fn into_parts(self) -> CorpusParts {
        self.parts
    }

    /// The parts it is made of.
    pub fn parts(&self) -> &CorpusParts {
        &self.parts
    }

    /// How the corpus was named on the command line (`None` for the built-in corpus).
    pub fn root(&self) -> Option<&str> {
        self.parts.root.as_deref()
    }

    /// Every seed file, sorted by file name.
    pub fn documents(&self) -> &IdVec<DocId, Document> {
        &self.parts.documents
    }

    /// The text of `doc`: held, kept from a recent read, or read again from its file
    /// (and kept a while: the texts a frame shows), served only while the file's bytes
    /// are those the corpus was loaded from.
    pub fn text(&self, doc: DocId) -> Result<Arc<Text>, TextError> {
        let document = self.document(doc)?;
        if let Some(text) = document.text.held() {
            return Ok(Arc::clone(text));
        }
        if let Some(text) = self.texts.get(doc) {
            return Ok(text);
        }
        let text = self.read_again(doc, document)?;
        self.texts.put(doc, Arc::clone(&text));
        Ok(text)
    }

    /// The text of `doc` as [`text`](Corpus::text) gives it, but read again without
    /// keeping it: for a scan over every document, which would only push out the texts
    /// on screen.
    pub fn scan_text(&self, doc: DocId) -> Result<Arc<Text>, TextError> {
        let document = self.document(doc)?;
        match self.texts.peek(doc) {
            Some(text) => Ok(text),
            None => self.read_again(doc, document),
        }
    }

    /// `document`'s text read again, unless that failed before: a corpus does not try a
    /// changed file again on every frame.
    fn read_again(&self, doc: DocId, document: &Document) -> Result<Arc<Text>, TextError> {
        if let Some(why) = self.texts.failure(doc) {
            return Err(why);
        }
        document
            .read_text()
            .inspect_err(|why| self.texts.fail(doc, why))
    }

    fn document(&self, doc: DocId) -> Result<&Document, TextError> {
        self.parts
            .documents
            .get(doc)
            .ok_or(TextError::NoSuchDocument)
    }

    /// Every brief that loaded, sorted by file name.
    pub fn briefs(&self) -> &IdVec<BriefId, Brief> {
        &self.parts.briefs
    }

    /// Topics of the whole corpus, in order of first definition.
    pub fn topics(&self) -> &IdVec<TopicId, Topic> {
        &self.parts.topics
    }

    /// Every figure and theme of every brief, brief by brief, figures before themes.
    pub fn annotations(&self) -> &IdVec<AnnotationId, Annotation> {
        &self.parts.annotations
    }

    /// Errors and warnings found while loading, sorted by file and position.
    pub fn findings(&self) -> &[Finding] {
        &self.parts.findings
    }

    /// Passages curators paired by hand (`pins:`), for the aligner.
    pub fn pins(&self) -> &[Pin] {
        &self.parts.pins
    }

    /// Annotations carrying this topic, in corpus order.
    pub fn annotations_for_topic(&self, topic: TopicId) -> impl Iterator<Item = AnnotationId> + '_ {
        self.index.annotations_for_topic(topic)
    }

    /// The anchors in document `doc` that meet `range`: (anchor range, annotation), by start.
    pub fn anchors_in(&self, doc: DocId, range: Range<usize>) -> Vec<(Range<usize>, AnnotationId)> {
        self.index.anchors_in(doc, range)
    }

    /// The document with this id.
    pub fn document_by_id(&self, id: &str) -> Option<DocId> {
        self.parts.document_by_id(id)
    }

    /// The topic with this id.
    pub fn topic_by_id(&self, id: &str) -> Option<TopicId> {
        self.parts.topics.position(|t| t.id == id)
    }

    /// The brief with this id (file stem) or path.
    pub fn brief_by_id(&self, id: &str) -> Option<BriefId> {
        self.parts.briefs.position(|b| b.id == id || b.path == id)
    }

    /// The document's partner: its `parallel` document, or one that names it as parallel.
    pub fn partner(&self, doc: DocId) -> Option<DocId> {
        self.parts.partner(doc)
    }

    /// Annotations whose quotes could not be placed, with the failing quote.
    pub fn orphans(&self) -> impl Iterator<Item = (AnnotationId, &Quote)> + '_ {
        self.parts.annotations.enumerated().flat_map(|(i, a)| {
            a.quotes
                .iter()
                .filter(|q| q.anchor.is_err())
                .map(move |q| (i, q))
        })
    }

    /// The errors among the findings.
    pub fn error_count(&self) -> usize {
        self.parts.findings.iter().filter(|f| f.is_error()).count()
    }

    /// The warnings among the findings.
    pub fn warning_count(&self) -> usize {
        self.parts.findings.len() - self.error_count()
    }
}
