//! The integration tests, one crate (one link): a module per area, the shared helpers
//! (temporary corpora, running the binary, screens, pseudo-terminal sessions) in common/.
//! Fixtures stay in tests/fixtures/; run one area with `cargo test --test it cli::`.

mod common;

mod align;
mod align_assoc;
mod align_cli;
mod align_heldout;
mod align_pins;
mod align_print;
#[cfg(all(unix, feature = "reader"))]
mod align_reader;
mod cli;
mod costs;
mod figures;
mod figures_check;
mod figures_select;
mod fuzz;
mod model;
mod positions;
mod print;
#[cfg(all(unix, feature = "reader"))]
mod pty;
#[cfg(all(unix, feature = "reader"))]
mod pty_costs;
#[cfg(all(unix, feature = "reader"))]
mod pty_editor;
#[cfg(all(unix, feature = "reader"))]
mod pty_figures;
#[cfg(feature = "reader")]
mod pty_loading;
#[cfg(all(unix, feature = "reader"))]
mod pty_reload;
#[cfg(all(unix, feature = "reader"))]
mod pty_search;
#[cfg(feature = "reader")]
mod reader_costs;
#[cfg(feature = "reader")]
mod reader_day;
#[cfg(feature = "reader")]
mod reader_figures;
#[cfg(feature = "reader")]
mod reader_listing;
#[cfg(feature = "reader")]
mod reader_looks;
#[cfg(feature = "reader")]
mod reader_notes_search;
#[cfg(feature = "reader")]
mod reader_problems;
#[cfg(feature = "reader")]
mod reader_reload;
#[cfg(feature = "reader")]
mod reader_search;
#[cfg(feature = "reader")]
mod reader_styles;
#[cfg(feature = "reader")]
mod reader_view;
#[cfg(feature = "reader")]
mod readme_keys;
#[cfg(feature = "reader")]
mod reload;
mod robustness;
mod robustness_briefs;
mod robustness_encoding;
mod robustness_files;
mod robustness_size;
mod search_cli;
#[cfg(feature = "reader")]
mod security;
#[cfg(feature = "reader")]
mod security_files;
#[cfg(feature = "reader")]
mod texts_on_demand;
