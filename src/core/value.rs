//! Nested values as a tree shaped by the service model, for members that are structures and
//! lists: what the user gave, checked as the CLI and the service check it, and written as the
//! request body the CLI sends.
//!
//! A [`Value`] keeps scalars as the text given, so nothing typed is lost; a structure holds one
//! slot per member of its shape, in model order, so every output writes members in model order
//! whatever order they were given in. Absent (`None` in a slot), the empty string, `[]` and
//! `{}` are four different values. A [`Path`] names a place in the tree
//! (`serverGroups[2].serverList[0].vmServer`) by member position and item index, and is
//! spelled with the model's names only when shown.
//!
//! [`read_json`] reads a JSON value with the CLI's typing rules; [`check`] lists every problem
//! at once, each at its path: missing required members and `min` violations are errors (the
//! CLI refuses them), `max`, `pattern` and enum violations warnings (the CLI sends them, the
//! service refuses); [`write_body`] writes the checked tree as the CLI's JSON serializer does.

use std::fmt::Write as _;

use serde_json::Value as Json;

use crate::core::diagnostic::Severity;
use crate::core::model::{Shape, ShapeKind};
use crate::core::render::json::push_string;
use crate::core::timestamp;

/// A value as given, shaped by its model shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string, number, boolean or time, as given (a JSON number or boolean as its JSON text).
    Scalar(String),
    /// A list; empty is `[]`.
    List(Vec<Value>),
    /// A structure: one slot per member of its shape, in model order; `None` is absent, so a
    /// structure with every slot empty is `{}`.
    Structure(Vec<Option<Value>>),
}

/// One step from a value to a value inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// The member at this position of the structure's shape.
    Member(usize),
    /// The item at this index of a list.
    Item(usize),
}

/// A place in a value tree, from its root.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path(Vec<Step>);

impl Path {
    /// The root.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path, one step further.
    #[must_use]
    pub fn then(&self, step: Step) -> Self {
        let mut steps = self.0.clone();
        steps.push(step);
        Self(steps)
    }

    /// The steps, from the root.
    pub fn steps(&self) -> &[Step] {
        &self.0
    }

    /// The path as the CLI spells it (`serverGroups[2].serverList[0].vmServer`), below a root
    /// of shape `root` named `name`; steps the shape does not have are shown as `?`.
    pub fn spell(&self, name: &str, root: &Shape) -> String {
        let mut out = name.to_owned();
        let mut shape = Some(root);
        for step in &self.0 {
            match (*step, shape.map(|s| &s.kind)) {
                (Step::Member(i), Some(ShapeKind::Structure(members))) if i < members.len() => {
                    out.push('.');
                    out.push_str(members[i].name);
                    shape = Some(members[i].shape);
                }
                (Step::Item(i), Some(ShapeKind::List(item))) => {
                    let _ = write!(out, "[{i}]");
                    shape = Some(item);
                }
                (Step::Item(i), _) => {
                    let _ = write!(out, "[{i}]");
                    shape = None;
                }
                (Step::Member(_), _) => {
                    out.push_str(".?");
                    shape = None;
                }
            }
        }
        out
    }
}

/// A problem at a place in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub path: Path,
    /// How serious it is.
    pub severity: Severity,
    /// A sentence for the user.
    pub message: String,
}

