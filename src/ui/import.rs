//! The import panel: paste a command, a `--cli-input-json` or a `--cli-input-yaml` document
//! and the form fills in. A form that already holds values is only replaced after the user
//! confirms; every problem the importer found is listed with where it is.
//!
//! The importers run in a Web Worker (`src/bin/import_worker.rs`), started on the first
//! import, so none of their code is part of the page's first load. The panel sends the text as
//! a [`Request`] and shows "Reading…" until the [`Reply`] comes back. A worker
//! that cannot be loaded is reported as such, with the form and the pasted text untouched. The
//! few browser calls that run the worker are kept together at the end of this file.

use std::rc::Rc;
use std::time::Duration;

use crate::ui::prelude::*;

use crate::core::diagnostic::{Diagnostic, Severity};
use web_sys::Element;

use crate::core::form::Form;
use crate::core::import::Format;
use crate::core::import_message::{Reply, Request};
use crate::core::markup::import as markup_import;
use crate::ui::Announcer;
use crate::ui::state::AppState;
use crate::ui::{dom, keep};

/// How long the worker may take to start before the panel gives up on it. It is normally
/// ready well within a second; this only catches a worker whose code never arrives.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// What the panel shows after the Import button.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// Nothing imported yet.
    Idle,
    /// Waiting for the worker's answer to the request with this id.
    Reading(u64),
    /// Read, waiting for the user to allow replacing a non-empty form.
    Confirm(Form),
    /// Done (or read nothing): the problems found.
    Done,
    /// The importer could not run; the sentence says why and what to do.
    Failed(String),
}

impl Step {
    /// A stable name for the step, exposed on the panel for tests and styles.
    fn name(&self) -> &'static str {
        match self {
            Step::Idle => "idle",
            Step::Reading(_) => "reading",
            Step::Confirm(_) => "confirm",
            Step::Done => "done",
            Step::Failed(_) => "failed",
        }
    }
}

/// The panel's state and what its buttons and the worker's answers do.
#[derive(Clone, Copy)]
struct Panel {
    state: AppState,
    announcer: Announcer,
    text: RwSignal<String>,
    step: RwSignal<Step>,
    problems: RwSignal<Vec<Diagnostic>>,
    read_as: RwSignal<Option<Format>>,
    /// The id of the last request sent.
    last_id: StoredValue<u64>,
}

impl Panel {
    fn new() -> Self {
        Self {
            state: AppState::get(),
            announcer: Announcer::get(),
            text: RwSignal::new(String::new()),
            step: RwSignal::new(Step::Idle),
            problems: RwSignal::new(Vec::new()),
            read_as: RwSignal::new(None),
            last_id: StoredValue::new(0),
        }
    }

    /// The Import button: sends the pasted text to the worker.
    fn run(self) {
        let pasted = self.text.get_untracked();
        if pasted.trim().is_empty() {
            self.problems.set(vec![Diagnostic::general(
                Severity::Error,
                "Paste a command, a JSON or a YAML document first.",
            )]);
            self.read_as.set(None);
            self.step.set(Step::Done);
            return;
        }
        let id = self.last_id.get_value() + 1;
        self.last_id.set_value(id);
        self.step.set(Step::Reading(id));
        let request = Request {
            id,
            text: pasted,
            format: None,
        };
        worker::send(
            &request.encode(),
            &(Rc::new(move |heard| self.receive(heard)) as worker::Deliver),
        );
        dom::after(
            move || {
                if self.step.get_untracked() == Step::Reading(id) && !worker::is_ready() {
                    self.fail(&format!(
                        "it did not start within {} seconds",
                        START_TIMEOUT.as_secs()
                    ));
                }
            },
            START_TIMEOUT,
        );
    }

    /// What the worker said (or why it could not say anything).
    fn receive(self, heard: Result<Reply, String>) {
        let Step::Reading(waiting_for) = self.step.get_untracked() else {
            return;
        };
        match heard {
            Ok(Reply::Imported {
                id,
                format,
                form,
                diagnostics,
            }) if id == waiting_for => {
                self.read_as.set(Some(format));
                self.problems.set(diagnostics);
                if self.state.is_empty_now() || self.state.form_untracked() == form {
                    self.apply(form);
                } else {
                    self.step.set(Step::Confirm(form));
                }
            }
            Ok(Reply::Refused { id, reason }) if id.is_none_or(|id| id == waiting_for) => {
                self.fail(&format!("it refused the request: {reason}"));
            }
            // A late answer to an earlier request, or the ready signal: nothing to show.
            Ok(_) => {}
            Err(why) => self.fail(&why),
        }
    }

    fn apply(self, form: Form) {
        let count = form.filled().count();
        self.state.replace(form);
        self.step.set(Step::Done);
        self.announcer
            .say(format!("Imported {count} values into the form."));
    }

    fn fail(self, why: &str) {
        worker::discard();
        self.step.set(Step::Failed(why.to_owned()));
        self.announcer
            .say("The importer could not run; the form is unchanged.");
    }
}

/// The collapsible import panel, appended to `parent`. Its contents are built when it is
/// first opened, not on every page load: most visits never import. Once built they stay, so
/// closing the panel loses nothing typed.
pub fn mount(parent: &Element) {
    let panel = Panel::new();
    let Some(details) = dom::append(parent, "details", "panel-box import", markup_import::PANEL)
    else {
        return;
    };
    let step = panel.step;
    {
        let details = details.clone();
        keep(RenderEffect::new(move |_| {
            dom::set_attr(&details, "data-step", step.with(Step::name));
        }));
    }
    let opened = StoredValue::new(false);
    let toggled = details.clone();
    dom::listen(&details, "toggle", move |_| {
        if !opened.get_value() {
            opened.set_value(true);
            panel.open(&toggled);
        }
    });
}

