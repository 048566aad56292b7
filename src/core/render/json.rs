//! The `--cli-input-json` document, and the JSON writing the other outputs share.
//!
//! Every JSON text the tool writes is pure ASCII: anything outside the printable range is a
//! `\uXXXX` escape, exactly as Python's `json.dumps` writes it by default. That makes the HTTP
//! body byte-identical to what the CLI sends, and lets a document survive any code page or
//! locale (a Windows console, `Set-Content -Encoding ascii`, a cmd.exe batch file).

use std::fmt::Write as _;

use crate::core::request::{Request, Value};
use crate::core::timestamp;

/// How a timestamp is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Times {
    /// Whole epoch seconds, as the CLI puts them on the wire.
    Epoch,
    /// `2026-11-25T10:00:00Z`, as a person writes them in an input document.
    Utc,
}

/// Appends `text` as a JSON string the way Python's `json.dumps` does with `ensure_ascii`.
///
/// `also` lists extra ASCII characters to write as `\u00XX` escapes (JSON allows escaping any
/// character), which cmd.exe needs for `%` and `!`.
pub(crate) fn push_string(out: &mut String, text: &str, also: &[char]) {
    out.reserve(text.len() + 2);
    out.push('"');
    // Runs of characters that need no escape are copied as whole slices: a long description
    // is mostly such a run, and this runs on every keystroke for three outputs.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\' && !also.contains(&char::from(b)) {
            at += 1;
            continue;
        }
        out.push_str(&text[run..at]);
        // `at` is on a character boundary: only ASCII bytes were stepped over.
        let c = text[at..].chars().next().unwrap_or_default();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
        at += c.len_utf8();
        run = at;
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// Writes one value as JSON.
pub(crate) fn push_value(out: &mut String, value: &Value, times: Times, also: &[char]) {
    match value {
        Value::Text(text) => push_string(out, text, also),
        Value::Integer(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Time(seconds) => match times {
            Times::Epoch => {
                let _ = write!(out, "{seconds}");
            }
            Times::Utc => push_string(out, &timestamp::format_utc(*seconds), also),
        },
        // A switch is a global option and never part of a document; write it as `true` so
        // the function stays total.
        Value::Switch => out.push_str("true"),
    }
}

/// The members as one line in model order: `{"serverId": "s-1", "frequency": 12}` with
/// Python's default separators when `spaced`, else `{"serverId":"s-1","frequency":12}`.
pub(crate) fn one_line(request: &Request, times: Times, also: &[char], spaced: bool) -> String {
    let (comma, colon) = if spaced { (", ", ": ") } else { (",", ":") };
    let mut out = String::from("{");
    for (i, (member, _, value)) in request.members().enumerate() {
        if i > 0 {
            out.push_str(comma);
        }
        push_string(&mut out, member, &[]);
        out.push_str(colon);
        push_value(&mut out, value, times, also);
    }
    out.push('}');
    out
}

/// Members as an indented document, like Python's `json.dumps(obj, indent=4)` plus a newline.
pub(crate) fn indented<'a>(members: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let lines: Vec<String> = members
        .into_iter()
        .map(|(member, value)| {
            let mut line = String::from("    ");
            push_string(&mut line, member, &[]);
            line.push_str(": ");
            line.push_str(&value);
            line
        })
        .collect();
    if lines.is_empty() {
        return "{}\n".to_owned();
    }
    format!("{{\n{}\n}}\n", lines.join(",\n"))
}

/// Renders the document: 4-space indent, model order, only members that are set, timestamps
/// as ISO 8601 UTC strings, ASCII only, with a final newline.
pub fn render(request: &Request) -> String {
    indented(request.members().map(|(member, _, value)| {
        let mut text = String::new();
        push_value(&mut text, value, Times::Utc, &[]);
        (member, text)
    }))
}

/// The same document on one line, for an inline `--cli-input-json` argument.
pub fn compact(request: &Request) -> String {
    one_line(request, Times::Utc, &[], true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params;
    use proptest::prelude::*;

    fn text(s: &str) -> String {
        let mut out = String::new();
        push_string(&mut out, s, &[]);
        out
    }

    fn request(entries: &[(&str, Value)]) -> Request {
        Request::new(
            entries
                .iter()
                .map(|(flag, v)| (params::by_flag(flag).unwrap(), v.clone())),
        )
    }

    #[test]
    fn strings_are_escaped_like_python_ensure_ascii() {
        assert_eq!(text("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(text("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(text("\u{1}\u{1f}\u{7f}"), r#""\u0001\u001f\u007f""#);
        assert_eq!(text("é\u{a0}😀"), r#""\u00e9\u00a0\ud83d\ude00""#);
        assert_eq!(text("/'<>&"), r#""/'<>&""#);
        let mut cmd = String::new();
        push_string(&mut cmd, "100%!", &['%', '!']);
        assert_eq!(cmd, r#""100\u0025\u0021""#);
    }

    #[test]
    fn document_is_indented_in_model_order_with_utc_times() {
        let r = request(&[
            ("description", Value::Text("Nächte".into())),
            ("region", Value::Text("us-east-1".into())),
            ("encrypted", Value::Bool(false)),
            ("seed-replication-time", Value::Time(1_795_600_800)),
            ("server-id", Value::Text("s-1".into())),
            ("frequency", Value::Integer(-3)),
        ]);
        assert_eq!(
            render(&r),
            "{\n    \"serverId\": \"s-1\",\n    \"seedReplicationTime\": \"2026-11-25T10:00:00Z\",\n    \"frequency\": -3,\n    \"description\": \"N\\u00e4chte\",\n    \"encrypted\": false\n}\n"
        );
        assert_eq!(
            compact(&r),
            r#"{"serverId": "s-1", "seedReplicationTime": "2026-11-25T10:00:00Z", "frequency": -3, "description": "N\u00e4chte", "encrypted": false}"#
        );
        assert_eq!(render(&Request::default()), "{}\n");
    }

    /// The rule stated one character at a time: the oracle for the run-copying writer.
    fn one_by_one(text: &str, also: &[char]) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                ' '..='~' if !also.contains(&c) => out.push(c),
                _ => {
                    for unit in c.encode_utf16(&mut [0u16; 2]) {
                        let _ = write!(out, "\\u{unit:04x}");
                    }
                }
            }
        }
        out.push('"');
        out
    }

    proptest! {
        #[test]
        fn copying_runs_writes_what_escaping_each_character_writes(
            s in "\\PC*|[\\x00-\\x7f]*|[a-z%!\"\\\\é😀\n]*",
        ) {
            for also in [&[][..], &['%', '!'][..]] {
                let mut out = String::new();
                push_string(&mut out, &s, also);
                prop_assert_eq!(out, one_by_one(&s, also));
            }
        }

        #[test]
        fn any_string_reads_back_through_serde_json(s in "\\PC*|[\\x00-\\x7f]*") {
            let json = text(&s);
            prop_assert!(json.is_ascii());
            let back: String = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, s);
        }
    }
}
