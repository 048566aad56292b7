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
