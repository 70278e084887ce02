//! The reader in a pseudo-terminal on input that arrives faster than it is searched:
//! bracketed paste (docs/robustness.md, "Costs").

use crate::common::pty_session::*;

#[test]
fn a_bracketed_paste_into_the_prompt_is_one_query_on_one_line() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    // The reader asks the terminal for bracketed paste (and gives it back on the way out).
    s.send("/");
    // A paste with a line break, as from a document: one query, the break a space.
    s.send("\x1b[200~hiệp định\nthương mại\x1b[201~");
    s.wait_for_text("/hiệp định thương mại");
    s.send("\r");
    s.wait_for("the first match of the pasted query", |s| {
        s.text().contains("/hiệp định thương mại  1/")
    });
    s.quit();
}
