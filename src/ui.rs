//! The user interface, a thin layer over [`crate::core`].
//!
//! [`start`] writes the page's frame (heading, retirement notice, the two columns, the status
//! line), then fills the columns: the toolbar and the form column's parts, then the outputs and
//! the send panel. The frame is written here rather than in `index.html` so that the browser
//! lays the page out once, with the form, instead of first laying out a frame alone while the
//! app is still loading (which delayed a usable form by about 15 ms). The state has one owner,
//! [`state::AppState`]; the form is generated from the parameter table ([`form`], with its error summary); outputs come from the
//! core's output registry ([`outputs`]); [`import`] fills the form from pasted text; [`persist`]
//! restores the form from a share link or the saved draft and mirrors it back (off the
//! keystroke path); [`submit`] offers sending through a deployer's proxy and loads
//! [`send_panel`], which runs as a wasm of its own, on the first "Send…". Parts are markup
//! from [`crate::core::markup`] wired with Leptos signals, memos and render effects
//! (`reactive_graph`, see ARCHITECTURE.md, "Why the views are markup"). Browser APIs are reached
//! through [`io`] and [`dom`] (the send panel keeps its fetch calls at the end of its own file).

pub mod dom;
pub mod form;
pub mod import;
pub mod io;
pub mod outputs;
pub mod persist;
pub mod prelude;
pub mod send_panel;
pub mod state;
pub mod submit;

use crate::ui::prelude::*;
use web_sys::Element;

use crate::core::diagnostic::Diagnostic;
use crate::core::markup;
use persist::{Mirror, Origin};
use state::AppState;

/// Fills the page's two columns and wires everything. The reactive owner lives as long as
/// the page.
pub fn start() {
    console_error_panic_hook::set_once();
    // Effects and tasks run on the browser's microtask queue (what `mount_to_body` would set).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = document.body() {
        let _ = body.insert_adjacent_html("beforeend", FRAME);
    }
    let (Some(form_column), Some(output_column), Some(status)) = (
        document.get_element_by_id("form-column"),
        document.get_element_by_id("output-column"),
        document.query_selector(".status").ok().flatten(),
    ) else {
        return;
    };
    let owner = Owner::new();
    owner.set();
    let (form, options, origin, problems) = persist::restore();
    let state = AppState::new(form, options);
    provide_context(state);
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    provide_context(Mirror::start(state));
    keep(RenderEffect::new(move |_| {
        announcer.0.with(|text| status.set_text_content(Some(text)));
    }));

    toolbar(&form_column);
    restored_notice(&form_column, origin, &problems);
    import::mount(&form_column);
    form::mount(&form_column);
    outputs::mount(&output_column);
    submit::mount(&output_column);
    // The page never unloads its parts: the owner stays for good.
    std::mem::forget(owner);
}

/// The page's frame: heading, the service's retirement stated once, the two columns, and the
/// status line that announces copies and downloads.
const FRAME: &str = "<header class=\"top\"><h1>SMS Job Builder</h1><p class=\"tagline\">Build \
    <code>aws sms create-replication-job</code> from one checked form: the command, its input \
    documents and the exact HTTP request.</p></header>\
    <aside class=\"notice\" role=\"note\"><strong>AWS retired the Server Migration Service in \
    2022.</strong> Only AWS CLI releases up to v1 1.42.30 (botocore 1.40.30) and v2 2.30.1 still \
    have <code>aws sms</code>; newer ones removed the command.</aside>\
    <main class=\"layout\"><div class=\"form-column\" id=\"form-column\"></div>\
    <div class=\"output-column\" id=\"output-column\"></div></main>\
    <p class=\"status\" role=\"status\" aria-live=\"polite\"></p>";

/// Keeps a render effect alive as long as the current owner: the page's root for the effects
/// of a part, or the effect that created it (so an effect for one stage of a panel stops when
/// the panel moves on to the next stage).
pub fn keep<T: 'static>(effect: RenderEffect<T>) {
    StoredValue::new_local(effect);
}

