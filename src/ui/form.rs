//! The form, written as markup generated from the parameter table
//! ([`crate::core::markup::form`]) and brought to life here: one listener for typing and one
//! for choosing, delegated to the form, and per parameter a few render effects that keep the
//! page in step with the state (the control's shown value, its diagnostics, `aria-invalid`).
//! Each effect reads only its own parameter's memos, so a keystroke in one field touches no
//! other field's DOM. What the user typed is stored as typed, valid or not.
//!
//! Why markup rather than a `view!` per control: the form is most of the page, and building it
//! node by node was the larger part of both the first load's bytes and the time to a usable
//! page (see ARCHITECTURE.md).

use crate::ui::prelude::*;
use web_sys::Element;

use crate::core::form::Zone;
use crate::core::markup::{self, form as markup_form};
use crate::core::params::{self, Kind, Param};
use crate::core::timestamp;
use crate::ui::io::{self, BrowserZone};
use crate::ui::persist::Mirror;
use crate::ui::state::AppState;
use crate::ui::{dom, keep};

pub use crate::core::markup::form::control_id;

/// The form with the error summary and every section, appended to `parent`; the global
/// options start open when a link or draft already set one of them.
pub fn mount(parent: &Element) {
    let state = AppState::get();
    let mirror = Mirror::get();
    let globals_set = params::globals().any(|p| !state.value_untracked(p.flag).is_empty());
    if let Some(form) = dom::append(
        parent,
        "form",
        "job-form",
        &markup_form::sections(globals_set),
    ) {
        dom::set_attr(&form, "novalidate", "");
        wire(state, mirror, &form);
    }
}

/// What a text control last showed, per parameter in table order: text the control itself
/// reported is not written back to it (that would copy a long value into the page on every
/// keystroke for nothing).
#[derive(Clone, Copy)]
struct Shown(StoredValue<Vec<String>>);

impl Shown {
    fn index(flag: &str) -> usize {
        params::PARAMS
            .iter()
            .position(|p| p.flag == flag)
            .unwrap_or_default()
    }

    fn is(self, flag: &str, text: &str) -> bool {
        self.0.with_value(|s| s[Self::index(flag)] == text)
    }

    fn set(self, flag: &str, text: &str) {
        self.0
            .update_value(|s| text.clone_into(&mut s[Self::index(flag)]));
    }
}

fn wire(state: AppState, mirror: Mirror, root: &Element) {
    let shown = Shown(StoredValue::new(vec![String::new(); params::PARAMS.len()]));
    // The form never submits: everything it produces is in the outputs.
    dom::listen(root, "submit", |ev| ev.prevent_default());
    dom::listen(root, "input", move |ev| typed(state, shown, &ev));
    dom::listen(root, "change", move |ev| chosen(state, mirror, &ev));
    dom::listen(root, "click", |ev| {
        let link = dom::target(&ev).and_then(|t| dom::closest(&t, "#error-summary a[href]"));
        if let Some(id) = link.and_then(|a| a.get_attribute("href")) {
            ev.prevent_default();
            io::focus(id.trim_start_matches('#'));
        }
    });
    for param in params::PARAMS {
        if let Some(field) = dom::find(root, &format!("[data-flag=\"{}\"]", param.flag)) {
            wire_field(state, shown, param, field);
        }
    }
    wire_summary(state, root);
}

/// Text typed into a text control (`input` events): stored exactly as typed.
fn typed(state: AppState, shown: Shown, ev: &web_sys::Event) {
    let Some(control) = dom::target(ev) else {
        return;
    };
    let Some(param) = control
        .get_attribute("name")
        .and_then(|name| params::PARAMS.iter().find(|p| p.flag == name))
    else {
        return;
    };
    if matches!(param.kind, Kind::Text | Kind::Integer | Kind::Timestamp) {
        let text = dom::value(&control);
        shown.set(param.flag, &text);
        state.set(param.flag, text);
    }
}

