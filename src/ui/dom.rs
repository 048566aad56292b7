//! Small DOM helpers for the views written as markup (see [`crate::core::markup`]): finding an
//! element under a container, listening to an event on it, reading which element an event
//! came from, and setting attributes. Like [`crate::ui::io`], nothing here panics when the
//! browser refuses something.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget};

/// The first element under `root` matching a CSS selector.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching a CSS selector, in document order.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// Calls `handler` for every `event` on `target` for as long as the page lives (the views
/// written as markup are never torn down, so the listener is never removed).
pub fn listen(target: &EventTarget, event: &str, handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The element an event happened on, if it was an element.
pub fn target(event: &Event) -> Option<Element> {
    event.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The nearest element from `element` upwards (itself included) matching a selector.
pub fn closest(element: &Element, selector: &str) -> Option<Element> {
    element.closest(selector).ok().flatten()
}

/// Sets an attribute.
pub fn set_attr(element: &Element, name: &str, value: &str) {
    let _ = element.set_attribute(name, value);
}

/// Adds a boolean attribute (`hidden`, `open`, `disabled`…) when `on`, removes it otherwise.
pub fn toggle_attr(element: &Element, name: &str, on: bool) {
    let _ = element.toggle_attribute_with_force(name, on);
}

/// The `value` property of a form control (what it shows), or empty.
pub fn value(element: &Element) -> String {
    js_sys::Reflect::get(element, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The `checked` property of a checkbox or radio button.
pub fn checked(element: &Element) -> bool {
    js_sys::Reflect::get(element, &"checked".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Sets the `checked` property of a checkbox or radio button.
pub fn set_checked(element: &Element, on: bool) {
    let _ = js_sys::Reflect::set(element, &"checked".into(), &on.into());
}

/// Creates an element with a class and markup inside, and appends it to `parent`.
pub fn append(parent: &Element, tag: &str, class: &str, html: &str) -> Option<Element> {
    let element = parent.owner_document()?.create_element(tag).ok()?;
    if !class.is_empty() {
        set_attr(&element, "class", class);
    }
    element.set_inner_html(html);
    parent.append_child(&element).ok()?;
    Some(element)
}

/// The `key` of a keyboard event (`ArrowRight`, `a`…), or empty for any other event.
pub fn key(event: &Event) -> String {
    js_sys::Reflect::get(event, &"key".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Runs `run` once after `delay`; the handle cancels it with [`cancel`].
pub fn after(run: impl FnOnce() + 'static, delay: std::time::Duration) -> Option<i32> {
    let closure = Closure::once_into_js(run);
    let millis = i32::try_from(delay.as_millis()).unwrap_or(i32::MAX);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), millis)
        .ok()
}

/// Cancels a run planned with [`after`].
pub fn cancel(handle: i32) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(handle);
    }
}

/// Calls `handler` for every `event` on the window for as long as the page lives.
pub fn on_window(event: &str, handler: impl FnMut(Event) + 'static) {
    if let Some(window) = web_sys::window() {
        listen(&window, event, handler);
    }
}

/// Dispatches a `CustomEvent` named `name` carrying `detail` on `target`; listeners run before
/// this returns.
pub fn emit(target: &EventTarget, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// The `detail` of a `CustomEvent` (undefined for any other event).
pub fn detail(event: &Event) -> JsValue {
    event
        .dyn_ref::<web_sys::CustomEvent>()
        .map_or(JsValue::UNDEFINED, web_sys::CustomEvent::detail)
}
