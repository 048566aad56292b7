//! The call as a JavaScript ES module with the AWS SDK for JavaScript v3 (Node.js).
//!
//! The client sends the same JSON value as the CLI, written its own way (keys sorted, no
//! spaces, raw UTF-8). Its `Date` is built from the whole second the CLI sends: the client
//! rounds a fraction where the CLI floors it. A number is exact only up to 2^53 − 1, so a
//! larger integer cannot be sent and is left out with a note.

use std::fmt::Write as _;

use super::{
    Call, Global, JS_CLIENT_VERSION, Member, Sdk, Timeout, js_client, js_command, js_package,
    negative_timeout, no_meaning, quoted, time_out_of_range,
};
use crate::core::diagnostic::Diagnostic;
use crate::core::params::{OPERATION, RESPONSE_MEMBER, SUMMARY};
use crate::core::render::Rendered;
use crate::core::request::Value;
use crate::core::timestamp;

/// The largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The longest delay a Node.js timer can wait, in milliseconds (2^31 − 1); a longer one
/// fires at once.
const MAX_TIMER_MS: u64 = (1 << 31) - 1;

/// Writes `text` as a JavaScript string literal that evaluates to exactly `text`.
///
/// Double quotes (never a template literal, so `${…}` is only text); `\`, `"`, line breaks
/// (also U+2028 and U+2029, which end a `//` comment), tab, every control character and the
/// invisible format characters of [`escaped_everywhere`](super::escaped_everywhere) as escapes (`\x00`, never `\0`,
/// which a following digit would turn into an octal escape that modules refuse); everything
/// else, emoji included, as it is (Node.js reads a module as UTF-8).
pub fn string(text: &str) -> String {
    quoted(text, |out, c| {
        let n = u32::from(c);
        let _ = match n {
            0..=0xff => write!(out, "\\x{n:02x}"),
            0x100..=0xffff => write!(out, "\\u{n:04x}"),
            _ => write!(out, "\\u{{{n:x}}}"),
        };
    })
}

/// True when the SDK exports a constant for this value of an enum member.
fn named_value<'a>(member: &Member<'a>) -> Option<&'a str> {
    match member.value {
        Value::Text(t) if member.is_enum() && member.param.choices().contains(&t.as_str()) => {
            Some(t)
        }
        _ => None,
    }
}

/// Writes the program.
pub(crate) fn render(call: &Call<'_>) -> Rendered {
    let mut notes = Vec::new();
    let mut out = String::with_capacity(2048);
    let _ = write!(
        out,
        "// {SUMMARY}: {name}.\n\
         //\n\
         // Written by SMS Job Builder. AWS retired {id}; {package} {JS_CLIENT_VERSION} \
         still has its\n\
         // client. An ES module for Node.js 18 or later:\n\
         //\n\
         //     npm install {package}@{JS_CLIENT_VERSION}\n\
         //     node {file}\n\n",
        name = OPERATION.name,
        id = OPERATION.metadata.service_id,
        package = js_package(OPERATION.metadata),
        file = Sdk::JavaScript.file_name()
    );
    // In alphabetical order: the command, the enum if a named value is used, the client.
    let enum_type = call
        .members
        .iter()
        .find(|m| named_value(m).is_some())
        .map(|m| format!("{}, ", m.enum_type()))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "import {{ {}, {enum_type}{} }} from \"{}\";\n",
        js_command(OPERATION),
        js_client(OPERATION.metadata),
        js_package(OPERATION.metadata)
    );
    if let Some(profile) = call.text(Global::Profile) {
        let _ = writeln!(
            out,
            "// --{}: this client release has no profile setting; AWS_PROFILE chooses the \
             profile for\n\
             // credentials and Region alike, as the CLI option does.\n\
             process.env.AWS_PROFILE = {};\n",
            call.flag(Global::Profile),
            string(profile)
        );
    }
    client(call, &mut out, &mut notes);
    comments(call, &mut out);

    let _ = write!(
        out,
        "const output = await client.send(\n  new {}({{",
        js_command(OPERATION)
    );
    if !call.members.is_empty() {
        out.push('\n');
    }
    for member in &call.members {
        property(member, &mut out, &mut notes);
    }
    if !call.members.is_empty() {
        out.push_str("  ");
    }
    let _ = writeln!(out, "}}),\n);\nconsole.log(output.{RESPONSE_MEMBER});");
    Rendered { text: out, notes }
}

