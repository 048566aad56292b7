//! What the user typed, exactly as text.
//!
//! A [`Form`] is never lossy: an invalid value stays in it as typed, so the user can fix it.
//! It is keyed by the parameter table's flag names. Booleans hold `""` (not set), `"true"`
//! (`--flag`) or `"false"` (`--no-flag`); switches hold `""` or `"true"`.

use crate::core::params::{self, Param};

/// How a seed time typed without a zone is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Zone {
    /// As UTC (what the CLI does with such a time).
    #[default]
    Utc,
    /// As the browser's local time, converted to UTC for every output.
    Local,
}

impl Zone {
    /// The stable spelling used in share links and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Utc => "utc",
            Zone::Local => "local",
        }
    }

    /// Reads [`Zone::as_str`] back.
    pub fn parse(text: &str) -> Option<Zone> {
        match text {
            "utc" => Some(Zone::Utc),
            "local" => Some(Zone::Local),
            _ => None,
        }
    }
}

/// The whole form: raw text per parameter, plus the zone for a zoneless seed time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// One text per parameter, in the order of [`params::PARAMS`]; empty when not set. (A
    /// plain list rather than a map: the table is short, and the page's wasm then carries no
    /// map code for it.)
    values: Vec<String>,
    /// How a seed time without a zone is read.
    pub zone: Zone,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            values: vec![String::new(); params::PARAMS.len()],
            zone: Zone::default(),
        }
    }
}

/// Where a flag's text is kept.
fn index(flag: &str) -> Option<usize> {
    params::PARAMS.iter().position(|p| p.flag == flag)
}

impl Form {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text for a parameter (`""` when not set).
    pub fn get(&self, flag: &str) -> &str {
        index(flag).map_or("", |i| self.values[i].as_str())
    }

    /// Sets the text for a known parameter; returns false (and changes nothing) for an unknown
    /// flag. Setting `""` clears it.
    pub fn set(&mut self, flag: &str, value: impl Into<String>) -> bool {
        let Some(i) = index(flag) else {
            return false;
        };
        self.values[i] = value.into();
        true
    }

    /// Builder form of [`Form::set`], for tests and examples. Panics on an unknown flag.
    #[must_use]
    pub fn with(mut self, flag: &str, value: impl Into<String>) -> Self {
        assert!(self.set(flag, value), "unknown flag {flag}");
        self
    }

    /// True when the parameter has any text.
    pub fn is_set(&self, flag: &str) -> bool {
        !self.get(flag).is_empty()
    }

    /// The parameters that have text, in table order, with their text.
    pub fn filled(&self) -> impl Iterator<Item = (&'static Param, &str)> {
        params::PARAMS
            .iter()
            .zip(&self.values)
            .filter(|(_, v)| !v.is_empty())
            .map(|(p, v)| (p, v.as_str()))
    }

    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(String::is_empty)
    }

    /// Overlays another form: every parameter set in `other` replaces ours (how command-line
    /// options beat `--cli-input-json` values).
    pub fn overlay(&mut self, other: &Form) {
        for (mine, theirs) in self.values.iter_mut().zip(&other.values) {
            if !theirs.is_empty() {
                mine.clone_from(theirs);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_as_typed_and_refuses_unknown_flags() {
        let mut form = Form::new();
        assert!(form.set("frequency", " twelve "));
        assert_eq!(form.get("frequency"), " twelve ");
        assert!(!form.set("bogus", "x"));
        assert!(form.set("frequency", ""));
        assert!(form.is_empty());
    }

    #[test]
    fn filled_is_in_table_order_and_overlay_prefers_the_other_side() {
        let mut base = Form::new()
            .with("description", "a")
            .with("server-id", "s-1");
        let top = Form::new().with("description", "b");
        base.overlay(&top);
        let filled: Vec<_> = base.filled().map(|(p, v)| (p.flag, v)).collect();
        assert_eq!(filled, [("server-id", "s-1"), ("description", "b")]);
    }
}
