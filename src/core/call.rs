//! A call of any operation of a service model, nested values included, and what the tool
//! writes for it: the request body and the HTTP request, the `--cli-input-json` and
//! `--cli-input-yaml` documents, the CLI's argument vector and the command for each shell
//! (structures and lists as JSON, or in the CLI's shorthand where [`shorthand`] can write them
//! exactly: [`Notation`]), the skeletons, and (in [`sdk`]) the SDK programs. [`form`] is the
//! plain page's form of a call and [`command`] reads a pasted command of any operation.
//!
//! Nothing here names a service or a member: everything comes from the operation's model
//! ([`crate::core::model`]) and the input's value tree ([`crate::core::value`]). Members are
//! written in model order everywhere, so the command, the documents and the body agree.
//! `create-replication-job` still has its own, older pipeline (`params`, `validate`, `render`)
//! with its overlay texts and console rules; the next steps of issue 19 put it on this one.

use std::fmt::Write as _;

use serde_json::Value as Json;

use crate::core::diagnostic::Severity;
use crate::core::model::{Member, Operation, Shape, ShapeKind};
use crate::core::render::cli::{Shell, cmd_word, ps_word, sh_word};
use crate::core::render::http::HttpRequest;
use crate::core::render::json::push_string;
use crate::core::render::yaml;
use crate::core::timestamp;
use crate::core::validate::cli_would_expand;
use crate::core::value::{self, Path, Problem, Step, Value};

pub mod command;
pub mod form;
pub mod sdk;
pub mod shorthand;

use shorthand::Quote;
pub use shorthand::{JsonKept, Notation};

/// The request of an operation without input: an empty structure.
pub(crate) static NO_INPUT: Shape = Shape {
    name: "",
    kind: ShapeKind::Structure(&[]),
};

/// One operation with its input.
#[derive(Debug, Clone)]
pub struct Call {
    /// The operation.
    pub operation: &'static Operation,
    /// The input: a structure of the request shape's members (none set for an operation
    /// without input).
    pub input: Value,
}

impl PartialEq for Call {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.operation, other.operation) && self.input == other.input
    }
}

impl Eq for Call {}

impl Call {
    /// The operation with nothing set.
    pub fn new(operation: &'static Operation) -> Self {
        let slots = operation.members().len();
        Self {
            operation,
            input: Value::Structure(vec![None; slots]),
        }
    }

    /// Reads a `--cli-input-json` document: every problem is at its path, or at its line and
    /// column when the text is not JSON.
    pub fn from_json(operation: &'static Operation, text: &str) -> (Self, Vec<Problem>) {
        let mut call = Self::new(operation);
        let mut problems = Vec::new();
        match serde_json::from_str::<Json>(text) {
            Ok(json) => {
                let shape = request_shape(operation);
                if let Some(input) = value::read_json(shape, &json, &Path::root(), &mut problems) {
                    call.input = input;
                }
            }
            Err(e) => problems.push(Problem {
                path: Path::root(),
                severity: Severity::Error,
                message: {
                    let why = e.to_string();
                    let why = why.split(" at line ").next().unwrap_or_default();
                    format!(
                        "line {}, column {}: this is not JSON ({why}).",
                        e.line(),
                        e.column()
                    )
                },
            }),
        }
        (call, problems)
    }

