//! The call as a Python program with boto3.
//!
//! boto3 serializes the keyword arguments in the order they are written, with the CLI's own
//! JSON settings, so with the members in request order it sends the CLI's exact bytes. The seed
//! time is a `datetime` with `tzinfo=datetime.timezone.utc`, so the instant never depends on a
//! zone: botocore 1.40.30 happens to read a naive one as UTC (checked), but Python itself (e.g.
//! `datetime.timestamp()`) reads it in the machine's zone.

use std::fmt::Write as _;

use super::{
    BOTO3_VERSION, BOTOCORE_VERSION, Call, Global, Member, Sdk, Timeout, civil, negative_timeout,
    no_meaning, quoted, snake_name, time_out_of_range,
};
use crate::core::diagnostic::Diagnostic;
use crate::core::params::{OPERATION, RESPONSE_MEMBER, SUMMARY};
use crate::core::render::Rendered;
use crate::core::request::Value;

/// Writes `text` as a Python string literal that evaluates to exactly `text`.
///
/// Double quotes; `\`, `"`, line breaks, tab, every control character and the invisible
/// format characters of [`escaped_everywhere`](super::escaped_everywhere) as escapes (`\x00`, never `\0`, which a
/// following digit would extend); everything else, emoji included, as it is (Python reads
/// its source as UTF-8). A plain literal, never an f-string, so `{}` is only text.
pub fn string(text: &str) -> String {
    quoted(text, |out, c| {
        let n = u32::from(c);
        let _ = match n {
            0..=0xff => write!(out, "\\x{n:02x}"),
            0x100..=0xffff => write!(out, "\\u{n:04x}"),
            _ => write!(out, "\\U{n:08x}"),
        };
    })
}

/// Writes the program.
pub(crate) fn render(call: &Call<'_>) -> Rendered {
    let mut notes = Vec::new();
    let mut out = String::with_capacity(2048);
    let _ = write!(
        out,
        "#!/usr/bin/env python3\n\
         \"\"\"{SUMMARY}: {}.\n\
         \n\
         Written by SMS Job Builder. AWS retired {}; boto3 {BOTO3_VERSION} with botocore \
         {BOTOCORE_VERSION} are the\n\
         last releases that have its client:\n\
         \n\
         \x20   python3 -m pip install boto3=={BOTO3_VERSION} botocore=={BOTOCORE_VERSION}\n\
         \x20   python3 {}\n\
         \"\"\"\n\n",
        OPERATION.name,
        OPERATION.metadata.service_id,
        Sdk::Python.file_name()
    );
    let times = call
        .members
        .iter()
        .any(|m| matches!(m.value, Value::Time(s) if civil(*s).is_some()));
    if times {
        out.push_str("import datetime\n\n");
    }
    out.push_str("import boto3\n");
    let timeouts = timeout_arguments(call, &mut notes);
    if timeouts.iter().any(|t| t.starts_with(char::is_alphabetic)) {
        out.push_str("from botocore.config import Config\n");
    }
    out.push('\n');
    client(call, &timeouts, &mut out);
    comments(call, &mut out);

    let _ = write!(out, "response = client.{}(", snake_name(OPERATION));
    if !call.members.is_empty() {
        out.push('\n');
    }
    for member in &call.members {
        argument(member, &mut out, &mut notes);
    }
    let _ = writeln!(out, ")\nprint(response[{}])", string(RESPONSE_MEMBER));
    Rendered { text: out, notes }
}

/// The `Config(...)` arguments for the timeouts (`read_timeout=30,  # --cli-read-timeout`),
/// or comments for those left out.
fn timeout_arguments(call: &Call<'_>, notes: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut lines = Vec::new();
    for (global, keyword) in [
        (Global::ReadTimeout, "read_timeout"),
        (Global::ConnectTimeout, "connect_timeout"),
    ] {
        let Some(seconds) = call.number(global) else {
            continue;
        };
        let flag = call.flag(global);
        match Timeout::of(seconds) {
            Timeout::Unlimited => lines.push(format!("{keyword}=None,  # --{flag} 0: no limit")),
            Timeout::Seconds(s) => lines.push(format!("{keyword}={s},  # --{flag}")),
            Timeout::Negative(n) => {
                let (text, note) = negative_timeout(flag, n);
                lines.push(format!("# {text}"));
                notes.push(note);
            }
        }
    }
    lines
}

