//! The import panel: paste a command, a `--cli-input-json` or a `--cli-input-yaml` document
//! and the form fills in. A form that already holds values is only replaced after the user
//! confirms; every problem the importer found is listed with where it is.

use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use crate::core::form::Form;
use crate::core::import::{self, Format};
use crate::ui::Announcer;
use crate::ui::form::diagnostic_item;
use crate::ui::state::AppState;

/// What the panel shows after the Import button.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// Nothing imported yet.
    Idle,
    /// Read, waiting for the user to allow replacing a non-empty form.
    Confirm(Form),
    /// Done (or read nothing): the problems found.
    Done,
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Command => "a command",
        Format::Json => "a --cli-input-json document",
        Format::Yaml => "a --cli-input-yaml document",
    }
}

/// The collapsible import panel.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::get();
    let announcer = Announcer::get();
    let text = RwSignal::new(String::new());
    let step = RwSignal::new(Step::Idle);
    let problems = RwSignal::new(Vec::<Diagnostic>::new());
    let read_as = RwSignal::new(None::<Format>);

    let apply = move |form: Form| {
        let count = form.filled().count();
        state.replace(form);
        step.set(Step::Done);
        announcer.say(format!("Imported {count} values into the form."));
    };
    let run = move |_| {
        let pasted = text.get_untracked();
        if pasted.trim().is_empty() {
            problems.set(vec![Diagnostic::general(
                crate::core::diagnostic::Severity::Error,
                "Paste a command, a JSON or a YAML document first.",
            )]);
            read_as.set(None);
            step.set(Step::Done);
            return;
        }
        read_as.set(Some(import::detect(&pasted)));
        let imported = import::detect_and_import(&pasted);
        problems.set(imported.diagnostics);
        if state.is_empty_now() || state.form_untracked() == imported.form {
            apply(imported.form);
        } else {
            step.set(Step::Confirm(imported.form));
        }
    };
    let confirm = move || {
        if let Step::Confirm(form) = step.get() {
            let replace = move |_| apply(form.clone());
            Some(view! {
                <div class="confirm" role="alert">
                    <p>"The form already holds values. Replace them with what was imported?"</p>
                    <div class="row">
                        <button type="button" class="primary" id="import-replace" on:click=replace>
                            "Replace the form"
                        </button>
                        <button type="button" id="import-cancel" on:click=move |_| step.set(Step::Idle)>
                            "Keep the current form"
                        </button>
                    </div>
                </div>
            })
        } else {
            None
        }
    };
    let report = move || {
        (step.get() != Step::Idle).then(|| {
            let heading = match (read_as.get(), problems.with(Vec::len)) {
                (Some(f), 0) => format!("Read as {}; no problems.", format_name(f)),
                (Some(f), n) => format!(
                    "Read as {}; {n} problem{} found:",
                    format_name(f),
                    if n == 1 { "" } else { "s" }
                ),
                (None, _) => String::new(),
            };
            view! {
                <p class="import-heading">{heading}</p>
                <ul class="diagnostics" id="import-problems">
                    {problems.get().into_iter().map(diagnostic_item).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <details class="panel-box import">
            <summary>"Import a command, JSON or YAML"</summary>
            <label for="import-text" class="label">
                "Paste an "
                <code>"aws sms create-replication-job"</code>
                " command (bash, PowerShell or cmd), or a --cli-input-json / --cli-input-yaml document"
            </label>
            <textarea
                id="import-text"
                name="import-text"
                spellcheck="false"
                autocomplete="off"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="row">
                <button type="button" id="import-run" on:click=run>
                    "Import"
                </button>
            </div>
            {confirm}
            {report}
        </details>
    }
}
