//! Panels that are wasm files of their own: the import panel and the send panel.
//!
//! Most visits never import and never send, so those two panels are not part of the first
//! load: the page shows a small host element for each (the import `<details>`, the "Send"
//! section) and loads the panel's code on first use with a module script ([`load`]). The
//! panel then mounts its own view in the host. Page and panel share no memory; they talk with
//! DOM `CustomEvent`s on the host: the panel says it listens ([`READY_EVENT`]); from then on
//! the page sends the form as a share query with whether it has errors, at once and after every
//! change ([`FORM_EVENT`], see [`feed`]); the panel asks the page to announce things
//! ([`SAY_EVENT`]), and the import panel hands over an imported form ([`IMPORT_EVENT`]) and
//! says which step it is at ([`STEP_EVENT`]).
//!
//! [`Lazy`] is the one loader of every such part (the import panel, the send panel and the
//! renderers of the outputs that load on first show): idle → loading → ready (fed the form
//! from then on), or failed with why.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::EventTarget;

use crate::ui::io;

/// Page → panel, with every change of the form: `detail` is `[share query, has errors]`.
pub const FORM_EVENT: &str = "sms-job-builder:form";
/// Panel → page: `detail` is a message for the status line.
pub const SAY_EVENT: &str = "sms-job-builder:say";
/// Panel → page: the panel listens for [`FORM_EVENT`] now.
pub const READY_EVENT: &str = "sms-job-builder:panel-ready";
/// Import panel → page: `detail` is the imported form as a share query, to replace the form.
pub const IMPORT_EVENT: &str = "sms-job-builder:import";
/// Import panel → page: `detail` is the name of the step the panel is at.
pub const STEP_EVENT: &str = "sms-job-builder:import-step";

/// How long a panel may take to start before its host gives up on it. It normally starts well
/// within a second; this only catches code that never arrives.
pub const START_TIMEOUT: Duration = Duration::from_secs(15);

/// Where the code of a part that loads on first use is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Not asked for yet.
    Idle,
    /// Asked for; it has not said it listens yet.
    Loading,
    /// It listens, and is fed the form.
    Ready,
    /// It could not be loaded, for this reason.
    Failed(String),
}

/// The loader of one part: its stage, and the module script that brings its code.
#[derive(Clone, Copy)]
pub struct Lazy {
    stage: RwSignal<Stage>,
    loader: &'static str,
}

impl Lazy {
    /// A part whose code Trunk's `loader` script (next to `index.html`) brings; not loaded yet.
    pub fn new(loader: &'static str) -> Self {
        Self {
            stage: RwSignal::new(Stage::Idle),
            loader,
        }
    }

    /// The stage, tracked.
    pub fn stage(self) -> Stage {
        self.stage.get()
    }

    /// Whether it was asked for already.
    pub fn is_asked(self) -> bool {
        self.stage.with_untracked(|s| *s != Stage::Idle)
    }

    /// Loads the part, the first time only: once it says it listens on `host`, it is fed
    /// `form` (the share query and whether it has errors) now and after every change, by an
    /// effect that `owner` owns. Listeners for the part's other events go on `host` first.
    pub fn load(self, host: &EventTarget, form: Signal<(String, bool)>, owner: Option<Owner>) {
        if self.is_asked() {
            return;
        }
        let stage = self.stage;
        stage.set(Stage::Loading);
        let fed = host.clone();
        listen(host, READY_EVENT, move |_| {
            if stage.with_untracked(|s| *s == Stage::Loading) {
                stage.set(Stage::Ready);
                feed(owner.as_ref(), form, fed.clone());
            }
        });
        load(
            self.loader,
            move || stage.with_untracked(|s| *s != Stage::Loading),
            move |why| {
                if stage.with_untracked(|s| *s == Stage::Loading) {
                    stage.set(Stage::Failed(why));
                }
            },
        );
    }
}

/// Loads a panel's code with a module script. `failed` hears why when the script cannot be
/// fetched or the panel does not say it is ready in time (`started` tells).
fn load(
    loader: &'static str,
    started: impl Fn() -> bool + 'static,
    failed: impl Fn(String) + Clone + 'static,
) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        failed("the browser refused to load it.".to_owned());
        return;
    };
    let (Ok(script), Some(parent)) = (document.create_element("script"), document.body()) else {
        failed("the browser refused to load it.".to_owned());
        return;
    };
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", loader);
    let on_error = failed.clone();
    listen(&script, "error", move |_| {
        on_error("its code could not be fetched. Reload the page to try again.".to_owned());
    });
    let _ = parent.append_child(&script);
    io::after(START_TIMEOUT, move || {
        if !started() {
            failed(format!(
                "it did not start within {} seconds. Reload the page to try again.",
                START_TIMEOUT.as_secs()
            ));
        }
    });
}

/// Sends the form to the panel in `host` now and after every change, for as long as the
/// page lives (an I/O effect: the panel is another program).
fn feed(owner: Option<&Owner>, form: Signal<(String, bool)>, host: EventTarget) {
    let start = move || {
        Effect::new(move |_| {
            let (query, has_errors) = form.get();
            let detail =
                js_sys::Array::of2(&JsValue::from_str(&query), &JsValue::from_bool(has_errors));
            emit(&host, FORM_EVENT, &detail);
        });
    };
    match owner {
        Some(owner) => owner.with(start),
        None => start(),
    }
}

/// The form a [`FORM_EVENT`] carries: the share query and whether it has errors.
pub fn form_of(event: &web_sys::Event) -> (String, bool) {
    let detail = js_sys::Array::from(&detail(event));
    (
        detail.get(0).as_string().unwrap_or_default(),
        detail.get(1).as_bool().unwrap_or(true),
    )
}

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

/// The element with this id, as the host a panel mounts in (panels run in their own wasm,
/// so they find their host by the id the page gave it).
pub fn host(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}