    /// Every problem of the input, as the CLI and the service see them (see [`value::check`]).
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        value::check(
            request_shape(self.operation),
            &self.input,
            &Path::root(),
            &mut problems,
        );
        problems
    }

    /// The members that are set, in model order, with their positions.
    fn set_members(
        &self,
    ) -> impl Iterator<Item = (usize, &'static crate::core::model::Member, &Value)> {
        let slots: &[Option<Value>] = match &self.input {
            Value::Structure(slots) => slots,
            _ => &[],
        };
        self.operation
            .members()
            .iter()
            .zip(slots)
            .enumerate()
            .filter_map(|(i, (member, slot))| slot.as_ref().map(|v| (i, member, v)))
    }

    /// True when a scalar value would be taken for a file to load, or is exactly `--`: then
    /// every value goes in one `--cli-input-json`.
    fn routed(&self) -> bool {
        self.set_members()
            .any(|(_, member, value)| match (&member.shape.kind, value) {
                (ShapeKind::String(_) | ShapeKind::Blob, Value::Scalar(text)) => {
                    cli_would_expand(text) || text == "--"
                }
                _ => false,
            })
    }

    /// The request body exactly as the CLI sends it (`{}` for an operation without input).
    pub fn body(&self) -> String {
        let mut out = String::new();
        value::write_body(&mut out, request_shape(self.operation), &self.input);
        out
    }

    /// The whole request as the API receives it, unsigned (no Region is chosen on this form,
    /// so the host is the endpoint with `<region>` in it).
    pub fn http_request(&self) -> HttpRequest {
        let body = self.body();
        let metadata = self.operation.metadata;
        HttpRequest {
            method: "POST",
            path: "/",
            headers: vec![
                (
                    "Host".to_owned(),
                    format!("{}.<region>.amazonaws.com", metadata.endpoint_prefix),
                ),
                (
                    "Content-Type".to_owned(),
                    format!("application/x-amz-json-{}", metadata.json_version),
                ),
                ("X-Amz-Target".to_owned(), self.target()),
                ("Content-Length".to_owned(), body.len().to_string()),
            ],
            body,
        }
    }

    /// The `X-Amz-Target` header.
    pub fn target(&self) -> String {
        format!(
            "{}.{}",
            self.operation.metadata.target_prefix, self.operation.name
        )
    }

    /// The `--cli-input-json` document: Python's `json.dumps(…, indent=4)` layout, members in
    /// model order, times as UTC (`2026-11-25T10:00:00Z`), ASCII only, a final newline.
    pub fn json_document(&self) -> String {
        let mut out = String::new();
        pretty(&mut out, request_shape(self.operation), &self.input, 0);
        out.push('\n');
        out
    }

    /// The same document on one line, with Python's default separators.
    pub fn json_line(&self) -> String {
        let mut out = String::new();
        compact(&mut out, request_shape(self.operation), &self.input);
        out
    }

    /// The `--cli-input-yaml` document: block style, members in model order, every string
    /// written so that YAML 1.1 and 1.2 readers get the same value (`{}` when nothing is set).
    pub fn yaml_document(&self) -> String {
        let shape = request_shape(self.operation);
        if let Some(inline) = yaml_inline(shape, &self.input) {
            return format!("{inline}\n");
        }
        let mut out = String::new();
        for line in yaml_block(shape, &self.input, 0) {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// The argument vector the CLI receives, without the leading `aws`: each scalar member as
    /// an option with its value, each structure or list as one JSON word, a list of strings
    /// as one word per item when every item can be one. When a scalar value would be taken
    /// for a file to load, or is exactly `--`, all values go in one `--cli-input-json`.
    pub fn argv(&self) -> Vec<String> {
        self.argv_in(Notation::Json)
    }

    /// [`Call::argv`] in a notation: with [`Notation::Shorthand`], each structure or list of
    /// structures is written in the CLI's shorthand (one word, or one word per item) where
    /// the CLI reads it back exactly, and as JSON where not ([`Call::kept_json`] says why).
    pub fn argv_in(&self, notation: Notation) -> Vec<String> {
        self.argv_quoted(notation, Quote::Double)
    }

    /// [`Call::argv_in`] with shorthand values quoted with `quote` first.
    fn argv_quoted(&self, notation: Notation, quote: Quote) -> Vec<String> {
        let mut words = vec![
            self.operation.metadata.cli_name.to_owned(),
            self.operation.cli_name.to_owned(),
        ];
        if self.routed() {
            words.push("--cli-input-json".to_owned());
            words.push(self.json_line());
            return words;
        }
        for (_, member, value) in self.set_members() {
            let flag = format!("--{}", member.flag);
            match (&member.shape.kind, value) {
                (ShapeKind::Boolean, Value::Scalar(text)) => words.push(if text == "false" {
                    format!("--no-{}", member.flag)
                } else {
                    flag
                }),
                (ShapeKind::List(item), Value::List(items)) if word_items(item, items) => {
                    words.push(flag);
                    words.extend(items.iter().map(|item| match item {
                        Value::Scalar(text) => text.clone(),
                        _ => String::new(),
                    }));
                }
                (ShapeKind::List(_) | ShapeKind::Structure(_) | ShapeKind::Map(..), _)
                    if let Some(shorthand) = shorthand_words(notation, member, value, quote) =>
                {
                    words.push(flag);
                    words.extend(shorthand);
                }
                (ShapeKind::List(_) | ShapeKind::Structure(_) | ShapeKind::Map(..), _) => {
                    let mut json = String::new();
                    compact(&mut json, member.shape, value);
                    words.push(flag);
                    words.push(json);
                }
                (_, Value::Scalar(_)) => {
                    let text = scalar_text(member.shape, value);
                    if text.starts_with('-') {
                        words.push(format!("{flag}={text}"));
                    } else {
                        words.push(flag);
                        words.push(text);
                    }
                }
                _ => {}
            }
        }
        words
    }

    /// The structure and list members a notation writes as JSON although it prefers another
    /// spelling, each with why, in model order (none for [`Notation::Json`], and none when
    /// the whole call goes in one `--cli-input-json`). Said of the bash command: PowerShell's
    /// and cmd.exe's quote the other way first, which in rare cases of a value ending in `\`
    /// keeps another member as JSON, and they may still take their file or
    /// `--cli-input-json` way for a word they cannot carry (see [`Call::command`]).
    pub fn kept_json(&self, notation: Notation) -> Vec<JsonKept> {
        if notation == Notation::Json || self.routed() {
            return Vec::new();
        }
        self.set_members()
            .filter(|(_, member, _)| is_json(member))
            .filter_map(|(_, member, value)| {
                shorthand::words(member.shape, value)
                    .err()
                    .map(|why| JsonKept { member, why })
            })
            .collect()
    }

    /// The bash command, one option a line.
    pub fn bash(&self) -> String {
        self.bash_in(Notation::Json)
    }

    /// The bash command in a notation.
    pub fn bash_in(&self, notation: Notation) -> String {
        lay_out(&self.argv_in(notation), sh_word, " \\\n    ")
    }

    /// The command for a shell, one option a line. PowerShell versions pass `"` to a program
    /// differently and Windows PowerShell 5.1 reads a script's non-ASCII text in the ANSI code
    /// page, so when a value holds JSON, `"`, an empty string or non-ASCII text, PowerShell
    /// writes the values to a file with a here-string and the command reads that file. cmd.exe
    /// cannot carry a line break and expands `%` and `!`, so there the values go in one
    /// `--cli-input-json` word of plain ASCII JSON (with `\u0025` and `\u0021`) when one of
    /// them holds such a character or is a structure or a list.
    pub fn command(&self, shell: Shell) -> String {
        self.command_in(shell, Notation::Json)
    }

    /// [`Call::command`] in a notation. A member written in shorthand is quoted for the shell
    /// like any other word: PowerShell and cmd.exe take the file or `--cli-input-json` way only
    /// for a member kept as JSON or for a word they cannot carry (the rules above). Their
    /// shorthand quotes values `'…'` first, which both pass unchanged (bash's, `"…"`).
    pub fn command_in(&self, shell: Shell, notation: Notation) -> String {
        match shell {
            Shell::Bash => self.bash_in(notation),
            Shell::PowerShell if self.needs_file_in(shell, notation) => {
                let file = format!("{}.json", self.operation.cli_name);
                let argv = [
                    self.operation.metadata.cli_name.to_owned(),
                    self.operation.cli_name.to_owned(),
                    "--cli-input-json".to_owned(),
                    format!("file://{file}"),
                ];
                format!(
                    "@'\n{}'@ | Set-Content -Encoding ascii {file}\n{}",
                    self.json_document(),
                    lay_out(&argv, ps_word, " `\n    ")
                )
            }
            Shell::PowerShell => lay_out(
                &self.argv_quoted(notation, Quote::Single),
                ps_word,
                " `\n    ",
            ),
            Shell::Cmd if self.needs_file_in(shell, notation) => {
                let mut json = String::new();
                one_line(&mut json, request_shape(self.operation), &self.input, CMD);
                let argv = [
                    self.operation.metadata.cli_name.to_owned(),
                    self.operation.cli_name.to_owned(),
                    "--cli-input-json".to_owned(),
                    json,
                ];
                lay_out(&argv, cmd_word, " ^\n    ")
            }
            Shell::Cmd => lay_out(
                &self.argv_quoted(notation, Quote::Single),
                cmd_word,
                " ^\n    ",
            ),
        }
    }

    /// True when this shell cannot carry the values as separate words (see [`Call::command`]).
    fn needs_file_in(&self, shell: Shell, notation: Notation) -> bool {
        let quote = match shell {
            Shell::Bash => Quote::Double,
            Shell::PowerShell | Shell::Cmd => Quote::Single,
        };
        let words = self.argv_quoted(notation, quote);
        words.iter().any(|w| w == "--cli-input-json")
            || self.set_members().any(|(_, member, value)| {
                is_json(member) && shorthand_words(notation, member, value, quote).is_none()
            })
            || words[2..]
                .iter()
                .filter(|w| !w.starts_with("--"))
                .any(|text| match shell {
                    Shell::PowerShell => {
                        text.is_empty()
                            || text.contains('"')
                            || !text.is_ascii()
                            || (text.contains(char::is_whitespace) && text.ends_with('\\'))
                    }
                    Shell::Cmd => {
                        text.contains(['\n', '\r', '%', '!'])
                            || !text.chars().all(|c| c == '\t' || matches!(c, ' '..='~'))
                    }
                    Shell::Bash => false,
                })
            || words.iter().any(|w| {
                w.starts_with("--")
                    && w.contains('=')
                    && match shell {
                        Shell::PowerShell => w.contains('"') || !w.is_ascii(),
                        Shell::Cmd => w.contains(['%', '!']) || !w.is_ascii(),
                        Shell::Bash => false,
                    }
            })
    }
}

/// The shorthand words of a structure or list member, when the notation asks for them and
/// they read back exactly.
fn shorthand_words(
    notation: Notation,
    member: &'static Member,
    value: &Value,
    quote: Quote,
) -> Option<Vec<String>> {
    (notation == Notation::Shorthand && is_json(member))
        .then(|| shorthand::words_quoted(member.shape, value, quote).ok())
        .flatten()
}

/// True for a member the command gives as a JSON word.
fn is_json(member: &Member) -> bool {
    matches!(
        member.shape.kind,
        ShapeKind::Structure(_) | ShapeKind::Map(..)
    ) || matches!(member.shape.kind, ShapeKind::List(item) if !matches!(item.kind, ShapeKind::String(_)))
}

/// `aws` and the service and operation words on the first line, then one option with its
/// values per line, each word quoted for the shell.
fn lay_out(argv: &[String], quote: fn(&str) -> String, continuation: &str) -> String {
    let mut out = String::from("aws");
    let mut words = argv.iter().peekable();
    for word in words.by_ref().take(2) {
        out.push(' ');
        out.push_str(&quote(word));
    }
    while let Some(word) = words.next() {
        out.push_str(continuation);
        out.push_str(&quote(word));
        // The values of an option stay on its line.
        while let Some(value) = words.next_if(|w| !w.starts_with("--")) {
            out.push(' ');
            out.push_str(&quote(value));
        }
    }
    out.push('\n');
    out
}

/// The request shape of an operation; an operation without input takes an empty structure.
fn request_shape(operation: &'static Operation) -> &'static Shape {
    operation.input.unwrap_or(&NO_INPUT)
}

/// The skeleton of a structure or list member as indented JSON (every member, one item per
/// list, the input skeleton's placeholders): where the plain page lets a user start from.
pub fn member_skeleton(shape: &'static Shape) -> String {
    member_json(shape, &placeholder(shape, None))
}

/// A member's value as JSON on one line, with Python's separators.
pub fn member_json_line(shape: &'static Shape, value: &Value) -> String {
    let mut out = String::new();
    compact(&mut out, shape, value);
    out
}

/// A member's value as indented JSON (the layout of the `--cli-input-json` document), without
/// a final newline: what the plain form shows for a structure or a list.
pub fn member_json(shape: &'static Shape, value: &Value) -> String {
    let mut out = String::new();
    pretty(&mut out, shape, value, 0);
    out
}

/// True when a list of strings can be given as one word per item: there are items, and none
/// of them would be read as an option, as JSON, or as a file to load.
fn word_items(item: &Shape, items: &[Value]) -> bool {
    matches!(item.kind, ShapeKind::String(_))
        && !items.is_empty()
        && items.iter().all(|item| match item {
            Value::Scalar(text) => {
                !text.starts_with(['-', '[', '{']) && !cli_would_expand(text) && !text.is_empty()
            }
            _ => false,
        })
}

/// A scalar as the documents and the command write it: integers without leading zeros or
/// `+`, times in UTC, the rest as given.
fn scalar_text(shape: &Shape, value: &Value) -> String {
    let Value::Scalar(text) = value else {
        return String::new();
    };
    match shape.kind {
        ShapeKind::Integer(_) | ShapeKind::Long(_) => text
            .trim()
            .parse::<i64>()
            .map_or_else(|_| text.clone(), |n| n.to_string()),
        ShapeKind::Timestamp => timestamp::parse(text)
            .map_or_else(|_| text.clone(), |t| timestamp::format_utc(t.seconds)),
        _ => text.clone(),
    }
}

/// A scalar as a JSON value of a document (times as UTC strings).
fn json_scalar(out: &mut String, shape: &Shape, value: &Value) {
    json_scalar_with(out, shape, value, &[]);
}

fn json_scalar_with(out: &mut String, shape: &Shape, value: &Value, also: &[char]) {
    let text = scalar_text(shape, value);
    match shape.kind {
        ShapeKind::Integer(_)
        | ShapeKind::Long(_)
        | ShapeKind::Boolean
        | ShapeKind::Float
        | ShapeKind::Double => out.push_str(&text),
        _ => push_string(out, &text, also),
    }
}

/// The item shape of a list shape (the shape itself for anything else).
fn item_of(shape: &'static Shape) -> &'static Shape {
    match shape.kind {
        ShapeKind::List(item) => item,
        _ => shape,
    }
}

/// The set members of a structure value, in model order.
fn present<'v>(
    shape: &'static Shape,
    value: &'v Value,
) -> Vec<(&'static crate::core::model::Member, &'v Value)> {
    let Value::Structure(slots) = value else {
        return Vec::new();
    };
    shape
        .members()
        .iter()
        .zip(slots)
        .filter_map(|(m, v)| v.as_ref().map(|v| (m, v)))
        .collect()
}

/// `json.dumps(indent=4)`: empty containers as `[]` and `{}`.
fn pretty(out: &mut String, shape: &'static Shape, value: &Value, depth: usize) {
    let pad = |out: &mut String, depth: usize| out.push_str(&"    ".repeat(depth));
    match value {
        Value::Scalar(_) => json_scalar(out, shape, value),
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::List(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(out, depth + 1);
                pretty(out, item_of(shape), item, depth + 1);
            }
            out.push('\n');
            pad(out, depth);
            out.push(']');
        }
        Value::Structure(_) => {
            let members = present(shape, value);
            if members.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push_str("{\n");
            for (i, (member, value)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                pad(out, depth + 1);
                push_string(out, member.name, &[]);
                out.push_str(": ");
                pretty(out, member.shape, value, depth + 1);
            }
            out.push('\n');
            pad(out, depth);
            out.push('}');
        }
    }
}

/// How a JSON value is written on one line.
#[derive(Clone, Copy)]
struct Line {
    /// Between items and members.
    comma: &'static str,
    /// Between a member's name and its value.
    colon: &'static str,
    /// ASCII characters written as `\u00XX` escapes inside strings (cmd.exe's `%` and `!`).
    also: &'static [char],
}

/// Python's default separators (`", "`, `": "`), as the CLI's own JSON is written.
const PYTHON: Line = Line {
    comma: ", ",
    colon: ": ",
    also: &[],
};

/// For cmd.exe: no spaces, so that most of the word needs no quotes, and no `%` or `!`.
const CMD: Line = Line {
    comma: ",",
    colon: ":",
    also: &['%', '!'],
};

/// One line with Python's default separators.
fn compact(out: &mut String, shape: &'static Shape, value: &Value) {
    one_line(out, shape, value, PYTHON);
}

fn one_line(out: &mut String, shape: &'static Shape, value: &Value, line: Line) {
    match value {
        Value::Scalar(_) => json_scalar_with(out, shape, value, line.also),
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(line.comma);
                }
                one_line(out, item_of(shape), item, line);
            }
            out.push(']');
        }
        Value::Structure(_) => {
            out.push('{');
            for (i, (member, value)) in present(shape, value).into_iter().enumerate() {
                if i > 0 {
                    out.push_str(line.comma);
                }
                push_string(out, member.name, &[]);
                out.push_str(line.colon);
                one_line(out, member.shape, value, line);
            }
            out.push('}');
        }
    }
}

