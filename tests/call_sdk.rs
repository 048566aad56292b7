//! The SDK programs of the plain pages (`core::call::sdk`), run for real against a local
//! capture server for nested operations (and one without input): boto3 1.40.30 must send
//! `Call::body` byte for byte, `@aws-sdk/client-sms` 3.523.0 and `aws-sdk-sms` 1.82.0 (its
//! programs compiled together in `tests/sdk-rust`) the same JSON value, each under
//! the operation's `X-Amz-Target`; typical values and the hostile strings, nested times,
//! integers, booleans, empty lists and structures.
//!
//! Needs what `scripts/setup.sh` installs (boto3 in its venv, `tests/sdk-js`); fails (never
//! skips) without them.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sms_job_builder::core::call::Call;
use sms_job_builder::core::call::sdk::{javascript, python, rust};
use sms_job_builder::core::model::sms;
use support::capture::{CaptureServer, clip, scratch};

const HOSTILE: &str = r#""it's \"q\" \\ $(id) `x` ${HOME} %PATH% é 😀 \u2028 {} --x\n\ttab""#;

fn cases() -> Vec<(&'static str, String)> {
    vec![
        (
            "put-app-replication-configuration",
            format!(
                r#"{{"appId": {HOSTILE}, "serverGroupReplicationConfigurations": [{{"serverGroupId": "g-1",
                "serverReplicationConfigurations": [{{"server": {{"serverId": "s-1", "serverType": "VIRTUAL_MACHINE",
                "vmServer": {{"vmServerAddress": {{"vmId": "v"}}, "vmManagerType": "HYPERV-MANAGER"}},
                "replicationJobTerminated": false}}, "serverReplicationParameters": {{"seedTime": "2026-11-25T10:00:00+02:00",
                "frequency": 12, "runOnce": true, "licenseType": "BYOL", "numberOfRecentAmisToKeep": 0,
                "encrypted": false, "kmsKeyId": {HOSTILE}}}}}]}}, {{"serverReplicationConfigurations": []}}]}}"#
            ),
        ),
        (
            "create-app",
            format!(
                r#"{{"name": {HOSTILE}, "description": "", "serverGroups": [{{"serverList": [{{"vmServer": {{}}}}]}}],
                "tags": [{{"key": "k", "value": {HOSTILE}}}, {{"key": "", "value": ""}}]}}"#
            ),
        ),
        (
            "put-app-launch-configuration",
            r#"{"appId": "app-1", "autoLaunch": false, "serverGroupLaunchConfigurations": [{"serverGroupId": "g",
            "launchOrder": -2, "serverLaunchConfigurations": [{"server": {"serverId": "s"}, "userData":
            {"s3Location": {"bucket": "bkt", "key": "k"}}, "associatePublicIpAddress": true,
            "configureScriptType": "POWERSHELL_SCRIPT"}]}]}"#
                .to_owned(),
        ),
        (
            "put-app-validation-configuration",
            r#"{"appId": "app-0123456789abcdef0", "appValidationConfigurations": [{"name": "n",
            "appValidationStrategy": "SSM", "ssmValidationParameters": {"source": {"s3Location": {"bucket": "bkt"}},
            "command": "echo \"ok\"", "executionTimeoutSeconds": 60}}]}"#
                .to_owned(),
        ),
        (
            "list-apps",
            format!(r#"{{"appIds": ["a,b", {HOSTILE}], "maxResults": 3}}"#),
        ),
        ("import-server-catalog", "{}".to_owned()),
    ]
}

/// A program run in a clean environment with dummy credentials and a Region.
fn run(program: &Path, file: &Path, home: &Path) -> std::process::Output {
    Command::new(program)
        .arg(file)
        .env_clear()
        .env("PATH", "/usr/local/bin:/usr/bin:/bin")
        .env("HOME", home)
        .env("LANG", "C.UTF-8")
        .env("TZ", "America/New_York")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", "dummy-secret")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .current_dir(home)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()))
}

#[test]
fn nested_programs_send_our_body() {
    let dir = scratch("call-sdk");
    let home = dir.0.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let modules = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sdk-js/node_modules");
    assert!(
        modules.join("@aws-sdk/client-sms").exists(),
        "tests/sdk-js/node_modules lacks @aws-sdk/client-sms: run scripts/setup.sh"
    );
    // A module finds its packages in a node_modules folder beside it or above it.
    std::os::unix::fs::symlink(&modules, dir.0.join("node_modules")).unwrap();
    let boto3 = support::sdk_rust::cache().join("sdk-venv/bin/python");
    let mut server = CaptureServer::start(&support::python(), &dir.0);
    let endpoint = server.endpoint();
    let mut wrong = Vec::new();
    let mut runs = 0;
    let calls: Vec<(&str, Call)> = cases()
        .into_iter()
        .map(|(name, document)| {
            let operation = sms::SERVICE.operation(name).unwrap();
            let (call, problems) = Call::from_json(operation, &document);
            assert!(
                problems.is_empty() && call.check().is_empty(),
                "{name}: {problems:?} {:?}",
                call.check()
            );
            (name, call)
        })
        .collect();
    let rust_programs: Vec<String> = calls
        .iter()
        .map(|(_, call)| rust(call, Some(&endpoint)))
        .collect();
    let binary = support::sdk_rust::build(&rust_programs, &[], &dir.0);
    for (k, (name, call)) in calls.iter().enumerate() {
        let body = call.body();
        for (language, text, program, file) in [
            (
                "boto3",
                python(call, Some(&endpoint)),
                boto3.clone(),
                format!("case-{k}.py"),
            ),
            (
                "JavaScript",
                javascript(call, Some(&endpoint)),
                PathBuf::from("node"),
                format!("case-{k}.mjs"),
            ),
            ("Rust", String::new(), binary.clone(), k.to_string()),
        ] {
            // The Rust programs are compiled already: the binary takes the case's number.
            let file = if text.is_empty() {
                PathBuf::from(file)
            } else {
                let path = dir.0.join(file);
                std::fs::write(&path, &text).unwrap();
                path
            };
            let out = run(&program, &file, &home);
            runs += 1;
            let captured = server.take_new();
            let [one] = captured.as_slice() else {
                wrong.push(format!(
                    "{name} ({language}): {} requests; stderr: {}",
                    captured.len(),
                    clip(&String::from_utf8_lossy(&out.stderr))
                ));
                continue;
            };
            if !out.status.success() {
                wrong.push(format!(
                    "{name} ({language}): exit {}: {}",
                    out.status,
                    clip(&String::from_utf8_lossy(&out.stderr))
                ));
            }
            if one.header("X-Amz-Target") != Some(call.target().as_str()) {
                wrong.push(format!(
                    "{name} ({language}): target {:?}",
                    one.header("X-Amz-Target")
                ));
            }
            let sent = String::from_utf8_lossy(&one.body).into_owned();
            let same = if language == "boto3" {
                sent == body
            } else {
                serde_json::from_str::<serde_json::Value>(&sent).ok()
                    == serde_json::from_str::<serde_json::Value>(&body).ok()
            };
            if !same {
                wrong.push(format!(
                    "{name} ({language}):\n  sent {sent}\n  ours {body}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    support::capture::report(&format!(
        "plain pages' SDK programs: {runs} runs of nested operations, boto3 byte-identical, JavaScript and Rust the same JSON value"
    ));
}
