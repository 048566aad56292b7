//! Where the form comes from at start, and where it is mirrored while the user works: the
//! address bar (a share link, in the core's query format) and a draft in local storage.
//!
//! The link wins over the draft: a page opened with a query shows that form, a page opened
//! without one gets the last draft back. Only the form and the command options are written;
//! the app has no secret parameter, so nothing secret can reach the URL or storage.

use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use crate::core::form::Form;
use crate::core::render::CliOptions;
use crate::core::share;
use crate::ui::io;
use crate::ui::state::AppState;

/// The local-storage key of the draft.
pub const DRAFT_KEY: &str = "sms-job-builder/draft";

/// Where the starting form came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Nothing to restore: an empty form.
    Fresh,
    /// The page's query string (a share link).
    Link,
    /// The draft saved by an earlier visit.
    Draft,
}

/// The starting form and options, where they came from, and what was odd about the source.
pub fn restore() -> (Form, CliOptions, Origin, Vec<Diagnostic>) {
    let query = io::query();
    if !query.is_empty() {
        let (form, options, problems) = share::decode(&query);
        return (form, options, Origin::Link, problems);
    }
    if let Some(draft) = io::load(DRAFT_KEY).filter(|d| !d.is_empty()) {
        let (form, options, problems) = share::decode(&draft);
        return (form, options, Origin::Draft, problems);
    }
    (
        Form::new(),
        CliOptions::default(),
        Origin::Fresh,
        Vec::new(),
    )
}

/// Mirrors every change into the address bar and the draft. This effect only writes to the
/// browser; it never writes app state.
pub fn mirror(state: AppState) {
    Effect::new(move |_| {
        let query = share::encode(&state.form(), state.options());
        io::replace_query(&query);
        if query.is_empty() {
            io::forget(DRAFT_KEY);
        } else {
            io::save(DRAFT_KEY, &query);
        }
    });
}
