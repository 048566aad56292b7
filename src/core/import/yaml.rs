//! The `--cli-input-yaml` importer.
//!
//! AWS CLI v2 loads the document with ruamel.yaml in safe mode, YAML 1.2: only
//! `true`/`false` (any of three casings) are booleans, `yes`/`on` stay text, `012` is twelve,
//! `0o12` ten, `0x1F` thirty-one, `1_000` a thousand, an unquoted `2026-11-25` is a date and an
//! unquoted `2026-11-25 10:00:00` a date and time. Duplicate keys, a second document and a tab
//! after `key:` make it refuse the whole document.
//!
//! `serde_yaml` checks the syntax and the structure, but it resolves plain scalars by other
//! rules and forgets whether a scalar was quoted. So for every top-level entry the importer
//! also looks at the raw text of the value: a quoted (or `!!str`, or block) scalar is text,
//! and a plain one is typed here by ruamel's YAML 1.2 rules.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::{Imported, Scalar, apply_member};

/// The option name used in messages.
const DOCUMENT: &str = "--cli-input-yaml";

/// Imports a `--cli-input-yaml` document.
pub fn import(text: &str) -> Imported {
    let mut form = Form::new();
    let mut diagnostics = Vec::new();
    let raw = scan(text);
    let refuse = |diags: &mut Vec<Diagnostic>, why: String, line: Option<(usize, usize)>| {
        let d = Diagnostic::general(
            Severity::Error,
            format!("The CLI refuses this as {DOCUMENT}: {why}"),
        );
        diags.push(match line {
            Some((line, column)) => d.at(format!("line {line}, column {column}")),
            None => d,
        });
    };
    if let Some(entry) = raw.iter().find(|e| e.tab_after_colon) {
        refuse(
            &mut diagnostics,
            "a tab follows the colon; YAML wants a space there.".into(),
            Some((entry.line, entry.value_column - 1)),
        );
        return Imported { form, diagnostics };
    }
    // A byte-order mark is fine for the CLI; serde_yaml misreads it before a second line.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = match serde_yaml::from_str::<serde_yaml::Value>(body) {
        Ok(value) => value,
        Err(e) => {
            let (why, at) = explain(text, &raw, &e);
            refuse(&mut diagnostics, why, at);
            return Imported { form, diagnostics };
        }
    };
    let mapping = match value {
        serde_yaml::Value::Mapping(mapping) => mapping,
        other => {
            let kind = match other {
                serde_yaml::Value::Null => "empty (or null)",
                serde_yaml::Value::Sequence(_) => "a list",
                _ => "a single value",
            };
            refuse(
                &mut diagnostics,
                format!("the document must be a mapping of key: value lines, but it is {kind}."),
                None,
            );
            return Imported { form, diagnostics };
        }
    };
    for (key, value) in &mapping {
        let key = match key {
            serde_yaml::Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_owned(),
        };
        let raw_value = raw.iter().find(|e| e.key == key).map(|e| &e.value);
        apply_member(
            &mut form,
            &mut diagnostics,
            DOCUMENT,
            &key,
            &typed(value, raw_value),
        );
    }
    Imported { form, diagnostics }
}

/// A sentence and a place for a `serde_yaml` error, naming the cases the CLI users meet.
fn explain(
    text: &str,
    raw: &[RawEntry],
    e: &serde_yaml::Error,
) -> (String, Option<(usize, usize)>) {
    let message = e.to_string();
    let at = e.location().map(|l| (l.line(), l.column()));
    if let Some(key) = message
        .strip_prefix("duplicate entry with key ")
        .map(|k| k.trim_matches('"'))
    {
        let second = raw
            .iter()
            .filter(|r| r.key == key)
            .nth(1)
            .map(|r| (r.line, 1));
        return (
            format!("the key {key} appears twice; YAML allows each key once."),
            second.or(at),
        );
    }
    if message.contains("more than one document") {
        let line = text
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.starts_with("---"))
            .map(|(i, _)| (i + 1, 1));
        return (
            "it holds more than one document; give exactly one.".into(),
            line.or(at),
        );
    }
    let message = message
        .split_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    (format!("invalid YAML ({message})."), at)
}

/// One top-level `key: value` line as written.
#[derive(Debug, Clone, PartialEq)]
struct RawEntry {
    key: String,
    /// 1-based line of the key.
    line: usize,
    /// 1-based column where the value starts.
    value_column: usize,
    value: RawValue,
    tab_after_colon: bool,
}