impl Problem {
    fn error(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.clone(),
            severity: Severity::Error,
            message: message.into(),
        }
    }

    fn warning(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.clone(),
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

/// What a JSON value's type is called in a message.
fn json_kind(json: &Json) -> &'static str {
    match json {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// What a shape expects, in a message.
fn expected(shape: &Shape) -> &'static str {
    match shape.kind {
        ShapeKind::String(_) | ShapeKind::Blob => "a string",
        ShapeKind::Integer(_) | ShapeKind::Long(_) => "a whole number",
        ShapeKind::Float | ShapeKind::Double => "a number",
        ShapeKind::Boolean => "true or false",
        ShapeKind::Timestamp => "a time (a string, or seconds since 1970)",
        ShapeKind::Structure(_) | ShapeKind::Map(..) => "an object",
        ShapeKind::List(_) => "a list",
    }
}

/// Reads a JSON value (from a `--cli-input-json` document or a JSON option) for a member of
/// shape `shape` at `path`, with the CLI's typing: a string where a string is expected, a whole
/// number (not `3.0`) for an integer, a JSON boolean for a boolean, a string or a number for a
/// time; unknown members are refused with the names that would be valid. What cannot be read
/// is left out of the tree, with a problem at its path.
pub fn read_json(
    shape: &Shape,
    json: &Json,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<Value> {
    let wrong = |problems: &mut Vec<Problem>| {
        problems.push(Problem::error(
            path,
            format!("Expected {}, found {}.", expected(shape), json_kind(json)),
        ));
        None
    };
    match (&shape.kind, json) {
        (ShapeKind::String(_) | ShapeKind::Blob, Json::String(text)) => {
            Some(Value::Scalar(text.clone()))
        }
        (ShapeKind::Integer(_) | ShapeKind::Long(_), Json::Number(n))
            if n.is_i64() || n.is_u64() =>
        {
            Some(Value::Scalar(n.to_string()))
        }
        (ShapeKind::Float | ShapeKind::Double, Json::Number(n)) => {
            Some(Value::Scalar(n.to_string()))
        }
        (ShapeKind::Boolean, Json::Bool(b)) => Some(Value::Scalar(b.to_string())),
        (ShapeKind::Timestamp, Json::String(text)) => Some(Value::Scalar(text.clone())),
        (ShapeKind::Timestamp, Json::Number(n)) => Some(Value::Scalar(n.to_string())),
        (ShapeKind::List(item), Json::Array(items)) => Some(Value::List(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, json)| read_json(item, json, &path.then(Step::Item(i)), problems))
                .collect(),
        )),
        (ShapeKind::Structure(members), Json::Object(object)) => {
            let mut slots = vec![None; members.len()];
            for (key, json) in object {
                match members.iter().position(|m| m.name == key) {
                    Some(i) => {
                        slots[i] = read_json(
                            members[i].shape,
                            json,
                            &path.then(Step::Member(i)),
                            problems,
                        );
                    }
                    None => problems.push(Problem::error(path, unknown_member(key, shape))),
                }
            }
            Some(Value::Structure(slots))
        }
        (ShapeKind::Map(..), _) => {
            // No operation of the models the app serves takes a map.
            problems.push(Problem::error(
                path,
                "Maps are not supported by this tool yet.",
            ));
            None
        }
        _ => wrong(problems),
    }
}

/// The sentence for a member the shape does not have.
fn unknown_member(key: &str, shape: &Shape) -> String {
    let names: Vec<&str> = shape.members().iter().map(|m| m.name).collect();
    if names.is_empty() {
        format!("Unknown member \"{key}\": nothing can be given here.")
    } else {
        format!(
            "Unknown member \"{key}\": it must be one of {}.",
            names.join(", ")
        )
    }
}

