//! Shared by the tests that check the generated outputs against real tools: where the Python
//! venv with the real AWS CLI v1 is, the fixed validation context, and the corpus of forms.
//!
//! The corpus is built from the parameter table: parameters are found by kind and scope in
//! [`params::PARAMS`], never listed again here. Only the values are written out.

pub mod capture;
pub mod sdk_rust;
/// The models of cmd.exe and PowerShell the renderers' unit tests use too.
#[path = "../../src/core/render/cli/shell_models.rs"]
pub mod shell_models;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sms_job_builder::core::form::{Form, Zone};
use sms_job_builder::core::params::{self, Kind, Param};
use sms_job_builder::core::request::Request;
use sms_job_builder::core::timestamp::{self, FixedOffset};
use sms_job_builder::core::validate::{self, Context};

/// Printed after each command's words by [`shell_words`]; never valid UTF-8, so no value can
/// forge it.
const END: &[u8] = b"\xff";

/// Runs the commands in one real `shell` (bash, sh or zsh) where `aws` is a function printing
/// its words, and gives each command's words after `aws`. The script goes on stdin: a corpus
/// is longer than an argument may be.
pub fn shell_words(shell: &str, commands: &[String]) -> Vec<Vec<String>> {
    let mut script = String::from("aws() { printf '%s\\0' \"$@\"; printf '\\377\\0'; }\n");
    for command in commands {
        script.push_str(command);
    }
    let mut child = Command::new(shell)
        .arg("-s")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {shell}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let fed = script.clone();
    let feeder = std::thread::spawn(move || stdin.write_all(fed.as_bytes()));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{shell} failed: {}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut commands = Vec::new();
    let mut current = Vec::new();
    let words = out.stdout.strip_suffix(b"\0").unwrap_or_default();
    for word in words.split(|b| *b == 0) {
        if word == END {
            commands.push(std::mem::take(&mut current));
        } else {
            current.push(String::from_utf8(word.to_vec()).unwrap());
        }
    }
    assert!(current.is_empty(), "{shell}: output after the last command");
    commands
}

/// A time in one of the forms the tool reads: epoch seconds, ISO 8601 UTC, a fraction, or
/// the date and time without `T` and zone.
pub fn time_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy as _;
    (0_i64..4_102_444_800, 0_usize..4).prop_map(|(seconds, form)| match form {
        0 => seconds.to_string(),
        1 => timestamp::format_utc(seconds),
        2 => format!("{seconds}.5"),
        _ => timestamp::format_utc(seconds)
            .replace('T', " ")
            .replace('Z', ""),
    })
}

/// The AWS CLI release the installer puts in the venv (the last v1 with `sms`).
pub const AWSCLI_VERSION: &str = "1.42.30";

/// "Now" for every check: 2026-11-25T09:00:00Z, so warnings do not depend on the clock.
pub const NOW: i64 = 1_795_597_200;

/// The local zone for forms that read a zoneless seed time as local time.
pub const LOCAL: FixedOffset = FixedOffset(3600);

/// The venv `scripts/setup.sh` makes (or `$SMSJB_AWSCLI_VENV`). Panics with what to run when
/// it is missing: these tests never pass without the real tools.
pub fn venv() -> PathBuf {
    let dir = std::env::var_os("SMSJB_AWSCLI_VENV").map_or_else(
        || {
            let home = std::env::var_os("HOME").expect("HOME is not set");
            Path::new(&home)
                .join(".cache/sms-job-builder")
                .join(format!("awscli-{AWSCLI_VERSION}"))
        },
        PathBuf::from,
    );
    let needed = [dir.join("bin/aws"), dir.join("bin/python")];
    if let Some(missing) = needed.iter().find(|p| !p.exists()) {
        panic!(
            "{} is missing: the conformance tests need the real AWS CLI {AWSCLI_VERSION}, \
             ruamel.yaml and PyYAML in a venv. Run scripts/setup.sh (or point \
             SMSJB_AWSCLI_VENV at such a venv).",
            missing.display()
        );
    }
    dir
}

/// The venv's Python.
pub fn python() -> PathBuf {
    venv().join("bin/python")
}

