//! Every operation of the model through the real AWS CLI v1 1.42.30 (`core::call`): for each of
//! the 35 operations, a corpus of calls built from the model (the minimal request; a full tree
//! with every member and lists of two; the hostile strings inside nested values; empty lists
//! and structures; nested integers, booleans and times in each accepted form), each sent four
//! ways, every body byte for byte `Call::body`:
//!
//! - the argument vector `Call::argv`, given to the CLI's own driver;
//! - the bash command `Call::bash`, read by the real bash, must give that same vector;
//! - the cmd.exe and PowerShell commands (`Call::command`), read by the models of those shells
//!   (`support/shell_models`, as the renderers' unit tests read them), and what they pass (or
//!   the file PowerShell's here-string writes) given to the CLI;
//! - the `--cli-input-json` document `Call::json_document`;
//! - each command pasted back into the plain page's command importer gives the same call;
//! - the `--cli-input-yaml` document `Call::yaml_document`, loaded by ruamel.yaml (YAML 1.2, as
//!   CLI v2 reads it) and `PyYAML` (1.1) to the same value as the JSON document, and serialized by
//!   botocore from the YAML 1.2 load.
//!
//! Calls the CLI refuses (a required member missing, a value under its `min`) must get an error
//! from `Call::check`. The input and output skeletons of every operation equal the CLI's (enum
//! placeholders set to the first value, as v1 picks them at random); every YAML skeleton loads,
//! in YAML 1.2 and 1.1, as the input skeleton's values.
//!
//! The CLI runs in one process for the whole corpus (`support/cli_batch.py`, only the network
//! replaced). Needs the venv `scripts/setup.sh` makes; fails (never skips) without it.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use std::process::Command;

use serde_json::{Value as Json, json};
use sms_job_builder::core::call::command::read_command;
use sms_job_builder::core::call::{self, Call};
use sms_job_builder::core::diagnostic::Severity;
use sms_job_builder::core::model::{Operation, Shape, ShapeKind, sms};
use sms_job_builder::core::render::Shell;
use sms_job_builder::core::value::Value;
use support::shell_models;

/// Strings that break careless quoting, escaping or parsing somewhere.
const HOSTILE: &[&str] = &[
    "it's \"quoted\" \\ back\\slash",
    "$(whoami) `id` ${HOME} !x",
    "%PATH% ^& | > < ;",
    "é ü ñ — ✓",
    "😀 emoji",
    "line\nbreak\ttab\r",
    "--dash-leading",
    "a,b=c [x] {y}",
    " leading and trailing ",
    "file://not-a-file",
    "[not json",
    "--",
    "",
];

/// The forms of a time the tool reads (each written to the CLI in UTC).
const TIMES: &[&str] = &[
    "2026-11-25T10:00:00Z",
    "2026-11-25T10:00:00+02:00",
    "2026-11-25",
    "2026-11-25 10:00",
    "1764064800",
    "1764064800.5",
];

/// How the corpus fills a tree.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fill {
    /// Typical values.
    Typical,
    /// The hostile strings wherever a string goes.
    Hostile,
}

/// Builds sample values; `n` turns, so neighbouring values differ.
struct Sampler {
    n: usize,
    fill: Fill,
}

impl Sampler {
    fn next(&mut self) -> usize {
        self.n += 1;
        self.n
    }

    fn value(&mut self, shape: &'static Shape, name: &str) -> Value {
        let n = self.next();
        match &shape.kind {
            ShapeKind::String(text) if !text.values.is_empty() => {
                Value::Scalar(text.values[n % text.values.len()].to_owned())
            }
            ShapeKind::String(text) => {
                let min = usize::try_from(text.min.unwrap_or(0)).unwrap();
                let mut s = match self.fill {
                    Fill::Typical => format!("{name}-{n}"),
                    Fill::Hostile => HOSTILE[n % HOSTILE.len()].to_owned(),
                };
                while s.chars().count() < min {
                    s.push('x');
                }
                Value::Scalar(s)
            }
            ShapeKind::Integer(range) | ShapeKind::Long(range) => {
                let candidates = [7, 0, -3, 12, 1];
                let v = candidates[n % candidates.len()].max(range.min.unwrap_or(i64::MIN));
                Value::Scalar(v.to_string())
            }
            ShapeKind::Boolean => Value::Scalar(n.is_multiple_of(2).to_string()),
            ShapeKind::Timestamp => Value::Scalar(TIMES[n % TIMES.len()].to_owned()),
            ShapeKind::List(item) => {
                Value::List(vec![self.value(item, name), self.value(item, name)])
            }
            ShapeKind::Structure(members) => Value::Structure(
                members
                    .iter()
                    .map(|m| Some(self.value(m.shape, m.name)))
                    .collect(),
            ),
            other => panic!("no sample for {other:?}"),
        }
    }
}