/// Every problem of a value of shape `shape` at `path`, as the CLI and the service see them:
/// missing required members, unreadable numbers, booleans and times, and `min` are errors (the
/// CLI refuses to send); `max` and values outside an enum are warnings (the CLI sends, the
/// service refuses).
pub fn check(shape: &Shape, value: &Value, path: &Path, problems: &mut Vec<Problem>) {
    match (&shape.kind, value) {
        (ShapeKind::String(text), Value::Scalar(s)) => {
            let length = i64::try_from(s.chars().count()).unwrap_or(i64::MAX);
            if let Some(min) = text.min.filter(|min| length < *min) {
                problems.push(Problem::error(
                    path,
                    format!("At least {min} characters are needed; this has {length}."),
                ));
            }
            if let Some(max) = text.max.filter(|max| length > *max) {
                problems.push(Problem::warning(
                    path,
                    format!("The service takes at most {max} characters; this has {length}."),
                ));
            }
            if let Some(pattern) = text.pattern
                && regex_lite::Regex::new(pattern).is_ok_and(|re| !re.is_match(s))
            {
                problems.push(Problem::warning(
                    path,
                    format!(
                        "The service expects this to match {pattern}; the CLI sends it anyway."
                    ),
                ));
            }
            if !text.values.is_empty() && !text.values.contains(&s.as_str()) {
                problems.push(Problem::warning(
                    path,
                    format!(
                        "\"{s}\" is not one of {}: the CLI sends it, the service refuses it.",
                        text.values.join(", ")
                    ),
                ));
            }
        }
        (ShapeKind::Integer(range) | ShapeKind::Long(range), Value::Scalar(s)) => {
            match integer(s) {
                Some(n) => {
                    if let Some(min) = range.min.filter(|min| n < *min) {
                        problems.push(Problem::error(path, format!("The least value is {min}.")));
                    }
                    if let Some(max) = range.max.filter(|max| n > *max) {
                        problems.push(Problem::warning(
                            path,
                            format!("The service takes at most {max}."),
                        ));
                    }
                }
                None => problems.push(Problem::error(
                    path,
                    format!("\"{s}\" is not a whole number."),
                )),
            }
        }
        (ShapeKind::Boolean, Value::Scalar(s)) => {
            if boolean(s).is_none() {
                problems.push(Problem::error(
                    path,
                    format!("\"{s}\" is not true or false."),
                ));
            }
        }
        (ShapeKind::Timestamp, Value::Scalar(s)) => {
            if let Err(message) = timestamp::parse(s) {
                problems.push(Problem::error(path, message));
            }
        }
        (ShapeKind::List(item), Value::List(items)) => {
            for (i, value) in items.iter().enumerate() {
                check(item, value, &path.then(Step::Item(i)), problems);
            }
        }
        (ShapeKind::Structure(members), Value::Structure(slots)) => {
            for (i, member) in members.iter().enumerate() {
                match slots.get(i).and_then(Option::as_ref) {
                    Some(value) => {
                        check(member.shape, value, &path.then(Step::Member(i)), problems);
                    }
                    // At the missing member's own path, so a form shows it at that field.
                    None if member.required => problems.push(Problem::error(
                        &path.then(Step::Member(i)),
                        format!("The member \"{}\" is required.", member.name),
                    )),
                    None => {}
                }
            }
        }
        (ShapeKind::Float | ShapeKind::Double | ShapeKind::Blob, Value::Scalar(_)) => {}
        _ => problems.push(Problem::error(
            path,
            format!("Expected {}.", expected(shape)),
        )),
    }
}

