//! Round trips of any operation (`core::call`): for arbitrary value trees of arbitrary
//! operations (nested structures and lists, empty ones, hostile text, integers, booleans and
//! times written in any accepted form), the `--cli-input-json` document, the
//! `--cli-input-yaml` document and the share link of the plain page, each read back, give the
//! same call: the same documents and the same body. Rendering never panics, whatever the tree
//! holds.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use proptest::prelude::*;

use sms_job_builder::core::call::Call;
use sms_job_builder::core::call::form::{CallForm, read_document};
use sms_job_builder::core::diagnostic::{Severity, has_errors};
use sms_job_builder::core::model::{Shape, ShapeKind, sms};
use sms_job_builder::core::value::Value;

/// Text people paste: quotes of every shell, `$`, `%`, backslashes, line breaks and tabs,
/// leading dashes, YAML's special words and signs, non-ASCII and characters beyond the BMP.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ._:/=,-]{0,12}",
        "\\PC{0,10}",
        "[\"'`$%!^&|<>\\\\\n\t #:{}\\[\\]-]{0,8}",
        Just("yes".to_owned()),
        Just("012".to_owned()),
        Just("~".to_owned()),
        Just("- x".to_owned()),
        Just("😀é".to_owned()),
    ]
}

/// Any value of a shape (lists of up to two items, members present or absent).
fn tree(shape: &'static Shape, depth: u32) -> BoxedStrategy<Value> {
    match &shape.kind {
        ShapeKind::String(t) if !t.values.is_empty() => prop_oneof![
            proptest::sample::select(t.values).prop_map(|v| Value::Scalar(v.to_owned())),
            text().prop_map(Value::Scalar),
        ]
        .boxed(),
        ShapeKind::String(_) => text().prop_map(Value::Scalar).boxed(),
        ShapeKind::Integer(_) | ShapeKind::Long(_) => (-100_000_i64..100_000)
            .prop_map(|n| Value::Scalar(n.to_string()))
            .boxed(),
        ShapeKind::Boolean => any::<bool>()
            .prop_map(|b| Value::Scalar(b.to_string()))
            .boxed(),
        ShapeKind::Timestamp => support::time_text().prop_map(Value::Scalar).boxed(),
        ShapeKind::List(item) if depth < 8 => {
            proptest::collection::vec(tree(item, depth + 1), 0..3)
                .prop_map(Value::List)
                .boxed()
        }
        ShapeKind::List(_) => Just(Value::List(Vec::new())).boxed(),
        ShapeKind::Structure(members) => {
            let slots: Vec<BoxedStrategy<Option<Value>>> = members
                .iter()
                .map(|m| proptest::option::weighted(0.6, tree(m.shape, depth + 1)).boxed())
                .collect();
            slots.prop_map(Value::Structure).boxed()
        }
        other => panic!("no strategy for {other:?}"),
    }
}

/// Any call of any operation.
fn call() -> impl Strategy<Value = Call> {
    (0..sms::SERVICE.operations.len()).prop_flat_map(|i| {
        let operation = sms::SERVICE.operations[i];
        let input = match operation.input {
            Some(shape) => tree(shape, 0),
            None => Just(Value::Structure(Vec::new())).boxed(),
        };
        input.prop_map(move |input| Call { operation, input })
    })
}

/// The call's documents and body, to compare two calls by what they write.
fn written(call: &Call) -> (String, String, String) {
    (call.json_document(), call.yaml_document(), call.body())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rendering_never_panics(call in call()) {
        let _ = call.check();
        let _ = (call.body(), call.json_document(), call.yaml_document(), call.argv(), call.bash());
        let _ = call.http_request().to_string();
    }

    #[test]
    fn documents_and_share_links_read_back_as_the_same_call(call in call()) {
        // What the CLI refuses is not written for sending; the documents still read back.
        let checked = !has_errors(&call.check().into_iter().map(|p| {
            sms_job_builder::core::diagnostic::Diagnostic::general(p.severity, p.message)
        }).collect::<Vec<_>>());
        let operation = call.operation;
        let (json, problems) = Call::from_json(operation, &call.json_document());
        prop_assert!(problems.iter().all(|p| p.severity != Severity::Error), "{:?}", problems);
        prop_assert_eq!(written(&json), written(&call));

        let (yaml, diagnostics) = read_document(operation, &call.yaml_document());
        prop_assert_eq!(has_errors(&diagnostics), !checked, "{:?}", diagnostics);
        prop_assert_eq!(written(&yaml), written(&call));

        let query = CallForm::from_call(&call).to_query();
        let (form, problems) = CallForm::from_query(&sms::SERVICE, &query);
        prop_assert_eq!(problems, vec![]);
        let (shared, diagnostics) = form.unwrap().check();
        prop_assert_eq!(has_errors(&diagnostics), !checked, "{:?}", diagnostics);
        prop_assert_eq!(written(&shared), written(&call));
    }
}
