//! `update`: the one place where the state changes. A message comes in (`Msg`); a key
//! becomes an action through the key table; an action runs in reading mode or in what is
//! open over the panes.

mod corpus;
mod edit;
mod figures;
mod moves;
mod overlays;
mod print;
mod problems;
mod reading;
mod results;
mod scroll;
mod search;
mod select;
mod sides;
mod work;

use ratatui::crossterm::event::KeyEvent;

use crate::reader::action::{Action, Edit};
use crate::reader::keymap::{self, Mode};
use crate::reader::msg::Msg;
use crate::reader::state::{App, Card, Focus, Overlay, Then};
use crate::reader::view::{self, areas};

impl App {
    /// Applies one message: the only way the state changes.
    pub fn update(&mut self, msg: impl Into<Msg>) {
        match msg.into() {
            Msg::Action(action) => self.act(action),
            Msg::Key(key) => self.key(key),
            Msg::Mouse(mouse) => {
                if let Some(action) = keymap::mouse_action(mouse) {
                    self.act(action);
                }
            }
            Msg::Paste(text) => self.paste(&text),
            Msg::Resized { width, height } => {
                self.resize(width, height);
                self.sync_from(self.focused_pane());
            }
            Msg::Size { width, height } => self.resize(width, height),
            Msg::BurstStart => self.begin_burst(),
            Msg::BurstEnd => self.end_burst(),
            Msg::Loading { documents } => {
                self.status.progress = Some(format!("loading {documents} documents…"));
            }
            Msg::Whole {
                result,
                took,
                touched,
            } => self.whole_loaded(result, took, touched),
            Msg::Reloaded(result) => self.reloaded(result),
            Msg::Edited { status } => {
                self.edit = None;
                self.status.message = Some(status);
            }
            Msg::Status(text) => self.status.message = Some(text),
            Msg::Sliced { slice } => self.work.slice = Some(slice),
            Msg::Work => self.work_slice(),
        }
    }

