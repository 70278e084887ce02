//! README's key table is generated from the reader's one key table, as the help overlay
//! is: this test fails when they differ, and `BRIEFING_BLESS=1 cargo test --test
//! it readme_keys` writes the table into README.md.

use briefing::reader::keymap::{key_label, sections};

const START: &str =
    "<!-- keys: generated from src/reader/keymap/table.rs by tests/it/readme_keys.rs -->\n";
const END: &str = "<!-- /keys -->\n";

fn table() -> String {
    let mut out = String::new();
    for (mode, rows) in sections() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}:\n\n| keys | what they do |\n|---|---|\n",
            mode.heading()
        ));
        for b in rows {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("`{}`", key_label(*k)))
                .collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help()));
        }
    }
    out
}

#[test]
fn readme_key_table_is_the_key_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the markers {START:?} and {END:?}");
    };
    let current = readme.get(start + START.len()..end).unwrap_or_default();
    let wanted = table();
    if current != wanted && std::env::var_os("BRIEFING_BLESS").is_some() {
        let mut updated = readme.clone();
        updated.replace_range(start + START.len()..end, &wanted);
        std::fs::write(path, updated).expect("write README.md");
        return;
    }
    assert!(
        current == wanted,
        "README's key table differs from src/reader/keymap/table.rs; run \
         `BRIEFING_BLESS=1 cargo test --test it readme_keys` and commit README.md.\nwanted:\n{wanted}"
    );
}
