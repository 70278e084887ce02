//! Where output goes: never into the corpus it was made from (`guard.rs`), and a file
//! written whole or not at all (`atomic.rs`).

pub mod atomic;
pub mod guard;
