//! The error summary above the form: every error (and warning) with a link to its field.

use leptos::prelude::*;

use crate::core::diagnostic::Severity;
use crate::core::params;
use crate::ui::form::control_id;
use crate::ui::io;
use crate::ui::state::AppState;

/// Lists the form's errors and warnings, each linking to its control; hidden when there are
/// none. Notes (how a value was read) stay at their fields only.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let state = AppState::get();
    let problems = Memo::new(move |_| {
        state.checked.with(|c| {
            c.diagnostics
                .iter()
                .filter(|d| d.severity != Severity::Info)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let counts = move || {
        problems.with(|p| {
            let errors = p.iter().filter(|d| d.severity == Severity::Error).count();
            (errors, p.len() - errors)
        })
    };
    let heading = move || {
        let (errors, warnings) = counts();
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        match (errors, warnings) {
            (0, w) => format!("{} to check", plural(w, "warning")),
            (e, 0) => format!("{} to fix", plural(e, "error")),
            (e, w) => format!("{} to fix, {}", plural(e, "error"), plural(w, "warning")),
        }
    };
    let items = move || {
        problems
            .get()
            .into_iter()
            .map(|d| {
                let severity = d.severity.as_str();
                let label = params::PARAMS
                    .iter()
                    .find(|p| Some(p.flag) == d.param)
                    .map_or("Form", |p| p.label);
                let link = d.param.map(control_id);
                let target = link.clone();
                view! {
                    <li class=format!("diag diag-{severity}")>
                        <a
                            href=link.map(|id| format!("#{id}"))
                            on:click=move |ev| {
                                if let Some(id) = &target {
                                    ev.prevent_default();
                                    io::focus(id);
                                }
                            }
                        >
                            {label}
                        </a>
                        ": "
                        {d.message}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div
            class="summary"
            class:summary-errors=move || state.has_errors()
            id="error-summary"
            role="region"
            aria-labelledby="error-summary-title"
            hidden=move || problems.with(Vec::is_empty)
        >
            <h2 id="error-summary-title">{heading}</h2>
            <ul>{items}</ul>
        </div>
    }
}