/// A value that YAML writes on the line of its key: a scalar, `[]` or `{}`.
fn yaml_inline(shape: &'static Shape, value: &Value) -> Option<String> {
    match value {
        Value::Scalar(_) => {
            let text = scalar_text(shape, value);
            Some(match shape.kind {
                ShapeKind::Integer(_)
                | ShapeKind::Long(_)
                | ShapeKind::Boolean
                | ShapeKind::Float
                | ShapeKind::Double => text,
                _ => yaml::scalar(&text),
            })
        }
        Value::List(items) if items.is_empty() => Some("[]".to_owned()),
        Value::Structure(_) if present(shape, value).is_empty() => Some("{}".to_owned()),
        Value::List(_) | Value::Structure(_) => None,
    }
}

/// The lines of a list or structure written as a block at `indent` spaces. A list's items
/// are `- ` lines at the indentation of their key, as the CLI's own YAML is laid out.
fn yaml_block(shape: &'static Shape, value: &Value, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let mut lines = Vec::new();
    match value {
        Value::Structure(_) => {
            for (member, value) in present(shape, value) {
                let key = yaml::scalar(member.name);
                if let Some(inline) = yaml_inline(member.shape, value) {
                    lines.push(format!("{pad}{key}: {inline}"));
                } else {
                    lines.push(format!("{pad}{key}:"));
                    let inner = match value {
                        Value::List(_) => indent,
                        _ => indent + 2,
                    };
                    lines.extend(yaml_block(member.shape, value, inner));
                }
            }
        }
        Value::List(items) => {
            let item_shape = item_of(shape);
            for item in items {
                if let Some(inline) = yaml_inline(item_shape, item) {
                    lines.push(format!("{pad}- {inline}"));
                } else {
                    let mut block = yaml_block(item_shape, item, indent + 2);
                    if let Some(first) = block.first_mut() {
                        *first = format!("{pad}- {}", &first[indent + 2..]);
                    }
                    lines.extend(block);
                }
            }
        }
        Value::Scalar(_) => {}
    }
    lines
}

