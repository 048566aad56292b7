//! The browser edge: clock, local time zone, clipboard, storage, the address
//! bar, timers (gloo-timers), downloads (gloo-file) and focus: the browser calls the parts of
//! the UI share, apart from the DOM the views build. The import worker's and the send panel's
//! own calls sit at the end of their files.
//!
//! Nothing here panics when the browser refuses something (storage disabled, clipboard
//! denied): each function reports failure as a value or does nothing.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::window_event_listener;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::timestamp::{self, LocalZone};

/// Now, in whole epoch seconds.
pub fn now() -> i64 {
    // A millisecond count from `Date.now()` fits an f64 exactly; flooring keeps whole seconds.
    #[expect(clippy::cast_possible_truncation, reason = "epoch seconds fit an i64")]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    seconds
}

/// The browser's time zone, read through `Date` (offsets) and `Intl` (the zone's name).
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserZone;

impl LocalZone for BrowserZone {
    fn offset_at_wall(&self, wall: i64) -> i32 {
        // Take the wall-clock fields of `wall` (counted as if UTC), build a local `Date` from
        // them, and ask that date for its offset: this picks the offset in force at that local
        // time, summer time included.
        #[expect(
            clippy::cast_precision_loss,
            reason = "wall seconds are far below 2^53"
        )]
        let as_utc = js_sys::Date::new(&JsValue::from_f64(wall as f64 * 1000.0));
        let local = js_sys::Date::new_with_year_month_day_hr_min_sec(
            as_utc.get_utc_full_year(),
            as_utc.get_utc_month().cast_signed(),
            as_utc.get_utc_date().cast_signed(),
            as_utc.get_utc_hours().cast_signed(),
            as_utc.get_utc_minutes().cast_signed(),
            as_utc.get_utc_seconds().cast_signed(),
        );
        let minutes_west = local.get_timezone_offset();
        if minutes_west.is_finite() {
            #[expect(clippy::cast_possible_truncation, reason = "offsets are under a day")]
            let east = (-minutes_west * 60.0).round() as i32;
            east
        } else {
            0
        }
    }

    fn name(&self) -> String {
        let options =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                .resolved_options();
        js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                let offset = self.offset_at_wall(now());
                format!("UTC{}", timestamp::format_offset(offset))
            })
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The query string of the page's address without its `?` (empty when there is none).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_owned())
        .unwrap_or_default()
}

/// Replaces the query string of the address without reloading or adding a history entry.
/// An empty `query` leaves the bare path.
pub fn replace_query(query: &str) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let current = format!(
        "{}{}",
        w.location().pathname().unwrap_or_default(),
        w.location().search().unwrap_or_default()
    );
    if current != url
        && let Ok(history) = w.history()
    {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Moves to another query string (without `?`) in place: a new history entry, no reload.
pub fn push_query(query: &str) {
    let Some(w) = window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    if let Ok(history) = w.history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("{path}?{query}")));
    }
}

/// Calls `run` whenever the user moves through this page's history (back, forward), for as
/// long as the page lives.
pub fn on_history_move(run: impl Fn() + 'static) {
    let _ = window_event_listener(ev::popstate, move |_| run());
}

/// Reloads the page at its current address.
pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// Opens this page with another query string (without `?`; empty for the bare page).
pub fn go(query: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_search(query);
    }
}

/// The full address of the page, for showing a share link.
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

// Storage is reached through `web_sys` rather than gloo-storage: gloo-storage's typed access
// stores JSON (the draft is a plain share query, readable in the browser's tools), and its raw
// access throws when the browser disables storage, where these functions quietly do nothing.

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads a value from local storage.
pub fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a value to local storage (ignored when storage is unavailable or full).
pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Removes a value from local storage.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Puts text on the clipboard; true when the browser accepted it.
pub async fn copy(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Fetches a file next to the page, never from the HTTP cache: its status and its text (read
/// to the end, so the request finishes), or `None` when the fetch itself fails.
///
/// The page's one request, so it uses the browser's `fetch` directly: gloo-net's request
/// builder, meant for the send panel's many requests, would add about 4 KB gzip to the first
/// load for this one GET.
pub async fn fetch_text(url: &str) -> Option<(u16, String)> {
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let response: web_sys::Response = JsFuture::from(window()?.fetch_with_str_and_init(url, &init))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string()),
        Err(_) => None,
    };
    Some((response.status(), text.unwrap_or_default()))
}

