//! The SDK programs, run for real. For every form of the corpus, the Python (boto3), JavaScript
//! (SDK v3) and Rust programs the app writes are run as they are, with dummy credentials and
//! the endpoint URL pointing at a local capture server. The body each sends must be the tool's
//! HTTP body: byte for byte from boto3, the same JSON value from the JavaScript and Rust clients
//! (which write JSON their own way), with the same `X-Amz-Target`; each prints the new job's
//! ID. A member a language cannot carry (an integer too large for it) must be left out with an
//! error note, and only then. Each language's string-literal function is checked by that
//! language reading back the hostile values the shells are tested with.
//!
//! Needs what `scripts/setup.sh` installs: boto3 in its own venv, the npm package in
//! `tests/sdk-js`, and the Rust registry for `tests/sdk-rust` (its first build takes minutes;
//! `$SMSJB_SDK_RUST_TARGET` is its target folder). Fails (never skips) without them.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output as ProcessOutput, Stdio};
use std::sync::Mutex;
use std::time::Instant;

use sms_job_builder::core::diagnostic::Severity;
use sms_job_builder::core::form::Form;
use sms_job_builder::core::params;
use sms_job_builder::core::params::Id;
use sms_job_builder::core::render::sdk::{self, javascript, python, rust};
use sms_job_builder::core::render::{self, CliOptions, Output, Rendered, Sdk};
use sms_job_builder::core::request::Request;
use support::Case;
use support::capture::{CaptureServer, Captured, clip, report, scratch};

/// Programs run at once per language (the machine has two cores).
const WORKERS: usize = 2;

/// What the capture server answers, and so what every program must print.
const JOB_ID: &str = "sms-job-0123456789abcdef0";

/// The Region the runs use unless a case says otherwise.
const REGION: &str = "us-east-1";

/// The named profile of the profile case, and what its files hold.
const PROFILE: &str = "sdk-check";
const PROFILE_KEY_ID: &str = "AKIDPROFILEEXAMPLE";
const PROFILE_REGION: &str = "ap-south-1";

use support::sdk_rust::cache;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The venv with boto3 that `scripts/setup.sh` makes (or `$SMSJB_SDK_VENV`).
fn sdk_python() -> PathBuf {
    let venv =
        std::env::var_os("SMSJB_SDK_VENV").map_or_else(|| cache().join("sdk-venv"), PathBuf::from);
    let python = venv.join("bin/python");
    let out = Command::new(&python)
        .args([
            "-c",
            "import boto3, botocore; print(boto3.__version__, botocore.__version__)",
        ])
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}. Run scripts/setup.sh: it makes a venv with boto3 {} there.",
                python.display(),
                sdk::BOTO3_VERSION
            )
        });
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{} {}", sdk::BOTO3_VERSION, sdk::BOTOCORE_VERSION),
        "the venv {} holds other releases; run scripts/setup.sh",
        venv.display()
    );
    python
}

/// `tests/sdk-js/node_modules`, checked to hold the release the program names.
fn js_modules() -> PathBuf {
    let modules = root().join("tests/sdk-js/node_modules");
    let manifest = modules.join("@aws-sdk/client-sms/package.json");
    let text = std::fs::read_to_string(&manifest).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. Run scripts/setup.sh (npm ci in tests/sdk-js).",
            manifest.display()
        )
    });
    let version: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        version["version"],
        sdk::JS_CLIENT_VERSION,
        "tests/sdk-js has another @aws-sdk/client-sms; run npm ci there"
    );
    modules
}

/// A form of the corpus and how its program is run.
struct SdkCase {
    name: String,
    form: Form,
    /// Credentials and Region from a named profile's files instead of the environment.
    profile: bool,
}

impl SdkCase {
    fn new(name: impl Into<String>, form: Form) -> Self {
        Self {
            name: name.into(),
            form,
            profile: false,
        }
    }
}