/// How a value was written.
#[derive(Debug, Clone, PartialEq)]
enum RawValue {
    /// Quoted, `!!str` or a block scalar: text whatever it looks like.
    Text,
    /// A plain scalar on the key's line, as written (comments removed).
    Plain(String),
    /// `!!binary`: bytes, which no member takes.
    Binary,
    /// Anything else (on later lines, an alias, another tag, a collection): trust `serde_yaml`.
    Unknown,
}

/// Finds the top-level entries of a block mapping. A flow mapping (`{…}`, e.g. JSON) has no
/// entries here, and then `serde_yaml`'s typing is used as is.
fn scan(text: &str) -> Vec<RawEntry> {
    let mut entries = Vec::new();
    let mut indent: Option<usize> = None;
    for (index, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let body = line.trim_start_matches(' ');
        let this_indent = line.len() - body.len();
        if body.is_empty()
            || body.starts_with('#')
            || body.starts_with("---")
            || body.starts_with("...")
            || body.starts_with('%')
        {
            continue;
        }
        match indent {
            None if body.starts_with('{') || body.starts_with('[') => return entries,
            None => indent = Some(this_indent),
            Some(i) if i != this_indent => continue,
            Some(_) => {}
        }
        let Some((key, after)) = split_key(body) else {
            continue;
        };
        let tab_after_colon = after.starts_with('\t');
        let value_text = after.trim_start_matches([' ', '\t']);
        let value_column = line.len() - value_text.len() + 1;
        entries.push(RawEntry {
            key,
            line: index + 1,
            value_column,
            value: classify(value_text),
            tab_after_colon,
        });
    }
    entries
}

/// Splits `key: rest` (plain or quoted key); `rest` starts right after the colon.
fn split_key(body: &str) -> Option<(String, &str)> {
    let (key, rest) = if let Some(inner) = body.strip_prefix('\'') {
        let end = inner.find('\'')?;
        (inner[..end].to_owned(), &inner[end + 1..])
    } else if let Some(inner) = body.strip_prefix('"') {
        let end = inner.find('"')?;
        (inner[..end].to_owned(), &inner[end + 1..])
    } else {
        let colon = body
            .char_indices()
            .find(|&(i, c)| {
                c == ':' && matches!(body[i + 1..].chars().next(), None | Some(' ' | '\t'))
            })
            .map(|(i, _)| i)?;
        (body[..colon].trim_end().to_owned(), &body[colon..])
    };
    let rest = rest.trim_start_matches(' ').strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, rest))
}

fn classify(value: &str) -> RawValue {
    let mut value = value;
    // An anchor names the value without changing it.
    if let Some(rest) = value.strip_prefix('&') {
        let end = rest.find([' ', '\t']).unwrap_or(rest.len());
        value = rest[end..].trim_start_matches([' ', '\t']);
    }
    if value.starts_with(['\'', '"', '|', '>']) {
        return RawValue::Text;
    }
    if let Some(tagged) = value.strip_prefix('!') {
        let tag = tagged.split([' ', '\t']).next().unwrap_or("");
        return match tag {
            "!str" => RawValue::Text,
            "!binary" => RawValue::Binary,
            _ => RawValue::Unknown,
        };
    }
    if value.is_empty() || value.starts_with(['#', '*', '[', '{']) {
        return RawValue::Unknown;
    }
    let end = value
        .match_indices(" #")
        .chain(value.match_indices("\t#"))
        .map(|(i, _)| i)
        .min()
        .unwrap_or(value.len());
    RawValue::Plain(value[..end].trim_end().to_owned())
}

/// The value as ruamel would type it, using the raw text where `serde_yaml`'s typing differs.
fn typed(value: &serde_yaml::Value, raw: Option<&RawValue>) -> Scalar {
    use serde_yaml::Value;
    match (value, raw) {
        (Value::Sequence(_), _) => Scalar::Other("a list"),
        (Value::Mapping(_), _) => Scalar::Other("a mapping"),
        (_, Some(RawValue::Binary)) => Scalar::Other("binary data"),
        (Value::String(s), Some(RawValue::Plain(_))) => resolve_plain(s),
        (_, Some(RawValue::Plain(text))) => resolve_plain(text),
        (Value::String(s), _) => Scalar::Str(s.clone()),
        (Value::Bool(b), _) => Scalar::Bool(*b),
        (Value::Null, _) => Scalar::Null,
        (Value::Number(n), _) if n.is_i64() || n.is_u64() => Scalar::Int(n.to_string()),
        (Value::Number(n), _) => Scalar::Float(n.to_string()),
        (Value::Tagged(tagged), _) => typed(&tagged.value, None),
    }
}

