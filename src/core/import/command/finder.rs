//! The middle step of reading a command: which part of the pasted text is the `aws`
//! invocation, among the constructs people paste from scripts, runbooks and chats.
//!
//! The text is lexed by its shell ([`lexer`]); then, in each simple command, the invocation
//! starts at the first word that names the `aws` program. What comes before it is a prefix
//! (`sudo`, `time`, `env A=B`, `nohup`, a variable assignment, `if`/`while`, PowerShell's
//! `$x =`); a command with no `aws` word of its own may hold one inside a `$(…)` or backticks
//! (`id=$(aws …)`), whose inner text is lexed again by the same shell. Chains (`&&`, `||`,
//! `;`, `|`) and lines are separate commands already. The first command that calls
//! `sms create-replication-job` is read; failing that the first `aws` command, failing that
//! (options pasted alone) the first command that looks like options. Everything else is
//! reported as ignored, except the files the text writes itself (`cat > f <<EOF`,
//! `@'…'@ | Set-Content f`), which a later `file://f` reads, and bare shell keywords
//! (`then`, `fi`, `done`, `}`).
//!
//! The lexer's notes about parts not read are dropped (a `$HOME` in an ignored `export` says
//! nothing about the import); its errors are always kept.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::lexer::{self, Lexed, Note, Segment, Word};
use super::shown;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::import::line_column;
use crate::core::params;
use crate::core::render::Shell;

/// How deep substitutions inside substitutions are searched.
const MAX_DEPTH: usize = 4;

/// What the finder found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Found {
    /// The words of the command to read, from `aws` on (or the options, when pasted alone);
    /// `None` when the text holds no command at all.
    pub argv: Option<Vec<String>>,
    /// Byte offset of the first word read.
    pub start: usize,
    /// Where the command was found, outermost first ("inside `$(…)`", "after `sudo`");
    /// empty when it is simply a command of the text.
    pub how: Vec<String>,
    /// The lexer's notes that concern what is read, then the finder's own.
    pub diagnostics: Vec<Diagnostic>,
    /// The files the text writes itself, by name.
    pub files: BTreeMap<String, String>,
}

/// Finds the invocation in `text` (lexed by `shell`; `shown` is the text as pasted, for
/// locations).
pub(super) fn find(text: &str, shown_text: &str, shell: Shell) -> Found {
    let lexed = lexer::lex(text, shown_text, 0..text.len(), shell);
    let files = written_files(&lexed.segments);
    let finder = Finder {
        text,
        shown: shown_text,
        shell,
    };
    let candidates: Vec<(usize, Candidate)> = lexed
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| !writes_file(s))
        .filter_map(|(i, s)| finder.invocation(s, 0).map(|c| (i, c)))
        .collect();
    let creating: Vec<&(usize, Candidate)> = candidates.iter().filter(|(_, c)| c.creates).collect();
    let class: Vec<&(usize, Candidate)> = if creating.is_empty() {
        candidates.iter().collect()
    } else {
        creating
    };
    let chosen = class
        .first()
        .map(|&(i, c)| (*i, c.clone()))
        .or_else(|| fallback(&lexed.segments));
    let mut diagnostics = Vec::new();
    let Some((index, candidate)) = chosen else {
        diagnostics.extend(kept_notes(&lexed, None, &[]));
        return Found {
            argv: None,
            files,
            diagnostics,
            ..Found::default()
        };
    };
    diagnostics.extend(kept_notes(&lexed, Some(&candidate), &lexed.segments));
    diagnostics.extend(candidate.notes.iter().cloned());
    let read_at = finder.at(candidate.start);
    for (i, segment) in lexed.segments.iter().enumerate() {
        let own_aws = segment.words.iter().find(|w| is_aws(&w.text));
        if i == index || writes_file(segment) || (own_aws.is_none() && is_structure(segment)) {
            continue;
        }
        let Some(first) = own_aws.or_else(|| first_command_word(&segment.words)) else {
            continue;
        };
        diagnostics.push(
            Diagnostic::general(
                Severity::Warning,
                format!(
                    "Another command (\"{}\") is ignored. The command read is the one at {read_at}.",
                    shown(&first.text)
                ),
            )
            .at(finder.at(first.start)),
        );
    }
    if class.len() > 1 {
        let what = if class[0].1.creates {
            format!(
                "aws {} {}",
                params::OPERATION.metadata.cli_name,
                params::OPERATION.cli_name
            )
        } else {
            "aws".to_owned()
        };
        diagnostics.push(
            Diagnostic::general(
                Severity::Warning,
                format!(
                    "The text holds {} {what} commands; the first one (at {read_at}) is read \
                     and the others are ignored.",
                    class.len()
                ),
            )
            .at(read_at.clone()),
        );
    }
    Found {
        argv: Some(candidate.argv),
        start: candidate.start,
        how: candidate.how,
        diagnostics,
        files,
    }
}

