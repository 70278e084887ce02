//! Typed indices into one corpus: a [`DocId`] can only name a document, a [`TopicId`] a
//! topic, and so on, so no index of one kind is ever used for another. [`IdVec`] is a list
//! indexed by its own kind of id.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut, Index, IndexMut};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(u32);

        impl $name {
            /// The id of the item at `index` of its list.
            pub const fn new(index: usize) -> $name {
                $name(to_u32(index))
            }

            /// Its position in its list.
            pub const fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl Id for $name {
            fn new(index: usize) -> $name {
                $name::new(index)
            }

            fn index(self) -> usize {
                $name::index(self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

ids! {
    /// A document of the corpus (`Corpus::documents`).
    DocId;
    /// A topic of the corpus (`Corpus::topics`).
    TopicId;
    /// A figure or theme of the corpus (`Corpus::annotations`).
    AnnotationId;
    /// A brief that loaded (`Corpus::briefs`).
    BriefId;
}

/// An index as an id: four bytes, since a corpus holds millions of ids (one per quote's
/// job, per annotation of a brief). A list of more than `u32::MAX` items cannot be held
/// (an annotation alone takes over 100 bytes); past it, ids saturate rather than wrap.
const fn to_u32(index: usize) -> u32 {
    if index > u32::MAX as usize {
        u32::MAX
    } else {
        index as u32
    }
}

/// What the ids have in common: a position in their list.
pub trait Id: Copy {
    fn new(index: usize) -> Self;
    fn index(self) -> usize;
}

/// A list whose positions are ids of kind `I`. It derefs to its `Vec`, so pushing,
/// iterating and counting read as usual; `list[id]` and [`IdVec::get`] take an `I`.
#[derive(Clone, PartialEq)]
pub struct IdVec<I, T> {
    items: Vec<T>,
    id: PhantomData<fn() -> I>,
}

impl<I: Id, T> IdVec<I, T> {
    /// The item with this id, if there is one.
    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.index())
    }

    /// The item with this id, to change while the list is built.
    pub fn get_mut(&mut self, id: I) -> Option<&mut T> {
        self.items.get_mut(id.index())
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.items.len()).map(I::new)
    }

    /// Every item with its id, in order.
    pub fn enumerated(&self) -> impl DoubleEndedIterator<Item = (I, &T)> {
        self.items.iter().enumerate().map(|(i, t)| (I::new(i), t))
    }

    /// The id of the first item that `wanted` accepts.
    pub fn position(&self, wanted: impl FnMut(&T) -> bool) -> Option<I> {
        self.items.iter().position(wanted).map(I::new)
    }

    /// The id the next pushed item will have.
    pub fn next_id(&self) -> I {
        I::new(self.items.len())
    }
}

impl<I, T> Default for IdVec<I, T> {
    fn default() -> IdVec<I, T> {
        IdVec {
            items: Vec::new(),
            id: PhantomData,
        }
    }
}

impl<I, T> From<Vec<T>> for IdVec<I, T> {
    fn from(items: Vec<T>) -> IdVec<I, T> {
        IdVec {
            items,
            id: PhantomData,
        }
    }
}

impl<I, T> FromIterator<T> for IdVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> IdVec<I, T> {
        IdVec::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<I, T> Deref for IdVec<I, T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.items
    }
}

impl<I, T> DerefMut for IdVec<I, T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.items
    }
}

impl<I: Id, T> Index<I> for IdVec<I, T> {
    type Output = T;

    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: Id, T> IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}

impl<I, T: fmt::Debug> fmt::Debug for IdVec<I, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

impl<'a, I, T> IntoIterator for &'a IdVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, I, T> IntoIterator for &'a mut IdVec<I, T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_four_bytes_and_saturates_past_them() {
        assert_eq!(std::mem::size_of::<DocId>(), 4);
        assert_eq!(DocId::new(7).index(), 7);
        assert_eq!(DocId::new(usize::MAX).index(), u32::MAX as usize);
    }
}
