//! Golden files: every output of every case in `tests/golden/<case>/`, compared by one loop.
//!
//! A case is a folder with `form.txt`: one `flag=value` per line (`#` starts a comment line;
//! in values `\n`, `\t`, `\r`, `\\` and `\u{…}` are escapes). Each output in the registry is
//! `<id>.txt`, the command is `cli.<shell>.<style>.txt` for every shell and style, the SDK
//! program `sdk.<language>.txt` for every language, and `notes.txt` lists the renderers' notes. The form is checked with a fixed clock
//! (2026-11-25T09:00:00Z) and zone (UTC). `UPDATE_GOLDEN=1 cargo test --test golden` rewrites
//! the expected files.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sms_job_builder::core::form::Form;
use sms_job_builder::core::params::{self, Kind};
use sms_job_builder::core::render::{CliOptions, Output, Sdk, Shell, Style, cli, http, json, yaml};
use sms_job_builder::core::request::{Request, Value};
use sms_job_builder::core::timestamp::FixedOffset;
use sms_job_builder::core::validate::{self, Context};

/// 2026-11-25T09:00:00Z.
const NOW: i64 = 1_795_597_200;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Reads `form.txt`.
fn read_form(text: &str) -> Form {
    let mut form = Form::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (flag, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("not flag=value: {line}"));
        assert!(form.set_flag(flag, unescape(value)), "unknown flag {flag}");
    }
    form
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let hex = rest.strip_prefix('{').expect("\\u{…}");
                out.push(char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap());
            }
            other => panic!("unknown escape \\{other:?}"),
        }
    }
    out
}

fn check(form: &Form) -> validate::Checked {
    validate::check(
        form,
        &Context {
            now: NOW,
            local: &FixedOffset(0),
        },
    )
}

/// Every expected file of a request: name → content.
fn outputs(request: &Request) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut notes = String::new();
    let mut add = |name: String, rendered: sms_job_builder::core::render::Rendered| {
        for note in &rendered.notes {
            let _ = writeln!(notes, "{name}: {note}");
        }
        files.insert(name, rendered.text);
    };
    // Every output with every value of each of its settings (`cli.bash.multiline`,
    // `sdk.python`), named after the registry: its id, then the values in setting order.
    for output in Output::ALL {
        let mut variants = vec![(output.id().to_owned(), CliOptions::default())];
        for &choice in output.choices() {
            variants = variants
                .into_iter()
                .flat_map(|(name, options)| {
                    choice.values().into_iter().map(move |(value, _)| {
                        let mut options = options;
                        assert!(choice.set(&mut options, value));
                        (format!("{name}.{value}"), options)
                    })
                })
                .collect();
        }
        for (name, options) in variants {
            add(format!("{name}.txt"), output.render(request, options));
        }
    }
    files.insert("notes.txt".to_owned(), notes);
    files
}

