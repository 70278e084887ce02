//! The document picker: every document, to choose what a pane shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::engine::corpus::DocId;
use crate::engine::text::width::{display_width, fit};
use crate::reader::palette::Palette;
use crate::reader::state::{App, Pane};
use crate::reader::view::{centered, inner, overlay_block};

/// Columns of the date (YYYY-MM-DD).
const DATE_WIDTH: usize = 10;

/// Columns of the language tag (`vi`, `id`, `zh-Hant` is cut).
const LANG_WIDTH: usize = 5;

/// Draws the picker for `pane` over `area`, the cursor on document `cursor`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, pane: Pane, cursor: DocId) {
    let docs = app.corpus.documents();
    let height = u16::try_from(docs.len().max(1) + 2).unwrap_or(u16::MAX);
    let r = centered(area, 80, height);
    let block = overlay_block(
        p,
        format!(" Show in pane {} ", pane.number()),
        format!(
            " {} · S sorts · Enter choose · Esc close ",
            app.picker_sort.name()
        ),
    );
    frame.render_widget(Clear, r);
    let list = inner(r);
    frame.render_widget(block, r);
    let height = usize::from(list.height).max(1);
    // The id column is as wide as the widest id, up to a third of the box; a longer id is
    // cut with an ellipsis, so the columns after it never shift.
    let id_width = docs
        .iter()
        .map(|d| display_width(d.id()))
        .max()
        .unwrap_or(0)
        .clamp(6, (usize::from(list.width) / 3).max(6));
    // The date column only when some document has a date.
    let dated = docs.iter().any(|d| !date_of(d).is_empty());
    let order = app.picker_order();
    let at = order.iter().position(|&d| d == cursor).unwrap_or(0);
    let skip = (at + 1).saturating_sub(height);
    let lines: Vec<Line> = order
        .iter()
        .filter_map(|&d| docs.get(d).map(|doc| (d, doc)))
        .skip(skip)
        .take(height)
        .map(|(d, doc)| {
            let shown: String = app
                .view
                .panes
                .each()
                .map(|(pane, view)| match view.doc == Some(d) {
                    true => char::from_digit(pane.number() as u32, 10).unwrap_or(' '),
                    false => ' ',
                })
                .collect();
            let line = Line::from(vec![
                Span::styled(format!("{shown} "), p.key),
                Span::styled(format!("{} ", fit(doc.id(), id_width)), p.title),
                Span::styled(format!("{} ", fit(doc.lang(), LANG_WIDTH)), p.dim),
                Span::styled(
                    if dated {
                        format!("{} ", fit(date_of(doc), DATE_WIDTH))
                    } else {
                        String::new()
                    },
                    p.dim,
                ),
                Span::raw(doc.title().to_string()),
            ]);
            if d == cursor {
                line.patch_style(p.cursor)
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("The corpus has no documents."), list);
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
}

fn date_of(doc: &crate::engine::Document) -> &str {
    doc.meta
        .as_ref()
        .and_then(|m| m.date.as_deref())
        .unwrap_or("")
}
