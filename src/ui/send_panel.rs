//! The send panel: posts the shown HTTP request to the deployer's signing proxy.
//!
//! This code runs in its own wasm (`src/bin/send_panel.rs`), which the page loads only when
//! the user first asks to send (see [`crate::ui::submit`] and [`crate::ui::panel`]), so none of it is in the first load.
//! It mounts its own view in the page's "Send" section and talks to the page through DOM
//! events on that section: the page sends the form (as a share query) and whether it has
//! errors with every change ([`FORM_EVENT`]), the panel asks the page to announce something
//! ([`SAY_EVENT`]) and says when it listens ([`READY_EVENT`]).
//!
//! Everything that decides something lives in [`crate::core::submit`]: reading `config.json`,
//! the address, the request, the meaning of the answer. This file loads the config, walks
//! through confirm → sending → outcome, and does the browser calls (fetch with gloo-net, abort,
//! the timer), which are kept together at the end of the file.
//!
//! The same panel serves the main page and the plain page of every other operation: a form
//! whose query names an operation (`op=`) is a call of that operation.
//!
//! Sending is deliberately manual: one request at a time, never retried on its own, because a
//! second create call can create a second job.

use std::time::Duration;

use gloo_net::http::Request;
use leptos::either::{EitherOf3, EitherOf4};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{EventTarget, RequestCache};

use crate::core::call::form::{self, CallForm};
use crate::core::diagnostic::has_errors;
use crate::core::params;
use crate::core::share;
use crate::core::submit::outcome::MAX_BODY_KEPT;
use crate::core::submit::{
    self, Answer, Availability, Fetched, Outcome, Subject, Submission, Target, config,
};
use crate::core::validate::{self, Context};
use crate::core::view;
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::io::{self, BrowserZone};
use crate::ui::panel::{self, FORM_EVENT, READY_EVENT, SAY_EVENT, emit, form_of, listen};
use crate::ui::submit::{SECTION_ID, availability_status, status};

/// Where the panel is in its one-request cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    /// Nothing under way.
    Idle,
    /// Showing what will be sent; `again` when a request was already sent from this page.
    Confirming { again: bool },
    /// Waiting for the answer.
    Sending,
    /// The last answer (or its absence).
    Done(Outcome),
}

/// Why a request in flight was abandoned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abandoned {
    TimedOut,
    Cancelled,
}

/// The request in flight: its abort switch, its timer (dropping it cancels it) and why it
/// was abandoned, if it was.
#[derive(Default)]
struct InFlight {
    controller: Option<web_sys::AbortController>,
    /// Held only so that dropping it (when the answer comes) cancels it.
    _timer: Option<gloo_timers::callback::Timeout>,
    abandoned: Option<Abandoned>,
}

/// Everything the panel's handlers and views share; all handles, so it is `Copy`.
#[derive(Clone, Copy)]
struct Panel {
    /// The page's "Send" section, where the events between page and panel travel.
    section: StoredValue<EventTarget, LocalStorage>,
    /// Whether the page's form has errors, as the page last said.
    has_errors: RwSignal<bool>,
    phase: RwSignal<Phase>,
    target: Memo<Option<Target>>,
    /// What the page's form is about, for the words of the warnings and the outcome.
    subject: Memo<Subject>,
    /// The request exactly as the HTTP tab shows it, for the current form.
    submission: Memo<Option<Submission>>,
    in_flight: StoredValue<InFlight, LocalStorage>,
}

/// Mounts the panel in the page's "Send" section.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(section) = panel::host(SECTION_ID) else {
        return;
    };
    let target: EventTarget = section.clone().into();
    leptos::mount::mount_to(section, move || view! { <SendPanel section=target /> }).forget();
}