/// A named call and whether the CLI sends it.
struct Case {
    name: String,
    call: Call,
    sent: bool,
}

fn with_members(
    operation: &'static Operation,
    mut slot: impl FnMut(usize, &'static Shape, &str) -> Option<Value>,
) -> Call {
    let mut call = Call::new(operation);
    call.input = Value::Structure(
        operation
            .members()
            .iter()
            .enumerate()
            .map(|(i, m)| slot(i, m.shape, m.name))
            .collect(),
    );
    call
}

/// The first string with a `min` inside a value, set to the empty string.
fn break_a_min(shape: &'static Shape, value: &mut Value) -> bool {
    match (&shape.kind, value) {
        (ShapeKind::String(text), Value::Scalar(s)) if text.min.unwrap_or(0) > 0 => {
            s.clear();
            true
        }
        (ShapeKind::Structure(members), Value::Structure(slots)) => members
            .iter()
            .zip(slots.iter_mut())
            .any(|(m, slot)| slot.as_mut().is_some_and(|v| break_a_min(m.shape, v))),
        (ShapeKind::List(item), Value::List(items)) => {
            items.iter_mut().any(|v| break_a_min(item, v))
        }
        _ => false,
    }
}

/// The call with every member at every level (lists of two), filled as `fill` says.
fn full(operation: &'static Operation, n: usize, fill: Fill) -> Call {
    let mut sampler = Sampler { n, fill };
    with_members(operation, |_, shape, member| {
        Some(sampler.value(shape, member))
    })
}

/// The call with only the required members, with typical values.
fn minimal(operation: &'static Operation, k: usize) -> Call {
    let mut typical = Sampler {
        n: k,
        fill: Fill::Typical,
    };
    with_members(operation, |_, shape, member| {
        operation
            .member(member)
            .filter(|m| m.required)
            .map(|_| typical.value(shape, member))
    })
}

fn corpus() -> Vec<Case> {
    let mut cases = Vec::new();
    for (k, &operation) in sms::SERVICE.operations.iter().enumerate() {
        let name = |what: &str| format!("{} {what}", operation.cli_name);
        cases.push(Case {
            name: name("minimal"),
            call: minimal(operation, k),
            sent: true,
        });
        for round in 0..2 {
            cases.push(Case {
                name: name(&format!("full tree {round}")),
                call: full(operation, k * 7 + round, Fill::Typical),
                sent: true,
            });
        }
        for round in 0..3 {
            cases.push(Case {
                name: name(&format!("hostile strings {round}")),
                call: full(operation, k * 5 + round * 4, Fill::Hostile),
                sent: true,
            });
        }
        let mut sampler = Sampler {
            n: k,
            fill: Fill::Typical,
        };
        let empties = with_members(operation, |_, shape, member| {
            Some(match shape.kind {
                ShapeKind::List(_) => Value::List(Vec::new()),
                ShapeKind::Structure(members) => Value::Structure(vec![None; members.len()]),
                _ => sampler.value(shape, member),
            })
        });
        cases.push(Case {
            name: name("empty lists and structures"),
            call: empties,
            sent: true,
        });
        if operation.members().iter().any(|m| m.required) {
            cases.push(Case {
                name: name("a required member missing"),
                call: Call::new(operation),
                sent: false,
            });
        }
        let mut short = full(operation, k, Fill::Typical);
        if break_a_min(operation.input.unwrap_or(&NO_INPUT), &mut short.input) {
            cases.push(Case {
                name: name("a value under its min"),
                call: short,
                sent: false,
            });
        }
    }
    cases
}

static NO_INPUT: Shape = Shape {
    name: "",
    kind: ShapeKind::Structure(&[]),
};

/// Runs the batch and returns one answer per line given.
fn batch(lines: &[Json]) -> Vec<Json> {
    let mut input = String::new();
    for line in lines {
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let output = support::run_python("cli_batch.py", input.as_bytes());
    let answers: Vec<Json> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), lines.len());
    answers
}

