//! The `--cli-input-yaml` document.
//!
//! AWS CLI v2 reads it with a YAML 1.2 loader, older tools with YAML 1.1 ones, and the two
//! disagree about many plain words (`yes`, `012`, `12:30`, ...). So a string is written plain
//! only when it is clearly a string in both; otherwise in single quotes when it is printable
//! ASCII, otherwise in double quotes with escapes (which keeps the file ASCII).

use std::fmt::Write as _;

use crate::core::request::{Request, Value};
use crate::core::timestamp;

/// Words some YAML version reads as a boolean or null, compared without case.
const RESERVED_WORDS: &[&str] = &[
    "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
];

/// True when `text` can be written without quotes and every YAML 1.1 or 1.2 reader gets the
/// same string back.
///
/// The first character must be a letter or one of a few inert symbols: every number, date,
/// time, `.inf`/`.nan`, indicator, `=` (1.1 value key), `<<` (merge key) and document marker
/// starts with something else. The rest must be printable ASCII without `#` or `: ` and must
/// not end in `:` or a space.
pub fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    (first.is_ascii_alphabetic() || "_/$(^".contains(first))
        && text.chars().all(|c| matches!(c, ' '..='~') && c != '#')
        && !text.contains(": ")
        && !text.ends_with([':', ' '])
        && !RESERVED_WORDS.iter().any(|w| w.eq_ignore_ascii_case(text))
}

/// Writes a string as a YAML scalar that reads back as exactly this string.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        return text.to_owned();
    }
    if text.chars().all(|c| matches!(c, ' '..='~')) {
        return format!("'{}'", text.replace('\'', "''"));
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            '\0'..='\u{ffff}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            _ => {
                let _ = write!(out, "\\U{:08x}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// Renders the document so that YAML 1.2 and YAML 1.1 readers get exactly the same values:
/// one `member: value` line per set member in model order (`{}` when none is set).
pub fn render(request: &Request) -> String {
    let mut out = String::new();
    for (member, _, value) in request.members() {
        let text = match value {
            Value::Text(text) => scalar(text),
            Value::Integer(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            // Quoted: an unquoted date-time is a YAML timestamp, which not every reader keeps.
            Value::Time(seconds) => format!("'{}'", timestamp::format_utc(*seconds)),
            Value::Switch => "true".to_owned(),
        };
        let _ = writeln!(out, "{member}: {text}");
    }
    if out.is_empty() {
        out.push_str("{}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params;
    use proptest::prelude::*;

    fn reads_back(text: &str) -> serde_yaml::Value {
        let doc = format!("k: {}\n", scalar(text));
        let map: serde_yaml::Mapping =
            serde_yaml::from_str(&doc).unwrap_or_else(|e| panic!("{doc:?} does not parse: {e}"));
        map.get("k").unwrap().clone()
    }

    #[test]
    fn ambiguous_words_are_quoted() {
        for text in [
            "true",
            "False",
            "YES",
            "no",
            "On",
            "off",
            "y",
            "N",
            "null",
            "Null",
            "~",
            "012",
            "0o12",
            "0x1F",
            "1_000",
            "+12",
            "-12",
            "1e3",
            ".inf",
            "-.inf",
            ".NaN",
            "12:30",
            "2026-11-25",
            "2026-11-25 10:00:00",
            "@x",
            "`x",
            "%x",
            "&a",
            "*a",
            "!x",
            "|",
            ">",
            "'q",
            "\"q",
            "#c",
            "-",
            "- x",
            "?",
            "? x",
            ":",
            ":x",
            "[a]",
            "{a: 1}",
            ",",
            "a: b",
            "a #b",
            " a",
            "a ",
            "",
            "=",
            "<<",
            "---",
            "...",
            "a:",
            "a\tb",
            "a\nb",
            "é",
        ] {
            assert!(!is_plain_safe(text), "{text:?} must be quoted");
            assert_eq!(
                reads_back(text),
                serde_yaml::Value::String(text.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn clearly_safe_strings_stay_plain_and_quotes_prefer_single() {
        for text in [
            "s-12345678",
            "alias/my-key",
            "Nightly job, keep 5",
            "a:b",
            "arn:aws:kms:us-east-1:111122223333:key/x",
            "yes please",
            "nulls",
        ] {
            assert_eq!(scalar(text), text);
        }
        assert_eq!(scalar("it's"), "it's");
        assert_eq!(scalar("'it's'"), "'''it''s'''");
        assert_eq!(scalar("012"), "'012'");
        assert_eq!(
            scalar("a\tb\né\u{a0}😀\u{7f}\\\""),
            r#""a\tb\n\u00e9\u00a0\U0001f600\u007f\\\"""#
        );
    }

    #[test]
    fn document_has_model_order_and_quoted_times() {
        let r = Request::new([
            (params::by_flag("encrypted").unwrap(), Value::Bool(true)),
            (params::by_flag("profile").unwrap(), Value::Text("p".into())),
            (params::by_flag("frequency").unwrap(), Value::Integer(12)),
            (
                params::by_flag("seed-replication-time").unwrap(),
                Value::Time(1_795_600_800),
            ),
            (
                params::by_flag("server-id").unwrap(),
                Value::Text("on".into()),
            ),
        ]);
        assert_eq!(
            render(&r),
            "serverId: 'on'\nseedReplicationTime: '2026-11-25T10:00:00Z'\nfrequency: 12\nencrypted: true\n"
        );
        assert_eq!(render(&Request::default()), "{}\n");
    }

    proptest! {
        #[test]
        fn any_string_reads_back_as_the_same_string(s in "\\PC*|[\\x01-\\x7f]*|[ -~]{0,6}") {
            let value = reads_back(&s);
            prop_assert_eq!(value, serde_yaml::Value::String(s.clone()));
            prop_assert!(scalar(&s).is_ascii());
        }
    }
}
