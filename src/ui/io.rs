//! The browser edge: clock, local time zone, clipboard, local storage, the address bar and
//! downloads: the browser calls the parts of the UI share (with [`crate::ui::dom`] for the
//! page's own elements). The import worker's and the send panel's own calls sit at the end of
//! their files.
//!
//! Nothing here panics when the browser refuses something (storage disabled, clipboard
//! denied): each function reports failure as a value or does nothing.

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

/// The full address of the page, for showing a share link.
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

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

/// Offers text as a file download with the given name (through a Blob object URL).
pub fn download(file_name: &str, text: &str, mime: &str) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
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
    // Revoking at once can cancel the download in some browsers; give it time first.
    crate::ui::dom::after(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    done
}

/// Moves keyboard focus to the element with this id (used by the error summary's links),
/// first opening any collapsed `<details>` around it.
pub fn focus(id: &str) {
    let Some(found) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let mut ancestor = found.parent_element();
    while let Some(a) = ancestor {
        if a.tag_name().eq_ignore_ascii_case("details") {
            let _ = a.set_attribute("open", "");
        }
        ancestor = a.parent_element();
    }
    if let Ok(element) = found.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
        element.scroll_into_view();
    }
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
    crate::ui::dom::on_window("visibilitychange", move |_| {
        let hidden = window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            on_visibility();
        }
    });
    crate::ui::dom::on_window("pagehide", move |_| run());
}

/// Sets the `value` property of a form control (an `<input>`, `<textarea>` or `<select>`),
/// which is what the control shows and edits (the attribute is only its initial value).
pub fn set_control_value(control: &JsValue, value: &str) {
    let _ = js_sys::Reflect::set(
        control,
        &JsValue::from_str("value"),
        &JsValue::from_str(value),
    );
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
