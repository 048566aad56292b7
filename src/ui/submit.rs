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
//! Once loaded, the panel owns the section's body. Page and panel talk through DOM events on
//! the section: the panel says it listens ([`READY_EVENT`]); from then on the page sends the
//! form as a share query with whether it has errors, at once and after every change
//! ([`FORM_EVENT`]); the panel asks the page to announce things ([`SAY_EVENT`]).

use std::time::Duration;

use crate::ui::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::Element;

use crate::core::markup::submit as markup_submit;
use crate::core::share;
use crate::core::submit::{self, config};
use crate::ui::state::AppState;
use crate::ui::{Announcer, dom, keep};

/// Page → panel, with every change of the form: `detail` is `[share query, has errors]`.
pub const FORM_EVENT: &str = "sms-job-builder:form";
/// Panel → page: `detail` is a message for the status line.
pub const SAY_EVENT: &str = "sms-job-builder:say";
/// Panel → page: the panel listens for [`FORM_EVENT`] now.
pub const READY_EVENT: &str = "sms-job-builder:send-panel-ready";

/// The send panel's loader, which Trunk writes next to `index.html` (see `index.html`).
const LOADER: &str = "send-panel_loader.js";

/// How long the panel may take to start before the section gives up on it. It normally starts
/// well within a second; this only catches code that never arrives.
const START_TIMEOUT: Duration = Duration::from_secs(15);

/// What the section shows while the page owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    /// Looking whether `config.json` exists.
    Looking,
    /// There is none (or it cannot be fetched): this availability says why.
    Off(submit::Availability),
    /// It exists: the "Send…" button.
    Configured,
    /// The panel's code is loading.
    Loading,
    /// The panel's code could not be loaded, for this reason.
    Failed(String),
    /// The panel runs and owns the section's body.
    Handed,
}

/// The "Send" section, appended to `parent`. Looks for `config.json` once; the rest of the
/// app never waits for it.
pub fn mount(parent: &Element) {
    let Some(section) = dom::append(parent, "section", "submit", markup_submit::SECTION) else {
        return;
    };
    dom::set_attr(&section, "id", "submit");
    dom::set_attr(&section, "aria-labelledby", "submit-title");
    let Some(body) = dom::find(&section, ".submit-body") else {
        return;
    };
    let stage = RwSignal::new(Stage::Looking);
    spawn_local(async move {
        stage.set(match fetch_config().await {
            Some((200, text)) if names_no_proxy(&text) => Stage::Off(submit::without_proxy()),
            Some((200, _)) => Stage::Configured,
            other => Stage::Off(submit::without_config(other.map(|(status, _)| status))),
        });
    });
    let shown = body.clone();
    keep(RenderEffect::new(move |_| {
        stage.with(|stage| match stage {
            Stage::Looking | Stage::Handed => {}
            Stage::Off(availability) => {
                shown.set_inner_html(&markup_submit::availability(availability));
            }
            Stage::Configured => shown.set_inner_html(markup_submit::CONFIGURED),
            Stage::Loading => shown.set_inner_html(markup_submit::PANEL_LOADING),
            Stage::Failed(why) => shown.set_inner_html(&markup_submit::panel_failed(why)),
        });
    }));
    dom::listen(&body, "click", move |event| {
        let clicked = dom::target(&event).and_then(|t| dom::closest(&t, "button"));
        if clicked.is_some_and(|b| b.id() == "submit-send")
            && stage.with_untracked(|s| matches!(s, Stage::Configured))
        {
            load(stage);
        }
    });
    let app = AppState::get();
    let announcer = Announcer::get();
    let owner = Owner::current();
    let feeding = section.clone();
    dom::listen(&section, READY_EVENT, move |_| {
        if stage.with_untracked(|s| matches!(s, Stage::Handed)) {
            return;
        }
        stage.set(Stage::Handed);
        let section = feeding.clone();
        let feed = move || {
            keep(RenderEffect::new(move |_| {
                let query = app.with_form(|form| share::encode(form, app.options()));
                let detail = js_sys::Array::of2(
                    &JsValue::from_str(&query),
                    &JsValue::from_bool(app.has_errors()),
                );
                dom::emit(&section, FORM_EVENT, &detail);
            }));
        };
        match &owner {
            Some(owner) => owner.with(feed),
            None => feed(),
        }
    });
    dom::listen(&section, SAY_EVENT, move |event| {
        if let Some(message) = dom::detail(&event).as_string() {
            announcer.say(message);
        }
    });
}

/// Loads the send panel's code with a module script; the panel announces itself with
/// [`READY_EVENT`]. A script that fails to load, or a panel that does not start in time,
/// leaves a message in the section.
fn load(stage: RwSignal<Stage>) {
    stage.set(Stage::Loading);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(script), Some(parent)) = (document.create_element("script"), document.body()) else {
        stage.set(Stage::Failed("the browser refused to load it.".to_owned()));
        return;
    };
    dom::set_attr(&script, "type", "module");
    dom::set_attr(&script, "src", LOADER);
    dom::listen(&script, "error", move |_| {
        stage.set(Stage::Failed(
            "its code could not be fetched. Reload the page to try again.".to_owned(),
        ));
    });
    let _ = parent.append_child(&script);
    dom::after(
        move || {
            if stage.with_untracked(|s| matches!(s, Stage::Loading)) {
                stage.set(Stage::Failed(format!(
                    "it did not start within {} seconds. Reload the page to try again.",
                    START_TIMEOUT.as_secs()
                )));
            }
        },
        START_TIMEOUT,
    );
}

/// The HTTP status `config.json` is answered with and its text, or `None` when the fetch
/// fails. The body is always read to its end: left unread, the request stays unfinished for as
/// long as the page lives, and the network never goes quiet.
async fn fetch_config() -> Option<(u16, String)> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let promise = window.fetch_with_str_and_init(config::FILE_NAME, &init);
    let response = JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    let text = match response.text() {
        Ok(body) => JsFuture::from(body).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    Some((response.status(), text.unwrap_or_default()))
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
