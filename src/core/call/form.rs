//! The plain form of any operation: one text per request member, as typed, or none when the
//! member is not given. A scalar member's text is its value (clearing a box leaves the member
//! out; the empty string itself comes from an imported document or a link's `flag=`); a
//! structure's or a list's text is JSON (`[]` and `{}` are values). [`CallForm::check`] turns it into a [`Call`] with every
//! problem at its member, and inside a JSON text at its path or its line and column.
//!
//! A share link is the operation and the given texts as a readable query
//! (`op=put-app-replication-configuration&app-id=app-1&server-group-replication-configurations=[…]`,
//! percent-encoded only where a query needs it, members in model order), so nested values stay
//! readable and the same form always gives the same link. The notation of the command
//! ([`Notation`]) is part of the form and of the link (`cli.notation=shorthand`, written only
//! when it is not the default JSON).

use serde_json::Value as Json;

use crate::core::call::{self, Call, Notation};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::{Member, Operation, Service, Shape, ShapeKind};
use crate::core::render::{Sdk, Shell};
use crate::core::share::{escape, unescape};
use crate::core::value::{self, Path, Problem, Step, Value};

/// The key of the operation in a share link.
pub const OP_KEY: &str = "op";

/// The key of the command's notation in a share link, written only for
/// [`Notation::Shorthand`]. No member's flag can be it: flags have no `.`.
pub const NOTATION_KEY: &str = "cli.notation";

/// The key with which a link to an operation the service does not have is passed on to the
/// main page, which says so (see [`crate::core::share::decode`]).
pub const UNKNOWN_OP_KEY: &str = "unknown-op";

/// The operation a query names (its last `op=`), as written; `None` without one.
pub fn requested_operation(query: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .rev()
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| *key == OP_KEY)
        .map(|(_, value)| unescape(value, &mut Vec::new(), 0))
}

/// The keys of a share query (with or without `?`), in order, as written.
fn keys(query: &str) -> impl Iterator<Item = &str> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').map_or(pair, |(key, _)| key))
}

/// True when the query names an operation and nothing else: the address that opens this
/// browser's draft of that operation.
pub fn names_only_operation(query: &str) -> bool {
    requested_operation(query).is_some_and(|name| !name.is_empty())
        && keys(query).all(|key| key == OP_KEY)
}

/// True when the query says how the commands write structures and lists.
pub fn names_notation(query: &str) -> bool {
    keys(query).any(|key| key == NOTATION_KEY)
}

/// What the user typed for one operation.
#[derive(Debug, Clone)]
pub struct CallForm {
    /// The operation.
    pub operation: &'static Operation,
    /// One text per request member, in model order; `None` when it is not given.
    texts: Vec<Option<String>>,
    /// How the command writes structure and list members.
    notation: Notation,
}

impl PartialEq for CallForm {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.operation, other.operation)
            && self.texts == other.texts
            && self.notation == other.notation
    }
}

impl Eq for CallForm {}

/// True for members whose text is JSON.
pub fn is_complex(member: &Member) -> bool {
    matches!(
        member.shape.kind,
        ShapeKind::Structure(_) | ShapeKind::List(_) | ShapeKind::Map(..)
    )
}

impl CallForm {
    /// An empty form of the operation.
    pub fn new(operation: &'static Operation) -> Self {
        Self {
            operation,
            texts: vec![None; operation.members().len()],
            notation: Notation::Json,
        }
    }

    /// How the command writes structure and list members (JSON unless chosen).
    pub fn notation(&self) -> Notation {
        self.notation
    }

    /// Chooses how the command writes structure and list members.
    pub fn set_notation(&mut self, notation: Notation) {
        self.notation = notation;
    }

    /// The text of the member at this position (empty when it is not given).
    pub fn text(&self, index: usize) -> &str {
        self.texts
            .get(index)
            .and_then(Option::as_deref)
            .unwrap_or_default()
    }

