//! The outputs whose renderers are not in the first load ([`Output::loads_on_first_show`]:
//! the SDK programs, the whole HTTP request and the skeletons).
//!
//! Their renderers are a wasm of their own (`src/bin/deferred_outputs.rs`), which the page
//! loads the first time one of those outputs is shown. It has no view: it listens on the
//! outputs' `<section>` (id [`HOST_ID`]) for the form the page sends as a share query with
//! every change ([`crate::ui::panel::feed`], as for the send panel), checks it again itself,
//! renders each of those outputs (the skeletons, the same for every form, only once) and
//! hands the texts back in one [`RENDERED_EVENT`]. The page shows them in the outputs' own
//! panels, with the same copy and download as every other output.
//!
//! [`Deferred`] is the page's side (loading, and the texts last received); [`start`] is the
//! renderer's side. Texts and notes travel as plain JS arrays (`[id, text, [note…]]`, a note
//! being `[severity, parameter or null, location or null, message]`): strings in, the same
//! strings out.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::EventTarget;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::params;
use crate::core::render::{CliOptions, Output, Rendered};
use crate::core::request::Request;
use crate::core::share;
use crate::core::validate::{self, Context};
use crate::core::view;
use crate::ui::io::{self, BrowserZone};
use crate::ui::panel::{self, FORM_EVENT, Lazy, READY_EVENT, Stage, detail, emit, form_of, listen};
use crate::ui::state::AppState;

/// The id of the outputs' `<section>`, where the events between page and renderer travel.
pub const HOST_ID: &str = "outputs";

/// Renderer → page: `detail` is an array with one `[id, text, notes]` per output it renders.
pub const RENDERED_EVENT: &str = "sms-job-builder:rendered";

/// The renderer's loader, which Trunk writes next to `index.html` (see `index.html`).
const LOADER: &str = "deferred-outputs_loader.js";

/// The page's side: the renderer's loader, and the texts it sent last (none yet: `None`).
#[derive(Clone, Copy)]
pub struct Deferred {
    lazy: Lazy,
    rendered: RwSignal<Option<Vec<(Output, Rendered)>>>,
}

impl Deferred {
    /// Nothing loaded yet.
    pub fn new() -> Self {
        Self {
            lazy: Lazy::new(LOADER),
            rendered: RwSignal::new(None),
        }
    }

    /// The output as the renderer last sent it, tracked. Until then its text is empty and its
    /// one note says that it is loading, or why it could not be loaded.
    pub fn rendered(self, output: Output) -> Rendered {
        let pending = |severity, message| Rendered {
            text: String::new(),
            notes: vec![Diagnostic::general(severity, message)],
        };
        let sent = self.rendered.with(|all| {
            all.as_ref().map(|all| {
                all.iter()
                    .find(|(o, _)| *o == output)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default()
            })
        });
        match (sent, self.lazy.stage()) {
            (Some(rendered), _) => rendered,
            (None, Stage::Failed(why)) => {
                pending(Severity::Error, view::output_failed(output, &why))
            }
            (None, _) => pending(Severity::Info, view::output_loading(output)),
        }
    }

    /// Loads the renderer, the first time only, and feeds it the form from then on. `host` is
    /// the outputs' section ([`HOST_ID`]); `owner` owns the effect that feeds it.
    pub fn load(self, app: AppState, host: &EventTarget, owner: Option<Owner>) {
        if self.lazy.is_asked() {
            return;
        }
        let rendered = self.rendered;
        listen(host, RENDERED_EVENT, move |event| {
            rendered.set(Some(read(&detail(event))));
        });
        self.lazy.load(host, app.shared(), owner);
    }
}

impl Default for Deferred {
    fn default() -> Self {
        Self::new()
    }
}

/// The renderer's side (the deferred-outputs wasm): answers every form the page sends with the
/// texts of the outputs that load on first show.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(host) = panel::host(HOST_ID) else {
        return;
    };
    let host: EventTarget = host.into();
    let target = host.clone();
    let deferred = || Output::ALL.into_iter().filter(|o| o.loads_on_first_show());
    // The outputs that are the same for every form (the skeletons) are written once.
    let fixed: Vec<JsValue> = deferred()
        .filter(|o| !o.depends_on_form())
        .map(|o| write(o, &o.render(&Request::default(), CliOptions::default())))
        .collect();
    // The clock is read once, as the page and the send panel do (it only decides warnings).
    let now = io::now();
    listen(&host, FORM_EVENT, move |event| {
        let (query, _) = form_of(event);
        let (form, options, _) = share::decode(&query);
        let checked = validate::check(
            &form,
            &Context {
                now,
                local: &BrowserZone,
            },
        );
        let all: js_sys::Array = fixed.iter().collect();
        for output in deferred().filter(|o| o.depends_on_form()) {
            all.push(&write(output, &output.render(&checked.request, options)));
        }
        emit(&target, RENDERED_EVENT, &all);
    });
    emit(&host, READY_EVENT, &JsValue::UNDEFINED);
}

/// One output as `[id, text, notes]`.
fn write(output: Output, rendered: &Rendered) -> JsValue {
    let optional = |text: Option<&str>| text.map_or(JsValue::NULL, JsValue::from_str);
    let notes: js_sys::Array = rendered
        .notes
        .iter()
        .map(|d| {
            let note = js_sys::Array::of4(
                &JsValue::from_str(d.severity.as_str()),
                &optional(d.param),
                &optional(d.location.as_deref()),
                &JsValue::from_str(&d.message),
            );
            JsValue::from(note)
        })
        .collect();
    js_sys::Array::of3(
        &JsValue::from_str(output.id()),
        &JsValue::from_str(&rendered.text),
        &notes,
    )
    .into()
}

/// Reads what [`write`] wrote, for each output; anything else is left out.
fn read(detail: &JsValue) -> Vec<(Output, Rendered)> {
    let string = |value: JsValue| value.as_string();
    js_sys::Array::from(detail)
        .iter()
        .filter_map(|entry| {
            let entry = js_sys::Array::from(&entry);
            let id = string(entry.get(0))?;
            let output = Output::ALL.into_iter().find(|o| o.id() == id)?;
            let notes = js_sys::Array::from(&entry.get(2))
                .iter()
                .filter_map(|note| {
                    let note = js_sys::Array::from(&note);
                    Some(Diagnostic {
                        severity: Severity::parse(&string(note.get(0))?)?,
                        param: string(note.get(1))
                            .and_then(|flag| params::by_flag(&flag))
                            .map(|p| p.flag),
                        location: string(note.get(2)),
                        message: string(note.get(3))?,
                    })
                })
                .collect();
            Some((
                output,
                Rendered {
                    text: string(entry.get(1))?,
                    notes,
                },
            ))
        })
        .collect()
}
