//! The user interface: Leptos components over [`crate::core`].
//!
//! [`App`] is the page: its frame (heading, the service's retirement stated once, the two
//! columns, the status line) and the parts, each a component of its own. The state has one
//! owner, [`state::AppState`], provided as context with the [`Announcer`] and the
//! [`persist::Mirror`]. The form is generated from the parameter table ([`form`], with its
//! error summary and one component per kind of parameter); the outputs come from the core's
//! output registry ([`outputs`]); [`import`] fills the form from pasted text through a worker;
//! [`persist`] restores the form from a share link or the saved draft and mirrors it back (off
//! the keystroke path); [`submit`] offers sending through a deployer's proxy and loads
//! [`send_panel`], which runs as a wasm of its own, on the first "Send…". Browser calls that
//! are not the DOM of a view live in [`io`].

pub mod deferred;
pub mod diagnostics;
pub mod form;
pub mod import;
pub mod import_panel;
pub mod io;
pub mod operation_page;
pub mod outputs;
pub mod panel;
pub mod persist;
pub mod send_panel;
pub mod state;
pub mod structured;
pub mod submit;

use std::time::Duration;

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use crate::core::params;
use crate::core::view;
use diagnostics::diagnostic_item;
use persist::{Mirror, Origin};
use state::AppState;

/// The page. Restores the form (from the address or the draft), creates the state and the
/// mirror, and lays out every part.
#[component]
pub fn App() -> impl IntoView {
    let (form, options, origin, problems) = persist::restore();
    let state = AppState::new(form, options);
    provide_context(state);
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    provide_context(Mirror::start(state));
    view! {
        <header class="top">
            <h1>"SMS Job Builder"</h1>
            <p class="tagline">
                "Build " <code>"aws " {params::OPERATION.metadata.cli_name} " " {params::OPERATION.cli_name}</code>
                " from one checked form: the command, its input documents and the exact HTTP request."
            </p>
        </header>
        <RetiredNotice />
        // The way to the other operations: their list is on a page of its own, loaded on use.
        <nav class="op-picker top" aria-label="Operations">
            <a id="op-change" href=format!("?{}=", crate::core::call::form::OP_KEY)>
                "Operation: " <code>{params::OPERATION.cli_name}</code>
                <span class="op-change">" (change)"</span>
            </a>
        </nav>
        <main class="layout">
            <div class="form-column">
                <Toolbar />
                <RestoredNotice origin problems />
                <import::ImportPanel />
                <form::JobForm />
            </div>
            <div class="output-column">
                <outputs::Outputs />
                <submit::SendSection form=state.shared() say=Callback::new(move |m: String| announcer.say(m)) />
            </div>
        </main>
        <p class="status" role="status" aria-live="polite">
            {move || announcer.0.get()}
        </p>
    }
}

/// The service's retirement, said once at the top of every page.
#[component]
pub fn RetiredNotice() -> impl IntoView {
    view! {
        <aside class="notice" role="note">
            <strong>"AWS retired the Server Migration Service in 2022."</strong>
            " Only AWS CLI releases up to v1 1.42.30 (botocore 1.40.30) and v2 2.30.1 still have "
            <code>"aws sms"</code>
            "; newer ones removed the command."
        </aside>
    }
}

/// Messages for screen readers (and a visible status line): copy and download results.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// The announcer provided by [`App`].
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Announces a message through the live region; the visible line clears itself after a
    /// few seconds unless a newer message replaced it.
    pub fn say(self, message: impl Into<String>) {
        let message = message.into();
        self.0.set(message.clone());
        let signal = self.0;
        io::after(Duration::from_secs(6), move || {
            if signal.with_untracked(|m| *m == message) {
                signal.set(String::new());
            }
        });
    }
}

/// Share link and start over (which asks first).
#[component]
fn Toolbar() -> impl IntoView {
    let state = AppState::get();
    let announcer = Announcer::get();
    let mirror = Mirror::get();
    let asking = RwSignal::new(false);
    // The buttons that take the focus when the clicked one is replaced.
    let start_button = NodeRef::<html::Button>::new();
    let no_button = NodeRef::<html::Button>::new();
    let copy_link = move |_| {
        // The address bar may still be waiting for the last keystrokes.
        mirror.flush();
        let link = io::href();
        leptos::task::spawn_local(async move {
            if io::copy(&link).await {
                announcer.say("Copied the share link: it reopens this form.");
            } else {
                announcer.say("The browser refused the clipboard; copy the address bar instead.");
            }
        });
    };
    let ask = move |on: bool| {
        asking.set(on);
        io::focus_when_built(if on { no_button } else { start_button });
    };
    let start_over = move |_| {
        state.start_over();
        mirror.flush();
        asking.set(false);
        announcer.say("Started over: the form and the saved draft are cleared.");
        // The form's first field.
        io::focus_control(&view::control_id(params::PARAMS[0].flag));
    };
    view! {
        <div class="toolbar">
            <button type="button" id="copy-link" on:click=copy_link>
                "Copy share link"
            </button>
            <span class="start-over">
                {move || {
                    if asking.get() {
                        Either::Left(view! {
                            <span class="confirm-inline">"Clear every field?"</span>
                            <button
                                type="button"
                                class="primary"
                                id="start-over-yes"
                                on:click=start_over
                            >
                                "Yes, start over"
                            </button>
                            <button
                                type="button"
                                id="start-over-no"
                                node_ref=no_button
                                on:click=move |_| ask(false)
                            >
                                "No"
                            </button>
                        })
                    } else {
                        Either::Right(view! {
                            <button
                                type="button"
                                id="start-over"
                                node_ref=start_button
                                on:click=move |_| ask(true)
                            >
                                "Start over"
                            </button>
                        })
                    }
                }}
            </span>
            <span class="autosave">"Your draft is saved in this browser as you type."</span>
        </div>
    }
}

/// Says where a restored form came from, and what in a link could not be read.
#[component]
fn RestoredNotice(origin: Origin, problems: Vec<Diagnostic>) -> impl IntoView {
    let text = match origin {
        Origin::Link => "Opened from a share link.",
        Origin::Draft => "Restored your draft from this browser.",
        Origin::Fresh => "",
    };
    let dismissed = RwSignal::new(false);
    // Built only when there is something to say; dismissing hides it (one attribute instead of
    // a view that comes and goes).
    let notice = (!text.is_empty()).then(|| {
        view! {
            <div class="panel-box restored" id="restored" role="status" hidden=move || dismissed.get()>
                <p>
                    {text} " "
                    <button type="button" on:click=move |_| dismissed.set(true)>
                        "Dismiss"
                    </button>
                </p>
            </div>
        }
    });
    view! {
        {notice}
        <ul class="diagnostics" id="link-problems">
            {problems.into_iter().map(diagnostic_item).collect_view()}
        </ul>
    }
}
