//! The shorthand notation of the CLI command against the real AWS CLI v1 1.42.30.
//!
//! - A corpus over every nested operation of the model (typical values, hostile strings,
//!   integers as `012`, each nested time form, empty lists and structures inside and at the
//!   top): the bash command written in shorthand, split into words by a real bash, and the
//!   PowerShell and cmd.exe commands, read by the models of those shells, are run by the real
//!   CLI (`support/cli_batch.py`, its own driver with only the network replaced), which must
//!   send our body byte for byte. A member stays JSON only for the reasons the writer gives.
//!   Each of the three commands, pasted into our own importer, gives the same call back.
//! - A property test: thousands of random calls of the nested operations, every member the
//!   writer puts in shorthand read by the CLI's own shorthand parser and the model's typing
//!   (`support/shorthand_batch.py`, one process) and serialized by botocore: zero differences
//!   from our body; and 400 of such random calls, whole, through the CLI's own driver and
//!   back through our importer.
//!
//! Needs the venv `scripts/setup.sh` makes; fails (never skips) without it.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::TestRunner;
use serde_json::{Value as Json, json};

use sms_job_builder::core::call::command::read_command;
use sms_job_builder::core::call::shorthand::{self, KeepJson, Quote};
use sms_job_builder::core::call::{Call, Notation};
use sms_job_builder::core::diagnostic::Severity;
use sms_job_builder::core::model::{Member, Operation, Shape, ShapeKind, sms};
use sms_job_builder::core::render::Shell;
use sms_job_builder::core::value::Value;
use support::shell_models;

/// A structure member, or a list of structures: what shorthand is for.
fn is_nested(member: &Member) -> bool {
    match member.shape.kind {
        ShapeKind::Structure(_) => true,
        ShapeKind::List(item) => matches!(item.kind, ShapeKind::Structure(_)),
        _ => false,
    }
}

/// Every operation with a nested member, from the model.
fn nested_operations() -> Vec<&'static Operation> {
    sms::SERVICE
        .operations
        .iter()
        .copied()
        .filter(|op| op.members().iter().any(is_nested))
        .collect()
}

/// What fills a corpus tree.
#[derive(Clone, Copy)]
struct Fill {
    /// Every string (an enum too, unless `enums`).
    text: &'static str,
    /// Enums take their first value.
    enums: bool,
    /// Items per list.
    items: usize,
    int: &'static str,
    time: &'static str,
    /// Lists and structures below the top structure of each word are empty.
    empty_inside: bool,
}

const TYPICAL: Fill = Fill {
    text: "v-1",
    enums: true,
    items: 2,
    int: "12",
    time: "2026-11-25T10:00:00Z",
    empty_inside: false,
};

/// A string padded at the front to the shape's `min`, so the CLI does not refuse it.
fn at_least(text: &str, min: Option<i64>) -> String {
    let min = usize::try_from(min.unwrap_or(0)).unwrap();
    let short = min.saturating_sub(text.chars().count());
    format!("{}{text}", "x".repeat(short))
}

/// A whole number raised to the shape's `min`.
fn int_at_least(text: &str, min: Option<i64>) -> String {
    match min {
        Some(min) if text.parse::<i64>().unwrap() < min => min.to_string(),
        _ => text.to_owned(),
    }
}

/// A value of a member's shape; `level` 0 is the member itself and the items of a top list.
fn fill(shape: &'static Shape, f: Fill, level: usize, flip: &mut bool) -> Value {
    match &shape.kind {
        ShapeKind::String(t) if f.enums && !t.values.is_empty() => {
            Value::Scalar(t.values[0].to_owned())
        }
        ShapeKind::String(t) => Value::Scalar(at_least(f.text, t.min)),
        ShapeKind::Integer(r) | ShapeKind::Long(r) => Value::Scalar(int_at_least(f.int, r.min)),
        ShapeKind::Boolean => {
            *flip = !*flip;
            Value::Scalar(flip.to_string())
        }
        ShapeKind::Timestamp => Value::Scalar(f.time.to_owned()),
        ShapeKind::List(_) if f.empty_inside && level > 0 => Value::List(Vec::new()),
        ShapeKind::List(item) => {
            Value::List((0..f.items).map(|_| fill(item, f, level, flip)).collect())
        }
        ShapeKind::Structure(members) if f.empty_inside && level > 0 => {
            Value::Structure(vec![None; members.len()])
        }
        ShapeKind::Structure(members) => Value::Structure(
            members
                .iter()
                .map(|m| Some(fill(m.shape, f, level + 1, flip)))
                .collect(),
        ),
        other => panic!("no value for {other:?}"),
    }
}

