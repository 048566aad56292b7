//! The send panel: posts the shown HTTP request to the deployer's signing proxy.
//!
//! This code runs in its own wasm (`src/bin/send_panel.rs`), which the page loads only when
//! the user first asks to send (see [`crate::ui::submit`]), so none of it is in the first load.
//! It takes over the body of the page's "Send" section and talks to the page through DOM
//! events on that section: the page sends the form (as a share query) and whether it has
//! errors with every change ([`FORM_EVENT`]), the panel asks the page to announce something
//! ([`SAY_EVENT`]) and says when it listens ([`READY_EVENT`]).
//!
//! Everything that decides something lives in [`crate::core::submit`]: reading `config.json`,
//! the address, the request, the meaning of the answer; what each stage looks like is markup
//! from [`crate::core::markup::submit`]. This file only loads the config, walks through
//! confirm → sending → outcome (one delegated click listener, a few render effects), and does
//! the browser calls (fetch, abort, timer), which are kept together at the end of the file.
//!
//! Sending is deliberately manual: one request at a time, never retried on its own, because a
//! second create call can create a second job.

use std::time::Duration;

use crate::ui::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};

use web_sys::Element;

use crate::core::markup::{self, submit as markup_submit};
use crate::core::share;
use crate::core::submit::outcome::MAX_BODY_KEPT;
use crate::core::submit::{
    self, Answer, Availability, Fetched, Outcome, Submission, Target, config,
};
use crate::core::validate::{self, Context};
use crate::ui::io::{self, BrowserZone};
use crate::ui::submit::{FORM_EVENT, READY_EVENT, SAY_EVENT};
use crate::ui::{dom, keep};

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
    timer: Option<i32>,
    abandoned: Option<Abandoned>,
}

/// Everything the panel's handlers and effects share; all handles, so it is `Copy`.
#[derive(Clone, Copy)]
struct Panel {
    /// The page's "Send" section, where the events between page and panel travel.
    section: StoredValue<Element, LocalStorage>,
    /// Whether the page's form has errors, as the page last said.
    has_errors: RwSignal<bool>,
    availability: RwSignal<Option<Availability>>,
    phase: RwSignal<Phase>,
    target: Memo<Option<Target>>,
    /// The request exactly as the HTTP tab shows it, for the current form.
    submission: Memo<Option<Submission>>,
    in_flight: StoredValue<InFlight, LocalStorage>,
}

/// Starts the panel in the page's "Send" section: listens for the form, tells the page it
/// listens, then loads `config.json` and opens the confirmation step when it can.
pub fn start() {
    console_error_panic_hook::set_once();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let Some(section) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("submit"))
    else {
        return;
    };
    let Some(body) = dom::find(&section, ".submit-body") else {
        return;
    };
    let owner = Owner::new();
    owner.set();
    let query = RwSignal::new(String::new());
    let has_errors = RwSignal::new(true);
    dom::listen(&section, FORM_EVENT, move |event| {
        let detail = js_sys::Array::from(&dom::detail(&event));
        query.set(detail.get(0).as_string().unwrap_or_default());
        has_errors.set(detail.get(1).as_bool().unwrap_or(true));
    });
    let availability = RwSignal::new(None::<Availability>);
    let target = Memo::new(move |_| match availability.get() {
        Some(Availability::Ready(target)) => Some(target),
        _ => None,
    });
    // The clock is read once, as the page does (see `AppState::new`).
    let now = io::now();
    let submission = Memo::new(move |_| {
        let target = target.get()?;
        let (form, _, _) = query.with(|q| share::decode(q));
        let checked = validate::check(
            &form,
            &Context {
                now,
                local: &BrowserZone,
            },
        );
        (!checked.has_errors()).then(|| Submission::new(&target, &checked.request))
    });
    let panel = Panel {
        section: StoredValue::new_local(section.clone()),
        has_errors,
        availability,
        phase: RwSignal::new(Phase::Idle),
        target,
        submission,
        in_flight: StoredValue::new_local(InFlight::default()),
    };
    panel.wire(body);
    // The page answers at once with the form, so the panel knows it before the config.
    dom::emit(&section, READY_EVENT, &JsValue::UNDEFINED);
    spawn_local(async move {
        let fetched = fetch_config().await;
        let fetched = match &fetched {
            Loaded::Text(text) => Fetched::Text(text),
            Loaded::Status(status) => Fetched::Status(*status),
            Loaded::Failed => Fetched::Failed,
        };
        panel
            .availability
            .set(Some(submit::availability(fetched, &io::href())));
        // The user asked to send: go straight to the confirmation when the form allows it.
        if panel.target.with_untracked(Option::is_some) && !panel.has_errors.get_untracked() {
            panel.start(false);
        }
    });
    // The panel stays for the life of the page.
    std::mem::forget(owner);
}