/// The CLI conformance corpus (typical and hostile values, every member, the global options),
/// plus what only the programs use: the Region and profile, timeouts of every kind, CLI v2's
/// pager option, and `--query` values that would break out of a comment if written raw.
fn corpus() -> Vec<SdkCase> {
    let mut cases: Vec<SdkCase> = support::corpus()
        .into_iter()
        .map(|Case { name, form }| SdkCase::new(name, form))
        .collect();
    let base = support::base;
    cases.push(SdkCase::new(
        "another Region",
        base().with(Id::Region, "eu-west-3"),
    ));
    let mut profile = SdkCase::new("named profile", base().with(Id::Profile, PROFILE));
    profile.profile = true;
    cases.push(profile);
    for (read, connect) in [("0", "0"), ("1", "3000000"), ("-1", "-5")] {
        cases.push(SdkCase::new(
            format!("timeouts read {read}, connect {connect}"),
            base()
                .with(Id::CliReadTimeout, read)
                .with(Id::CliConnectTimeout, connect),
        ));
    }
    cases.push(SdkCase::new(
        "every global option",
        base()
            .with(Id::Output, "text")
            .with(Id::Query, "replicationJobId")
            .with(Id::Debug, "true")
            .with(Id::NoCliPager, "true")
            .with(Id::CliReadTimeout, "30")
            .with(Id::CliConnectTimeout, "10"),
    ));
    for query in [
        "x\nprocess.exit(7)",
        "x\rimport sys; sys.exit(7)",
        "x\u{2028}process.exit(7)",
        "x\u{2029}process.exit(7)",
        "x\u{85}std::process::exit(7);",
        "*/ std::process::exit(7); /*",
        "\\",
        "\u{202e}x\u{2066}",
    ] {
        cases.push(SdkCase::new(
            format!("query {query:?}"),
            base().with(Id::Query, query),
        ));
    }
    // To rerun a few cases while debugging: SMSJB_SDK_ONLY=<part of a case name>.
    let only = std::env::var("SMSJB_SDK_ONLY").unwrap_or_default();
    cases.retain(|c| c.name.contains(&only));
    assert!(!cases.is_empty(), "no case name contains {only:?}");
    cases
}

/// The checked request of a case, with the capture server as the endpoint and the Region the
/// runs use when the case names none.
fn request(case: &SdkCase, endpoint: &str) -> Request {
    let mut form = case.form.clone().with(Id::EndpointUrl, endpoint);
    if !case.profile && !form.is_set(Id::Region) {
        form = form.with(Id::Region, REGION);
    }
    support::checked_request(&Case {
        name: case.name.clone(),
        form,
    })
}

fn program(request: &Request, sdk: Sdk) -> Rendered {
    Output::Sdk.render(
        request,
        CliOptions {
            sdk,
            ..CliOptions::default()
        },
    )
}

/// The members a program leaves out, by the error notes that say so.
fn left_out(rendered: &Rendered) -> Vec<&'static str> {
    rendered
        .notes
        .iter()
        .filter(|n| n.severity == Severity::Error)
        .filter_map(|n| n.param.and_then(params::by_flag))
        .filter_map(params::Param::member)
        .collect()
}

/// What a language must send: our body, less the members it says it leaves out.
fn expected_value(body: &str, left_out: &[&str]) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(body).unwrap();
    let object = value.as_object_mut().unwrap();
    for member in left_out {
        object.remove(*member);
    }
    value
}

/// The folder a run's HOME and profile files are in, with the process environment.
struct RunEnv {
    home: PathBuf,
    config: PathBuf,
    credentials: PathBuf,
}

impl RunEnv {
    fn new(dir: &Path) -> Self {
        let home = dir.join("home");
        std::fs::create_dir_all(&home).unwrap();
        let config = dir.join("aws-config");
        let credentials = dir.join("aws-credentials");
        std::fs::write(
            &config,
            format!("[profile {PROFILE}]\nregion = {PROFILE_REGION}\n"),
        )
        .unwrap();
        std::fs::write(
            &credentials,
            format!(
                "[{PROFILE}]\naws_access_key_id = {PROFILE_KEY_ID}\naws_secret_access_key = profile-secret\n"
            ),
        )
        .unwrap();
        Self {
            home,
            config,
            credentials,
        }
    }

