//! The one owner of the app's state, and everything derived from it.
//!
//! [`AppState`] holds the form and the command options in two signals and exposes intent
//! methods (set a value, replace the form, start over) instead of raw write signals. The
//! checked request is a [`Memo`] computed once per change; each output is rendered from it by
//! [`AppState::rendered`]. No effect copies state into state: the only effects in the app
//! write to the browser (address bar and storage, see [`crate::ui::persist`]; the form sent to
//! the send panel).
//!
//! A keystroke changes one parameter, so what the form shows is tracked per parameter: each
//! parameter has its own memos (its text, its diagnostics, whether it has an error), and a
//! control reads only those. A memo whose value did not change wakes nobody, so a keystroke
//! in one field touches no other field's DOM.

use leptos::prelude::*;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::{Form, Zone};
use crate::core::params::{self, Id};
use crate::core::render::{Choice, CliOptions, Output, Rendered};
use crate::core::validate::{self, Checked, Context};
use crate::ui::io::{self, BrowserZone};

/// What the page shows of one parameter, each part changing only when it really changes.
#[derive(Clone, Copy)]
struct FieldMemos {
    value: Memo<String>,
    /// Its diagnostics as shown (none while it is only still needed, see [`Checked::needed`]).
    diagnostics: Memo<Vec<Diagnostic>>,
    /// True when it shows an error.
    has_error: Memo<bool>,
}

/// The app's state: copy it freely, it is a handful of signal handles.
#[derive(Clone, Copy)]
pub struct AppState {
    form: RwSignal<Form>,
    options: RwSignal<CliOptions>,
    /// The validated form, recomputed once per change of the form.
    pub checked: Memo<Checked>,
    /// One entry per parameter, in the order of [`params::PARAMS`].
    fields: StoredValue<Vec<FieldMemos>>,
    has_errors: Memo<bool>,
    zone: Memo<Zone>,
    /// The clock as read when the page started, in epoch seconds.
    now: i64,
}

impl AppState {
    /// Creates the state with a starting form and options (restored by the caller).
    pub fn new(form: Form, options: CliOptions) -> Self {
        let form = RwSignal::new(form);
        // The clock is read once: a seed time that slips into the past while the page stays
        // open is caught again on the next edit or reload.
        let now = io::now();
        let checked = Memo::new(move |_| {
            form.with(|f| {
                validate::check(
                    f,
                    &Context {
                        now,
                        local: &BrowserZone,
                    },
                )
            })
        });
        let fields = params::PARAMS
            .iter()
            .map(|param| {
                let (id, flag) = (param.id, param.flag);
                let diagnostics = Memo::new(move |_| {
                    checked.with(|c| c.for_param(flag).cloned().collect::<Vec<_>>())
                });
                FieldMemos {
                    value: Memo::new(move |_| form.with(|f| f.get(id).to_owned())),
                    diagnostics,
                    has_error: Memo::new(move |_| {
                        diagnostics.with(|d| d.iter().any(|d| d.severity == Severity::Error))
                    }),
                }
            })
            .collect();
        Self {
            form,
            options: RwSignal::new(options),
            checked,
            fields: StoredValue::new(fields),
            has_errors: Memo::new(move |_| checked.with(Checked::has_errors)),
            zone: Memo::new(move |_| form.with(|f| f.zone)),
            now,
        }
    }

    /// The clock the form is checked against, read once when the page started.
    pub fn now(self) -> i64 {
        self.now
    }

    /// The state provided by [`crate::ui::App`].
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    fn field(self, id: Id) -> FieldMemos {
        self.fields.with_value(|f| f[id as usize])
    }

    /// The text of one parameter as a memo: it changes only when that parameter does.
    pub fn value_memo(self, id: Id) -> Memo<String> {
        self.field(id).value
    }

    /// The text of one parameter, tracked.
    pub fn value(self, id: Id) -> String {
        self.field(id).value.get()
    }

    /// The text of one parameter, not tracked.
    pub fn value_untracked(self, id: Id) -> String {
        self.form.with_untracked(|f| f.get(id).to_owned())
    }

