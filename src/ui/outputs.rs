//! The outputs: one tab per [`Output`] in the registry, each with copy and download.
//!
//! Every output's text sits in an element with id `out-` + [`Output::id`] whose text content
//! is exactly what the copy button copies; all of them stay in the DOM, the inactive ones
//! hidden, so tests and users' automation can read any of them at any time.

use leptos::prelude::*;

use crate::core::render::{CliOptions, Output, Rendered, Shell, Style};
use crate::core::request::Request;
use crate::ui::Announcer;
use crate::ui::form::diagnostic_item;
use crate::ui::io;
use crate::ui::persist::Mirror;
use crate::ui::state::AppState;

fn tab_id(output: Output) -> String {
    format!("tab-{}", output.id())
}

fn panel_id(output: Output) -> String {
    format!("panel-{}", output.id())
}

/// True for outputs that depend on the form (the skeletons never do).
fn depends_on_form(output: Output) -> bool {
    !matches!(
        output,
        Output::SkeletonInput | Output::SkeletonYamlInput | Output::SkeletonOutput
    )
}

/// The media type a download is offered with.
fn media_type(output: Output) -> &'static str {
    match output {
        Output::Json | Output::SkeletonInput | Output::SkeletonOutput | Output::HttpBody => {
            "application/json"
        }
        Output::Yaml | Output::SkeletonYamlInput => "application/yaml",
        Output::Cli | Output::HttpRequest => "text/plain",
    }
}

/// The tab list and every panel.
#[component]
pub fn Outputs() -> impl IntoView {
    let active = RwSignal::new(Output::Cli);
    let move_by = move |step: isize| {
        let all = Output::ALL;
        let len = all.len().cast_signed();
        let now = all
            .iter()
            .position(|o| *o == active.get_untracked())
            .unwrap_or(0)
            .cast_signed();
        let next = all[(now + step).rem_euclid(len).cast_unsigned()];
        active.set(next);
        io::focus(&tab_id(next));
    };
    let tabs = Output::ALL
        .into_iter()
        .map(|output| {
            view! {
                <button
                    type="button"
                    role="tab"
                    id=tab_id(output)
                    aria-controls=panel_id(output)
                    aria-selected=move || (active.get() == output).to_string()
                    tabindex=move || if active.get() == output { "0" } else { "-1" }
                    on:click=move |_| active.set(output)
                >
                    {output.title()}
                </button>
            }
        })
        .collect_view();
    let panels = Output::ALL
        .into_iter()
        .map(|output| view! { <Panel output active /> })
        .collect_view();
    view! {
        <section class="outputs" aria-labelledby="outputs-title">
            <h2 id="outputs-title">"Outputs"</h2>
            <div
                class="tabs"
                role="tablist"
                aria-label="Output formats"
                on:keydown=move |ev| match ev.key().as_str() {
                    "ArrowRight" | "ArrowDown" => {
                        ev.prevent_default();
                        move_by(1);
                    }
                    "ArrowLeft" | "ArrowUp" => {
                        ev.prevent_default();
                        move_by(-1);
                    }
                    _ => {}
                }
            >
                {tabs}
            </div>
            {panels}
        </section>
    }
}

/// One output: its controls, its text and its notes.
#[component]
fn Panel(output: Output, active: RwSignal<Output>) -> impl IntoView {
    let state = AppState::get();
    let announcer = Announcer::get();
    // The skeletons never change: render them once instead of on every keystroke.
    let rendered: Signal<Rendered> = if depends_on_form(output) {
        Memo::new(move |_| state.rendered(output)).into()
    } else {
        Signal::stored(output.render(&Request::default(), CliOptions::default()))
    };
    // Apart from the text, so a keystroke that changes the text alone rebuilds no note.
    let notes = Memo::new(move |_| rendered.with(|r| r.notes.clone()));
    let file_name = move || {
        if output == Output::Cli {
            output.file_name(state.options())
        } else {
            output.file_name(CliOptions::default())
        }
    };
    let copy = move |_| {
        let text = rendered.with_untracked(|r| r.text.clone());
        leptos::task::spawn_local(async move {
            if io::copy(&text).await {
                announcer.say(format!("Copied {} to the clipboard.", output.title()));
            } else {
                announcer.say("The browser refused the clipboard; select the text and copy it.");
            }
        });
    };
    let download = move |_| {
        let name = file_name();
        let text = rendered.with_untracked(|r| r.text.clone());
        if io::download(name, &text, media_type(output)) {
            announcer.say(format!("Downloading {name}."));
        }
    };
    let incomplete = move || {
        (depends_on_form(output) && state.has_errors()).then(|| {
            view! {
                <p class="incomplete" role="note">
                    "Incomplete: the form has errors, so parameters with errors are left out. Fix them before using this."
                </p>
            }
        })
    };
    let cli_controls = (output == Output::Cli).then(|| view! { <CliControls /> });
    view! {
        <div
            class="panel"
            role="tabpanel"
            id=panel_id(output)
            aria-labelledby=tab_id(output)
            hidden=move || active.get() != output
        >
            <div class="panel-bar">
                {cli_controls}
                <div class="actions">
                    <button type="button" class="copy" on:click=copy>
                        "Copy"
                    </button>
                    <button type="button" class="download" on:click=download>
                        "Download " <span class="file-name">{file_name}</span>
                    </button>
                </div>
            </div>
            {incomplete}
            <pre
                class="code"
                class:has-errors=move || depends_on_form(output) && state.has_errors()
                id=format!("out-{}", output.id())
                tabindex="0"
                aria-label=output.title()
            >
                {move || rendered.with(|r| r.text.clone())}
            </pre>
            <ul class="diagnostics notes">
                {move || notes.get().into_iter().map(diagnostic_item).collect_view()}
            </ul>
        </div>
    }
}

/// The shell and style of the command (also share-link keys `shell` and `style`).
#[component]
fn CliControls() -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let shells = Shell::ALL
        .into_iter()
        .map(|shell| {
            let text = match shell {
                Shell::Bash => "bash / zsh",
                Shell::PowerShell => "PowerShell",
                Shell::Cmd => "cmd.exe",
            };
            view! {
                <option value=shell.as_str() selected=move || state.options().shell == shell>
                    {text}
                </option>
            }
        })
        .collect_view();
    let styles = Style::ALL
        .into_iter()
        .map(|style| {
            let text = match style {
                Style::Multiline => "Several lines",
                Style::Oneline => "One line",
                Style::JsonFile => "Values in --cli-input-json file",
                Style::YamlFile => "Values in --cli-input-yaml file (v2)",
            };
            view! {
                <option value=style.as_str() selected=move || state.options().style == style>
                    {text}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="cli-controls">
            <label for="opt-shell">"Shell"</label>
            <select
                id="opt-shell"
                name="shell"
                prop:value=move || state.options().shell.as_str()
                on:change=move |ev| {
                    if let Some(shell) = Shell::parse(&event_target_value(&ev)) {
                        state.set_shell(shell);
                        mirror.flush();
                    }
                }
            >
                {shells}
            </select>
            <label for="opt-style">"Style"</label>
            <select
                id="opt-style"
                name="style"
                prop:value=move || state.options().style.as_str()
                on:change=move |ev| {
                    if let Some(style) = Style::parse(&event_target_value(&ev)) {
                        state.set_style(style);
                        mirror.flush();
                    }
                }
            >
                {styles}
            </select>
        </div>
    }
}
