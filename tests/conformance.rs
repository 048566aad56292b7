//! Conformance with the real AWS CLI v1 (1.42.30): for every form of the corpus, the commands
//! and the `--cli-input-json` document the app writes are run for real against a local capture
//! server, and the request body the CLI sends must be byte-identical to
//! `render::http::body`, with the headers `render::http::prepare` promises. The skeletons are
//! compared with the CLI's own `--generate-cli-skeleton` output.
//!
//! Needs the venv `scripts/setup.sh` makes; fails (never skips) without it.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output as ProcessOutput, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use sms_job_builder::core::params::Id;
use sms_job_builder::core::render::{self, CliOptions, Output, Shell, Style};
use support::Case;
use support::capture::{CaptureServer, clip, header, report, scratch};

/// At most this many CLI processes at once (the machine has two cores).
const WORKERS: usize = 2;

/// One way of handing the values to the CLI.
#[derive(Debug, Clone, Copy)]
struct Variant {
    /// What the failure report calls it.
    name: &'static str,
    /// The shell that reads the command (`bash` or `sh`, which is dash here).
    shell: &'static str,
    /// The command style rendered for it.
    style: Style,
}

const VARIANTS: [Variant; 4] = [
    Variant {
        name: "bash, multiline",
        shell: "bash",
        style: Style::Multiline,
    },
    Variant {
        name: "bash, one line",
        shell: "bash",
        style: Style::Oneline,
    },
    Variant {
        name: "bash, --cli-input-json file",
        shell: "bash",
        style: Style::JsonFile,
    },
    Variant {
        name: "sh (dash), multiline",
        shell: "sh",
        style: Style::Multiline,
    },
];

/// A worker's own capture server and folders; it runs one CLI at a time.
struct Worker {
    server: CaptureServer,
    /// The CLI's working folder (where the input documents are written).
    cwd: PathBuf,
    /// The CLI's HOME: empty, so no user configuration leaks in.
    home: PathBuf,
    venv_bin: PathBuf,
}

impl Worker {
    fn new(root: &Path) -> Self {
        let cwd = root.join("work");
        let home = root.join("home");
        std::fs::create_dir_all(&cwd).unwrap();
        std::fs::create_dir_all(&home).unwrap();
        Self {
            server: CaptureServer::start(&support::python(), root),
            cwd,
            home,
            venv_bin: support::venv().join("bin"),
        }
    }

    /// Runs a command text with a shell, in a clean environment with dummy credentials.
    fn run(&self, shell: &str, command: &str) -> ProcessOutput {
        let path = format!(
            "{}:/usr/local/bin:/usr/bin:/bin",
            self.venv_bin.to_str().unwrap()
        );
        Command::new(shell)
            .arg("-c")
            .arg(command)
            .current_dir(&self.cwd)
            .env_clear()
            .env("PATH", path)
            .env("HOME", &self.home)
            .env("LANG", "C.UTF-8")
            .env("TZ", "America/New_York")
            .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
            .env("AWS_SECRET_ACCESS_KEY", "dummy-secret")
            .env("AWS_DEFAULT_REGION", "us-east-1")
            .env("AWS_CONFIG_FILE", "/dev/null")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {shell}: {e}"))
    }