/// The batch line for what PowerShell gives the CLI: the words it passes (by the model of its
/// argument mode), or, when the command first writes the values to a file with a here-string,
/// that file's document, after checking that the rest of the command reads it.
fn powershell_line(call: &Call) -> Result<Json, String> {
    let text = call.command(Shell::PowerShell);
    let op = call.operation.cli_name;
    if let Some(rest) = text.strip_prefix("@'\n") {
        let close = format!("'@ | Set-Content -Encoding ascii {op}.json\n");
        let (document, command) = rest
            .split_once(&close)
            .ok_or_else(|| format!("the here-string does not end:\n{text}"))?;
        if !document.is_ascii() || document.lines().any(|l| l.starts_with("'@")) {
            return Err(format!("the here-string cannot hold\n{document}"));
        }
        let words = shell_models::powershell_words(command.strip_suffix('\n').unwrap_or(command));
        let file = format!("file://{op}.json");
        if words != ["aws", "sms", op, "--cli-input-json", file.as_str()] {
            return Err(format!("PowerShell reads {words:?}"));
        }
        // Set-Content ends the file with a line break after the here-string's text.
        return Ok(json!({ "op": op, "doc": format!("{document}\n") }));
    }
    let words = shell_models::powershell_words(text.strip_suffix('\n').unwrap());
    match words.split_first() {
        Some((aws, rest)) if aws == "aws" => Ok(json!({ "argv": rest })),
        _ => Err(format!("PowerShell reads {words:?} from\n{text}")),
    }
}

/// The words bash makes of a command (with `aws` a function that prints its arguments).
fn bash_words(command: &str) -> Vec<String> {
    let script = format!("aws() {{ printf '%s\\0' \"$@\"; }}\n{command}");
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/nonexistent")
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut words: Vec<String> = text.split('\0').map(str::to_owned).collect();
    words.pop();
    words
}

/// Checks what the CLI did with one case's forms (argv, document, YAML, cmd.exe, PowerShell).
fn check_case(case: &Case, answers: &[Json], wrong: &mut Vec<String>) {
    let call = &case.call;
    let errors: Vec<String> = call
        .check()
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{}: {}", call::spell(call.operation, &p.path), p.message))
        .collect();
    let [argv, doc, yaml, cmd, powershell] = answers else {
        unreachable!()
    };
    if !case.sent {
        for (form, answer) in [
            ("argv", argv),
            ("json", doc),
            ("cmd", cmd),
            ("powershell", powershell),
        ] {
            if answer["requests"] != 0 {
                wrong.push(format!("{}: the CLI sent the {form} form", case.name));
            }
        }
        if errors.is_empty() {
            wrong.push(format!(
                "{}: the CLI refuses it, we report no error",
                case.name
            ));
        }
        return;
    }
    if !errors.is_empty() {
        wrong.push(format!(
            "{}: the CLI sends it, we report {errors:?}",
            case.name
        ));
        return;
    }
    let body = call.body();
    for (form, answer) in [
        ("argv", argv),
        ("--cli-input-json", doc),
        ("cmd.exe", cmd),
        ("PowerShell", powershell),
    ] {
        if answer["rc"] != 0 || answer["requests"] != 1 {
            wrong.push(format!(
                "{} ({form}): the CLI did not send it: {}",
                case.name, answer["stderr"]
            ));
        } else if answer["body"] != body.as_str() {
            wrong.push(format!(
                "{} ({form}):\n  CLI  {}\n  ours {body}",
                case.name, answer["body"]
            ));
        } else if answer["target"] != call.target().as_str() {
            wrong.push(format!(
                "{} ({form}): target {}",
                case.name, answer["target"]
            ));
        }
    }
    let document: Json = serde_json::from_str(&call.json_document()).unwrap();
    for reader in ["yaml12", "yaml11"] {
        if yaml[reader] != document {
            wrong.push(format!(
                "{} ({reader}): read {}, the JSON document is {document}",
                case.name, yaml[reader]
            ));
        }
    }
    if yaml["body"] != body.as_str() {
        wrong.push(format!(
            "{} (--cli-input-yaml):\n  botocore {}\n  ours     {body}",
            case.name, yaml["body"]
        ));
    }
    // Each command, pasted back into the plain page's importer, gives the same call.
    for shell in [Shell::Bash, Shell::PowerShell, Shell::Cmd] {
        let text = call.command(shell);
        let (form, notes) = read_command(&sms::SERVICE, &text);
        let errors: Vec<String> = notes
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        match form.map(|f| f.check()) {
            Some((back, problems)) if errors.is_empty() && back.body() == body => {
                if problems.iter().any(|d| d.severity == Severity::Error) {
                    wrong.push(format!("{} ({shell:?} pasted): {problems:?}", case.name));
                }
            }
            other => wrong.push(format!(
                "{} ({shell:?} pasted back): {errors:?} {:?}\n{text}",
                case.name,
                other.map(|(c, _)| c.body())
            )),
        }
    }
    let words = bash_words(&call.bash());
    if words[..] != call.argv()[..] {
        wrong.push(format!("{}: bash read {words:?}", case.name));
    }
}