    /// True when the member at this position is given, if only as the empty string.
    pub fn is_given(&self, index: usize) -> bool {
        self.texts.get(index).is_some_and(Option::is_some)
    }

    /// What typing does: the member at this position holds the text, or is left out when the
    /// text is empty.
    pub fn set(&mut self, index: usize, text: impl Into<String>) {
        let text = text.into();
        self.give(index, (!text.is_empty()).then_some(text));
    }

    /// Gives the member at this position exactly this text (`Some("")` is the empty string), or
    /// leaves it out.
    pub fn give(&mut self, index: usize, text: Option<String>) {
        if let Some(slot) = self.texts.get_mut(index) {
            *slot = text;
        }
    }

    /// True when no member is given.
    pub fn is_empty(&self) -> bool {
        self.texts.iter().all(Option::is_none)
    }

    /// The call the texts give, with every problem: a JSON text that is not JSON (at its line
    /// and column), a value of the wrong type or unknown member (at its path), and what
    /// [`Call::check`] finds.
    pub fn check(&self) -> (Call, Vec<Diagnostic>) {
        let operation = self.operation;
        let mut call = Call::new(operation);
        let mut diagnostics = Vec::new();
        let mut problems = Vec::new();
        let mut slots = vec![None; operation.members().len()];
        for (i, member) in operation.members().iter().enumerate() {
            let Some(text) = self.texts.get(i).and_then(Option::as_deref) else {
                continue;
            };
            let path = Path::root().then(Step::Member(i));
            if is_complex(member) {
                match serde_json::from_str::<Json>(text) {
                    Ok(json) => {
                        slots[i] = value::read_json(member.shape, &json, &path, &mut problems);
                    }
                    Err(e) => diagnostics.push(json_syntax(member, &e)),
                }
            } else {
                slots[i] = Some(Value::Scalar(text.to_owned()));
            }
        }
        call.input = Value::Structure(slots);
        problems.extend(call.check());
        diagnostics.extend(problems.iter().map(|p| locate(operation, p)));
        (call, diagnostics)
    }

    /// The form that holds a call's values: scalars as their text, structures and lists as
    /// indented JSON; the notation is JSON (a page keeps its own choice with
    /// [`CallForm::set_notation`]).
    pub fn from_call(call: &Call) -> Self {
        let mut form = Self::new(call.operation);
        if let Value::Structure(slots) = &call.input {
            for (i, (member, slot)) in call.operation.members().iter().zip(slots).enumerate() {
                match slot {
                    Some(Value::Scalar(text)) => form.give(i, Some(text.clone())),
                    Some(value) => form.give(i, Some(call::member_json(member.shape, value))),
                    None => {}
                }
            }
        }
        form
    }

    /// The share link's query (without `?`): the operation, then each member with text, in
    /// model order, then the notation when it is not JSON.
    pub fn to_query(&self) -> String {
        let mut query = format!("{OP_KEY}={}", escape(self.operation.cli_name));
        for (member, text) in self.operation.members().iter().zip(&self.texts) {
            if let Some(text) = text {
                query.push('&');
                query.push_str(member.flag);
                query.push('=');
                let compact = is_complex(member).then(|| without_layout(text)).flatten();
                query.push_str(&escape(compact.as_deref().unwrap_or(text)));
            }
        }
        if self.notation != Notation::Json {
            query.push('&');
            query.push_str(NOTATION_KEY);
            query.push('=');
            query.push_str(self.notation.as_str());
        }
        query
    }