/// A call of the operation: nested members filled by `f`, the others plain.
fn corpus_call(operation: &'static Operation, f: Fill) -> Call {
    let mut flip = false;
    let plain = Fill {
        text: "top-1",
        enums: true,
        items: 1,
        int: "5",
        ..TYPICAL
    };
    let slots = operation
        .members()
        .iter()
        .map(|m| {
            Some(if is_nested(m) {
                fill(m.shape, f, 0, &mut flip)
            } else {
                fill(m.shape, plain, 0, &mut flip)
            })
        })
        .collect();
    Call {
        operation,
        input: Value::Structure(slots),
    }
}

/// Strings people paste, and every character the grammar gives a meaning.
const HOSTILE: &[&str] = &[
    "it's",
    "say \"hi\"",
    "both ' and \"",
    "a,b",
    "a\\,b",
    "[x]",
    "{y}",
    "a}b",
    "a]b",
    "=x",
    "a=b",
    "k=v,k2=v2",
    "$HOME `id` $(x)",
    "%PATH% !x! ^&|<>",
    "é",
    "😀",
    "é 😀 x",
    "",
    " lead",
    "trail ",
    "trail\r",
    "a\nb",
    "\ttab",
    "012",
    "true",
    "null",
    "C:\\path\\x",
    "ends\\",
    "\\",
    "\\\"",
    "\"",
    "'",
    "--dash",
    "-1",
    "file://x",
    "a@=b",
    "#/:-_.",
    "\u{a0}nbsp\u{a0}",
    "line\u{2028}sep",
    "a\u{1}b",
    "a\0b",
];

/// The corpus: a name, the call, and the reasons a member may stay JSON in it.
fn corpus() -> Vec<(String, Call, Vec<KeepJson>)> {
    let mut cases = Vec::new();
    for op in nested_operations() {
        let mut add = |name: String, f: Fill, kept: Vec<KeepJson>| {
            cases.push((format!("{} {name}", op.cli_name), corpus_call(op, f), kept));
        };
        add("typical".into(), TYPICAL, vec![]);
        for text in HOSTILE {
            let kept = if text.contains('\0') {
                vec![KeepJson::Nul]
            } else if text.ends_with('\\') {
                vec![KeepJson::TrailingBackslash]
            } else {
                vec![]
            };
            let f = Fill {
                text,
                enums: false,
                items: 1,
                int: "-1",
                ..TYPICAL
            };
            add(format!("{text:?}"), f, kept);
        }
        for int in ["012", "0", "-7"] {
            add(format!("int {int}"), Fill { int, ..TYPICAL }, vec![]);
        }
        for time in [
            "2026-11-25",
            "2026-11-25 10:00:00",
            "2026-11-25T10:00:00+02:00",
            "1764064800",
            "1764064800.5",
        ] {
            add(format!("time {time}"), Fill { time, ..TYPICAL }, vec![]);
        }
        let inside = Fill {
            empty_inside: true,
            ..TYPICAL
        };
        add("empty inside".into(), inside, vec![]);
        let top = Fill {
            items: 0,
            empty_inside: true,
            ..TYPICAL
        };
        add(
            "empty at the top".into(),
            top,
            vec![KeepJson::EmptyList, KeepJson::EmptyStructure],
        );
    }
    // An empty item among full ones.
    let op = sms::SERVICE.operation("create-app").unwrap();
    let mut call = corpus_call(op, TYPICAL);
    if let Value::Structure(slots) = &mut call.input {
        let tags = op.members().iter().position(|m| m.name == "tags").unwrap();
        if let Some(Value::List(items)) = &mut slots[tags] {
            items.push(Value::Structure(vec![None; 2]));
        }
    }
    cases.push((
        "create-app empty item".into(),
        call,
        vec![KeepJson::EmptyItem],
    ));
    cases
}