#[test]
fn golden_files_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut cases: Vec<PathBuf> = fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("form.txt").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "only {} golden cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let form = read_form(&fs::read_to_string(case.join("form.txt")).unwrap());
        let checked = check(&form);
        assert!(
            !checked.has_errors(),
            "{}: the form has errors: {:?}",
            case.display(),
            checked.diagnostics
        );
        let files = outputs(&checked.request);
        for entry in fs::read_dir(case).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name != "form.txt" && !files.contains_key(&name) {
                if update {
                    fs::remove_file(&path).unwrap();
                } else {
                    failures.push(format!("{}: stale file", path.display()));
                }
            }
        }
        for (name, text) in &files {
            let path = case.join(name);
            if update {
                fs::write(&path, text).unwrap();
                continue;
            }
            match fs::read_to_string(&path) {
                Ok(expected) if &expected == text => {}
                Ok(expected) => failures.push(format!(
                    "{}: differs\n--- expected\n{expected}\n--- got\n{text}",
                    path.display()
                )),
                Err(e) => failures.push(format!("{}: {e}", path.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden mismatches (UPDATE_GOLDEN=1 rewrites them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `numberOfRecentAmisToKeep` → `number_of_recent_amis_to_keep`, the Rust SDK's setter names.
fn snake_case(member: &str) -> String {
    member
        .chars()
        .flat_map(|c| {
            let lower = c.to_ascii_lowercase();
            (c.is_ascii_uppercase().then_some('_'))
                .into_iter()
                .chain(std::iter::once(lower))
        })
        .collect()
}

/// A valid text for every parameter the form can hold.
fn full_form() -> Form {
    let mut form = Form::new();
    for param in params::PARAMS {
        let value = match (param.flag, param.kind) {
            ("endpoint-url", _) => "http://127.0.0.1:8080",
            ("seed-replication-time", _) => "2026-11-26T10:00:00Z",
            (_, Kind::Text) => "x y",
            (_, Kind::Integer) => "7",
            (_, Kind::Boolean) => "false",
            (_, Kind::Switch) => "true",
            (_, Kind::Choice(values)) => values[0],
            (_, Kind::Timestamp) => unreachable!("only one timestamp"),
        };
        form.set(param.id, value);
    }
    form
}

/// How a member or option shows up in an argv, if it does.
fn in_argv(argv: &[String], flag: &str) -> bool {
    argv.iter().any(|w| {
        let w = w.split('=').next().unwrap_or(w);
        w == format!("--{flag}") || w == format!("--no-{flag}")
    })
}

/// The members of the JSON document a command carries (inline, or in the file it reads).
fn carried_json(request: &Request, argv: &[String]) -> Option<Vec<String>> {
    let at = argv
        .iter()
        .position(|w| w == "--cli-input-json" || w == "--cli-input-yaml")?;
    let doc: serde_json::Value = match argv[at + 1].strip_prefix("file://") {
        Some(_) if argv[at] == "--cli-input-yaml" => {
            serde_yaml::from_str(&yaml::render(request)).unwrap()
        }
        Some(_) => serde_json::from_str(&json::render(request)).unwrap(),
        None => serde_json::from_str(&argv[at + 1]).unwrap(),
    };
    Some(doc.as_object().unwrap().keys().cloned().collect())
}

proptest! {
    #[test]
    fn every_set_member_is_in_every_output_and_no_other(mask in proptest::collection::vec(any::<bool>(), params::PARAMS.len())) {
        let full = full_form();
        let mut form = Form::new();
        for (param, keep) in params::PARAMS.iter().zip(&mask) {
            if *keep {
                form.set(param.id, full.get(param.id));
            }
        }
        let checked = check(&form);
        let request = checked.request;
        let json_keys: Vec<String> = serde_json::from_str::<serde_json::Value>(&json::render(&request))
            .unwrap().as_object().unwrap().keys().cloned().collect();
        let yaml_keys: Vec<String> = match serde_yaml::from_str::<serde_yaml::Value>(&yaml::render(&request)).unwrap() {
            serde_yaml::Value::Mapping(m) => m.keys().map(|k| k.as_str().unwrap().to_owned()).collect(),
            other => panic!("{other:?}"),
        };
        let body_keys: Vec<String> = serde_json::from_str::<serde_json::Value>(&http::body(&request))
            .unwrap().as_object().unwrap().keys().cloned().collect();
        let set_members: Vec<String> = params::members()
            .filter(|p| form.is_set(p.id))
            .map(|p| p.member().unwrap().to_owned())
            .collect();
        prop_assert_eq!(&json_keys, &set_members);
        prop_assert_eq!(&yaml_keys, &set_members);
        prop_assert_eq!(&body_keys, &set_members);
        // Each SDK program passes exactly the set members: a keyword argument, a property or
        // a setter per member, in request order.
        for sdk in Sdk::ALL {
            let text = Output::Sdk
                .render(&request, CliOptions { sdk, ..CliOptions::default() })
                .text;
            let mut at = Vec::new();
            for member in params::members().filter_map(params::Param::member) {
                let written = match sdk {
                    Sdk::Python => format!("\n    {member}="),
                    Sdk::JavaScript => format!("\n    {member}: "),
                    Sdk::Rust => format!("\n        .{}(", snake_case(member)),
                };
                let found = text.find(&written);
                prop_assert_eq!(found.is_some(), set_members.iter().any(|m| m == member), "{:?} {}", sdk, member);
                at.extend(found);
            }
            prop_assert!(at.windows(2).all(|w| w[0] < w[1]), "{:?}: members out of order", sdk);
        }
        for shell in Shell::ALL {
            for style in Style::ALL {
                let options = CliOptions { shell, style, ..CliOptions::default() };
                let argv = cli::argv(&request, options);
                let carried = carried_json(&request, &argv);
                for param in params::PARAMS {
                    let set = form.is_set(param.id);
                    let on_line = in_argv(&argv, param.flag);
                    if let (Some(member), Some(keys)) = (param.member(), &carried) {
                        prop_assert!(!on_line, "{} is both in a document and an option", param.flag);
                        prop_assert_eq!(keys.iter().any(|k| k == member), set, "{}", member);
                    } else {
                        prop_assert_eq!(on_line, set, "--{} in {:?}", param.flag, argv);
                    }
                }
                // The values themselves: a set member's value is on the line as typed.
                for (_, param, value) in request.members() {
                    if let (None, Value::Text(t)) = (&carried, value) {
                        prop_assert!(argv.contains(t), "{} {:?}", param.flag, argv);
                    }
                }
            }
        }
    }
}
