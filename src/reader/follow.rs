//! Following things across a reload: the same document (by id, else by file), the same
//! annotation (by brief and headline, else by place in its brief), and the same place in
//! an edited text (by the text of its line), so a reloaded corpus keeps the reader where
//! it was.

use crate::engine::Corpus;
use crate::engine::corpus::{AnnotationId, DocId};
use crate::engine::text::Text;

/// Document `d` of `old` in `new`: by id, else by file.
pub(crate) fn same_document(old: &Corpus, d: DocId, new: &Corpus) -> Option<DocId> {
    let d = old.documents().get(d)?;
    new.document_by_id(d.id())
        .or_else(|| new.documents().position(|n| n.file == d.file))
}

/// Annotation `a` of `old` in `new`: in the brief of the same id, the annotation of the
/// same kind and headline, else the one at the same place in the brief if of the same kind
/// (its text was edited).
pub(crate) fn same_annotation(old: &Corpus, a: AnnotationId, new: &Corpus) -> Option<AnnotationId> {
    let ann = old.annotations().get(a)?;
    let old_brief = old.briefs().get(ann.brief)?;
    let place = old_brief.annotations.iter().position(|&i| i == a)?;
    let brief = new.briefs().iter().find(|b| b.id == old_brief.id)?;
    let alike = |i: AnnotationId| new.annotations().get(i).filter(|n| n.kind() == ann.kind());
    // Several with the same headline: the one nearest the old place.
    let by_headline = (brief.annotations.iter().enumerate())
        .filter(|&(_, &i)| alike(i).is_some_and(|n| n.headline() == ann.headline()))
        .min_by_key(|&(k, _)| k.abs_diff(place))
        .map(|(_, &i)| i);
    by_headline.or_else(|| {
        let &i = brief.annotations.get(place)?;
        alike(i).map(|_| i)
    })
}

/// Where the top of a pane at byte `top` of `old` stands in `new` (the same document,
/// edited): found by the text of its line, the occurrence nearest the old line; a line
/// too short to tell (or not found) is looked for by the next one that is long enough;
/// failing all, the same line number.
pub(crate) fn same_place(old: &Text, top: usize, new: &Text) -> usize {
    let line = old.line_index(top);
    let within = top - old.line_range(line).start;
    for (k, candidate) in (line..old.line_count().min(line + 8)).enumerate() {
        let text = old.line(candidate);
        if text.trim().chars().count() < MIN_LINE {
            continue;
        }
        let found = (0..new.line_count())
            .filter(|&l| new.line(l) == text)
            .min_by_key(|&l| l.abs_diff(candidate));
        if let Some(at) = found {
            // Back up as many lines as were skipped to reach a line long enough.
            let target = at.saturating_sub(k);
            let start = new.line_range(target).start;
            let offset = if k == 0 { within } else { 0 };
            return (start + offset).min(new.line_range(target).end);
        }
    }
    let target = line.min(new.line_count().saturating_sub(1));
    new.line_range(target).start
}

/// Characters a line needs to be found by its text.
const MIN_LINE: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &Text, line: usize) -> usize {
        text.line_range(line).start
    }

    #[test]
    fn the_place_follows_its_text_when_lines_come_before_it() {
        let old =
            Text::new("Mở đầu.\n\nĐoạn một về tăng trưởng.\n\nĐoạn hai về FTA và thị trường.\n");
        let new = Text::new(
            "Tiêu đề mới\nMở đầu.\nThêm dòng.\n\nĐoạn một về tăng trưởng.\n\nĐoạn hai về FTA và thị trường.\n",
        );
        assert_eq!(same_place(&old, at(&old, 4), &new), at(&new, 6));
        // Inside a line, the same distance into it.
        assert_eq!(same_place(&old, at(&old, 4) + 6, &new), at(&new, 6) + 6);
        // A blank line is found by the next line that says something.
        assert_eq!(same_place(&old, at(&old, 3), &new), at(&new, 5));
    }

    #[test]
    fn a_line_that_is_gone_keeps_the_line_number() {
        let old = Text::new("một\nhai\nĐoạn đã bị xóa hoàn toàn.\n");
        let new = Text::new("một\nhai\nba\n");
        assert_eq!(same_place(&old, at(&old, 2), &new), at(&new, 2));
        let short = Text::new("một\n");
        assert_eq!(same_place(&old, at(&old, 2), &short), at(&short, 0));
    }
}