/// A choice made with a radio button, a list or a checkbox (`change` events).
fn chosen(state: AppState, mirror: Mirror, ev: &web_sys::Event) {
    let Some(control) = dom::target(ev) else {
        return;
    };
    let name = control.get_attribute("name").unwrap_or_default();
    if name == "zone" {
        if let Some(zone) = Zone::parse(&dom::value(&control)) {
            state.set_zone(zone);
            mirror.flush();
        }
        return;
    }
    let Some(param) = params::PARAMS.iter().find(|p| p.flag == name) else {
        return;
    };
    let value = match param.kind {
        Kind::Boolean | Kind::Choice(_) => dom::value(&control),
        Kind::Switch if dom::checked(&control) => "true".to_owned(),
        Kind::Switch => String::new(),
        // Text controls report through `input`; their `change` on leaving adds nothing.
        Kind::Text | Kind::Integer | Kind::Timestamp => return,
    };
    state.set(param.flag, value);
    mirror.flush();
}

/// The effects of one field: diagnostics, `aria-invalid`, and what its control shows.
fn wire_field(state: AppState, shown: Shown, param: &'static Param, field: Element) {
    let flag = param.flag;
    let control_selector = format!("#{}", control_id(flag));
    // Booleans are invalid as a group: the attribute sits on their fieldset.
    let invalid_selector = if param.kind == Kind::Boolean {
        "fieldset.segmented".to_owned()
    } else {
        control_selector.clone()
    };
    // The markup starts with an empty list and `aria-invalid="false"`: the first run writes
    // only what differs from that, which on a fresh form is a few fields, not all of them.
    if let Some(list) = dom::find(&field, &format!("#diag-{flag}")) {
        keep(RenderEffect::new(move |was_empty: Option<bool>| {
            let diagnostics = state.diagnostics(flag);
            let empty = diagnostics.is_empty();
            if !(empty && was_empty.unwrap_or(true)) {
                list.set_inner_html(&markup::diagnostic_items(&diagnostics));
            }
            empty
        }));
    }
    {
        let field = field.clone();
        keep(RenderEffect::new(move |was: Option<bool>| {
            let invalid = state.has_error(flag);
            if was.unwrap_or(false) != invalid
                && let Some(control) = dom::find(&field, &invalid_selector)
            {
                dom::set_attr(
                    &control,
                    "aria-invalid",
                    if invalid { "true" } else { "false" },
                );
            }
            invalid
        }));
    }
    let value = state.value_memo(flag);
    match param.kind {
        Kind::Text | Kind::Integer => {
            let multiline =
                Memo::new(move |_| value.with(|v| v.bytes().any(|b| b == b'\n' || b == b'\r')));
            let swapped = field.clone();
            keep(RenderEffect::new(move |was: Option<bool>| {
                let now = multiline.get();
                if was.is_some_and(|w| w != now) || (was.is_none() && now) {
                    swap_text_control(state, shown, param, &swapped, now);
                }
                now
            }));
            keep_showing(shown, flag, value, field, control_selector);
        }
        Kind::Timestamp => {
            keep_showing(shown, flag, value, field.clone(), control_selector);
            let radios = ZoneRadios::find(&field);
            keep(RenderEffect::new(move |_| radios.show(state.zone())));
            if let Some(line) = dom::find(&field, &format!("#instant-{flag}")) {
                keep(RenderEffect::new(move |_| {
                    let text = value.with(|text| instant_line(text, state.zone(), state.now()));
                    line.set_text_content(Some(&text));
                }));
            }
        }
        Kind::Boolean => {
            let radios = dom::find_all(&field, "input[type=radio]");
            keep(RenderEffect::new(move |_| {
                value.with(|v| {
                    for radio in &radios {
                        dom::set_checked(radio, dom::value(radio) == *v);
                    }
                });
            }));
        }
        Kind::Choice(_) => {
            if let Some(select) = dom::find(&field, &control_selector) {
                keep(RenderEffect::new(move |first: Option<()>| {
                    value.with(|v| {
                        // The markup already shows "not set".
                        if first.is_some() || !v.is_empty() {
                            select.set_inner_html(&markup_form::choice_options(param, v));
                            io::set_control_value(&select, v);
                        }
                    });
                }));
            }
        }
        Kind::Switch => {
            if let Some(checkbox) = dom::find(&field, &control_selector) {
                keep(RenderEffect::new(move |was: Option<bool>| {
                    let on = value.with(|v| v == "true");
                    // Unchecked in the markup.
                    if was.unwrap_or(false) != on {
                        dom::set_checked(&checkbox, on);
                    }
                    on
                }));
            }
        }
    }
}

