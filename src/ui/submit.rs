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
//! quiet. Page and panel share no memory: they talk through DOM events on the section. The
//! panel says it listens ([`READY_EVENT`]); from then on the page sends the form as a share
//! query with whether it has errors, at once and after every change ([`FORM_EVENT`]); the panel
//! asks the page to announce things ([`SAY_EVENT`]).

use std::time::Duration;

use gloo_net::http::Request;
use leptos::either::{EitherOf3, EitherOf6};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{EventTarget, RequestCache};

use crate::core::diagnostic::Diagnostic;
use crate::core::share;
use crate::core::submit::{self, Availability, HOW_TO_ENABLE, config};
use crate::core::view;
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::state::AppState;
use crate::ui::{Announcer, io};

/// Page → panel, with every change of the form: `detail` is `[share query, has errors]`.
pub const FORM_EVENT: &str = "sms-job-builder:form";
/// Panel → page: `detail` is a message for the status line.
pub const SAY_EVENT: &str = "sms-job-builder:say";
/// Panel → page: the panel listens for [`FORM_EVENT`] now.
pub const READY_EVENT: &str = "sms-job-builder:send-panel-ready";

/// The id of the section, where the panel mounts its view and the events travel.
pub const SECTION_ID: &str = "submit";

/// The send panel's loader, which Trunk writes next to `index.html` (see `index.html`).
const LOADER: &str = "send-panel_loader.js";

/// How long the panel may take to start before the section gives up on it. It normally starts
/// well within a second; this only catches code that never arrives.
const START_TIMEOUT: Duration = Duration::from_secs(15);

/// What the section shows while the page owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// Looking at `config.json`.
    Looking,
    /// Sending is off: this availability says why.
    Off(Availability),
    /// A proxy is named: the "Send…" button.
    Configured,
    /// The panel's code is loading.
    Loading,
    /// The panel's code could not be loaded, for this reason.
    Failed(String),
    /// The panel runs and shows its own view in the section.
    Handed,
}

/// The "Send" section. Looks at `config.json` once; the rest of the app never waits for it.
#[component]
pub fn SendSection() -> impl IntoView {
    let app = AppState::get();
    let announcer = Announcer::get();
    let stage = RwSignal::new(Stage::Looking);
    leptos::task::spawn_local(async move {
        stage.set(match fetch_config().await {
            Some((200, text)) if names_no_proxy(&text) => Stage::Off(submit::without_proxy()),
            Some((200, _)) => Stage::Configured,
            other => Stage::Off(submit::without_config(other.map(|(status, _)| status))),
        });
    });
    let section = NodeRef::<html::Section>::new();
    let owner = Owner::current();
    section.on_load(move |section| {
        let target: EventTarget = section.clone().into();
        listen(&target, READY_EVENT, move |_| {
            if stage.with_untracked(|s| matches!(s, Stage::Handed)) {
                return;
            }
            stage.set(Stage::Handed);
            let section = section.clone();
            let feed = move || {
                // I/O: the form goes to the panel, another program, on every change.
                Effect::new(move |_| {
                    let query = app.with_form(|form| share::encode(form, app.options()));
                    let detail = js_sys::Array::of2(
                        &JsValue::from_str(&query),
                        &JsValue::from_bool(app.has_errors()),
                    );
                    emit(&section, FORM_EVENT, &detail);
                });
            };
            match &owner {
                Some(owner) => owner.with(feed),
                None => feed(),
            }
        });
        listen(&target, SAY_EVENT, move |event| {
            if let Some(message) = detail(event).as_string() {
                announcer.say(message);
            }
        });
    });
    let body = move || match stage.get() {
        Stage::Looking => EitherOf6::A(status("loading", "Looking for a send configuration…")),
        Stage::Off(availability) => EitherOf6::B(availability_status(availability)),
        Stage::Configured => EitherOf6::C(view! {
            <p class="submit-status" id="submit-status" data-state="configured">
                "This page can send the request through the signing proxy named in config.json. You confirm what is sent first."
            </p>
            <p>
                <button type="button" id="submit-send" class="send" on:click=move |_| load(stage)>
                    "Send…"
                </button>
            </p>
        }),
        Stage::Loading => EitherOf6::D(status("loading", "Loading the send panel…")),
        Stage::Failed(why) => EitherOf6::E(view! {
            <div class="submit-status" id="submit-status" data-state="broken">
                <p>{view::send_panel_failed(&why)}</p>
            </div>
        }),
        Stage::Handed => EitherOf6::F(()),
    };
    view! {
        <section class="submit" id=SECTION_ID aria-labelledby="submit-title" node_ref=section>
            <h2 id="submit-title">"Send"</h2>
            <div class="submit-body">{body}</div>
        </section>
    }
}

