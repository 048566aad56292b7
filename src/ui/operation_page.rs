//! The plain page of every other operation of the service (`?op=<cli name>`).
//!
//! It runs in a wasm of its own (`src/bin/operation_page.rs`): `boot.js` starts it instead of
//! the main page when the address names another operation, so nothing of it is in the main
//! page's first load. Everything it shows comes from the model and the core
//! ([`crate::core::call::form`]): one field per request member (a text box, or a list of
//! values for a boolean or an enum; a JSON text box for a structure or a list), each with a
//! hint made from the model and its problems; an import box for `--cli-input-json` and
//! `--cli-input-yaml` documents; and every text the page writes, with copy and download. The
//! address bar follows the form, so the address is the share link. The next issue brings the
//! picker and structured controls; this page is deliberately plain.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use crate::core::call::command::{is_command, read_command};
use crate::core::call::form::{self, CallForm, Written, hint, is_complex, read_document};
use crate::core::call::{self, Call, Notation};
use crate::core::catalog;
use crate::core::diagnostic::{self, Diagnostic, Severity};
use crate::core::model::{Member, Operation, ShapeKind};
use crate::core::params;
use crate::core::view::{control_id, diagnostics_id, hint_id};
use crate::ui::RetiredNotice;
use crate::ui::diagnostics::diagnostic_item;
use crate::ui::io;
use crate::ui::structured;
use crate::ui::submit::SendSection;

/// Mounts the page (the operation page's wasm).
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(OperationPage);
}

/// Where this browser keeps the notation chosen last for the commands.
const NOTATION_PREFERENCE: &str = "sms-job-builder/notation";

/// The notation chosen last in this browser (JSON until one is chosen).
fn preferred_notation() -> Notation {
    io::load(NOTATION_PREFERENCE)
        .and_then(|name| Notation::parse(&name))
        .unwrap_or_default()
}

/// Where this browser keeps the draft of an operation of the plain page.
fn draft_key(operation: &str) -> String {
    format!("sms-job-builder/draft/{operation}")
}

/// The form and what it gives, as one memo.
type Checked = Memo<(Call, Vec<Diagnostic>)>;

/// Which members were touched (typed into, left, or filled by a link or an import): until
/// then a required member that is not given is asked for calmly, not marked as an error.
#[derive(Clone, Copy)]
struct Touched(RwSignal<Vec<bool>>);

impl Touched {
    /// What `form` gives counts as touched.
    fn new(form: &CallForm) -> Self {
        Self(RwSignal::new(given(form)))
    }

    /// The form was replaced: what the new one gives counts as touched, the rest is not.
    fn reset(self, form: &CallForm) {
        self.0.set(given(form));
    }

    fn touch(self, index: usize) {
        if !self.0.with_untracked(|t| t[index]) {
            self.0.update(|t| t[index] = true);
        }
    }

    fn get(self, index: usize) -> bool {
        self.0.with(|t| t[index])
    }

    /// True while the member at `index` is required, not given and untouched: asked for
    /// calmly, without its error (tracked).
    fn still_needed(self, form: RwSignal<CallForm>, index: usize) -> bool {
        form.with(|f| f.operation.members()[index].required && !f.is_given(index))
            && !self.get(index)
    }
}

fn given(form: &CallForm) -> Vec<bool> {
    (0..form.operation.members().len())
        .map(|i| form.is_given(i))
        .collect()
}

/// What the address opens: an operation's form with the link's problems, or nothing (`?op=`
/// alone: only the list of operations).
type Opened = Option<(CallForm, Vec<Diagnostic>)>;

/// What the current operation's page writes to the address bar and its draft, called at once
/// before a switch and when the page is hidden (else once typing pauses).
type Flush = StoredValue<Option<Box<dyn Fn()>>, LocalStorage>;

/// The form the send section is fed: the current operation page's, once there is one.
type Shared = RwSignal<Option<Signal<(String, bool)>>>;