/// Offers text as a file download with the given name, through a Blob's object URL.
pub fn download(file_name: &str, text: &str, mime: &str) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(text, Some(mime)));
    let done = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        })
        .is_some();
    // Revoking at once (dropping the URL) can cancel the download in some browsers; keep it
    // for a while first.
    after(Duration::from_secs(30), move || drop(url));
    done
}

/// Focuses the button `node` holds once the view that is being rebuilt has built it (the
/// DOM follows a signal in the next microtask; a zero timer runs after that).
pub fn focus_when_built(node: leptos::prelude::NodeRef<leptos::html::Button>) {
    after(Duration::ZERO, move || {
        if let Some(button) = leptos::prelude::GetUntracked::get_untracked(&node) {
            let _ = button.focus();
        }
    });
}

/// Runs `run` once after `delay`.
pub fn after(delay: Duration, run: impl FnOnce() + 'static) {
    let millis = u32::try_from(delay.as_millis()).unwrap_or(u32::MAX);
    gloo_timers::callback::Timeout::new(millis, run).forget();
}

/// Moves keyboard focus to the control with this id (the error summary's links, start over),
/// first opening any collapsed `<details>` around it. Every parameter's control has the id
/// [`crate::core::view::control_id`] of its flag, so the id is all it takes.
pub fn focus_control(id: &str) {
    if let Some(element) = crate::ui::panel::host(id) {
        focus(&element);
    }
}

/// Moves keyboard focus to an element, first opening any collapsed `<details>` around it (and
/// the element itself, when it is one).
pub fn focus(element: &web_sys::HtmlElement) {
    let mut ancestor = Some(web_sys::Element::clone(element));
    while let Some(a) = ancestor {
        if let Some(details) = a.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        ancestor = a.parent_element();
    }
    let _ = element.focus();
    element.scroll_into_view();
}

fn session() -> Option<web_sys::Storage> {
    window().and_then(|w| w.session_storage().ok().flatten())
}

/// Reads a value from this tab's session storage (it survives a reload, not the tab).
pub fn session_load(key: &str) -> Option<String> {
    session().and_then(|s| s.get_item(key).ok().flatten())
}

/// Writes a value to this tab's session storage (ignored when unavailable or full).
pub fn session_save(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

/// Calls `run` whenever the page is about to be hidden or left: the tab goes to the
/// background, the window is minimised, the page is reloaded, closed or navigated away from.
/// Work written there is the last chance before a reload reads storage again.
pub fn on_page_hidden(run: impl Fn() + Clone + 'static) {
    let on_visibility = run.clone();
    // The listeners stay for the life of the page.
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        let hidden = window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            on_visibility();
        }
    });
    let _ = window_event_listener(ev::pagehide, move |_| run());
}

/// True when this page load is a reload or a move through history (back, forward, a restored
/// tab): the only loads for which this tab's session storage can hold anything. Asking first
/// spares a fresh visit the cost of opening session storage, which is slow the first time.
pub fn reloaded_or_revisited() -> bool {
    let Some(performance) = window().and_then(|w| w.performance()) else {
        return true;
    };
    let kind = js_sys::Reflect::get(
        &performance.get_entries_by_type("navigation").get(0),
        &JsValue::from_str("type"),
    )
    .ok()
    .and_then(|t| t.as_string());
    // Unknown (no navigation timing): read the storage rather than risk losing typing.
    kind.is_none_or(|k| k != "navigate")
}
