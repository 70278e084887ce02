//! A brief on disk is read again for its positions, and only the very text parsed is used.

use std::fs;

use super::*;
use crate::engine::brief::parse::parse;
use crate::engine::source::{CorpusSource, Parts, list};

const BRIEF: &str = "title: T\ndocuments:\n  - id: a\n    file: a.txt\n";

/// A corpus folder holding `brief` as briefs/b.yaml, and that brief parsed from it.
fn parsed_from_disk(brief: &str) -> (tempfile::TempDir, Yaml) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("seeds")).expect("seeds");
    fs::write(dir.path().join("seeds/a.txt"), "a").expect("seed");
    fs::create_dir_all(dir.path().join("briefs")).expect("briefs");
    fs::write(dir.path().join("briefs/b.yaml"), brief).expect("write");
    let listing = list(&CorpusSource::Dir(dir.path().to_path_buf()), Parts::All).expect("list");
    let file = listing.briefs.into_iter().next().expect("one brief");
    let parsed = parse(file).map_err(|f| f.finding).expect("parses");
    (dir, parsed.source)
}

#[test]
fn a_brief_on_disk_is_not_held_but_read_again_for_its_positions() {
    let (dir, yaml) = parsed_from_disk(BRIEF);
    assert!(matches!(yaml, Yaml::Again { .. }), "{yaml:?}");
    assert_eq!(yaml.text().as_deref(), Some(BRIEF));
    assert!(yaml.is(BRIEF) && !yaml.is("title: T\n"));
    assert_eq!(yaml.positions_of(&["documents[0].file"])[0], Some((4, 11)));
    // Edited since: its text is no longer the one parsed, so no position is given.
    fs::write(
        dir.path().join("briefs/b.yaml"),
        BRIEF.replace("a.txt", "b.txt"),
    )
    .expect("edit");
    assert_eq!(yaml.text(), None);
    assert_eq!(yaml.positions_of(&["documents[0].file"])[0], None);
    // Written back as it was: the same text again.
    fs::write(dir.path().join("briefs/b.yaml"), BRIEF).expect("restore");
    assert_eq!(yaml.positions_of(&["documents[0].file"])[0], Some((4, 11)));
    fs::remove_file(dir.path().join("briefs/b.yaml")).expect("remove");
    assert_eq!(yaml.text(), None);
}

#[test]
fn a_brief_in_memory_is_held() {
    let file = SourceFile::in_memory("b.yaml", "briefs/b.yaml", BRIEF.as_bytes().to_vec());
    let yaml = parse(file).map_err(|f| f.finding).expect("parses").source;
    assert!(matches!(&yaml, Yaml::Held(text) if text.as_str() == BRIEF));
    assert!(yaml.is(BRIEF) && !yaml.is(""));
    assert_eq!(yaml.positions_of(&["title"])[0], Some((1, 8)));
}
