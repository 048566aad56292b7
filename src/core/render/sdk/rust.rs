//! The call as a Rust program with the AWS SDK for Rust on tokio.
//!
//! The client sends the same JSON value as the CLI (compact, keys in model order, raw UTF-8).
//! Its `DateTime` is built from whole seconds: one with a fraction would send the fraction.
//! The SDK takes the two integer members as `i32`, so a larger one cannot be sent and is left
//! out with a note. The `Cargo.toml` lines the program needs are in its first comment, so the
//! shown text is one file, `main.rs`.

use std::fmt::Write as _;

use super::{
    Call, Global, Member, RUST_CONFIG_VERSION, RUST_SDK_VERSION, Timeout, civil, negative_timeout,
    no_meaning, quoted, rust_crate, rust_package, snake_case, snake_name, time_out_of_range,
    upper_camel,
};
use crate::core::diagnostic::Diagnostic;
use crate::core::params::{Kind, OPERATION, RESPONSE_MEMBER, SUMMARY};
use crate::core::render::Rendered;
use crate::core::request::Value;
use crate::core::timestamp;

/// Writes `text` as a Rust string literal that evaluates to exactly `text`.
///
/// `\`, `"`, line breaks, tab, NUL (`\0`; Rust has no octal escapes), every other control
/// character and the invisible format characters of [`escaped_everywhere`](super::escaped_everywhere) (which `rustc`
/// refuses in a literal when they change the text's direction) as escapes; everything else,
/// emoji included, as it is. A plain literal passed as a value, never a format string, so
/// `{}` is only text.
pub fn string(text: &str) -> String {
    quoted(text, |out, c| {
        let _ = match c {
            '\0' => write!(out, "\\0"),
            c => write!(out, "\\u{{{:x}}}", u32::from(c)),
        };
    })
}

/// The `[dependencies]` lines a user's `Cargo.toml` needs (the crates' default features).
pub fn dependencies() -> String {
    format!(
        "[dependencies]\n\
         aws-config = {{ version = \"{RUST_CONFIG_VERSION}\", features = [\"behavior-version-latest\"] }}\n\
         {} = \"{RUST_SDK_VERSION}\"\n\
         tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n",
        rust_package(OPERATION.metadata)
    )
}

/// The value of an enum member as the SDK's variant, when it is one the model names.
fn variant(member: &Member<'_>) -> Option<String> {
    match member.value {
        Value::Text(t) if member.is_enum() && member.param.choices().contains(&t.as_str()) => {
            Some(upper_camel(t))
        }
        _ => None,
    }
}

/// Writes the program.
pub(crate) fn render(call: &Call<'_>) -> Rendered {
    let mut notes = Vec::new();
    let mut out = String::with_capacity(2048);
    let _ = writeln!(out, "//! {SUMMARY}: {}.\n//!", OPERATION.name);
    let _ = writeln!(
        out,
        "//! Written by SMS Job Builder. AWS retired {}; the {} crate {RUST_SDK_VERSION} \
         still has its\n\
         //! client. This is src/main.rs of a binary crate whose Cargo.toml has:\n\
         //!\n\
         //! ```toml",
        OPERATION.metadata.service_id,
        rust_package(OPERATION.metadata)
    );
    for line in dependencies().lines() {
        let _ = writeln!(out, "//! {line}");
    }
    out.push_str("//! ```\n\n");

    let krate = rust_crate(OPERATION.metadata);
    let config = config_lines(call, &mut notes);
    let timeouts = config.iter().any(|l| l.contains("TimeoutConfig"));
    if config.iter().any(|l| l.contains("Duration::")) {
        out.push_str("use std::time::Duration;\n\n");
    }
    if timeouts {
        out.push_str("use aws_config::timeout::TimeoutConfig;\n");
    }
    if call.has(Global::Region) {
        out.push_str("use aws_config::{BehaviorVersion, Region};\n");
    } else {
        out.push_str("use aws_config::BehaviorVersion;\n");
    }
    if call
        .members
        .iter()
        .any(|m| matches!(m.value, Value::Time(s) if civil(*s).is_some()))
    {
        let _ = writeln!(out, "use {krate}::primitives::DateTime;");
    }
    // The model has one enum member, the licence type.
    if let Some(member) = call.members.iter().find(|m| m.is_enum()) {
        let _ = writeln!(out, "use {krate}::types::{};", member.enum_type());
    }

    let _ = writeln!(
        out,
        "\n#[tokio::main]\nasync fn main() -> Result<(), {krate}::Error> {{"
    );
    if !call.has(Global::Region) {
        out.push_str(
            "    // No --region: aws-config takes it from AWS_REGION, AWS_DEFAULT_REGION or the \
             profile.\n",
        );
    }
    if call.has(Global::Profile) {
        let _ = writeln!(
            out,
            "    // --{}: credentials and settings from this named profile (unlike the CLI, \
             credentials in\n    // AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY still come \
             first).",
            call.flag(Global::Profile)
        );
    }
    out.push_str("    let config = aws_config::defaults(BehaviorVersion::latest())\n");
    for line in config {
        let _ = writeln!(out, "        {line}");
    }
    let _ = writeln!(
        out,
        "        .load()\n        .await;\n    let client = {krate}::Client::new(&config);"
    );
    comments(call, &mut out);
    let _ = writeln!(
        out,
        "    let output = client\n        .{}()",
        snake_name(OPERATION)
    );
    for member in &call.members {
        setter(member, &mut out, &mut notes);
    }
    let _ = write!(
        out,
        "        .send()\n        .await?;\n    println!(\"{{}}\", output.{}().unwrap_or_default());\n    \
         Ok(())\n}}\n",
        snake_case(RESPONSE_MEMBER)
    );
    Rendered { text: out, notes }
}