/// Types a plain scalar by ruamel.yaml's YAML 1.2 rules.
pub(crate) fn resolve_plain(text: &str) -> Scalar {
    match text {
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        // YAML's special `=` (value) and `<<` (merge) keys: ruamel cannot build them as values.
        "=" | "<<" => return Scalar::Other("a YAML special key"),
        _ => {}
    }
    if is_float(text) {
        return Scalar::Float(text.to_owned());
    }
    if let Some(int) = read_int(text) {
        return int;
    }
    if is_date(text) {
        return Scalar::Date(text.to_owned());
    }
    if is_datetime(text) {
        return Scalar::DateTime(text.to_owned());
    }
    Scalar::Str(text.to_owned())
}

fn digits_and(s: &str, extra: &str) -> bool {
    s.chars().all(|c| c.is_ascii_digit() || extra.contains(c))
}

fn strip_sign(s: &str) -> &str {
    s.strip_prefix(['+', '-']).unwrap_or(s)
}

/// `1.5`, `1.`, `1e3`, `.5`, `-.inf`, `.nan` (underscores allowed in the digits).
fn is_float(text: &str) -> bool {
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let s = strip_sign(text);
    if matches!(s, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let exponent_ok = |e: &str, sign_required: bool| {
        let digits = match e.strip_prefix(['+', '-']) {
            Some(d) => d,
            None if sign_required => return false,
            None => e,
        };
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    if let Some(fraction) = mantissa.strip_prefix('.') {
        // `.5`, `.5e+3`: the exponent needs a sign in this form.
        return !fraction.is_empty()
            && fraction.starts_with(|c: char| c.is_ascii_digit() || c == '_')
            && digits_and(fraction, "_")
            && exponent.is_none_or(|e| exponent_ok(e, true));
    }
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let whole_ok = whole.starts_with(|c: char| c.is_ascii_digit()) && digits_and(whole, "_");
    match (fraction, exponent) {
        (Some(f), e) => whole_ok && digits_and(f, "_") && e.is_none_or(|e| exponent_ok(e, false)),
        (None, Some(e)) => whole_ok && exponent_ok(e, false),
        (None, None) => false,
    }
}

/// `12`, `+12`, `012` (twelve), `0o12`, `0x1F`, `0b11`, `1_000` as a canonical decimal.
fn read_int(text: &str) -> Option<Scalar> {
    // ruamel tries the number rules only for scalars that start like a number.
    if !text.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '-') {
        return None;
    }
    let negative = text.starts_with('-');
    let s = strip_sign(text);
    let (radix, digits) = if let Some(d) = s.strip_prefix("0b") {
        (2, d)
    } else if let Some(d) = s.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = s.strip_prefix("0o") {
        (8, d)
    } else {
        (10, s)
    };
    if digits.is_empty() || !digits.chars().all(|c| c == '_' || c.is_digit(radix)) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        // ruamel matches `_` as a number and then fails to build it.
        return Some(Scalar::Other("an unreadable number"));
    }
    let magnitude = if radix == 10 {
        let trimmed = clean.trim_start_matches('0');
        if trimmed.is_empty() {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        }
    } else {
        u128::from_str_radix(&clean, radix).map_or_else(|_| clean.clone(), |n| n.to_string())
    };
    let sign = if negative && magnitude != "0" {
        "-"
    } else {
        ""
    };
    Some(Scalar::Int(format!("{sign}{magnitude}")))
}

/// `YYYY-MM-DD` exactly.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}