/// A helper script in `tests/support/`.
pub fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/support")
        .join(name)
}

/// Runs a helper script with the venv's Python, feeding `input` on stdin; returns stdout.
pub fn run_python(name: &str, input: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut child = Command::new(python())
        .arg(script(name))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let feeder = {
        let input = input.to_vec();
        std::thread::spawn(move || stdin.write_all(&input))
    };
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{name} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A named form of the corpus.
#[derive(Debug, Clone)]
pub struct Case {
    /// Shown when the case fails.
    pub name: String,
    /// What the user typed.
    pub form: Form,
}

/// Validates a form with the fixed context; panics (showing every diagnostic) on an error,
/// because every corpus case is something the CLI accepts.
pub fn checked_request(case: &Case) -> Request {
    let ctx = Context {
        now: NOW,
        local: &LOCAL,
    };
    let checked = validate::check(&case.form, &ctx);
    assert!(
        !checked.has_errors(),
        "case {} does not validate: {:#?}",
        case.name,
        checked.diagnostics
    );
    checked.request
}

/// A plain value a parameter of this kind accepts.
fn sample(param: &Param) -> String {
    match param.kind {
        // Underscores keep it a valid JMESPath name too (for `--query`).
        Kind::Text => format!("sample_{}", param.flag.replace('-', "_")),
        Kind::Timestamp => "2026-11-26T10:00:00Z".into(),
        Kind::Integer => "12".into(),
        Kind::Boolean | Kind::Switch => "true".into(),
        Kind::Choice(values) => values[0].into(),
    }
}

/// A form with the required members filled in with plain values.
pub fn base() -> Form {
    params::PARAMS
        .iter()
        .filter(|p| p.required)
        .fold(Form::new(), |form, p| form.with(p.id, sample(p)))
}

/// The parameter of a flag; the tests name a few on purpose (e.g. `description`).
pub fn param(flag: &str) -> &'static Param {
    params::by_flag(flag).unwrap_or_else(|| panic!("no parameter {flag}"))
}

/// The first required member of a kind (the server ID for text, the seed time for a time).
fn required_of(kind: fn(&Kind) -> bool) -> &'static Param {
    params::members()
        .find(|p| p.required && kind(&p.kind))
        .expect("a required member of that kind")
}

/// The optional text members (role, description, KMS key).
fn optional_text_members() -> impl Iterator<Item = &'static Param> {
    params::members().filter(|p| !p.required && p.kind == Kind::Text)
}

/// Every text member, required or not.
pub fn text_members() -> impl Iterator<Item = &'static Param> {
    params::members().filter(|p| p.kind == Kind::Text)
}

/// Global options the CLI runs check one at a time. `region` and `endpoint-url` are always
/// set by the runner; `profile` would need a config file, and the runs use none.
fn testable_globals() -> impl Iterator<Item = &'static Param> {
    params::globals()
        .filter(|p| !p.v2_only && !["region", "endpoint-url", "profile"].contains(&p.flag))
}

/// The awkward `--description` values of the CLI facts (§8), and a few more for the other
/// shells the app writes for.
pub const AWKWARD: &[&str] = &[
    "two words",
    "it's",
    "say \"hi\"",
    "$(echo injected)",
    "`echo injected`",
    "${HOME}",
    "$HOME and $1",
    "line one\nline two",
    "tab\there",
    "carriage\rreturn",
    "C:\\path\\to\\file",
    "ends with a backslash \\",
    "\\\\server\\share",
    "Größe, naïve, 日本語",
    "emoji 😀🚀",
    "no\u{a0}break\u{a0}space",
    "a=b",
    "key=value,other=2",
    "*",
    "*.txt ?x [ab]",
    ";&|<>",
    "a; echo injected && false || true",
    "{a,b}",
    "!",
    "hello!world !! !$",
    "#",
    "# not a comment",
    "\"\"",
    "\" \"",
    " padded ",
    "'",
    "%PATH% ^& ^|",
    "`n $env:PATH @(1) $null",
    "~ ~/x",
    "$'x' $\"y\"",
    "\"'\"'\"",
    "zero\u{200b}width \u{202e}rtl\u{2028}sep",
];

