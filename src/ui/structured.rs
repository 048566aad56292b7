//! Controls for a structure or list member of the plain page, generated from its model shape:
//! a structure is a group of its members, a list of structures has add, remove, move up and
//! down and duplicate for each element, a list of strings one input per item, and a scalar
//! inside any of them an input (a list of values for a boolean, suggestions for an enum,
//! where a free value may still be typed: the CLI does not check enums).
//!
//! The member's text in the form stays the one truth: the controls read its JSON and every
//! edit writes the JSON back (members in model order), so switching to the JSON box and back
//! loses nothing, and what the controls cannot show (text that is not JSON) stays as typed in
//! the box. "Absent" and "empty list" are different states: a list that is not given offers
//! "Add", a given one with no elements says it is the empty list `[]`.
//!
//! The view of a group or a list is rebuilt only when its structure changes (a member added
//! or removed, a list's length); typing into an input changes only that input's value, so the
//! focus stays. Each group's heading says where it is (`Server group 2 › Server 1`), and each
//! problem inside the value is shown at the control it belongs to. Every group is a
//! `<details>`, open at first, so a deep value can be folded away; a folded group that holds a
//! problem says so in its heading (the style sheet), and following a problem's link opens
//! every group around its control ([`crate::ui::io::focus`]).

use std::fmt::Write as _;

use leptos::prelude::*;
use serde_json::{Map, Value as Json};

use crate::core::diagnostic::Diagnostic;
use crate::core::model::{Member, Shape, ShapeKind};
use crate::ui::diagnostics::diagnostic_item;

/// One step from the member's value to a part of it: a member by name (the model's, or one
/// read back from a problem's location), or a list item.
#[derive(Debug, Clone, PartialEq)]
enum Key<N = &'static str> {
    Field(N),
    Item(usize),
}

/// The member's value as the controls see it: `Ok(None)` when it is not given, `Err` when
/// its text is not JSON (then only the JSON box can show it). It is the member's text, read:
/// the controls change it in place and write the text from it (a keystroke neither clones
/// nor re-reads the whole value), and the page reads the text again when something else
/// changed it.
pub type Doc = RwSignal<Result<Option<Json>, ()>>;

/// What every control of one member shares.
#[derive(Clone, Copy)]
pub struct Editor {
    doc: Doc,
    write: Callback<Option<String>>,
    problems: ReadSignal<Vec<Diagnostic>>,
    say: RwSignal<String>,
    member: &'static Member,
}

impl Editor {
    /// The controls of `member`, whose JSON text is read as `doc`; `write` stores the new
    /// text (or, with `None`, leaves the member out), `problems` are the member's located
    /// problems (a signal that changes only when they do: every control reads it), `say`
    /// announces additions and removals.
    pub fn new(
        member: &'static Member,
        doc: Doc,
        write: Callback<Option<String>>,
        problems: ReadSignal<Vec<Diagnostic>>,
        say: RwSignal<String>,
    ) -> Self {
        Self {
            doc,
            write,
            problems,
            say,
            member,
        }
    }

    /// Reads the part at `at`, tracked.
    fn read<T>(self, at: &[Key], f: impl FnOnce(Option<&Json>) -> T) -> T {
        self.doc.with(|doc| {
            let root = doc.as_ref().ok().and_then(Option::as_ref);
            f(root.and_then(|root| find(root, at)))
        })
    }

    /// Changes the member's value and writes it back; every control reads it again.
    fn edit(self, change: impl FnOnce(&mut Option<Json>)) {
        // Written once `doc` is no longer borrowed (and not at all once the page is gone).
        if let Some(text) = self.doc.try_update(|doc| changed(doc, change)) {
            self.write.run(text);
        }
    }

    /// Changes a scalar's value: only that control (`own`) reads it again, as nothing else
    /// shows it (the groups and lists around it keep their shape), so a keystroke does not
    /// re-run every control of the member.
    fn edit_scalar(self, own: Trigger, change: impl FnOnce(&mut Option<Json>)) {
        if self.doc.with_untracked(Result::is_err) {
            return self.edit(change);
        }
        if let Some(text) = self.doc.try_update_untracked(|doc| changed(doc, change)) {
            own.notify();
            self.write.run(text);
        }
    }

    /// Sets (or, with `None`, removes) the part at `at`; its parent exists.
    fn put(self, at: Vec<Key>, shape_of_parent: Option<&'static Shape>, value: Option<Json>) {
        self.edit(Self::putting(at, shape_of_parent, value));
    }

