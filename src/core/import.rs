//! Importers: a pasted command, a `--cli-input-json` or a `--cli-input-yaml` document back
//! into a [`Form`], with every problem reported where it is. They never panic.
//!
//! The three importers share one idea: read the text the way the AWS CLI would, keep every
//! value the form can hold as the text the form would hold (`"true"`/`"false"` for booleans,
//! integers and timestamps as text), and turn everything the CLI would refuse, ignore or read
//! differently from what the user probably meant into a [`Diagnostic`] with a location.
//! [`detect_and_import`] guesses which of the three a pasted text is.

pub mod command;
pub mod json;
pub mod message;
pub mod yaml;

use std::fmt::Write as _;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::params::{self, Kind, Param};

/// What an importer gives: the form it read, and every problem with where it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// The values read (text as the form holds it).
    pub form: Form,
    /// Problems found, each with a location.
    pub diagnostics: Vec<Diagnostic>,
}

/// The kinds of text [`detect_and_import`] tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A command line for bash/zsh/sh, PowerShell or cmd.exe.
    Command,
    /// A `--cli-input-json` document.
    Json,
    /// A `--cli-input-yaml` document.
    Yaml,
}

/// Guesses what a pasted text is. A text whose first meaningful character is `{` is JSON (the
/// JSON importer then reports anything the CLI would refuse); a text whose first line looks
/// like `key: value` (or a YAML marker or comment) is YAML; anything else is a command.
pub fn detect(text: &str) -> Format {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        return Format::Json;
    }
    let first = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    if body.starts_with("---") || body.starts_with("%YAML") {
        return Format::Yaml;
    }
    if looks_like_yaml_entry(first) {
        return Format::Yaml;
    }
    if body.starts_with('#') && !text.contains("aws") && first.is_empty() {
        return Format::Yaml;
    }
    Format::Command
}

/// `serverId: s-1`, `'serverId': …`, `"frequency":12`: an identifier, maybe quoted, then a
/// colon that ends the line or is followed by white space (a drive letter such as `C:\` is
/// not).
fn looks_like_yaml_entry(line: &str) -> bool {
    let unquoted = line.trim_start_matches(['"', '\'']);
    let key_len = unquoted
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(unquoted.len());
    if key_len == 0 {
        return false;
    }
    let rest = unquoted[key_len..].trim_start_matches(['"', '\'']);
    rest.strip_prefix(':')
        .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t']))
}

/// Imports a pasted text of whatever kind [`detect`] says it is; the command importer guesses
/// the shell.
pub fn detect_and_import(text: &str) -> Imported {
    match detect(text) {
        Format::Command => command::import(text, None),
        Format::Json => json::import(text),
        Format::Yaml => yaml::import(text),
    }
}

/// A document value, typed the way the CLI's Python loader would type it. The JSON and YAML
/// importers produce these; [`apply_member`] checks them against a member as the CLI would.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    /// A string.
    Str(String),
    /// A whole number, in canonical decimal text.
    Int(String),
    /// A number with a fraction or exponent (or inf/nan), as written.
    Float(String),
    /// `true` or `false`.
    Bool(bool),
    /// `null`, `~` or nothing.
    Null,
    /// A YAML date with no time (`2026-11-25`), as written.
    Date(String),
    /// A YAML date and time (`2026-11-25 10:00:00`), as written.
    DateTime(String),
    /// Something no member accepts: a list, a mapping, bytes. The text names its type.
    Other(&'static str),
}

impl Scalar {
    /// How the CLI's messages would name the loaded type.
    fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "a string",
            Scalar::Int(_) => "an integer",
            Scalar::Float(_) => "a floating-point number",
            Scalar::Bool(_) => "a boolean",
            Scalar::Null => "null",
            Scalar::Date(_) => "a date",
            Scalar::DateTime(_) => "a date and time",
            Scalar::Other(name) => name,
        }
    }

    /// The text the user wrote for it, if any (kept in the form even when the type is wrong,
    /// so nothing typed is lost).
    fn text(&self) -> Option<String> {
        match self {
            Scalar::Str(s)
            | Scalar::Int(s)
            | Scalar::Float(s)
            | Scalar::Date(s)
            | Scalar::DateTime(s) => Some(s.clone()),
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::Null | Scalar::Other(_) => None,
        }
    }
}

/// Checks one document key against the table as the CLI does: unknown keys (with a hint for
/// a wrong case or a flag spelling), then the value's type. The value goes into the form as
/// text when the form can hold it. `document` names the option (`--cli-input-json`).
pub(crate) fn apply_member(
    form: &mut Form,
    diags: &mut Vec<Diagnostic>,
    document: &str,
    key: &str,
    value: &Scalar,
) {
    let location = format!("key \"{key}\"");
    let Some(param) = params::by_member(key) else {
        diags.push(unknown_key(document, key).at(location));
        return;
    };
    let outcome = check_type(param, value);
    let keep = match outcome {
        TypeCheck::Ok(text) => {
            form.set(param.id, text);
            return;
        }
        TypeCheck::Note(text, note) => {
            form.set(param.id, text);
            diags.push(note.at(location));
            return;
        }
        TypeCheck::Refused(message) => {
            diags.push(Diagnostic::error(param.flag, message).at(location));
            value.text()
        }
    };
    // The CLI refuses the document, but the value is kept so the user can fix the type.
    if let Some(text) = keep {
        form.set(param.id, text);
    }
}

