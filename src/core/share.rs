//! Share links: the whole form as a readable URL query string keyed by CLI option names.
//!
//! # Format (stable; links made by any version keep working)
//!
//! A query string without the leading `?`, made of `key=value` pairs joined by `&`:
//!
//! - one pair per filled parameter, in the parameter table's order, keyed by the CLI option
//!   name without dashes (`server-id=s-12345678&frequency=12&run-once=true`). The value is the
//!   form's text: booleans `true`/`false`, switches `true`, times and numbers as typed;
//! - `zone=local` when a time without a zone is read as local time (absent means UTC);
//! - `shell=powershell|cmd` and `style=oneline|json-file|yaml-file` when not the defaults
//!   (`bash`, `multiline`);
//! - `sdk=javascript|rust`, the language of the SDK program, when not the default (`python`).
//!
//! Values are percent-encoded only where a query needs it, so links stay readable: `%`, `&`,
//! `=`, `+`, `#`, space (as `%20`), control characters and everything outside ASCII (as UTF-8
//! bytes). Reading is lenient the usual ways: a leading `?` is skipped, `+` is a space, a key
//! given twice keeps its last value. Every oddity (an unknown key, a repeated key, a bad
//! `shell`/`style`/`sdk`/`zone` value, broken percent-encoding) is reported, never dropped silently.

use std::fmt::Write as _;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::{Form, Zone};
use crate::core::params;
use crate::core::render::{Choice, CliOptions};

/// The key of the zone setting. (The outputs' settings are keyed by [`Choice::name`].)
const ZONE: &str = "zone";
/// The key of the operation (see [`crate::core::call::form`]).
const OP: &str = crate::core::call::form::OP_KEY;
/// The key of an operation the service lacks, passed on by the page of another operation.
const UNKNOWN_OP: &str = crate::core::call::form::UNKNOWN_OP_KEY;