    /// The change that sets (or removes) the part at `at`.
    fn putting(
        at: Vec<Key>,
        shape_of_parent: Option<&'static Shape>,
        value: Option<Json>,
    ) -> impl FnOnce(&mut Option<Json>) {
        move |doc| {
            let Some((last, parent_at)) = at.split_last() else {
                *doc = value;
                return;
            };
            let Some(parent) = doc.as_mut().and_then(|root| find_mut(root, parent_at)) else {
                return;
            };
            match (last, parent) {
                (Key::Field(name), Json::Object(map)) => {
                    match value {
                        Some(value) => {
                            map.insert((*name).to_owned(), value);
                        }
                        None => {
                            map.shift_remove(*name);
                        }
                    }
                    if let Some(shape) = shape_of_parent {
                        in_model_order(map, shape);
                    }
                }
                (Key::Item(i), Json::Array(items)) => match value {
                    Some(value) if *i < items.len() => items[*i] = value,
                    Some(value) => items.push(value),
                    None if *i < items.len() => {
                        items.remove(*i);
                    }
                    None => {}
                },
                _ => {}
            }
        }
    }

    /// The problems located exactly at `at`.
    fn problems_at(self, at: &[Key]) -> Vec<Diagnostic> {
        let place = spell(self.member.name, at);
        self.problems.with(|all| {
            all.iter()
                .filter(|d| d.location.as_deref() == Some(place.as_str()))
                .cloned()
                .collect()
        })
    }
}

/// Changes the member's value in place (text that is not JSON counts as not given) and
/// returns its new text.
fn changed(
    doc: &mut Result<Option<Json>, ()>,
    change: impl FnOnce(&mut Option<Json>),
) -> Option<String> {
    if doc.is_err() {
        *doc = Ok(None);
    }
    let Ok(value) = doc else { return None };
    change(value);
    value.as_ref().map(text)
}

/// The member's text for a value: pretty JSON, as the JSON box shows it.
pub fn text(value: &Json) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn find<'a>(root: &'a Json, at: &[Key]) -> Option<&'a Json> {
    at.iter().try_fold(root, |node, key| match key {
        Key::Field(name) => node.get(*name),
        Key::Item(i) => node.get(*i),
    })
}

fn find_mut<'a>(root: &'a mut Json, at: &[Key]) -> Option<&'a mut Json> {
    at.iter().try_fold(root, |node, key| match key {
        Key::Field(name) => node.get_mut(*name),
        Key::Item(i) => node.get_mut(*i),
    })
}

/// Puts an object's members in the model's order (any other key after them, as they were).
fn in_model_order(map: &mut Map<String, Json>, shape: &'static Shape) {
    // Mostly they are in order already (a value typed over another), and rebuilding the map
    // was then the largest part of a keystroke's edit.
    let members = shape.members();
    let rank = |key: &str| {
        members
            .iter()
            .position(|m| m.name == key)
            .unwrap_or(members.len())
    };
    if map
        .keys()
        .map(|k| rank(k))
        .try_fold(0, |last, r| (r >= last).then_some(r))
        .is_some()
    {
        return;
    }
    let mut ordered = Map::new();
    for member in shape.members() {
        if let Some(value) = map.shift_remove(member.name) {
            ordered.insert(member.name.to_owned(), value);
        }
    }
    ordered.append(map);
    *map = ordered;
}

