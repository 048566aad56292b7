//! The import panel: paste a command, a `--cli-input-json` or a `--cli-input-yaml` document
//! and the form fills in. A form that already holds values is only replaced after the user
//! confirms; every problem the importer found is listed with where it is.
//!
//! This code runs in a wasm of its own (`src/bin/import_panel.rs`), which the page loads when
//! the import `<details>` is first opened (see [`crate::ui::import`] and [`crate::ui::panel`]),
//! so none of it is in the first load. It mounts its view in that `<details>`, hears the
//! page's form with every change, and hands an imported form back to the page as a share query.
//!
//! The importers themselves run in a Web Worker (`src/bin/import_worker.rs`), started on the
//! first import. The panel sends the text as a [`Request`] and shows "Reading…" until the
//! [`Reply`] comes back; both travel as plain objects through `serde-wasm-bindgen`. A worker
//! that cannot be loaded is reported as such, with the form and the pasted text untouched.
//! The few browser calls that run the worker are kept together at the end of this file.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use wasm_bindgen::JsValue;
use web_sys::EventTarget;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::Format;
use crate::core::import::message::{Received, Reply, Request};
use crate::core::params;
use crate::core::render::CliOptions;
use crate::core::share;
use crate::core::view;
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::import::IMPORT_ID;
use crate::ui::io;
use crate::ui::panel::{
    self, FORM_EVENT, IMPORT_EVENT, READY_EVENT, SAY_EVENT, STEP_EVENT, emit, form_of, listen,
};

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
    /// The text is a call of another operation: its CLI name and its page's query.
    Elsewhere(String, String),
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
            Step::Elsewhere(..) => "elsewhere",
            Step::Failed(_) => "failed",
        }
    }
}

/// The panel's state and what its buttons and the worker's answers do.
#[derive(Clone, Copy)]
struct Panel {
    /// The page's import `<details>`, where the events between page and panel travel.
    host: StoredValue<EventTarget, LocalStorage>,
    /// The page's form as a share query, as the page last sent it.
    form: RwSignal<String>,
    text: RwSignal<String>,
    step: RwSignal<Step>,
    problems: RwSignal<Vec<Diagnostic>>,
    read_as: RwSignal<Option<Format>>,
    /// The id of the last request sent.
    last_id: StoredValue<u64>,
}

impl Panel {
    fn new(host: EventTarget) -> Self {
        Self {
            host: StoredValue::new_local(host),
            form: RwSignal::new(String::new()),
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
        worker::send(
            &Request::new(id, pasted),
            &(Rc::new(move |heard| self.receive(heard)) as worker::Deliver),
        );
        io::after(START_TIMEOUT, move || {
            if self.step.get_untracked() == Step::Reading(id) && !worker::is_ready() {
                self.fail(&format!(
                    "it did not start within {} seconds",
                    START_TIMEOUT.as_secs()
                ));
            }
        });
    }

    /// What the worker said (or why it could not say anything).
    fn receive(self, heard: Result<Reply, String>) {
        let Step::Reading(waiting_for) = self.step.get_untracked() else {
            return;
        };
        match heard.map(Reply::receive) {
            Ok(Ok(Some(Received {
                id,
                format,
                diagnostics,
                elsewhere: Some((operation, query)),
                ..
            }))) if id == waiting_for => {
                self.read_as.set(Some(format));
                self.problems.set(diagnostics);
                self.step.set(Step::Elsewhere(operation, query));
            }
            Ok(Ok(Some(Received {
                id,
                format,
                form,
                diagnostics,
                ..
            }))) if id == waiting_for => {
                self.read_as.set(Some(format));
                self.problems.set(diagnostics);
                let (current, _, _) = self.form.with_untracked(|q| share::decode(q));
                if current.is_empty() || current == form {
                    self.apply(&form);
                } else {
                    self.step.set(Step::Confirm(form));
                }
            }
            Ok(Err((id, why))) if id.is_none_or(|id| id == waiting_for) => self.fail(&why),
            // A late answer to an earlier request, or the ready signal: nothing to show.
            Ok(_) => {}
            Err(why) => self.fail(&why),
        }
    }

    /// Hands the form to the page, which replaces its own with it.
    fn apply(self, form: &Form) {
        let count = form.filled().count();
        let query = share::encode(form, CliOptions::default());
        self.tell(IMPORT_EVENT, &query);
        self.step.set(Step::Done);
        self.tell(
            SAY_EVENT,
            &format!("Imported {count} values into the form."),
        );
    }

    fn fail(self, why: &str) {
        worker::discard();
        self.step.set(Step::Failed(why.to_owned()));
        self.tell(
            SAY_EVENT,
            "The importer could not run; the form is unchanged.",
        );
    }

    /// Sends the page an event with a text.
    fn tell(self, event: &str, text: &str) {
        self.host
            .with_value(|host| emit(host, event, &JsValue::from_str(text)));
    }

    /// Replaces the form with what was read, once the user allowed it.
    fn replace(self) {
        if let Step::Confirm(form) = self.step.get_untracked() {
            self.apply(&form);
        }
    }
}

/// Mounts the panel in the page's import `<details>`.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(details) = panel::host(IMPORT_ID) else {
        return;
    };
    let host: EventTarget = details.clone().into();
    leptos::mount::mount_to(details, move || {
        let panel = Panel::new(host.clone());
        listen(&host, FORM_EVENT, move |event| {
            panel.form.set(form_of(event).0);
        });
        // I/O: the page shows the step on the `<details>` (for styles and tests).
        Effect::new(move |_| panel.tell(STEP_EVENT, panel.step.with(Step::name)));
        emit(&host, READY_EVENT, &JsValue::UNDEFINED);
        view! { <ImportContents panel /> }
    })
    .forget();
}