    /// Reads a share link's query (with or without `?`) for an operation of `service`:
    /// `None` when it names no operation of the service; every oddity is reported.
    pub fn from_query(service: &Service, query: &str) -> (Option<Self>, Vec<Diagnostic>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut diagnostics = Vec::new();
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .enumerate()
            .map(|(index, pair)| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (
                    unescape(key, &mut diagnostics, index),
                    unescape(value, &mut diagnostics, index),
                )
            })
            .collect();
        let name = pairs
            .iter()
            .rev()
            .find(|(key, _)| key == OP_KEY)
            .map(|(_, value)| value.as_str());
        let Some(operation) = name.and_then(|name| service.operation(name)) else {
            diagnostics.push(Diagnostic::general(
                Severity::Error,
                match name {
                    Some(name) => format!(
                        "\"{name}\" is not an operation of aws {}.",
                        service.metadata.cli_name
                    ),
                    None => "The link names no operation.".to_owned(),
                },
            ));
            return (None, diagnostics);
        };
        let mut form = Self::new(operation);
        for (key, value) in pairs {
            if key == OP_KEY {
                continue;
            }
            if key == NOTATION_KEY {
                form.notation = read_notation(&value, &mut diagnostics);
                continue;
            }
            match operation.members().iter().position(|m| m.flag == key) {
                Some(i) => form.give(i, Some(value)),
                None => diagnostics.push(
                    Diagnostic::general(
                        Severity::Warning,
                        format!("The link has an unknown key \"{key}\"; it is ignored."),
                    )
                    .at(format!("key \"{key}\"")),
                ),
            }
        }
        (Some(form), diagnostics)
    }
}

/// The notation a link names; JSON, with a warning, for a name it does not know.
fn read_notation(value: &str, diagnostics: &mut Vec<Diagnostic>) -> Notation {
    Notation::parse(value).unwrap_or_else(|| {
        let names: Vec<&str> = Notation::ALL.iter().map(|n| n.as_str()).collect();
        diagnostics.push(
            Diagnostic::general(
                Severity::Warning,
                format!(
                    "The link's notation \"{value}\" is not one of {}; the command is written \
                     in JSON.",
                    names.join(", ")
                ),
            )
            .at(format!("key \"{NOTATION_KEY}\"")),
        );
        Notation::Json
    })
}