/// Replaces a text control by an `<input>` or a `<textarea>`, keeping its value and state: a
/// value holding a line break (only an import or a link can bring one) needs a textarea,
/// because an `<input>` would silently drop the break from what the user sees and edits.
fn swap_text_control(
    state: AppState,
    shown: Shown,
    param: &'static Param,
    field: &Element,
    multiline: bool,
) {
    let flag = param.flag;
    let Some(old) = dom::find(field, &format!("#{}", control_id(flag))) else {
        return;
    };
    old.set_outer_html(&markup_form::text_control(param, multiline));
    if let Some(new) = dom::find(field, &format!("#{}", control_id(flag))) {
        let text = state.value_untracked(flag);
        io::set_control_value(&new, &text);
        shown.set(flag, &text);
        let invalid = untrack(|| state.has_error(flag));
        dom::set_attr(&new, "aria-invalid", if invalid { "true" } else { "false" });
    }
}

/// Keeps a text control showing the parameter's text when it changes from elsewhere (an
/// import, a link, start over).
fn keep_showing(
    shown: Shown,
    flag: &'static str,
    value: Memo<String>,
    field: Element,
    selector: String,
) {
    keep(RenderEffect::new(move |_| {
        value.with(|text| {
            if !shown.is(flag, text) {
                if let Some(control) = dom::find(&field, &selector) {
                    io::set_control_value(&control, text);
                }
                shown.set(flag, text);
            }
        });
    }));
}

/// The two radio buttons that say how a time typed without a zone is read.
struct ZoneRadios(Vec<(Zone, Element)>);

impl ZoneRadios {
    fn find(field: &Element) -> Self {
        Self(
            markup_form::ZONES
                .iter()
                .filter_map(|(zone, _)| {
                    dom::find(field, &format!("#zone-{}", zone.as_str())).map(|e| (*zone, e))
                })
                .collect(),
        )
    }

    fn show(&self, chosen: Zone) {
        for (zone, radio) in &self.0 {
            dom::set_checked(radio, *zone == chosen);
        }
    }
}

/// The line under the seed time: the instant that will be sent, in UTC and in epoch seconds.
fn instant_line(text: &str, zone: Zone, now: i64) -> String {
    if text.trim().is_empty() {
        return timestamp::accepted_forms(now);
    }
    match timestamp::parse(text) {
        Ok(parsed) => {
            let seconds = parsed.resolve(zone, &BrowserZone);
            format!(
                "Sent as {} (epoch {seconds}).",
                timestamp::format_utc(seconds)
            )
        }
        Err(_) => "Not a time the CLI can read yet.".to_owned(),
    }
}

/// The error summary above the form: every error and warning with a link to its field,
/// hidden when there are none. Notes (how a value was read) stay at their fields only.
fn wire_summary(state: AppState, root: &Element) {
    let (Some(summary), Some(heading), Some(list)) = (
        dom::find(root, "#error-summary"),
        dom::find(root, "#error-summary-title"),
        dom::find(root, "#error-summary ul"),
    ) else {
        return;
    };
    let problems = Memo::new(move |_| {
        state.checked.with(|c| {
            c.diagnostics
                .iter()
                .filter(|d| d.severity != crate::core::diagnostic::Severity::Info)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    keep(RenderEffect::new(move |_| {
        problems.with(|p| {
            dom::toggle_attr(&summary, "hidden", p.is_empty());
            heading.set_text_content(Some(&markup_form::summary_heading(p)));
            list.set_inner_html(&markup_form::summary_items(p));
        });
        let class = if state.has_errors() {
            "summary summary-errors"
        } else {
            "summary"
        };
        dom::set_attr(&summary, "class", class);
    }));
}
