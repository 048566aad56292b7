//! The `--cli-input-json` importer.
//!
//! The CLI reads the document with Python's `json` module: strict JSON (no comments, no
//! trailing commas, no byte-order mark, exactly one value), where a repeated key silently
//! keeps its last value. The top level must be an object whose keys are the request's member
//! names, exactly spelled; each value is then type-checked as the CLI's parameter validation
//! does (see [`super::apply_member`]).

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::{Imported, Scalar, apply_member};

/// The option name used in messages.
const DOCUMENT: &str = "--cli-input-json";

/// Imports a `--cli-input-json` document.
pub fn import(text: &str) -> Imported {
    let mut form = Form::new();
    let mut diagnostics = Vec::new();
    if let Some(entries) = read_object(text, &mut diagnostics) {
        for (key, value) in entries {
            apply_member(&mut form, &mut diagnostics, DOCUMENT, &key, &scalar(&value));
        }
    }
    Imported { form, diagnostics }
}

/// The object's entries in document order, one per key with its last value; `None` (and an
/// error) when the CLI would refuse the text as a whole.
fn read_object(
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, serde_json::Value)>> {
    let refuse = |diags: &mut Vec<Diagnostic>, why: String, at: Option<(usize, usize)>| {
        let d = Diagnostic::general(
            Severity::Error,
            format!("The CLI refuses this as {DOCUMENT}: {why}"),
        );
        diags.push(match at {
            Some((line, column)) => d.at(format!("line {line}, column {column}")),
            None => d,
        });
    };
    if text.starts_with('\u{feff}') {
        refuse(
            diags,
            "it starts with a byte-order mark; save the file as UTF-8 without BOM.".into(),
            Some((1, 1)),
        );
        return None;
    }
    if text.trim().is_empty() {
        refuse(diags, "it is empty.".into(), None);
        return None;
    }
    let entries = match serde_json::from_str::<TopLevel>(text) {
        Ok(top) => top,
        Err(e) => {
            let why = syntax_reason(text, &e);
            refuse(diags, why, Some((e.line().max(1), e.column().max(1))));
            return None;
        }
    };
    let entries = match entries {
        TopLevel::Object(entries) => entries,
        TopLevel::NotObject(kind) => {
            refuse(
                diags,
                format!("the document must be an object {{…}}, but it is {kind}."),
                Some((1, 1)),
            );
            return None;
        }
    };
    let mut unique: Vec<(String, serde_json::Value)> = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        if let Some(slot) = unique.iter_mut().find(|(k, _)| *k == key) {
            diags.push(
                Diagnostic::general(
                    Severity::Warning,
                    format!("\"{key}\" appears more than once; the CLI keeps the last value."),
                )
                .at(format!("key \"{key}\"")),
            );
            slot.1 = value;
        } else {
            unique.push((key, value));
        }
    }
    Some(unique)
}

/// A sentence for a JSON syntax error, naming the usual culprits.
fn syntax_reason(text: &str, e: &serde_json::Error) -> String {
    let at = offset_of(text, e.line(), e.column());
    let rest = text.get(at.saturating_sub(1)..).unwrap_or("");
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    if rest.starts_with("//") || rest.starts_with("/*") || rest.starts_with('#') {
        "JSON has no comments.".into()
    } else if message.contains("trailing comma") {
        "JSON allows no comma after the last entry.".into()
    } else if message.contains("trailing characters") {
        "there is more text after the document; give exactly one object.".into()
    } else if message.contains("EOF") {
        format!("the document ends too early ({message}).")
    } else {
        format!("invalid JSON ({message}).")
    }
}

/// The byte offset of a 1-based line and column (`serde_json` counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

fn scalar(value: &serde_json::Value) -> Scalar {
    use serde_json::Value;
    match value {
        Value::String(s) => Scalar::Str(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Scalar::Int(n.to_string()),
        Value::Number(n) => Scalar::Float(n.to_string()),
        Value::Bool(b) => Scalar::Bool(*b),
        Value::Null => Scalar::Null,
        Value::Array(_) => Scalar::Other("a list"),
        Value::Object(_) => Scalar::Other("an object"),
    }
}

/// The top level, keeping every entry (duplicates included) in order.
enum TopLevel {
    Object(Vec<(String, serde_json::Value)>),
    NotObject(&'static str),
}

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TopLevelVisitor)
    }
}

