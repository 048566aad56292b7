//! Problems found in what the user gave, as plain values.
//!
//! Nothing in the core panics or throws on bad input: every problem becomes a [`Diagnostic`]
//! that names where it is (a parameter, or a place in an imported document) and says in a
//! sentence what is wrong.

use std::fmt;

/// How serious a problem is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The CLI or the service would refuse or misread it; no command is offered as final.
    Error,
    /// Accepted, but very likely a mistake.
    Warning,
    /// Worth knowing (for example how a value was read); nothing to fix.
    Info,
}

impl Severity {
    /// Lower-case name, used as a CSS class and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Reads [`Severity::as_str`] back.
    pub fn parse(name: &str) -> Option<Severity> {
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// One problem, with where it is and a sentence a person understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The parameter's flag (without dashes) it belongs to, if it belongs to one.
    pub param: Option<&'static str>,
    /// Where in an imported text it was found (e.g. `line 3`, `key "bogus"`), if imported.
    pub location: Option<String>,
    /// How serious it is.
    pub severity: Severity,
    /// The sentence shown to the user.
    pub message: String,
}

impl Diagnostic {
    /// An error on a parameter.
    pub fn error(param: &'static str, message: impl Into<String>) -> Self {
        Self::new(Some(param), Severity::Error, message)
    }

    /// A warning on a parameter.
    pub fn warning(param: &'static str, message: impl Into<String>) -> Self {
        Self::new(Some(param), Severity::Warning, message)
    }

    /// A note on a parameter.
    pub fn info(param: &'static str, message: impl Into<String>) -> Self {
        Self::new(Some(param), Severity::Info, message)
    }

    /// A problem that belongs to no single parameter.
    pub fn general(severity: Severity, message: impl Into<String>) -> Self {
        Self::new(None, severity, message)
    }

    fn new(param: Option<&'static str>, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            param,
            location: None,
            severity,
            message: message.into(),
        }
    }

    /// The same problem, marked with where in an imported text it was found.
    #[must_use]
    pub fn at(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.severity.as_str())?;
        if let Some(param) = self.param {
            write!(f, " --{param}")?;
        }
        if let Some(location) = &self.location {
            write!(f, " ({location})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_severity_reads_its_name_back_and_nothing_else() {
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            assert_eq!(Severity::parse(severity.as_str()), Some(severity));
        }
        assert_eq!(Severity::parse("Error"), None);
        assert_eq!(Severity::parse(""), None);
    }
}