/// The panel: listens for the form, tells the page it listens, then loads `config.json` and
/// opens the confirmation step when it can.
#[component]
fn SendPanel(section: EventTarget) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let has_errors = RwSignal::new(true);
    listen(&section, FORM_EVENT, move |event| {
        let (form, errors) = form_of(event);
        query.set(form);
        has_errors.set(errors);
    });
    // The operation can change (the plain page moves between operations in place), and with
    // it whether config.json lets it be sent.
    let operation =
        Memo::new(move |_| query.with(|q| operation_of(q).unwrap_or(params::OPERATION).cli_name));
    let loaded = RwSignal::new(None::<Loaded>);
    let availability = Memo::new(move |_| {
        loaded.with(|loaded| {
            let fetched = match loaded.as_ref()? {
                Loaded::Text(text) => Fetched::Text(text),
                Loaded::Status(status) => Fetched::Status(*status),
                Loaded::Failed => Fetched::Failed,
            };
            Some(submit::availability(fetched, &io::href(), operation.get()))
        })
    });
    let target = Memo::new(move |_| match availability.get() {
        Some(Availability::Ready(target)) => Some(target),
        _ => None,
    });
    // The clock is read once, as the page does (see `AppState::new`).
    let now = io::now();
    let submission = Memo::new(move |_| {
        let target = target.get()?;
        query.with(|q| submission_of(q, &target, now))
    });
    let subject =
        Memo::new(move |_| query.with(|q| operation_of(q).map_or(Subject::Job, Subject::of)));
    let panel = Panel {
        section: StoredValue::new_local(section.clone()),
        has_errors,
        phase: RwSignal::new(Phase::Idle),
        target,
        subject,
        submission,
        in_flight: StoredValue::new_local(InFlight::default()),
    };
    // The page answers at once with the form, so the panel knows it before the config.
    emit(&section, READY_EVENT, &JsValue::UNDEFINED);
    // Another operation starts afresh; an answer still on its way keeps its place.
    Effect::new(move |previous: Option<&'static str>| {
        let now = operation.get();
        if previous.is_some_and(|p| p != now)
            && !panel.phase.with_untracked(|p| matches!(p, Phase::Sending))
        {
            panel.phase.set(Phase::Idle);
        }
        now
    });
    leptos::task::spawn_local(async move {
        loaded.set(Some(fetch_config().await));
        // The user asked to send: go straight to the confirmation when the form allows it.
        if panel.target.with_untracked(Option::is_some) && !panel.has_errors.get_untracked() {
            panel.start(false);
        }
    });
    let body = move || match availability.get() {
        None => EitherOf3::A(status(
            "loading",
            "Looking for a send configuration…".to_owned(),
        )),
        Some(Availability::Ready(target)) => EitherOf3::B(ready(panel, &target)),
        Some(other) => EitherOf3::C(availability_status(other)),
    };
    view! { <div class="submit-body">{body}</div> }
}

/// The ready panel: the send button (off while the form has errors or a request is out),
/// the hint saying why, and the stage of the cycle.
fn ready(panel: Panel, target: &Target) -> impl IntoView + use<> {
    let phase = panel.phase;
    let blocked = move || panel.has_errors.get();
    let busy = move || phase.with(|p| matches!(p, Phase::Sending));
    let stage = move || match phase.get() {
        Phase::Idle => EitherOf4::A(()),
        Phase::Confirming { again } => EitherOf4::B(confirm(panel, again)),
        Phase::Sending => EitherOf4::C(view! {
            <div class="submit-progress" id="submit-progress" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                "Sending… waiting for the answer."
                <button type="button" id="submit-cancel" on:click=move |_| panel.cancel()>
                    "Cancel"
                </button>
            </div>
        }),
        Phase::Done(outcome) => EitherOf4::D(outcome_view(panel, &outcome)),
    };
    view! {
        <ul class="diagnostics notes">
            {target.warnings.iter().cloned().map(diagnostic_item).collect_view()}
        </ul>
        <p>
            <button
                type="button"
                id="submit-send"
                class="send"
                disabled=move || blocked() || busy()
                on:click=move |_| {
                    panel.start(phase.with_untracked(|p| matches!(p, Phase::Done(_))));
                }
            >
                {target.button_text()}
            </button>
        </p>
        <p class="submit-hint" id="submit-blocked" hidden=move || !blocked()>
            "Fix the errors in the form first; only a complete request can be sent."
        </p>
        <div class="submit-stage">{stage}</div>
    }
}