/// The settings on the config loader, one per line (`.region(Region::new("us-east-1")) //
/// --region`).
fn config_lines(call: &Call<'_>, notes: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(region) = call.text(Global::Region) {
        lines.push(format!(
            ".region(Region::new({})) // --{}",
            string(region),
            call.flag(Global::Region)
        ));
    }
    if let Some(profile) = call.text(Global::Profile) {
        lines.push(format!(
            ".profile_name({}) // --{}",
            string(profile),
            call.flag(Global::Profile)
        ));
    }
    if let Some(url) = call.text(Global::Endpoint) {
        lines.push(format!(
            ".endpoint_url({}) // --{}",
            string(url),
            call.flag(Global::Endpoint)
        ));
    }
    let mut timeouts = Vec::new();
    for (global, name) in [
        (Global::ReadTimeout, "read_timeout"),
        (Global::ConnectTimeout, "connect_timeout"),
    ] {
        let Some(seconds) = call.number(global) else {
            continue;
        };
        let flag = call.flag(global);
        match Timeout::of(seconds) {
            Timeout::Unlimited => {
                timeouts.push(format!(".disable_{name}() // --{flag} 0: no limit"));
            }
            Timeout::Seconds(s) => {
                timeouts.push(format!(".{name}(Duration::from_secs({s})) // --{flag}"));
            }
            Timeout::Negative(n) => {
                let (text, note) = negative_timeout(flag, n);
                lines.push(format!("// {text}"));
                notes.push(note);
            }
        }
    }
    if !timeouts.is_empty() {
        lines.push(".timeout_config(".to_owned());
        lines.push("    TimeoutConfig::builder()".to_owned());
        lines.extend(timeouts.into_iter().map(|t| format!("        {t}")));
        lines.push("        .build(),".to_owned());
        lines.push(")".to_owned());
    }
    lines
}

/// The CLI options the SDK has no setting for, each with its nearest equivalent.
fn comments(call: &Call<'_>, out: &mut String) {
    for option in no_meaning(call, string) {
        let flag = option.flag;
        let literal = option.literal.unwrap_or_default();
        let _ = match option.global {
            Global::Output => writeln!(
                out,
                "    // --{flag} {literal}: how the CLI prints its answer; this program prints \
                 the new job's ID alone."
            ),
            Global::Query if option.raw == Some(RESPONSE_MEMBER) => writeln!(
                out,
                "    // --{flag} {literal}: the println! below reads the same member of the \
                 answer."
            ),
            Global::Query => writeln!(
                out,
                "    // --{flag} {literal}: the CLI filters its answer with this JMESPath \
                 expression; the\n    // nearest here is to read those members of `output`."
            ),
            Global::Debug => writeln!(
                out,
                "    // --{flag}: the nearest is the SDK's tracing log: add the tracing-subscriber \
                 crate, then start\n    // with tracing_subscriber::fmt()\
                 .with_max_level(tracing_subscriber::filter::LevelFilter::DEBUG).init();"
            ),
            _ => writeln!(
                out,
                "    // --{flag}: nothing to do; a program's output is never paged."
            ),
        };
    }
}

/// One setter (`        .server_id("s-1")`), or a comment when the value cannot be given.
fn setter(member: &Member<'_>, out: &mut String, notes: &mut Vec<Diagnostic>) {
    let name = snake_case(member.name);
    let _ = match member.value {
        Value::Text(_) if variant(member).is_some() => writeln!(
            out,
            "        .{name}({}::{})",
            member.enum_type(),
            variant(member).unwrap_or_default()
        ),
        // A value the model does not name still goes out as written.
        Value::Text(text) if member.is_enum() => writeln!(
            out,
            "        .{name}({}::from({}))",
            member.enum_type(),
            string(text)
        ),
        Value::Text(text) => writeln!(out, "        .{name}({})", string(text)),
        Value::Integer(n) if member.param.kind == Kind::Integer && i32::try_from(*n).is_err() => {
            let text = format!(
                "{}: {n} does not fit the SDK's i32, so it is left out.",
                member.name
            );
            notes.push(Diagnostic::error(
                member.param.flag,
                format!("Rust: {text}"),
            ));
            writeln!(out, "        // {text}")
        }
        Value::Integer(n) => writeln!(out, "        .{name}({n})"),
        Value::Bool(b) => writeln!(out, "        .{name}({b})"),
        Value::Switch => writeln!(out, "        .{name}(true)"),
        Value::Time(seconds) if civil(*seconds).is_some() => writeln!(
            out,
            "        .{name}(DateTime::from_secs({seconds})) // {}",
            timestamp::format_utc(*seconds)
        ),
        Value::Time(seconds) => {
            let (text, note) = time_out_of_range(member, *seconds);
            notes.push(note);
            writeln!(out, "        // {text}")
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_rustc_would_read_otherwise() {
        assert_eq!(string("plain"), "\"plain\"");
        assert_eq!(string("say \"hi\" \\ {} {0}"), r#""say \"hi\" \\ {} {0}""#);
        assert_eq!(string("a\nb\rc\td\0"), r#""a\nb\rc\td\0""#);
        assert_eq!(string("\u{1}\u{7f}\u{85}"), r#""\u{1}\u{7f}\u{85}""#);
        assert_eq!(
            string("\u{202e}\u{2066}\u{2028}"),
            r#""\u{202e}\u{2066}\u{2028}""#
        );
        assert_eq!(string("é😀"), "\"é😀\"");
    }
}
