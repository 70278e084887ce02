//! The topic navigator and what it chooses: open topics, its cursor, the chosen topic, the
//! selected annotation and which annotations the panes highlight.

use crate::engine::corpus::{AnnotationId, IdVec, TopicId};
use crate::engine::{AnnotationKind, Corpus};

/// Which annotations the panes highlight (`h` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Highlights {
    /// Figures and themes.
    #[default]
    All,
    Figures,
    /// Only the selected annotation.
    Selected,
    None,
}

impl Highlights {
    /// The next in the cycle.
    pub fn next(self) -> Highlights {
        match self {
            Highlights::All => Highlights::Figures,
            Highlights::Figures => Highlights::Selected,
            Highlights::Selected => Highlights::None,
            Highlights::None => Highlights::All,
        }
    }

    /// Whether annotations of `kind` are highlighted (the selected one aside).
    pub fn shows(self, kind: AnnotationKind) -> bool {
        match self {
            Highlights::All => true,
            Highlights::Figures => kind == AnnotationKind::Figure,
            Highlights::Selected | Highlights::None => false,
        }
    }

    /// How the status line says it.
    pub fn describe(self) -> &'static str {
        match self {
            Highlights::All => "Highlighting figures and themes.",
            Highlights::Figures => "Highlighting figures only.",
            Highlights::Selected => "Highlighting the selected annotation only.",
            Highlights::None => "No highlights (search matches still show).",
        }
    }
}

/// What the navigator lists under each topic (`t` cycles); `n`/`N` walk the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Listing {
    /// Figures and themes.
    #[default]
    All,
    Figures,
    Themes,
}

impl Listing {
    /// The next in the cycle.
    pub fn next(self) -> Listing {
        match self {
            Listing::All => Listing::Figures,
            Listing::Figures => Listing::Themes,
            Listing::Themes => Listing::All,
        }
    }

    /// Whether annotations of `kind` are listed.
    pub fn lists(self, kind: AnnotationKind) -> bool {
        match self {
            Listing::All => true,
            Listing::Figures => kind == AnnotationKind::Figure,
            Listing::Themes => kind == AnnotationKind::Theme,
        }
    }

    /// What is listed, in a word: "annotations", "figures", "themes".
    pub fn noun(self) -> &'static str {
        match self {
            Listing::All => "annotations",
            Listing::Figures => "figures",
            Listing::Themes => "themes",
        }
    }

    /// The navigator's title.
    pub fn title(self) -> &'static str {
        match self {
            Listing::All => " Topics ",
            Listing::Figures => " Topics · figures ",
            Listing::Themes => " Topics · themes ",
        }
    }

    /// How the status line says it.
    pub fn describe(self) -> &'static str {
        match self {
            Listing::All => "The navigator lists figures and themes.",
            Listing::Figures => "The navigator lists figures only (t: themes).",
            Listing::Themes => "The navigator lists themes only (t: all).",
        }
    }
}

/// One row of the topic navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavItem {
    Topic(TopicId),
    /// An annotation listed under an open topic.
    Annotation {
        topic: TopicId,
        annotation: AnnotationId,
    },
}

/// The navigator's state.
#[derive(Debug, Default)]
pub struct Navigator {
    /// Topics opened in the navigator.
    pub(crate) open_topics: IdVec<TopicId, bool>,
    /// Index into the navigator's rows.
    pub(crate) cursor: usize,
    /// The chosen topic: `n`/`N` walk its annotations.
    pub(crate) topic: Option<TopicId>,
    /// The topic Esc last let go of: `]` and `[` go on from it.
    pub(crate) last_topic: Option<TopicId>,
    /// The selected annotation.
    pub(crate) selected: Option<AnnotationId>,
    /// Which annotations the panes highlight.
    pub(crate) highlights: Highlights,
    /// What is listed under each topic.
    pub(crate) listing: Listing,
}

impl Navigator {
    /// A navigator over `topics` topics, all closed.
    pub fn new(topics: usize) -> Navigator {
        Navigator {
            open_topics: IdVec::from(vec![false; topics]),
            ..Navigator::default()
        }
    }

    /// The rows: topics of `corpus`, with the annotations of open topics under them.
    pub fn items(&self, corpus: &Corpus) -> Vec<NavItem> {
        let mut items = Vec::new();
        for t in corpus.topics().ids() {
            items.push(NavItem::Topic(t));
            if self.open_topics.get(t).copied().unwrap_or(false) {
                items.extend(
                    self.listed(corpus, t)
                        .map(|annotation| NavItem::Annotation {
                            topic: t,
                            annotation,
                        }),
                );
            }
        }
        items
    }

    /// The annotations of topic `t` that the navigator lists.
    pub fn listed<'a>(
        &self,
        corpus: &'a Corpus,
        t: TopicId,
    ) -> impl Iterator<Item = AnnotationId> + 'a {
        let listing = self.listing;
        corpus.annotations_for_topic(t).filter(move |&a| {
            corpus
                .annotations()
                .get(a)
                .is_some_and(|a| listing.lists(a.kind()))
        })
    }
}
