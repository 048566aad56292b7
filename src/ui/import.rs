//! The page's side of the import panel: the collapsible `<details>` it lives in.
//!
//! The panel itself ([`crate::ui::import_panel`]) is a wasm of its own, loaded when the
//! `<details>` is first opened: most visits never import, and the panel carries the messages
//! to and from the import worker. Until it runs, the `<details>` holds only its summary (and
//! "Loading the importer…", or why it could not be loaded). The page then feeds it the form,
//! takes an imported form from it, announces what it asks and shows its step as `data-step`
//! (see [`crate::ui::panel`]).

use leptos::either::EitherOf3;
use leptos::html;
use leptos::prelude::*;
use web_sys::EventTarget;

use crate::core::share;
use crate::core::view;
use crate::ui::Announcer;
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::panel::{IMPORT_EVENT, Lazy, SAY_EVENT, STEP_EVENT, Stage, detail, listen};
use crate::ui::state::AppState;

/// The id of the `<details>`, where the panel mounts its view and the events travel.
pub const IMPORT_ID: &str = "import";

/// The import panel's loader, which Trunk writes next to `index.html` (see `index.html`).
const LOADER: &str = "import-panel_loader.js";

/// The collapsible import panel. Its contents are loaded when it is first opened; once there
/// they stay, so closing the panel loses nothing typed.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let app = AppState::get();
    let announcer = Announcer::get();
    let lazy = Lazy::new(LOADER);
    // The panel's step, as it last said.
    let step = RwSignal::new("idle".to_owned());
    let details = NodeRef::<html::Details>::new();
    let owner = Owner::current();
    // Listens for the panel on the `<details>`, then loads it.
    let open = move |_| {
        if lazy.is_asked() {
            return;
        }
        let Some(details) = details.get_untracked() else {
            return;
        };
        let host: EventTarget = details.into();
        listen(&host, IMPORT_EVENT, move |event| {
            if let Some(query) = detail(event).as_string() {
                let (form, _, _) = share::decode(&query);
                app.replace(form);
            }
        });
        listen(&host, SAY_EVENT, move |event| {
            if let Some(message) = detail(event).as_string() {
                announcer.say(message);
            }
        });
        listen(&host, STEP_EVENT, move |event| {
            if let Some(name) = detail(event).as_string() {
                step.set(name);
            }
        });
        lazy.load(&host, app.shared(), owner.clone());
    };
    let status = move || match lazy.stage() {
        Stage::Idle | Stage::Ready => EitherOf3::A(()),
        Stage::Loading => EitherOf3::B(view! {
            <p class="import-loading" role="status">
                "Loading the importer…"
            </p>
        }),
        Stage::Failed(why) => EitherOf3::C(view! {
            <ul class="diagnostics" id="import-problems" role="alert">
                {diagnostic_item(view::import_panel_failed(&why))}
            </ul>
        }),
    };
    // Until the panel says which step it is at, a failed load is the step to show.
    let shown_step = move || match lazy.stage() {
        Stage::Failed(_) => "failed".to_owned(),
        _ => step.get(),
    };
    view! {
        <details
            class="panel-box import"
            id=IMPORT_ID
            data-step=shown_step
            on:toggle=open
            node_ref=details
        >
            <summary>"Import a command, JSON or YAML"</summary>
            {status}
        </details>
    }
}
