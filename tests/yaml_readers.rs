//! The `--cli-input-yaml` document must mean exactly what the `--cli-input-json` document
//! means, to the YAML 1.2 reader AWS CLI v2 uses (ruamel.yaml 0.17.21, safe loader) and to a
//! YAML 1.1 reader (`PyYAML`'s `safe_load`): same keys in the same order, same types, same values.
//! Both documents are rendered from the same checked request and loaded by real readers
//! (`tests/support/read_yaml.py`, in the venv `scripts/setup.sh` makes). What the YAML 1.2
//! reader loaded is also validated and serialized by botocore, as CLI v2 does with
//! `--cli-input-yaml`, and must give exactly `render::http::body`.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use serde_json::{Value, json};
use sms_job_builder::core::render;
use support::Case;

/// The corpus, plus every YAML-hostile string alone in every text member.
fn cases() -> Vec<Case> {
    let mut cases = support::corpus();
    for p in support::text_members() {
        for value in support::YAML_HOSTILE {
            if p.required && value.trim().is_empty() {
                continue; // refused by the validator: a required value cannot be blank
            }
            cases.push(Case {
                name: format!("{} = {value:?}", p.flag),
                form: support::base().with(p.id, *value),
            });
        }
    }
    cases
}

#[test]
fn yaml_readers_load_the_json_documents_values_and_botocore_sends_the_same_body() {
    let cases = cases();
    let documents: Vec<Value> = cases
        .iter()
        .map(|case| {
            let request = support::checked_request(case);
            json!({
                "name": case.name,
                "yaml": render::yaml::render(&request),
                "json": render::json::render(&request),
                "body": true,
                "expected_body": render::http::body(&request),
            })
        })
        .collect();
    let input = serde_json::to_vec(&documents).unwrap();
    let loaded: Vec<Value> =
        serde_json::from_slice(&support::run_python("read_yaml.py", &input)).unwrap();
    assert_eq!(loaded.len(), cases.len());

    let mut problems = Vec::new();
    for (result, document) in loaded.iter().zip(&documents) {
        let expected = &result["json"];
        if expected[0] != "map" {
            problems.push(format!(
                "{}: the JSON document is not an object: {expected}",
                result["name"]
            ));
            continue;
        }
        if result["body12"] != document["expected_body"] {
            problems.push(format!(
                "{}: botocore sends another body for the YAML document\n  yaml:     {:?}\n  sent:     {}\n  expected: {}",
                result["name"], document["yaml"], result["body12"], document["expected_body"]
            ));
        }
        for reader in ["yaml12", "yaml11"] {
            if &result[reader] != expected {
                problems.push(format!(
                    "{}: {reader} reads something else\n  yaml:     {:?}\n  {reader}:   {}\n  json:     {expected}",
                    result["name"], document["yaml"], result[reader]
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} documents differ:\n{}",
        problems.len(),
        cases.len(),
        problems.join("\n")
    );
}

#[test]
fn the_reader_script_tells_types_apart() {
    // Guards the comparison itself: a reader that turned text into a boolean, a number or a
    // date must show up as a difference.
    let input = json!([{
        "name": "probe",
        "yaml": "a: yes\nb: 012\nc: 2026-11-25\nd: 12:30\n",
        "json": "{\"a\": \"yes\", \"b\": \"012\", \"c\": \"2026-11-25\", \"d\": \"12:30\"}",
    }]);
    let out: Vec<Value> = serde_json::from_slice(&support::run_python(
        "read_yaml.py",
        &serde_json::to_vec(&input).unwrap(),
    ))
    .unwrap();
    let entry = |reader: &str, i: usize| out[0][reader][1][i][1].clone();
    assert_eq!(entry("json", 0), json!(["str", "yes"]));
    assert_eq!(entry("yaml12", 0), json!(["str", "yes"]));
    assert_eq!(entry("yaml11", 0), json!(["bool", true]));
    assert_eq!(entry("yaml12", 1), json!(["int", "12"]));
    assert_eq!(entry("yaml11", 1), json!(["int", "10"]));
    assert_eq!(entry("yaml12", 2), json!(["date", "2026-11-25"]));
    assert_eq!(entry("yaml12", 3), json!(["str", "12:30"]));
    assert_eq!(entry("yaml11", 3), json!(["int", "750"]));
}