impl Panel {
    /// Builds what the panel holds and wires it: the text box, the buttons, and the report
    /// that follows the step.
    fn open(self, details: &Element) {
        let _ = details.insert_adjacent_html("beforeend", markup_import::CONTENTS);
        let (Some(reading), Some(result)) = (
            dom::find(details, ".import-reading"),
            dom::find(details, ".import-result"),
        ) else {
            return;
        };
        dom::listen(details, "input", move |ev| {
            if let Some(area) = dom::target(&ev).filter(|t| t.id() == "import-text") {
                self.text.set(dom::value(&area));
            }
        });
        dom::listen(details, "click", move |ev| {
            let button = dom::target(&ev).and_then(|t| dom::closest(&t, "button"));
            match button.map(|b| b.id()).as_deref() {
                Some("import-run") => self.run(),
                Some("import-replace") => {
                    if let Step::Confirm(form) = self.step.get_untracked() {
                        self.apply(form);
                    }
                }
                Some("import-cancel") => self.step.set(Step::Idle),
                _ => {}
            }
        });
        keep(RenderEffect::new(move |_| {
            self.step.with(|step| {
                dom::toggle_attr(&reading, "hidden", !matches!(step, Step::Reading(_)));
                let html = match step {
                    Step::Idle | Step::Reading(_) => String::new(),
                    Step::Failed(why) => markup_import::failed(why),
                    Step::Confirm(_) => {
                        markup_import::CONFIRM.to_owned()
                            + &self.problems.with_untracked(|p| {
                                markup_import::report(self.read_as.get_untracked(), p)
                            })
                    }
                    Step::Done => self
                        .problems
                        .with_untracked(|p| markup_import::report(self.read_as.get_untracked(), p)),
                };
                result.set_inner_html(&html);
            });
        }));
    }
}

/// The browser side of the import worker: started on the first request, kept for the next
/// ones, thrown away when it fails so the next request starts a fresh one.
mod worker {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use web_sys::{Event, MessageEvent, Worker};

    use crate::core::import_message::Reply;

    /// The loader Trunk writes for the `import-worker` binary (`data-loader-shim`), next to
    /// `index.html`; workers keep fixed file names.
    const LOADER: &str = "import-worker_loader.js";

    /// Gets every reply, or a failure as a phrase.
    pub(super) type Deliver = Rc<dyn Fn(Result<Reply, String>)>;

    struct Running {
        worker: Worker,
        /// True once the worker said it listens.
        ready: bool,
        /// Requests sent before that, in order.
        queued: Vec<String>,
        _on_message: Closure<dyn Fn(MessageEvent)>,
        _on_error: Closure<dyn Fn(Event)>,
    }

    thread_local! {
        static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    }

    /// Sends a request, starting the worker first if there is none.
    pub(super) fn send(request: &str, deliver: &Deliver) {
        let failed = RUNNING.with_borrow_mut(|running| {
            if running.is_none() {
                *running = Some(start(deliver.clone())?);
            }
            let Some(running) = running.as_mut() else {
                return Err("no worker".to_owned());
            };
            if running.ready {
                post(&running.worker, request)
            } else {
                running.queued.push(request.to_owned());
                Ok(())
            }
        });
        // Told outside the borrow, since the receiver may send again.
        if let Err(why) = failed {
            discard();
            deliver(Err(why));
        }
    }

    /// True when a worker is running and listening.
    pub(super) fn is_ready() -> bool {
        RUNNING.with_borrow(|running| running.as_ref().is_some_and(|r| r.ready))
    }

    /// Stops and forgets the worker, if any.
    pub(super) fn discard() {
        if let Some(running) = RUNNING.with_borrow_mut(Option::take) {
            running.worker.terminate();
        }
    }

    fn post(worker: &Worker, request: &str) -> Result<(), String> {
        worker
            .post_message(&JsValue::from_str(request))
            .map_err(|_| "the browser refused to pass the text to it".to_owned())
    }

    fn start(deliver: Deliver) -> Result<Running, String> {
        let worker = Worker::new(LOADER).map_err(|e| {
            let detail = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default();
            format!("the browser refused to start it: {detail}")
        })?;
        let on_message = {
            let deliver = deliver.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                match Reply::decode(&text) {
                    Ok(Reply::Ready) => flush(&deliver),
                    Ok(reply) => deliver(Ok(reply)),
                    Err(why) => deliver(Err(format!("its answer is unreadable: {why}"))),
                }
            })
        };
        let on_error = Closure::<dyn Fn(Event)>::new(move |event: Event| {
            let detail = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(web_sys::ErrorEvent::message)
                .filter(|m| !m.is_empty())
                .map_or_else(
                    || "its code could not be loaded".to_owned(),
                    |m| format!("it stopped: {m}"),
                );
            event.prevent_default();
            deliver(Err(detail));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Running {
            worker,
            ready: false,
            queued: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The worker listens now: sends what was queued.
    fn flush(deliver: &Deliver) {
        let failed = RUNNING.with_borrow_mut(|running| {
            let Some(running) = running.as_mut() else {
                return Ok(());
            };
            running.ready = true;
            std::mem::take(&mut running.queued)
                .iter()
                .try_for_each(|request| post(&running.worker, request))
        });
        if let Err(why) = failed {
            discard();
            deliver(Err(why));
        }
    }
}