/// `client = boto3.client("sms", ...)`, through a session when a profile is named.
fn client(call: &Call<'_>, timeouts: &[String], out: &mut String) {
    let mut arguments = Vec::new();
    match call.text(Global::Region) {
        Some(region) => arguments.push(format!(
            "region_name={},  # --{}",
            string(region),
            call.flag(Global::Region)
        )),
        None => out.push_str(
            "# No --region: boto3 takes the Region from AWS_DEFAULT_REGION or the profile, as \
             the CLI does.\n",
        ),
    }
    if let Some(url) = call.text(Global::Endpoint) {
        arguments.push(format!(
            "endpoint_url={},  # --{}",
            string(url),
            call.flag(Global::Endpoint)
        ));
    }
    if !timeouts.is_empty() {
        let set = timeouts.iter().any(|t| t.starts_with(char::is_alphabetic));
        if set {
            arguments.push("config=Config(".to_owned());
        }
        for line in timeouts {
            arguments.push(format!("    {line}"));
        }
        if set {
            arguments.push("),".to_owned());
        }
    }
    let maker = match call.text(Global::Profile) {
        Some(profile) => {
            let _ = writeln!(
                out,
                "# --{}: credentials and settings from this named profile.\n\
                 session = boto3.session.Session(profile_name={})",
                call.flag(Global::Profile),
                string(profile)
            );
            "session.client"
        }
        None => "boto3.client",
    };
    if arguments.is_empty() {
        let _ = writeln!(
            out,
            "client = {maker}(\"{}\")\n",
            OPERATION.metadata.cli_name
        );
        return;
    }
    let _ = writeln!(
        out,
        "client = {maker}(\n    \"{}\",",
        OPERATION.metadata.cli_name
    );
    for argument in arguments {
        let _ = writeln!(out, "    {argument}");
    }
    out.push_str(")\n\n");
}

/// The CLI options boto3 has no setting for, each with its nearest equivalent.
fn comments(call: &Call<'_>, out: &mut String) {
    for option in no_meaning(call, string) {
        let flag = option.flag;
        let literal = option.literal.unwrap_or_default();
        let _ = match option.global {
            Global::Output => writeln!(
                out,
                "# --{flag} {literal}: how the CLI prints its answer; this program prints the \
                 new job's ID alone."
            ),
            Global::Query if option.raw == Some(RESPONSE_MEMBER) => writeln!(
                out,
                "# --{flag} {literal}: the print below reads the same member of the answer."
            ),
            Global::Query => writeln!(
                out,
                "# --{flag} {literal}: the CLI filters its answer with this JMESPath \
                 expression; the nearest here is\n\
                 # jmespath.search({literal}, response) (jmespath comes with botocore)."
            ),
            Global::Debug => writeln!(
                out,
                "# --{flag}: the nearest is botocore's debug log on stderr: import logging, \
                 then call\n\
                 # boto3.set_stream_logger(\"\", logging.DEBUG) before the client is made."
            ),
            _ => writeln!(
                out,
                "# --{flag}: nothing to do; a program's output is never paged."
            ),
        };
    }
}

/// One keyword argument (`    serverId="s-1",`), or a comment when the value cannot be given.
fn argument(member: &Member<'_>, out: &mut String, notes: &mut Vec<Diagnostic>) {
    let name = member.name;
    let _ = match member.value {
        Value::Text(text) => writeln!(out, "    {name}={},", string(text)),
        Value::Integer(n) => writeln!(out, "    {name}={n},"),
        Value::Bool(b) => writeln!(out, "    {name}={},", if *b { "True" } else { "False" }),
        Value::Switch => writeln!(out, "    {name}=True,"),
        Value::Time(seconds) => {
            if let Some([y, mo, d, h, mi, s]) = civil(*seconds) {
                writeln!(
                    out,
                    "    {name}=datetime.datetime({y}, {mo}, {d}, {h}, {mi}, {s}, \
                     tzinfo=datetime.timezone.utc),  # {seconds} s since 1970"
                )
            } else {
                let (text, note) = time_out_of_range(member, *seconds);
                notes.push(note);
                writeln!(out, "    # {text}")
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_python_would_read_otherwise() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(
            string("say \"hi\" \\ {x} ${y}"),
            r#""say \"hi\" \\ {x} ${y}""#
        );
        assert_eq!(string("a\nb\rc\td"), r#""a\nb\rc\td""#);
        assert_eq!(string("\0 1"), r#""\x00 1""#);
        assert_eq!(string("\u{0}1"), r#""\x001""#);
        assert_eq!(string("\u{85}\u{2028}\u{2029}"), r#""\x85\u2028\u2029""#);
        assert_eq!(string("\u{202e}x\u{200b}"), r#""\u202ex\u200b""#);
        assert_eq!(string("é😀日本"), "\"é😀日本\"");
        assert_eq!(string("\u{e0001}"), "\"\u{e0001}\"");
    }
}