/// `YYYY-M-D` + `T`/spaces + `H:MM:SS` + optional fraction + optional zone.
fn is_datetime(text: &str) -> bool {
    fn digits(s: &str, min: usize, max: usize) -> Option<&str> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (min..=max).contains(&n).then(|| &s[n..])
    }
    let parse = || -> Option<()> {
        let s = digits(text, 4, 4)?.strip_prefix('-')?;
        let s = digits(s, 1, 2)?.strip_prefix('-')?;
        let s = digits(s, 1, 2)?;
        let s = if let Some(rest) = s.strip_prefix(['T', 't']) {
            rest
        } else {
            let rest = s.trim_start_matches([' ', '\t']);
            (rest.len() < s.len()).then_some(rest)?
        };
        let s = digits(s, 1, 2)?.strip_prefix(':')?;
        let s = digits(s, 2, 2)?.strip_prefix(':')?;
        let mut s = digits(s, 2, 2)?;
        if let Some(rest) = s.strip_prefix('.') {
            s = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        let s = s.trim_start_matches([' ', '\t']);
        if s.is_empty() || s == "Z" {
            return Some(());
        }
        let s = digits(s.strip_prefix(['+', '-'])?, 1, 2)?;
        if s.is_empty() {
            return Some(());
        }
        let s = digits(s.strip_prefix(':')?, 2, 2)?;
        s.is_empty().then_some(())
    };
    parse().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;
    use proptest::prelude::*;

    /// Imports and checks the form and the diagnostics' `location: message` lines.
    fn check(text: &str, form: &Form, expect: &[&str]) {
        let imported = import(text);
        assert_eq!(
            &imported.form, form,
            "{text:?}: {:#?}",
            imported.diagnostics
        );
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

    fn one(id: Id, value: &str) -> Form {
        Form::new().with(id, value)
    }

    #[test]
    fn plain_scalars_are_typed_like_yaml_1_2() {
        for (text, expected) in [
            ("yes", Scalar::Str("yes".into())),
            ("On", Scalar::Str("On".into())),
            ("n", Scalar::Str("n".into())),
            ("True", Scalar::Bool(true)),
            ("FALSE", Scalar::Bool(false)),
            ("012", Scalar::Int("12".into())),
            ("0o12", Scalar::Int("10".into())),
            ("0x1F", Scalar::Int("31".into())),
            ("0b11", Scalar::Int("3".into())),
            ("1_000", Scalar::Int("1000".into())),
            ("+12", Scalar::Int("12".into())),
            ("-0", Scalar::Int("0".into())),
            (
                "99999999999999999999",
                Scalar::Int("99999999999999999999".into()),
            ),
            ("0o8", Scalar::Str("0o8".into())),
            ("_", Scalar::Str("_".into())),
            ("_1", Scalar::Str("_1".into())),
            ("1_", Scalar::Int("1".into())),
            ("+_", Scalar::Other("an unreadable number")),
            ("._5", Scalar::Float("._5".into())),
            ("1e3", Scalar::Float("1e3".into())),
            ("1.0e3", Scalar::Float("1.0e3".into())),
            ("12.0", Scalar::Float("12.0".into())),
            (".5", Scalar::Float(".5".into())),
            (".5e3", Scalar::Str(".5e3".into())),
            ("-.inf", Scalar::Float("-.inf".into())),
            (".nan", Scalar::Float(".nan".into())),
            ("12:30", Scalar::Str("12:30".into())),
            ("~", Scalar::Null),
            ("Null", Scalar::Null),
            ("2026-11-25", Scalar::Date("2026-11-25".into())),
            ("2026-1-5", Scalar::Str("2026-1-5".into())),
            (
                "2026-11-25 10:00:00",
                Scalar::DateTime("2026-11-25 10:00:00".into()),
            ),
            (
                "2026-11-25T10:00:00Z",
                Scalar::DateTime("2026-11-25T10:00:00Z".into()),
            ),
            (
                "2026-11-25t1:00:00.5 +02:00",
                Scalar::DateTime("2026-11-25t1:00:00.5 +02:00".into()),
            ),
            ("2026-11-25 10:00", Scalar::Str("2026-11-25 10:00".into())),
            ("-x", Scalar::Str("-x".into())),
        ] {
            assert_eq!(resolve_plain(text), expected, "{text:?}");
        }
    }

    #[test]
    fn reads_a_whole_document() {
        let text = "---\n# job\nserverId: s-1234abcd   # the id\nseedReplicationTime: '2026-11-25'\nfrequency: 012\nrunOnce: True\nlicenseType: \"AWS\"\nroleName: &r sms\ndescription: |\n  two\n  lines\nnumberOfRecentAmisToKeep: 0x1F\nencrypted: false\nkmsKeyId: !!str 1234\n...\n";
        let form = Form::new()
            .with(Id::ServerId, "s-1234abcd")
            .with(Id::SeedReplicationTime, "2026-11-25")
            .with(Id::Frequency, "12")
            .with(Id::RunOnce, "true")
            .with(Id::LicenseType, "AWS")
            .with(Id::RoleName, "sms")
            .with(Id::Description, "two\nlines\n")
            .with(Id::NumberOfRecentAmisToKeep, "31")
            .with(Id::Encrypted, "false")
            .with(Id::KmsKeyId, "1234");
        check(text, &form, &[]);
    }

    #[test]
    fn json_text_crlf_bom_and_indentation_are_fine() {
        let expected = Form::new()
            .with(Id::ServerId, "s-1")
            .with(Id::Frequency, "12");
        for text in [
            "{\"serverId\": \"s-1\", \"frequency\": 12}",
            "\u{feff}serverId: s-1\r\nfrequency: 12\r\n",
            "  serverId: s-1\n  frequency: 12\n",
        ] {
            check(text, &expected, &[]);
        }
    }

    #[test]
    fn timestamps_follow_yaml_typing() {
        check(
            "seedReplicationTime: 2026-11-25 10:00:00\n",
            &one(Id::SeedReplicationTime, "2026-11-25 10:00:00"),
            &[],
        );
        check(
            "seedReplicationTime: 2026-11-25 10:00\n",
            &one(Id::SeedReplicationTime, "2026-11-25 10:00"),
            &[],
        );
        check(
            "seedReplicationTime: 1764064800\n",
            &one(Id::SeedReplicationTime, "1764064800"),
            &[],
        );
        check(
            "seedReplicationTime: 2026-11-25\n",
            &one(Id::SeedReplicationTime, "2026-11-25"),
            &["key \"seedReplicationTime\": seedReplicationTime: an unquoted 2026-11-25 is a date"],
        );
    }

    #[test]
    fn wrong_types_are_reported_like_the_cli() {
        check(
            "description: true\n",
            &one(Id::Description, "true"),
            &["description must be a string (put quotes around it), but this is a boolean"],
        );
        check(
            "description: 2026-11-25 10:00:00\n",
            &one(Id::Description, "2026-11-25 10:00:00"),
            &["but this is a date and time"],
        );
        check(
            "description: 1e3\n",
            &one(Id::Description, "1e3"),
            &["floating-point"],
        );
        check("description: yes\n", &one(Id::Description, "yes"), &[]);
        check(
            "runOnce: yes\n",
            &one(Id::RunOnce, "yes"),
            &["true or false"],
        );
        check(
            "runOnce: 'true'\n",
            &one(Id::RunOnce, "true"),
            &["but this is a string"],
        );
        check(
            "frequency: '12'\n",
            &one(Id::Frequency, "12"),
            &["but this is a string"],
        );
        check(
            "frequency: true\n",
            &one(Id::Frequency, "true"),
            &["sends true"],
        );
        check("roleName:\n", &Form::new(), &["but this is null"]);
        check("roleName: ~\n", &Form::new(), &["but this is null"]);
        check("roleName: [a, b]\n", &Form::new(), &["but this is a list"]);
        check(
            "roleName: !!binary aGVsbG8=\n",
            &Form::new(),
            &["binary data"],
        );
        check(
            "Frequency: 1\n",
            &Form::new(),
            &["Did you mean \"frequency\"?"],
        );
    }

    #[test]
    fn refuses_what_the_cli_refuses_as_a_whole() {
        for (text, expect) in [
            (
                "serverId: a\nserverId: b\n",
                "line 2, column 1: The CLI refuses this as --cli-input-yaml: the key serverId appears twice",
            ),
            (
                "serverId: a\n---\nfrequency: 1\n",
                "line 2, column 1: The CLI refuses this as --cli-input-yaml: it holds more than one document",
            ),
            (
                "serverId:\ts-1\n",
                "line 1, column 10: The CLI refuses this as --cli-input-yaml: a tab follows the colon",
            ),
            (
                "description: @x\n",
                "line 1, column 14: The CLI refuses this as --cli-input-yaml: invalid YAML (found character that cannot start any token",
            ),
            (
                "",
                "-: The CLI refuses this as --cli-input-yaml: the document must be a mapping of key: value lines, but it is empty",
            ),
            ("null\n", "but it is empty (or null)"),
            ("- 1\n", "but it is a list"),
            ("just text\n", "but it is a single value"),
        ] {
            check(text, &Form::new(), &[expect]);
        }
    }

    /// The venv `scripts/setup.sh` makes, with ruamel.yaml 0.17.21 (what CLI v2 uses).
    fn venv_python() -> std::path::PathBuf {
        let home = std::env::var_os("HOME").expect("HOME is not set");
        let python =
            std::path::Path::new(&home).join(".cache/sms-job-builder/awscli-1.42.30/bin/python");
        assert!(
            python.exists(),
            "{} is missing: run scripts/setup.sh",
            python.display()
        );
        python
    }

    /// One line per sample: ruamel's type name, then the value for an int; `error` when it
    /// cannot load `a: SAMPLE`.
    fn ruamel_types(samples: &[&str]) -> String {
        let script = "import sys, json\nfrom ruamel.yaml import YAML\ny = YAML(typ='safe')\n\
                      for line in sys.stdin.read().split('\\n'):\n\
                      \x20   try:\n\
                      \x20       v = y.load('a: ' + line)['a']\n\
                      \x20       t = type(v).__name__\n\
                      \x20       print(t + ' ' + (str(v) if t == 'int' else ''))\n\
                      \x20   except Exception as e:\n\
                      \x20       print('error')\n";
        let mut child = std::process::Command::new(venv_python())
            .args(["-c", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python runs");
        {
            use std::io::Write as _;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(samples.join("\n").as_bytes()).unwrap();
        }
        let output = child.wait_with_output().unwrap();
        String::from_utf8(output.stdout).unwrap()
    }

    /// Asks the real ruamel.yaml (safe loader, YAML 1.2) how it types each plain scalar, and
    /// compares with [`resolve_plain`].
    #[test]
    fn plain_scalar_typing_agrees_with_ruamel() {
        let samples = [
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "012",
            "09",
            "0o12",
            "0o8",
            "0x1F",
            "0x",
            "0b101",
            "0b",
            "1_000",
            "1_",
            "_1",
            "_",
            "+_",
            "+12",
            "-7",
            "-0",
            "+0",
            "1e3",
            "1E3",
            "1.0e3",
            "1e+3",
            "1.5",
            "1.",
            ".5",
            "._5",
            ".5e3",
            ".5e+3",
            "-.5",
            ".inf",
            "-.Inf",
            "+.INF",
            ".nan",
            ".NaN",
            "-.nan",
            "12:30",
            "1:2:3",
            "~",
            "null",
            "Null",
            "NULL",
            "nULL",
            "2026-11-25",
            "2026-1-5",
            "2026-11-25 10:00:00",
            "2026-11-25T10:00:00Z",
            "2026-11-25t10:00:00.5+02:00",
            "2026-11-25 10:00:00 -5",
            "2026-11-25  1:00:00",
            "2026-11-25 10:00",
            "20261125",
            "1e",
            "e3",
            "0x1g",
            "=",
            "-x",
            "s-1234abcd",
            "99999999999999999999",
            "1,000",
            "0.1.2",
            "+.5",
            "-1_0.5e-3",
        ];
        let stdout = ruamel_types(&samples);
        let answers: Vec<&str> = stdout.lines().collect();
        assert_eq!(answers.len(), samples.len(), "{stdout}");
        for (sample, answer) in samples.iter().zip(answers) {
            let ours = match resolve_plain(sample) {
                Scalar::Str(_) => "str ".to_owned(),
                Scalar::Int(n) => format!("int {n}"),
                Scalar::Float(_) => "float ".to_owned(),
                Scalar::Bool(_) => "bool ".to_owned(),
                Scalar::Null => "NoneType ".to_owned(),
                Scalar::Date(_) => "date ".to_owned(),
                Scalar::DateTime(_) => "datetime ".to_owned(),
                Scalar::Other(_) => "error".to_owned(),
            };
            assert_eq!(ours, answer, "{sample:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in ".*") {
            let _ = import(&text);
        }

        #[test]
        fn never_panics_on_yaml_like_text(text in "[a-zA-Z0-9:#'\"&!*|>{}\\[\\], \t\n.+_-]*") {
            let _ = import(&text);
        }
    }
}