impl Panel {
    fn wire(self, body: Element) {
        let clicks = body.clone();
        dom::listen(&clicks, "click", move |ev| {
            let button = dom::target(&ev).and_then(|t| dom::closest(&t, "button"));
            if let Some(id) = button.map(|b| b.id()) {
                self.clicked(&id);
            }
        });
        keep(RenderEffect::new(move |_| {
            self.availability.with(|a| {
                body.set_inner_html(&a.as_ref().map_or_else(
                    || markup_submit::LOADING.to_owned(),
                    markup_submit::availability,
                ));
            });
            if self.target.with_untracked(Option::is_some) {
                self.wire_ready(&body);
            }
        }));
    }

    /// The ready panel: the send button (off while the form has errors or a request is out),
    /// the hint saying why, and the stage.
    fn wire_ready(self, body: &Element) {
        let (Some(button), Some(blocked), Some(stage)) = (
            dom::find(body, "#submit-send"),
            dom::find(body, "#submit-blocked"),
            dom::find(body, ".submit-stage"),
        ) else {
            return;
        };
        let phase = self.phase;
        keep(RenderEffect::new(move |_| {
            let errors = self.has_errors.get();
            let busy = phase.with(|p| matches!(p, Phase::Sending));
            dom::toggle_attr(&button, "disabled", errors || busy);
            dom::toggle_attr(&blocked, "hidden", !errors);
        }));
        keep(RenderEffect::new(move |_| match phase.get() {
            Phase::Idle => stage.set_inner_html(""),
            Phase::Confirming { again } => {
                stage.set_inner_html(&markup_submit::confirm(again));
                self.wire_confirm(&stage);
            }
            Phase::Sending => stage.set_inner_html(markup_submit::SENDING),
            Phase::Done(outcome) => stage.set_inner_html(&markup_submit::outcome(&outcome)),
        }));
    }

    /// The confirmation step follows the form: what will be sent, its notes, and whether it
    /// can be sent at all.
    fn wire_confirm(self, stage: &Element) {
        let (Some(preview), Some(notes), Some(confirm)) = (
            dom::find(stage, "#submit-preview"),
            dom::find(stage, ".notes"),
            dom::find(stage, "#submit-confirm"),
        ) else {
            return;
        };
        let submission = self.submission;
        keep(RenderEffect::new(move |_| {
            submission.with(|s| {
                preview.set_text_content(s.as_ref().map(Submission::preview).as_deref());
                notes.set_inner_html(&markup::diagnostic_items(
                    s.iter().flat_map(|s| s.notes.iter()),
                ));
                dom::toggle_attr(&confirm, "disabled", s.is_none());
            });
        }));
    }

    fn clicked(self, id: &str) {
        match id {
            "submit-send" => self.start(self.phase.with_untracked(|p| matches!(p, Phase::Done(_)))),
            "submit-again" => self.start(true),
            "submit-confirm" => self.send(),
            "submit-back" => self.phase.set(Phase::Idle),
            "submit-cancel" => self.cancel(),
            "submit-copy-id" => self.copy_job_id(),
            _ => {}
        }
    }

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
        spawn_local(async move {
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
        spawn_local(async move {
            let done = io::copy(&id).await;
            say(
                &section,
                if done {
                    "Job id copied."
                } else {
                    "The browser refused to copy; select the id instead."
                },
            );
        });
    }
}

/// Asks the page to announce a message in its status line.
fn say(section: &Element, message: &str) {
    dom::emit(section, SAY_EVENT, &JsValue::from_str(message));
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
    let timer = dom::after(
        move || {
            in_flight.update_value(|f| f.abandoned = f.abandoned.or(Some(Abandoned::TimedOut)));
            abort.abort();
        },
        timeout,
    );
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
        dom::cancel(timer);
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