/// The placeholder tree of a shape, as `--generate-cli-skeleton` fills it: every member and
/// one item in every list; `0` for numbers, `true` for booleans, the epoch start for times;
/// for strings `""` in an input skeleton and in an output skeleton the member's own name (a
/// list item's: its shape's name), and
/// in an input skeleton the first value of an enum (CLI v1 picks an enum's value at random;
/// v2 and the tool take the first, so the skeleton is the same on every run).
fn placeholder(shape: &'static Shape, output: Option<&str>) -> Value {
    match &shape.kind {
        ShapeKind::String(text) => Value::Scalar(match output {
            Some(name) => name.to_owned(),
            None => text.values.first().copied().unwrap_or("").to_owned(),
        }),
        ShapeKind::Integer(_) | ShapeKind::Long(_) | ShapeKind::Float | ShapeKind::Double => {
            Value::Scalar("0".to_owned())
        }
        ShapeKind::Boolean => Value::Scalar("true".to_owned()),
        ShapeKind::Timestamp => Value::Scalar("1970-01-01T00:00:00".to_owned()),
        ShapeKind::Blob => Value::Scalar(String::new()),
        ShapeKind::Structure(members) => Value::Structure(
            members
                .iter()
                .map(|m| Some(placeholder(m.shape, output.map(|_| m.name))))
                .collect(),
        ),
        // An item of a list in an output skeleton is named after its shape.
        ShapeKind::List(item) => Value::List(vec![placeholder(item, output.map(|_| item.name))]),
        ShapeKind::Map(..) => Value::Structure(Vec::new()),
    }
}