/// The text box, the button, "Reading…" while the worker reads, and the question or report.
#[component]
fn ImportContents(panel: Panel) -> impl IntoView {
    let reading = move || panel.step.with(|s| matches!(s, Step::Reading(_)));
    view! {
        <label for="import-text" class="label">
            "Paste an " <code>"aws " {params::OPERATION.metadata.cli_name} " " {params::OPERATION.cli_name}</code>
            " command (bash, PowerShell or cmd), or a --cli-input-json / --cli-input-yaml document; a command of another operation opens that operation's page"
        </label>
        <textarea
            id="import-text"
            name="import-text"
            spellcheck="false"
            autocomplete="off"
            prop:value=panel.text
            on:input=move |ev| panel.text.set(event_target_value(&ev))
        ></textarea>
        <div class="row">
            <button type="button" id="import-run" on:click=move |_| panel.run()>
                "Import"
            </button>
            <span class="import-reading" role="status" hidden=move || !reading()>
                "Reading…"
            </span>
        </div>
        <div class="import-result">{move || result(panel)}</div>
    }
}

/// What the panel shows under the button for the current step.
fn result(panel: Panel) -> AnyView {
    panel.step.with(|step| match step {
        Step::Idle | Step::Reading(_) => ().into_any(),
        Step::Failed(why) => view! {
            <ul class="diagnostics" id="import-problems" role="alert">
                {diagnostic_item(view::import_failed(why))}
            </ul>
        }
        .into_any(),
        Step::Confirm(_) => view! {
            {question(
                "The form already holds values. Replace them with what was imported?",
                ("import-replace", "Replace the form", Box::new(move || panel.replace())),
                "Keep the current form",
                panel,
            )}
            {report(panel)}
        }
        .into_any(),
        Step::Done => report(panel).into_any(),
        Step::Elsewhere(operation, query) => {
            let query = query.clone();
            view! {
                {question(
                    view! {
                        "This is a call of " <code>{operation.clone()}</code>
                        ", which has a page of its own. Open it with what was read? This form stays as it is."
                    },
                    ("import-open", "Open its page", Box::new(move || io::go(&query))),
                    "Stay here",
                    panel,
                )}
                {report(panel)}
            }
            .into_any()
        }
    })
}

/// A question with its two answers: `yes` (the button's id, its label and what it does), or
/// `no`, which goes back to the idle step.
fn question(
    text: impl IntoView,
    yes: (&'static str, &'static str, Box<dyn Fn()>),
    no: &'static str,
    panel: Panel,
) -> impl IntoView {
    let (id, label, act) = yes;
    view! {
        <div class="confirm" role="alert">
            <p>{text}</p>
            <div class="row">
                <button type="button" class="primary" id=id on:click=move |_| act()>
                    {label}
                </button>
                <button type="button" id="import-cancel" on:click=move |_| panel.step.set(Step::Idle)>
                    {no}
                </button>
            </div>
        </div>
    }
}

/// What the last import found: how the text was read (when it was) and every problem.
fn report(panel: Panel) -> impl IntoView {
    let problems = panel.problems.get_untracked();
    let heading = view::import_heading(panel.read_as.get_untracked(), problems.len());
    view! {
        <p class="import-heading">{heading}</p>
        <ul class="diagnostics" id="import-problems">
            {problems.into_iter().map(diagnostic_item).collect_view()}
        </ul>
    }
}

/// The browser side of the import worker: started on the first request, kept for the next
/// ones, thrown away when it fails so the next request starts a fresh one.
mod worker {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use web_sys::{Event, MessageEvent, Worker};

    use crate::core::import::message::{Reply, Request};

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
        queued: Vec<JsValue>,
        _on_message: Closure<dyn Fn(MessageEvent)>,
        _on_error: Closure<dyn Fn(Event)>,
    }

    thread_local! {
        static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    }

    /// Sends a request, starting the worker first if there is none.
    pub(super) fn send(request: &Request, deliver: &Deliver) {
        let Ok(request) = serde_wasm_bindgen::to_value(request) else {
            deliver(Err("the text could not be passed to it".to_owned()));
            return;
        };
        let failed = RUNNING.with_borrow_mut(|running| {
            if running.is_none() {
                *running = Some(start(deliver.clone())?);
            }
            let Some(running) = running.as_mut() else {
                return Err("no worker".to_owned());
            };
            if running.ready {
                post(&running.worker, &request)
            } else {
                running.queued.push(request);
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

    fn post(worker: &Worker, request: &JsValue) -> Result<(), String> {
        worker
            .post_message(request)
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
                match serde_wasm_bindgen::from_value::<Reply>(event.data()) {
                    Ok(Reply::Ready { v }) if v == crate::core::import::message::VERSION => {
                        flush(&deliver);
                    }
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