/// An invocation found in one simple command.
#[derive(Debug, Clone)]
struct Candidate {
    /// The words from `aws` on.
    argv: Vec<String>,
    /// Byte offset of the `aws` word.
    start: usize,
    /// The byte range the words read come from.
    range: Range<usize>,
    /// Where it was found, outermost first.
    how: Vec<String>,
    /// The notes of inner lexes (substitutions) that concern it.
    notes: Vec<Diagnostic>,
    /// Offsets of the outer notes it makes wrong (the "would be replaced" of the
    /// substitution it was read from).
    superseded: Vec<usize>,
    /// It calls `create-replication-job`.
    creates: bool,
}

struct Finder<'t> {
    text: &'t str,
    shown: &'t str,
    shell: Shell,
}

impl Finder<'_> {
    fn at(&self, offset: usize) -> String {
        let (line, column) = line_column(self.shown, offset);
        format!("line {line}, column {column}")
    }

    /// The `aws` invocation in one simple command: its own `aws` word, or one inside a
    /// command substitution of one of its words.
    fn invocation(&self, segment: &Segment, depth: usize) -> Option<Candidate> {
        let words = &segment.words;
        if let Some(k) = words.iter().position(|w| is_aws(&w.text)) {
            let argv: Vec<String> = words[k..].iter().map(|w| w.text.clone()).collect();
            return Some(Candidate {
                creates: argv.iter().any(|w| w == params::OPERATION.cli_name),
                argv,
                start: words[k].start,
                range: words[k].start..segment.span.end,
                how: describe_prefix(&words[..k], self.shell)
                    .into_iter()
                    .collect(),
                notes: Vec::new(),
                superseded: Vec::new(),
            });
        }
        if depth >= MAX_DEPTH {
            return None;
        }
        for (k, word) in words.iter().enumerate() {
            for sub in &word.substitutions {
                let inner = lexer::lex(self.text, self.shown, sub.inner.clone(), self.shell);
                let found = inner
                    .segments
                    .iter()
                    .filter(|s| !writes_file(s))
                    .find_map(|s| self.invocation(s, depth + 1));
                let Some(mut candidate) = found else {
                    continue;
                };
                let mut here = sub.kind.name().to_owned();
                if let Some(name) = assigned_to(words, k, self.shell) {
                    let _ = write!(here, ", whose output is assigned to {name}");
                } else if k > 0 {
                    let _ = write!(here, ", in an argument of `{}`", shown(&words[0].text));
                }
                candidate.how.insert(0, here);
                let mut notes = kept_notes(&inner, Some(&candidate), &[]);
                notes.append(&mut candidate.notes);
                candidate.notes = notes;
                candidate.superseded.push(sub.start);
                return Some(candidate);
            }
        }
        None
    }
}

/// The lexer's notes worth keeping: every error, the notes about the command read (from its
/// `aws` word on) and those about the files the text writes (among `segments`).
fn kept_notes(lexed: &Lexed, read: Option<&Candidate>, segments: &[Segment]) -> Vec<Diagnostic> {
    let in_file_writer = |offset: usize| {
        segments
            .iter()
            .any(|s| writes_file(s) && s.span.contains(&offset))
    };
    lexed
        .notes
        .iter()
        .filter(|Note { offset, diagnostic }| {
            if read.is_some_and(|c| c.superseded.contains(offset)) {
                return false;
            }
            diagnostic.severity == Severity::Error
                || read.is_some_and(|c| c.range.contains(offset))
                || in_file_writer(*offset)
        })
        .map(|n| n.diagnostic.clone())
        .collect()
}