/// The confirmation step, following the form: what will be sent, its notes, and whether it
/// can be sent at all; `again` when a request was already sent from this page.
fn confirm(panel: Panel, again: bool) -> impl IntoView {
    let submission = panel.submission;
    let warning = again
        .then(|| panel.subject.get_untracked().send_again_warning())
        .flatten()
        .map(|warning| {
            view! {
                <p class="warning" id="submit-again-warning">
                    {warning.into_owned()}
                </p>
            }
        });
    view! {
        <div
            class="submit-confirm"
            id="submit-confirm-box"
            role="group"
            aria-label="Confirm sending"
        >
            {warning}
            <p>"This request will be sent. Check it, then confirm:"</p>
            <pre class="code" id="submit-preview">
                {move || submission.with(|s| s.as_ref().map(Submission::preview))}
            </pre>
            <ul class="diagnostics notes">
                {move || {
                    submission
                        .with(|s| s.iter().flat_map(|s| s.notes.clone()).collect::<Vec<_>>())
                        .into_iter()
                        .map(diagnostic_item)
                        .collect_view()
                }}
            </ul>
            <button
                type="button"
                id="submit-confirm"
                class="send"
                disabled=move || submission.with(Option::is_none)
                on:click=move |_| panel.send()
            >
                "Confirm and send"
            </button>
            " "
            <button type="button" id="submit-back" on:click=move |_| panel.phase.set(Phase::Idle)>
                "Do not send"
            </button>
        </div>
    }
}

/// The outcome: title, the job id with a copy button, the explanation, the start of the
/// answer's body, and a guarded "send again".
fn outcome_view(panel: Panel, outcome: &Outcome) -> impl IntoView + use<> {
    let tone = outcome.tone().as_str();
    let job_id = outcome.job_id().map(|id| {
        view! {
            <p class="job-id">
                "Replication job id: " <code id="submit-job-id">{id.to_owned()}</code> " "
                <button
                    type="button"
                    id="submit-copy-id"
                    class="copy"
                    on:click=move |_| panel.copy_job_id()
                >
                    "Copy"
                </button>
            </p>
        }
    });
    let subject = panel.subject.get_untracked();
    let explanation = view::paragraphs(&outcome.explanation_in(subject))
        .into_iter()
        .map(|paragraph| {
            let lead = (!paragraph.lead.is_empty()).then(|| view! { <p>{paragraph.lead}</p> });
            let items = (!paragraph.items.is_empty()).then(|| {
                view! {
                    <ul>
                        {paragraph
                            .items
                            .into_iter()
                            .map(|item| view! { <li>{item}</li> })
                            .collect_view()}
                    </ul>
                }
            });
            view! { {lead} {items} }
        })
        .collect_view();
    let excerpt = outcome.excerpt().map(|excerpt| {
        view! {
            <p>"Its body:"</p>
            <pre class="code answer-body">{excerpt.display()}</pre>
        }
    });
    view! {
        <div
            class=format!("submit-outcome outcome-{tone}")
            id="submit-outcome"
            data-tone=tone
            role="alert"
        >
            <h3 class="outcome-title">{outcome.title()}</h3>
            {job_id}
            <div class="outcome-text">{explanation} {excerpt}</div>
            <p>
                <button type="button" id="submit-again" on:click=move |_| panel.start(true)>
                    "Send again…"
                </button>
                " "
                <span class="submit-hint">
                    {subject.send_again_warning().map(std::borrow::Cow::into_owned)}
                </span>
            </p>
        </div>
    }
}

impl Panel {
    /// Opens the confirmation step, unless a request is out.
    fn start(self, again: bool) {
        if !self.phase.with_untracked(|p| matches!(p, Phase::Sending)) {
            self.phase.set(Phase::Confirming { again });
        }
    }

    fn send(self) {
        // The click that gets here first wins; any later one finds the phase already changed.
        if !self
            .phase
            .with_untracked(|p| matches!(p, Phase::Confirming { .. }))
        {
            return;
        }
        let (Some(submission), Some(target)) =
            (self.submission.get_untracked(), self.target.get_untracked())
        else {
            return;
        };
        self.phase.set(Phase::Sending);
        let (phase, in_flight) = (self.phase, self.in_flight);
        leptos::task::spawn_local(async move {
            let outcome = send_once(&submission, &target, in_flight).await;
            phase.set(Phase::Done(outcome));
        });
    }

    fn cancel(self) {
        self.in_flight.update_value(|f| {
            if let Some(controller) = &f.controller {
                f.abandoned = f.abandoned.or(Some(Abandoned::Cancelled));
                controller.abort();
            }
        });
    }

