//! What the user typed, exactly as text.
//!
//! A [`Form`] is never lossy: an invalid value stays in it as typed, so the user can fix it.
//! It is keyed by the parameter table's typed identities ([`Id`]). Booleans hold `""` (not set), `"true"`
//! (`--flag`) or `"false"` (`--no-flag`); switches hold `""` or `"true"`.

use crate::core::params::{self, Id, Param};

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

/// The whole form: raw text per parameter, plus the zone for a zoneless seed time, and which
/// parameters were touched.
#[derive(Debug, Clone, Eq)]
pub struct Form {
    /// One text per parameter, in the order of [`params::PARAMS`]; empty when not set. (A
    /// plain list rather than a map: the table is short, and the page's wasm then carries no
    /// map code for it.)
    values: Vec<String>,
    /// How a seed time without a zone is read.
    pub zone: Zone,
    /// Which parameters were touched, one bit per place in the table: set (typed, or filled
    /// by a draft, an import or a link) or left by the user. Until then a required parameter
    /// that is empty is only still needed, not an error at its field ([`crate::core::validate::Checked::needed`]).
    /// Not part of the value: two forms with the same texts are equal.
    touched: u64,
}

// One bit of `touched` per parameter.
const _: () = assert!(params::PARAMS.len() <= 64);

impl PartialEq for Form {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values && self.zone == other.zone
    }
}

impl Default for Form {
    fn default() -> Self {
        Self {
            values: vec![String::new(); params::PARAMS.len()],
            zone: Zone::default(),
            touched: 0,
        }
    }
}

impl Form {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text for a parameter (`""` when not set).
    pub fn get(&self, id: Id) -> &str {
        &self.values[id as usize]
    }

    /// Sets the text for a parameter, which touches it. Setting `""` clears it.
    pub fn set(&mut self, id: Id, value: impl Into<String>) {
        self.values[id as usize] = value.into();
        self.touch(id);
    }

    /// Marks a parameter as touched (the user left its field).
    pub fn touch(&mut self, id: Id) {
        self.touched |= 1 << id as u32;
    }

    /// True once the parameter was set or left.
    pub fn is_touched(&self, id: Id) -> bool {
        self.touched & (1 << id as u32) != 0
    }

    /// Sets the text for the parameter with this flag, as read from a pasted or linked text;
    /// returns false (and changes nothing) when no parameter has that flag.
    pub fn set_flag(&mut self, flag: &str, value: impl Into<String>) -> bool {
        match params::by_flag(flag) {
            Some(param) => {
                self.set(param.id, value);
                true
            }
            None => false,
        }
    }

    /// Builder form of [`Form::set`], for tests and examples.
    #[must_use]
    pub fn with(mut self, id: Id, value: impl Into<String>) -> Self {
        self.set(id, value);
        self
    }

    /// True when the parameter has any text.
    pub fn is_set(&self, id: Id) -> bool {
        !self.get(id).is_empty()
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
        self.touched |= other.touched;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;

    #[test]
    fn keeps_text_as_typed_and_refuses_unknown_flags() {
        let mut form = Form::new();
        assert!(form.set_flag("frequency", " twelve "));
        assert_eq!(form.get(Id::Frequency), " twelve ");
        assert!(!form.set_flag("bogus", "x"));
        form.set(Id::Frequency, "");
        assert!(form.is_empty());
    }

    #[test]
    fn filled_is_in_table_order_and_overlay_prefers_the_other_side() {
        let mut base = Form::new()
            .with(Id::Description, "a")
            .with(Id::ServerId, "s-1");
        let top = Form::new().with(Id::Description, "b");
        base.overlay(&top);
        let filled: Vec<_> = base.filled().map(|(p, v)| (p.flag, v)).collect();
        assert_eq!(filled, [("server-id", "s-1"), ("description", "b")]);
    }
}