    /// Sets the text of one parameter exactly as typed (which touches it).
    pub fn set(self, id: Id, value: String) {
        self.form.update(|f| f.set(id, value));
    }

    /// Marks a parameter as touched (the user left its field): from now on a missing value
    /// is an error there.
    pub fn touch(self, id: Id) {
        if !self.form.with_untracked(|f| f.is_touched(id)) {
            self.form.update(|f| f.touch(id));
        }
    }

    /// How a seed time without a zone is read, tracked.
    pub fn zone(self) -> Zone {
        self.zone.get()
    }

    /// Chooses how a seed time without a zone is read.
    pub fn set_zone(self, zone: Zone) {
        self.form.update(|f| f.zone = zone);
    }

    /// The whole form, tracked.
    pub fn form(self) -> Form {
        self.form.get()
    }

    /// The form as the lazy parts are fed it: its share query and whether it has errors.
    pub fn shared(self) -> Signal<(String, bool)> {
        Signal::derive(move || {
            (
                self.with_form(|form| crate::core::share::encode(form, self.options())),
                self.has_errors(),
            )
        })
    }

    /// Reads the whole form, tracked, without copying it.
    pub fn with_form<T>(self, f: impl FnOnce(&Form) -> T) -> T {
        self.form.with(f)
    }

    /// Reads the whole form without tracking it and without copying it.
    pub fn with_form_untracked<T>(self, f: impl FnOnce(&Form) -> T) -> T {
        self.form.with_untracked(f)
    }

    /// Subscribes the running effect to every change of the form and the command options,
    /// without reading (or copying) either.
    pub fn track_all(self) {
        self.form.track();
        self.options.track();
    }

    /// The command options, tracked.
    pub fn options(self) -> CliOptions {
        self.options.get()
    }

    /// The command options, not tracked (for handlers).
    pub fn options_untracked(self) -> CliOptions {
        self.options.get_untracked()
    }

    /// The value of an output's setting, tracked.
    pub fn choice(self, choice: Choice) -> &'static str {
        self.options.with(|o| choice.get(*o))
    }

    /// Chooses a value of an output's setting; a value the setting does not know changes
    /// nothing.
    pub fn choose(self, choice: Choice, value: &str) {
        let mut options = self.options.get_untracked();
        if choice.set(&mut options, value) {
            self.options.set(options);
        }
    }

    /// The settings an output is rendered with, tracked only for outputs that have settings.
    pub fn options_for(self, output: Output) -> CliOptions {
        if output.choices().is_empty() {
            CliOptions::default()
        } else {
            self.options.get()
        }
    }

    /// Replaces the whole form (an import, a share link); the command options stay.
    pub fn replace(self, form: Form) {
        self.form.set(form);
    }

    /// Empties the form and resets the command options.
    pub fn start_over(self) {
        self.form.set(Form::new());
        self.options.set(CliOptions::default());
    }

    /// The diagnostics of one parameter, tracked (wakes only when they change).
    pub fn diagnostics(self, id: Id) -> Vec<Diagnostic> {
        self.field(id).diagnostics.get()
    }

    /// True when the parameter has an error, tracked (wakes only when that flips).
    pub fn has_error(self, id: Id) -> bool {
        self.field(id).has_error.get()
    }

    /// True when the form has any error, tracked (wakes only when that flips).
    pub fn has_errors(self) -> bool {
        self.has_errors.get()
    }

    /// The settings an output is rendered with, not tracked (for handlers).
    pub fn options_for_untracked(self, output: Output) -> CliOptions {
        untrack(|| self.options_for(output))
    }

    /// One output, rendered from the checked request and its settings, tracked. Only outputs
    /// with settings read them, so only those are rendered again when a setting changes. Empty
    /// for the outputs whose renderers load on first show (see [`crate::ui::deferred`]).
    pub fn rendered(self, output: Output) -> Rendered {
        let options = self.options_for(output);
        self.checked
            .with(|c| output.render_first_load(&c.request, options))
            .unwrap_or_default()
    }
}
