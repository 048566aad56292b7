//! The committed service model (`src/core/model/sms.rs`) is exactly what
//! `scripts/gen-model.py` writes from the pinned botocore: regenerated here with the AWS CLI
//! venv's Python (`scripts/setup.sh`), compared byte for byte.
//!
//! After a deliberate change of the generator, rewrite the file with
//! `UPDATE_MODEL=1 cargo test --test model`.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use std::path::Path;
use std::process::Command;

#[test]
fn the_committed_model_is_what_the_generator_writes_from_the_pinned_botocore() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(support::python())
        .arg(root.join("scripts/gen-model.py"))
        .arg("sms")
        .output()
        .expect("run scripts/gen-model.py");
    assert!(
        out.status.success(),
        "gen-model.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let generated = String::from_utf8(out.stdout).expect("UTF-8");
    let path = root.join("src/core/model/sms.rs");
    if std::env::var_os("UPDATE_MODEL").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "src/core/model/sms.rs differs from what scripts/gen-model.py writes from botocore: \
         regenerate it with UPDATE_MODEL=1 cargo test --test model"
    );
    assert!(
        generated.contains("(botocore 1.40.30)"),
        "the pinned botocore"
    );
}

/// The string literals of a Rust source outside its `#[cfg(test)]` module, with their line
/// numbers (comments are not literals; a raw string or a char literal is rare enough here to
/// be read as code).
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let mut end = None;
            let mut escaped = false;
            for (i, c) in after.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = Some(i);
                        break;
                    }
                    _ => escaped = false,
                }
            }
            let Some(end) = end else { break };
            out.push((n + 1, after[..end].to_owned()));
            rest = &after[end + 1..];
        }
    }
    out
}

/// The engine (`src/core`) names no operation, member or flag of the service, nor the service
/// itself: those come from the model (`model/sms.rs`), the one operation's overlay
/// (`params.rs`) and the picker's catalog of the service (`catalog.rs`). A string literal that
/// is exactly such a name, or names the service, fails.
#[test]
fn nothing_outside_the_model_and_the_overlay_names_the_service_or_its_members() {
    use sms_job_builder::core::model::{Shape, ShapeKind, sms};
    fn names(shape: &'static Shape, into: &mut std::collections::BTreeSet<&'static str>) {
        match &shape.kind {
            ShapeKind::Structure(members) => {
                for member in *members {
                    into.insert(member.name);
                    into.insert(member.flag);
                    names(member.shape, into);
                }
            }
            ShapeKind::List(item) => names(item, into),
            _ => {}
        }
    }
    let mut forbidden = std::collections::BTreeSet::new();
    for operation in sms::SERVICE.operations {
        forbidden.insert(operation.name);
        forbidden.insert(operation.cli_name);
        if let Some(input) = operation.input {
            names(input, &mut forbidden);
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = vec![root.clone()];
    let mut offences = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let relative = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // The model's reader reads botocore's own keys (`key`, `value` of a map shape); the
        // picker's catalog is the overlay of the whole service, as params.rs is of one
        // operation.
        if path.extension().is_none_or(|e| e != "rs")
            || relative == "model/sms.rs"
            || relative == "model/json.rs"
            || relative == "params.rs"
            || relative == "catalog.rs"
        {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, literal) in literals(&source) {
            let lower = literal.to_lowercase();
            if forbidden.contains(literal.as_str())
                || lower.contains("server migration")
                || lower.contains("aws sms")
                || lower
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|w| w == "sms")
            {
                offences.push(format!("src/core/{relative}:{line}: \"{literal}\""));
            }
        }
    }
    offences.sort();
    assert!(
        offences.is_empty(),
        "names outside the model and the overlay:\n{}",
        offences.join("\n")
    );
}