/// Reads the address: the operation it names, filled from the link or, when the address
/// names only the operation, from this browser's draft of it (each operation keeps its own;
/// the main page's is its operation's). A link to an operation the service does not have
/// opens the main page, which says so. `status` says when a draft was restored.
fn open_address(status: RwSignal<String>) -> Opened {
    let mut query = io::query();
    let requested = form::requested_operation(&query).unwrap_or_default();
    let draft = form::names_only_operation(&query)
        .then(|| io::load(&draft_key(&requested)))
        .flatten();
    if let Some(draft) = &draft {
        query.clone_from(draft);
    }
    let (mut form, problems) = CallForm::from_query(params::SERVICE, &query);
    // A link or draft that does not say how to write the commands gets this browser's choice.
    if let Some(form) = form.as_mut().filter(|_| !form::names_notation(&query)) {
        form.set_notation(preferred_notation());
    }
    status.set(if form.is_some() && draft.is_some() {
        "Restored your draft of this operation from this browser.".to_owned()
    } else {
        String::new()
    });
    if form.is_none() && !requested.is_empty() {
        io::go(&format!(
            "{}={}",
            form::UNKNOWN_OP_KEY,
            crate::core::share::escape(&requested)
        ));
    }
    form.map(|form| (form, problems))
}

/// The page: the frame, the operation list, then the operation's form and outputs (or only
/// the list), and the send section. Moving to another operation happens in place: the
/// address gets a new history entry and only the operation's part is built anew (a fresh part,
/// as a page load would give: nothing the user opened or folded carries over); back and
/// forward move between operations the same way.
#[component]
fn OperationPage() -> impl IntoView {
    let status = RwSignal::new(String::new());
    // What the address opens, numbered: each opening builds its part anew.
    let opened = RwSignal::new((0_u64, open_address(status)));
    let open = move || opened.update(|(n, what)| (*n, *what) = (*n + 1, open_address(status)));
    let flush: Flush = StoredValue::new_local(None);
    let write_now = move || {
        flush.with_value(|write| {
            if let Some(write) = write {
                write();
            }
        });
    };
    io::on_page_hidden(write_now);
    let switch = Callback::new(move |query: String| {
        write_now();
        io::push_query(query.trim_start_matches('?'));
        open();
    });
    io::on_history_move(move || {
        if form::requested_operation(&io::query()).is_some() {
            open();
        } else {
            // The main page is another program.
            io::reload();
        }
    });
    let shared: Shared = RwSignal::new(None);
    let service = params::SERVICE.metadata.cli_name;
    let body = move |_| {
        let opened = opened.with_untracked(|(_, what)| what.clone());
        let current = opened.as_ref().map(|(form, _)| form.operation.cli_name);
        let page = if let Some((form, problems)) = opened {
            Either::Left(view! { <Page form problems status flush shared switch /> })
        } else {
            io::set_title("SMS Job Builder — operations");
            // `?op=` alone: the list of operations, nothing else.
            Either::Right(view! { <main class="layout"></main> })
        };
        view! {
            <OperationPicker current switch />
            {page}
        }
    };
    let form = Signal::derive(move || {
        shared
            .get()
            .and_then(|form| form.try_get())
            .unwrap_or_default()
    });
    view! {
        <header class="top">
            <h1>"SMS Job Builder"</h1>
            <p class="tagline">
                "Build a call of " <code>"aws " {service}</code>
                " from one checked form: the command, its input documents and the exact HTTP request."
            </p>
        </header>
        <RetiredNotice />
        <For each=move || [opened.with(|(n, _)| *n)] key=|n| *n children=body />
        <div class="op-send" hidden=move || opened.with(|(_, what)| what.is_none())>
            <SendSection form say=Callback::new(move |message: String| status.set(message)) />
        </div>
        <p class="status" role="status" aria-live="polite">
            {move || status.get()}
        </p>
    }
}

