//! The checked, typed request: what every renderer reads.

use crate::core::params::{Id, Param};

/// A typed value of one parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text (also choices).
    Text(String),
    /// A whole number.
    Integer(i64),
    /// `--flag` (true) or `--no-flag` (false).
    Bool(bool),
    /// A point in time as whole seconds since 1970-01-01T00:00:00Z.
    Time(i64),
    /// A global switch that is given.
    Switch,
}

/// The parameters that are set and valid, in table order (members in model order, then
/// global options). Parameters with errors are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    entries: Vec<(&'static Param, Value)>,
}

impl Request {
    /// Builds a request from entries in any order; they are kept in table order, and a later
    /// entry for the same parameter replaces an earlier one.
    pub fn new(entries: impl IntoIterator<Item = (&'static Param, Value)>) -> Self {
        let mut request = Self::default();
        for (param, value) in entries {
            request.insert(param, value);
        }
        request
    }

    /// Sets one parameter, keeping table order.
    pub fn insert(&mut self, param: &'static Param, value: Value) {
        self.entries.retain(|(p, _)| p.id != param.id);
        let at = self
            .entries
            .iter()
            .position(|(p, _)| p.id as usize > param.id as usize)
            .unwrap_or(self.entries.len());
        self.entries.insert(at, (param, value));
    }

    /// The value of a parameter.
    pub fn get(&self, id: Id) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(p, _)| p.id == id)
            .map(|(_, v)| v)
    }

    /// Every set parameter, in table order.
    pub fn entries(&self) -> impl Iterator<Item = (&'static Param, &Value)> {
        self.entries.iter().map(|(p, v)| (*p, v))
    }

    /// The API members that are set, in model order, with their member names.
    pub fn members(&self) -> impl Iterator<Item = (&'static str, &'static Param, &Value)> {
        self.entries
            .iter()
            .filter_map(|(p, v)| p.member().map(|m| (m, *p, v)))
    }

    /// The global options that are set, in table order.
    pub fn globals(&self) -> impl Iterator<Item = (&'static Param, &Value)> {
        self.entries
            .iter()
            .filter(|(p, _)| !p.is_member())
            .map(|(p, v)| (*p, v))
    }

    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