/// The batch line for what PowerShell gives the CLI: the words it passes, or the document
/// its here-string writes to a file.
fn powershell_line(call: &Call) -> Result<Json, String> {
    let text = call.command_in(Shell::PowerShell, Notation::Shorthand);
    let op = call.operation.cli_name;
    if let Some(rest) = text.strip_prefix("@'\n") {
        let close = format!("'@ | Set-Content -Encoding ascii {op}.json\n");
        let (document, command) = rest
            .split_once(&close)
            .ok_or_else(|| format!("the here-string does not end:\n{text}"))?;
        let words = shell_models::powershell_words(command.strip_suffix('\n').unwrap());
        let file = format!("file://{op}.json");
        if words != ["aws", "sms", op, "--cli-input-json", file.as_str()] {
            return Err(format!("PowerShell reads {words:?}"));
        }
        return Ok(json!({ "op": op, "doc": format!("{document}\n") }));
    }
    let words = shell_models::powershell_words(text.strip_suffix('\n').unwrap());
    match words.split_first() {
        Some((aws, rest)) if aws == "aws" => Ok(json!({ "argv": rest })),
        _ => Err(format!("PowerShell reads {words:?} from\n{text}")),
    }
}

/// The batch line for what cmd.exe and the C runtime give the CLI.
fn cmd_line(call: &Call) -> Result<Json, String> {
    let cmd = call.command_in(Shell::Cmd, Notation::Shorthand);
    match shell_models::cmd_then_crt(cmd.strip_suffix('\n').unwrap()) {
        Ok(words) if words.first().map(String::as_str) == Some("aws") => {
            Ok(json!({ "argv": words[1..] }))
        }
        other => Err(format!("cmd.exe reads {other:?} from\n{cmd}")),
    }
}

fn answers(script: &str, lines: &[Json]) -> Vec<Json> {
    let mut input = String::new();
    for line in lines {
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let out = support::run_python(script, input.as_bytes());
    let answers: Vec<Json> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(answers.len(), lines.len());
    answers
}

#[test]
fn the_real_cli_reads_every_shorthand_command_as_our_body() {
    let cases = corpus();
    // NESTED-FACTS §1.4 counts 8 nested operations; `list-apps` takes only a list of strings,
    // which the CLI reads as plain words, not shorthand.
    assert_eq!(nested_operations().len(), 7);
    let bash: Vec<String> = cases
        .iter()
        .map(|(_, call, _)| call.command_in(Shell::Bash, Notation::Shorthand))
        .collect();
    let split = support::shell_words("bash", &bash);
    assert_eq!(split.len(), cases.len());
    let mut wrong = Vec::new();
    let mut lines = Vec::new();
    let (mut shorthand_words, mut kept_members) = (0, 0);
    for ((name, call, allowed), words) in cases.iter().zip(&split) {
        assert!(
            call.check().iter().all(|p| p.severity != Severity::Error),
            "{name}"
        );
        let argv = call.argv_in(Notation::Shorthand);
        if *words != argv {
            wrong.push(format!("{name}: bash reads {words:?}, argv is {argv:?}"));
        }
        for kept in call.kept_json(Notation::Shorthand) {
            kept_members += 1;
            if !allowed.contains(&kept.why) {
                wrong.push(format!("{name}: {}", kept.sentence()));
            }
        }
        shorthand_words += argv
            .iter()
            .filter(|w| !w.starts_with("--") && w.contains('=') && !w.starts_with(['{', '[']))
            .count();
        wrong.extend(
            pasted_back(call)
                .into_iter()
                .map(|w| format!("{name}: {w}")),
        );
        lines.push(json!({ "argv": words }));
        for line in [powershell_line(call), cmd_line(call)] {
            lines.push(line.unwrap_or_else(|why| {
                wrong.push(format!("{name}: {why}"));
                json!({ "argv": argv })
            }));
        }
    }
    let answers = answers("cli_batch.py", &lines);
    for (i, cli) in answers.iter().enumerate() {
        let (name, call, _) = &cases[i / 3];
        let shell = ["bash", "PowerShell", "cmd.exe"][i % 3];
        let body = call.body();
        if cli["rc"] != 0 || cli["requests"] != 1 || cli["body"] != body.as_str() {
            wrong.push(format!(
                "{name} ({shell}): {}\n  CLI  rc {} body {}\n  ours {body}\n  command {}",
                cli["stderr"], cli["rc"], cli["body"], lines[i]
            ));
        }
    }
    // How often each Windows shell carries the words itself rather than as one JSON document.
    let as_words = |shell: usize| {
        lines
            .iter()
            .skip(shell)
            .step_by(3)
            .filter(|l| {
                l["argv"]
                    .as_array()
                    .is_some_and(|a| a[2] != "--cli-input-json")
            })
            .count()
    };
    eprintln!(
        "{} cases, {} CLI runs, {shorthand_words} shorthand words, {kept_members} members kept \
         as JSON; as words: PowerShell {}, cmd.exe {}",
        cases.len(),
        lines.len(),
        as_words(1),
        as_words(2)
    );
    assert!(shorthand_words > cases.len(), "{shorthand_words}");
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// What our importer makes of each of the call's shorthand commands, when that is not the same
/// call: the shell and why. The same call sends the same body and is written as the same
/// command again (a value may come back in the form the command wrote it: `012` as `12`, a
/// date as its instant).
fn pasted_back(call: &Call) -> Vec<String> {
    let mut wrong = Vec::new();
    for shell in [Shell::Bash, Shell::PowerShell, Shell::Cmd] {
        let command = call.command_in(shell, Notation::Shorthand);
        let (form, problems) = read_command(&sms::SERVICE, &command);
        let errors: Vec<_> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        let back = form.map(|form| form.check().0);
        let same = back.as_ref().is_some_and(|back| {
            back.body() == call.body() && back.command_in(shell, Notation::Shorthand) == command
        });
        if !errors.is_empty() || !same {
            wrong.push(format!(
                "{shell:?} pasted back: {errors:?}\n  command {command}\n  ours {}\n  back {}",
                call.body(),
                back.map(|b| b.body()).unwrap_or_default()
            ));
        }
    }
    wrong
}

/// Text people paste, and text made of the grammar's own characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ._:/=,-]{0,12}",
        "\\PC{0,10}",
        "[\"'\\\\,=\\[\\]{} a]{0,8}",
        "[\"'`$%!^&|<>\\\\\n\r\t #:{}\\[\\]é😀-]{0,8}",
        "[ \\x00-\\x1f\u{85}\u{a0}\u{2028}a]{0,4}",
        Just("012".to_owned()),
        Just("true".to_owned()),
    ]
}

