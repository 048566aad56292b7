//! One component per kind of parameter. Each gets its [`Param`] and shows the parameter's
//! label and control; [`control`] picks the component for a kind. A kind reads and writes its
//! parameter only through the state's intent methods, and shows nothing another kind needs, so
//! a new kind (a list, a nested structure) is a new component here and a new arm in
//! [`control`].

use leptos::either::{Either, EitherOf5};
use leptos::prelude::*;

use crate::core::params::{Id, Kind, Param};
use crate::core::view::{self, control_id, described_by};
use crate::ui::io::BrowserZone;
use crate::ui::persist::Mirror;
use crate::ui::state::AppState;

/// The label and control for a parameter, by its kind.
pub fn control(param: &'static Param) -> impl IntoView {
    // `EitherOf5` rather than type-erased views: erasing a view keeps every rendering path of
    // it (server rendering, hydration) in the wasm, and costs the first load.
    match param.kind {
        Kind::Text | Kind::Integer => EitherOf5::A(view! { <TextControl param /> }),
        Kind::Timestamp => EitherOf5::B(view! { <TimeControl param /> }),
        Kind::Boolean => EitherOf5::C(view! { <BooleanControl param /> }),
        Kind::Choice(_) => EitherOf5::D(view! { <ChoiceControl param /> }),
        Kind::Switch => EitherOf5::E(view! { <SwitchControl param /> }),
    }
}

/// The label above a control: the parameter's label, whether it is required, its flag, and
/// whether only CLI v2 knows it.
#[component]
fn FieldLabel(param: &'static Param) -> impl IntoView {
    let required = param
        .required
        .then(|| view! { <span class="required" aria-hidden="true">" required"</span> });
    let v2_only = param
        .v2_only
        .then(|| view! { <span class="badge">"CLI v2 only"</span> });
    view! {
        <label class="label" for=control_id(param.flag)>
            {param.label}
            {required}
            " "
            <code class="flag">"--" {param.flag}</code>
            {v2_only}
        </label>
    }
}

/// What typing into a parameter's text control does: the text is stored exactly as typed.
/// (One function for every text control, so its handler's code is in the wasm once.)
fn typed(state: AppState, id: Id) -> impl Fn(web_sys::Event) + Clone + 'static {
    move |ev| state.set(id, event_target_value(&ev))
}

/// `aria-invalid` of a parameter's control, following its errors.
fn invalid(state: AppState, id: Id) -> impl Fn() -> &'static str + Send + Sync {
    move || {
        if state.has_error(id) { "true" } else { "false" }
    }
}

/// Free text and whole numbers: an `<input>`, or a `<textarea>` while the value holds a line
/// break (see [`view::needs_textarea`]). Numbers get a numeric keyboard but stay text, so
/// nothing typed is lost.
#[component]
fn TextControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let flag = param.flag;
    let value = state.value_memo(param.id);
    let multiline = Memo::new(move |_| value.with(|v| view::needs_textarea(v)));
    let required = param.required.then_some("true");
    let control = move || {
        if multiline.get() {
            Either::Left(view! {
                <textarea
                    rows="3"
                    id=control_id(flag)
                    name=flag
                    spellcheck="false"
                    aria-required=required
                    aria-describedby=described_by(param)
                    aria-invalid=invalid(state, param.id)
                    prop:value=value
                    on:input=typed(state, param.id)
                ></textarea>
            })
        } else {
            Either::Right(text_input(param))
        }
    };
    view! {
        <FieldLabel param />
        {control}
    }
}

/// The one-line text box of a text, number or time parameter (one function, so the page's
/// wasm carries its code once).
fn text_input(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let flag = param.flag;
    let value = state.value_memo(param.id);
    view! {
        <input
            type="text"
            autocomplete="off"
            inputmode=(param.kind == Kind::Integer).then_some("numeric")
            id=control_id(flag)
            name=flag
            spellcheck="false"
            aria-required=param.required.then_some("true")
            aria-describedby=described_by(param)
            aria-invalid=invalid(state, param.id)
            prop:value=value
            on:input=typed(state, param.id)
        />
    }
}

