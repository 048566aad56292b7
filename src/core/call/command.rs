//! A pasted `aws <service> <operation> …` command of any operation, read into the plain form
//! of its operation.
//!
//! The command is found in the pasted text as for the main page (the shell's quoting, a
//! prompt, a Markdown code block, `$(…)`, `sudo`, a chain: [`crate::core::import::command`]);
//! its words are then read as the CLI reads them for that operation: each member's option
//! with its value (`--flag=value` too), booleans as `--flag`/`--no-flag`, a repeated option
//! as its last; a structure as one word, JSON when it starts with `{` and the CLI's shorthand
//! otherwise ([`crate::core::shorthand`], typed by the model as the CLI types it); a list of
//! structures decided by its first word: one JSON `[…]` word or one JSON object per word, else
//! one shorthand structure per word (mixing the two is refused, as the CLI refuses it); a list
//! of strings one word per item. A `--cli-input-json` or `--cli-input-yaml` document is read
//! first, its members replaced whole by the options on the line, as the CLI merges them.
//! Shorthand problems are located at the word, the item of the list and the character; what
//! the CLI reads by surprise (`012` as 12, one value as a list of one) comes with a note. A
//! `file://` value or a `key@=file://…` inside shorthand says that the page cannot read the
//! user's files. The CLI's own options (`--region`, …) are not on this
//! page: each is named in a note.

use crate::core::call::Call;
use crate::core::call::form::{CallForm, read_document};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::import::command::{global_options, invocation, is_aws};
use crate::core::model::{Member, Operation, Service, ShapeKind};
use crate::core::shorthand::{self, is_py_space, py_strip};
use crate::core::validate::cli_would_expand;
use crate::core::value::{self, Path, Step, Value};
use serde_json::Value as Json;
use std::fmt::Write as _;

/// What reading a pasted command gave: the operation's form, or only the problems.
pub fn read_command(service: &'static Service, text: &str) -> (Option<CallForm>, Vec<Diagnostic>) {
    let found = invocation(text, None);
    let mut diagnostics = found.diagnostics;
    let Some(argv) = found.argv else {
        diagnostics.push(Diagnostic::general(
            Severity::Error,
            format!(
                "No command found: paste an `aws {} …` command.",
                service.metadata.cli_name
            ),
        ));
        return (None, diagnostics);
    };
    let mut reader = Reader {
        service,
        words: &argv,
        files: &found.files,
        diagnostics: &mut diagnostics,
        operation: None,
        positionals: Vec::new(),
        options: Vec::new(),
        document: None,
    };
    reader.run();
    let form = reader.form();
    (form, diagnostics)
}

/// True when the text holds an `aws` command (rather than a document).
pub fn is_command(text: &str) -> bool {
    invocation(text, None)
        .argv
        .is_some_and(|argv| argv.first().is_some_and(|w| is_aws(w)))
}

struct Reader<'a> {
    service: &'static Service,
    words: &'a [String],
    files: &'a std::collections::BTreeMap<String, String>,
    diagnostics: &'a mut Vec<Diagnostic>,
    operation: Option<&'static Operation>,
    positionals: Vec<String>,
    /// Each member's text as the options give it, by member position, in the order given.
    options: Vec<(usize, Option<String>)>,
    /// A `--cli-input-json` (false) or `--cli-input-yaml` (true) document's text.
    document: Option<(String, bool)>,
}