/// Any value of a shape that the CLI would send (strings and numbers at least their `min`).
fn tree(shape: &'static Shape, depth: u32) -> BoxedStrategy<Value> {
    match &shape.kind {
        ShapeKind::String(t) => {
            let min = t.min;
            let values = t.values;
            let any = text().prop_map(move |s| Value::Scalar(at_least(&s, min)));
            if values.is_empty() {
                any.boxed()
            } else {
                prop_oneof![
                    proptest::sample::select(values).prop_map(|v| Value::Scalar(v.to_owned())),
                    any,
                ]
                .boxed()
            }
        }
        ShapeKind::Integer(r) | ShapeKind::Long(r) => {
            let min = r.min;
            (-100_000_i64..100_000, any::<bool>())
                .prop_map(move |(n, zero)| {
                    let n = n.max(min.unwrap_or(i64::MIN));
                    Value::Scalar(if zero && n >= 0 {
                        format!("0{n}")
                    } else {
                        n.to_string()
                    })
                })
                .boxed()
        }
        ShapeKind::Boolean => any::<bool>()
            .prop_map(|b| Value::Scalar(b.to_string()))
            .boxed(),
        ShapeKind::Timestamp => support::time_text().prop_map(Value::Scalar).boxed(),
        ShapeKind::List(item) if depth < 8 => {
            proptest::collection::vec(tree(item, depth + 1), 0..3)
                .prop_map(Value::List)
                .boxed()
        }
        ShapeKind::List(_) => Just(Value::List(Vec::new())).boxed(),
        ShapeKind::Structure(members) => {
            let slots: Vec<BoxedStrategy<Option<Value>>> = members
                .iter()
                .map(|m| proptest::option::weighted(0.7, tree(m.shape, depth + 1)).boxed())
                .collect();
            slots.prop_map(Value::Structure).boxed()
        }
        other => panic!("no strategy for {other:?}"),
    }
}

/// How many random calls the property test sends.
const CALLS: usize = 10_000;