/// A whole number as the value holds it.
pub(crate) fn integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A boolean as the value holds it.
pub(crate) fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Appends a value of shape `shape` as the CLI's serializer writes it in the request body
/// (Python's `json.dumps`: `", "` and `": "`, ASCII only, members in model order, times as
/// whole epoch seconds, naive times read as UTC). The value must have passed [`check`]
/// without errors: a scalar that cannot be read is written as the empty string.
pub fn write_body(out: &mut String, shape: &Shape, value: &Value) {
    match (&shape.kind, value) {
        (ShapeKind::Integer(_) | ShapeKind::Long(_), Value::Scalar(s)) => {
            let _ = write!(out, "{}", integer(s).unwrap_or_default());
        }
        (ShapeKind::Boolean, Value::Scalar(s)) => {
            out.push_str(if boolean(s).unwrap_or_default() {
                "true"
            } else {
                "false"
            });
        }
        (ShapeKind::Timestamp, Value::Scalar(s)) => {
            let seconds = timestamp::parse(s).map_or(0, |parsed| parsed.seconds);
            let _ = write!(out, "{seconds}");
        }
        (ShapeKind::Float | ShapeKind::Double, Value::Scalar(s)) => out.push_str(s),
        (_, Value::Scalar(s)) => push_string(out, s, &[]),
        (kind, Value::List(items)) => {
            let item = match kind {
                ShapeKind::List(item) => *item,
                _ => shape,
            };
            out.push('[');
            for (i, value) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_body(out, item, value);
            }
            out.push(']');
        }
        (_, Value::Structure(slots)) => {
            out.push('{');
            let mut first = true;
            for (member, value) in shape.members().iter().zip(slots) {
                let Some(value) = value else { continue };
                if !first {
                    out.push_str(", ");
                }
                first = false;
                push_string(out, member.name, &[]);
                out.push_str(": ");
                write_body(out, member.shape, value);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;

    fn request(cli_name: &str) -> &'static Shape {
        sms::SERVICE.operation(cli_name).unwrap().input.unwrap()
    }

    fn read(cli_name: &str, json: &str) -> (Option<Value>, Vec<Problem>) {
        let mut problems = Vec::new();
        let json: Json = serde_json::from_str(json).unwrap();
        let value = read_json(request(cli_name), &json, &Path::root(), &mut problems);
        (value, problems)
    }

    fn body(cli_name: &str, value: &Value) -> String {
        let mut out = String::new();
        write_body(&mut out, request(cli_name), value);
        out
    }

    #[test]
    fn a_nested_document_is_written_in_model_order_as_the_cli_sends_it() {
        // NESTED-FACTS T1: the CLI's body for these values.
        let (value, problems) = read(
            "put-app-replication-configuration",
            r#"{"serverGroupReplicationConfigurations": [{"serverReplicationConfigurations":
                [{"serverReplicationParameters": {"kmsKeyId": "k", "encrypted": false,
                  "numberOfRecentAmisToKeep": 3, "licenseType": "BYOL", "runOnce": true,
                  "frequency": 12, "seedTime": "2026-11-25T10:00:00Z"},
                  "server": {"serverId": "s-1"}}], "serverGroupId": "g-1"}],
                "appId": "app-0123456789abcdef0"}"#,
        );
        assert_eq!(problems, []);
        let value = value.unwrap();
        let mut checked = Vec::new();
        check(
            request("put-app-replication-configuration"),
            &value,
            &Path::root(),
            &mut checked,
        );
        assert_eq!(checked, []);
        assert_eq!(
            body("put-app-replication-configuration", &value),
            r#"{"appId": "app-0123456789abcdef0", "serverGroupReplicationConfigurations": [{"serverGroupId": "g-1", "serverReplicationConfigurations": [{"server": {"serverId": "s-1"}, "serverReplicationParameters": {"seedTime": 1795600800, "frequency": 12, "runOnce": true, "licenseType": "BYOL", "numberOfRecentAmisToKeep": 3, "encrypted": false, "kmsKeyId": "k"}}]}]}"#
        );
    }

    #[test]
    fn absent_empty_string_empty_list_and_empty_structure_differ() {
        let (value, problems) = read(
            "create-app",
            r#"{"name": "", "tags": [], "serverGroups": [{"serverList": [{"vmServer": {}}]}]}"#,
        );
        assert_eq!(problems, []);
        assert_eq!(
            body("create-app", &value.unwrap()),
            r#"{"name": "", "serverGroups": [{"serverList": [{"vmServer": {}}]}], "tags": []}"#
        );
        let (value, _) = read("create-app", "{}");
        assert_eq!(body("create-app", &value.unwrap()), "{}");
    }

    #[test]
    fn every_problem_is_reported_at_its_path() {
        let shape = request("put-app-validation-configuration");
        let (value, mut problems) = read(
            "put-app-validation-configuration",
            r#"{"appValidationConfigurations": [{"name": "ok"}, {"name": "",
                "appValidationStrategy": "SMS", "ssmValidationParameters":
                {"executionTimeoutSeconds": 3.5, "command": 7, "bogus": 1}}]}"#,
        );
        check(shape, &value.unwrap(), &Path::root(), &mut problems);
        let spelled: Vec<_> = problems
            .iter()
            .map(|p| {
                format!(
                    "{} {}: {}",
                    p.severity.as_str(),
                    p.path.spell("input", shape),
                    p.message
                )
            })
            .collect();
        assert_eq!(
            spelled,
            [
                "error input.appValidationConfigurations[1].ssmValidationParameters.executionTimeoutSeconds: Expected a whole number, found a number.",
                "error input.appValidationConfigurations[1].ssmValidationParameters.command: Expected a string, found a number.",
                "error input.appValidationConfigurations[1].ssmValidationParameters: Unknown member \"bogus\": it must be one of source, instanceId, scriptType, command, executionTimeoutSeconds, outputS3BucketName.",
                "error input.appId: The member \"appId\" is required.",
                "error input.appValidationConfigurations[1].name: At least 1 characters are needed; this has 0.",
                "warning input.appValidationConfigurations[1].name: The service expects this to match ^[\\S]+$; the CLI sends it anyway.",
                "warning input.appValidationConfigurations[1].appValidationStrategy: \"SMS\" is not one of SSM: the CLI sends it, the service refuses it.",
            ]
        );
    }

    #[test]
    fn hostile_strings_are_escaped_as_python_does() {
        let (value, problems) = read(
            "list-apps",
            r#"{"appIds": ["a\"b\\c", "é😀", "line\nbreak", ""]}"#,
        );
        assert_eq!(problems, []);
        assert_eq!(
            body("list-apps", &value.unwrap()),
            r#"{"appIds": ["a\"b\\c", "\u00e9\ud83d\ude00", "line\nbreak", ""]}"#
        );
    }
}
