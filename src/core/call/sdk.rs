//! The call of any operation as an SDK program: Python with boto3 and JavaScript with the AWS
//! SDK for JavaScript v3, nested values as literals of the language.
//!
//! Every value is a literal written by its language's one string function (the same as the
//! main page's programs: [`crate::core::render::sdk::python::string`],
//! [`crate::core::render::sdk::javascript::string`]); structures are written with their members
//! in model order, so boto3, which serializes keyword arguments and dictionaries in the order
//! written, sends the CLI's bytes. A time is a UTC `datetime` / `Date`. The client takes its
//! credentials and Region from the environment, as the CLI does; an endpoint, when given, is
//! written into the client (the tests point the programs at a local capture server that way).

use std::fmt::Write as _;

use crate::core::call::Call;
use crate::core::model::{Shape, ShapeKind, kebab};
use crate::core::render::sdk::{
    self, javascript, js_client, js_command, js_package, python, rust_crate, snake_name,
};
use crate::core::timestamp;
use crate::core::value::Value;

/// The file name of an operation's program in a language (`put_app_replication_configuration.py`,
/// `put-app-replication-configuration.mjs`).
pub fn file_name(call: &Call, language: sdk::Sdk) -> String {
    match language {
        sdk::Sdk::Python => format!("{}.py", snake_name(call.operation)),
        sdk::Sdk::JavaScript => format!("{}.mjs", call.operation.cli_name),
        sdk::Sdk::Rust => format!("{}.rs", snake_name(call.operation)),
    }
}

/// The call as a Python program with boto3.
pub fn python(call: &Call, endpoint: Option<&str>) -> String {
    let operation = call.operation;
    let mut out = String::new();
    let _ = write!(
        out,
        "#!/usr/bin/env python3\n\
         \"\"\"Calls aws {service} {cli} ({name}) with boto3.\n\
         \n\
         Written by SMS Job Builder. AWS retired {id}; boto3 {boto3} with botocore {botocore} are the\n\
         last releases that have its client:\n\
         \n\
         \x20   python3 -m pip install boto3=={boto3} botocore=={botocore}\n\
         \x20   python3 {file}\n\
         \"\"\"\n\n",
        service = operation.metadata.cli_name,
        id = operation.metadata.service_id,
        cli = operation.cli_name,
        name = operation.name,
        boto3 = sdk::BOTO3_VERSION,
        botocore = sdk::BOTOCORE_VERSION,
        file = file_name(call, sdk::Sdk::Python),
    );
    if holds_time(call) {
        out.push_str("import datetime\n");
    }
    out.push_str("import json\n\nimport boto3\n\n");
    let _ = write!(
        out,
        "client = boto3.client({}",
        python::string(operation.metadata.signing_name)
    );
    if let Some(url) = endpoint {
        let _ = write!(out, ", endpoint_url={}", python::string(url));
    }
    out.push_str(")\n");
    // boto3 names the method as the CLI names the command, with `_` for `-`.
    let _ = write!(out, "response = client.{}(", snake_name(operation));
    let members = members(call);
    if !members.is_empty() {
        out.push('\n');
    }
    for (name, shape, value) in members {
        let _ = write!(out, "    {name}=");
        python_value(&mut out, shape, value, 1);
        out.push_str(",\n");
    }
    out.push_str(
        ")\n# The answer, without the request's metadata.\n\
         response.pop(\"ResponseMetadata\", None)\n\
         print(json.dumps(response, indent=2, default=str))\n",
    );
    out
}

/// The call as a JavaScript ES module with the AWS SDK for JavaScript v3.
pub fn javascript(call: &Call, endpoint: Option<&str>) -> String {
    let operation = call.operation;
    let command = js_command(operation);
    let mut out = String::new();
    let _ = write!(
        out,
        "// Calls aws {service} {cli} ({name}) with the AWS SDK for JavaScript v3.\n\
         //\n\
         // Written by SMS Job Builder. AWS retired {id}; {package} {version} is one of the\n\
         // last releases that have its client:\n\
         //\n\
         //     npm install {package}@{version}\n\
         //     node {file}\n\n\
         import {{ {command}, {client} }} from \"{package}\";\n\n",
        id = operation.metadata.service_id,
        package = js_package(call.operation.metadata),
        client = js_client(call.operation.metadata),
        service = operation.metadata.cli_name,
        cli = operation.cli_name,
        name = operation.name,
        version = sdk::JS_CLIENT_VERSION,
        file = file_name(call, sdk::Sdk::JavaScript),
    );
    match endpoint {
        Some(url) => {
            let _ = writeln!(
                out,
                "const client = new {}({{ endpoint: {} }});",
                js_client(call.operation.metadata),
                javascript::string(url)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "const client = new {}({{}});",
                js_client(call.operation.metadata)
            );
        }
    }
    let _ = write!(out, "const output = await client.send(\n  new {command}({{");
    let members = members(call);
    if !members.is_empty() {
        out.push('\n');
        for (name, shape, value) in members {
            let _ = write!(out, "    {name}: ");
            javascript_value(&mut out, shape, value, 2);
            out.push_str(",\n");
        }
        out.push_str("  ");
    }
    out.push_str(
        "}),\n);\n// The answer, without the request's metadata.\n\
         const { $metadata, ...answer } = output;\n\
         console.log(JSON.stringify(answer, null, 2));\n",
    );
    out
}