#[test]
fn the_cli_s_own_parser_reads_every_shorthand_word_we_write_exactly() {
    let ops = nested_operations();
    let mut runner = TestRunner::deterministic();
    let mut lines = Vec::new();
    let mut expected = Vec::new();
    let mut reasons = std::collections::BTreeMap::<String, usize>::new();
    let mut written = 0;
    for i in 0..CALLS {
        let op = ops[i % ops.len()];
        let value = tree(op.input.unwrap(), 0)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let Value::Structure(slots) = value else {
            unreachable!()
        };
        // Only the members written in shorthand: the body they give alone.
        let mut members = Vec::new();
        let mut only = vec![None; slots.len()];
        for ((member, slot), keep) in op.members().iter().zip(&slots).zip(&mut only) {
            if member.required && !is_nested(member) {
                // A plain value, so that the CLI's validation does not stop at its absence.
                members.push(json!([member.name, "plain", "top-1"]));
                *keep = Some(Value::Scalar("top-1".to_owned()));
                continue;
            }
            let Some(value) = slot.as_ref().filter(|_| is_nested(member)) else {
                continue;
            };
            // Half the calls quoted as bash's command quotes, half as the Windows shells'.
            let quote = if i % 2 == 0 {
                Quote::Double
            } else {
                Quote::Single
            };
            match shorthand::words_quoted(member.shape, value, quote) {
                Ok(words) => {
                    written += words.len();
                    members.push(json!([member.name, "shorthand", words]));
                    *keep = Some(value.clone());
                }
                Err(why) => *reasons.entry(format!("{why:?}")).or_default() += 1,
            }
        }
        let call = Call {
            operation: op,
            input: Value::Structure(only),
        };
        lines.push(json!({ "op": op.cli_name, "members": members }));
        expected.push(call);
    }
    let answers = answers("shorthand_batch.py", &lines);
    let mut wrong = Vec::new();
    for ((line, call), cli) in lines.iter().zip(&expected).zip(&answers) {
        let body = call.body();
        if cli["body"] != body.as_str() {
            wrong.push(format!(
                "{line}\n  CLI  {}\n  ours {body}",
                cli.get("body")
                    .filter(|b| !b.is_null())
                    .unwrap_or(&cli["error"])
            ));
        }
    }
    eprintln!("{CALLS} calls, {written} shorthand words, kept as JSON: {reasons:?}");
    assert!(written > CALLS / 2, "{written}");
    assert!(
        wrong.is_empty(),
        "{} of {CALLS} differ:\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// How many random whole calls go through the CLI's driver.
const DRIVER_CALLS: usize = 400;

#[test]
fn the_real_cli_sends_our_body_for_random_shorthand_commands() {
    let ops = nested_operations();
    // Another seed than the parser's test, so these are other calls.
    let mut runner = TestRunner::new_with_rng(
        proptest::test_runner::Config::default(),
        proptest::test_runner::TestRng::from_seed(
            proptest::test_runner::RngAlgorithm::ChaCha,
            &[7; 32],
        ),
    );
    let mut calls = Vec::new();
    for i in 0..DRIVER_CALLS {
        let op = ops[i % ops.len()];
        let mut input = tree(op.input.unwrap(), 0)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        // Required members given, so that the CLI sends.
        if let Value::Structure(slots) = &mut input {
            for (member, slot) in op.members().iter().zip(slots) {
                if member.required && slot.is_none() {
                    *slot = Some(Value::Scalar("top-1".to_owned()));
                }
            }
        }
        let call = Call {
            operation: op,
            input,
        };
        assert!(
            call.check().iter().all(|p| p.severity != Severity::Error),
            "{:?}",
            call.check()
        );
        calls.push(call);
    }
    let lines: Vec<Json> = calls
        .iter()
        .map(|call| json!({ "argv": call.argv_in(Notation::Shorthand) }))
        .collect();
    let answers = answers("cli_batch.py", &lines);
    let mut wrong = Vec::new();
    for ((call, line), cli) in calls.iter().zip(&lines).zip(&answers) {
        wrong.extend(pasted_back(call));
        let body = call.body();
        if cli["rc"] != 0 || cli["requests"] != 1 || cli["body"] != body.as_str() {
            wrong.push(format!(
                "{line}\n  CLI  rc {} {} {}\n  ours {body}",
                cli["rc"], cli["body"], cli["stderr"]
            ));
        }
    }
    let shorthand = calls
        .iter()
        .filter(|c| c.argv_in(Notation::Shorthand) != c.argv_in(Notation::Json))
        .count();
    eprintln!("{DRIVER_CALLS} whole calls through the CLI, {shorthand} with shorthand words");
    assert!(shorthand > DRIVER_CALLS / 3, "{shorthand}");
    assert!(
        wrong.is_empty(),
        "{} of {DRIVER_CALLS} differ:\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
