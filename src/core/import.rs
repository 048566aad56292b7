//! Importers: a pasted command, a `--cli-input-json` or a `--cli-input-yaml` document back
//! into a [`Form`], with every problem reported where it is. They never panic.

use crate::core::diagnostic::Diagnostic;
use crate::core::form::Form;

/// What an importer gives: the form it read, and every problem with where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// The values read (text as the form holds it).
    pub form: Form,
    /// Problems found, each with a location.
    pub diagnostics: Vec<Diagnostic>,
}
