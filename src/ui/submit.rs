//! The send panel: posts the shown HTTP request to the deployer's signing proxy.
//!
//! Everything that decides something lives in [`crate::core::submit`]: reading `config.json`,
//! the address, the request, the meaning of the answer. This file only loads the config once,
//! walks through confirm → sending → outcome, and does the browser calls (fetch, abort, timer),
//! which are kept together at the end of the file.
//!
//! Sending is deliberately manual: one request at a time, never retried on its own, because a
//! second create call can create a second job.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::submit::outcome::{MAX_BODY_KEPT, SEND_AGAIN_WARNING};
use crate::core::submit::{
    self, Answer, Availability, Fetched, HOW_TO_ENABLE, Outcome, Submission, Target, config,
};
use crate::ui::Announcer;
use crate::ui::form::diagnostic_item;
use crate::ui::io;
use crate::ui::state::AppState;

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

/// The request in flight: its abort switch, its timer and why it was abandoned, if it was.
#[derive(Default)]
struct InFlight {
    controller: Option<web_sys::AbortController>,
    timer: Option<leptos::prelude::TimeoutHandle>,
    abandoned: Option<Abandoned>,
}

/// The send panel. Loads `config.json` once; the rest of the app never waits for it.
#[component]
pub fn SubmitPanel() -> impl IntoView {
    let state = AppState::get();
    let availability = RwSignal::new(None::<Availability>);
    let phase = RwSignal::new(Phase::Idle);
    let in_flight = StoredValue::new_local(InFlight::default());

    spawn_local(async move {
        let fetched = fetch_config().await;
        let fetched = match &fetched {
            Loaded::Text(text) => Fetched::Text(text),
            Loaded::Status(status) => Fetched::Status(*status),
            Loaded::Failed => Fetched::Failed,
        };
        availability.set(Some(submit::availability(fetched, &io::href())));
    });

    let target = Memo::new(move |_| match availability.get() {
        Some(Availability::Ready(target)) => Some(target),
        _ => None,
    });
    // The request exactly as the HTTP tab shows it, for the current form.
    let submission = Memo::new(move |_| {
        let target = target.get()?;
        state
            .checked
            .with(|c| (!c.has_errors()).then(|| Submission::new(&target, &c.request)))
    });

    let send = move || {
        // The click that gets here first wins; any later one finds the phase already changed.
        if !matches!(phase.get_untracked(), Phase::Confirming { .. }) {
            return;
        }
        let (Some(submission), Some(target)) = (submission.get_untracked(), target.get_untracked())
        else {
            return;
        };
        phase.set(Phase::Sending);
        spawn_local(async move {
            let outcome = send_once(&submission, &target, in_flight).await;
            phase.set(Phase::Done(outcome));
        });
    };
    let cancel = move || {
        in_flight.update_value(|f| {
            if let Some(controller) = &f.controller {
                f.abandoned = f.abandoned.or(Some(Abandoned::Cancelled));
                controller.abort();
            }
        });
    };

    let body = move || match availability.get() {
        None => view! {
            <p class="submit-status" id="submit-status" data-state="loading">
                "Looking for a send configuration…"
            </p>
        }
        .into_any(),
        Some(Availability::NotConfigured { reason }) => view! {
            <p class="submit-status" id="submit-status" data-state="off">
                {reason} " " {HOW_TO_ENABLE}
            </p>
        }
        .into_any(),
        Some(Availability::Broken { problems }) => view! {
            <div class="submit-status" id="submit-status" data-state="broken">
                <p>
                    "Sending is off: " {config::FILE_NAME}
                    " has problems. The rest of the app is not affected."
                </p>
                <ul class="diagnostics">
                    {problems.into_iter().map(diagnostic_item).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
        Some(Availability::Ready(target)) => {
            view! { <ReadyPanel target phase submission send cancel /> }.into_any()
        }
    };

    view! {
        <section class="submit" id="submit" aria-labelledby="submit-title">
            <h2 id="submit-title">"Send"</h2>
            {body}
        </section>
    }
}

/// The panel when a proxy is configured: the button, then confirm, progress and outcome.
#[component]
fn ReadyPanel(
    target: Target,
    phase: RwSignal<Phase>,
    submission: Memo<Option<Submission>>,
    send: impl Fn() + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::get();
    let button_text = target.button_text();
    let warnings = target.warnings.clone();
    let busy = move || matches!(phase.get(), Phase::Sending);
    let start = move |again: bool| {
        if !matches!(phase.get_untracked(), Phase::Sending) {
            phase.set(Phase::Confirming { again });
        }
    };
    let stage = move || match phase.get() {
        Phase::Idle => ().into_any(),
        Phase::Confirming { again } => view! {
            <Confirm again submission phase send />
        }
        .into_any(),
        Phase::Sending => view! {
            <div class="submit-progress" id="submit-progress" role="status" aria-live="polite">
                <span class="spinner" aria-hidden="true"></span>
                "Sending… waiting for the answer."
                <button type="button" id="submit-cancel" on:click=move |_| cancel()>
                    "Cancel"
                </button>
            </div>
        }
        .into_any(),
        Phase::Done(outcome) => view! {
            <OutcomeView outcome on_again=move || start(true) />
        }
        .into_any(),
    };
    view! {
        <ul class="diagnostics notes">{warnings.into_iter().map(diagnostic_item).collect_view()}</ul>
        <p>
            <button
                type="button"
                id="submit-send"
                class="send"
                disabled=move || state.has_errors() || busy()
                on:click=move |_| start(matches!(phase.get_untracked(), Phase::Done(_)))
            >
                {button_text}
            </button>
        </p>
        <Show when=move || state.has_errors()>
            <p class="submit-hint" id="submit-blocked">
                "Fix the errors in the form first; only a complete request can be sent."
            </p>
        </Show>
        {stage}
    }
}

/// Shows exactly what will be sent and where, and asks to confirm.
#[component]
fn Confirm(
    again: bool,
    submission: Memo<Option<Submission>>,
    phase: RwSignal<Phase>,
    send: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let preview = move || submission.with(|s| s.as_ref().map(Submission::preview));
    let notes = move || {
        submission.with(|s| {
            s.as_ref()
                .map(|s| s.notes.clone())
                .unwrap_or_default()
                .into_iter()
                .map(diagnostic_item)
                .collect_view()
        })
    };
    view! {
        <div class="submit-confirm" id="submit-confirm-box" role="group" aria-label="Confirm sending">
            <Show when=move || again>
                <p class="warning" id="submit-again-warning">{SEND_AGAIN_WARNING}</p>
            </Show>
            <p>"This request will be sent. Check it, then confirm:"</p>
            <pre class="code" id="submit-preview">{preview}</pre>
            <ul class="diagnostics notes">{notes}</ul>
            <button
                type="button"
                id="submit-confirm"
                class="send"
                disabled=move || submission.with(Option::is_none)
                on:click=move |_| send()
            >
                "Confirm and send"
            </button>
            " "
            <button type="button" id="submit-back" on:click=move |_| phase.set(Phase::Idle)>
                "Do not send"
            </button>
        </div>
    }
}

/// The outcome: title, explanation, the job id with copy, and a guarded "send again".
#[component]
fn OutcomeView(
    outcome: Outcome,
    on_again: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let tone = outcome.tone().as_str();
    let job_id = outcome.job_id().map(str::to_owned);
    let job = job_id.map(|id| {
        let copied = id.clone();
        let copy = move |_| {
            let text = copied.clone();
            spawn_local(async move {
                let done = io::copy(&text).await;
                Announcer::get().say(if done {
                    "Job id copied."
                } else {
                    "The browser refused to copy; select the id instead."
                });
            });
        };
        view! {
            <p class="job-id">
                "Replication job id: " <code id="submit-job-id">{id}</code> " "
                <button type="button" id="submit-copy-id" class="copy" on:click=copy>"Copy"</button>
            </p>
        }
    });
    view! {
        <div class=format!("submit-outcome outcome-{tone}") id="submit-outcome" data-tone=tone role="alert">
            <h3 class="outcome-title">{outcome.title()}</h3>
            {job}
            <div class="outcome-text">
                {explanation_view(&outcome.explanation())}
                {outcome.excerpt().map(|e| view! {
                    <p>"Its body:"</p>
                    <pre class="code answer-body">{e.display()}</pre>
                })}
            </div>
            <p>
                <button type="button" id="submit-again" on:click=move |_| on_again()>
                    "Send again…"
                </button>
                " " <span class="submit-hint">{SEND_AGAIN_WARNING}</span>
            </p>
        </div>
    }
}

/// Paragraphs (blank-line separated) become `<p>`; lines starting with `• ` become a list.
fn explanation_view(text: &str) -> impl IntoView + use<> {
    let mut blocks = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut lead = Vec::new();
        let mut items = Vec::new();
        for line in paragraph.lines() {
            match line.strip_prefix("• ") {
                Some(item) => items.push(item.to_owned()),
                None => lead.push(line.to_owned()),
            }
        }
        if !lead.is_empty() {
            blocks.push(view! { <p>{lead.join(" ")}</p> }.into_any());
        }
        if !items.is_empty() {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            blocks.push(view! { <ul>{items}</ul> }.into_any());
        }
    }
    blocks
}

// ---- Browser calls --------------------------------------------------------------------------

/// What fetching `config.json` gave, owned (the core's [`Fetched`] borrows the text).
enum Loaded {
    Text(String),
    Status(u16),
    Failed,
}

async fn fetch_config() -> Loaded {
    let Some(window) = web_sys::window() else {
        return Loaded::Failed;
    };
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let Ok(response) =
        await_response(window.fetch_with_str_and_init(config::FILE_NAME, &init)).await
    else {
        return Loaded::Failed;
    };
    if response.status() != 200 {
        return Loaded::Status(response.status());
    }
    match read_text(&response).await {
        Some(text) => Loaded::Text(text),
        None => Loaded::Failed,
    }
}

/// Sends once and turns whatever happens into an [`Outcome`]. Never retries.
async fn send_once(
    submission: &Submission,
    target: &Target,
    in_flight: StoredValue<InFlight, LocalStorage>,
) -> Outcome {
    let Some(window) = web_sys::window() else {
        return target.network_failure();
    };
    let Ok(controller) = web_sys::AbortController::new() else {
        return target.network_failure();
    };
    let Ok(headers) = web_sys::Headers::new() else {
        return target.network_failure();
    };
    for (name, value) in submission.headers() {
        if headers.append(name, value).is_err() {
            return target.network_failure();
        }
    }
    let init = web_sys::RequestInit::new();
    init.set_method(submission.method());
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(submission.body()));
    init.set_signal(Some(&controller.signal()));
    init.set_cache(web_sys::RequestCache::NoStore);

    let timeout = Duration::from_secs(u64::from(submission.timeout_seconds));
    let abort = controller.clone();
    let timer = set_timeout_with_handle(
        move || {
            in_flight.update_value(|f| f.abandoned = f.abandoned.or(Some(Abandoned::TimedOut)));
            abort.abort();
        },
        timeout,
    )
    .ok();
    in_flight.set_value(InFlight {
        controller: Some(controller),
        timer,
        abandoned: None,
    });

    let result = match await_response(window.fetch_with_str_and_init(&submission.url, &init)).await
    {
        Ok(response) => Ok(read_answer(&response).await),
        Err(()) => Err(()),
    };
    let finished = in_flight
        .try_update_value(std::mem::take)
        .unwrap_or_default();
    if let Some(timer) = finished.timer {
        timer.clear();
    }
    match (finished.abandoned, result) {
        (Some(Abandoned::TimedOut), _) => target.timed_out(),
        (Some(Abandoned::Cancelled), _) => Outcome::Cancelled,
        (None, Ok(Some(answer))) => submit::classify(&answer),
        (None, Ok(None) | Err(())) => target.network_failure(),
    }
}

/// The answer's status, two headers and body (the body read only up to a sane size).
async fn read_answer(response: &web_sys::Response) -> Option<Answer> {
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
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
    let text = read_text(response).await?;
    Some(Answer::new(
        response.status(),
        header("content-type"),
        header("x-amzn-errortype"),
        &text,
    ))
}

async fn await_response(promise: js_sys::Promise) -> Result<web_sys::Response, ()> {
    let value = JsFuture::from(promise).await.map_err(|_| ())?;
    value.dyn_into::<web_sys::Response>().map_err(|_| ())
}

async fn read_text(response: &web_sys::Response) -> Option<String> {
    let promise = response.text().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}