/// `--generate-cli-skeleton` (`input`) of an operation.
pub fn skeleton_input(operation: &'static Operation) -> String {
    skeleton(request_shape(operation), None)
}

/// `--generate-cli-skeleton output` of an operation: every string named after its member.
/// The CLI prints nothing for an operation whose answer has no members.
pub fn skeleton_output(operation: &'static Operation) -> String {
    match operation.output {
        Some(shape) if !shape.members().is_empty() => skeleton(shape, Some("")),
        _ => String::new(),
    }
}

fn skeleton(shape: &'static Shape, output: Option<&str>) -> String {
    let mut out = String::new();
    // The skeleton keeps the timestamp placeholder as text: written by `pretty`, it would be
    // read as a time and turned into UTC.
    skeleton_json(&mut out, shape, &placeholder(shape, output), 0);
    out.push('\n');
    out
}

fn skeleton_json(out: &mut String, shape: &'static Shape, value: &Value, depth: usize) {
    match (&shape.kind, value) {
        (ShapeKind::Timestamp, Value::Scalar(text)) => push_string(out, text, &[]),
        (ShapeKind::List(item), Value::List(items)) => {
            out.push_str("[\n");
            for item_value in items {
                out.push_str(&"    ".repeat(depth + 1));
                skeleton_json(out, item, item_value, depth + 1);
            }
            out.push('\n');
            out.push_str(&"    ".repeat(depth));
            out.push(']');
        }
        (ShapeKind::Structure(members), Value::Structure(slots)) if !members.is_empty() => {
            out.push_str("{\n");
            for (i, (member, slot)) in members.iter().zip(slots).enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                out.push_str(&"    ".repeat(depth + 1));
                push_string(out, member.name, &[]);
                out.push_str(": ");
                if let Some(value) = slot {
                    skeleton_json(out, member.shape, value, depth + 1);
                }
            }
            out.push('\n');
            out.push_str(&"    ".repeat(depth));
            out.push('}');
        }
        _ => pretty(out, shape, value, depth),
    }
}

