//! The bash command, read by real shells: bash, dash (`sh`) and zsh (when installed) must hand
//! `aws` exactly the argument vector the tool meant, for arbitrary values in every text
//! parameter. `aws` is replaced by a shell function that prints its arguments NUL-separated.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use std::process::Command;

use proptest::prelude::*;
use sms_job_builder::core::form::Form;
use sms_job_builder::core::params::Id;
use sms_job_builder::core::params::{self, Kind};
use sms_job_builder::core::render::json;
use sms_job_builder::core::render::{CliOptions, Shell, Style, cli};
use sms_job_builder::core::request::{Request, Value};
use sms_job_builder::core::timestamp::{self, FixedOffset};
use sms_job_builder::core::validate::{self, Context};

/// 2026-11-25T09:00:00Z.
const NOW: i64 = 1_795_597_200;

/// The shells on this machine that read POSIX-style commands.
fn shells() -> Vec<&'static str> {
    ["bash", "sh", "zsh"]
        .into_iter()
        .filter(|sh| {
            Command::new(sh)
                .args(["-c", "exit 0"])
                .status()
                .is_ok_and(|s| s.success())
        })
        .collect()
}

/// The argv the command must produce, worked out independently of the renderer's planning:
/// every member as an option in table order, unless one of them cannot be (the CLI would
/// expand it, or it is exactly `--`): then all members in one `--cli-input-json`.
fn expected_argv(request: &Request) -> Vec<String> {
    let mut argv = vec!["sms".to_owned(), "create-replication-job".to_owned()];
    let routed = request
        .members()
        .any(|(_, _, v)| matches!(v, Value::Text(t) if validate::cli_would_expand(t) || t == "--"));
    let word = |flag: &str, text: String| {
        if text.starts_with('-') {
            vec![format!("--{flag}={text}")]
        } else {
            vec![format!("--{flag}"), text]
        }
    };
    if routed {
        argv.push("--cli-input-json".to_owned());
        argv.push(json::compact(request));
    }
    for (param, value) in request.entries() {
        if routed && param.is_member() {
            continue;
        }
        let words = match value {
            Value::Text(t) if t == "--" => continue,
            Value::Text(t) => word(param.flag, t.clone()),
            Value::Integer(n) => word(param.flag, n.to_string()),
            Value::Time(s) => word(param.flag, timestamp::format_utc(*s)),
            Value::Bool(true) | Value::Switch => vec![format!("--{}", param.flag)],
            Value::Bool(false) => vec![format!("--no-{}", param.flag)],
        };
        argv.extend(words);
    }
    argv
}

fn checked(form: &Form) -> Request {
    validate::check(
        form,
        &Context {
            now: NOW,
            local: &FixedOffset(0),
        },
    )
    .request
}

/// Checks one request in every shell, both command styles.
fn assert_shells_agree(request: &Request) {
    let want = expected_argv(request);
    let styles = [Style::Multiline, Style::Oneline];
    let commands: Vec<String> = styles
        .iter()
        .map(|&style| {
            let options = CliOptions {
                shell: Shell::Bash,
                style,
                ..CliOptions::default()
            };
            assert_eq!(cli::argv(request, options), want);
            cli::render(request, options).text
        })
        .collect();
    for shell in shells() {
        let got = support::shell_words(shell, &commands);
        assert_eq!(got.len(), 2, "{shell}: {commands:?}");
        for (argv, command) in got.iter().zip(&commands) {
            assert_eq!(argv, &want, "{shell} read\n{command}");
        }
    }
}

#[test]
fn sh_and_bash_are_available() {
    let found = shells();
    assert!(
        found.contains(&"bash") && found.contains(&"sh"),
        "{found:?}"
    );
}

#[test]
fn hostile_values_reach_aws_unchanged() {
    for value in [
        "it's",
        "$(touch /tmp/pwned)",
        "`id`",
        "${HOME}",
        "!!",
        "*",
        "a\nb",
        "tab\there",
        "\\",
        "'",
        "\"",
        "",
        " ",
        "~",
        "=x",
        "{a,b}",
        "a;b&c|d<e>f",
        "# c",
        "é 😀\u{a0}",
        "-x",
        "--x=1",
        "--",
        "file://etc/passwd",
    ] {
        let form = Form::new()
            .with(Id::ServerId, "s-12345678")
            .with(Id::SeedReplicationTime, "2026-11-25T10:00:00Z")
            .with(Id::Description, value)
            .with(Id::Query, value);
        assert_shells_agree(&checked(&form));
    }
}

/// Any text, NUL excluded (the validator refuses it); sometimes with a leading dash.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\u{0}]{0,12}",
        "-[^\u{0}]{0,6}",
        "[-'\"\\\\$`!*?~={}()\\[\\];&|<> \t\nxé]{0,10}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn real_shells_read_back_every_text_parameter(
        values in proptest::collection::vec(any_text(), params::PARAMS.len())
    ) {
        let mut form = Form::new().with(Id::SeedReplicationTime, "2026-11-25T10:00:00Z");
        for (param, value) in params::PARAMS.iter().zip(values) {
            if param.kind == Kind::Text && !value.is_empty() {
                form.set(param.id, value);
            }
        }
        assert_shells_agree(&checked(&form));
    }
}