/// With no `aws` word anywhere: the first command naming the operation, or holding options,
/// or any command at all (its words are read as the CLI would read them).
fn fallback(segments: &[Segment]) -> Option<(usize, Candidate)> {
    let pick = |pred: &dyn Fn(&Segment) -> bool| {
        segments
            .iter()
            .position(|s| !writes_file(s) && !s.words.is_empty() && pred(s))
    };
    let index = pick(&|s| s.words.iter().any(|w| w.text == params::OPERATION.cli_name))
        .or_else(|| pick(&|s| s.words.iter().any(|w| w.text.starts_with("--"))))
        .or_else(|| pick(&|_| true))?;
    let segment = &segments[index];
    let start = segment
        .words
        .first()
        .map_or(segment.span.start, |w| w.start);
    Some((
        index,
        Candidate {
            argv: segment.words.iter().map(|w| w.text.clone()).collect(),
            start,
            range: start..segment.span.end,
            how: Vec::new(),
            notes: Vec::new(),
            superseded: Vec::new(),
            creates: false,
        },
    ))
}

/// How the words before `aws` in its command are described, if there are any.
fn describe_prefix(prefix: &[Word], shell: Shell) -> Option<String> {
    let skip = prefix
        .iter()
        .take_while(|w| is_keyword(w, BLOCK_WORDS))
        .count();
    let prefix = &prefix[skip..];
    let first = prefix.first()?.text.as_str();
    let all = prefix
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let description = match first {
        "if" | "elif" | "while" | "until" if shell == Shell::Cmd => {
            format!("on the `{first}` line (`{}`)", shown(&all))
        }
        "if" | "elif" | "while" | "until" => format!("in the condition of `{first}`"),
        _ => {
            if let Some(name) = powershell_assignment(prefix) {
                format!("whose output is assigned to {name}")
            } else if shell == Shell::Bash
                && prefix.iter().all(|w| assignment_name(&w.text).is_some())
            {
                format!(
                    "after the variable assignment `{}`, which applies to this command only",
                    shown(&all)
                )
            } else {
                format!("after `{}`", shown(&all))
            }
        }
    };
    Some(description)
}

/// `$x =` (two words) or `$x=` before the command: the variable assigned.
fn powershell_assignment(prefix: &[Word]) -> Option<String> {
    let texts: Vec<&str> = prefix.iter().map(|w| w.text.as_str()).collect();
    match texts.as_slice() {
        [var, "="] if var.starts_with('$') => Some((*var).to_owned()),
        [var] if var.starts_with('$') && var.ends_with('=') => {
            Some(var.trim_end_matches('=').to_owned())
        }
        _ => None,
    }
}

/// The variable a substitution's output goes to, when the word is `NAME=$(…)` (bash, maybe
/// after `export`/`local`/`declare`/`readonly`) or the command is `$x = $(…)` (PowerShell).
fn assigned_to(words: &[Word], index: usize, shell: Shell) -> Option<String> {
    let word = &words[index].text;
    match shell {
        Shell::PowerShell => powershell_assignment(&words[..index]),
        Shell::Bash => {
            let name = assignment_name(word)?;
            let before_ok = words[..index].iter().all(|w| {
                matches!(
                    w.text.as_str(),
                    "export" | "local" | "declare" | "readonly" | "typeset"
                ) || w.text.starts_with('-')
                    || assignment_name(&w.text).is_some()
            });
            before_ok.then(|| name.to_owned())
        }
        Shell::Cmd => None,
    }
}

/// `NAME` of a bash `NAME=value` (or `NAME+=value`) word.
fn assignment_name(word: &str) -> Option<&str> {
    let end = word.find('=')?;
    let name = word[..end].strip_suffix('+').unwrap_or(&word[..end]);
    let mut chars = name.chars();
    let first = chars.next()?;
    let valid = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some(name)
}

/// Shell keywords that open or close a block around commands.
const BLOCK_WORDS: &[&str] = &[
    "then", "else", "do", "done", "fi", "esac", "{", "}", "(", ")", "end",
];

/// Shell keywords whose command is a condition or a loop header.
const CONDITION_WORDS: &[&str] = &["if", "elif", "while", "until", "for", "foreach"];

fn is_keyword(word: &Word, keywords: &[&str]) -> bool {
    keywords.contains(&word.text.to_ascii_lowercase().as_str())
}

/// The first word that is not a block keyword (`then echo` → `echo`).
fn first_command_word(words: &[Word]) -> Option<&Word> {
    words.iter().find(|w| !is_keyword(w, BLOCK_WORDS))
}