/// A point in time: free text, the choice of how a time typed without a zone is read, and the
/// line that shows the instant that will be sent.
#[component]
fn TimeControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let value = state.value_memo(param.id);
    let zones = view::ZONES
        .into_iter()
        .map(|(zone, label)| {
            segment(
                view::zone_id(zone),
                "zone",
                zone.as_str(),
                label.to_owned(),
                move || state.zone() == zone,
                move || {
                    state.set_zone(zone);
                    mirror.flush();
                },
            )
        })
        .collect_view();
    let instant = move || {
        value.with(|text| view::instant_line(text, state.zone(), &BrowserZone, state.now()))
    };
    view! {
        <FieldLabel param />
        {text_input(param)}
        <fieldset class="segmented zone">
            <legend>"A time typed without a zone is"</legend>
            {zones}
        </fieldset>
        <p class="instant" id=view::instant_id(flag) aria-live="polite">
            {instant}
        </p>
    }
}

/// A three-state boolean: not set, `--flag` or `--no-flag`, as a group of radio buttons whose
/// legend is the label. The group as a whole is described and marked invalid.
#[component]
fn BooleanControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let value = state.value_memo(param.id);
    let buttons = view::boolean_choices(flag)
        .into_iter()
        .map(|choice| {
            let picked = choice.value;
            segment(
                choice.id,
                flag,
                picked,
                choice.label,
                move || value.with(|v| v == picked),
                move || {
                    state.set(param.id, picked.to_owned());
                    mirror.flush();
                },
            )
        })
        .collect_view();
    view! {
        <fieldset
            class="segmented"
            aria-describedby=described_by(param)
            aria-invalid=invalid(state, param.id)
        >
            <legend class="label">
                {param.label} " " <code class="flag">"--" {flag}</code>
            </legend>
            {buttons}
        </fieldset>
    }
}

/// One radio button of a segmented choice, with its label around it.
fn segment(
    id: String,
    name: &'static str,
    value: &'static str,
    label: String,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    pick: impl Fn() + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label class="seg" for=label_for>
            <input
                type="radio"
                id=id
                name=name
                value=value
                prop:checked=checked
                on:change=move |_| pick()
            />
            <span>{label}</span>
        </label>
    }
}

/// One of a fixed list of values. A value that is not in the list (from an import or a link)
/// stays selected and visible, marked as not valid, until the user picks another.
#[component]
fn ChoiceControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let value = state.value_memo(param.id);
    let options = move || {
        value.with(|current| {
            view::choice_options(param, current)
                .into_iter()
                .map(|(option, text)| {
                    let selected = option == *current;
                    view! {
                        <option value=option prop:selected=selected>
                            {text}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <FieldLabel param />
        <select
            id=control_id(flag)
            name=flag
            aria-describedby=described_by(param)
            aria-invalid=invalid(state, param.id)
            on:change=move |ev| {
                state.set(param.id, event_target_value(&ev));
                mirror.flush();
            }
        >
            {options}
        </select>
    }
}

/// A global flag with no value (`--debug`): a checkbox.
#[component]
fn SwitchControl(param: &'static Param) -> impl IntoView {
    let state = AppState::get();
    let mirror = Mirror::get();
    let flag = param.flag;
    let value = state.value_memo(param.id);
    view! {
        <FieldLabel param />
        <input
            type="checkbox"
            value="true"
            id=control_id(flag)
            name=flag
            aria-describedby=described_by(param)
            aria-invalid=invalid(state, param.id)
            prop:checked=move || value.with(|v| v == "true")
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                state.set(param.id, if on { "true".to_owned() } else { String::new() });
                mirror.flush();
            }
        />
    }
}
