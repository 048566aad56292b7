//! The Leptos user interface, a thin layer over [`crate::core`].
//!
//! `start` mounts [`App`]. The state has one owner, [`state::AppState`]; the form is generated
//! from the parameter table ([`form`], with its error summary); outputs come from
//! the core's output registry ([`outputs`]); [`import`] fills the form from pasted text;
//! [`persist`] restores the form from a share link or the saved draft and mirrors it back
//! (off the keystroke path);
//! [`submit`] sends the request through a deployer's proxy. Browser APIs are reached through
//! [`io`] (the send panel keeps its fetch calls at the end of its own file).

pub mod dom;
pub mod form;
pub mod import;
pub mod io;
pub mod outputs;
pub mod persist;
pub mod state;
pub mod submit;

use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use persist::{Mirror, Origin};
use state::AppState;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
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
        set_timeout(
            move || {
                if signal.with_untracked(|m| *m == message) {
                    signal.set(String::new());
                }
            },
            std::time::Duration::from_secs(6),
        );
    }
}

/// The whole page.
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
                "Build " <code>"aws sms create-replication-job"</code>
                " from one checked form: the command, its input documents and the exact HTTP request."
            </p>
        </header>
        <RetirementNotice />
        <main class="layout">
            <div class="form-column">
                <Toolbar />
                <RestoredNotice origin problems />
                <import::ImportPanel />
                <form::JobForm />
            </div>
            <div class="output-column">
                <outputs::Outputs />
                // Sending through the deployer's proxy; without a config.json it says how to enable it.
                <submit::SubmitPanel />
            </div>
        </main>
        <p class="status" role="status" aria-live="polite">
            {move || announcer.0.get()}
        </p>
    }
}

/// The service's retirement, stated once, without getting in the way.
#[component]
fn RetirementNotice() -> impl IntoView {
    view! {
        <aside class="notice" role="note">
            <strong>"AWS retired the Server Migration Service in 2022."</strong>
            " Only AWS CLI releases up to v1 1.42.30 (botocore 1.40.30) and v2 2.30.1 still have "
            <code>"aws sms"</code>
            "; newer ones removed the command."
        </aside>
    }
}

/// Share link and start over.
#[component]
fn Toolbar() -> impl IntoView {
    let state = AppState::get();
    let announcer = Announcer::get();
    let mirror = Mirror::get();
    let asking = RwSignal::new(false);
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
    let really = move |_| {
        state.start_over();
        mirror.flush();
        asking.set(false);
        announcer.say("Started over: the form and the saved draft are cleared.");
        io::focus(&form::control_id("server-id"));
    };
    view! {
        <div class="toolbar">
            <button type="button" id="copy-link" on:click=copy_link>
                "Copy share link"
            </button>
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button type="button" id="start-over" on:click=move |_| asking.set(true)>
                            "Start over"
                        </button>
                    }
                }
            >
                <span class="confirm-inline">"Clear every field?"</span>
                <button type="button" class="primary" id="start-over-yes" on:click=really>
                    "Yes, start over"
                </button>
                <button type="button" id="start-over-no" on:click=move |_| asking.set(false)>
                    "No"
                </button>
            </Show>
            <span class="autosave">"Your draft is saved in this browser as you type."</span>
        </div>
    }
}

/// Says where a restored form came from, and what in a link could not be read.
#[component]
fn RestoredNotice(origin: Origin, problems: Vec<Diagnostic>) -> impl IntoView {
    let shown = RwSignal::new(origin != Origin::Fresh);
    let text = match origin {
        Origin::Link => "Opened from a share link.",
        Origin::Draft => "Restored your draft from this browser.",
        Origin::Fresh => "",
    };
    let items = problems
        .into_iter()
        .map(form::diagnostic_item)
        .collect_view();
    view! {
        <Show when=move || shown.get()>
            <div class="panel-box restored" id="restored" role="status">
                <p>{text} " " <button type="button" on:click=move |_| shown.set(false)>"Dismiss"</button></p>
            </div>
        </Show>
        <ul class="diagnostics" id="link-problems">{items}</ul>
    }
}