    /// A key, through the key table in the mode now.
    fn key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        match keymap::action_for(mode, key) {
            Some(action) => self.act(action),
            // A prefix waits for a letter; any other key abandons it.
            None if matches!(mode, Mode::Mark | Mode::Jump) => self.keys.pending = None,
            None => {}
        }
    }

    /// Applies one action.
    fn act(&mut self, action: Action) {
        if !matches!(action, Action::Wheel { .. }) {
            self.status.message = None;
        }
        self.keys.pending = None;
        let times = match action {
            Action::Digit(_) => 1,
            other => self.repeat_for(other),
        };
        match action {
            Action::Interrupt => self.quit = true,
            Action::Digit(c) => self.add_digit(c.to_digit(10).unwrap_or(0)),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Input(c) => self.edit_prompt(Edit::Insert(c)),
            Action::Backspace => self.edit_prompt(Edit::Backspace),
            Action::Prompt(edit) => self.edit_prompt(edit),
            Action::Submit => {
                let query = self.search.typing().unwrap_or_default().to_string();
                self.search.remember(&query);
                self.submit_search();
            }
            Action::Cancel => {
                if let (_, Some(origin)) = self.search.close_prompt() {
                    self.view.panes = origin;
                }
                let q = self.search.query().to_string();
                self.run_search(&q, Then::Show);
            }
            Action::SetMark(c) => {
                self.marks.insert(c, self.place());
                self.status.message = Some(format!("Mark {c} set."));
            }
            Action::JumpMark(c) => match self.marks.get(&c).copied() {
                Some(place) => {
                    self.view.panes = place.panes;
                    self.nav.selected = place.selected;
                    self.nav.topic = place.topic;
                    self.status.message = Some(format!("Back at mark {c}."));
                }
                None => self.status.message = Some(format!("No mark {c}: set one with m{c}.")),
            },
            _ => match self.overlay {
                Overlay::None => {
                    for _ in 0..times {
                        self.normal(action);
                    }
                }
                Overlay::Help { scroll } => {
                    let positions = view::help::max_scroll(self, &self.settings.palette) + 1;
                    self.overlay_action(action, scroll, positions, Action::Help);
                }
                Overlay::Problems { scroll, cursor } => {
                    self.problems_action(action, scroll, cursor)
                }
                Overlay::Picker { pane, cursor } => self.picker(action, pane, cursor),
                Overlay::Figures => self.figures_action(action),
                Overlay::Results { cursor } => self.results_action(action, cursor),
                Overlay::Card { card, scroll } => {
                    let positions = view::card::max_scroll(self, &self.settings.palette, card) + 1;
                    let toggle = match card {
                        Card::Annotation(_) => Action::ShowAnnotation,
                        Card::Document(_) => Action::ShowDocument,
                    };
                    self.overlay_action(action, scroll, positions, toggle);
                }
            },
        }
    }

    /// The reading keys, with nothing open over the panes.
    fn normal(&mut self, action: Action) {
        let page = self.page() as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(page.max(2) - 1),
            Action::PageUp => self.move_by(1 - page.max(2)),
            Action::HalfPageDown => self.move_by((page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1)),
            Action::Top => self.move_to_end(false),
            Action::Bottom => self.move_to_end(true),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Open => self.open(),
            Action::SearchStart => {
                self.search.open_prompt(self.view.panes);
                // The pieces kept folded fold in the background while the query is typed.
                self.work.fold = true;
            }
            Action::Next | Action::Prev => {
                let forward = action == Action::Next;
                if self.search.is_active() {
                    self.step_match(forward);
                } else {
                    self.step_annotation(forward);
                }
            }
            Action::NextTopic => self.step_topic(true),
            Action::PrevTopic => self.step_topic(false),
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Problems => self.open_problems(),
            Action::Results => self.open_results(),
            Action::EditBrief => self.edit_selected(),
            Action::SortPicker => self.sort_picker(),
            Action::CycleListing => self.cycle_listing(),
            Action::CycleHighlights => {
                self.nav.highlights = self.nav.highlights.next();
                self.status.message = Some(self.nav.highlights.describe().into());
            }
            Action::ShowAnnotation => match self.nav.selected {
                Some(a) => {
                    self.overlay = Overlay::Card {
                        card: Card::Annotation(a),
                        scroll: 0,
                    }
                }
                None => {
                    self.status.message =
                        Some("No annotation selected: n or Enter selects one.".into())
                }
            },
            Action::ShowDocument => match self.view.panes[self.focused_pane()].doc {
                Some(d) => {
                    self.overlay = Overlay::Card {
                        card: Card::Document(d),
                        scroll: 0,
                    }
                }
                None => {
                    self.status.message = Some("No document in this pane: o chooses one.".into())
                }
            },
            Action::PickDocument => {
                let pane = self.focused_pane();
                let cursor = self.view.panes[pane].doc.unwrap_or_default();
                self.overlay = Overlay::Picker { pane, cursor };
            }
            Action::Close => {
                if self.search.is_active() {
                    self.clear_search();
                } else if self.nav.selected.is_some() {
                    self.nav.selected = None;
                } else {
                    // `]` goes on from here.
                    self.nav.last_topic = self.nav.topic.or(self.nav.last_topic);
                    self.nav.topic = None;
                }
            }
            Action::ToggleSync => {
                self.view.sync = !self.view.sync;
                self.status.message = Some(format!(
                    "Synchronised scrolling {}.",
                    if self.view.sync { "on" } else { "off" }
                ));
                let p = self.focused_pane();
                self.sync_from(p);
            }
            Action::ToggleCounterpart => {
                self.view.mark_counterpart = !self.view.mark_counterpart;
                self.status.message = Some(format!(
                    "Counterpart marking {}.",
                    if self.view.mark_counterpart {
                        "on"
                    } else {
                        "off"
                    }
                ));
            }
            Action::SwitchPane => {
                let both = areas(self.view.size, self).both_panes();
                let other = self.focused_pane().other();
                if !both {
                    self.view.shown = other;
                }
                self.view.focus = Focus::Pane(other);
            }
            Action::Print => self.print(),
            Action::Figures(_) => self.open_figures(),
            Action::MarkPrefix => self.keys.pending = Some(Mode::Mark),
            Action::JumpPrefix => self.keys.pending = Some(Mode::Jump),
            _ => {}
        }
    }
}