    /// A command in a clean environment: dummy credentials and Region in the environment, or,
    /// for the profile case, only the profile's files.
    fn command(&self, program: &Path, profile: bool) -> Command {
        let mut command = Command::new(program);
        command
            .env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("HOME", &self.home)
            .env("LANG", "C.UTF-8")
            // Far from UTC: a time read as local would show.
            .env("TZ", "America/New_York")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .current_dir(&self.home)
            .stdin(Stdio::null());
        if profile {
            command
                .env("AWS_CONFIG_FILE", &self.config)
                .env("AWS_SHARED_CREDENTIALS_FILE", &self.credentials);
        } else {
            command
                .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
                .env("AWS_SECRET_ACCESS_KEY", "dummy-secret")
                .env("AWS_DEFAULT_REGION", REGION)
                .env("AWS_CONFIG_FILE", "/dev/null")
                .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        }
        command
    }
}

/// Everything wrong with one run; empty when it sent what it must.
fn judge(
    sdk: Sdk,
    case: &SdkCase,
    request: &Request,
    rendered: &Rendered,
    out: &ProcessOutput,
    captured: &[Captured],
) -> Vec<String> {
    let mut wrong = Vec::new();
    if !out.status.success() {
        wrong.push(format!("the program exited with {}", out.status));
    }
    if String::from_utf8_lossy(&out.stdout) != format!("{JOB_ID}\n") {
        wrong.push(format!(
            "it printed {:?}, not the job ID",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    let [one] = captured else {
        wrong.push(format!("{} requests arrived instead of 1", captured.len()));
        return wrong;
    };
    let body = render::http::body(request);
    let left_out = left_out(rendered);
    match sdk {
        Sdk::Python => {
            if !left_out.is_empty() {
                wrong.push(format!("boto3 left out {left_out:?}"));
            }
            if one.body != body.as_bytes() {
                wrong.push("the body differs from ours".into());
            }
        }
        Sdk::JavaScript | Sdk::Rust => match serde_json::from_slice::<serde_json::Value>(&one.body)
        {
            Ok(sent) => {
                let want = expected_value(&body, &left_out);
                // serde_json's map compares keys and values, not their order.
                if sent != want {
                    wrong.push(format!("the body is another JSON value than {want}"));
                }
                if sdk == Sdk::Rust {
                    let keys: Vec<&String> = sent.as_object().unwrap().keys().collect();
                    let model: Vec<&String> = want.as_object().unwrap().keys().collect();
                    if keys != model {
                        wrong.push(format!("keys in the order {keys:?}, not the model's"));
                    }
                }
            }
            Err(e) => wrong.push(format!("the body is not JSON: {e}")),
        },
    }
    let prepared = render::http::prepare(request);
    for name in ["X-Amz-Target", "Content-Type"] {
        if one.header(name) != prepared.header(name) {
            wrong.push(format!(
                "{name}: sent {:?}, ours {:?}",
                one.header(name),
                prepared.header(name)
            ));
        }
    }
    if (one.method.as_str(), one.path.as_str()) != ("POST", "/") {
        wrong.push(format!("sent {} {}", one.method, one.path));
    }
    // The signature names the credentials and Region the program chose.
    let (key_id, region) = if case.profile {
        (PROFILE_KEY_ID, PROFILE_REGION.to_owned())
    } else {
        let region = match request.get(Id::Region) {
            Some(sms_job_builder::core::request::Value::Text(r)) => r.clone(),
            _ => REGION.to_owned(),
        };
        ("AKIDEXAMPLE", region)
    };
    let scope = format!("Credential={key_id}/");
    let region_scope = format!("/{region}/sms/aws4_request");
    match one.header("Authorization") {
        Some(auth) if auth.contains(&scope) && auth.contains(&region_scope) => {}
        other => wrong.push(format!(
            "signed as {other:?}, expected {scope}…{region_scope}"
        )),
    }
    wrong
}

/// How one language's program for a case is written to disk and started.
trait Runner: Sync {
    fn sdk(&self) -> Sdk;
    /// Starts case `index`, whose program is `text`.
    fn command(&self, env: &RunEnv, dir: &Path, index: usize, text: &str, profile: bool)
    -> Command;
}

struct PythonRunner {
    python: PathBuf,
}

impl Runner for PythonRunner {
    fn sdk(&self) -> Sdk {
        Sdk::Python
    }

    fn command(
        &self,
        env: &RunEnv,
        dir: &Path,
        index: usize,
        text: &str,
        profile: bool,
    ) -> Command {
        let file = dir.join(format!("case-{index}-{}", Sdk::Python.file_name()));
        std::fs::write(&file, text).unwrap();
        let mut command = env.command(&self.python, profile);
        command.arg(file);
        command
    }
}

struct NodeRunner;

impl Runner for NodeRunner {
    fn sdk(&self) -> Sdk {
        Sdk::JavaScript
    }

    fn command(
        &self,
        env: &RunEnv,
        dir: &Path,
        index: usize,
        text: &str,
        profile: bool,
    ) -> Command {
        let file = dir.join(format!("case-{index}-{}", Sdk::JavaScript.file_name()));
        std::fs::write(&file, text).unwrap();
        let mut command = env.command(Path::new("node"), profile);
        command.arg(file);
        command
    }
}

struct RustRunner {
    binary: PathBuf,
}

impl Runner for RustRunner {
    fn sdk(&self) -> Sdk {
        Sdk::Rust
    }

    fn command(&self, env: &RunEnv, _: &Path, index: usize, _: &str, profile: bool) -> Command {
        let mut command = env.command(&self.binary, profile);
        command.arg(index.to_string());
        command
    }
}

/// The cases with the endpoint of the server that runs them (case `i` goes to server
/// `i % WORKERS`), and their programs.
struct Plan {
    cases: Vec<SdkCase>,
    requests: Vec<Request>,
    programs: Vec<Rendered>,
}

impl Plan {
    fn new(sdk: Sdk, servers: &[CaptureServer]) -> Self {
        let cases = corpus();
        let requests: Vec<Request> = cases
            .iter()
            .enumerate()
            .map(|(i, case)| request(case, &servers[i % servers.len()].endpoint()))
            .collect();
        let programs = requests.iter().map(|r| program(r, sdk)).collect();
        Self {
            cases,
            requests,
            programs,
        }
    }
}

/// Runs every case of the plan with `runner`, two at a time, and reports.
fn run_all(runner: &dyn Runner, plan: &Plan, servers: Vec<CaptureServer>, dir: &Path) {
    let started = Instant::now();
    let sdk = runner.sdk();
    let problems = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for (w, mut server) in servers.into_iter().enumerate() {
            let problems = &problems;
            let dir = dir.join(format!("worker-{w}"));
            std::fs::create_dir_all(&dir).unwrap();
            scope.spawn(move || {
                let env = RunEnv::new(&dir);
                for index in (w..plan.cases.len()).step_by(WORKERS) {
                    let case = &plan.cases[index];
                    let rendered = &plan.programs[index];
                    let out = runner
                        .command(&env, &dir, index, &rendered.text, case.profile)
                        .output()
                        .unwrap_or_else(|e| panic!("cannot run the {sdk:?} program: {e}"));
                    let captured = server.take_new();
                    let wrong = judge(sdk, case, &plan.requests[index], rendered, &out, &captured);
                    if !wrong.is_empty() {
                        let sent = captured.first().map_or(&[][..], |c| c.body.as_slice());
                        problems.lock().unwrap().push(format!(
                            "case: {}\nlanguage: {sdk:?}\nproblems: {}\nprogram:\n{}\nour body:  {}\nsent body: {}\nstderr: {}",
                            case.name,
                            wrong.join("; "),
                            clip(&rendered.text),
                            clip(&render::http::body(&plan.requests[index])),
                            clip(&String::from_utf8_lossy(sent)),
                            clip(&String::from_utf8_lossy(&out.stderr)),
                        ));
                    }
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    for problem in &problems {
        report(&format!("\n---- SDK conformance failure ----\n{problem}"));
    }
    assert!(
        problems.is_empty(),
        "{sdk:?}: {} cases, {} programs send something else (reports above)",
        plan.cases.len(),
        problems.len()
    );
    let left_out: usize = plan.programs.iter().map(|p| left_out(p).len()).sum();
    report(&format!(
        "SDK conformance, {sdk:?}: {} programs ran and sent our body ({} members left out with \
         an error note); {:.1} s",
        plan.cases.len(),
        left_out,
        started.elapsed().as_secs_f64()
    ));
}

fn servers(python: &Path, dir: &Path) -> Vec<CaptureServer> {
    (0..WORKERS)
        .map(|w| {
            let dir = dir.join(format!("server-{w}"));
            std::fs::create_dir_all(&dir).unwrap();
            CaptureServer::start(python, &dir)
        })
        .collect()
}

#[test]
fn boto3_programs_send_our_exact_body() {
    let python = sdk_python();
    let root = scratch("sdk-python");
    let servers = servers(&python, &root.0);
    let plan = Plan::new(Sdk::Python, &servers);
    if std::env::var_os("SMSJB_SDK_ONLY").is_none() {
        assert!(plan.cases.len() >= 60, "only {} cases", plan.cases.len());
    }
    run_all(&PythonRunner { python }, &plan, servers, &root.0);
}

#[test]
fn javascript_programs_send_our_json_value() {
    let python = sdk_python();
    let modules = js_modules();
    let root = scratch("sdk-javascript");
    // A module finds its packages in a node_modules folder beside it or above it.
    std::os::unix::fs::symlink(&modules, root.0.join("node_modules")).unwrap();
    let servers = servers(&python, &root.0);
    let plan = Plan::new(Sdk::JavaScript, &servers);
    run_all(&NodeRunner, &plan, servers, &root.0);
}

#[test]
fn rust_programs_send_our_json_value() {
    let python = sdk_python();
    let root = scratch("sdk-rust");
    let servers = servers(&python, &root.0);
    let plan = Plan::new(Sdk::Rust, &servers);
    let texts: Vec<String> = plan.programs.iter().map(|p| p.text.clone()).collect();
    let binary = support::sdk_rust::build(&texts, &hostile_strings(), &root.0);
    check_rust_literals(&binary);
    run_all(&RustRunner { binary }, &plan, servers, &root.0);
}

/// Characters that mean something in one of the three languages' literals or comments.
const TRICKY: &[char] = &[
    '"', '\'', '\\', '`', '$', '{', '}', '%', '#', '/', '*', '\n', '\r', '\t', '\0', '\u{85}',
    '\u{2028}', '\u{2029}', '\u{202e}', '\u{feff}', 'N', 'x', 'u', 'U', '0',
];

/// Values whose string literals must read back exactly: the shells' hostile values, what is
/// special in one of the three languages, and pseudo-random strings from every plane.
fn hostile_strings() -> Vec<String> {
    let mut values: Vec<String> = [
        support::AWKWARD,
        support::DASHED,
        support::EXPANDABLE,
        support::YAML_HOSTILE,
    ]
    .concat()
    .into_iter()
    .map(str::to_owned)
    .collect();
    for special in [
        "",
        "\0",
        "\0\u{31}\u{37}",
        "\u{1}\u{1b}[31m\u{7f}\u{80}\u{9f}",
        "\r\n",
        "\u{85}\u{2028}\u{2029}",
        "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}",
        "\u{feff}\u{200b}\u{2060}\u{ad}",
        "${x} ${`${x}`} `${}`",
        "{} {0} {{}} {:?} %s %d",
        "\\N{BULLET} \\x41 \\u0041 \\u{41} \\U00000041 \\0 \\",
        "\"\"\" ''' r#\"x\"# b\"x\"",
        "*/ /* // # <!-- --> </script>",
        "\"); import os; os.system(\"id\"); (\"",
        "\"; process.exit(1); \"",
        "\"); std::process::exit(1); (\"",
        "😀👨\u{200d}👩\u{200d}👧 \u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}",
        "\u{d7ff}\u{e000}\u{fffd}\u{fffe}\u{ffff}\u{10000}\u{10ffff}",
        "\u{fff9}\u{fffa}\u{fffb}\u{61c}\u{180e}",
    ] {
        values.push(special.to_owned());
    }
    // xorshift64*, seeded: the same strings every run, spread over every kind of character.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    for _ in 0..400 {
        let len = next() % 24;
        let text: String = (0..len)
            .map(|_| {
                let r = next();
                let pick = (r >> 32) as u32;
                match r % 5 {
                    0 => TRICKY[pick as usize % TRICKY.len()],
                    1 => char::from_u32(pick % 0x80).unwrap_or('?'),
                    2 => char::from_u32(pick % 0x800).unwrap_or('?'),
                    3 => char::from_u32(pick % 0x1_0000).unwrap_or('\u{fffd}'),
                    _ => char::from_u32(pick % 0x11_0000).unwrap_or('\u{1f600}'),
                }
            })
            .collect();
        values.push(text);
    }
    values
}

/// UTF-8 hex of each value, one per line, as the three checks print them.
fn hex_lines(values: &[String]) -> Vec<String> {
    values
        .iter()
        .map(|v| {
            v.bytes().fold(String::new(), |mut hex, b| {
                let _ = write!(hex, "{b:02x}");
                hex
            })
        })
        .collect()
}

/// Compares what a language printed back with the values, naming the first that differs.
fn assert_read_back(language: &str, values: &[String], stdout: &[u8]) {
    let printed: Vec<&str> = std::str::from_utf8(stdout)
        .unwrap()
        .strip_suffix('\n')
        .unwrap_or_default()
        .split('\n')
        .collect();
    let want = hex_lines(values);
    assert_eq!(
        printed.len(),
        want.len(),
        "{language} printed another count"
    );
    for ((value, want), got) in values.iter().zip(&want).zip(printed) {
        assert_eq!(got, want, "{language} read {value:?} back differently");
    }
}

#[test]
fn string_literals_never_hold_a_raw_line_break_so_comments_stay_comments() {
    for value in hostile_strings() {
        for literal in [
            python::string(&value),
            javascript::string(&value),
            rust::string(&value),
        ] {
            assert!(
                !literal.contains(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']),
                "{literal:?}"
            );
        }
    }
}

#[test]
fn python_reads_back_every_string_literal() {
    let values = hostile_strings();
    let mut script = String::from("import sys\nvalues = [\n");
    for value in &values {
        let _ = writeln!(script, "    {},", python::string(value));
    }
    script.push_str(
        "]\nfor v in values:\n    sys.stdout.write(v.encode(\"utf-8\").hex() + \"\\n\")\n",
    );
    let dir = scratch("sdk-literals-py");
    let file = dir.0.join("literals.py");
    std::fs::write(&file, script).unwrap();
    let out = Command::new(sdk_python()).arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_read_back("Python", &values, &out.stdout);
}

#[test]
fn node_reads_back_every_string_literal() {
    let values = hostile_strings();
    let mut script = String::from("const values = [\n");
    for value in &values {
        let _ = writeln!(script, "  {},", javascript::string(value));
    }
    script.push_str(
        "];\nfor (const v of values) {\n  if (!v.isWellFormed()) throw new Error(\"lone surrogate\");\n  \
         process.stdout.write(Buffer.from(v, \"utf8\").toString(\"hex\") + \"\\n\");\n}\n",
    );
    let dir = scratch("sdk-literals-js");
    // An ES module, as the program is: octal escapes would be refused here.
    let file = dir.0.join("literals.mjs");
    std::fs::write(&file, script).unwrap();
    let out = Command::new("node").arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_read_back("Node.js", &values, &out.stdout);
}

/// The Rust literals are compiled with the programs (one build); this reads them back.
fn check_rust_literals(binary: &Path) {
    let values = hostile_strings();
    let out = Command::new(binary).arg("literals").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_read_back("Rust", &values, &out.stdout);
}
