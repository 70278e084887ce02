//! The reader's figures view (`f`) rendered into ratatui's TestBackend, on
//! tests/fixtures/figures: the table and its styles, sorting, filters, compare mode and
//! its bar chart, and Enter scrolling the panes to the figure's quote.

use crate::common::Corpus;
use crate::common::assert_contains;
use crate::common::screen::*;
use briefing::engine::figures::Column;
use briefing::reader::Msg;
use briefing::reader::action::FigureKey;
use briefing::reader::palette::Palette;
use briefing::reader::state::Overlay;
use briefing::reader::{Action, App};
use ratatui::style::{Color, Modifier};

fn app(width: u16, height: u16) -> App {
    app_with(load_fixture("figures"), Palette::color(), width, height)
}

/// The labels of the table's rows, top to bottom, as the screen shows them.
fn labels_on_screen(app: &App) -> Vec<String> {
    let buffer = buffer(app);
    let all = [
        "GDP growth target for 2025",
        "Double-digit growth in the next",
        "Tăng trưởng xuất khẩu",
        "Goods exports, January–July",
        "GDP growth, first half of 2025",
        "越南 GDP growth target, 2023",
    ];
    let mut found: Vec<(u16, String)> = all
        .iter()
        .filter_map(|l| find(&buffer, l).map(|(_, y)| (y, l.to_string())))
        .collect();
    found.sort();
    found.into_iter().map(|(_, l)| l).collect()
}

fn open(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.update(Action::Figures(FigureKey::Open));
    assert_eq!(app.overlay(), Overlay::Figures);
    app
}

#[test]
fn f_opens_a_table_of_every_figure_with_the_cursor_row_reversed() {
    let app = open(140, 30);
    let buffer = buffer(&app);
    let screen = lines(&buffer);
    assert!(
        screen[0].contains(" Figures · 6 of 6 · by brief ▲ "),
        "{}",
        screen[0]
    );
    let header = screen
        .iter()
        .position(|l| l.contains("label") && l.contains("amount") && l.contains("document"))
        .expect("a header row");
    assert!(screen[header + 1].contains("GDP growth target for 2025"));
    assert!(screen[header + 1].contains("8.3–8.5"));
    assert!(screen[header + 1].contains("vi-gov (vi), id-vna (id)"));
    // The cursor's row is reversed across the table; the next row is not.
    let (x, y) = find(&buffer, "GDP growth target for 2025").expect("row");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x2, y2) = find(&buffer, "Double-digit growth").expect("row");
    assert!(!buffer[(x2, y2)].modifier.contains(Modifier::REVERSED));
    // Amounts stand in the figure style, right-aligned under their header.
    let (ax, ay) = find(&buffer, "514").expect("amount");
    assert_eq!(buffer[(ax, ay)].fg, Color::Magenta);
    assert!(buffer[(ax, ay)].modifier.contains(Modifier::BOLD));
    let (hx, hy) = find(&buffer, "amount").expect("header");
    assert!(buffer[(hx, hy)].modifier.contains(Modifier::UNDERLINED));
    // The key line comes from the key table.
    let bottom = &screen[usize::from(app.size().height) - 2];
    assert_contains(
        bottom,
        "Enter go to · s sort · r reverse · c compare · t topic · y kind · d doc · l lang · x clear · Esc close",
    );
    // Wide and Vietnamese labels keep the columns aligned: "target" stands under the
    // kind header in both rows.
    let (kx, _) = find(&buffer, "kind").expect("kind header");
    for label in ["越南 GDP growth target, 2023", "GDP growth target for 2025"] {
        let (_, y) = find(&buffer, label).expect("row");
        let word: String = (kx..kx + 6).map(|x| buffer[(x, y)].symbol()).collect();
        assert_eq!(word, "target", "{label}");
    }
}

#[test]
fn s_sorts_by_the_next_column_and_r_reverses() {
    let mut app = open(140, 30);
    // brief → label
    app.update(Action::Figures(FigureKey::Sort));
    assert_eq!(app.figures().sort(), Column::Label);
    assert_eq!(
        labels_on_screen(&app),
        [
            "Double-digit growth in the next",
            "GDP growth target for 2025",
            "GDP growth, first half of 2025",
            "Goods exports, January–July",
            "Tăng trưởng xuất khẩu",
            "越南 GDP growth target, 2023",
        ]
    );
    let screen = lines(&buffer(&app));
    assert!(screen[0].contains("by label ▲"), "{}", screen[0]);
    assert!(screen.iter().any(|l| l.contains("label ▲")));
    app.update(Action::Figures(FigureKey::Reverse));
    assert_eq!(
        labels_on_screen(&app).first().map(String::as_str),
        Some("越南 GDP growth target, 2023")
    );
    // On to amount (label → value → measure → kind → amount), descending still.
    for _ in 0..4 {
        app.update(Action::Figures(FigureKey::Sort));
    }
    assert_eq!(app.figures().sort(), Column::Amount);
    assert_eq!(
        labels_on_screen(&app),
        [
            "Goods exports, January–July",
            "Double-digit growth in the next",
            "GDP growth target for 2025",
            "GDP growth, first half of 2025",
            "越南 GDP growth target, 2023",
            "Tăng trưởng xuất khẩu",
        ],
        "blank amount last"
    );
}