/// A one-sentence status of the section, in the state `state`.
pub fn status(state: &'static str, text: &'static str) -> impl IntoView {
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
        Availability::NotConfigured { reason } => EitherOf3::A(view! {
            <p class="submit-status" id="submit-status" data-state="off">
                {reason} " " {HOW_TO_ENABLE}
            </p>
        }),
        Availability::Broken { problems } => EitherOf3::B(broken(problems)),
        // The send panel shows a ready target itself.
        Availability::Ready(_) => EitherOf3::C(()),
    }
}

fn broken(problems: Vec<Diagnostic>) -> impl IntoView {
    view! {
        <div class="submit-status" id="submit-status" data-state="broken">
            <p>
                "Sending is off: " {config::FILE_NAME}
                " has problems. The rest of the app is not affected."
            </p>
            <ul class="diagnostics">{problems.into_iter().map(diagnostic_item).collect_view()}</ul>
        </div>
    }
}

/// Loads the send panel's code with a module script; the panel announces itself with
/// [`READY_EVENT`]. A script that fails to load, or a panel that does not start in time,
/// leaves a message in the section.
fn load(stage: RwSignal<Stage>) {
    if !stage.with_untracked(|s| matches!(s, Stage::Configured)) {
        return;
    }
    stage.set(Stage::Loading);
    let failed = || Stage::Failed("the browser refused to load it.".to_owned());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        stage.set(failed());
        return;
    };
    let (Ok(script), Some(parent)) = (document.create_element("script"), document.body()) else {
        stage.set(failed());
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", LOADER);
    listen(&script, "error", move |_| {
        stage.set(Stage::Failed(
            "its code could not be fetched. Reload the page to try again.".to_owned(),
        ));
    });
    let _ = parent.append_child(&script);
    io::after(START_TIMEOUT, move || {
        if stage.with_untracked(|s| matches!(s, Stage::Loading)) {
            stage.set(Stage::Failed(format!(
                "it did not start within {} seconds. Reload the page to try again.",
                START_TIMEOUT.as_secs()
            )));
        }
    });
}

/// The HTTP status `config.json` is answered with and its text, or `None` when the fetch
/// fails. The body is always read to its end: left unread, the request stays unfinished for as
/// long as the page lives, and the network never goes quiet.
async fn fetch_config() -> Option<(u16, String)> {
    let response = Request::get(config::FILE_NAME)
        .cache(RequestCache::NoStore)
        .send()
        .await
        .ok()?;
    let text = response.text().await.unwrap_or_default();
    Some((response.status(), text))
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

// ---- The events between page and panel -----------------------------------------------------

/// Calls `handler` for every `event` on `target` for as long as the page lives.
pub fn listen(
    target: &EventTarget,
    event: &'static str,
    handler: impl FnMut(&web_sys::Event) + 'static,
) {
    gloo_events::EventListener::new(target, event, handler).forget();
}

/// Dispatches a `CustomEvent` named `name` carrying `detail` on `target`; listeners run before
/// this returns.
pub fn emit(target: &EventTarget, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// The `detail` of a `CustomEvent` (undefined for any other event).
pub fn detail(event: &web_sys::Event) -> JsValue {
    event
        .dyn_ref::<web_sys::CustomEvent>()
        .map_or(JsValue::UNDEFINED, web_sys::CustomEvent::detail)
}