fn unknown_key(document: &str, key: &str) -> Diagnostic {
    let mut message = format!(
        "{document} has no member \"{key}\"; the CLI refuses the document. Members are: {}.",
        params::member_list()
    );
    let hint = params::members()
        .find(|p| {
            p.member().is_some_and(|m| m.eq_ignore_ascii_case(key))
                || p.flag == key
                || p.flag.replace('-', "").eq_ignore_ascii_case(key)
        })
        .and_then(Param::member);
    if let Some(member) = hint {
        let _ = write!(
            message,
            " Did you mean \"{member}\"? Names are case-sensitive."
        );
    } else if params::globals().any(|p| p.flag == key.trim_start_matches('-')) {
        message.push_str(" Global options such as this one go on the command line instead.");
    }
    Diagnostic::general(Severity::Error, message)
}

enum TypeCheck {
    Ok(String),
    Note(String, Diagnostic),
    Refused(String),
}

fn check_type(param: &'static Param, value: &Scalar) -> TypeCheck {
    let member = param.member().unwrap_or(param.flag);
    let refused = |wanted: &str| {
        TypeCheck::Refused(format!(
            "{member} must be {wanted}, but this is {}; the CLI refuses it.",
            value.type_name()
        ))
    };
    if let Scalar::Str(s) = value
        && s.is_empty()
        && param.kind != Kind::Timestamp
    {
        return TypeCheck::Note(
            String::new(),
            Diagnostic::warning(
                param.flag,
                format!(
                    "{member} is an empty string. The CLI would send \"\", but the form \
                         cannot hold an empty value, so it is left unset."
                ),
            ),
        );
    }
    match param.kind {
        Kind::Text | Kind::Choice(_) => match value {
            Scalar::Str(s) => TypeCheck::Ok(s.clone()),
            _ => refused("a string (put quotes around it)"),
        },
        Kind::Integer => match value {
            Scalar::Int(n) => TypeCheck::Ok(n.clone()),
            Scalar::Bool(true) => TypeCheck::Refused(format!(
                "{member} is true. The CLI accepts true for a whole number and sends true, \
                 which the service would refuse; the form holds numbers only, so it is left \
                 unset."
            )),
            _ => refused("a whole number without quotes or a fraction"),
        },
        Kind::Boolean => match value {
            Scalar::Bool(b) => TypeCheck::Ok(b.to_string()),
            _ => refused("true or false without quotes"),
        },
        Kind::Timestamp => match value {
            Scalar::Str(s) if s.trim().is_empty() => TypeCheck::Refused(format!(
                "{member} is empty; the CLI cannot read it as a time."
            )),
            Scalar::Str(s) | Scalar::DateTime(s) | Scalar::Int(s) | Scalar::Float(s) => {
                TypeCheck::Ok(s.clone())
            }
            Scalar::Bool(true) => TypeCheck::Note(
                "1".to_owned(),
                Diagnostic::warning(
                    param.flag,
                    format!(
                        "{member} is true, which the CLI reads as 1 second after 1970; \
                         kept as 1."
                    ),
                ),
            ),
            Scalar::Bool(false) => TypeCheck::Note(
                "0".to_owned(),
                Diagnostic::warning(
                    param.flag,
                    format!("{member} is false, which the CLI reads as 1970; kept as 0."),
                ),
            ),
            Scalar::Date(d) => TypeCheck::Refused(format!(
                "{member}: an unquoted {d} is a date to YAML, which the CLI refuses as a \
                 timestamp; quote it or add a time (e.g. '{d}T00:00:00Z')."
            )),
            _ => refused("a time as text or epoch seconds"),
        },
        Kind::Switch => refused("a switch (global options are not document members)"),
    }
}

/// 1-based line and column of a byte offset, for messages.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;

    #[test]
    fn detect_tells_the_three_kinds_apart() {
        for (text, kind) in [
            ("{\"serverId\": \"s-1\"}", Format::Json),
            ("\u{feff}  {}", Format::Json),
            ("serverId: s-1\nfrequency: 12\n", Format::Yaml),
            ("# a job\nserverId: s-1\n", Format::Yaml),
            ("---\nserverId: s-1\n", Format::Yaml),
            (
                "aws sms create-replication-job --server-id s-1",
                Format::Command,
            ),
            (
                "aws sms create-replication-job \\\n  --server-id s-1",
                Format::Command,
            ),
            ("--server-id s-1 --frequency 12", Format::Command),
            ("serverId: '- --'\n", Format::Yaml),
            (
                "C:\\bin\\aws.exe sms create-replication-job",
                Format::Command,
            ),
            ("@'\n{}\n'@ | Set-Content x.json\naws sms", Format::Command),
            (
                "#!/bin/bash\nid=$(aws sms create-replication-job)",
                Format::Command,
            ),
            ("$ aws sms create-replication-job", Format::Command),
            ("me@box:~$ aws sms create-replication-job", Format::Command),
            ("PS C:\\> aws sms create-replication-job", Format::Command),
            (
                "C:\\Users\\me> aws sms create-replication-job",
                Format::Command,
            ),
            ("$job = aws sms create-replication-job", Format::Command),
        ] {
            assert_eq!(detect(text), kind, "{text:?}");
        }
    }

    #[test]
    fn detect_and_import_reads_each_kind() {
        let expected = Form::new()
            .with(Id::ServerId, "s-1")
            .with(Id::Frequency, "12");
        for text in [
            "{\"serverId\": \"s-1\", \"frequency\": 12}",
            "serverId: s-1\nfrequency: 12\n",
            "aws sms create-replication-job --server-id s-1 --frequency 12",
        ] {
            let imported = detect_and_import(text);
            assert_eq!(imported.form, expected, "{text:?}");
            assert!(imported.diagnostics.is_empty(), "{imported:?}");
        }
    }

    #[test]
    fn line_column_counts_characters_from_one() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("", 5), (1, 1));
    }
}