/// The call as a Rust program with the AWS SDK for Rust (`aws-sdk-sms` on tokio): the
/// operation's fluent builder with one setter per member, a structure as its type's builder,
/// a list as one setter call per item (an empty list set as such), an enum through its type's
/// `From<&str>`, a time as `DateTime::from_secs`.
pub fn rust(call: &Call, endpoint: Option<&str>) -> String {
    let operation = call.operation;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Calls aws {} {} ({}) with the AWS SDK for Rust.\n\
         //!\n\
         //! Written by SMS Job Builder. AWS retired SMS; the aws-sdk-sms crate {} still has its\n\
         //! client. This is src/main.rs of a binary crate whose Cargo.toml has:\n\
         //!\n\
         //! ```toml",
        operation.metadata.cli_name,
        operation.cli_name,
        operation.name,
        sdk::RUST_SDK_VERSION
    );
    for line in sdk::rust::dependencies().lines() {
        let _ = writeln!(out, "//! {line}");
    }
    out.push_str("//! ```\n\n");
    let mut types = std::collections::BTreeSet::new();
    let mut setters = String::new();
    for (name, shape, value) in members(call) {
        rust_setter(&mut setters, name, shape, value, 2, &mut types);
    }
    out.push_str("use aws_config::BehaviorVersion;\n");
    if holds_time(call) {
        let _ = writeln!(
            out,
            "use {}::primitives::DateTime;",
            rust_crate(call.operation.metadata)
        );
    }
    if !types.is_empty() {
        let names: Vec<&str> = types.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "use {}::types::{{{}}};",
            rust_crate(call.operation.metadata),
            names.join(", ")
        );
    }
    let _ = write!(
        out,
        "\n#[tokio::main]\nasync fn main() -> Result<(), {}::Error> {{\n    \
         // The Region and credentials come from the environment or the profile, as for the CLI.\n    \
         let config = aws_config::defaults(BehaviorVersion::latest())\n",
        rust_crate(call.operation.metadata)
    );
    if let Some(url) = endpoint {
        let _ = writeln!(out, "        .endpoint_url({})", sdk::rust::string(url));
    }
    let _ = write!(
        out,
        "        .load()\n        .await;\n    let client = {}::Client::new(&config);\n    \
         let output = client\n        .{}()\n{setters}        .send()\n        .await?;\n    \
         println!(\"{{output:?}}\");\n    Ok(())\n}}\n",
        rust_crate(call.operation.metadata),
        snake_name(operation)
    );
    out
}

/// How the Rust SDK names a member's setter (`outputS3BucketName` → `output_s3_bucket_name`).
fn rust_method(name: &str) -> String {
    kebab(name).replace('-', "_")
}