/// What a member takes, in a sentence made from the model (its kind and constraints).
pub fn hint(member: &Member) -> String {
    let names = |shape: &Shape| {
        shape
            .members()
            .iter()
            .map(|m| m.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &member.shape.kind {
        ShapeKind::String(text) if !text.values.is_empty() => {
            format!("One of {}.", text.values.join(", "))
        }
        ShapeKind::String(text) => {
            let length = match (text.min, text.max) {
                (Some(min), Some(max)) => format!("Text of {min} to {max} characters."),
                (Some(min), None) => format!("Text of at least {min} characters."),
                (None, Some(max)) => format!("Text of at most {max} characters."),
                (None, None) => "Text.".to_owned(),
            };
            match text.pattern {
                Some(pattern) => format!("{length} The service expects it to match {pattern}"),
                None => length,
            }
        }
        ShapeKind::Integer(range) | ShapeKind::Long(range) => match (range.min, range.max) {
            (Some(min), Some(max)) => format!("A whole number from {min} to {max}."),
            (Some(min), None) => format!("A whole number, at least {min}."),
            (None, Some(max)) => format!("A whole number, at most {max}."),
            (None, None) => "A whole number.".to_owned(),
        },
        ShapeKind::Boolean => format!("--{0} (true) or --no-{0} (false).", member.flag),
        ShapeKind::Timestamp => {
            "A time: 2026-11-25T10:00:00Z, a date, or seconds since 1970; without a zone, UTC."
                .to_owned()
        }
        ShapeKind::List(item) if item.members().is_empty() => {
            "JSON: a list of strings, e.g. [\"a\", \"b\"].".to_owned()
        }
        ShapeKind::List(item) => format!("JSON: a list of objects with {}.", names(item)),
        ShapeKind::Structure(_) => format!("JSON: an object with {}.", names(member.shape)),
        _ => "A value.".to_owned(),
    }
}

/// One text the plain page writes for a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Ties the text to its element (`out-` + id), as on the main page.
    pub id: &'static str,
    /// The heading.
    pub title: &'static str,
    /// The download's file name.
    pub file: String,
    /// The download's media type.
    pub media: &'static str,
    /// The text.
    pub text: String,
}

/// Every text the plain page writes for a call, in the order shown: the command for bash,
/// PowerShell and cmd.exe, the two documents, the HTTP request and body, the Python,
/// JavaScript and Rust programs, and the three skeletons. The commands give structures and
/// lists as JSON; see [`written_in`].
pub fn written(call: &Call) -> Vec<Written> {
    written_in(call, Notation::Json)
}

/// [`written`] with the commands in a notation (the form's [`CallForm::notation`]); what a
/// shorthand command leaves as JSON, and why, is [`Call::kept_json`].
pub fn written_in(call: &Call, notation: Notation) -> Vec<Written> {
    let mut all = written_of_values(call, notation);
    all.extend(skeletons(call.operation));
    all
}

/// The texts of [`written_in`] that carry the call's values: all but the skeletons, so a page
/// writes only these again when a value changes.
pub fn written_of_values(call: &Call, notation: Notation) -> Vec<Written> {
    let operation = call.operation;
    let file = |extension: &str| format!("{}.{extension}", operation.cli_name);
    let request = call.http_request();
    vec![
        Written {
            id: "cli",
            title: "Command (bash)",
            file: file("sh"),
            media: "text/x-shellscript",
            text: call.bash_in(notation),
        },
        Written {
            id: "cli-powershell",
            title: "Command (PowerShell)",
            file: file("ps1"),
            media: "text/plain",
            text: call.command_in(Shell::PowerShell, notation),
        },
        Written {
            id: "cli-cmd",
            title: "Command (cmd.exe)",
            file: file("cmd"),
            media: "text/plain",
            text: call.command_in(Shell::Cmd, notation),
        },
        Written {
            id: "json",
            title: "--cli-input-json",
            file: file("json"),
            media: "application/json",
            text: call.json_document(),
        },
        Written {
            id: "yaml",
            title: "--cli-input-yaml",
            file: file("yaml"),
            media: "application/yaml",
            text: call.yaml_document(),
        },
        Written {
            id: "http",
            title: "HTTP request",
            file: file("http"),
            media: "text/plain",
            text: request.to_string(),
        },
        Written {
            id: "http-body",
            title: "HTTP body",
            file: format!("{}-body.json", operation.cli_name),
            media: "application/json",
            text: request.body,
        },
        Written {
            id: "sdk-python",
            title: "Python (boto3)",
            file: call::sdk::file_name(call, Sdk::Python),
            media: "text/x-python",
            text: call::sdk::python(call, None),
        },
        Written {
            id: "sdk-javascript",
            title: "JavaScript (SDK v3)",
            file: call::sdk::file_name(call, Sdk::JavaScript),
            media: "text/javascript",
            text: call::sdk::javascript(call, None),
        },
        Written {
            id: "sdk-rust",
            title: "Rust (AWS SDK for Rust)",
            file: "main.rs".to_owned(),
            media: "text/x-rust",
            text: call::sdk::rust(call, None),
        },
    ]
}

/// The last texts of [`written_in`], the three skeletons: they depend on the operation only.
pub fn skeletons(operation: &'static Operation) -> Vec<Written> {
    vec![
        Written {
            id: "skeleton-input",
            title: "--generate-cli-skeleton",
            file: format!("{}-skeleton.json", operation.cli_name),
            media: "application/json",
            text: call::skeleton_input(operation),
        },
        Written {
            id: "skeleton-yaml-input",
            title: "--generate-cli-skeleton yaml-input",
            file: format!("{}-skeleton.yaml", operation.cli_name),
            media: "application/yaml",
            text: call::skeleton_yaml(operation),
        },
        Written {
            id: "skeleton-output",
            title: "--generate-cli-skeleton output",
            file: format!("{}-output.json", operation.cli_name),
            media: "application/json",
            text: call::skeleton_output(operation),
        },
    ]
}

/// A JSON text without the white space between its tokens (every token kept as written), so a
/// link stays short and readable; `None` when the text is not JSON, which a link then keeps as
/// typed.
fn without_layout(text: &str) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            out.push(c);
        }
    }
    Some(out)
}