    /// Runs every variant of one case; returns a report per problem.
    fn check(&mut self, case: &Case) -> (usize, Vec<String>) {
        let case = Case {
            name: case.name.clone(),
            form: case
                .form
                .clone()
                .with(Id::Region, "us-east-1")
                .with(Id::EndpointUrl, self.server.endpoint()),
        };
        let request = support::checked_request(&case);
        let expected_body = render::http::body(&request);
        let prepared = render::http::prepare(&request);
        assert_eq!(
            prepared.body, expected_body,
            "{}: the prepared request carries another body",
            case.name
        );
        let json_name = Output::Json.file_name(CliOptions::default());
        std::fs::write(self.cwd.join(json_name), render::json::render(&request)).unwrap();

        let mut problems = Vec::new();
        for variant in VARIANTS {
            let options = CliOptions {
                shell: Shell::Bash,
                style: variant.style,
                ..CliOptions::default()
            };
            let command = render::cli::render(&request, options).text;
            let out = self.run(variant.shell, &command);
            let captured = self.server.take_new();
            let mut wrong = Vec::new();
            if !out.status.success() {
                wrong.push(format!("the CLI exited with {}", out.status));
            }
            match captured.as_slice() {
                [one] => {
                    if one.body != expected_body.as_bytes() {
                        wrong.push("the body differs".into());
                    }
                    if (one.method.as_str(), one.path.as_str()) != (prepared.method, prepared.path)
                    {
                        wrong.push(format!(
                            "sent {} {}, expected {} {}",
                            one.method, one.path, prepared.method, prepared.path
                        ));
                    }
                    // Every header the prepared request lists (it must list these two)
                    // is what the CLI sent.
                    for name in ["X-Amz-Target", "Content-Type"] {
                        if header(&prepared.headers, name).is_none() {
                            wrong.push(format!("the prepared request has no {name}"));
                        }
                    }
                    for (name, ours) in &prepared.headers {
                        if one.header(name) != Some(ours.as_str()) {
                            wrong.push(format!(
                                "{name}: sent {:?}, prepared {ours:?}",
                                one.header(name)
                            ));
                        }
                    }
                }
                other => wrong.push(format!("{} requests arrived instead of 1", other.len())),
            }
            if !wrong.is_empty() {
                let actual = captured.first().map_or(&[][..], |c| c.body.as_slice());
                problems.push(format!(
                    "case: {}\nvariant: {}\nproblems: {}\ncommand:\n{}\nexpected body: {}\nactual body:   {}\nstderr: {}",
                    case.name,
                    variant.name,
                    wrong.join("; "),
                    clip(&command),
                    clip(&format!("{expected_body:?}")),
                    clip(&format!("{:?}", String::from_utf8_lossy(actual))),
                    clip(&String::from_utf8_lossy(&out.stderr)),
                ));
            }
        }
        (VARIANTS.len(), problems)
    }
}

#[test]
fn the_real_cli_sends_exactly_the_body_we_render_for_every_command_form() {
    let cases = support::corpus();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    // To rerun a few cases while debugging: SMSJB_CONFORMANCE_ONLY=<part of a case name>.
    let only = std::env::var("SMSJB_CONFORMANCE_ONLY").unwrap_or_default();
    let cases: Vec<Case> = cases
        .into_iter()
        .filter(|c| c.name.contains(&only))
        .collect();
    assert!(!cases.is_empty(), "no case name contains {only:?}");
    let root = scratch("conformance");
    let next = AtomicUsize::new(0);
    let runs = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for w in 0..WORKERS {
            let (cases, next, runs, problems) = (&cases, &next, &runs, &problems);
            let root = root.0.join(format!("worker-{w}"));
            scope.spawn(move || {
                let mut worker = Worker::new(&root);
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let (done, found) = worker.check(case);
                    runs.fetch_add(done, Ordering::SeqCst);
                    problems.lock().unwrap().extend(found);
                }
            });
        }
    });
    drop(root);
    let problems = problems.into_inner().unwrap();
    let runs = runs.into_inner();
    for problem in &problems {
        report(&format!("\n---- CLI conformance failure ----\n{problem}"));
    }
    assert!(
        problems.is_empty(),
        "conformance: {} cases, {runs} CLI runs, {} runs differ (reports above)",
        cases.len(),
        problems.len()
    );
    report(&format!(
        "conformance: {} cases, {runs} CLI runs, all bodies byte-identical",
        cases.len()
    ));
}

/// Runs `aws sms create-replication-job` with extra words, no shell in between.
fn aws(args: &[&str]) -> String {
    let scratch = scratch("skeleton");
    let home = &scratch.0;
    let out = Command::new(support::venv().join("bin/aws"))
        .args(["sms", "create-replication-job"])
        .args(args)
        .current_dir(home)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home)
        .env("LANG", "C.UTF-8")
        .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", "dummy-secret")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .output()
        .expect("cannot run aws");
    assert!(
        out.status.success(),
        "aws {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_input_skeleton_is_the_one_the_real_cli_prints() {
    let printed = aws(&["--generate-cli-skeleton"]);
    // v1 picks the licence placeholder at random; v2 (and the app) always shows the first.
    let normalized = printed.replace(
        "\"licenseType\": \"BYOL\"",
        &format!(
            "\"licenseType\": \"{}\"",
            support::param("license-type").choices()[0]
        ),
    );
    assert_eq!(render::skeleton::input(), normalized);
}

#[test]
fn the_output_skeleton_is_the_one_the_real_cli_prints() {
    let printed = aws(&[
        "--generate-cli-skeleton",
        "output",
        "--server-id",
        "s-1",
        "--seed-replication-time",
        "0",
    ]);
    assert_eq!(render::skeleton::output(), printed);
}
