//! Going somewhere: choosing a topic, selecting an annotation (the panes follow its
//! quotes), stepping through annotations and topics.

use crate::engine::corpus::{AnnotationId, DocId, TopicId};
use crate::reader::state::{App, Listing, NavItem, Pane};

impl App {
    /// Selects annotation `a`: every pane showing one of its documents scrolls to the quote;
    /// a document not on screen takes the partner pane.
    pub(crate) fn select_annotation(&mut self, a: AnnotationId) {
        let Some(ann) = self.corpus.annotations().get(a) else {
            return;
        };
        self.nav.selected = Some(a);
        let mut docs: Vec<(DocId, usize)> = Vec::new();
        for q in &ann.quotes {
            if let Ok(anchor) = &q.anchor
                && !docs.iter().any(|(d, _)| *d == anchor.doc)
            {
                docs.push((anchor.doc, anchor.start()));
            }
        }
        let Some(&(first, _)) = docs.first() else {
            self.status.message =
                Some("No quote of this annotation could be placed (e lists problems).".into());
            return;
        };
        let shows = |app: &App, pane: Pane| {
            docs.iter()
                .find(|(d, _)| app.view.panes[pane].doc == Some(*d))
                .copied()
        };
        // The panes follow from the annotation alone: its first document beside its first
        // in another language (else its second, else the first one's partner).
        let lang = |d: DocId| self.corpus.documents().get(d).map(|d| d.lang());
        let other = docs
            .iter()
            .map(|(d, _)| *d)
            .find(|&d| lang(d) != lang(first))
            .or_else(|| docs.get(1).map(|(d, _)| *d))
            .or_else(|| self.corpus.partner(first));
        for (pane, d) in self.sides_for(first, other).each() {
            if let Some(d) = *d {
                self.set_doc(pane, d);
            }
        }
        for pane in Pane::BOTH {
            if let Some((_, offset)) = shows(self, pane)
                && !self.on_screen(pane, offset)
            {
                self.scroll_to_offset(pane, offset);
            }
        }
        if let Some(pane) = Pane::BOTH.into_iter().find(|&p| shows(self, p).is_some())
            && shows(self, pane.other()).is_none()
        {
            self.sync_from(pane);
        }
        self.reveal_in_nav(a);
    }

    /// Moves the navigator's cursor to annotation `a` when it is listed.
    fn reveal_in_nav(&mut self, a: AnnotationId) {
        let items = self.nav_items();
        let found = items.iter().position(|item| match item {
            NavItem::Annotation { topic, annotation } => {
                *annotation == a && self.nav.topic.is_none_or(|t| t == *topic)
            }
            NavItem::Topic(_) => false,
        });
        if let Some(k) = found {
            self.nav.cursor = k;
        }
    }

    /// `n`/`N` without a search: the next or previous annotation of the cycle.
    pub(crate) fn step_annotation(&mut self, forward: bool) {
        let cycle = self.cycle();
        if cycle.is_empty() {
            self.status.message = Some(match self.nav.listing {
                Listing::All => "No annotations here.".into(),
                other => format!("No {} here (t lists the others).", other.noun()),
            });
            return;
        }
        let k = match self
            .nav
            .selected
            .and_then(|s| cycle.iter().position(|&i| i == s))
        {
            Some(k) if forward => (k + 1) % cycle.len(),
            Some(k) => (k + cycle.len() - 1) % cycle.len(),
            None => self.start_from_reading_line(&cycle, forward),
        };
        if let Some(&a) = cycle.get(k) {
            self.select_annotation(a);
        }
    }

    /// Chooses topic `t`, opens it in the navigator and selects its first annotation.
    pub(crate) fn choose_topic(&mut self, t: TopicId) {
        if self.corpus.topics().get(t).is_none() {
            return;
        }
        self.nav.topic = Some(t);
        if let Some(open) = self.nav.open_topics.get_mut(t) {
            *open = true;
        }
        if let Some(k) = self
            .nav_items()
            .iter()
            .position(|i| *i == NavItem::Topic(t))
        {
            self.nav.cursor = k;
        }
        let first = self.listed(t).next();
        match first {
            Some(a) => self.select_annotation(a),
            None => self.nav.selected = None,
        }
    }

    /// `]`/`[`: the next or previous topic.
    pub(crate) fn step_topic(&mut self, forward: bool) {
        let n = self.corpus.topics().len();
        if n == 0 {
            self.status.message = Some("The corpus has no topics.".into());
            return;
        }
        let at = self.nav.topic.or(self.nav.last_topic).map(|t| t.index());
        let t = TopicId::new(match at.filter(|&t| t < n) {
            Some(t) if forward => (t + 1) % n,
            Some(t) => (t + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        });
        self.choose_topic(t);
    }

    /// `t`: the navigator lists the next kinds; its cursor stays on the same row, or on
    /// the topic of an annotation no longer listed.
    pub(crate) fn cycle_listing(&mut self) {
        let was = self.nav_items().get(self.nav.cursor).copied();
        self.nav.listing = self.nav.listing.next();
        let items = self.nav_items();
        let at = |item: NavItem| items.iter().position(|&i| i == item);
        self.nav.cursor = match was {
            Some(item @ NavItem::Topic(_)) => at(item),
            Some(item @ NavItem::Annotation { topic, .. }) => {
                at(item).or_else(|| at(NavItem::Topic(topic)))
            }
            None => None,
        }
        .unwrap_or(0);
        self.status.message = Some(self.nav.listing.describe().into());
    }
}