/// A JSON text that is not JSON, at its line and column.
fn json_syntax(member: &'static Member, e: &serde_json::Error) -> Diagnostic {
    let why = e.to_string();
    let why = why.split(" at line ").next().unwrap_or_default();
    Diagnostic::error(member.flag, format!("This is not JSON ({why}).")).at(format!(
        "line {}, column {}",
        e.line(),
        e.column()
    ))
}

/// A problem of the value tree as a diagnostic of its top-level member, located at its path
/// when it is deeper than the member itself.
fn locate(operation: &'static Operation, problem: &Problem) -> Diagnostic {
    let member = match problem.path.steps().first() {
        Some(Step::Member(i)) => operation.members().get(*i),
        _ => None,
    };
    let diagnostic = match member {
        Some(member) => Diagnostic {
            param: Some(member.flag),
            location: None,
            severity: problem.severity,
            message: problem.message.clone(),
        },
        None => Diagnostic::general(problem.severity, problem.message.clone()),
    };
    if problem.path.steps().len() > 1 {
        diagnostic.at(call::spell(operation, &problem.path))
    } else {
        diagnostic
    }
}

/// Reads a `--cli-input-json` or `--cli-input-yaml` document for the operation (JSON when it
/// starts with `{`), with the CLI's typing; problems are at their path, or their line and
/// column when the text cannot be read.
pub fn read_document(operation: &'static Operation, text: &str) -> (Call, Vec<Diagnostic>) {
    let json = if text.trim_start().starts_with('{') {
        serde_json::from_str::<Json>(text).map_err(|e| {
            let why = e.to_string();
            let why = why.split(" at line ").next().unwrap_or_default().to_owned();
            (format!("This is not JSON ({why})."), e.line(), e.column())
        })
    } else {
        serde_yaml::from_str::<serde_yaml::Value>(text)
            .map_err(|e| {
                let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
                (format!("This is not YAML ({e})."), line, column)
            })
            .and_then(|yaml| plain(yaml).map_err(|why| (why, 0, 0)))
    };
    let json = match json {
        Ok(Json::Null) => Json::Object(serde_json::Map::new()),
        Ok(json) => json,
        Err((message, line, column)) => {
            let mut diagnostic = Diagnostic::general(Severity::Error, message);
            if line > 0 {
                diagnostic = diagnostic.at(format!("line {line}, column {column}"));
            }
            return (Call::new(operation), vec![diagnostic]);
        }
    };
    let mut call = Call::new(operation);
    let mut problems = Vec::new();
    if let Some(input) = value::read_json(
        operation.input.unwrap_or(&call::NO_INPUT),
        &json,
        &Path::root(),
        &mut problems,
    ) {
        call.input = input;
    }
    let mut diagnostics: Vec<Diagnostic> = problems.iter().map(|p| locate(operation, p)).collect();
    diagnostics.extend(call.check().iter().map(|p| locate(operation, p)));
    (call, diagnostics)
}

