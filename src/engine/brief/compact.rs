//! Small containers for what a corpus holds by the million (a brief of a million quotes):
//! [`Str`], a text with no spare room; [`Name`], a text shared by every quote that writes
//! it; [`Few`], a list that holds one item without an allocation of its own. Each reads
//! as what it replaces (`&str`, `&[T]`), so the code that reads the model does not change.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer};

/// The string methods and comparisons of a text type that derefs to `str`.
macro_rules! reads_as_str {
    ($type:ident) => {
        impl $type {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Deref for $type {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $type {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $type {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self.as_str(), f)
            }
        }

        impl From<&str> for $type {
            fn from(s: &str) -> $type {
                $type::from(s.to_owned())
            }
        }

        impl From<String> for $type {
            fn from(s: String) -> $type {
                $type(s.into())
            }
        }

        impl PartialEq<str> for $type {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $type {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<String> for $type {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other
            }
        }
    };
}

/// A text that never grows: 16 bytes and exactly its bytes, where a `String` is 24 and
/// often room to spare.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Str(Box<str>);

reads_as_str!(Str);

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        super::scalar(d)
    }
}

/// A text most often left out (a quote's prefix, a theme's note): 8 bytes when absent,
/// where an `Option<String>` is 24. Reads as `Option<&str>` through
/// [`as_deref`](OptStr::as_deref).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct OptStr(Option<Box<Str>>);

impl OptStr {
    pub fn as_deref(&self) -> Option<&str> {
        self.0.as_deref().map(Str::as_str)
    }

    pub fn is_some(&self) -> bool {
        self.0.is_some()
    }

    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }
}

impl From<Option<Str>> for OptStr {
    fn from(text: Option<Str>) -> OptStr {
        OptStr(text.map(Box::new))
    }
}

impl From<Option<&str>> for OptStr {
    fn from(text: Option<&str>) -> OptStr {
        OptStr::from(text.map(Str::from))
    }
}

/// Hashed as the `Option<&str>` it reads as.
impl std::hash::Hash for OptStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_deref().hash(state);
    }
}

impl fmt::Debug for OptStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.as_deref(), f)
    }
}

/// A quote's prefix and suffix, most often both left out: 8 bytes then, where two
/// [`OptStr`] are 16.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Context(Option<Box<(Option<Str>, Option<Str>)>>);

impl Context {
    pub fn new(prefix: Option<Str>, suffix: Option<Str>) -> Context {
        Context((prefix.is_some() || suffix.is_some()).then(|| Box::new((prefix, suffix))))
    }

    pub fn prefix(&self) -> Option<&str> {
        self.0.as_ref().and_then(|c| c.0.as_deref())
    }

    pub fn suffix(&self) -> Option<&str> {
        self.0.as_ref().and_then(|c| c.1.as_deref())
    }
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("prefix", &self.prefix())
            .field("suffix", &self.suffix())
            .finish()
    }
}

/// A text shared by all that write it (a document id, written by each of its quotes):
/// one allocation per distinct text, see [`Names`]. Eight bytes (a thin pointer), since
/// every quote holds one.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<String>);

reads_as_str!(Name);

/// The names made so far, so that each distinct text is allocated once.
#[derive(Debug, Default)]
pub struct Names(HashSet<Name>);

impl Names {
    /// The one `Name` of `text`.
    pub fn name(&mut self, text: &str) -> Name {
        if let Some(name) = self.0.get(text) {
            return name.clone();
        }
        let name = Name::from(text);
        self.0.insert(name.clone());
        name
    }
}

thread_local! {
    /// The names of the brief this thread is reading, if it is reading one.
    static READING: RefCell<Option<Names>> = const { RefCell::new(None) };
}

/// Runs `read` (one brief read), every [`Name`] it reads made once per distinct text:
/// serde hands a visitor no state, so the brief's names are this thread's while it reads.
pub(crate) fn naming<T>(read: impl FnOnce() -> T) -> T {
    let outer = READING.with(|names| names.replace(Some(Names::default())));
    let value = read();
    READING.with(|names| names.replace(outer));
    value
}

impl Name {
    /// The name of `text`: made once per distinct text of the brief being read (see
    /// [`naming`]).
    pub(crate) fn read(text: &str) -> Name {
        READING.with(|names| match names.borrow_mut().as_mut() {
            Some(names) => names.name(text),
            None => Name::from(text),
        })
    }
}

/// A document or topic id as a brief writes it.
impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        // The text borrowed where the brief holds it as it is: no String made for it.
        d.deserialize_any(super::ScalarVisitor(|text| Name::read(&text)))
    }
}

/// A list that is most often of one item: that item held in place, more in a boxed slice
/// that fits them exactly. Reads as a slice.
#[derive(Clone, PartialEq, Eq)]
pub struct Few<T>(Inner<T>);

#[derive(Clone, PartialEq, Eq)]
enum Inner<T> {
    One(T),
    Many(Box<[T]>),
}

impl<T> Few<T> {
    /// One item.
    pub fn one(item: T) -> Few<T> {
        Few(Inner::One(item))
    }
}

impl<T> Default for Few<T> {
    fn default() -> Few<T> {
        Few(Inner::Many(Box::default()))
    }
}

impl<T> Deref for Few<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match &self.0 {
            Inner::One(item) => std::slice::from_ref(item),
            Inner::Many(items) => items,
        }
    }
}

impl<T> DerefMut for Few<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.0 {
            Inner::One(item) => std::slice::from_mut(item),
            Inner::Many(items) => items,
        }
    }
}

impl<T> From<Vec<T>> for Few<T> {
    fn from(mut items: Vec<T>) -> Few<T> {
        match (items.pop(), items.is_empty()) {
            (Some(item), true) => Few::one(item),
            (Some(item), false) => {
                items.push(item);
                Few(Inner::Many(items.into_boxed_slice()))
            }
            (None, _) => Few::default(),
        }
    }
}

impl<T> FromIterator<T> for Few<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Few<T> {
        Few::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<T: fmt::Debug> fmt::Debug for Few<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a, T> IntoIterator for &'a Few<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Few<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T> IntoIterator for Few<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;
    fn into_iter(self) -> IntoIter<T> {
        IntoIter(match self.0 {
            Inner::One(item) => Err(Some(item)),
            Inner::Many(items) => Ok(items.into_vec().into_iter()),
        })
    }
}

/// The items of a [`Few`], taken.
pub struct IntoIter<T>(Result<std::vec::IntoIter<T>, Option<T>>);

impl<T> Iterator for IntoIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        match &mut self.0 {
            Ok(items) => items.next(),
            Err(item) => item.take(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Few<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Few<T>, D::Error> {
        Vec::<T>::deserialize(d).map(Few::from)
    }
}

#[cfg(test)]
mod tests;
