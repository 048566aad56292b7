//! Round trips: every output that carries the values, imported back, gives the same request.
//!
//! For arbitrary valid requests (hostile text included: quotes of every shell, `$`, `%`, `^`,
//! backticks, leading dashes, control characters, non-ASCII and typographic quotes), each CLI
//! command (every shell, multi-line and one-line, including the shapes that route values
//! through `--cli-input-json` or a PowerShell here-string), the `--cli-input-json` document
//! and the `--cli-input-yaml` document are rendered, imported, checked, and compared with the
//! request they came from.

use proptest::prelude::*;

use sms_job_builder::core::diagnostic::{Diagnostic, Severity};
use sms_job_builder::core::form::Form;
use sms_job_builder::core::import::{self, Imported};
use sms_job_builder::core::params::{self, Kind, Param};
use sms_job_builder::core::render::{CliOptions, Output, Shell, Style};
use sms_job_builder::core::request::{Request, Value};
use sms_job_builder::core::timestamp::{FixedOffset, MAX_SECONDS, MIN_SECONDS};
use sms_job_builder::core::validate::{self, Context};

/// "Now" for the checks, so that warnings never depend on the clock.
const NOW: i64 = 1_795_597_200;

fn check(form: &Form) -> validate::Checked {
    validate::check(
        form,
        &Context {
            now: NOW,
            local: &FixedOffset(0),
        },
    )
}

fn errors(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect()
}

/// Imports one text and checks that it gives back `request` with no error on the way.
fn assert_round_trip(what: &str, text: &str, imported: &Imported, request: &Request) {
    assert!(
        errors(&imported.diagnostics).is_empty(),
        "{what}: import errors {:#?}\n{text}",
        imported.diagnostics
    );
    let checked = check(&imported.form);
    assert!(
        !checked.has_errors(),
        "{what}: check errors {:#?}\nform {:?}\n{text}",
        errors(&checked.diagnostics),
        imported.form
    );
    assert_eq!(&checked.request, request, "{what}\n{text}");
}

/// Text no shell can make harmless by accident.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{1,16}",
        "-{1,2}[a-z0-9=. -]{0,8}",
        "[\"'`$\\\\%!^&|<>(){}*?#~;=, a-z\t\n\r]{1,12}",
        "[é😀\u{a0}\u{2018}\u{2019}\u{201C}\u{201D}\u{201E}\u{201B}\u{feff}\u{1}\u{1b}a ]{1,8}",
        "(file|fileb|http|https)://[a-z./]{0,8}",
        "\\PC{1,10}",
    ]
    .prop_filter("a value with any text", |s| !s.trim().is_empty())
}

/// A valid value for one parameter.
fn value_for(param: &'static Param) -> BoxedStrategy<Value> {
    match param.kind {
        Kind::Text if param.flag == "endpoint-url" => "https?://[a-z0-9.]{1,12}(:[0-9]{2,4})?"
            .prop_map(Value::Text)
            .boxed(),
        Kind::Text => hostile_text().prop_map(Value::Text).boxed(),
        Kind::Choice(values) => proptest::sample::select(values)
            .prop_map(|v| Value::Text(v.to_owned()))
            .boxed(),
        Kind::Integer => prop_oneof![-1000_i64..1000, any::<i64>()]
            .prop_map(Value::Integer)
            .boxed(),
        Kind::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Timestamp => (MIN_SECONDS..=MAX_SECONDS).prop_map(Value::Time).boxed(),
        Kind::Switch => Just(Value::Switch).boxed(),
    }
}

/// A valid request: the required members always, every other parameter maybe.
fn any_request() -> impl Strategy<Value = Request> {
    let parts: Vec<BoxedStrategy<Option<(&'static Param, Value)>>> = params::PARAMS
        .iter()
        .map(|p| {
            let value = value_for(p).prop_map(move |v| Some((p, v)));
            if p.required {
                value.boxed()
            } else {
                prop_oneof![Just(None), value].boxed()
            }
        })
        .collect();
    parts.prop_map(|entries| Request::new(entries.into_iter().flatten()))
}

/// The command for a shell and style, and the request it can carry: without the options the
/// renderer says (with an error note) that no command line in that shell can hold.
fn command(request: &Request, shell: Shell, style: Style) -> (String, Request) {
    let rendered = Output::Cli.render(
        request,
        CliOptions {
            shell,
            style,
            ..CliOptions::default()
        },
    );
    let left_out: Vec<&str> = rendered
        .notes
        .iter()
        .filter(|n| n.severity == Severity::Error)
        .filter_map(|n| n.param)
        .collect();
    let carried = Request::new(
        request
            .entries()
            .filter(|(p, _)| !left_out.contains(&p.flag))
            .map(|(p, v)| (p, v.clone())),
    );
    (rendered.text, carried)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_command_reads_back_as_the_same_request(request in any_request()) {
        for shell in Shell::ALL {
            for style in [Style::Multiline, Style::Oneline] {
                let (text, carried) = command(&request, shell, style);
                let what = format!("{shell:?} {style:?}");
                assert_round_trip(&what, &text, &import::command::import(&text, Some(shell)), &carried);
            }
        }
    }

    #[test]
    fn multiline_commands_are_recognised_without_naming_the_shell(request in any_request()) {
        for shell in Shell::ALL {
            let (text, carried) = command(&request, shell, Style::Multiline);
            prop_assert_eq!(import::command::detect_shell(&text), shell, "{}", text);
            let what = format!("{shell:?} detected");
            assert_round_trip(&what, &text, &import::detect_and_import(&text), &carried);
        }
    }

    #[test]
    fn documents_read_back_as_the_same_members(request in any_request()) {
        // Global options are not document members: compare the members only.
        let members = Request::new(request.members().map(|(_, p, v)| (p, v.clone())));
        let json = Output::Json.render(&request, CliOptions::default()).text;
        assert_round_trip("json", &json, &import::json::import(&json), &members);
        assert_round_trip("json detected", &json, &import::detect_and_import(&json), &members);
        let yaml = Output::Yaml.render(&request, CliOptions::default()).text;
        assert_round_trip("yaml", &yaml, &import::yaml::import(&yaml), &members);
        assert_round_trip("yaml detected", &yaml, &import::detect_and_import(&yaml), &members);
    }
}

/// One value the renderers must route (`--` cannot follow `--description=`, and PowerShell
/// cannot pass an embedded double quote safely): the routed shapes read back too.
#[test]
fn routed_shapes_read_back() {
    let request = Request::new([
        (
            params::by_flag("server-id").unwrap(),
            Value::Text("s-12345678".into()),
        ),
        (
            params::by_flag("seed-replication-time").unwrap(),
            Value::Time(1_795_600_800),
        ),
        (
            params::by_flag("description").unwrap(),
            Value::Text("--".into()),
        ),
        (
            params::by_flag("role-name").unwrap(),
            Value::Text("say \"hi\"".into()),
        ),
        (
            params::by_flag("region").unwrap(),
            Value::Text("us-east-1".into()),
        ),
    ]);
    for shell in Shell::ALL {
        let (text, carried) = command(&request, shell, Style::Multiline);
        assert_eq!(carried, request);
        assert!(
            text.contains("--cli-input-json"),
            "{shell:?} did not route:\n{text}"
        );
        if shell == Shell::PowerShell {
            assert!(text.starts_with("@'\n"), "{text}");
        }
        let what = format!("{shell:?} routed");
        assert_round_trip(
            &what,
            &text,
            &import::command::import(&text, Some(shell)),
            &request,
        );
        assert_round_trip(&what, &text, &import::detect_and_import(&text), &request);
    }
}
