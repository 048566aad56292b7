//! Where the form comes from at start, and where it is mirrored while the user works: the
//! address bar (a share link, in the core's query format) and a draft in local storage.
//!
//! The link wins over the draft: a page opened with a query shows that form, a page opened
//! without one gets the last draft back. Only the form and the command options are written;
//! the app has no secret parameter, so nothing secret can reach the URL or storage.
//!
//! # Off the keystroke path
//!
//! Writing the address bar costs a few milliseconds in Chromium, more than everything else a
//! keystroke does, so typing does not write at once: [`Mirror`] writes once typing has paused
//! for [`IDLE`] (between one and two of those), and at once when the page is hidden, reloaded
//! or closed, so nothing typed is lost. Clicks (a radio button, a select, start over, copy
//! link) write at once through [`Mirror::flush`].
//!
//! A reload can start before the address bar caught up with the last keystrokes, and would
//! then reopen the older link. So every write also leaves a note in this tab's session
//! storage ([`TAB_KEY`]): the address it replaced and the form it wrote. A page whose address
//! is one of those two was reloaded (or restored) from this tab and gets the newer form; any
//! other address is a link someone opened, and wins as before.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use crate::core::form::Form;
use crate::core::render::CliOptions;
use crate::core::share;
use crate::ui::io;
use crate::ui::state::AppState;

/// The local-storage key of the draft.
pub const DRAFT_KEY: &str = "sms-job-builder/draft";

/// The session-storage key of this tab's note: the address query a write replaced, a line
/// break, then the query of the form it wrote (a query never holds a raw line break).
pub const TAB_KEY: &str = "sms-job-builder/tab";

/// How long typing must pause before the address bar and the draft are written.
pub const IDLE: Duration = Duration::from_millis(300);

/// Where the starting form came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Nothing to restore: an empty form.
    Fresh,
    /// The page's query string (a share link).
    Link,
    /// The draft saved by an earlier visit, or edits this tab made that the address bar had
    /// not caught up with.
    Draft,
}

/// The starting form and options, where they came from, and what was odd about the source.
pub fn restore() -> (Form, CliOptions, Origin, Vec<Diagnostic>) {
    let query = io::query();
    // Only a reload or a history move can find a note of this tab; opening session storage
    // costs milliseconds at start, so a fresh visit does not.
    let note = io::reloaded_or_revisited()
        .then(|| io::session_load(TAB_KEY))
        .flatten();
    let (text, origin) = pick(&query, note.as_deref(), || io::load(DRAFT_KEY));
    if origin == Origin::Fresh {
        return (
            Form::new(),
            CliOptions::default(),
            Origin::Fresh,
            Vec::new(),
        );
    }
    let (form, options, problems) = share::decode(&text);
    (form, options, origin, problems)
}

/// Chooses the query to start from: this tab's latest form when the address is one this tab
/// wrote or replaced, else the address, else the saved draft.
fn pick(
    query: &str,
    note: Option<&str>,
    draft: impl FnOnce() -> Option<String>,
) -> (String, Origin) {
    if let Some((replaced, latest)) = note.and_then(|n| n.split_once('\n'))
        && (query == replaced || query == latest)
    {
        let origin = if latest.is_empty() {
            Origin::Fresh
        } else if latest == query {
            Origin::Link
        } else {
            Origin::Draft
        };
        return (latest.to_owned(), origin);
    }
    if !query.is_empty() {
        return (query.to_owned(), Origin::Link);
    }
    match draft().filter(|d| !d.is_empty()) {
        Some(draft) => (draft, Origin::Draft),
        None => (String::new(), Origin::Fresh),
    }
}

/// What the mirror knows between writes.
#[derive(Default)]
struct Pending {
    /// Counts changes, so a timer can tell whether typing went on while it waited.
    changes: u64,
    /// A timer is waiting.
    armed: bool,
    /// A change has not been written yet.
    dirty: bool,
    /// The query written last, to skip writing the same thing again.
    written: Option<String>,
}

/// Mirrors the form into the address bar, the draft and this tab's note. Its effect only
/// writes to the browser; it never writes app state. Provided as context by [`crate::ui::App`].
#[derive(Clone, Copy)]
pub struct Mirror {
    state: AppState,
    pending: StoredValue<Pending>,
}

impl Mirror {
    /// Starts mirroring `state`: every change is written once typing pauses, and pending
    /// changes are written when the page is hidden or left.
    pub fn start(state: AppState) -> Self {
        let mirror = Self {
            state,
            pending: StoredValue::new(Pending::default()),
        };
        // Tracks the form without reading it: a keystroke costs a counter and, now and then,
        // a timer; the query is encoded only when it is written.
        Effect::new(move |_| {
            state.track_all();
            mirror.changed();
        });
        io::on_page_hidden(move || {
            if mirror.pending.with_value(|p| p.dirty) {
                mirror.flush();
            }
        });
        mirror
    }

    /// The mirror provided by [`crate::ui::App`].
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    fn changed(self) {
        let arm = self.pending.try_update_value(|p| {
            p.changes += 1;
            p.dirty = true;
            !std::mem::replace(&mut p.armed, true)
        });
        if arm == Some(true) {
            self.arm();
        }
    }

    /// Waits [`IDLE`]; if the form changed meanwhile, waits again, else writes.
    fn arm(self) {
        let seen = self.pending.with_value(|p| p.changes);
        io::after(IDLE, move || {
            let typing = self.pending.try_update_value(|p| {
                let typing = p.changes != seen;
                p.armed = typing;
                typing
            });
            match typing {
                Some(true) => self.arm(),
                Some(false) if self.pending.with_value(|p| p.dirty) => self.flush(),
                // Written meanwhile (a click flushed), or the app was unmounted.
                _ => {}
            }
        });
    }

    /// Writes the current form now: the address bar, the draft and this tab's note.
    pub fn flush(self) {
        let options = self.state.options_untracked();
        let query = self
            .state
            .with_form_untracked(|form| share::encode(form, options));
        let fresh = self.pending.try_update_value(|p| {
            p.dirty = false;
            if p.written.as_deref() == Some(query.as_str()) {
                false
            } else {
                p.written = Some(query.clone());
                true
            }
        });
        if fresh != Some(true) {
            return;
        }
        let replaced = io::query();
        io::replace_query(&query);
        if query.is_empty() {
            io::forget(DRAFT_KEY);
        } else {
            io::save(DRAFT_KEY, &query);
        }
        io::session_save(TAB_KEY, &format!("{replaced}\n{query}"));
    }
}