/// The path as the core spells a problem's place (`serverGroups[1].serverList[0].vmServer`).
fn spell(member: &str, at: &[Key]) -> String {
    let mut out = member.to_owned();
    for key in at {
        match key {
            Key::Field(name) => {
                out.push('.');
                out.push_str(name);
            }
            Key::Item(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    out
}

/// `serverGroups` → `Server groups`.
fn words(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else if c.is_ascii_uppercase() {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What one element of a list member is called (`serverList` → `Server`, `tags` → `Tag`).
fn singular(list: &str) -> String {
    let plural = words(list);
    match plural.strip_suffix(" list") {
        Some(one) => one.to_owned(),
        None => plural.strip_suffix('s').unwrap_or(&plural).to_owned(),
    }
}

/// A breadcrumb with one more step.
fn crumb(trail: &str, step: &str) -> String {
    if trail.is_empty() {
        step.to_owned()
    } else {
        format!("{trail} › {step}")
    }
}

/// The id of the control at a path (`f-server-groups--0-server-list--1-server-id`).
fn control_id<N: AsRef<str>>(flag: &str, at: &[Key<N>]) -> String {
    let mut out = format!("f-{flag}");
    for key in at {
        match key {
            Key::Field(name) => {
                out.push('-');
                out.push_str(&crate::core::model::kebab(name.as_ref()));
            }
            Key::Item(i) => {
                let _ = write!(out, "--{i}");
            }
        }
    }
    out
}

/// Where a problem's link may move the focus, best first: the control at its place (`location`
/// as the core spells it, e.g. `serverGroups[1].serverList[0].serverId`), the groups around it,
/// then the member's own control (its JSON box) and its "Fields" switch.
pub fn target_id(flag: &str, location: Option<&str>) -> Vec<String> {
    let mut ids = Vec::new();
    if let Some(location) = location {
        // Everything after the member's name, as steps.
        let rest = location.find(['.', '[']).map_or("", |at| &location[at..]);
        let mut at = Vec::new();
        let mut chars = rest;
        while !chars.is_empty() {
            if let Some(after) = chars.strip_prefix('.') {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                at.push(Key::Field(&after[..end]));
                chars = &after[end..];
            } else if let Some(after) = chars.strip_prefix('[') {
                let end = after.find(']').unwrap_or(after.len());
                at.push(Key::Item(after[..end].parse().unwrap_or(0)));
                chars = after.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        while !at.is_empty() {
            let id = control_id(flag, &at);
            ids.push(id.clone());
            ids.push(format!("{id}-group"));
            at.pop();
        }
    }
    ids.push(format!("f-{flag}"));
    ids.push(format!("fields-{flag}"));
    ids
}

/// A new value of a shape: `{}` for a structure, `[]` for a list, `""` for a string.
fn empty(shape: &Shape) -> Json {
    match shape.kind {
        ShapeKind::Structure(_) => Json::Object(Map::new()),
        ShapeKind::List(_) => Json::Array(Vec::new()),
        _ => Json::String(String::new()),
    }
}

fn is_complex(shape: &Shape) -> bool {
    matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::List(_))
}

/// What typing into a scalar's input stores: nothing when empty, a number or a boolean when
/// the text is one and the model wants one, else the text (kept as typed, so the check can
/// say what is wrong with it).
fn typed(shape: &Shape, text: String) -> Option<Json> {
    if text.is_empty() {
        return None;
    }
    Some(match shape.kind {
        ShapeKind::Integer(_) | ShapeKind::Long(_) => text
            .parse::<i64>()
            .map_or(Json::String(text), |n| Json::Number(n.into())),
        ShapeKind::Boolean if text == "true" => Json::Bool(true),
        ShapeKind::Boolean if text == "false" => Json::Bool(false),
        _ => Json::String(text),
    })
}

/// The controls of the member's whole value (the member is given: the page offers "Add"
/// before this).
pub fn member(editor: Editor) -> AnyView {
    let shape = editor.member.shape;
    match shape.kind {
        ShapeKind::Structure(_) => structure(editor, shape, &[], &words(editor.member.name)),
        _ => list(editor, shape, Vec::new(), String::new(), editor.member.name),
    }
}

/// A structure: one control per member, in model order.
fn structure(editor: Editor, shape: &'static Shape, at: &[Key], trail: &str) -> AnyView {
    let members = shape
        .members()
        .iter()
        .map(|member| {
            let mut child = at.to_vec();
            child.push(Key::Field(member.name));
            if is_complex(member.shape) {
                slot(editor, shape, member, child, trail.to_owned())
            } else {
                scalar(
                    editor,
                    Some(shape),
                    member.shape,
                    child,
                    words(member.name),
                    member.required,
                )
            }
        })
        .collect_view();
    view! { <div class="nested-members">{members}</div> }.into_any()
}

/// A structure or list member inside a structure: "Add" while it is absent, else its group.
fn slot(
    editor: Editor,
    parent: &'static Shape,
    member: &'static Member,
    at: Vec<Key>,
    trail: String,
) -> AnyView {
    let present = {
        let at = at.clone();
        Memo::new(move |_| editor.read(&at, |v| v.is_some()))
    };
    let heading = crumb(&trail, &words(member.name));
    (move || {
        let at = at.clone();
        let heading = heading.clone();
        if present.get() {
            let remove = {
                let at = at.clone();
                let heading = heading.clone();
                move |_| {
                    editor.put(at.clone(), Some(parent), None);
                    editor.say.set(format!("Removed {heading}."));
                }
            };
            let body = match member.shape.kind {
                ShapeKind::Structure(_) => structure(editor, member.shape, &at, &heading),
                _ => list(editor, member.shape, at.clone(), trail.clone(), member.name),
            };
            let id = format!("{}-remove", control_id(editor.member.flag, &at));
            let group = format!("{}-group", control_id(editor.member.flag, &at));
            view! {
                <details class="nested" id=group tabindex="-1" open>
                    <summary>{heading}</summary>
                    <button type="button" class="small" id=id on:click=remove>
                        "Remove " {member.name}
                    </button>
                    {body}
                    <Problems editor at />
                </details>
            }
            .into_any()
        } else {
            let add = {
                let at = at.clone();
                move |_| {
                    editor.put(at.clone(), Some(parent), Some(empty(member.shape)));
                    editor.say.set(format!("Added {heading}."));
                }
            };
            let id = format!("{}-add", control_id(editor.member.flag, &at));
            view! {
                <div class="nested-absent">
                    <button type="button" class="small" id=id on:click=add>
                        "Add " {member.name}
                    </button>
                    <span class="hint">" not given"</span>
                    <Problems editor at />
                </div>
            }
            .into_any()
        }
    })
    .into_any()
}

/// A list: each element with its own buttons, then "Add". The empty list says so.
/// `trail` is the breadcrumb of what holds the list, `name` the list member's name: element 2
/// of `serverList` is headed `… › Server 2`.
fn list(
    editor: Editor,
    shape: &'static Shape,
    at: Vec<Key>,
    trail: String,
    name: &'static str,
) -> AnyView {
    let ShapeKind::List(item) = shape.kind else {
        return ().into_any();
    };
    let length = {
        let at = at.clone();
        Memo::new(move |_| editor.read(&at, |v| v.and_then(Json::as_array).map_or(0, Vec::len)))
    };
    let add = {
        let at = at.clone();
        let trail = trail.clone();
        move |_| {
            let n = length.get_untracked();
            let mut child = at.clone();
            child.push(Key::Item(n));
            editor.put(child, None, Some(empty(item)));
            let added = crumb(&trail, &format!("{} {}", singular(name), n + 1));
            editor.say.set(format!("Added {added}."));
        }
    };
    let add_id = format!("{}-add", control_id(editor.member.flag, &at));
    let items = move || {
        let n = length.get();
        (0..n)
            .map(|i| {
                let heading = crumb(&trail, &format!("{} {}", singular(name), i + 1));
                element(editor, item, at.clone(), i, n, heading)
            })
            .collect_view()
    };
    view! {
        <div class="nested-list">
            {items}
            <p class="hint" hidden=move || length.get() != 0>
                "The empty list: [] is sent."
            </p>
            <button type="button" class="small" id=add_id on:click=add>
                "Add an element"
            </button>
        </div>
    }
    .into_any()
}

/// One element of a list, with move up, move down, duplicate and remove.
fn element(
    editor: Editor,
    item: &'static Shape,
    list_at: Vec<Key>,
    i: usize,
    n: usize,
    heading: String,
) -> AnyView {
    let mut at = list_at.clone();
    at.push(Key::Item(i));
    let title = heading.clone();
    let id = control_id(editor.member.flag, &at);
    let change = move |how: &'static str| {
        let list_at = list_at.clone();
        let heading = heading.clone();
        move |_| {
            editor.edit(|doc| {
                let Some(Json::Array(items)) =
                    doc.as_mut().and_then(|root| find_mut(root, &list_at))
                else {
                    return;
                };
                match how {
                    "up" if i > 0 => items.swap(i, i - 1),
                    "down" if i + 1 < items.len() => items.swap(i, i + 1),
                    "duplicate" => {
                        let copy = items[i].clone();
                        items.insert(i + 1, copy);
                    }
                    "remove" => {
                        items.remove(i);
                    }
                    _ => {}
                }
            });
            editor.say.set(match how {
                "up" => format!("Moved {heading} up."),
                "down" => format!("Moved {heading} down."),
                "duplicate" => format!("Duplicated {heading}."),
                _ => format!("Removed {heading}."),
            });
        }
    };
    let body = match item.kind {
        ShapeKind::Structure(_) => structure(editor, item, &at, &title),
        ShapeKind::List(_) => list(editor, item, at.clone(), title.clone(), "items"),
        _ => scalar(editor, None, item, at.clone(), title.clone(), false),
    };
    let group = format!("{id}-group");
    view! {
        <details class="nested element" id=group tabindex="-1" open>
            <summary>{title}</summary>
            <div class="element-actions">
                <button
                    type="button"
                    class="small"
                    id=format!("{id}-up")
                    disabled=i == 0
                    on:click=change("up")
                >
                    "Move up"
                </button>
                <button
                    type="button"
                    class="small"
                    id=format!("{id}-down")
                    disabled=i + 1 == n
                    on:click=change("down")
                >
                    "Move down"
                </button>
                <button
                    type="button"
                    class="small"
                    id=format!("{id}-duplicate")
                    on:click=change("duplicate")
                >
                    "Duplicate"
                </button>
                <button
                    type="button"
                    class="small"
                    id=format!("{id}-remove")
                    on:click=change("remove")
                >
                    "Remove"
                </button>
            </div>
            {body}
            <Problems editor at=at.clone() />
        </details>
    }
    .into_any()
}

/// A scalar: a text input, a list of values for a boolean, suggestions for an enum.
fn scalar(
    editor: Editor,
    parent: Option<&'static Shape>,
    shape: &'static Shape,
    at: Vec<Key>,
    label: String,
    required: bool,
) -> AnyView {
    let id = control_id(editor.member.flag, &at);
    // This control's own edits read its value again through `own` (see `edit_scalar`).
    let own = Trigger::new();
    let text = {
        let at = at.clone();
        Memo::new(move |_| {
            own.track();
            editor.read(&at, |v| match v {
                None => String::new(),
                Some(Json::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            })
        })
    };
    let store = {
        let at = at.clone();
        move |ev: web_sys::Event| {
            let value = typed(shape, event_target_value(&ev));
            // An element of a list of strings stays an element when emptied.
            let value = match (parent, value) {
                (None, None) => Some(Json::String(String::new())),
                (_, value) => value,
            };
            editor.edit_scalar(own, Editor::putting(at.clone(), parent, value));
        }
    };
    let invalid = {
        let at = at.clone();
        move || {
            if editor
                .problems_at(&at)
                .iter()
                .any(|d| d.severity == crate::core::diagnostic::Severity::Error)
            {
                "true"
            } else {
                "false"
            }
        }
    };
    let problems_id = format!("{id}-problems");
    let required = required.then(|| view! { <span class="required">" required"</span> });
    let control = scalar_control(shape, &id, &problems_id, text, invalid, store);
    view! {
        <div class="nested-field">
            <label class="label" for=id>
                {label}
                {required}
            </label>
            {control}
            <ul class="diagnostics" id=problems_id>
                {move || editor.problems_at(&at).into_iter().map(diagnostic_item).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// The input of a scalar: a list of values for a boolean, suggestions for an enum, else text.
fn scalar_control(
    shape: &'static Shape,
    id: &str,
    problems_id: &str,
    text: Memo<String>,
    invalid: impl Fn() -> &'static str + Clone + Send + Sync + 'static,
    store: impl Fn(web_sys::Event) + Clone + 'static,
) -> AnyView {
    let (id, problems_id) = (id.to_owned(), problems_id.to_owned());
    match &shape.kind {
        ShapeKind::Boolean => view! {
            <select id=id.clone() aria-invalid=invalid aria-describedby=problems_id.clone() on:change=store>
                <option value="" prop:selected=move || text.with(String::is_empty)>
                    "(not given)"
                </option>
                <option value="true" prop:selected=move || text.with(|t| t == "true")>
                    "true"
                </option>
                <option value="false" prop:selected=move || text.with(|t| t == "false")>
                    "false"
                </option>
            </select>
        }
        .into_any(),
        ShapeKind::String(values) if !values.values.is_empty() => {
            let list_id = format!("{id}-values");
            let options = values
                .values
                .iter()
                .map(|v| view! { <option value=*v></option> })
                .collect_view();
            view! {
                <input
                    type="text"
                    id=id.clone()
                    list=list_id.clone()
                    autocomplete="off"
                    spellcheck="false"
                    aria-invalid=invalid
                    aria-describedby=problems_id.clone()
                    prop:value=move || text.get()
                    on:input=store
                />
                <datalist id=list_id>{options}</datalist>
            }
            .into_any()
        }
        _ => view! {
            <input
                type="text"
                id=id.clone()
                autocomplete="off"
                spellcheck="false"
                inputmode=matches!(shape.kind, ShapeKind::Integer(_) | ShapeKind::Long(_))
                    .then_some("numeric")
                aria-invalid=invalid
                aria-describedby=problems_id.clone()
                prop:value=move || text.get()
                on:input=store
            />
        }
        .into_any(),
    }
}

/// The problems located at a group or an element.
#[component]
fn Problems(editor: Editor, at: Vec<Key>) -> impl IntoView {
    view! {
        <ul class="diagnostics">
            {move || editor.problems_at(&at).into_iter().map(diagnostic_item).collect_view()}
        </ul>
    }
}