impl Reader<'_> {
    fn at(&self, index: usize) -> String {
        format!("word {} \"{}\"", index + 1, self.words[index])
    }

    fn note(
        &mut self,
        index: usize,
        member: Option<&'static Member>,
        severity: Severity,
        message: String,
    ) {
        let d = Diagnostic {
            param: member.map(|m| m.flag),
            location: None,
            severity,
            message,
        }
        .at(self.at(index));
        self.diagnostics.push(d);
    }

    /// The words after an option that are its values: up to the next option.
    fn values_after(&self, index: usize) -> usize {
        self.words[index + 1..]
            .iter()
            .take_while(|w| !w.starts_with("--"))
            .count()
    }

    fn run(&mut self) {
        let mut i = usize::from(self.words.first().is_some_and(|w| is_aws(w)));
        let globals = global_options();
        while i < self.words.len() {
            let word = self.words[i].clone();
            if !word.starts_with("--") || word == "--" {
                if self.positionals.len() < 2 {
                    self.positionals.push(word);
                    if self.positionals.len() == 2 {
                        self.pick_operation(i);
                    }
                } else {
                    self.note(
                        i,
                        None,
                        Severity::Error,
                        "The CLI takes no word here; it would refuse the command.".to_owned(),
                    );
                }
                i += 1;
                continue;
            }
            let (name, inline) = match word[2..].split_once('=') {
                Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                None => (word[2..].to_owned(), None),
            };
            if let Some(&(_, takes)) = globals.iter().find(|(g, _)| *g == name) {
                self.note(
                    i,
                    None,
                    Severity::Info,
                    format!("--{name} is an option of the CLI itself: this page leaves it out."),
                );
                i += 1 + usize::from(takes && inline.is_none());
                continue;
            }
            i = self.option(i, &name, inline.as_deref());
        }
        if self.operation.is_none() && self.positionals.len() < 2 {
            self.diagnostics.push(Diagnostic::general(
                Severity::Error,
                format!(
                    "The command names no operation: it should start with `aws {} <operation>`.",
                    self.service.metadata.cli_name
                ),
            ));
        }
    }

    fn pick_operation(&mut self, index: usize) {
        let service = self.service.metadata.cli_name;
        if self.positionals[0] != service {
            self.note(
                index - 1,
                None,
                Severity::Error,
                format!("This page builds `aws {service} …` commands."),
            );
            return;
        }
        if let Some(operation) = self.service.operation(&self.positionals[1]) {
            self.operation = Some(operation);
        } else {
            let name = self.positionals[1].clone();
            self.note(
                index,
                None,
                Severity::Error,
                format!("\"{name}\" is not an operation of aws {service}."),
            );
        }
    }

    /// Reads the option at `index`; returns the index of the next word to read.
    /// The words that are the option's values (the part after `=`, or the words up to the
    /// next option), and the index of the word after them.
    fn values_of(&self, index: usize, inline: Option<&str>) -> (Vec<String>, usize) {
        if let Some(value) = inline {
            return (vec![value.to_owned()], index + 1);
        }
        let n = self.values_after(index);
        (self.words[index + 1..=index + n].to_vec(), index + 1 + n)
    }

    /// Reads the option at `index`; returns the index of the next word to read.
    fn option(&mut self, index: usize, name: &str, inline: Option<&str>) -> usize {
        let Some(operation) = self.operation else {
            self.note(
                index,
                None,
                Severity::Error,
                format!("--{name} comes before the operation."),
            );
            return index + 1;
        };
        if name == "cli-input-json" || name == "cli-input-yaml" {
            let (values, next) = self.values_of(index, inline);
            match values.first() {
                Some(text) => {
                    if let Some(text) = self.file_or_text(index, text) {
                        self.document = Some((text, name == "cli-input-yaml"));
                    }
                }
                None => self.note(
                    index,
                    None,
                    Severity::Error,
                    format!("--{name} needs a document."),
                ),
            }
            return next;
        }
        if name == "generate-cli-skeleton" {
            self.note(
                index,
                None,
                Severity::Warning,
                "--generate-cli-skeleton makes the CLI print a skeleton instead of sending: the \
                 values are read anyway."
                    .to_owned(),
            );
            return index + 1 + usize::from(inline.is_none() && self.values_after(index) > 0);
        }
        let Some((position, negated)) = self.member_of(index, operation, name, inline) else {
            return index + 1 + usize::from(inline.is_none() && self.values_after(index) == 1);
        };
        let member = &operation.members()[position];
        if matches!(member.shape.kind, ShapeKind::Boolean) {
            let text = if negated { "false" } else { "true" };
            self.options.push((position, Some(text.to_owned())));
            if inline.is_some() {
                self.note(
                    index,
                    Some(member),
                    Severity::Error,
                    format!("--{name} takes no value."),
                );
            }
            return index + 1;
        }
        let (values, next) = self.values_of(index, inline);
        // Notes about a value point at the value's word.
        let at = if inline.is_some() { index } else { index + 1 };
        let text = match (&member.shape.kind, values.as_slice()) {
            (ShapeKind::List(item), _) => self.list(at, member, item, &values),
            (ShapeKind::Structure(_) | ShapeKind::Map(..), [one]) => {
                self.structure(at, member, one)
            }
            (_, [one]) => self.file_or_text(at, one),
            _ => {
                self.note(
                    index,
                    Some(member),
                    Severity::Error,
                    format!("--{name} takes one value."),
                );
                None
            }
        };
        if text.is_some() {
            self.options.push((position, text));
        }
        next
    }

    /// The position of the member an option names, and whether it is a boolean's `--no-`;
    /// `None`, with a note of the options there are, for an option the operation lacks.
    fn member_of(
        &mut self,
        index: usize,
        operation: &'static Operation,
        name: &str,
        inline: Option<&str>,
    ) -> Option<(usize, bool)> {
        let members = operation.members();
        let found = members
            .iter()
            .position(|m| m.flag == name)
            .map(|p| (p, false))
            .or_else(|| {
                let flag = name.strip_prefix("no-")?;
                members
                    .iter()
                    .position(|m| m.flag == flag && matches!(m.shape.kind, ShapeKind::Boolean))
                    .map(|p| (p, true))
            });
        if found.is_none() {
            let valid: Vec<String> = members.iter().map(|m| format!("--{}", m.flag)).collect();
            let spelled = match inline {
                Some(_) => format!("--{name}=…"),
                None => format!("--{name}"),
            };
            self.note(
                index,
                None,
                Severity::Error,
                if valid.is_empty() {
                    format!(
                        "{} takes no options; the CLI refuses {spelled}.",
                        operation.cli_name
                    )
                } else {
                    format!(
                        "The CLI refuses {spelled}: {} takes {}.",
                        operation.cli_name,
                        valid.join(", ")
                    )
                },
            );
        }
        found
    }

    /// A value the CLI would load from a file or address: the text the pasted command writes
    /// to that file itself, else a note (the page cannot read files).
    fn file_or_text(&mut self, index: usize, text: &str) -> Option<String> {
        if !cli_would_expand(text) {
            return Some(text.to_owned());
        }
        let name = text.split_once("://").map_or(text, |(_, name)| name);
        if let Some(contents) = self.files.get(name) {
            return Some(contents.clone());
        }
        self.note(
            index,
            None,
            Severity::Error,
            format!("The CLI would read {text}: the page cannot read your files, so paste the file's contents instead of the option."),
        );
        None
    }

    fn structure(&mut self, index: usize, member: &'static Member, value: &str) -> Option<String> {
        let value = self.file_or_text(index, value)?;
        let start = py_strip(&value);
        if start.starts_with('{') {
            return Some(value);
        }
        if start.starts_with('[') {
            self.note(
                index,
                Some(member),
                Severity::Error,
                format!(
                    "The CLI reads a value of --{} that starts with `[` as JSON, and this one \
                     takes a JSON object `{{…}}` (or shorthand, `key=value,…`).",
                    member.flag
                ),
            );
            return None;
        }
        let json = self.shorthand(index, member, None, &value, member.shape, &Path::root())?;
        Some(member_text(member.shape, &json))
    }

    fn list(
        &mut self,
        index: usize,
        member: &'static Member,
        item: &'static crate::core::model::Shape,
        values: &[String],
    ) -> Option<String> {
        let Some(first) = values.first() else {
            return Some("[]".to_owned());
        };
        if values.len() == 1 && cli_would_expand(first) {
            return self.file_or_text(index, first);
        }
        if matches!(item.kind, ShapeKind::String(_)) {
            if values.len() == 1 && py_strip(first).starts_with('[') {
                return Some(first.clone());
            }
            let words: Vec<Value> = values.iter().map(|w| Value::Scalar(w.clone())).collect();
            return Some(crate::core::call::member_json_line(
                member.shape,
                &Value::List(words),
            ));
        }
        // The first word decides: JSON, or one shorthand structure per word.
        if py_strip(first).starts_with(['[', '{']) {
            return self.json_words(index, member, values);
        }
        let mut items = Vec::new();
        let mut read = true;
        for (i, word) in values.iter().enumerate() {
            if py_strip(word).starts_with(['[', '{']) {
                self.note_in(
                    index + i,
                    member,
                    &element(Some(i)),
                    None,
                    Severity::Error,
                    "the first value is shorthand, so the CLI reads every value as shorthand, \
                     and this one is JSON: write them all as JSON or all as shorthand.",
                );
                read = false;
                continue;
            }
            let path = Path::root().then(Step::Item(i));
            match self.shorthand(index + i, member, Some(i), word, item, &path) {
                Some(json) => items.push(json),
                None => read = false,
            }
        }
        read.then(|| member_text(member.shape, &Json::Array(items)))
    }

    /// A list given as JSON: one `[…]` word, or one `{…}` word per item.
    fn json_words(
        &mut self,
        index: usize,
        member: &'static Member,
        values: &[String],
    ) -> Option<String> {
        if values.len() == 1 && py_strip(&values[0]).starts_with('[') {
            return Some(values[0].clone());
        }
        if py_strip(&values[0]).starts_with('[') {
            self.note(
                index,
                Some(member),
                Severity::Error,
                "After a JSON list the CLI takes no more words.".to_owned(),
            );
            return None;
        }
        let mut read = true;
        for (i, word) in values.iter().enumerate() {
            if !word.trim_start_matches(is_py_space).starts_with('{') {
                self.note_in(
                    index + i,
                    member,
                    &element(Some(i)),
                    None,
                    Severity::Error,
                    "the first value is JSON, so the CLI reads every value as JSON, and this \
                     one is not: write them all as JSON or all as shorthand.",
                );
                read = false;
            }
        }
        read.then(|| format!("[{}]", values.join(", ")))
    }

    /// Reads one shorthand word for a value of shape `shape` at `path` inside the member (the
    /// item `item` of a list given one word per item); notes each problem at its place.
    fn shorthand(
        &mut self,
        index: usize,
        member: &'static Member,
        item: Option<usize>,
        word: &str,
        shape: &'static crate::core::model::Shape,
        path: &Path,
    ) -> Option<Json> {
        match shorthand::parse_noting(word) {
            Err(e) => {
                self.note_in(
                    index,
                    member,
                    &element(item),
                    Some(e.offset),
                    Severity::Error,
                    &format!("{}.", e.message),
                );
                None
            }
            Ok((raw, notes)) => {
                for note in notes {
                    self.note_in(
                        index,
                        member,
                        &element(item),
                        Some(note.offset),
                        Severity::Warning,
                        &format!("{}.", note.message),
                    );
                }
                let mut problems = Vec::new();
                let json = shorthand::typed(shape, &raw, path, &mut problems);
                for problem in problems {
                    let place = problem.path.spell(member.name, member.shape);
                    self.note_in(
                        index,
                        member,
                        &format!(" at {place}"),
                        None,
                        problem.severity,
                        &problem.message,
                    );
                }
                Some(json)
            }
        }
    }

    /// A note on a shorthand value, at its word and the character in the word; the sentence
    /// starts with the option and `place` inside it (`--tags`, element 2: …).
    fn note_in(
        &mut self,
        index: usize,
        member: &'static Member,
        place: &str,
        offset: Option<usize>,
        severity: Severity,
        message: &str,
    ) {
        let word = &self.words[index];
        // A value given as `--flag=value` is inside its option's word.
        let before = if word.starts_with("--") {
            word.split_once('=')
                .map_or(0, |(name, _)| name.chars().count() + 1)
        } else {
            0
        };
        let mut at = self.at(index);
        if let Some(offset) = offset {
            let _ = write!(at, ", character {}", before + offset + 1);
        }
        let d = Diagnostic {
            param: Some(member.flag),
            location: None,
            severity,
            message: format!("`--{}`{place}: {message}", member.flag),
        }
        .at(at);
        self.diagnostics.push(d);
    }

    /// The form: the document's members, each replaced whole by an option that names it.
    fn form(&mut self) -> Option<CallForm> {
        let operation = self.operation?;
        let mut form = match self.document.take() {
            Some((text, yaml)) => {
                let trimmed = text.trim_start();
                if !yaml && !trimmed.starts_with('{') {
                    self.diagnostics.push(Diagnostic::general(
                        Severity::Error,
                        "--cli-input-json needs a JSON object.",
                    ));
                    CallForm::new(operation)
                } else {
                    let (call, found): (Call, Vec<Diagnostic>) = read_document(operation, &text);
                    self.diagnostics.extend(found);
                    CallForm::from_call(&call)
                }
            }
            None => CallForm::new(operation),
        };
        for (position, text) in std::mem::take(&mut self.options) {
            form.give(position, text);
        }
        Some(form)
    }
}