/// Messages for screen readers (and a visible status line): copy and download results.
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    /// The announcer provided by [`start`].
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Announces a message through the live region; the visible line clears itself after a
    /// few seconds unless a newer message replaced it.
    pub fn say(self, message: impl Into<String>) {
        let message = message.into();
        self.0.set(message.clone());
        let signal = self.0;
        dom::after(
            move || {
                if signal.with_untracked(|m| *m == message) {
                    signal.set(String::new());
                }
            },
            std::time::Duration::from_secs(6),
        );
    }
}

const TOOLBAR: &str = "<button type=\"button\" id=\"copy-link\">Copy share link</button>\
    <span class=\"start-over\"></span>\
    <span class=\"autosave\">Your draft is saved in this browser as you type.</span>";

const START_OVER: &str = "<button type=\"button\" id=\"start-over\">Start over</button>";

const START_OVER_ASK: &str = "<span class=\"confirm-inline\">Clear every field?</span>\
    <button type=\"button\" class=\"primary\" id=\"start-over-yes\">Yes, start over</button>\
    <button type=\"button\" id=\"start-over-no\">No</button>";

/// Share link and start over.
fn toolbar(parent: &Element) {
    let state = AppState::get();
    let announcer = Announcer::get();
    let mirror = Mirror::get();
    let Some(bar) = dom::append(parent, "div", "toolbar", TOOLBAR) else {
        return;
    };
    let Some(start_over) = dom::find(&bar, ".start-over") else {
        return;
    };
    start_over.set_inner_html(START_OVER);
    dom::listen(&bar, "click", move |ev| {
        let button = dom::target(&ev).and_then(|t| dom::closest(&t, "button"));
        match button.map(|b| b.id()).as_deref() {
            Some("copy-link") => {
                // The address bar may still be waiting for the last keystrokes.
                mirror.flush();
                let link = io::href();
                wasm_bindgen_futures::spawn_local(async move {
                    if io::copy(&link).await {
                        announcer.say("Copied the share link: it reopens this form.");
                    } else {
                        announcer.say(
                            "The browser refused the clipboard; copy the address bar instead.",
                        );
                    }
                });
            }
            Some("start-over") => {
                start_over.set_inner_html(START_OVER_ASK);
                io::focus("start-over-no");
            }
            Some("start-over-no") => {
                start_over.set_inner_html(START_OVER);
                io::focus("start-over");
            }
            Some("start-over-yes") => {
                state.start_over();
                mirror.flush();
                start_over.set_inner_html(START_OVER);
                announcer.say("Started over: the form and the saved draft are cleared.");
                io::focus(&form::control_id("server-id"));
            }
            _ => {}
        }
    });
}

/// Says where a restored form came from, and what in a link could not be read.
fn restored_notice(parent: &Element, origin: Origin, problems: &[Diagnostic]) {
    let text = match origin {
        Origin::Link => "Opened from a share link.",
        Origin::Draft => "Restored your draft from this browser.",
        Origin::Fresh => "",
    };
    if !text.is_empty() {
        let html = format!("<p>{text} <button type=\"button\">Dismiss</button></p>");
        if let Some(notice) = dom::append(parent, "div", "panel-box restored", &html) {
            dom::set_attr(&notice, "id", "restored");
            dom::set_attr(&notice, "role", "status");
            let dismissed = notice.clone();
            dom::listen(&notice, "click", move |ev| {
                if dom::target(&ev).is_some_and(|t| t.tag_name() == "BUTTON") {
                    dismissed.remove();
                }
            });
        }
    }
    if let Some(list) = dom::append(
        parent,
        "ul",
        "diagnostics",
        &markup::diagnostic_items(problems),
    ) {
        dom::set_attr(&list, "id", "link-problems");
    }
}