/// Values that start with `-`, which argparse reads as options when they stand alone.
pub const DASHED: &[&str] = &[
    "-x",
    "--x",
    "--x=1",
    "-1e5",
    "--server-id",
    "--",
    "-1",
    "-1.5",
    "-.5",
    "-",
    "-x y",
    "--description",
];

/// Values that a command line would expand (a file, or in v1 a URL) and must arrive as text;
/// and near misses that are text anyway. The URLs point at a closed local port, so an
/// expansion fails at once instead of waiting.
pub const EXPANDABLE: &[&str] = &[
    "file:///etc/hostname",
    "fileb:///etc/hostname",
    "file://create-replication-job.json",
    "http://127.0.0.1:9/page",
    "https://127.0.0.1:9/page",
    "FILE://x",
    " file://x",
    "x file://y",
];

/// Strings a YAML reader could take for something else (YAML 1.1 or 1.2 booleans, nulls,
/// numbers, dates, sexagesimals; indicators; comments; space).
pub const YAML_HOSTILE: &[&str] = &[
    "true",
    "false",
    "True",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Y",
    "NO",
    "null",
    "Null",
    "~",
    "012",
    "0o12",
    "0x1F",
    "0b101",
    "1_000",
    "+12",
    "-12",
    "1e3",
    "1.0",
    ".5",
    ".inf",
    "-.inf",
    ".nan",
    "12:30",
    "1:20:30",
    "2026-11-25",
    "2026-11-25 10:00:00",
    "2026-11-25T10:00:00Z",
    "@x",
    "`x",
    "%x",
    "&x",
    "*x",
    "!x",
    "!!str x",
    "|",
    ">",
    "- x",
    "-",
    ": x",
    "? x",
    "a: b",
    "a:b",
    "a #b",
    "a# b",
    "[a, b]",
    "{a: 1}",
    "trailing ",
    " leading",
    "x\n",
    "\nx",
    "a\nb",
    "a\n\nb",
    "\t",
    "'q'",
    "\"q\"",
    "<<",
    "=",
    "Ünïcode ☃",
    "\u{85}next",
    "\u{feff}bom",
    "---",
    "...",
];

/// Seed times people type (offsets, epochs, fractions, zoneless), with how a zoneless one is
/// read.
const SEED_TIMES: &[(&str, Zone)] = &[
    ("2026-11-25T10:00:00Z", Zone::Utc),
    ("2026-11-25T10:00:00+02:00", Zone::Utc),
    ("2026-11-25T10:00:00-05:30", Zone::Utc),
    ("2026-11-25T10:00:00.999Z", Zone::Utc),
    ("2026-11-25 10:00:00Z", Zone::Utc),
    ("20261125T100000Z", Zone::Utc),
    ("1764064800", Zone::Utc),
    ("1764064800.9", Zone::Utc),
    ("0", Zone::Utc),
    ("-1", Zone::Utc),
    ("-1.5", Zone::Utc),
    ("2026-11-25T10:00:00", Zone::Utc),
    ("2026-11-25T10:00:00", Zone::Local),
    ("2026-11-25", Zone::Utc),
    ("0001-01-01T00:00:00Z", Zone::Utc),
    ("9999-12-31T23:59:59Z", Zone::Utc),
];

/// Integer spellings the validator accepts.
const INTEGERS: &[&str] = &[
    "+12",
    " 12 ",
    "012",
    "0",
    "-1",
    "9223372036854775807",
    "-9223372036854775808",
];

/// Ten thousand characters of a repeated pattern.
fn long(pattern: &str) -> String {
    pattern.chars().cycle().take(10_000).collect()
}

fn case(name: impl Into<String>, form: Form) -> Case {
    Case {
        name: name.into(),
        form,
    }
}

/// The corpus both the CLI runs and the YAML reader checks use.
pub fn corpus() -> Vec<Case> {
    let mut cases = parameter_cases();
    cases.extend(string_cases());
    cases.extend(time_and_number_cases());
    cases.extend(yaml_hostile_cases());
    cases
}