struct TopLevelVisitor;

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
            entries.push((key, value));
        }
        Ok(TopLevel::Object(entries))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<TopLevel, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(TopLevel::NotObject("a list"))
    }

    fn visit_str<E>(self, _: &str) -> Result<TopLevel, E> {
        Ok(TopLevel::NotObject("a string"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<TopLevel, E> {
        Ok(TopLevel::NotObject("a boolean"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<TopLevel, E> {
        Ok(TopLevel::NotObject("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<TopLevel, E> {
        Ok(TopLevel::NotObject("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<TopLevel, E> {
        Ok(TopLevel::NotObject("a number"))
    }

    fn visit_unit<E>(self) -> Result<TopLevel, E> {
        Ok(TopLevel::NotObject("null"))
    }
}

/// Where a problem is, for tests: the first diagnostic's location and message.
#[cfg(test)]
fn first(imported: &Imported) -> (Option<&str>, &str) {
    imported
        .diagnostics
        .first()
        .map_or((None, ""), |d| (d.location.as_deref(), d.message.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostic::has_errors;
    use crate::core::params::Id;
    use proptest::prelude::*;

    /// Imports and checks the form and the diagnostics' `location: message` lines.
    fn check(text: &str, form: &Form, expect: &[&str]) {
        let imported = import(text);
        assert_eq!(&imported.form, form, "{text:?}");
        let got: Vec<String> = imported
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message))
            .collect();
        assert_eq!(got.len(), expect.len(), "{text:?}: {got:#?}");
        for (g, e) in got.iter().zip(expect) {
            assert!(g.contains(e), "{text:?}: {g:?} lacks {e:?}");
        }
    }

    #[test]
    fn reads_every_kind_of_member() {
        let text = r#"{
            "serverId": "s-1234abcd",
            "seedReplicationTime": "2026-11-25T10:00:00Z",
            "frequency": 12,
            "runOnce": false,
            "licenseType": "BYOL",
            "roleName": "sms",
            "description": "a \"quoted\" é\n",
            "numberOfRecentAmisToKeep": -3,
            "encrypted": true,
            "kmsKeyId": "alias/x"
        }"#;
        let form = Form::new()
            .with(Id::ServerId, "s-1234abcd")
            .with(Id::SeedReplicationTime, "2026-11-25T10:00:00Z")
            .with(Id::Frequency, "12")
            .with(Id::RunOnce, "false")
            .with(Id::LicenseType, "BYOL")
            .with(Id::RoleName, "sms")
            .with(Id::Description, "a \"quoted\" é\n")
            .with(Id::NumberOfRecentAmisToKeep, "-3")
            .with(Id::Encrypted, "true")
            .with(Id::KmsKeyId, "alias/x");
        check(text, &form, &[]);
    }

    #[test]
    fn timestamps_may_be_numbers() {
        let f = |t: &str| Form::new().with(Id::SeedReplicationTime, t);
        check(
            r#"{"seedReplicationTime": 1764064800}"#,
            &f("1764064800"),
            &[],
        );
        check(
            r#"{"seedReplicationTime": 1764064800.5}"#,
            &f("1764064800.5"),
            &[],
        );
        check(
            r#"{"seedReplicationTime": true}"#,
            &f("1"),
            &["key \"seedReplicationTime\": seedReplicationTime is true"],
        );
        check(
            r#"{"seedReplicationTime": null}"#,
            &Form::new(),
            &["must be a time"],
        );
    }

    #[test]
    fn refuses_what_the_cli_refuses_as_a_whole() {
        for (text, expect) in [
            (
                "{\"serverId\": \"s-1\" // id\n}",
                "line 1, column 20: The CLI refuses this as --cli-input-json: JSON has no comments.",
            ),
            (
                "{\"serverId\": \"s-1\",}",
                "line 1, column 20: The CLI refuses this as --cli-input-json: JSON allows no comma",
            ),
            (
                "{}{}",
                "line 1, column 3: The CLI refuses this as --cli-input-json: there is more text",
            ),
            (
                "\u{feff}{}",
                "line 1, column 1: The CLI refuses this as --cli-input-json: it starts with a byte-order mark",
            ),
            (
                "  \n",
                "-: The CLI refuses this as --cli-input-json: it is empty.",
            ),
            (
                "[1, 2]",
                "line 1, column 1: The CLI refuses this as --cli-input-json: the document must be an object {…}, but it is a list.",
            ),
            ("null", "but it is null."),
            ("{\"a\":\n  tru}", "line 2, column"),
        ] {
            check(text, &Form::new(), &[expect]);
        }
    }

    #[test]
    fn duplicate_keys_keep_the_last_value() {
        check(
            r#"{"frequency": 1, "serverId": "s-1", "frequency": 2}"#,
            &Form::new()
                .with(Id::Frequency, "2")
                .with(Id::ServerId, "s-1"),
            &["key \"frequency\": \"frequency\" appears more than once"],
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_hints() {
        check(
            r#"{"ServerId": "s-1", "bogus": 1, "region": "us-east-1", "server-id": "x"}"#,
            &Form::new(),
            &[
                "key \"ServerId\": --cli-input-json has no member \"ServerId\"; the CLI refuses the document. Members are: serverId, seedReplicationTime, frequency, runOnce, licenseType, roleName, description, numberOfRecentAmisToKeep, encrypted, kmsKeyId. Did you mean \"serverId\"?",
                "key \"bogus\": --cli-input-json has no member \"bogus\"",
                "key \"region\": --cli-input-json has no member \"region\"; the CLI refuses the document. Members are: serverId, seedReplicationTime, frequency, runOnce, licenseType, roleName, description, numberOfRecentAmisToKeep, encrypted, kmsKeyId. Global options",
                "Did you mean \"serverId\"?",
            ],
        );
    }

    #[test]
    fn wrong_types_are_errors_but_the_text_is_kept() {
        check(
            r#"{"frequency": "12"}"#,
            &Form::new().with(Id::Frequency, "12"),
            &[
                "key \"frequency\": frequency must be a whole number without quotes or a fraction, but this is a string",
            ],
        );
        check(
            r#"{"frequency": 12.0}"#,
            &Form::new().with(Id::Frequency, "12.0"),
            &["this is a floating-point number"],
        );
        check(
            r#"{"frequency": true}"#,
            &Form::new().with(Id::Frequency, "true"),
            &["The CLI accepts true for a whole number and sends true"],
        );
        check(
            r#"{"runOnce": "true", "encrypted": 1}"#,
            &Form::new()
                .with(Id::RunOnce, "true")
                .with(Id::Encrypted, "1"),
            &[
                "runOnce must be true or false without quotes, but this is a string",
                "encrypted must be true or false without quotes, but this is an integer",
            ],
        );
        check(
            r#"{"description": 123, "roleName": null, "kmsKeyId": [1]}"#,
            &Form::new().with(Id::Description, "123"),
            &[
                "description must be a string (put quotes around it), but this is an integer",
                "roleName must be a string (put quotes around it), but this is null",
                "kmsKeyId must be a string (put quotes around it), but this is a list",
            ],
        );
        check(
            r#"{"description": ""}"#,
            &Form::new(),
            &["The CLI would send \"\", but the form cannot hold an empty value"],
        );
    }

    #[test]
    fn type_errors_are_errors_and_notes_are_not() {
        assert!(has_errors(&import(r#"{"frequency": "1"}"#).diagnostics));
        assert!(!has_errors(&import(r#"{"description": ""}"#).diagnostics));
        assert_eq!(first(&import("{}")), (None, ""));
    }

    proptest! {
        #[test]
        fn never_panics(text in ".*") {
            let _ = import(&text);
        }

        #[test]
        fn never_panics_on_json_like_text(text in r#"[{}\[\]",:a-zA-Z0-9 \n\\/.\-]*"#) {
            let _ = import(&text);
        }
    }
}