/// `--generate-cli-skeleton yaml-input` of an operation, laid out as CLI v2 lays it out: every
/// member with its placeholder (`''`, `0`, `true`, the first value of an enum, the unquoted
/// `1970-01-01 00:00:00` for a time) and a comment in the tool's words, made from the model
/// (`[REQUIRED] `, what the member takes, and `Valid values are: …` for an enum); a structure
/// or list member's comment on its key's line and its content below; list items as `- ` at
/// their key's indentation; two spaces before the `#` of the first key of every mapping, one
/// before every other.
pub fn skeleton_yaml(operation: &'static Operation) -> String {
    let shape = request_shape(operation);
    if shape.members().is_empty() {
        return "{}\n".to_owned();
    }
    let mut out = String::new();
    skeleton_yaml_mapping(&mut out, shape, 0, "");
    out
}

/// The lines of a structure's members at `indent`; the first line starts with `first` (`- `
/// for a list item) in place of its indentation's last two spaces.
fn skeleton_yaml_mapping(out: &mut String, shape: &'static Shape, indent: usize, first: &str) {
    for (i, member) in shape.members().iter().enumerate() {
        let lead = if i == 0 && !first.is_empty() {
            format!("{}{first}", " ".repeat(indent - 2))
        } else {
            " ".repeat(indent)
        };
        let gap = if i == 0 { "  " } else { " " };
        let comment = skeleton_comment(member);
        match &member.shape.kind {
            ShapeKind::Structure(_) => {
                let _ = writeln!(out, "{lead}{}:{gap}# {comment}", member.name);
                skeleton_yaml_mapping(out, member.shape, indent + 2, "");
            }
            ShapeKind::List(item) => {
                let _ = writeln!(out, "{lead}{}:{gap}# {comment}", member.name);
                match item.kind {
                    ShapeKind::Structure(_) => skeleton_yaml_mapping(out, item, indent + 2, "- "),
                    _ => {
                        let _ = writeln!(out, "{}- {}", " ".repeat(indent), yaml_placeholder(item));
                    }
                }
            }
            _ => {
                let _ = writeln!(
                    out,
                    "{lead}{}: {}{gap}# {comment}",
                    member.name,
                    yaml_placeholder(member.shape)
                );
            }
        }
    }
}

/// A scalar's placeholder in the YAML skeleton.
fn yaml_placeholder(shape: &Shape) -> String {
    match &shape.kind {
        ShapeKind::String(text) => text
            .values
            .first()
            .map_or_else(|| "''".to_owned(), |v| yaml::scalar(v)),
        ShapeKind::Integer(_) | ShapeKind::Long(_) | ShapeKind::Float | ShapeKind::Double => {
            "0".to_owned()
        }
        ShapeKind::Boolean => "true".to_owned(),
        ShapeKind::Timestamp => "1970-01-01 00:00:00".to_owned(),
        _ => "''".to_owned(),
    }
}

/// A member's comment in the YAML skeleton, in the tool's words.
fn skeleton_comment(member: &Member) -> String {
    let kind = match &member.shape.kind {
        ShapeKind::String(text) if !text.values.is_empty() => "One value of a list.".to_owned(),
        ShapeKind::String(text) => match (text.min, text.max) {
            (Some(min), Some(max)) => format!("A string of {min} to {max} characters."),
            (Some(min), None) => format!("A string of at least {min} characters."),
            (None, Some(max)) => format!("A string of at most {max} characters."),
            (None, None) => "A string.".to_owned(),
        },
        ShapeKind::Integer(range) | ShapeKind::Long(range) => match (range.min, range.max) {
            (Some(min), Some(max)) => format!("A whole number from {min} to {max}."),
            (Some(min), None) => format!("A whole number, at least {min}."),
            (None, Some(max)) => format!("A whole number, at most {max}."),
            (None, None) => "A whole number.".to_owned(),
        },
        ShapeKind::Boolean => "true or false.".to_owned(),
        ShapeKind::Timestamp => "A point in time (UTC unless a zone is given).".to_owned(),
        ShapeKind::List(item) if matches!(item.kind, ShapeKind::Structure(_)) => {
            "A list of entries like the one below.".to_owned()
        }
        ShapeKind::List(_) => "A list of values.".to_owned(),
        ShapeKind::Structure(_) => "A group of the values below.".to_owned(),
        _ => "A value.".to_owned(),
    };
    let required = if member.required { "[REQUIRED] " } else { "" };
    let values = member.shape.values();
    if values.is_empty() {
        format!("{required}{kind}")
    } else {
        format!("{required}{kind} Valid values are: {}.", values.join(", "))
    }
}

/// The path of a problem, spelled from the operation's request (`serverGroups[0].name`), or
/// `input` for the request itself.
pub fn spell(operation: &'static Operation, path: &Path) -> String {
    let full = path.spell("", request_shape(operation));
    match full.strip_prefix('.') {
        Some(rest) => rest.to_owned(),
        None if full.is_empty() => "input".to_owned(),
        None => full,
    }
}