#[test]
fn filters_cycle_and_clear() {
    let mut app = open(140, 30);
    app.update(Action::Figures(FigureKey::Language));
    assert_eq!(app.figures().filter().lang.as_deref(), Some("id"));
    let screen = lines(&buffer(&app));
    assert!(
        screen[0].contains("3 of 6") && screen[0].contains("language id"),
        "{}",
        screen[0]
    );
    app.update(Action::Figures(FigureKey::Kind));
    assert_eq!(app.figures().filter().kind.as_deref(), Some("target"));
    assert_eq!(labels_on_screen(&app), ["GDP growth target for 2025"]);
    app.update(Action::Figures(FigureKey::Topic));
    assert_eq!(app.figures().filter().topics, ["growth"]);
    app.update(Action::Figures(FigureKey::Topic));
    assert_eq!(app.figures().filter().topics, ["trade"]);
    let screen = lines(&buffer(&app));
    assert!(
        screen
            .iter()
            .any(|l| l.contains("No figures match the filters: x clears them.")),
        "{screen:#?}"
    );
    app.update(Action::Figures(FigureKey::Clear));
    assert_eq!(app.figures().rows().len(), 6);
    app.update(Action::Figures(FigureKey::Document));
    assert_eq!(app.figures().filter().doc.as_deref(), Some("id-vna"));
    assert_eq!(app.figures().rows().len(), 3);
}