/// `const client = new SMSClient({ ... });`
fn client(call: &Call<'_>, out: &mut String, notes: &mut Vec<Diagnostic>) {
    let mut lines = Vec::new();
    match call.text(Global::Region) {
        Some(region) => lines.push(format!(
            "region: {}, // --{}",
            string(region),
            call.flag(Global::Region)
        )),
        None => out.push_str(
            "// No --region: the client takes it from AWS_REGION (unlike the CLI, not from \
             AWS_DEFAULT_REGION)\n// or the profile.\n",
        ),
    }
    if let Some(url) = call.text(Global::Endpoint) {
        lines.push(format!(
            "endpoint: {}, // --{}",
            string(url),
            call.flag(Global::Endpoint)
        ));
    }
    let mut handler = Vec::new();
    for (global, key) in [
        (Global::ReadTimeout, "requestTimeout"),
        (Global::ConnectTimeout, "connectionTimeout"),
    ] {
        let Some(seconds) = call.number(global) else {
            continue;
        };
        let flag = call.flag(global);
        match Timeout::of(seconds) {
            Timeout::Unlimited => handler.push(format!("{key}: 0, // --{flag} 0: no limit")),
            Timeout::Seconds(s) if s.saturating_mul(1000) <= MAX_TIMER_MS => {
                handler.push(format!("{key}: {}, // --{flag}, in milliseconds", s * 1000));
            }
            Timeout::Seconds(s) => {
                let text = format!(
                    "--{flag} {s}: longer than a Node.js timer can wait (about 24.8 days), so no limit"
                );
                handler.push(format!("{key}: 0, // {text}"));
                notes.push(Diagnostic::info(flag, format!("JavaScript: {text}.")));
            }
            Timeout::Negative(n) => {
                let (text, note) = negative_timeout(flag, n);
                handler.push(format!("// {text}"));
                notes.push(note);
            }
        }
    }
    if !handler.is_empty() {
        lines.push("requestHandler: {".to_owned());
        lines.extend(handler.into_iter().map(|l| format!("  {l}")));
        lines.push("},".to_owned());
    }
    if lines.is_empty() {
        let _ = writeln!(
            out,
            "const client = new {}({{}});\n",
            js_client(OPERATION.metadata)
        );
        return;
    }
    let _ = writeln!(
        out,
        "const client = new {}({{",
        js_client(OPERATION.metadata)
    );
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
    out.push_str("});\n\n");
}

/// The CLI options the client has no setting for, each with its nearest equivalent.
fn comments(call: &Call<'_>, out: &mut String) {
    for option in no_meaning(call, string) {
        let flag = option.flag;
        let literal = option.literal.unwrap_or_default();
        let _ = match option.global {
            Global::Output => writeln!(
                out,
                "// --{flag} {literal}: how the CLI prints its answer; this program prints the \
                 new job's ID alone."
            ),
            Global::Query if option.raw == Some(RESPONSE_MEMBER) => writeln!(
                out,
                "// --{flag} {literal}: the console.log below reads the same member of the answer."
            ),
            Global::Query => writeln!(
                out,
                "// --{flag} {literal}: the CLI filters its answer with this JMESPath \
                 expression; the nearest here\n\
                 // is to read those members of `output`."
            ),
            Global::Debug => writeln!(
                out,
                "// --{flag}: the nearest is the client's log: add `logger: console` to the \
                 {} settings.",
                js_client(OPERATION.metadata)
            ),
            _ => writeln!(
                out,
                "// --{flag}: nothing to do; a program's output is never paged."
            ),
        };
    }
}

/// One property of the command's input (`    serverId: "s-1",`), or a comment when the value
/// cannot be sent.
fn property(member: &Member<'_>, out: &mut String, notes: &mut Vec<Diagnostic>) {
    let name = member.name;
    let _ = match member.value {
        Value::Text(_) if named_value(member).is_some() => writeln!(
            out,
            "    {name}: {}.{},",
            member.enum_type(),
            named_value(member).unwrap_or_default()
        ),
        Value::Text(text) => writeln!(out, "    {name}: {},", string(text)),
        Value::Integer(n) if (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(n) => {
            writeln!(out, "    {name}: {n},")
        }
        Value::Integer(n) => {
            let text = format!(
                "{name}: {n} is beyond 2^53 - 1, the largest whole number a JavaScript number \
                 holds exactly, so it is left out."
            );
            notes.push(Diagnostic::error(
                member.param.flag,
                format!("JavaScript: {text}"),
            ));
            writeln!(out, "    // {text}")
        }
        Value::Bool(b) => writeln!(out, "    {name}: {b},"),
        Value::Switch => writeln!(out, "    {name}: true,"),
        Value::Time(seconds) if super::civil(*seconds).is_some() => writeln!(
            out,
            "    {name}: new Date(\"{}\"), // {seconds} s since 1970",
            timestamp::format_utc(*seconds)
        ),
        Value::Time(seconds) => {
            let (text, note) = time_out_of_range(member, *seconds);
            notes.push(note);
            writeln!(out, "    // {text}")
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_javascript_would_read_otherwise() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(
            string("say \"hi\" \\ ${y} `x`"),
            r#""say \"hi\" \\ ${y} `x`""#
        );
        assert_eq!(string("a\nb\rc\td"), r#""a\nb\rc\td""#);
        assert_eq!(string("\u{0}1"), r#""\x001""#);
        assert_eq!(string("\u{2028}\u{2029}\u{85}"), r#""\u2028\u2029\x85""#);
        assert_eq!(string("é😀"), "\"é😀\"");
        assert_eq!(string("</script>"), "\"</script>\"");
    }
}