/// The first step of a path, as the top-level member it is in.
pub fn top_member(operation: &'static Operation, path: &Path) -> Option<&'static str> {
    match path.steps().first() {
        Some(Step::Member(i)) => operation.members().get(*i).map(|m| m.name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;
    use crate::core::render::cli::shell_models::cmd_then_crt;

    fn op(name: &str) -> &'static Operation {
        sms::SERVICE.operation(name).unwrap()
    }

    fn call(name: &str, json: &str) -> Call {
        let (call, problems) = Call::from_json(op(name), json);
        assert_eq!(problems, []);
        call
    }

    #[test]
    fn every_output_of_a_nested_call_agrees_in_model_order() {
        let call = call(
            "put-app-replication-configuration",
            r#"{"serverGroupReplicationConfigurations": [{"serverReplicationConfigurations":
                [{"serverReplicationParameters": {"frequency": 12, "seedTime": "2026-11-25 10:00"},
                  "server": {"serverId": "s-1", "vmServer": {}}}], "serverGroupId": "g-1"},
                  {"serverReplicationConfigurations": []}], "appId": "app-1"}"#,
        );
        assert_eq!(call.check(), []);
        assert_eq!(
            call.json_document(),
            r#"{
    "appId": "app-1",
    "serverGroupReplicationConfigurations": [
        {
            "serverGroupId": "g-1",
            "serverReplicationConfigurations": [
                {
                    "server": {
                        "serverId": "s-1",
                        "vmServer": {}
                    },
                    "serverReplicationParameters": {
                        "seedTime": "2026-11-25T10:00:00Z",
                        "frequency": 12
                    }
                }
            ]
        },
        {
            "serverReplicationConfigurations": []
        }
    ]
}
"#
        );
        assert_eq!(
            call.yaml_document(),
            "appId: app-1
serverGroupReplicationConfigurations:
- serverGroupId: g-1
  serverReplicationConfigurations:
  - server:
      serverId: s-1
      vmServer: {}
    serverReplicationParameters:
      seedTime: '2026-11-25T10:00:00Z'
      frequency: 12
- serverReplicationConfigurations: []
"
        );
        assert_eq!(
            call.bash(),
            "aws sms put-app-replication-configuration \\
    --app-id app-1 \\
    --server-group-replication-configurations '[{\"serverGroupId\": \"g-1\", \"serverReplicationConfigurations\": [{\"server\": {\"serverId\": \"s-1\", \"vmServer\": {}}, \"serverReplicationParameters\": {\"seedTime\": \"2026-11-25T10:00:00Z\", \"frequency\": 12}}]}, {\"serverReplicationConfigurations\": []}]'
"
        );
        assert_eq!(
            call.body(),
            r#"{"appId": "app-1", "serverGroupReplicationConfigurations": [{"serverGroupId": "g-1", "serverReplicationConfigurations": [{"server": {"serverId": "s-1", "vmServer": {}}, "serverReplicationParameters": {"seedTime": 1795600800, "frequency": 12}}]}, {"serverReplicationConfigurations": []}]}"#
        );
        assert_eq!(
            call.target(),
            "AWSServerMigrationService_V2016_10_24.PutAppReplicationConfiguration"
        );
    }

    #[test]
    fn lists_of_strings_are_words_when_they_can_be() {
        let words = call("list-apps", r#"{"appIds": ["a,b", "c"], "maxResults": -1}"#).argv();
        assert_eq!(
            words,
            [
                "sms",
                "list-apps",
                "--app-ids",
                "a,b",
                "c",
                "--max-results=-1"
            ]
        );
        for json in [
            r#"{"appIds": []}"#,
            r#"{"appIds": ["-a"]}"#,
            r#"{"appIds": ["[x]"]}"#,
        ] {
            let words = call("list-apps", json).argv();
            assert_eq!(words[2], "--app-ids");
            assert!(words[3].starts_with('['), "{words:?}");
        }
        let routed = call(
            "delete-app",
            r#"{"appId": "file://x", "forceTerminateApp": false}"#,
        )
        .argv();
        assert_eq!(
            routed,
            [
                "sms",
                "delete-app",
                "--cli-input-json",
                r#"{"appId": "file://x", "forceTerminateApp": false}"#
            ]
        );
    }

    #[test]
    fn windows_shells_take_json_values_through_a_file_or_one_word() {
        let call = call(
            "create-app",
            r#"{"name": "web 100%", "tags": [{"key": "k", "value": "a \"b\""}]}"#,
        );
        assert_eq!(
            call.command(Shell::PowerShell),
            "@'\n{\n    \"name\": \"web 100%\",\n    \"tags\": [\n        {\n            \"key\": \"k\",\n            \"value\": \"a \\\"b\\\"\"\n        }\n    ]\n}\n'@ | Set-Content -Encoding ascii create-app.json\naws sms create-app `\n    --cli-input-json file://create-app.json\n"
        );
        // cmd.exe (by the model of it and the C runtime) hands the CLI one JSON word of
        // plain ASCII, `%` written as `\u0025`, that reads back as the same call.
        let cmd = call.command(Shell::Cmd);
        let words = cmd_then_crt(cmd.strip_suffix('\n').unwrap()).unwrap();
        assert_eq!(words[..4], ["aws", "sms", "create-app", "--cli-input-json"]);
        assert!(words[4].contains("100\\u0025") && words[4].is_ascii());
        let (back, problems) = Call::from_json(op("create-app"), &words[4]);
        assert_eq!((problems, back.body()), (vec![], call.body()));
        let plain = self::call("get-app", r#"{"appId": "app-1"}"#);
        assert_eq!(
            plain.command(Shell::PowerShell),
            "aws sms get-app `\n    --app-id app-1\n"
        );
        assert_eq!(
            plain.command(Shell::Cmd),
            "aws sms get-app ^\n    --app-id app-1\n"
        );
    }

    #[test]
    fn operations_without_input_send_an_empty_object() {
        let call = Call::new(op("import-server-catalog"));
        assert_eq!(call.body(), "{}");
        assert_eq!(
            call.http_request().to_string(),
            "POST / HTTP/1.1\nHost: sms.<region>.amazonaws.com\nContent-Type: \
             application/x-amz-json-1.1\nX-Amz-Target: \
             AWSServerMigrationService_V2016_10_24.ImportServerCatalog\nContent-Length: 2\n\n{}"
        );
        assert_eq!(call.json_document(), "{}\n");
        assert_eq!(call.yaml_document(), "{}\n");
        assert_eq!(call.argv(), ["sms", "import-server-catalog"]);
        assert_eq!(skeleton_input(op("import-server-catalog")), "{}\n");
    }

    #[test]
    fn a_document_that_is_not_json_says_where() {
        let (_, problems) = Call::from_json(op("create-app"), "{\n  \"name\": }");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.starts_with("line 2, column 11:"),
            "{problems:?}"
        );
    }

    #[test]
    fn the_generic_skeletons_of_create_replication_job_are_the_cli_s() {
        let read =
            |name: &str| std::fs::read_to_string(crate::core::reference_dir().join(name)).unwrap();
        let op = op("create-replication-job");
        assert_eq!(skeleton_input(op), read("skeleton-input.json"));
        assert_eq!(skeleton_output(op), read("skeleton-output.json"));
        assert_eq!(skeleton_output(self::op("delete-app")), "");
    }

    /// The layout of CLI v2's `--generate-cli-skeleton yaml-input` for this operation
    /// (NESTED-FACTS §2.4): each line up to its `#`, the comments (AWS's words) left out.
    const V2_REPLICATION_LAYOUT: &str = "appId: ''  #
serverGroupReplicationConfigurations: #
- serverGroupId: ''  #
  serverReplicationConfigurations: #
  - server:  #
      serverId: ''  #
      serverType: VIRTUAL_MACHINE #
      vmServer: #
        vmServerAddress:  #
          vmManagerId: ''  #
          vmId: '' #
        vmName: '' #
        vmManagerName: '' #
        vmManagerType: VSPHERE #
        vmPath: '' #
      replicationJobId: '' #
      replicationJobTerminated: true #
    serverReplicationParameters: #
      seedTime: 1970-01-01 00:00:00  #
      frequency: 0 #
      runOnce: true #
      licenseType: AWS #
      numberOfRecentAmisToKeep: 0 #
      encrypted: true #
      kmsKeyId: '' #
";

    #[test]
    fn the_yaml_skeleton_has_the_cli_s_layout_in_our_words() {
        let ours = skeleton_yaml(op("put-app-replication-configuration"));
        let mut layout = String::new();
        for line in ours.lines() {
            layout.push_str(&line[..=line.find(" #").unwrap()]);
            layout.push_str("#\n");
        }
        assert_eq!(layout, V2_REPLICATION_LAYOUT);
        assert!(
            ours.contains("licenseType: AWS # One value of a list. Valid values are: AWS, BYOL.\n")
        );
        assert_eq!(
            skeleton_yaml(op("notify-app-validation-output"))
                .lines()
                .next(),
            Some("appId: ''  # [REQUIRED] A string.")
        );
        assert_eq!(skeleton_yaml(op("import-server-catalog")), "{}\n");
        let apps = skeleton_yaml(op("list-apps"));
        assert!(
            apps.starts_with("appIds:  # A list of values.\n- ''\nnextToken: '' #"),
            "{apps}"
        );
    }

    #[test]
    fn a_member_s_skeleton_reads_back_as_its_placeholders() {
        let op = op("create-app");
        let tags = member_skeleton(op.member("tags").unwrap().shape);
        assert_eq!(
            tags,
            "[\n    {\n        \"key\": \"\",\n        \"value\": \"\"\n    }\n]"
        );
        let groups = member_skeleton(op.member("serverGroups").unwrap().shape);
        let (call, problems) = Call::from_json(op, &format!("{{\"serverGroups\": {groups}}}"));
        assert_eq!(problems, []);
        assert_eq!(call.check(), []);
    }

    #[test]
    fn skeletons_fill_every_member_with_one_item_per_list() {
        let skeleton = skeleton_input(op("notify-app-validation-output"));
        assert_eq!(
            skeleton,
            "{\n    \"appId\": \"\",\n    \"notificationContext\": {\n        \"validationId\": \"\",\n        \"status\": \"READY_FOR_VALIDATION\",\n        \"statusMessage\": \"\"\n    }\n}\n"
        );
        let replication = skeleton_input(op("put-app-replication-configuration"));
        assert!(replication.contains("\"seedTime\": \"1970-01-01T00:00:00\","));
        assert!(replication.contains("\"vmManagerType\": \"VSPHERE\","));
    }
}
