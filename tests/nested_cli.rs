//! Nested values against the real AWS CLI v1 1.42.30: documents for the nested operations
//! (typical values, hostile strings, empty lists and structures, nested integers, booleans and
//! times in each accepted form), each given to the CLI as `--cli-input-json` and read by
//! `core::value`. For every document the CLI sends, the value tree has no error and
//! `value::write_body` is byte for byte the body the CLI sends, under the X-Amz-Target the
//! model gives; for every document the CLI refuses, the value tree reports an error.
//!
//! The CLI runs in one process for the whole corpus (`support/cli_batch.py`, which replaces
//! only the network). Needs the venv `scripts/setup.sh` makes; fails (never skips) without it.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use sms_job_builder::core::diagnostic::Severity;
use sms_job_builder::core::model::sms;
use sms_job_builder::core::value::{self, Path};

/// Whether the CLI sends a document or refuses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cli {
    Sends,
    Refuses,
}

const HOSTILE: &str = r#""it's \"quoted\" \\ back\\slash $(whoami) `id` %PATH% !x! ^& | > < ; é 😀 \n\t --dash file://x""#;

fn corpus() -> Vec<(&'static str, String, Cli)> {
    use Cli::Sends;
    let t1 = r#"{"appId": "app-0123456789abcdef0", "serverGroupReplicationConfigurations": [{"serverGroupId": "g-1", "serverReplicationConfigurations": [{"server": {"serverId": "s-1"}, "serverReplicationParameters": {"seedTime": "2026-11-25T10:00:00Z", "frequency": 12, "runOnce": true, "licenseType": "BYOL", "numberOfRecentAmisToKeep": 3, "encrypted": false, "kmsKeyId": "k"}}]}]}"#;
    let mut cases = vec![
        ("put-app-replication-configuration", t1.to_owned(), Sends),
        (
            "create-app",
            format!(
                r#"{{"name": {HOSTILE}, "description": "", "serverGroups": [{{"serverGroupId": "sg-1", "name": "web", "serverList": [{{"serverId": {HOSTILE}, "serverType": "VIRTUAL_MACHINE", "vmServer": {{"vmServerAddress": {{"vmManagerId": "m-1", "vmId": "vm-1"}}, "vmName": "web 1", "vmManagerType": "HYPERV-MANAGER", "vmPath": "/dc/vm"}}, "replicationJobTerminated": false}}, {{"serverId": "s-2"}}]}}], "tags": [{{"key": "k1", "value": {HOSTILE}}}, {{"key": "", "value": ""}}]}}"#
            ),
            Sends,
        ),
        (
            "create-app",
            r#"{"name": "", "serverGroups": [], "tags": []}"#.to_owned(),
            Sends,
        ),
        (
            "update-app",
            r#"{"appId": "app-1", "serverGroups": [{"serverList": [{"vmServer": {}}, {}]}, {}]}"#
                .to_owned(),
            Sends,
        ),
        (
            "put-app-launch-configuration",
            r#"{"appId": "app-1", "roleName": "r", "autoLaunch": false, "serverGroupLaunchConfigurations": [{"serverGroupId": "g", "launchOrder": -1, "serverLaunchConfigurations": [{"server": {"serverId": "s-1"}, "logicalId": "L", "vpc": "vpc-1", "userData": {"s3Location": {"bucket": "bkt", "key": "k"}}, "associatePublicIpAddress": true, "configureScript": {"bucket": "abc", "key": ""}, "configureScriptType": "POWERSHELL_SCRIPT"}]}, {"launchOrder": 0, "serverLaunchConfigurations": []}]}"#.to_owned(),
            Sends,
        ),
        (
            "put-app-validation-configuration",
            r#"{"appId": "app-0123456789abcdef0", "appValidationConfigurations": [{"validationId": "val-0123456789abcdef0", "name": "n", "appValidationStrategy": "SSM", "ssmValidationParameters": {"source": {"s3Location": {"bucket": "bkt", "key": "k"}}, "instanceId": "i-12345678", "scriptType": "SHELL_SCRIPT", "command": "echo ok", "executionTimeoutSeconds": 60, "outputS3BucketName": "out"}}], "serverGroupValidationConfigurations": [{"serverGroupId": "g", "serverValidationConfigurations": [{"server": {"serverId": "s"}, "name": "x", "serverValidationStrategy": "USERDATA", "userDataValidationParameters": {"source": {"s3Location": {"bucket": "bkt"}}, "scriptType": "SHELL_SCRIPT"}}]}]}"#.to_owned(),
            Sends,
        ),
        (
            "list-apps",
            format!(r#"{{"appIds": ["a,b", "[x]", {HOSTILE}, ""], "nextToken": "t", "maxResults": 5}}"#),
            Sends,
        ),
        ("list-apps", r#"{"appIds": []}"#.to_owned(), Sends),
        (
            "get-servers",
            r#"{"maxResults": 2, "vmServerAddressList": [{"vmManagerId": "m", "vmId": "v"}, {"vmId": "v2"}]}"#.to_owned(),
            Sends,
        ),
        // max, pattern and enum are the service's to refuse: the CLI sends these.
        (
            "notify-app-validation-output",
            format!(
                r#"{{"appId": "bad", "notificationContext": {{"validationId": "bad", "status": "NOPE", "statusMessage": "{}"}}}}"#,
                "x".repeat(2600)
            ),
            Sends,
        ),
        ("delete-server-catalog", "{}".to_owned(), Sends),
        ("import-server-catalog", "{}".to_owned(), Sends),
    ];
    cases.extend(refused());
    // The nested timestamp in each form the CLI reads: with Z, with an offset, a date, a date
    // and time without a zone (UTC), epoch seconds as a number, with a fraction (floored), and
    // as a string.
    for seed in [
        r#""2026-11-25T10:00:00Z""#,
        r#""2026-11-25T10:00:00+02:00""#,
        r#""2026-11-25""#,
        r#""2026-11-25 10:00:00""#,
        "1764064800",
        "1764064800.5",
        r#""1764064800.9""#,
    ] {
        cases.push((
            "put-app-replication-configuration",
            format!(
                r#"{{"serverGroupReplicationConfigurations": [{{"serverReplicationConfigurations": [{{"serverReplicationParameters": {{"seedTime": {seed}}}}}]}}]}}"#
            ),
            Sends,
        ));
    }
    cases
}

/// Documents the CLI refuses before sending.
fn refused() -> Vec<(&'static str, String, Cli)> {
    use Cli::Refuses;
    vec![
        (
            "put-app-validation-configuration",
            r#"{"appId": "app-0123456789abcdef0", "appValidationConfigurations": [{"name": ""}]}"#.to_owned(),
            Refuses,
        ),
        (
            "put-app-validation-configuration",
            r#"{"appId": "app-0123456789abcdef0", "appValidationConfigurations": [{"ssmValidationParameters": {"executionTimeoutSeconds": 59}}]}"#.to_owned(),
            Refuses,
        ),
        (
            "put-app-validation-configuration",
            r#"{"appValidationConfigurations": []}"#.to_owned(),
            Refuses,
        ),
        (
            "put-app-launch-configuration",
            r#"{"serverGroupLaunchConfigurations": [{"serverLaunchConfigurations": [{"userData": {"s3Location": {"bucket": "ab"}}}]}]}"#.to_owned(),
            Refuses,
        ),
        ("create-app", r#"{"tags": [{"key": 1}]}"#.to_owned(), Refuses),
        ("create-app", r#"{"tags": [{"Key": "k"}]}"#.to_owned(), Refuses),
        ("create-app", r#"{"serverGroups": [{"serverList": {"serverId": "s"}}]}"#.to_owned(), Refuses),
        (
            "create-app",
            r#"{"serverGroups": [{"serverList": [{"replicationJobTerminated": "true"}]}]}"#.to_owned(),
            Refuses,
        ),
        (
            "put-app-launch-configuration",
            r#"{"serverGroupLaunchConfigurations": [{"launchOrder": 3.0}]}"#.to_owned(),
            Refuses,
        ),
        ("delete-server-catalog", r#"{"x": 1}"#.to_owned(), Refuses),
    ]
}

#[test]
fn the_real_cli_sends_exactly_the_nested_body_we_write() {
    let cases = corpus();
    let mut input = String::new();
    for (op, doc, _) in &cases {
        input.push_str(&serde_json::json!({"op": op, "doc": doc}).to_string());
        input.push('\n');
    }
    let output = support::run_python("cli_batch.py", input.as_bytes());
    let answers: Vec<serde_json::Value> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), cases.len());
    let mut wrong = Vec::new();
    for ((op, doc, expected), cli) in cases.iter().zip(&answers) {
        let operation = sms::SERVICE.operation(op).unwrap();
        let shape = operation.input.unwrap();
        let mut problems = Vec::new();
        let json: serde_json::Value = serde_json::from_str(doc).unwrap();
        let tree = value::read_json(shape, &json, &Path::root(), &mut problems);
        if let Some(tree) = &tree {
            value::check(shape, tree, &Path::root(), &mut problems);
        }
        let errors: Vec<String> = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| format!("{}: {}", p.path.spell("input", shape), p.message))
            .collect();
        let sent = cli["rc"] == 0 && cli["requests"] == 1;
        let case = format!("{op} {}", support::capture::clip(doc));
        match expected {
            Cli::Sends => {
                if !sent {
                    wrong.push(format!(
                        "{case}: the CLI did not send it: {}",
                        cli["stderr"]
                    ));
                    continue;
                }
                if !errors.is_empty() {
                    wrong.push(format!("{case}: the CLI sends it, we report {errors:?}"));
                    continue;
                }
                let mut ours = String::new();
                value::write_body(&mut ours, shape, tree.as_ref().unwrap());
                if cli["body"] != ours.as_str() {
                    wrong.push(format!(
                        "{case}:\n  CLI body  {}\n  our body  {ours}",
                        cli["body"]
                    ));
                }
                let target = format!("{}.{}", operation.metadata.target_prefix, operation.name);
                if cli["target"] != target.as_str() {
                    wrong.push(format!(
                        "{case}: X-Amz-Target {} vs {target}",
                        cli["target"]
                    ));
                }
            }
            Cli::Refuses => {
                if sent {
                    wrong.push(format!("{case}: the CLI sent it"));
                } else if errors.is_empty() {
                    wrong.push(format!(
                        "{case}: the CLI refuses it ({}), we report no error",
                        cli["stderr"]
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    support::capture::report(&format!(
        "nested values: {} documents through the real CLI, every body byte-identical, every refusal reported",
        cases.len()
    ));
}
