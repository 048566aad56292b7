//! The outputs: one tab and one panel per [`Output`] in the registry, each panel with the
//! output's settings ([`Output::choices`]), copy and download.
//!
//! Every output's text sits in an element with id `out-` + [`Output::id`] whose text content
//! is exactly what the copy button copies; all of them stay in the DOM, the inactive ones
//! hidden, so tests and users' automation can read them. Those whose renderers load on first
//! show ([`Output::loads_on_first_show`]) are empty until one of their tabs has been shown
//! once (see [`crate::ui::deferred`]); the command, its documents and the request body are
//! there from the start. Nothing here names a particular output: a new output (or a new
//! setting of one) appears by being added to the registry in the core.

use leptos::html;
use leptos::prelude::*;

use crate::core::render::{Choice, Output, Rendered};
use crate::core::view;
use crate::ui::Announcer;
use crate::ui::deferred::{Deferred, HOST_ID};
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::io;
use crate::ui::persist::Mirror;
use crate::ui::state::AppState;

/// How many outputs there are.
const COUNT: usize = Output::ALL.len();

/// The tab list and every panel.
#[component]
pub fn Outputs() -> impl IntoView {
    let state = AppState::get();
    let active = RwSignal::new(0_usize);
    let tabs: [NodeRef<html::Button>; COUNT] = std::array::from_fn(|_| NodeRef::new());
    let section = NodeRef::<html::Section>::new();
    let deferred = Deferred::new();
    let owner = Owner::current();
    // The outputs whose renderers load on first show (see `crate::ui::deferred`) come from
    // that renderer; the page renders the others.
    let rendered: [Memo<Rendered>; COUNT] = Output::ALL.map(|output| {
        Memo::new(move |_| {
            if output.loads_on_first_show() {
                deferred.rendered(output)
            } else {
                state.rendered(output)
            }
        })
    });
    // Shows a tab; the first time an output whose renderer is not loaded yet is shown, loads it.
    let show = move |i: usize| {
        active.set(i);
        if Output::ALL[i].loads_on_first_show()
            && let Some(section) = section.get_untracked()
        {
            deferred.load(state, &section.into(), owner.clone());
        }
    };
    let show = StoredValue::new(show);
    // The arrow keys move between the tabs, wrapping around, and take the focus along.
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let len = COUNT.cast_signed();
        let next = (active.get_untracked().cast_signed() + step)
            .rem_euclid(len)
            .cast_unsigned();
        show.with_value(|show| show(next));
        if let Some(tab) = tabs[next].get_untracked() {
            let _ = tab.focus();
        }
    };
    let tab_list = Output::ALL
        .into_iter()
        .enumerate()
        .map(|(i, output)| {
            let chosen = move || active.get() == i;
            view! {
                <button
                    type="button"
                    role="tab"
                    id=view::tab_id(output)
                    aria-controls=view::panel_id(output)
                    aria-selected=move || if chosen() { "true" } else { "false" }
                    tabindex=move || if chosen() { "0" } else { "-1" }
                    on:click=move |_| show.with_value(|show| show(i))
                    node_ref=tabs[i]
                >
                    {output.title()}
                </button>
            }
        })
        .collect_view();
    let panels = Output::ALL
        .into_iter()
        .zip(rendered)
        .enumerate()
        .map(|(i, (output, rendered))| {
            view! { <OutputPanel output rendered index=i active /> }
        })
        .collect_view();
    view! {
        <section class="outputs" id=HOST_ID aria-labelledby="outputs-title" node_ref=section>
            <h2 id="outputs-title">"Outputs"</h2>
            <div class="tabs" role="tablist" aria-label="Output formats" on:keydown=keydown>
                {tab_list}
            </div>
            {panels}
        </section>
    }
}

/// One output's panel: its settings, copy and download, the note while the form has errors,
/// the text and its notes.
#[component]
fn OutputPanel(
    output: Output,
    rendered: Memo<Rendered>,
    index: usize,
    active: RwSignal<usize>,
) -> impl IntoView {
    let state = AppState::get();
    let announcer = Announcer::get();
    let text = move || rendered.with_untracked(|r| r.text.clone());
    // An output whose code is still loading has no text yet: its note says so, and copy and
    // download say it again instead of handing out an empty file.
    let not_yet = move || {
        let empty = rendered.with_untracked(|r| r.text.is_empty());
        if empty {
            announcer.say(view::not_written_yet(output));
        }
        empty
    };
    let copy = move |_| {
        if not_yet() {
            return;
        }
        let text = text();
        leptos::task::spawn_local(async move {
            if io::copy(&text).await {
                announcer.say(format!("Copied {} to the clipboard.", output.title()));
            } else {
                announcer.say("The browser refused the clipboard; select the text and copy it.");
            }
        });
    };
    let download = move |_| {
        if not_yet() {
            return;
        }
        let name = output.file_name(state.options_for_untracked(output));
        if io::download(
            &name,
            &text(),
            output.media_type(state.options_for_untracked(output)),
        ) {
            announcer.say(format!("Downloading {name}."));
        }
    };
    let incomplete = move || output.depends_on_form() && state.has_errors();
    let notes = Memo::new(move |_| rendered.with(|r| r.notes.clone()));
    let choices = (!output.choices().is_empty()).then(|| {
        view! {
            <div class=format!("{}-controls", output.id())>
                {output.choices().iter().map(|choice| view! { <ChoiceSelect choice=*choice /> }).collect_view()}
            </div>
        }
    });
    view! {
        <div
            class="panel"
            role="tabpanel"
            id=view::panel_id(output)
            aria-labelledby=view::tab_id(output)
            hidden=move || active.get() != index
        >
            <div class="panel-bar">
                {choices}
                <div class="actions">
                    <button type="button" class="copy" on:click=copy>
                        "Copy"
                    </button>
                    <button type="button" class="download" on:click=download>
                        "Download "
                        <span class="file-name">
                            {move || output.file_name(state.options_for(output))}
                        </span>
                    </button>
                </div>
            </div>
            {move || {
                incomplete()
                    .then(|| view! { <p class="incomplete" role="note">{view::INCOMPLETE}</p> })
            }}
            <pre
                class=move || if incomplete() { "code has-errors" } else { "code" }
                id=view::text_id(output)
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

/// A setting of an output, as a labelled list of its values.
#[component]
fn ChoiceSelect(choice: Choice) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let id = view::choice_id(choice.name());
    let options = choice
        .values()
        .into_iter()
        .map(|(value, label)| {
            view! {
                <option value=value prop:selected=move || state.choice(choice) == value>
                    {label}
                </option>
            }
        })
        .collect_view();
    let label_for = id.clone();
    view! {
        <label for=label_for>{choice.label()}</label>
        <select
            id=id
            name=choice.name()
            on:change=move |ev| {
                state.choose(choice, &event_target_value(&ev));
                mirror.flush();
            }
        >
            {options}
        </select>
    }
}
