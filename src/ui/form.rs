//! The form, generated from the parameter table: one section per [`Group`], one control per
//! [`Param`], the control chosen by its [`Kind`]. No parameter is written out by hand here.
//!
//! Every control has `name` = the CLI option without dashes and an `id` of `f-` + that name,
//! its hint and diagnostics tied to it with `aria-describedby`, and `aria-invalid` while it
//! has an error. What the user typed is stored as typed, valid or not.

use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use crate::core::form::Zone;
use crate::core::params::{self, Group, Kind, Param};
use crate::core::timestamp;
use crate::ui::io::{self, BrowserZone};
use crate::ui::persist::Mirror;
use crate::ui::state::AppState;

/// The DOM id of a parameter's control (what the error summary links to).
pub fn control_id(flag: &str) -> String {
    format!("f-{flag}")
}

fn hint_id(flag: &str) -> String {
    format!("hint-{flag}")
}

fn diag_id(flag: &str) -> String {
    format!("diag-{flag}")
}

/// Every section of the form; the global options are collapsed.
#[component]
pub fn FormSections() -> impl IntoView {
    let state = AppState::get();
    // Open the global options at start when a link or draft already set one of them.
    let globals_set = params::globals().any(|p| !state.value_untracked(p.flag).is_empty());
    Group::ALL
        .into_iter()
        .map(|group| {
            let fields = params::in_group(group)
                .map(|param| view! { <Field param /> })
                .collect_view();
            if group == Group::Global {
                view! {
                    <details class="group global" open=globals_set>
                        <summary>
                            <h2>{group.title()}</h2>
                        </summary>
                        <p class="group-note">
                            "Options of the AWS CLI itself. They shape the command, never the request body."
                        </p>
                        {fields}
                    </details>
                }
                .into_any()
            } else {
                view! {
                    <fieldset class="group">
                        <legend>
                            <h2>{group.title()}</h2>
                        </legend>
                        {fields}
                    </fieldset>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// One parameter: label, control, hint, explanation and diagnostics.
#[component]
fn Field(param: &'static Param) -> impl IntoView {
    let flag = param.flag;
    let control = match param.kind {
        Kind::Text | Kind::Integer => view! { <TextControl param /> }.into_any(),
        Kind::Timestamp => view! { <TimeControl param /> }.into_any(),
        Kind::Boolean => view! { <BooleanControl param /> }.into_any(),
        Kind::Choice(_) => view! { <ChoiceControl param /> }.into_any(),
        Kind::Switch => view! { <SwitchControl param /> }.into_any(),
    };
    let required = param.required.then(|| {
        view! {
            <span class="required" aria-hidden="true">
                " required"
            </span>
        }
    });
    let v2 = param
        .v2_only
        .then(|| view! { <span class="badge">"CLI v2 only"</span> });
    // Booleans are a group of radio buttons: their legend is inside the control.
    let label = (param.kind != Kind::Boolean).then(|| {
        view! {
            <label class="label" for=control_id(flag)>
                {param.label}
                {required}
                " "
                <code class="flag">"--" {flag}</code>
                {v2}
            </label>
        }
    });
    view! {
        <div class="field" class:field-switch=param.kind == Kind::Switch data-flag=flag>
            {label}
            {control}
            <p class="hint" id=hint_id(flag)>
                {param.hint}
            </p>
            <details class="explain">
                <summary>"What is this?"</summary>
                <p>{param.help}</p>
            </details>
            <FieldDiagnostics flag />
        </div>
    }
}

/// The `aria-describedby` of a control: its hint and its diagnostics.
fn described_by(flag: &str) -> String {
    format!("{} {}", hint_id(flag), diag_id(flag))
}

/// The diagnostics of one parameter, under its control.
#[component]
fn FieldDiagnostics(flag: &'static str) -> impl IntoView {
    let state = AppState::get();
    view! {
        <ul class="diagnostics" id=diag_id(flag)>
            {move || state.diagnostics(flag).into_iter().map(diagnostic_item).collect_view()}
        </ul>
    }
}

/// One diagnostic as a list item; the severity is spelled out, not only shown by colour.
pub fn diagnostic_item(d: Diagnostic) -> impl IntoView {
    let severity = d.severity.as_str();
    let label = match d.severity {
        crate::core::diagnostic::Severity::Error => "Error",
        crate::core::diagnostic::Severity::Warning => "Warning",
        crate::core::diagnostic::Severity::Info => "Note",
    };
    let location = d
        .location
        .map(|l| view! { <span class="location">" (" {l} ")"</span> });
    view! {
        <li class=format!("diag diag-{severity}")>
            <span class="severity">{label} ":"</span>
            {location}
            " "
            {d.message}
        </li>
    }
}

/// A text input; integers get a numeric keyboard but stay text, so nothing typed is lost. A
/// value holding a line break (only an import or a link can bring one) is shown in a textarea,
/// because an `<input>` would silently drop the break from what the user sees and edits.
#[component]
fn TextControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let flag = param.flag;
    let numeric = param.kind == Kind::Integer;
    let value = state.value_memo(flag);
    // Only this parameter's changes reach here; a plain byte loop is the quickest scan.
    let multiline = Memo::new(move |_| value.with(|v| v.bytes().any(|b| b == b'\n' || b == b'\r')));
    move || {
        let shown = StoredValue::new(value.get_untracked());
        let on_input = move |ev| typed(state, flag, shown, event_target_value(&ev));
        if multiline.get() {
            let node = NodeRef::<leptos::html::Textarea>::new();
            keep_showing(node, value, shown);
            view! {
                <textarea
                    node_ref=node
                    id=control_id(flag)
                    name=flag
                    rows="3"
                    spellcheck="false"
                    aria-required=param.required.then_some("true")
                    aria-describedby=described_by(flag)
                    aria-invalid=move || if state.has_error(flag) { "true" } else { "false" }
                    prop:value=value.get_untracked()
                    on:input=on_input
                ></textarea>
            }
            .into_any()
        } else {
            let node = NodeRef::<leptos::html::Input>::new();
            keep_showing(node, value, shown);
            view! {
                <input
                    node_ref=node
                    type="text"
                    id=control_id(flag)
                    name=flag
                    inputmode=numeric.then_some("numeric")
                    autocomplete="off"
                    spellcheck="false"
                    aria-required=param.required.then_some("true")
                    aria-describedby=described_by(flag)
                    aria-invalid=move || if state.has_error(flag) { "true" } else { "false" }
                    prop:value=value.get_untracked()
                    on:input=on_input
                />
            }
            .into_any()
        }
    }
}

/// Stores what the user typed into a text control. `shown` remembers it, so the text is not
/// sent straight back to the control that already shows it.
fn typed(state: AppState, flag: &'static str, shown: StoredValue<String>, text: String) {
    shown.set_value(text.clone());
    state.set(flag, text);
}

/// Keeps a text control showing the parameter's text when it changes from elsewhere (an
/// import, a link, start over). Text the control itself reported is not written back: doing
/// so on every keystroke would copy a long value into the page for nothing.
///
/// A render effect rather than an effect: its first run (which finds nothing to do) happens
/// while the control is built, instead of in the queue of work between mount and a usable
/// page. The effect lives as long as the control's owner holds it.
fn keep_showing<E>(node: NodeRef<E>, value: Memo<String>, shown: StoredValue<String>)
where
    E: leptos::tachys::html::element::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    let effect = RenderEffect::new(move |_| {
        value.with(|text| {
            if shown.with_value(|s| s != text) {
                if let Some(control) = node.get_untracked() {
                    io::set_control_value(control.as_ref(), text);
                }
                shown.set_value(text.clone());
            }
        });
    });
    StoredValue::new_local(effect);
}

/// The seed time: free text, a zone choice for times typed without one, and the UTC instant
/// that will be sent.
#[component]
fn TimeControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let value = state.value_memo(flag);
    let shown = StoredValue::new(value.get_untracked());
    let node = NodeRef::<leptos::html::Input>::new();
    keep_showing(node, value, shown);
    let zone_choice = [(Zone::Utc, "UTC"), (Zone::Local, "My local time")]
        .into_iter()
        .map(|(zone, text)| {
            let id = format!("zone-{}", zone.as_str());
            view! {
                <label class="seg" for=id.clone()>
                    <input
                        type="radio"
                        id=id.clone()
                        name="zone"
                        value=zone.as_str()
                        prop:checked=move || state.zone() == zone
                        on:change=move |_| {
                            state.set_zone(zone);
                            mirror.flush();
                        }
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <input
            node_ref=node
            type="text"
            id=control_id(flag)
            name=flag
            autocomplete="off"
            spellcheck="false"
            aria-required=param.required.then_some("true")
            aria-describedby=format!("{} instant-{flag}", described_by(flag))
            aria-invalid=move || if state.has_error(flag) { "true" } else { "false" }
            prop:value=value.get_untracked()
            on:input=move |ev| typed(state, flag, shown, event_target_value(&ev))
        />
        <fieldset class="segmented zone">
            <legend>"A time typed without a zone is"</legend>
            {zone_choice}
        </fieldset>
        <p class="instant" id=format!("instant-{flag}") aria-live="polite">
            {move || value.with(|text| instant_line(text, state.zone()))}
        </p>
    }
}

/// The line under the seed time: the instant that will be sent, in UTC and in epoch seconds.
fn instant_line(text: &str, zone: Zone) -> String {
    if text.trim().is_empty() {
        return "Accepts 2026-12-01T09:00:00Z, 2026-12-01 09:00 or epoch seconds.".to_owned();
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

/// A three-state boolean: not set, `--flag` or `--no-flag`.
#[component]
fn BooleanControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let choices = [
        ("", "Not set".to_owned()),
        ("true", format!("--{flag}")),
        ("false", format!("--no-{flag}")),
    ];
    let buttons = choices
        .into_iter()
        .enumerate()
        .map(|(i, (value, text))| {
            // The first button carries the field's id so the error summary can focus it.
            let id = if i == 0 {
                control_id(flag)
            } else {
                format!("{}-{value}", control_id(flag))
            };
            view! {
                <label class="seg" for=id.clone()>
                    <input
                        type="radio"
                        id=id.clone()
                        name=flag
                        value=value
                        prop:checked=move || state.value(flag) == value
                        on:change=move |_| {
                            state.set(flag, value.to_owned());
                            mirror.flush();
                        }
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="segmented"
            aria-describedby=described_by(flag)
            aria-invalid=move || if state.has_error(flag) { "true" } else { "false" }
        >
            <legend class="label">
                {param.label} " " <code class="flag">"--" {flag}</code>
            </legend>
            {buttons}
        </fieldset>
    }
}

/// A fixed list of values; a value from an import that is not in the list stays selected and
/// visible, marked as not valid, until the user picks another.
#[component]
fn ChoiceControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let unset = if flag == "license-type" {
        "Not set (the service decides)"
    } else {
        "Not set"
    };
    let options = param
        .choices()
        .iter()
        .map(|&value| {
            view! {
                <option value=value selected=move || state.value(flag) == value>
                    {value}
                </option>
            }
        })
        .collect_view();
    let stray = move || {
        let current = state.value(flag);
        (!current.is_empty() && !param.choices().contains(&current.as_str())).then(|| {
            view! {
                <option value=current.clone() selected=true>
                    {format!("{current} (not valid)")}
                </option>
            }
        })
    };
    view! {
        <select
            id=control_id(flag)
            name=flag
            aria-describedby=described_by(flag)
            aria-invalid=move || if state.has_error(flag) { "true" } else { "false" }
            prop:value=move || state.value(flag)
            on:change=move |ev| {
                state.set(flag, event_target_value(&ev));
                mirror.flush();
            }
        >
            <option value="" selected=move || state.value(flag).is_empty()>
                {unset}
            </option>
            {options}
            {stray}
        </select>
    }
}

/// A global flag without a value (`--debug`): a checkbox.
#[component]
fn SwitchControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    view! {
        <input
            type="checkbox"
            id=control_id(flag)
            name=flag
            value="true"
            aria-describedby=described_by(flag)
            aria-invalid=move || if state.has_error(flag) { "true" } else { "false" }
            prop:checked=move || state.value(flag) == "true"
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                state.set(flag, if on { "true".to_owned() } else { String::new() });
                mirror.flush();
            }
        />
    }
}
