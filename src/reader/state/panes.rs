//! The two document panes: which one (`Pane`), what each shows (`PaneView`), and a value
//! for each of them (`ByPane`), so no pane is ever a bare number.

use crate::engine::corpus::DocId;
use std::ops::{Index, IndexMut};

/// One of the two document panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The left pane, or the top one when they are stacked.
    Left,
    /// The right pane, or the bottom one.
    Right,
}

impl Pane {
    /// Both, left first.
    pub const BOTH: [Pane; 2] = [Pane::Left, Pane::Right];

    /// The partner pane.
    pub fn other(self) -> Pane {
        match self {
            Pane::Left => Pane::Right,
            Pane::Right => Pane::Left,
        }
    }

    /// 1 or 2, as the screen names the pane.
    pub fn number(self) -> usize {
        self.index() + 1
    }

    fn index(self) -> usize {
        match self {
            Pane::Left => 0,
            Pane::Right => 1,
        }
    }
}

/// What a pane shows: a document, from a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaneView {
    /// The document shown.
    pub doc: Option<DocId>,
    /// Byte offset where the top row starts.
    pub top: usize,
}

/// A value for each pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ByPane<T>([T; 2]);

/// What both panes show.
pub type Panes = ByPane<PaneView>;

impl<T> ByPane<T> {
    pub fn new(left: T, right: T) -> ByPane<T> {
        ByPane([left, right])
    }

    /// The values, left first.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// Each pane with its value, left first.
    pub fn each(&self) -> impl Iterator<Item = (Pane, &T)> {
        Pane::BOTH.into_iter().zip(&self.0)
    }

    /// The first pane whose value satisfies `f`.
    pub fn find(&self, f: impl Fn(&T) -> bool) -> Option<Pane> {
        self.each().find(|(_, v)| f(v)).map(|(p, _)| p)
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> ByPane<U> {
        ByPane(self.0.map(f))
    }
}

impl<T> Index<Pane> for ByPane<T> {
    type Output = T;

    fn index(&self, pane: Pane) -> &T {
        &self.0[pane.index()]
    }
}

impl<T> IndexMut<Pane> for ByPane<T> {
    fn index_mut(&mut self, pane: Pane) -> &mut T {
        &mut self.0[pane.index()]
    }
}