/// A YAML value as the JSON value it stands for (keys must be strings).
fn plain(yaml: serde_yaml::Value) -> Result<Json, String> {
    Ok(match yaml {
        serde_yaml::Value::Null => Json::Null,
        serde_yaml::Value::Bool(b) => Json::Bool(b),
        serde_yaml::Value::Number(n) => serde_json::from_str(&n.to_string())
            .map_err(|_| format!("The number {n} cannot be sent."))?,
        serde_yaml::Value::String(s) => Json::String(s),
        serde_yaml::Value::Sequence(items) => {
            Json::Array(items.into_iter().map(plain).collect::<Result<_, _>>()?)
        }
        serde_yaml::Value::Mapping(mapping) => {
            let mut object = serde_json::Map::new();
            for (key, value) in mapping {
                let serde_yaml::Value::String(key) = key else {
                    return Err("Every key of the document must be a name.".to_owned());
                };
                object.insert(key, plain(value)?);
            }
            Json::Object(object)
        }
        serde_yaml::Value::Tagged(tagged) => plain(tagged.value)?,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_query_says_whether_it_names_only_the_operation_and_the_notation() {
        assert!(names_only_operation("?op=get-app"));
        assert!(names_only_operation("op=get-app&"));
        assert!(!names_only_operation("op="));
        assert!(!names_only_operation("op=get-app&app-id=a"));
        assert!(!names_only_operation("app-id=a"));
        assert!(names_notation("?op=create-app&cli.notation=shorthand"));
        assert!(names_notation("cli.notation"));
        assert!(!names_notation("op=create-app&tags=cli.notation%3Dx"));
    }

    use super::*;
    use crate::core::model::sms;

    fn op(name: &str) -> &'static Operation {
        sms::SERVICE.operation(name).unwrap()
    }

    #[test]
    fn a_link_keeps_the_operation_and_nested_values_readable() {
        let mut form = CallForm::new(op("put-app-replication-configuration"));
        form.set(0, "app-1");
        form.set(1, r#"[{"serverGroupId": "g 1"}]"#);
        let query = form.to_query();
        assert_eq!(
            query,
            r#"op=put-app-replication-configuration&app-id=app-1&server-group-replication-configurations=[{"serverGroupId":"g%201"}]"#
        );
        let (back, problems) = CallForm::from_query(&sms::SERVICE, &format!("?{query}&bogus=1"));
        assert_eq!(back.map(|b| b.check().0), Some(form.check().0));
        assert_eq!(problems.len(), 1);
        // Layout is left out of a link; a text that is not JSON is kept as typed.
        form.set(1, "[\n    {\"serverGroupId\": \"a b\\\" \\n\"}\n]");
        assert!(
            form.to_query()
                .ends_with(r#"configurations=[{"serverGroupId":"a%20b\"%20\n"}]"#)
        );
        form.set(1, "[{\"serverGroupId\": 01 }");
        assert!(
            form.to_query()
                .ends_with(r#"configurations=[{"serverGroupId":%2001%20}"#)
        );
        let (none, problems) = CallForm::from_query(&sms::SERVICE, "op=launch-rocket");
        assert!(none.is_none());
        assert_eq!(
            problems[0].message,
            "\"launch-rocket\" is not an operation of aws sms."
        );
    }

    #[test]
    fn the_notation_is_in_the_link_only_when_it_is_shorthand() {
        let op = op("create-app");
        let tags = op.members().iter().position(|m| m.name == "tags").unwrap();
        let mut form = CallForm::new(op);
        form.set(tags, r#"[{"key": "k", "value": "a b"}]"#);
        assert!(!form.to_query().contains(NOTATION_KEY));
        form.set_notation(Notation::Shorthand);
        let query = form.to_query();
        assert!(query.ends_with("&cli.notation=shorthand"), "{query}");
        let (back, problems) = CallForm::from_query(&sms::SERVICE, &query);
        assert_eq!(problems, []);
        let back = back.unwrap();
        assert_eq!(back.notation(), Notation::Shorthand);
        assert_eq!(back.to_query(), query);
        let (back, problems) =
            CallForm::from_query(&sms::SERVICE, "op=create-app&cli.notation=yaml");
        assert_eq!(back.map(|b| b.notation()), Some(Notation::Json));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(problems[0].message.contains("\"yaml\""), "{problems:?}");
        // No member's flag can be the key.
        for operation in sms::SERVICE.operations {
            assert!(operation.members().iter().all(|m| !m.flag.contains('.')));
        }
        // The page's commands follow the notation; every other text is the same.
        let call = form.check().0;
        let json = written(&call);
        let shorthand = written_in(&call, Notation::Shorthand);
        assert_eq!(json[0].text, call.bash());
        assert!(
            shorthand[0].text.ends_with("--tags 'key=k,value=a b'\n"),
            "{}",
            shorthand[0].text
        );
        assert!(shorthand[1].text.ends_with("--tags 'key=k,value=a b'\n"));
        assert!(shorthand[2].text.ends_with("--tags \"key=k,value=a b\"\n"));
        assert_eq!(json[3..], shorthand[3..]);
    }

    #[test]
    fn problems_are_at_their_member_and_path_or_line() {
        let mut form = CallForm::new(op("create-app"));
        form.set(
            4,
            "[{\"serverList\": [{\"replicationJobTerminated\": \"yes\"}]}]",
        );
        form.set(5, "[{\"key\": \"k\",\n \"value\": }]");
        let (_, diagnostics) = form.check();
        let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "error --tags (line 2, column 11): This is not JSON (expected value).",
                "error --server-groups (serverGroups[0].serverList[0].replicationJobTerminated): Expected true or false, found a string.",
            ]
        );
    }

    #[test]
    fn the_requested_operation_is_the_last_op_of_a_link_and_an_unknown_one_is_passed_on() {
        assert_eq!(
            requested_operation("?op=get-app&op=list-apps&x=1").as_deref(),
            Some("list-apps")
        );
        assert_eq!(requested_operation("op=").as_deref(), Some(""));
        assert_eq!(requested_operation("op=a%20b").as_deref(), Some("a b"));
        assert_eq!(requested_operation("server-id=s-1"), None);
        let (_, _, problems) = crate::core::share::decode("unknown-op=launch-rocket");
        assert_eq!(
            problems[0].message,
            "The link names \"launch-rocket\", which is not an operation of aws sms; here is create-replication-job instead."
        );
    }

    #[test]
    fn hints_say_what_the_model_allows() {
        let validation = op("put-app-validation-configuration");
        let hints: Vec<String> = validation.members().iter().map(hint).collect();
        assert_eq!(
            hints[0],
            "Text. The service expects it to match ^app-[0-9a-f]{17}$"
        );
        assert_eq!(
            hints[1],
            "JSON: a list of objects with validationId, name, appValidationStrategy, ssmValidationParameters."
        );
        let list = op("list-apps");
        assert_eq!(
            hint(&list.members()[0]),
            "JSON: a list of strings, e.g. [\"a\", \"b\"]."
        );
        assert_eq!(
            hint(&op("delete-app").members()[1]),
            "--force-stop-app-replication (true) or --no-force-stop-app-replication (false)."
        );
        let written = written(&Call::new(list));
        let ids: Vec<_> = written.iter().map(|w| w.id).collect();
        assert_eq!(
            ids,
            [
                "cli",
                "cli-powershell",
                "cli-cmd",
                "json",
                "yaml",
                "http",
                "http-body",
                "sdk-python",
                "sdk-javascript",
                "sdk-rust",
                "skeleton-input",
                "skeleton-yaml-input",
                "skeleton-output"
            ]
        );
        assert_eq!(written[0].file, "list-apps.sh");
        assert_eq!(written[0].text, "aws sms list-apps\n");
    }

    #[test]
    fn documents_fill_the_form_in_json_or_yaml() {
        let yaml = "serverGroupReplicationConfigurations:\n- serverGroupId: g\n  serverReplicationConfigurations: []\nappId: app-1\n";
        let (call, problems) = read_document(op("put-app-replication-configuration"), yaml);
        assert_eq!(problems, []);
        let form = CallForm::from_call(&call);
        assert_eq!(form.text(0), "app-1");
        assert_eq!(
            form.text(1),
            "[\n    {\n        \"serverGroupId\": \"g\",\n        \"serverReplicationConfigurations\": []\n    }\n]"
        );
        assert_eq!(form.check().0, call);
        let (_, problems) = read_document(op("create-app"), "{\"tags\": 3}");
        assert_eq!(
            problems[0].to_string(),
            "error --tags: Expected a list, found a number."
        );
        let (_, problems) = read_document(op("create-app"), "tags: [\n");
        assert!(
            problems[0]
                .location
                .as_deref()
                .unwrap()
                .starts_with("line ")
        );
    }
}
