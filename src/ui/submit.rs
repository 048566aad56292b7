//! The page's "Send" section, and the loading of the send panel.
//!
//! Sending is optional and most visits never use it, so the panel that sends
//! ([`crate::ui::send_panel`]) is a wasm of its own that the page loads on the first click on
//! "Send…". Until then the page only looks at `config.json`, which ships with the app naming no
//! proxy (`{"proxy": null}`), so that a default deployment never asks for a missing file. When
//! the file names no proxy, or is missing, the section says sending is off and how to turn it
//! on; otherwise it offers the button. The file is checked in full by the panel, which reports
//! any problem in this section.
//!
//! Once loaded, the panel mounts its own view in the section and the page's part of it goes
//! quiet; page and panel talk as [`crate::ui::panel`] describes.

use leptos::either::EitherOf3;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::EventTarget;

use crate::core::diagnostic::Diagnostic;
use crate::core::submit::{self, Availability, config};
use crate::core::view;
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::io;
use crate::ui::panel::{Lazy, SAY_EVENT, Stage, detail, listen};

/// The id of the section, where the panel mounts its view and the events travel.
pub const SECTION_ID: &str = "submit";

/// The send panel's loader, which Trunk writes next to `index.html` (see `index.html`).
const LOADER: &str = "send-panel_loader.js";

/// What the page found in `config.json` before the panel is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Look {
    /// Looking at `config.json`.
    Looking,
    /// Sending is off: its state (`off` or `broken`) and why, in a paragraph.
    Off(&'static str, String),
    /// A proxy is named: the "Send…" button.
    Configured,
}

/// The "Send" section, for the form `form` (its share query and whether it has errors, as the
/// panel is fed it); `say` announces what the panel asks to. Looks at `config.json` once; the
/// rest of the app never waits for it.
#[component]
pub fn SendSection(
    /// The form: its share query and whether it has errors.
    form: Signal<(String, bool)>,
    /// Announces a message.
    say: Callback<String>,
) -> impl IntoView {
    let look = RwSignal::new(Look::Looking);
    let lazy = Lazy::new(LOADER);
    leptos::task::spawn_local(async move {
        let off = |availability: Availability| {
            let (kind, text) = availability.status_line().unwrap_or_default();
            Look::Off(kind, text)
        };
        look.set(match fetch_config().await {
            Some((200, text)) if names_no_proxy(&text) => off(submit::without_proxy()),
            Some((200, _)) => Look::Configured,
            other => off(submit::without_config(other.map(|(status, _)| status))),
        });
    });
    let section = NodeRef::<html::Section>::new();
    let owner = Owner::current();
    // The first "Send…": listen for the panel on the section, then load it.
    let send = move |_| {
        if !look.with_untracked(|l| matches!(l, Look::Configured)) || lazy.is_asked() {
            return;
        }
        let Some(section) = section.get_untracked() else {
            return;
        };
        let target: EventTarget = section.into();
        listen(&target, SAY_EVENT, move |event| {
            if let Some(message) = detail(event).as_string() {
                say.run(message);
            }
        });
        lazy.load(&target, form, owner.clone());
    };
    // Every state but one is a sentence of the same shape (one view type instead of one per
    // state, which keeps the first load small).
    let body = move || match (lazy.stage(), look.get()) {
        (Stage::Ready, _) => EitherOf3::C(()),
        (Stage::Loading, _) => {
            EitherOf3::A(status("loading", "Loading the send panel…".to_owned()))
        }
        (Stage::Failed(why), _) => EitherOf3::A(status("broken", view::send_panel_failed(&why))),
        (Stage::Idle, Look::Looking) => EitherOf3::A(status(
            "loading",
            "Looking for a send configuration…".to_owned(),
        )),
        (Stage::Idle, Look::Off(kind, text)) => EitherOf3::A(status(kind, text)),
        (Stage::Idle, Look::Configured) => EitherOf3::B(view! {
            <p class="submit-status" id="submit-status" data-state="configured">
                "This page can send the request through the signing proxy named in config.json. You confirm what is sent first."
            </p>
            <p>
                <button type="button" id="submit-send" class="send" on:click=send.clone()>
                    "Send…"
                </button>
            </p>
        }),
    };
    view! {
        <section class="submit" id=SECTION_ID aria-labelledby="submit-title" node_ref=section>
            <h2 id="submit-title">"Send"</h2>
            <div class="submit-body">{body}</div>
        </section>
    }
}

/// A one-paragraph status of the section, in the state `state`.
pub fn status(state: &'static str, text: String) -> impl IntoView {
    view! {
        <p class="submit-status" id="submit-status" data-state=state>
            {text}
        </p>
    }
}

/// The status when sending is not possible: off (and how to turn it on), or a config with
/// problems, each listed with its place. Shared with the send panel.
pub fn availability_status(availability: Availability) -> impl IntoView {
    match availability {
        Availability::NotConfigured { .. } | Availability::NotAllowed { .. } => {
            let (_, text) = availability.status_line().unwrap_or_default();
            EitherOf3::A(view! {
                <p class="submit-status" id="submit-status" data-state="off">
                    {text}
                </p>
            })
        }
        Availability::Broken { problems } => EitherOf3::B(broken(problems)),
        // The send panel shows a ready target itself.
        Availability::Ready(_) => EitherOf3::C(()),
    }
}

fn broken(problems: Vec<Diagnostic>) -> impl IntoView {
    view! {
        <div class="submit-status" id="submit-status" data-state="broken">
            <p>{submit::BROKEN}</p>
            <ul class="diagnostics">{problems.into_iter().map(diagnostic_item).collect_view()}</ul>
        </div>
    }
}

/// The HTTP status `config.json` is answered with and its text, or `None` when the fetch
/// fails. The body is always read to its end: left unread, the request stays unfinished for as
/// long as the page lives, and the network never goes quiet.
async fn fetch_config() -> Option<(u16, String)> {
    io::fetch_text(config::FILE_NAME).await
}

/// Whether the text is a JSON object whose `"proxy"` is `null` or absent, as in the file that
/// ships with the app. Read with the browser's own JSON parser; anything else (another value,
/// or text that is not JSON) is left to the panel, which says exactly what is wrong with it.
fn names_no_proxy(text: &str) -> bool {
    js_sys::JSON::parse(text).is_ok_and(|value| {
        value.is_object()
            && !js_sys::Array::is_array(&value)
            && js_sys::Reflect::get(&value, &JsValue::from_str("proxy"))
                .is_ok_and(|proxy| proxy.is_null() || proxy.is_undefined())
    })
}