#[test]
fn every_operation_sends_our_body_in_every_form() {
    let cases = corpus();
    let ops = sms::SERVICE.operations.len();
    assert_eq!(ops, 35);
    let mut lines = Vec::new();
    let mut wrong = Vec::new();
    for case in &cases {
        let call = &case.call;
        lines.push(json!({ "argv": call.argv() }));
        lines.push(json!({ "op": call.operation.cli_name, "doc": call.json_document() }));
        lines.push(json!({ "op": call.operation.cli_name, "yaml": call.yaml_document() }));
        // What cmd.exe and then the C runtime hand to the CLI, by the model of both.
        let cmd = call.command(Shell::Cmd);
        match shell_models::cmd_then_crt(cmd.strip_suffix('\n').unwrap()) {
            Ok(words) if words.first().map(String::as_str) == Some("aws") => {
                lines.push(json!({ "argv": words[1..] }));
            }
            other => {
                wrong.push(format!(
                    "{}: cmd.exe reads {other:?} from\n{cmd}",
                    case.name
                ));
                lines.push(json!({ "argv": call.argv() }));
            }
        }
        // PowerShell: the words it passes, or the file its here-string writes.
        lines.push(powershell_line(call).unwrap_or_else(|why| {
            wrong.push(format!("{}: {why}", case.name));
            json!({ "argv": call.argv() })
        }));
    }
    let answers = batch(&lines);
    for (case, answers) in cases.iter().zip(answers.chunks(5)) {
        check_case(case, answers, &mut wrong);
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
    support::capture::report(&format!(
        "operations: {ops} operations, {} calls, each as argv, bash, cmd.exe, PowerShell, JSON and YAML: every body byte-identical, every refusal reported",
        cases.len()
    ));
}

/// A loaded YAML value with each date-time (`{"date": iso}` from the batch) as its ISO text.
fn undated(value: &Json) -> Json {
    match value {
        Json::Object(map) if map.len() == 1 && map.contains_key("date") => map["date"].clone(),
        Json::Object(map) => {
            Json::Object(map.iter().map(|(k, v)| (k.clone(), undated(v))).collect())
        }
        Json::Array(items) => Json::Array(items.iter().map(undated).collect()),
        other => other.clone(),
    }
}

#[test]
fn every_skeleton_is_the_one_the_cli_prints() {
    let mut lines = Vec::new();
    for (k, &operation) in sms::SERVICE.operations.iter().enumerate() {
        lines.push(json!({
            "argv": ["sms", operation.cli_name, "--generate-cli-skeleton"],
            "skeleton": true
        }));
        // CLI v1 asks for the required options before it prints an output skeleton.
        let mut argv = minimal(operation, k).argv();
        argv.extend(["--generate-cli-skeleton".to_owned(), "output".to_owned()]);
        lines.push(json!({ "argv": argv, "skeleton": true }));
        lines.push(json!({ "op": operation.cli_name, "yaml": call::skeleton_yaml(operation) }));
    }
    let answers = batch(&lines);
    let mut wrong = Vec::new();
    for (operation, answers) in sms::SERVICE.operations.iter().zip(answers.chunks(3)) {
        // The YAML skeleton holds the input skeleton's placeholders (its time unquoted, so
        // YAML readers make it a date-time), for YAML 1.2 and 1.1 alike.
        let input: Json = serde_json::from_str(&call::skeleton_input(operation)).unwrap();
        for reader in ["yaml12", "yaml11"] {
            if undated(&answers[2][reader]) != input {
                wrong.push(format!(
                    "{} yaml-input ({reader}): {}",
                    operation.cli_name, answers[2][reader]
                ));
            }
        }
        for (ours, answer, which) in [
            (call::skeleton_input(operation), &answers[0], "input"),
            (call::skeleton_output(operation), &answers[1], "output"),
        ] {
            // CLI v1 checks the answer it makes up against the model, and its own `0` for a
            // number with a `min` above it fails: then it prints no skeleton at all.
            if answer["rc"] != 0 {
                let stderr = answer["stderr"].as_str().unwrap_or_default();
                if !(which == "output" && stderr.contains("valid min value")) {
                    wrong.push(format!(
                        "{} {which}: the CLI failed: {stderr}",
                        operation.cli_name
                    ));
                }
                continue;
            }
            if answer["normalized"] != ours.as_str() {
                wrong.push(format!(
                    "{} {which}:\n--- CLI\n{}\n--- ours\n{ours}",
                    operation.cli_name,
                    answer["normalized"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