/// The operation picker: every operation of the service, grouped by what people use it for,
/// each with what it does; typing filters the list (part of a name, or words of what it does)
/// and Enter opens the first match. Collapsed to one line while an operation is shown; open
/// when none is.
#[component]
fn OperationPicker(current: Option<&'static str>, switch: Callback<String>) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let shown = Memo::new(move |_| typed.with(|t| catalog::filter(t).count()));
    let href = |name: &str| {
        // The main page is the full form of its operation.
        if name == params::OPERATION.cli_name {
            "?".to_owned()
        } else {
            format!("?{}={name}", form::OP_KEY)
        }
    };
    let sections = catalog::Section::ALL
        .into_iter()
        .map(|section| {
            let entries = catalog::ENTRIES
                .iter()
                .filter(move |e| e.section == section);
            let items = entries
                .map(|entry| {
                    let name = entry.cli_name;
                    view! {
                        <li hidden=move || typed.with(|t| !entry.matches(t))>
                            <a
                                href=href(name)
                                aria-current=(current == Some(name)).then_some("page")
                            >
                                <code>{name}</code>
                                <span class="op-summary">{entry.summary}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            let empty = move || {
                typed.with(|t| {
                    !catalog::ENTRIES
                        .iter()
                        .any(|e| e.section == section && e.matches(t))
                })
            };
            view! {
                <section class="op-section" hidden=empty>
                    <h3>{section.title()}</h3>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect_view();
    let open_first = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            if let Some(entry) = typed.with(|t| catalog::filter(t).next()) {
                go_to(&href(entry.cli_name), switch);
            }
        }
    };
    let count = move || match shown.get() {
        0 => "No operation matches; try fewer or other words.".to_owned(),
        1 => "1 operation; Enter opens it.".to_owned(),
        n if n == catalog::ENTRIES.len() => format!("{n} operations."),
        n => format!("{n} operations; Enter opens the first."),
    };
    view! {
        <nav class="op-picker top" aria-label="Operations">
            <details open=current.is_none()>
                <summary>
                    "Operation: "
                    {match current {
                        Some(name) => Either::Left(view! { <code>{name}</code> }),
                        None => Either::Right("choose one"),
                    }}
                    <span class="op-change">" (change)"</span>
                </summary>
                <label for="op-filter" class="label">
                    "Find an operation"
                </label>
                <input
                    type="search"
                    id="op-filter"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Part of a name or what it does, e.g. launch"
                    aria-describedby="op-count"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=open_first
                />
                <p class="hint" id="op-count" aria-live="polite">
                    {count}
                </p>
                <div id="op-list" on:click=move |ev| follow(&ev, switch)>
                    {sections}
                </div>
            </details>
        </nav>
    }
}

/// Opens the list's link `href` (`?op=…` in place; the main page's, `?`, by loading it).
fn go_to(href: &str, switch: Callback<String>) {
    if href.trim_start_matches('?').is_empty() {
        io::go("");
    } else {
        switch.run(href.to_owned());
    }
}

/// A click in the list: a plain click on a link to another operation switches in place; a
/// click with a modifier (a new tab, a new window) is left to the browser.
fn follow(ev: &web_sys::MouseEvent, switch: Callback<String>) {
    use wasm_bindgen::JsCast as _;
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten());
    let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
        return;
    };
    if href.starts_with(&format!("?{}=", form::OP_KEY)) {
        ev.prevent_default();
        go_to(&href, switch);
    }
}

/// One operation's form, import box and outputs.
#[component]
fn Page(
    form: CallForm,
    problems: Vec<Diagnostic>,
    status: RwSignal<String>,
    flush: Flush,
    shared: Shared,
    switch: Callback<String>,
) -> impl IntoView {
    let operation = form.operation;
    io::set_title(&format!(
        "SMS Job Builder — aws {} {}",
        operation.metadata.cli_name, operation.cli_name
    ));
    let touched = Touched::new(&form);
    let form = RwSignal::new(form);
    let checked: Checked = Memo::new(move |_| form.with(CallForm::check));
    // I/O: the address bar follows the form, so it is the share link; the draft of this
    // operation is kept in this browser (an empty form keeps none).
    // Both are written once typing pauses (as on the main page): rewriting a long address on
    // every keystroke costs milliseconds. Leaving the page writes at once.
    // After a switch this page is gone: its writes then do nothing.
    let key = draft_key(operation.cli_name);
    let write = move || {
        let Some((query, empty)) = form.try_with_untracked(|f| (f.to_query(), f.is_empty())) else {
            return;
        };
        io::replace_query(&query);
        if empty {
            io::forget(&key);
        } else {
            io::save(&key, &query);
        }
    };
    let changes = StoredValue::new(0_u64);
    flush.set_value(Some(Box::new(write.clone())));
    Effect::new(move |_| {
        form.track();
        let this = changes.get_value() + 1;
        changes.set_value(this);
        let write = write.clone();
        io::after(crate::ui::persist::IDLE, move || {
            if changes.try_get_value() == Some(this) {
                write();
            }
        });
    });
    // The send section reads it only once its panel runs.
    shared.set(Some(Signal::derive(move || {
        (
            form.with(CallForm::to_query),
            checked.with(|(_, problems)| diagnostic::has_errors(problems)),
        )
    })));
    let link_problems = (!problems.is_empty()).then(|| {
        view! {
            <ul class="diagnostics" id="link-problems">
                {problems.into_iter().map(diagnostic_item).collect_view()}
            </ul>
        }
    });
    let fields = operation
        .members()
        .iter()
        .enumerate()
        .map(|(index, member)| view! { <MemberField form checked touched index member status /> })
        .collect_view();
    let no_input = operation.members().is_empty().then(
        || view! { <p class="group-note">"This operation takes no values: it sends {}."</p> },
    );
    let paginated = operation.paginated.then(|| {
        view! {
            <p class="group-note">
                "The CLI pages through the answers by itself; giving --next-token or --max-results turns that off and asks for one page."
            </p>
        }
    });
    let copy_link = move |_| {
        // The address bar follows the form through an effect: write it now.
        io::replace_query(&form.with_untracked(CallForm::to_query));
        let link = io::href();
        leptos::task::spawn_local(async move {
            status.set(if io::copy(&link).await {
                "Copied the share link: it reopens this form.".to_owned()
            } else {
                "The browser refused the clipboard; copy the address bar instead.".to_owned()
            });
        });
    };
    view! {
        <main class="layout">
            <div class="form-column">
                <div class="toolbar">
                    <button type="button" id="copy-link" on:click=copy_link>
                        "Copy share link"
                    </button>
                    <button
                        type="button"
                        id="clear-form"
                        disabled=move || form.with(CallForm::is_empty)
                        on:click=move |_| {
                            let mut empty = CallForm::new(operation);
                            empty.set_notation(form.with_untracked(CallForm::notation));
                            touched.reset(&empty);
                            form.set(empty);
                            status.set("Cleared the form.".to_owned());
                        }
                    >
                        "Clear the form"
                    </button>
                </div>
                {link_problems}
                <DocumentImport form touched operation switch />
                <Summary form checked touched />
                <form class="job-form op-form" novalidate on:submit=|ev| ev.prevent_default()>
                    <fieldset class="group">
                        <legend>
                            <h2>"aws " {operation.metadata.cli_name} " " {operation.cli_name}</h2>
                        </legend>
                        {no_input}
                        {paginated}
                        {fields}
                    </fieldset>
                </form>
            </div>
            <div class="output-column">
                <OperationOutputs form checked status />
            </div>
        </main>
    }
}

/// The summary above the form: every error and warning, each a link that moves the focus to
/// the control it belongs to (inside a nested value too), then the values still needed;
/// hidden when there is nothing to say.
#[component]
fn Summary(form: RwSignal<CallForm>, checked: Checked, touched: Touched) -> impl IntoView {
    let listed = Memo::new(move |_| {
        let operation = form.with(|f| f.operation);
        let needed: Vec<&'static str> = operation
            .members()
            .iter()
            .enumerate()
            .filter(|(i, _)| touched.still_needed(form, *i))
            .map(|(_, m)| m.flag)
            .collect();
        checked.with(|(_, all)| crate::core::view::summary_problems(all, &needed))
    });
    let heading = move || listed.with(|l| crate::core::view::summary_heading_of(l, member_label));
    let class = move || {
        if listed.with(|l| diagnostic::has_errors(l)) {
            "summary summary-errors"
        } else {
            "summary"
        }
    };
    let items = move || listed.get().into_iter().map(summary_item).collect_view();
    view! {
        <div
            class=class
            id="error-summary"
            role="region"
            aria-labelledby="error-summary-title"
            hidden=move || listed.with(Vec::is_empty)
        >
            <h2 id="error-summary-title">{heading}</h2>
            <ul>{items}</ul>
        </div>
    }
}

/// What a summary item names: the place inside the value, else the member.
fn member_label(flag: &str) -> &'static str {
    params::SERVICE
        .operations
        .iter()
        .flat_map(|op| op.members())
        .find(|m| m.flag == flag)
        .map_or("Form", |m| m.name)
}

/// A summary item: a link to the control of its place (the nested input, the member's group
/// or box), then the problem.
fn summary_item(d: Diagnostic) -> impl IntoView {
    let class = format!("diag diag-{}", d.severity.as_str());
    let flag = d.param;
    let place = d
        .location
        .clone()
        .or_else(|| flag.map(|f| member_label(f).to_owned()))
        .unwrap_or_else(|| "Form".to_owned());
    let target = flag.map(|f| structured::target_id(f, d.location.as_deref()));
    let href = target.as_ref().map(|t| format!("#{}", t[0]));
    let follow = move |ev: web_sys::MouseEvent| {
        if let Some(candidates) = &target {
            ev.prevent_default();
            // The first of the candidates that the page shows now: the input at the place,
            // its group, the member's box or fields.
            if let Some(id) = candidates
                .iter()
                .find(|id| crate::ui::panel::host(id).is_some())
            {
                io::focus_control(id);
            }
        }
    };
    let message = if d.severity == Severity::Info {
        "still needed.".to_owned()
    } else {
        d.message
    };
    view! {
        <li class=class>
            <a href=href on:click=follow>
                {place}
            </a>
            ": "
            {message}
        </li>
    }
}

/// One request member: its name and flag, its control, the model's hint and its problems.
#[component]
fn MemberField(
    form: RwSignal<CallForm>,
    checked: Checked,
    touched: Touched,
    index: usize,
    member: &'static Member,
    status: RwSignal<String>,
) -> impl IntoView {
    let flag = member.flag;
    let id = control_id(flag);
    let described = format!("{} {}", hint_id(flag), diagnostics_id(flag));
    let value = move || form.with(|f| f.text(index).to_owned());
    let typed = move |ev: web_sys::Event| {
        touched.touch(index);
        form.update(|f| f.set(index, event_target_value(&ev)));
    };
    let needed = Memo::new(move |_| touched.still_needed(form, index));
    let problems = Memo::new(move |_| {
        if needed.get() {
            return Vec::new();
        }
        checked.with(|(_, all)| {
            all.iter()
                .filter(|d| d.param == Some(flag))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let invalid = move || {
        if problems.with(|p| diagnostic::has_errors(p)) {
            "true"
        } else {
            "false"
        }
    };
    let choices: Option<Vec<(&'static str, String)>> = match &member.shape.kind {
        ShapeKind::Boolean => Some(vec![
            ("true", format!("true (--{flag})")),
            ("false", format!("false (--no-{flag})")),
        ]),
        ShapeKind::String(text) if !text.values.is_empty() => {
            Some(text.values.iter().map(|v| (*v, (*v).to_owned())).collect())
        }
        _ => None,
    };
    // A structure or list edited as fields shows each problem inside it at its control, so the
    // member's own list keeps only the rest; as JSON, the list has them all.
    let as_json = RwSignal::new(false);
    let shown = move || {
        problems.with(|all| {
            all.iter()
                .filter(|d| {
                    as_json.get()
                        || !d
                            .location
                            .as_deref()
                            .is_some_and(|at| at.starts_with(member.name))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let control = if is_complex(member) {
        EitherOf3::A(complex_control(
            form, touched, index, member, problems, status, &id, &described, invalid, as_json,
        ))
    } else if let Some(choices) = choices {
        let options = choices
            .into_iter()
            .map(|(v, label)| {
                view! {
                    <option value=v prop:selected=move || form.with(|f| f.text(index) == v)>
                        {label}
                    </option>
                }
            })
            .collect_view();
        EitherOf3::B(view! {
            <select
                id=id.clone()
                name=flag
                aria-describedby=described.clone()
                aria-invalid=invalid
                on:change=typed
            >
                <option value="" prop:selected=move || form.with(|f| f.text(index).is_empty())>
                    "(not set)"
                </option>
                {options}
            </select>
        })
    } else {
        EitherOf3::C(view! {
            <input
                type="text"
                id=id.clone()
                name=flag
                spellcheck="false"
                autocomplete="off"
                aria-describedby=described.clone()
                aria-invalid=invalid
                prop:value=value
                on:input=typed
            />
        })
    };
    // A structure or list can start from its skeleton, while it is not given.
    let skeleton = is_complex(member).then(|| {
        let fill = move |_| {
            touched.touch(index);
            form.update(|f| f.set(index, call::member_skeleton(member.shape)));
        };
        view! {
            <button
                type="button"
                class="skeleton"
                id=format!("skeleton-{flag}")
                hidden=move || form.with(|f| f.is_given(index))
                on:click=fill
            >
                "Start from the skeleton"
            </button>
        }
    });
    let required = member
        .required
        .then(|| view! { <span class="required" aria-hidden="true">" required"</span> });
    view! {
        <div class="field" data-flag=flag on:focusout=move |_| touched.touch(index)>
            <label class="label" for=id>
                {member.name}
                {required}
                " "
                <code class="flag">"--" {flag}</code>
            </label>
            {control}
            {skeleton}
            <p class="hint" id=hint_id(flag)>
                {hint(member)}
                {move || {
                    form.with(|f| f.is_given(index) && f.text(index).is_empty())
                        .then_some(" Given as the empty string.")
                }}
            </p>
            <ul class="diagnostics" id=diagnostics_id(flag)>
                {move || shown().into_iter().map(diagnostic_item).collect_view()}
            </ul>
        </div>
    }
}

/// A structure or list member: its fields ([`structured`]), or its JSON in a text box; the
/// user switches between the two, and neither loses anything (the text is the one truth).
/// Text that is not JSON can only be shown in the box.
#[allow(
    clippy::too_many_arguments,
    reason = "one member's whole context, passed down once"
)]
fn complex_control(
    form: RwSignal<CallForm>,
    touched: Touched,
    index: usize,
    member: &'static Member,
    problems: Memo<Vec<Diagnostic>>,
    status: RwSignal<String>,
    id: &str,
    described: &str,
    invalid: impl Fn() -> &'static str + Copy + Send + Sync + 'static,
    as_json: RwSignal<bool>,
) -> AnyView {
    let flag = member.flag;
    let (doc, write, replace) = member_doc(form, touched, index);
    // Every control of the value reads its problems: through a signal set only when they
    // change, a keystroke that changes none of them wakes one effect instead of all of those.
    let located = RwSignal::new(problems.get_untracked());
    Effect::new(move |_| {
        problems.with(|now| {
            if located.with_untracked(|was| was != now) {
                located.set(now.clone());
            }
        });
    });
    let editor = structured::Editor::new(member, doc, write, located.read_only(), status);
    let typed = move |ev: web_sys::Event| {
        touched.touch(index);
        form.update(|f| f.set(index, event_target_value(&ev)));
    };
    let (id, described) = (id.to_owned(), described.to_owned());
    let body = move || {
        let readable = doc.with(Result::is_ok);
        if as_json.get() || !readable {
            let note = (!readable).then(|| {
                view! {
                    <p class="hint">"This text is not JSON yet, so only the box can show it."</p>
                }
            });
            view! {
                <textarea
                    id=id.clone()
                    name=flag
                    rows="6"
                    spellcheck="false"
                    autocomplete="off"
                    aria-describedby=described.clone()
                    aria-invalid=invalid
                    prop:value=move || form.with(|f| f.text(index).to_owned())
                    on:input=typed
                ></textarea>
                {note}
            }
            .into_any()
        } else if form.with(|f| f.is_given(index)) {
            structured::member(editor)
        } else {
            absent_member(member, replace, status)
        }
    };
    // The body is rebuilt only when what it shows changes kind (fields, box, absent).
    let shows = Memo::new(move |_| {
        (
            as_json.get() || doc.with(Result::is_err),
            form.with(|f| f.is_given(index)),
        )
    });
    let build = body;
    let body = move || {
        // Read (not only tracked), so the memo runs and follows its own sources.
        let _ = shows.get();
        untrack(&build)
    };
    view! {
        <div class="edit-as" role="group" aria-label=format!("Edit {} as", member.name)>
            <button
                type="button"
                id=format!("fields-{flag}")
                aria-pressed=move || (!as_json.get()).to_string()
                on:click=move |_| as_json.set(false)
            >
                "Fields"
            </button>
            <button
                type="button"
                id=format!("json-{flag}")
                aria-pressed=move || as_json.get().to_string()
                on:click=move |_| as_json.set(true)
            >
                "JSON"
            </button>
            <button
                type="button"
                class="small"
                id=format!("remove-{flag}")
                hidden=move || !form.with(|f| f.is_given(index))
                on:click=move |_| {
                    replace.run(None);
                    status.set(format!("Removed {}: it is not given.", member.name));
                }
            >
                "Leave out"
            </button>
        </div>
        {body}
    }
    .into_any()
}

/// The member's value read from its text ([`structured::Doc`]), what writes its new text, and
/// what replaces its whole value (or, with `None`, leaves it out).
fn member_doc(
    form: RwSignal<CallForm>,
    touched: Touched,
    index: usize,
) -> (
    structured::Doc,
    Callback<Option<String>>,
    Callback<Option<serde_json::Value>>,
) {
    let read = move |f: &CallForm| {
        if f.is_given(index) {
            serde_json::from_str(f.text(index))
                .map(Some)
                .map_err(|_| ())
        } else {
            Ok(None)
        }
    };
    let doc: structured::Doc = RwSignal::new(form.with_untracked(read));
    // The text `doc` was read from or written as. When something else changes the text (the
    // JSON box, an import, clearing the form), `doc` is read from it again.
    let synced = StoredValue::new(form.with_untracked(|f| given_text(f, index)));
    Effect::new(move |_| {
        form.with(|f| {
            let now = f.is_given(index).then(|| f.text(index));
            if synced.with_value(|was| was.as_deref() != now) {
                synced.set_value(now.map(str::to_owned));
                doc.set(read(f));
            }
        });
    });
    // What the controls write: the member's new text (`doc` holds its value already).
    let write = Callback::new(move |text: Option<String>| {
        touched.touch(index);
        synced.set_value(text.clone());
        form.update(|f| f.give(index, text));
    });
    // A whole new value (or none).
    let replace = Callback::new(move |value: Option<serde_json::Value>| {
        let text = value.as_ref().map(structured::text);
        doc.set(Ok(value));
        write.run(text);
    });
    (doc, write, replace)
}

/// The member's text, `None` when it is not given.
fn given_text(form: &CallForm, index: usize) -> Option<String> {
    form.is_given(index).then(|| form.text(index).to_owned())
}

/// A structure or list member that is not given: a button that gives it, empty.
fn absent_member(
    member: &'static Member,
    write: Callback<Option<serde_json::Value>>,
    status: RwSignal<String>,
) -> AnyView {
    let add = move |_| {
        write.run(Some(match member.shape.kind {
            ShapeKind::List(_) => serde_json::Value::Array(Vec::new()),
            _ => serde_json::Value::Object(serde_json::Map::new()),
        }));
        status.set(format!("Added {}.", member.name));
    };
    view! {
        <p class="nested-absent">
            <button type="button" class="small" id=format!("add-{}", member.flag) on:click=add>
                "Add " {member.name}
            </button>
            <span class="hint">" not given"</span>
        </p>
    }
    .into_any()
}

/// Pasting a command, a `--cli-input-json` or a `--cli-input-yaml` document fills the form; a
/// form that already holds values is replaced only after the user says so. A command of
/// another operation opens that operation's page with its values (asking first when this form
/// holds values or the command had problems).
#[component]
fn DocumentImport(
    form: RwSignal<CallForm>,
    touched: Touched,
    operation: &'static Operation,
    switch: Callback<String>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Diagnostic>::new());
    let pending = RwSignal::new(None::<CallForm>);
    let take = move |mut read: CallForm| {
        if std::ptr::eq(read.operation, operation) {
            // What was pasted is the values; how the commands are written stays the user's.
            read.set_notation(form.with_untracked(CallForm::notation));
            touched.reset(&read);
            form.set(read);
            pending.set(None);
        } else {
            // Another operation's command opens that operation, in place.
            switch.run(read.to_query());
        }
    };
    let run = move |_| {
        let pasted = text.get_untracked();
        let (read, found) = if is_command(&pasted) {
            read_command(params::SERVICE, &pasted)
        } else {
            let (call, found) = read_document(operation, &pasted);
            // A text that could not be read at all changes nothing.
            let unreadable = found.iter().any(|d| {
                d.severity == Severity::Error && d.param.is_none() && d.location.is_some()
            });
            ((!unreadable).then(|| CallForm::from_call(&call)), found)
        };
        let ask = !form.with_untracked(CallForm::is_empty) || diagnostic::has_errors(&found);
        problems.set(found);
        match read {
            Some(read) if ask => pending.set(Some(read)),
            Some(read) => take(read),
            None => pending.set(None),
        }
    };
    let confirm = move || {
        pending.with(|p| p.as_ref().map(|read| read.operation)).map(|other| {
            let question = if std::ptr::eq(other, operation) {
                "Replace the values in the form with what was read? ".to_owned()
            } else {
                format!("This is a call of {}: open its page with what was read? ", other.cli_name)
            };
            view! {
                <p class="confirm-inline" role="alert">
                    {question}
                    <button
                        type="button"
                        id="import-replace"
                        on:click=move |_| {
                            if let Some(read) = pending.get_untracked() {
                                take(read);
                            }
                        }
                    >
                        "Yes"
                    </button>
                    " "
                    <button type="button" id="import-cancel" on:click=move |_| pending.set(None)>
                        "No, keep the form"
                    </button>
                </p>
            }
        })
    };
    view! {
        <details class="panel-box import" id="import">
            <summary>"Import a command, JSON or YAML"</summary>
            <label for="import-text" class="label">
                "Paste an " <code>"aws " {operation.metadata.cli_name} " …"</code>
                " command (bash, PowerShell or cmd), or a --cli-input-json / --cli-input-yaml document of "
                <code>{operation.cli_name}</code>
            </label>
            <textarea
                id="import-text"
                name="import-text"
                spellcheck="false"
                autocomplete="off"
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="row">
                <button type="button" id="import-run" on:click=run>
                    "Import"
                </button>
            </div>
            {confirm}
            <ul class="diagnostics" id="import-problems">
                {move || problems.get().into_iter().map(diagnostic_item).collect_view()}
            </ul>
        </details>
    }
}

/// Every text the page writes, each with copy and download; a note while the form has errors.
#[component]
fn OperationOutputs(
    form: RwSignal<CallForm>,
    checked: Checked,
    status: RwSignal<String>,
) -> impl IntoView {
    let notation = Memo::new(move |_| form.with(CallForm::notation));
    let written =
        Memo::new(move |_| checked.with(|(call, _)| form::written_of_values(call, notation.get())));
    // The skeletons depend on the operation only: written once (a memo without sources).
    let operation = form.with_untracked(|f| f.operation);
    let fixed = Memo::new(move |_| form::skeletons(operation));
    let incomplete = move || checked.with(|(_, d)| diagnostic::has_errors(d));
    let panels = |written: Memo<Vec<Written>>| {
        (0..written.with_untracked(Vec::len))
            .map(|k| view! { <WrittenPanel written k status /> })
            .collect_view()
    };
    let sections = (panels(written), panels(fixed));
    view! {
        <section class="outputs op-outputs" id="outputs" aria-labelledby="outputs-title">
            <h2 id="outputs-title">"Outputs"</h2>
            <NotationChoice form checked notation />
            {move || {
                incomplete()
                    .then(|| {
                        view! {
                            <p class="incomplete" role="note">
                                "The form has errors: the CLI would refuse this call. Fix them first."
                            </p>
                        }
                    })
            }}
            {sections}
        </section>
    }
}

/// How the commands write structure and list members: JSON, or the CLI's shorthand where it
/// reads back exactly (each member that stays JSON says why). Shown only for an operation that
/// has such members; the choice is remembered in this browser and is part of the share link.
#[component]
fn NotationChoice(
    form: RwSignal<CallForm>,
    checked: Checked,
    notation: Memo<Notation>,
) -> impl IntoView {
    let operation = form.with_untracked(|f| f.operation);
    if !operation.members().iter().any(is_complex) {
        return Either::Left(());
    }
    let choices = Notation::ALL
        .into_iter()
        .map(|choice| {
            let id = format!("notation-{}", choice.as_str());
            let label_for = id.clone();
            view! {
                <label class="seg" for=label_for>
                    <input
                        type="radio"
                        id=id
                        name="notation"
                        value=choice.as_str()
                        prop:checked=move || notation.get() == choice
                        on:change=move |_| {
                            form.update(|f| f.set_notation(choice));
                            io::save(NOTATION_PREFERENCE, choice.as_str());
                        }
                    />
                    <span>{choice.label()}</span>
                </label>
            }
        })
        .collect_view();
    let kept = move || {
        checked
            .with(|(call, _)| call.kept_json(notation.get()))
            .into_iter()
            .map(|kept| diagnostic_item(Diagnostic::general(Severity::Info, kept.sentence())))
            .collect_view()
    };
    Either::Right(view! {
        <fieldset class="segmented notation" id="notation">
            <legend>"Structures and lists in the commands"</legend>
            {choices}
        </fieldset>
        <ul class="diagnostics notes" id="notation-notes">
            {kept}
        </ul>
    })
}

/// One text, with its heading, copy and download.
#[component]
fn WrittenPanel(written: Memo<Vec<Written>>, k: usize, status: RwSignal<String>) -> impl IntoView {
    let part = move || written.with(|all| all[k].clone());
    let first = part();
    let copy = move |_| {
        let text = part().text;
        leptos::task::spawn_local(async move {
            status.set(if io::copy(&text).await {
                "Copied to the clipboard.".to_owned()
            } else {
                "The browser refused the clipboard; select the text and copy it.".to_owned()
            });
        });
    };
    let download = move |_| {
        let Written {
            file, media, text, ..
        } = part();
        if io::download(&file, &text, media) {
            status.set(format!("Downloading {file}."));
        }
    };
    let empty = first.text.is_empty().then(|| {
        view! { <p class="group-note">"The CLI prints nothing here: the answer has no members."</p> }
    });
    view! {
        <div class="panel op-panel" id=format!("panel-{}", first.id)>
            <div class="panel-bar">
                <h3>{first.title}</h3>
                <div class="actions">
                    <button type="button" class="copy" on:click=copy>
                        "Copy"
                    </button>
                    <button type="button" class="download" on:click=download>
                        "Download " <span class="file-name">{first.file.clone()}</span>
                    </button>
                </div>
            </div>
            {empty}
            <pre class="code" id=format!("out-{}", first.id) tabindex="0" aria-label=first.title>
                {move || written.with(|all| all[k].text.clone())}
            </pre>
        </div>
    }
}