#[test]
fn compare_groups_by_measure_in_time_with_a_bar_chart_of_one_unit() {
    let mut app = open(140, 34);
    app.update(Action::Figures(FigureKey::Compare));
    // exports (1 figure) first, then gdp-growth in time; the unmeasured figure is gone.
    assert_eq!(
        labels_on_screen(&app),
        [
            "Goods exports, January–July",
            "越南 GDP growth target, 2023",
            "GDP growth target for 2025",
            "GDP growth, first half of 2025",
            "Double-digit growth in the next",
        ]
    );
    // The cursor stayed on its figure (the 2025 target); at the top, exports has one
    // amount: no chart.
    assert_eq!(app.figures().cursor(), 2);
    app.update(Action::Top);
    let screen = lines(&buffer(&app));
    assert!(!screen.iter().any(|l| l.contains("█")), "{screen:#?}");
    // On gdp-growth, four amounts in percent: four bars, the cursor's in the selected style.
    app.update(Action::Down);
    app.update(Action::Down);
    let buffer = buffer(&app);
    let screen = lines(&buffer);
    let chart = screen
        .iter()
        .position(|l| l.trim() == "│gdp-growth · percent" || l.contains("gdp-growth · percent"))
        .expect("chart title");
    let bars: Vec<&String> = screen[chart + 1..chart + 5].iter().collect();
    assert!(
        bars[0].contains("2023 target") && bars[0].contains(" 6.5"),
        "{bars:#?}"
    );
    assert!(
        bars[1].contains("2025 target") && bars[1].contains(" 8.3"),
        "{bars:#?}"
    );
    assert!(
        bars[2].contains("H1 2025 result") && bars[2].contains(" 7.52"),
        "{bars:#?}"
    );
    assert!(
        bars[3].contains("the period after 2025 target") && bars[3].contains(" 10"),
        "{bars:#?}"
    );
    // The longest bar is the largest amount; lengths follow the amounts.
    let len = |l: &str| l.chars().filter(|c| *c == '█').count();
    assert!(
        len(bars[3]) > len(bars[1]) && len(bars[1]) > len(bars[2]) && len(bars[2]) > len(bars[0])
    );
    let row_of = |label: &str| {
        let y = screen
            .iter()
            .position(|l| l.starts_with(&format!("│{label} ")))
            .expect("bar row");
        u16::try_from(y).expect("row")
    };
    let bar_x = |y: u16| {
        (0..buffer.area.width)
            .find(|&x| buffer[(x, y)].symbol() == "█")
            .expect("bar")
    };
    let current = row_of("2025 target");
    let other = row_of("2023 target");
    assert!(
        buffer[(bar_x(current), current)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    assert_eq!(buffer[(bar_x(other), other)].fg, Color::Magenta);
}

#[test]
fn mixed_units_never_chart_together() {
    let corpus = Corpus::copy_of("figures")
        .edit("briefs/half-2025.yaml", "unit: percent", "unit: \"%\"")
        .edit("briefs/half-2025.yaml", "unit: percent", "unit: \"%\"")
        .load();
    let mut app = app_with(corpus, Palette::color(), 140, 34);
    app.update(Action::Figures(FigureKey::Open));
    app.update(Action::Figures(FigureKey::Compare));
    // Cursor on the 2023 target (in %): its series is the two figures in %.
    app.update(Action::Down);
    let screen = lines(&buffer(&app));
    let chart = screen
        .iter()
        .position(|l| l.contains("gdp-growth · %"))
        .expect("chart of the % figures");
    let bars: Vec<&String> = screen[chart + 1..]
        .iter()
        .take_while(|l| l.contains('█'))
        .collect();
    assert_eq!(bars.len(), 2, "{screen:#?}");
    // On the 2025 target (percent), the other two.
    app.update(Action::Down);
    let screen = lines(&buffer(&app));
    assert!(
        screen.iter().any(|l| l.contains("gdp-growth · percent")),
        "{screen:#?}"
    );
    assert!(!screen.iter().any(|l| l.contains("gdp-growth · %")));
}

#[test]
fn enter_closes_the_view_and_scrolls_the_panes_to_the_quote() {
    let mut app = open(140, 30);
    app.update(Action::Figures(FigureKey::Sort)); // by label
    for _ in 0..5 {
        app.update(Action::Down);
    }
    app.update(Action::Down); // stays on the last row
    assert_eq!(app.figures().cursor(), 5);
    app.update(Action::Figures(FigureKey::Go));
    assert_eq!(app.overlay(), Overlay::None);
    let selected = app.selected().expect("a figure selected");
    assert_eq!(
        app.corpus().annotations()[selected].label(),
        Some("越南 GDP growth target, 2023")
    );
    let buffer = buffer(&app);
    let (x, y) = find(&buffer, "mục tiêu tăng trưởng là 6,5%").expect("the quote on screen");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "the quote stands in the selected style"
    );
    // f opens the view again where it was left.
    app.update(Action::Figures(FigureKey::Open));
    assert_eq!(
        (app.figures().sort(), app.figures().cursor()),
        (Column::Label, 5)
    );
    app.update(Action::Figures(FigureKey::Close));
    assert_eq!(app.overlay(), Overlay::None);
}

#[test]
fn a_narrow_short_terminal_still_draws_the_view() {
    for (w, h) in [(40, 12), (20, 6), (100, 8), (3, 3)] {
        let mut app = open(w, h);
        app.update(Action::Figures(FigureKey::Compare));
        app.update(Action::Down);
        let _ = buffer(&app);
    }
}

#[test]
fn a_reloaded_corpus_keeps_the_view_its_order_and_the_figure_under_the_cursor() {
    let mut app = open(140, 30);
    // By label, the cursor still on the first brief's first figure, now second.
    app.update(Action::Figures(FigureKey::Sort));
    assert_eq!(app.figures().cursor(), 1);
    let figure = app.figures().current().expect("a figure");
    let label = app.corpus().annotations()[figure]
        .label()
        .map(str::to_string);
    assert_eq!(label.as_deref(), Some("GDP growth target for 2025"));
    // The same corpus, with one figure more at the front of the first brief.
    let extra = "figures:\n  - label: Another figure\n    value: \"1\"\n    topics: trade\n    quotes:\n      - doc: id-vna\n        text: \"Ekspor barang\"\n";
    let corpus = Corpus::copy_of("figures")
        .edit("briefs/growth-2025.yaml", "figures:\n", extra)
        .load();
    assert_eq!(corpus.error_count(), 0, "{:?}", corpus.findings());
    app.update(Msg::Reloaded(Ok(corpus)));
    assert_eq!(app.overlay(), Overlay::Figures);
    assert_eq!(app.figures().rows().len(), 7);
    let now = app.figures().current().expect("a figure");
    assert_eq!(
        app.corpus().annotations()[now].label(),
        label.as_deref(),
        "the cursor follows its figure"
    );
    assert_eq!(app.figures().sort(), Column::Label);
    assert!(lines(&buffer(&app))[0].contains("7 of 7"));
}
