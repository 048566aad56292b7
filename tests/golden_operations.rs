//! Golden files of the plain page of other operations: every text `call::form::written`
//! gives, and the share link, for each case in `tests/golden-operations/<case>/`.
//!
//! A case's `input.txt` holds the operation's CLI name on its first line and a
//! `--cli-input-json` or `--cli-input-yaml` document after it; each written text is
//! `<id>.txt` and the share link's query `share.txt`. `UPDATE_GOLDEN=1 cargo test --test
//! golden_operations` rewrites the expected files.

use std::fs;
use std::path::Path;

use sms_job_builder::core::call::form::{CallForm, read_document, written};
use sms_job_builder::core::model::sms;

#[test]
fn every_text_of_every_case_is_as_recorded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-operations");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4);
    let mut wrong = Vec::new();
    for case in cases {
        let input = fs::read_to_string(case.join("input.txt")).unwrap();
        let (name, document) = input.split_once('\n').unwrap();
        let operation = sms::SERVICE.operation(name).unwrap();
        let (call, problems) = read_document(operation, document);
        assert_eq!(problems, [], "{}", case.display());
        let mut files: Vec<(String, String)> = written(&call)
            .into_iter()
            .map(|w| (format!("{}.txt", w.id), w.text))
            .collect();
        let query = CallForm::from_call(&call).to_query();
        // The link reads back as the same call.
        let (form, problems) = CallForm::from_query(&sms::SERVICE, &query);
        assert_eq!(problems, [], "{}", case.display());
        assert!(
            written(&form.unwrap().check().0) == written(&call),
            "{}: the link gives another call",
            case.display()
        );
        files.push(("share.txt".to_owned(), format!("{query}\n")));
        for (file, text) in files {
            let path = case.join(&file);
            if update {
                fs::write(&path, &text).unwrap();
            }
            let expected = fs::read_to_string(&path).unwrap_or_default();
            if expected != text {
                wrong.push(format!("{}: {file} differs:\n{text}", case.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{}\n(UPDATE_GOLDEN=1 rewrites them)",
        wrong.join("\n")
    );
}
