//! What a printout holds: the briefs and topics `PrintOptions` select, and under which
//! topic each annotation is printed in full.

use super::{PrintError, PrintOptions};
use crate::engine::corpus::{
    Annotation, AnnotationKind, Brief, BriefId, Corpus, Document, Topic, TopicId,
};

/// What is printed, in order.
pub(crate) struct Selection<'a> {
    pub corpus: &'a Corpus,
    pub briefs: Vec<BriefView<'a>>,
}

/// One brief as printed.
pub(crate) struct BriefView<'a> {
    pub brief: &'a Brief,
    /// The documents the brief declares.
    pub documents: Vec<&'a Document>,
    /// Topic by topic; a last section without a topic holds annotations with none.
    pub sections: Vec<Section<'a>>,
    /// Every printed annotation, in the brief's order (figures, then themes).
    pub annotations: Vec<&'a Annotation>,
}

/// A topic and what stands under it.
pub(crate) struct Section<'a> {
    pub topic: Option<&'a Topic>,
    /// Printed here in full: figures first, then themes.
    pub annotations: Vec<&'a Annotation>,
    /// Carrying this topic but printed in full under an earlier one (that topic given).
    pub see_also: Vec<(&'a Annotation, Option<&'a Topic>)>,
}

pub(super) fn select<'a>(
    corpus: &'a Corpus,
    options: &PrintOptions,
) -> Result<Selection<'a>, PrintError> {
    let chosen: Vec<BriefId> = match &options.brief {
        Some(id) => vec![
            find_brief(corpus, id).ok_or_else(|| PrintError::UnknownBrief {
                id: id.clone(),
                known: corpus.briefs().iter().map(|b| b.id.clone()).collect(),
            })?,
        ],
        None => corpus.briefs().ids().collect(),
    };
    // Requested topics must exist: in the chosen brief, or anywhere when all are printed.
    let mut wanted = Vec::new();
    for id in &options.topics {
        let known: Vec<TopicId> = match chosen.as_slice() {
            [one] if options.brief.is_some() => brief_topics(corpus, *one),
            _ => corpus.topics().ids().collect(),
        };
        match known
            .iter()
            .find(|&&t| corpus.topics().get(t).is_some_and(|t| &t.id == id))
        {
            Some(&t) => wanted.push(t),
            None => {
                return Err(PrintError::UnknownTopic {
                    id: id.clone(),
                    known: known
                        .iter()
                        .filter_map(|&t| corpus.topics().get(t))
                        .map(|t| t.id.clone())
                        .collect(),
                });
            }
        }
    }
    let briefs = chosen
        .into_iter()
        .filter_map(|b| view(corpus, b, &wanted))
        .filter(|v| options.brief.is_some() || wanted.is_empty() || !v.sections.is_empty())
        .collect();
    Ok(Selection { corpus, briefs })
}

/// A brief by id or path: as shown, or relative to the corpus (`briefs/x.yaml`).
fn find_brief(corpus: &Corpus, id: &str) -> Option<BriefId> {
    corpus.brief_by_id(id).or_else(|| {
        let wanted = id.trim_start_matches("./").replace('\\', "/");
        corpus
            .briefs()
            .position(|b| relative_path(corpus, &b.path).replace('\\', "/") == wanted)
    })
}

/// A path inside the corpus relative to it (`briefs/x.yaml`), the same on every machine.
pub(crate) fn relative_path<'a>(corpus: &Corpus, path: &'a str) -> &'a str {
    corpus
        .root()
        .and_then(|root| path.strip_prefix(root))
        .map_or(path, |p| p.trim_start_matches(['/', '\\']))
}

/// The topics of a brief: those it defines, then any others its annotations carry.
fn brief_topics(corpus: &Corpus, brief: BriefId) -> Vec<TopicId> {
    let Some(b) = corpus.briefs().get(brief) else {
        return Vec::new();
    };
    let mut topics = b.topics.clone();
    for a in b
        .annotations
        .iter()
        .filter_map(|&a| corpus.annotations().get(a))
    {
        for &t in &a.topics {
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
    }
    topics
}

fn view<'a>(corpus: &'a Corpus, index: BriefId, wanted: &[TopicId]) -> Option<BriefView<'a>> {
    let brief = corpus.briefs().get(index)?;
    let topics: Vec<TopicId> = brief_topics(corpus, index)
        .into_iter()
        .filter(|t| wanted.is_empty() || wanted.contains(t))
        .collect();
    let annotations: Vec<&Annotation> = brief
        .annotations
        .iter()
        .filter_map(|&a| corpus.annotations().get(a))
        .filter(|a| {
            if wanted.is_empty() {
                true
            } else {
                a.topics.iter().any(|t| wanted.contains(t))
            }
        })
        .collect();
    let home = |a: &Annotation| a.topics.iter().copied().find(|t| topics.contains(t));
    let mut sections: Vec<Section> = topics
        .iter()
        .map(|&t| {
            let mut full = Vec::new();
            let mut see_also = Vec::new();
            for &a in &annotations {
                if !a.topics.contains(&t) {
                    continue;
                }
                match home(a) {
                    Some(h) if h == t => full.push(a),
                    h => see_also.push((a, h.and_then(|h| corpus.topics().get(h)))),
                }
            }
            full.sort_by_key(|a| a.kind() != AnnotationKind::Figure);
            Section {
                topic: corpus.topics().get(t),
                annotations: full,
                see_also,
            }
        })
        .collect();
    let homeless: Vec<&Annotation> = annotations
        .iter()
        .copied()
        .filter(|a| home(a).is_none())
        .collect();
    if !homeless.is_empty() {
        sections.push(Section {
            topic: None,
            annotations: homeless,
            see_also: Vec::new(),
        });
    }
    let documents = brief
        .documents
        .iter()
        .filter_map(|&d| corpus.documents().get(d))
        .collect();
    Some(BriefView {
        brief,
        documents,
        sections,
        annotations,
    })
}