/// Encodes the form and the command options as a query string (without `?`).
pub fn encode(form: &Form, options: CliOptions) -> String {
    let mut pairs: Vec<(&str, String)> = form
        .filled()
        .map(|(param, value)| (param.flag, escape(value)))
        .collect();
    if form.zone == Zone::Local {
        pairs.push((ZONE, Zone::Local.as_str().to_owned()));
    }
    for choice in Choice::ALL {
        let value = choice.get(options);
        if value != choice.get(CliOptions::default()) {
            pairs.push((choice.name(), value.to_owned()));
        }
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Decodes a query string (with or without `?`) into a form, the command options and every
/// problem found.
pub fn decode(query: &str) -> (Form, CliOptions, Vec<Diagnostic>) {
    let mut form = Form::new();
    let mut options = CliOptions::default();
    let mut diags = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut seen: Vec<String> = Vec::new();
    for (index, pair) in query.split('&').enumerate() {
        if pair.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = unescape(raw_key, &mut diags, index);
        let value = unescape(raw_value, &mut diags, index);
        let at = format!("key \"{key}\"");
        if seen.contains(&key) {
            diags.push(
                Diagnostic::general(
                    Severity::Warning,
                    format!(
                        "\"{key}\" appears more than once in the link; the last value is used."
                    ),
                )
                .at(at.clone()),
            );
        } else {
            seen.push(key.clone());
        }
        if let Some(choice) = Choice::ALL.into_iter().find(|c| c.name() == key) {
            if !choice.set(&mut options, &value) {
                let allowed: Vec<&str> = choice.values().into_iter().map(|(v, _)| v).collect();
                diags.push(bad_setting(choice.noun(), &value, &allowed.join(", ")).at(at));
            }
            continue;
        }
        match key.as_str() {
            ZONE => match Zone::parse(&value) {
                Some(zone) => form.zone = zone,
                None => diags
                    .push(bad_setting(&format!("a {key} setting"), &value, "utc, local").at(at)),
            },
            // A link may name the page's own operation (links to other operations open their
            // own page before this one starts).
            OP if value == params::OPERATION.cli_name => {}
            // The page of another operation passes on a link to one the service lacks.
            UNKNOWN_OP => diags.push(Diagnostic::general(
                Severity::Warning,
                format!(
                    "The link names \"{value}\", which is not an operation of aws {}; here is {} instead.",
                    params::OPERATION.metadata.cli_name,
                    params::OPERATION.cli_name
                ),
            )),
            _ => {
                if !form.set_flag(&key, value) {
                    diags.push(
                        Diagnostic::general(
                            Severity::Warning,
                            format!("The link has an unknown key \"{key}\"; it is ignored."),
                        )
                        .at(at),
                    );
                }
            }
        }
    }
    (form, options, diags)
}

/// `what` names the setting with its article (`a shell setting`).
fn bad_setting(what: &str, value: &str, allowed: &str) -> Diagnostic {
    Diagnostic::general(
        Severity::Warning,
        format!("\"{value}\" is not {what} ({allowed}); the default is used."),
    )
}

/// Percent-encodes what a query value cannot carry as is.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        let plain = c.is_ascii()
            && !c.is_ascii_control()
            && !matches!(c, '%' | '&' | '=' | '+' | '#' | ' ');
        if plain {
            out.push(c);
        } else {
            let mut buf = [0_u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// Undoes [`escape`] (and `+` for space); broken escapes are kept as written and reported.
pub(crate) fn unescape(text: &str, diags: &mut Vec<Diagnostic>, index: usize) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut broken = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(byte) = hex {
                    out.push(byte);
                    i += 3;
                    continue;
                }
                broken = true;
                out.push(b'%');
            }
            other => out.push(other),
        }
        i += 1;
    }
    let decoded = match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => {
            diags.push(
                Diagnostic::general(
                    Severity::Warning,
                    format!("Part {} of the link is not valid UTF-8 once decoded; unreadable bytes are shown as \u{fffd}.", index + 1),
                )
                .at(format!("part {}", index + 1)),
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if broken {
        diags.push(
            Diagnostic::general(
                Severity::Warning,
                format!("\"{text}\" has a % that is not followed by two hex digits; it is kept as written."),
            )
            .at(format!("part {}", index + 1)),
        );
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;
    use crate::core::render::{Sdk, Shell, Style};
    use proptest::prelude::*;

    fn messages(diags: &[Diagnostic]) -> Vec<String> {
        diags
            .iter()
            .map(|d| format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message))
            .collect()
    }

    #[test]
    fn links_are_readable_and_in_table_order() {
        let form = Form::new()
            .with(Id::RunOnce, "true")
            .with(Id::Frequency, "12")
            .with(Id::ServerId, "s-12345678")
            .with(Id::SeedReplicationTime, "2026-11-25T10:00:00Z");
        assert_eq!(
            encode(&form, CliOptions::default()),
            "server-id=s-12345678&seed-replication-time=2026-11-25T10:00:00Z&frequency=12&run-once=true"
        );
        let form = Form::new()
            .with(Id::Description, "a&b=c+d #1 100% é\n/x?y:z")
            .with(Id::KmsKeyId, "alias/k");
        let mut local = form.clone();
        local.zone = Zone::Local;
        assert_eq!(
            encode(
                &local,
                CliOptions {
                    shell: Shell::PowerShell,
                    style: Style::Oneline,
                    sdk: Sdk::Rust,
                }
            ),
            "description=a%26b%3Dc%2Bd%20%231%20100%25%20%C3%A9%0A/x?y:z&kms-key-id=alias/k&zone=local&shell=powershell&style=oneline&sdk=rust"
        );
        assert_eq!(encode(&Form::new(), CliOptions::default()), "");
    }

    #[test]
    fn decoding_is_lenient_and_reports_everything_odd() {
        let (form, options, diags) = decode(
            "?server-id=s-1&description=a+b%20c&server-id=s-2&bogus=1&shell=fish&style=json-file&zone=mars&frequency=%zz&role-name=%FF&sdk=javascript&sdk=go",
        );
        assert_eq!(
            form,
            Form::new()
                .with(Id::ServerId, "s-2")
                .with(Id::Description, "a b c")
                .with(Id::Frequency, "%zz")
                .with(Id::RoleName, "\u{fffd}")
        );
        assert_eq!(
            options,
            CliOptions {
                shell: Shell::Bash,
                style: Style::JsonFile,
                sdk: Sdk::JavaScript,
            }
        );
        assert_eq!(
            messages(&diags),
            [
                "key \"server-id\": \"server-id\" appears more than once in the link; the last value is used.",
                "key \"bogus\": The link has an unknown key \"bogus\"; it is ignored.",
                "key \"shell\": \"fish\" is not a shell setting (bash, powershell, cmd); the default is used.",
                "key \"zone\": \"mars\" is not a zone setting (utc, local); the default is used.",
                "part 8: \"%zz\" has a % that is not followed by two hex digits; it is kept as written.",
                "part 9: Part 9 of the link is not valid UTF-8 once decoded; unreadable bytes are shown as \u{fffd}.",
                "key \"sdk\": \"sdk\" appears more than once in the link; the last value is used.",
                "key \"sdk\": \"go\" is not an SDK language (python, javascript, rust); the default is used.",
            ]
        );
    }

    fn any_form() -> impl Strategy<Value = Form> {
        let values =
            proptest::collection::vec(proptest::option::of(".{1,12}"), params::PARAMS.len());
        (values, any::<bool>()).prop_map(|(values, local)| {
            let mut form = Form::new();
            for (param, value) in params::PARAMS.iter().zip(values) {
                if let Some(v) = value {
                    form.set(param.id, v);
                }
            }
            form.zone = if local { Zone::Local } else { Zone::Utc };
            form
        })
    }

    proptest! {
        #[test]
        fn encode_then_decode_is_the_identity(
            form in any_form(),
            shell in 0..3_usize,
            style in 0..4_usize,
            sdk in 0..3_usize,
        ) {
            let options = CliOptions { shell: Shell::ALL[shell], style: Style::ALL[style], sdk: Sdk::ALL[sdk] };
            let link = encode(&form, options);
            prop_assert!(!link.contains(' ') && !link.contains('#') && link.is_ascii(), "{}", link);
            let (back, back_options, diags) = decode(&link);
            prop_assert_eq!(back, form);
            prop_assert_eq!(back_options, options);
            prop_assert!(diags.is_empty(), "{:?}", diags);
        }

        #[test]
        fn decode_never_panics(query in ".*") {
            let _ = decode(&query);
        }

        #[test]
        fn decode_never_panics_on_escapes(query in "[a-z=&%+?0-9A-F]*") {
            let _ = decode(&query);
        }
    }
}