    fn copy_job_id(self) {
        let id = self.phase.with_untracked(|p| match p {
            Phase::Done(outcome) => outcome.job_id().map(str::to_owned),
            _ => None,
        });
        let Some(id) = id else {
            return;
        };
        let section = self.section.get_value();
        leptos::task::spawn_local(async move {
            let done = io::copy(&id).await;
            let message = if done {
                "Job id copied."
            } else {
                "The browser refused to copy; select the id instead."
            };
            // Announced by the page, in its status line.
            emit(&section, SAY_EVENT, &JsValue::from_str(message));
        });
    }
}

/// The operation a form's share query names (`op=`), if it names one of the service: the
/// plain page's form. A query without one is the main page's.
fn operation_of(query: &str) -> Option<&'static crate::core::model::Operation> {
    form::requested_operation(query).and_then(|name| params::SERVICE.operation(&name))
}

/// The request the form describes for `target`, when the form has no errors.
fn submission_of(query: &str, target: &Target, now: i64) -> Option<Submission> {
    if operation_of(query).is_some() {
        let (form, _) = CallForm::from_query(params::SERVICE, query);
        let (call, problems) = form?.check();
        return (!has_errors(&problems)).then(|| Submission::of_call(target, &call));
    }
    let (form, _, _) = share::decode(query);
    let checked = validate::check(
        &form,
        &Context {
            now,
            local: &BrowserZone,
        },
    );
    (!checked.has_errors()).then(|| Submission::new(target, &checked.request))
}

// ---- Browser calls --------------------------------------------------------------------------

/// What fetching `config.json` gave, owned (the core's [`Fetched`] borrows the text).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Loaded {
    Text(String),
    Status(u16),
    Failed,
}

async fn fetch_config() -> Loaded {
    let Ok(response) = Request::get(config::FILE_NAME)
        .cache(RequestCache::NoStore)
        .send()
        .await
    else {
        return Loaded::Failed;
    };
    if response.status() != 200 {
        return Loaded::Status(response.status());
    }
    match response.text().await {
        Ok(text) => Loaded::Text(text),
        Err(_) => Loaded::Failed,
    }
}

/// Sends once and turns whatever happens into an [`Outcome`]. Never retries.
async fn send_once(
    submission: &Submission,
    target: &Target,
    in_flight: StoredValue<InFlight, LocalStorage>,
) -> Outcome {
    let Ok(controller) = web_sys::AbortController::new() else {
        return target.network_failure();
    };
    let mut builder = Request::post(&submission.url)
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&controller.signal()));
    for (name, value) in submission.headers() {
        builder = builder.header(name, value);
    }
    let Ok(request) = builder.body(submission.body()) else {
        return target.network_failure();
    };

    let timeout = Duration::from_secs(u64::from(submission.timeout_seconds));
    let abort = controller.clone();
    let millis = u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX);
    let timer = gloo_timers::callback::Timeout::new(millis, move || {
        in_flight.update_value(|f| f.abandoned = f.abandoned.or(Some(Abandoned::TimedOut)));
        abort.abort();
    });
    in_flight.set_value(InFlight {
        controller: Some(controller),
        _timer: Some(timer),
        abandoned: None,
    });

    let result = match request.send().await {
        Ok(response) => Ok(read_answer(&response).await),
        Err(_) => Err(()),
    };
    // Dropping the timer cancels it.
    let finished = in_flight
        .try_update_value(std::mem::take)
        .unwrap_or_default();
    match (finished.abandoned, result) {
        (Some(Abandoned::TimedOut), _) => target.timed_out(),
        (Some(Abandoned::Cancelled), _) => Outcome::Cancelled,
        (None, Ok(Some(answer))) => submission.classify(&answer),
        (None, Ok(None) | Err(())) => target.network_failure(),
    }
}

/// The answer's status, two headers and body (the body read only up to a sane size).
async fn read_answer(response: &gloo_net::http::Response) -> Option<Answer> {
    let headers = response.headers();
    let header = |name: &str| headers.get(name);
    let declared = header("content-length").and_then(|n| n.trim().parse::<usize>().ok());
    // A body declared far larger than any answer of this call is not read at all.
    if let Some(length) = declared.filter(|n| *n > MAX_BODY_KEPT * 16) {
        return Some(Answer {
            status: response.status(),
            content_type: header("content-type"),
            error_type: header("x-amzn-errortype"),
            body: String::new(),
            body_bytes: length,
        });
    }
    let text = response.text().await.ok()?;
    Some(Answer::new(
        response.status(),
        header("content-type"),
        header("x-amzn-errortype"),
        &text,
    ))
}