/// Structure around the command, nothing to report: block keywords alone (`then`, `fi`,
/// `}`), or a condition or loop header without an `aws` command (`if [ -n "$X" ]`).
fn is_structure(segment: &Segment) -> bool {
    segment
        .words
        .first()
        .is_some_and(|w| is_keyword(w, CONDITION_WORDS))
        || first_command_word(&segment.words).is_none()
}

/// `aws`, `aws.exe`, `aws.cmd`, or a path to one of them.
pub(super) fn is_aws(word: &str) -> bool {
    let name = word.rsplit(['/', '\\']).next().unwrap_or(word);
    let name = name.to_ascii_lowercase();
    matches!(name.as_str(), "aws" | "aws.exe" | "aws.cmd" | "aws2")
}

/// `cat > NAME <<EOF`, a lone here-string, or `| Set-Content NAME`.
fn writes_file(segment: &Segment) -> bool {
    file_name(segment).is_some() || (segment.words.is_empty() && segment.here.is_some())
}

/// The file a segment writes.
fn file_name(segment: &Segment) -> Option<&str> {
    let first = segment.words.first()?.text.to_ascii_lowercase();
    match first.as_str() {
        "cat" => segment.redirect.as_deref(),
        "set-content" | "out-file" | "sc" => {
            let mut name = None;
            let mut skip = false;
            for w in &segment.words[1..] {
                if skip {
                    skip = false;
                } else if w.text.starts_with('-') {
                    let lower = w.text.to_ascii_lowercase();
                    let takes_value = ["-encoding", "-path", "-filepath", "-literalpath"]
                        .iter()
                        .any(|o| o.starts_with(&lower) && lower.len() > 1);
                    let names_file = lower.contains("path");
                    skip = takes_value && !names_file;
                } else {
                    name = Some(w.text.as_str());
                }
            }
            name
        }
        _ => None,
    }
}