/// A member's text in the form for a value read from shorthand: the form's JSON layout when
/// the value reads cleanly, else the JSON as read, so that nothing given is lost and each
/// problem shows at its path.
fn member_text(shape: &'static crate::core::model::Shape, json: &Json) -> String {
    let mut problems = Vec::new();
    match value::read_json(shape, json, &Path::root(), &mut problems) {
        Some(read) if problems.is_empty() => crate::core::call::member_json(shape, &read),
        _ => serde_json::to_string_pretty(json).unwrap_or_default(),
    }
}

/// Which item of a list given one word per item a note is about (`, element 2`), if any.
fn element(item: Option<usize>) -> String {
    item.map_or_else(String::new, |i| format!(", element {}", i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;

    fn read(text: &str) -> (Option<CallForm>, Vec<String>) {
        let (form, diagnostics) = read_command(&sms::SERVICE, text);
        (form, diagnostics.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_nested_command_fills_its_operation_s_form() {
        let (form, notes) = read(
            "aws --region eu-west-1 sms create-app --name web --server-groups \
             '[{\"serverGroupId\": \"sg-1\"}]' --tags '{\"key\": \"k\"}' '{\"key\": \"j\"}'",
        );
        let form = form.unwrap();
        assert_eq!(form.operation.cli_name, "create-app");
        assert_eq!(
            notes,
            [
                "info (word 2 \"--region\"): --region is an option of the CLI itself: this page leaves it out."
            ]
        );
        let (call, problems) = form.check();
        assert_eq!(problems, []);
        assert_eq!(
            call.body(),
            r#"{"name": "web", "serverGroups": [{"serverGroupId": "sg-1"}], "tags": [{"key": "k"}, {"key": "j"}]}"#
        );
    }

    #[test]
    fn options_replace_the_document_s_members_whole() {
        let (form, notes) = read(
            "aws sms notify-app-validation-output --cli-input-json \
             '{\"appId\": \"app-0123456789abcdef0\", \"notificationContext\": {\"validationId\": \"val-0123456789abcdef0\", \"status\": \"PENDING\"}}' \
             --notification-context '{\"statusMessage\": \"m\"}'",
        );
        assert_eq!(notes, Vec::<String>::new());
        assert_eq!(
            form.unwrap().check().0.body(),
            r#"{"appId": "app-0123456789abcdef0", "notificationContext": {"statusMessage": "m"}}"#
        );
    }

    #[test]
    fn lists_of_strings_booleans_and_empty_lists() {
        let (form, _) = read("aws sms list-apps --app-ids a,b c --max-results 5");
        assert_eq!(
            form.unwrap().check().0.body(),
            r#"{"appIds": ["a,b", "c"], "maxResults": 5}"#
        );
        let (form, _) = read(
            "aws sms delete-app --app-id a --no-force-terminate-app --force-stop-app-replication",
        );
        assert_eq!(
            form.unwrap().check().0.body(),
            r#"{"appId": "a", "forceStopAppReplication": true, "forceTerminateApp": false}"#
        );
        let (form, _) = read("aws sms create-app --tags");
        assert_eq!(form.unwrap().check().0.body(), r#"{"tags": []}"#);
    }

    /// The body of the form a pasted command fills, with every note of the import and of the
    /// form's check.
    fn imported(text: &str) -> (String, Vec<String>) {
        let (form, mut notes) = read(text);
        let (call, problems) = form.unwrap().check();
        notes.extend(problems.iter().map(ToString::to_string));
        (call.body(), notes)
    }

    #[test]
    fn shorthand_structures_and_lists_read_as_the_cli_reads_them() {
        // NESTED-FACTS S1, L1 and L11, with the CLI's bodies.
        let (body, notes) = imported(
            "aws sms notify-app-validation-output --app-id app-0123456789abcdef0 \
             --notification-context 'validationId=val-0123456789abcdef0,status=PENDING,statusMessage=hello world'",
        );
        assert_eq!(notes, Vec::<String>::new());
        assert_eq!(
            body,
            r#"{"appId": "app-0123456789abcdef0", "notificationContext": {"validationId": "val-0123456789abcdef0", "status": "PENDING", "statusMessage": "hello world"}}"#
        );
        let (body, notes) = imported("aws sms create-app --tags key=k1,value=v1 key=k2,value=v2");
        assert_eq!(notes, Vec::<String>::new());
        assert_eq!(
            body,
            r#"{"tags": [{"key": "k1", "value": "v1"}, {"key": "k2", "value": "v2"}]}"#
        );
        let (body, notes) = imported(
            "aws sms create-app --name web --server-groups 'serverGroupId=sg-1,name=web,serverList=[{serverId=s-1,serverType=VIRTUAL_MACHINE,vmServer={vmServerAddress={vmManagerId=m-1,vmId=vm-1},vmName=web 1,vmManagerType=VSPHERE},replicationJobTerminated=false}]'",
        );
        assert_eq!(notes, Vec::<String>::new());
        assert_eq!(
            body,
            r#"{"name": "web", "serverGroups": [{"serverGroupId": "sg-1", "name": "web", "serverList": [{"serverId": "s-1", "serverType": "VIRTUAL_MACHINE", "vmServer": {"vmServerAddress": {"vmManagerId": "m-1", "vmId": "vm-1"}, "vmName": "web 1", "vmManagerType": "VSPHERE"}, "replicationJobTerminated": false}]}]}"#
        );
        // S44: the last of a repeated option; M2: an option replaces the document's member.
        let (body, _) = imported(
            "aws sms create-app --cli-input-json '{\"tags\": [{\"key\": \"a\", \"value\": \"b\"}], \"name\": \"x\"}' --tags key=c,value=d --tags key=e",
        );
        assert_eq!(body, r#"{"name": "x", "tags": [{"key": "e"}]}"#);
    }

    #[test]
    fn what_the_cli_reads_by_surprise_fills_the_form_with_a_note() {
        // T6: `012` is 12; L12: one structure where a list is expected is a list of one.
        let (body, notes) = imported(
            "aws sms put-app-replication-configuration --app-id a --server-group-replication-configurations \
             'serverReplicationConfigurations=[{serverReplicationParameters={frequency=012}}]' 'serverReplicationConfigurations={server={serverId=s-1}}'",
        );
        assert_eq!(
            body,
            r#"{"appId": "a", "serverGroupReplicationConfigurations": [{"serverReplicationConfigurations": [{"serverReplicationParameters": {"frequency": 12}}]}, {"serverReplicationConfigurations": [{"server": {"serverId": "s-1"}}]}]}"#
        );
        assert_eq!(
            notes,
            [
                "info --server-group-replication-configurations (word 7 \"serverReplicationConfigurations=[{serverReplicationParameters={frequency=012}}]\"): `--server-group-replication-configurations` at serverGroupReplicationConfigurations[0].serverReplicationConfigurations[0].serverReplicationParameters.frequency: The CLI reads \"012\" as 12 (it reads whole numbers as Python's int() does).",
                "warning --server-group-replication-configurations (word 8 \"serverReplicationConfigurations={server={serverId=s-1}}\"): `--server-group-replication-configurations` at serverGroupReplicationConfigurations[1].serverReplicationConfigurations: One value where a list is expected: the CLI sends it as a list of one. Write `[…]` to say so.",
            ]
        );
    }

    #[test]
    fn a_key_given_twice_inside_braces_is_sent_with_its_last_value_and_a_warning() {
        let (body, notes) =
            imported("aws sms create-app --server-groups 'serverList=[{serverId=a,serverId=b}]'");
        assert_eq!(
            body,
            r#"{"serverGroups": [{"serverList": [{"serverId": "b"}]}]}"#
        );
        assert_eq!(
            notes,
            [
                "warning --server-groups (word 5 \"serverList=[{serverId=a,serverId=b}]\", character 25): `--server-groups`, element 1: the key \"serverId\" is given twice inside `{…}`: the CLI keeps the last value."
            ]
        );
    }

    #[test]
    fn members_out_of_the_model_s_order_are_noted() {
        // S2: the CLI keeps the order given; the page writes the model's.
        let (body, notes) = imported(
            "aws sms notify-app-validation-output --app-id app-0123456789abcdef0 --notification-context statusMessage=m,status=PENDING",
        );
        assert_eq!(
            body,
            r#"{"appId": "app-0123456789abcdef0", "notificationContext": {"status": "PENDING", "statusMessage": "m"}}"#
        );
        assert_eq!(
            notes,
            [
                "info --notification-context (word 7 \"statusMessage=m,status=PENDING\"): `--notification-context` at notificationContext: The members are given in another order than the model's: the CLI sends them in the order given, this page writes them in the model's order (the same request)."
            ]
        );
    }

    #[test]
    fn shorthand_errors_name_the_option_the_element_and_the_character() {
        let (_, notes) = read("aws sms create-app --tags key=k1,value=v1 key=k2,value=a}b");
        assert_eq!(
            notes,
            [
                "error --tags (word 6 \"key=k2,value=a}b\", character 15): `--tags`, element 2: a `}` inside a value ends the structure; quote the value."
            ]
        );
        // S6: a comma made a list where a string is expected.
        let (_, notes) = read(
            "aws sms notify-app-validation-output --app-id a --notification-context=statusMessage=a,b",
        );
        assert_eq!(
            notes,
            [
                "error --notification-context (word 6 \"--notification-context=statusMessage=a,b\"): `--notification-context` at notificationContext.statusMessage: A comma made this a list of 2 values (\"a\", \"b\"), and the CLI refuses a list here: escape the comma as `\\,` or put the value in quotes."
            ]
        );
        // S19, inline: the character counts from the start of the option's word.
        let (_, notes) =
            read("aws sms notify-app-validation-output --notification-context=statusMessage=é😀");
        assert!(
            notes[0].contains("character 39): `--notification-context`: `😀`"),
            "{notes:?}"
        );
        // L23, L24: JSON and shorthand words mixed.
        let (form, notes) = read("aws sms create-app --tags '{\"key\": \"k1\"}' key=k2 --name n");
        assert_eq!(form.unwrap().check().0.body(), r#"{"name": "n"}"#);
        assert!(
            notes[0].starts_with(
                "error --tags (word 6 \"key=k2\"): `--tags`, element 2: the first value is JSON"
            ),
            "{notes:?}"
        );
        let (_, notes) = read("aws sms create-app --tags key=k2 '{\"key\": \"k1\"}'");
        assert!(
            notes[0].contains("`--tags`, element 2: the first value is shorthand"),
            "{notes:?}"
        );
        // S16 and a structure given as a JSON list.
        let (_, notes) =
            read("aws sms notify-app-validation-output --notification-context status=A,status=B");
        assert!(notes[0].ends_with("character 10): `--notification-context`: the key \"status\" is given twice (in shorthand that is an error; in JSON the last one wins); to give several items, write them as separate words."), "{notes:?}");
        let (_, notes) = read("aws sms notify-app-validation-output --notification-context '[]'");
        assert!(notes[0].contains("starts with `[` as JSON"), "{notes:?}");
    }

    #[test]
    fn shorthand_files_and_unknown_options_are_reported_not_guessed() {
        let (form, notes) = read(
            "aws sms create-app --name web --tags Key=k,Value=v --bogus 1 --server-groups file://g.json",
        );
        assert_eq!(
            notes,
            [
                "error (word 8 \"--bogus\"): The CLI refuses --bogus: create-app takes --name, --description, --role-name, --client-token, --server-groups, --tags.",
                "error (word 11 \"file://g.json\"): The CLI would read file://g.json: the page cannot read your files, so paste the file's contents instead of the option.",
            ]
        );
        let (call, problems) = form.unwrap().check();
        assert_eq!(
            problems[0].to_string(),
            "error --tags (tags[0]): Unknown member \"Key\": it must be one of key, value."
        );
        assert_eq!(call.body(), r#"{"name": "web", "tags": [{}]}"#);
        let (form, notes) = read("aws sms launch-rocket --x 1");
        assert!(form.is_none());
        assert_eq!(
            notes[0],
            "error (word 3 \"launch-rocket\"): \"launch-rocket\" is not an operation of aws sms."
        );
        assert!(is_command("$ aws sms get-app --app-id a"));
        assert!(!is_command("appId: a\n"));
    }
}