/// How the Rust SDK names a shape's type (`SSMValidationParameters` →
/// `SsmValidationParameters`).
fn rust_type(name: &str) -> String {
    kebab(name)
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// One member's setter call(s) on a builder, indented by `depth` levels of four spaces.
fn rust_setter(
    out: &mut String,
    name: &str,
    shape: &'static Shape,
    value: &Value,
    depth: usize,
    types: &mut std::collections::BTreeSet<String>,
) {
    let pad = "    ".repeat(depth);
    let method = rust_method(name);
    match (&shape.kind, value) {
        (ShapeKind::List(_), Value::List(items)) if items.is_empty() => {
            let _ = writeln!(out, "{pad}.set_{method}(Some(Vec::new()))");
        }
        (ShapeKind::List(item), Value::List(items)) => {
            for item_value in items {
                let _ = write!(out, "{pad}.{method}(");
                rust_value(out, item, item_value, depth, types);
                out.push_str(")\n");
            }
        }
        _ => {
            let _ = write!(out, "{pad}.{method}(");
            rust_value(out, shape, value, depth, types);
            out.push_str(")\n");
        }
    }
}

/// A value as a Rust expression.
fn rust_value(
    out: &mut String,
    shape: &'static Shape,
    value: &Value,
    depth: usize,
    types: &mut std::collections::BTreeSet<String>,
) {
    match (&shape.kind, value) {
        (ShapeKind::Integer(_) | ShapeKind::Long(_), Value::Scalar(text)) => {
            let _ = write!(out, "{}", integer(text));
        }
        (ShapeKind::Boolean, Value::Scalar(text)) => {
            out.push_str(if text == "true" { "true" } else { "false" });
        }
        (ShapeKind::Timestamp, Value::Scalar(text)) => {
            let _ = write!(out, "DateTime::from_secs({})", seconds(text));
        }
        (ShapeKind::String(t), Value::Scalar(text)) if !t.values.is_empty() => {
            let name = rust_type(shape.name);
            let _ = write!(out, "{name}::from({})", sdk::rust::string(text));
            types.insert(name);
        }
        (_, Value::Scalar(text)) => out.push_str(&sdk::rust::string(text)),
        (ShapeKind::Structure(members), Value::Structure(slots)) => {
            let name = rust_type(shape.name);
            let _ = writeln!(out, "\n{}{name}::builder()", "    ".repeat(depth + 1));
            for (member, slot) in members.iter().zip(slots) {
                if let Some(member_value) = slot {
                    rust_setter(
                        out,
                        member.name,
                        member.shape,
                        member_value,
                        depth + 2,
                        types,
                    );
                }
            }
            let _ = write!(
                out,
                "{}.build(),\n{}",
                "    ".repeat(depth + 2),
                "    ".repeat(depth)
            );
            types.insert(name);
        }
        _ => out.push_str("Default::default()"),
    }
}

/// The set members of the call, in model order.
fn members(call: &Call) -> Vec<(&'static str, &'static Shape, &Value)> {
    let Value::Structure(slots) = &call.input else {
        return Vec::new();
    };
    call.operation
        .members()
        .iter()
        .zip(slots)
        .filter_map(|(m, v)| v.as_ref().map(|v| (m.name, m.shape, v)))
        .collect()
}

/// True when a time is set anywhere in the call.
fn holds_time(call: &Call) -> bool {
    fn walk(shape: &Shape, value: &Value) -> bool {
        match (&shape.kind, value) {
            (ShapeKind::Timestamp, Value::Scalar(_)) => true,
            (ShapeKind::List(item), Value::List(items)) => items.iter().any(|v| walk(item, v)),
            (ShapeKind::Structure(members), Value::Structure(slots)) => members
                .iter()
                .zip(slots)
                .any(|(m, v)| v.as_ref().is_some_and(|v| walk(m.shape, v))),
            _ => false,
        }
    }
    call.operation
        .input
        .is_some_and(|shape| walk(shape, &call.input))
}

/// The instant a time's text stands for (the call has been checked, so it reads).
fn seconds(text: &str) -> i64 {
    timestamp::parse(text).map_or(0, |t| t.seconds)
}

/// A whole number as written in a program.
fn integer(text: &str) -> i64 {
    text.trim().parse().unwrap_or_default()
}

/// How a language writes a value literal: its indentation step, a member's key and a scalar.
struct Literal {
    indent: &'static str,
    key: fn(&str) -> String,
    scalar: fn(&mut String, &Shape, &str),
}

const PYTHON: Literal = Literal {
    indent: "    ",
    key: python::string,
    scalar: |out, shape, text| match shape.kind {
        ShapeKind::Integer(_) | ShapeKind::Long(_) => {
            let _ = write!(out, "{}", integer(text));
        }
        ShapeKind::Boolean => out.push_str(if text == "true" { "True" } else { "False" }),
        ShapeKind::Timestamp => {
            let [y, mo, d, h, mi, s] = sdk::civil(seconds(text)).unwrap_or([1970, 1, 1, 0, 0, 0]);
            let _ = write!(
                out,
                "datetime.datetime({y}, {mo}, {d}, {h}, {mi}, {s}, tzinfo=datetime.timezone.utc)"
            );
        }
        _ => out.push_str(&python::string(text)),
    },
};

const JAVASCRIPT: Literal = Literal {
    indent: "  ",
    key: str::to_owned,
    scalar: |out, shape, text| match shape.kind {
        ShapeKind::Integer(_) | ShapeKind::Long(_) => {
            let _ = write!(out, "{}", integer(text));
        }
        ShapeKind::Boolean => out.push_str(if text == "true" { "true" } else { "false" }),
        ShapeKind::Timestamp => {
            let _ = write!(
                out,
                "new Date({})",
                javascript::string(&timestamp::format_utc(seconds(text)))
            );
        }
        _ => out.push_str(&javascript::string(text)),
    },
};

fn python_value(out: &mut String, shape: &'static Shape, value: &Value, depth: usize) {
    literal(out, shape, value, depth, &PYTHON);
}

fn javascript_value(out: &mut String, shape: &'static Shape, value: &Value, depth: usize) {
    literal(out, shape, value, depth, &JAVASCRIPT);
}

/// A value as a literal of the language: lists and structures over several lines, one item
/// or member a line, each followed by a comma; empty ones as `[]` and `{}`.
fn literal(out: &mut String, shape: &'static Shape, value: &Value, depth: usize, syntax: &Literal) {
    let pad = |out: &mut String, depth: usize| out.push_str(&syntax.indent.repeat(depth));
    match (&shape.kind, value) {
        (_, Value::Scalar(text)) => (syntax.scalar)(out, shape, text),
        (ShapeKind::List(_), Value::List(items)) if items.is_empty() => out.push_str("[]"),
        (ShapeKind::List(item), Value::List(items)) => {
            out.push_str("[\n");
            for item_value in items {
                pad(out, depth + 1);
                literal(out, item, item_value, depth + 1, syntax);
                out.push_str(",\n");
            }
            pad(out, depth);
            out.push(']');
        }
        (ShapeKind::Structure(members), Value::Structure(slots)) => {
            let set: Vec<_> = members
                .iter()
                .zip(slots)
                .filter_map(|(m, v)| v.as_ref().map(|v| (m, v)))
                .collect();
            if set.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{\n");
            for (member, member_value) in set {
                pad(out, depth + 1);
                let _ = write!(out, "{}: ", (syntax.key)(member.name));
                literal(out, member.shape, member_value, depth + 1, syntax);
                out.push_str(",\n");
            }
            pad(out, depth);
            out.push('}');
        }
        _ => out.push_str("{}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;

    #[test]
    fn nested_values_are_literals_in_model_order() {
        let (call, problems) = Call::from_json(
            sms::SERVICE
                .operation("put-app-replication-configuration")
                .unwrap(),
            r#"{"serverGroupReplicationConfigurations": [{"serverReplicationConfigurations":
                [{"serverReplicationParameters": {"runOnce": true, "seedTime": "2026-11-25 10:00"},
                  "server": {"serverId": "it's \"q\""}}]}], "appId": "app-1"}"#,
        );
        assert_eq!(problems, []);
        let py = python(&call, None);
        assert!(py.contains(
            "response = client.put_app_replication_configuration(\n    appId=\"app-1\",\n    serverGroupReplicationConfigurations=[\n        {\n            \"serverReplicationConfigurations\": [\n                {\n                    \"server\": {\n                        \"serverId\": \"it's \\\"q\\\"\",\n                    },\n                    \"serverReplicationParameters\": {\n                        \"seedTime\": datetime.datetime(2026, 11, 25, 10, 0, 0, tzinfo=datetime.timezone.utc),\n                        \"runOnce\": True,\n"
        ), "{py}");
        assert!(py.contains(
            "import datetime\nimport json\n\nimport boto3\n\nclient = boto3.client(\"sms\")\n"
        ));
        let js = javascript(&call, Some("http://127.0.0.1:9"));
        assert!(js.contains("import { PutAppReplicationConfigurationCommand, SMSClient } from \"@aws-sdk/client-sms\";"));
        assert!(js.contains("const client = new SMSClient({ endpoint: \"http://127.0.0.1:9\" });"));
        assert!(js.contains("              seedTime: new Date(\"2026-11-25T10:00:00Z\"),\n              runOnce: true,\n"), "{js}");
        let empty = Call::new(sms::SERVICE.operation("import-server-catalog").unwrap());
        assert!(python(&empty, None).contains("response = client.import_server_catalog()\n"));
        assert!(javascript(&empty, None).contains("new ImportServerCatalogCommand({}),\n);"));
    }
}