/// The files the pasted text writes itself, by name.
fn written_files(segments: &[Segment]) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for (i, segment) in segments.iter().enumerate() {
        let Some(name) = file_name(segment) else {
            continue;
        };
        let body = if segment.piped {
            i.checked_sub(1).and_then(|p| segments[p].here.clone())
        } else {
            segment.here.clone()
        };
        if let Some(body) = body {
            files.insert(name.to_owned(), body);
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds the command in `text` and checks its words, how it was found and each note's
    /// `location: message` line (by prefix).
    fn check(text: &str, shell: Shell, argv: &[&str], how: &[&str], notes: &[&str]) {
        let found = find(text, text, shell);
        let got: Vec<String> = found
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message))
            .collect();
        assert_eq!(
            found.argv.as_deref().unwrap_or_default(),
            argv,
            "{text:?}: {got:#?}"
        );
        assert_eq!(found.how, how, "{text:?}");
        assert_eq!(got.len(), notes.len(), "{text:?}: {got:#?}");
        for (g, e) in got.iter().zip(notes) {
            assert!(
                g.starts_with(e),
                "{text:?}: {g:?} does not start with {e:?}"
            );
        }
    }

    const ARGV: &[&str] = &["aws", "sms", "create-replication-job", "--server-id", "s-1"];

    #[test]
    fn a_plain_command_is_read_as_it_is() {
        check(
            "aws sms create-replication-job --server-id s-1",
            Shell::Bash,
            ARGV,
            &[],
            &[],
        );
        check(
            "--server-id s-1",
            Shell::Bash,
            &["--server-id", "s-1"],
            &[],
            &[],
        );
        check("", Shell::Bash, &[], &[], &[]);
    }

    #[test]
    fn bash_command_substitutions_are_read_inside() {
        for (text, how) in [
            (
                "id=$(aws sms create-replication-job --server-id s-1)",
                "inside `$(…)`, whose output is assigned to id",
            ),
            (
                "id=`aws sms create-replication-job --server-id s-1`",
                "inside backticks (`…`), whose output is assigned to id",
            ),
            (
                "export JOB_ID=\"$(aws sms create-replication-job --server-id 's-1')\"",
                "inside `$(…)`, whose output is assigned to JOB_ID",
            ),
            (
                "echo \"$(aws sms create-replication-job --server-id s-1)\"",
                "inside `$(…)`, in an argument of `echo`",
            ),
            (
                "$(aws sms create-replication-job --server-id s-1)",
                "inside `$(…)`",
            ),
        ] {
            check(text, Shell::Bash, ARGV, &[how], &[]);
        }
    }

    #[test]
    fn a_parenthesis_or_backtick_inside_quotes_does_not_end_a_substitution() {
        check(
            "x=$(aws sms create-replication-job --description 'a ) b' --server-id s-1)",
            Shell::Bash,
            &[
                "aws",
                "sms",
                "create-replication-job",
                "--description",
                "a ) b",
                "--server-id",
                "s-1",
            ],
            &["inside `$(…)`, whose output is assigned to x"],
            &[],
        );
        check(
            "x=`aws sms create-replication-job --description \\`q\\` --server-id s-1`",
            Shell::Bash,
            &[
                "aws",
                "sms",
                "create-replication-job",
                "--description",
                "`q`",
                "--server-id",
                "s-1",
            ],
            &["inside backticks (`…`), whose output is assigned to x"],
            &[],
        );
    }

    #[test]
    fn a_multi_line_substitution_keeps_its_continuations_and_locations() {
        check(
            "JOB=$(aws sms create-replication-job \\\n  --server-id s-1 \\\n  --description \"$USER\")",
            Shell::Bash,
            &[
                "aws",
                "sms",
                "create-replication-job",
                "--server-id",
                "s-1",
                "--description",
                "$USER",
            ],
            &["inside `$(…)`, whose output is assigned to JOB"],
            &["line 3, column 18: A $ variable"],
        );
    }

    #[test]
    fn powershell_assignments_and_the_call_operator() {
        for (text, how) in [
            (
                "$job = aws sms create-replication-job --server-id s-1",
                &["whose output is assigned to $job"][..],
            ),
            (
                "$job = & aws sms create-replication-job --server-id s-1",
                &["whose output is assigned to $job"][..],
            ),
            ("& aws sms create-replication-job --server-id s-1", &[][..]),
            (
                "& 'C:\\Program Files\\Amazon\\AWSCLIV2\\aws.exe' sms create-replication-job --server-id s-1",
                &[][..],
            ),
            (
                "$job = $(aws sms create-replication-job --server-id s-1)",
                &["inside `$(…)`, whose output is assigned to $job"][..],
            ),
            (
                "$job = \"$(aws sms create-replication-job --server-id s-1)\"",
                &["inside `$(…)`, whose output is assigned to $job"][..],
            ),
        ] {
            let found = find(text, text, Shell::PowerShell);
            let argv = found.argv.unwrap_or_default();
            assert_eq!(&argv[1..], &ARGV[1..], "{text:?}");
            assert!(is_aws(&argv[0]), "{text:?}");
            assert_eq!(found.how, how, "{text:?}");
            assert!(
                found.diagnostics.is_empty(),
                "{text:?}: {:?}",
                found.diagnostics
            );
        }
    }

    #[test]
    fn prefixes_are_named() {
        for (text, how) in [
            (
                "sudo aws sms create-replication-job --server-id s-1",
                "after `sudo`",
            ),
            (
                "sudo -E aws sms create-replication-job --server-id s-1",
                "after `sudo -E`",
            ),
            (
                "time aws sms create-replication-job --server-id s-1",
                "after `time`",
            ),
            (
                "env AWS_PROFILE=prod aws sms create-replication-job --server-id s-1",
                "after `env AWS_PROFILE=prod`",
            ),
            (
                "nohup aws sms create-replication-job --server-id s-1",
                "after `nohup`",
            ),
            (
                "AWS_PROFILE=prod AWS_REGION=eu-west-1 aws sms create-replication-job --server-id s-1",
                "after the variable assignment `AWS_PROFILE=prod AWS_REGION=eu-west-1`, which applies to this command only",
            ),
        ] {
            check(text, Shell::Bash, ARGV, &[how], &[]);
        }
    }

    #[test]
    fn if_and_while_lines() {
        check(
            "if aws sms create-replication-job --server-id s-1; then\n  echo ok\nfi",
            Shell::Bash,
            ARGV,
            &["in the condition of `if`"],
            &[
                "line 2, column 3: Another command (\"echo\") is ignored. The command read is the one at line 1, column 4.",
            ],
        );
        check(
            "while ! aws sms create-replication-job --server-id s-1; do sleep 5; done",
            Shell::Bash,
            ARGV,
            &["in the condition of `while`"],
            &[
                "line 1, column 60: Another command (\"sleep\") is ignored. The command read is the one at line 1, column 9.",
            ],
        );
        check(
            "if [ -n \"$X\" ]; then\n  aws sms create-replication-job --server-id s-1\nfi",
            Shell::Bash,
            ARGV,
            &[],
            &[],
        );
        check(
            "if errorlevel 1 aws sms create-replication-job --server-id s-1",
            Shell::Cmd,
            ARGV,
            &["on the `if` line (`if errorlevel 1`)"],
            &[],
        );
        check(
            "if ($ready) {\n    aws sms create-replication-job --server-id s-1\n}",
            Shell::PowerShell,
            ARGV,
            &[],
            &[],
        );
    }

    #[test]
    fn chains_and_pipes_read_the_aws_command_and_report_the_others() {
        for (text, shell, other) in [
            (
                "cd /tmp && aws sms create-replication-job --server-id s-1",
                Shell::Bash,
                "line 1, column 1: Another command (\"cd\") is ignored. The command read is the one at line 1, column 12.",
            ),
            (
                "aws sms create-replication-job --server-id s-1 || exit 1",
                Shell::Bash,
                "line 1, column 51: Another command (\"exit\")",
            ),
            (
                "set -e; aws sms create-replication-job --server-id s-1",
                Shell::Bash,
                "line 1, column 1: Another command (\"set\")",
            ),
            (
                "aws sms create-replication-job --server-id s-1 | jq -r .replicationJobId",
                Shell::Bash,
                "line 1, column 50: Another command (\"jq\")",
            ),
            (
                "aws sms create-replication-job --server-id s-1 | ConvertFrom-Json",
                Shell::PowerShell,
                "line 1, column 50: Another command (\"ConvertFrom-Json\")",
            ),
            (
                "cd \\tmp & aws sms create-replication-job --server-id s-1",
                Shell::Cmd,
                "line 1, column 1: Another command (\"cd\")",
            ),
        ] {
            check(text, shell, ARGV, &[], &[other]);
        }
    }

    #[test]
    fn several_candidates_read_the_first_and_say_so() {
        check(
            "aws sms get-servers\naws sms create-replication-job --server-id s-1\naws sms create-replication-job --server-id s-2",
            Shell::Bash,
            ARGV,
            &[],
            &[
                "line 1, column 1: Another command (\"aws\") is ignored. The command read is the one at line 2, column 1.",
                "line 3, column 1: Another command (\"aws\")",
                "line 2, column 1: The text holds 2 aws sms create-replication-job commands; the first one (at line 2, column 1) is read and the others are ignored.",
            ],
        );
    }

    #[test]
    fn notes_about_what_is_not_read_are_dropped_but_errors_stay() {
        check(
            "export HOME_DIR=$HOME\nAWS_PROFILE=$P aws sms create-replication-job --server-id s-1 --description $D",
            Shell::Bash,
            &[
                "aws",
                "sms",
                "create-replication-job",
                "--server-id",
                "s-1",
                "--description",
                "$D",
            ],
            &["after the variable assignment `AWS_PROFILE=$P`, which applies to this command only"],
            &[
                "line 2, column 77: A $ variable",
                "line 1, column 1: Another command (\"export\")",
            ],
        );
        check(
            "echo 'oops\naws sms create-replication-job --server-id s-1",
            Shell::Bash,
            &[
                "echo",
                "oops\naws sms create-replication-job --server-id s-1",
            ],
            &[],
            &["line 1, column 6: This single quote is never closed"],
        );
    }

    #[test]
    fn an_aws_command_in_a_condition_that_is_not_read_is_reported() {
        check(
            "if aws sts get-caller-identity; then\n  aws sms create-replication-job --server-id s-1\nfi",
            Shell::Bash,
            ARGV,
            &[],
            &[
                "line 1, column 4: Another command (\"aws\") is ignored. The command read is the one at line 2, column 3.",
            ],
        );
    }

    #[test]
    fn structure_words_are_not_reported() {
        check(
            "{\n  aws sms create-replication-job --server-id s-1\n}",
            Shell::Bash,
            ARGV,
            &[],
            &[],
        );
    }

    #[test]
    fn assignment_names_follow_bash() {
        assert_eq!(assignment_name("id=$(x)"), Some("id"));
        assert_eq!(assignment_name("A_1+=x"), Some("A_1"));
        assert_eq!(assignment_name("1a=x"), None);
        assert_eq!(assignment_name("--a=x"), None);
        assert_eq!(assignment_name("ab"), None);
    }
}
