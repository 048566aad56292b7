//! The form, generated from the parameter table: the error summary, one section per
//! [`Group`], one [`Field`] per [`Param`]. A field is the same for every parameter (its label
//! and control, hint, explanation and diagnostics); the control comes from the component for
//! the parameter's [`Kind`] ([`controls`]), so a new kind of parameter is one more component and
//! one more arm in [`controls::control`], and no other kind changes.
//!
//! Every control has `name` = the CLI option without dashes and `id` =
//! [`view::control_id`], its hint and diagnostics tied to it with `aria-describedby`. Controls
//! are controlled inputs: what they show is the parameter's text in the state (`prop:value`,
//! `prop:checked`), and what the user types or picks goes back through the state's intent
//! methods, stored exactly as typed, valid or not. Each control reads only its own
//! parameter's memos, so a keystroke in one field touches no other field's DOM.

pub mod controls;

use leptos::either::Either;
use leptos::prelude::*;

use crate::core::diagnostic::{self, Diagnostic};
use crate::core::params::{self, Group, Param};
use crate::core::view::{self, control_id};
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::io;
use crate::ui::state::AppState;

/// The form with the error summary and every section; the global options start open when a
/// link or draft already set one of them.
#[component]
pub fn JobForm() -> impl IntoView {
    let state = AppState::get();
    let globals_set = params::globals().any(|p| !state.value_untracked(p.id).is_empty());
    let sections = Group::ALL
        .into_iter()
        .map(|group| {
            let fields = params::in_group(group)
                .map(|param| view! { <Field param /> })
                .collect_view();
            if group == Group::Global {
                Either::Left(view! {
                    <details class="group global" open=globals_set>
                        <summary>
                            <h2>{group.title()}</h2>
                        </summary>
                        <p class="group-note">
                            "Options of the AWS CLI itself. They shape the command, never the request body."
                        </p>
                        {fields}
                    </details>
                })
            } else {
                Either::Right(view! {
                    <fieldset class="group">
                        <legend>
                            <h2>{group.title()}</h2>
                        </legend>
                        {fields}
                    </fieldset>
                })
            }
        })
        .collect_view();
    view! {
        // The form never submits: everything it produces is in the outputs.
        <form class="job-form" novalidate on:submit=|ev| ev.prevent_default()>
            <ErrorSummary />
            {sections}
        </form>
    }
}

/// One parameter: label and control (by kind), hint, explanation and diagnostics.
#[component]
fn Field(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let flag = param.flag;
    let class = if param.kind == params::Kind::Switch {
        "field field-switch"
    } else {
        "field"
    };
    view! {
        // Leaving a field touches it: from then on a missing value is an error there.
        <div class=class data-flag=flag on:focusout=move |_| state.touch(param.id)>
            {controls::control(param)}
            <p class="hint" id=view::hint_id(flag)>
                {param.hint}
            </p>
            <details class="explain">
                <summary>"What is this?"</summary>
                <p>{param.help}</p>
            </details>
            <ul class="diagnostics" id=view::diagnostics_id(flag)>
                {move || state.diagnostics(param.id).into_iter().map(diagnostic_item).collect_view()}
            </ul>
        </div>
    }
}

/// The error summary above the form: every error and warning with a link to its field,
/// hidden when there are none. Notes (how a value was read) stay at their fields only.
#[component]
fn ErrorSummary() -> impl IntoView {
    let state = AppState::get();
    // The problems, then the values still needed, each a link to its field.
    let listed = Memo::new(move |_| {
        state
            .checked
            .with(|c| view::summary_problems(&c.diagnostics, &c.needed))
    });
    let heading = move || listed.with(|l| view::summary_heading(l));
    let items = move || listed.get().into_iter().map(summary_item).collect_view();
    let class = move || {
        listed.with(|l| {
            if diagnostic::has_errors(l) {
                "summary summary-errors"
            } else {
                "summary"
            }
        })
    };
    view! {
        <div
            class=class
            id="error-summary"
            role="region"
            aria-labelledby="error-summary-title"
            hidden=move || listed.with(Vec::is_empty)
        >
            <h2 id="error-summary-title">{heading}</h2>
            <ul>{items}</ul>
        </div>
    }
}

/// A summary item: the problem with a link that moves the focus to its field's control.
fn summary_item(d: Diagnostic) -> impl IntoView {
    let class = format!("diag diag-{}", d.severity.as_str());
    let flag = d.param;
    let href = flag.map(|f| format!("#{}", control_id(f)));
    let follow = move |ev: web_sys::MouseEvent| {
        if let Some(flag) = flag {
            ev.prevent_default();
            io::focus_control(&control_id(flag));
        }
    };
    view! {
        <li class=class>
            <a href=href on:click=follow>
                {view::summary_label(&d)}
            </a>
            ": "
            {d.message}
        </li>
    }
}