/// Every parameter alone (booleans and choices in every state) and all of them together.
fn parameter_cases() -> Vec<Case> {
    let mut cases = vec![case("required members only", base())];
    for p in params::members().filter(|p| !p.required) {
        let values: Vec<String> = match p.kind {
            Kind::Boolean => vec!["true".into(), "false".into()],
            Kind::Choice(values) => values.iter().map(|v| (*v).to_owned()).collect(),
            _ => vec![sample(p)],
        };
        for value in values {
            cases.push(case(
                format!("{} = {value:?}", p.flag),
                base().with(p.id, value),
            ));
        }
    }
    for p in testable_globals() {
        cases.push(case(
            format!("global {}", p.flag),
            base().with(p.id, sample(p)),
        ));
    }
    for flip in ["true", "false"] {
        let mut form = base();
        for p in params::members().filter(|p| !p.required) {
            let value = if p.kind == Kind::Boolean {
                flip.to_owned()
            } else {
                sample(p)
            };
            form = form.with(p.id, value);
        }
        for p in testable_globals() {
            form = form.with(p.id, sample(p));
        }
        cases.push(case(format!("every parameter, booleans {flip}"), form));
    }
    cases
}

/// Awkward, dash-leading, expandable and long text.
fn string_cases() -> Vec<Case> {
    let description = param("description");
    let server = required_of(|k| *k == Kind::Text);
    let mut cases = Vec::new();
    for (kind, values) in [
        ("awkward", AWKWARD),
        ("dashed", DASHED),
        ("expandable", EXPANDABLE),
    ] {
        for value in values {
            cases.push(case(
                format!("{kind} description {value:?}"),
                base().with(description.id, *value),
            ));
        }
    }

    let mut dashed_everywhere = base().with(server.id, "-s");
    for (p, value) in optional_text_members().zip(["--", "--x=1", "--kms-key-id"]) {
        dashed_everywhere = dashed_everywhere.with(p.id, value);
    }
    cases.push(case(
        "dashed values in every text member",
        dashed_everywhere,
    ));

    let mut expandable_everywhere = base().with(server.id, "file://server.txt");
    for (p, value) in optional_text_members().zip(["http://127.0.0.1:9/", "fileb://k", "file://"]) {
        expandable_everywhere = expandable_everywhere.with(p.id, value);
    }
    cases.push(case(
        "expandable values in every text member",
        expandable_everywhere,
    ));

    cases.push(case(
        "10,000 plain characters",
        base().with(description.id, long("abcdefghij")),
    ));
    cases.push(case(
        "10,000 awkward characters",
        base().with(description.id, long("'\"$`\\!é😀 \n;")),
    ));
    cases
}

/// Seed times in every spelling, integers in every spelling.
fn time_and_number_cases() -> Vec<Case> {
    let seed = required_of(|k| *k == Kind::Timestamp);
    let mut cases = Vec::new();
    for (text, zone) in SEED_TIMES {
        let mut form = base().with(seed.id, *text);
        form.zone = *zone;
        cases.push(case(
            format!("seed time {text:?} ({})", zone.as_str()),
            form,
        ));
    }
    for text in INTEGERS {
        let form = params::members()
            .filter(|p| p.kind == Kind::Integer)
            .fold(base(), |form, p| form.with(p.id, *text));
        cases.push(case(format!("every integer member = {text:?}"), form));
    }
    cases
}

/// The YAML-hostile strings, packed a few to a case across every text member.
fn yaml_hostile_cases() -> Vec<Case> {
    let text: Vec<&Param> = text_members().collect();
    let mut cases = Vec::new();
    for (i, chunk) in YAML_HOSTILE.chunks(text.len()).enumerate() {
        // Blank values last, so they land on an optional member (a blank server ID is refused).
        let mut chunk = chunk.to_vec();
        chunk.sort_by_key(|v| v.trim().is_empty());
        let form = text
            .iter()
            .zip(chunk)
            .fold(base(), |form, (p, v)| form.with(p.id, v));
        cases.push(case(format!("YAML-hostile strings, group {}", i + 1), form));
    }
    cases
}
