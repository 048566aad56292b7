//! The command importer: a pasted `aws sms create-replication-job …` back into a [`Form`],
//! in three steps, each its own module.
//!
//! 1. [`lexer`]: the text split into simple commands and words by the rules of its shell
//!    (bash/zsh/sh, PowerShell or cmd.exe, one module each), guessed by [`detect_shell`] unless
//!    named. A terminal transcript ([`prompt`]) has its prompts and output blanked first,
//!    and a Markdown code block ([`fence`]) its fence lines.
//!    Nothing is ever run or expanded: `$(…)`, `$VAR`, backticks and `%VAR%` are kept as
//!    written and reported, because the user's shell would replace them.
//! 2. [`finder`]: which part is the `aws` invocation: inside an assignment of a command
//!    substitution, after a prefix such as `sudo`, in an `if` condition, in a chain or on one
//!    of several lines. The importer says which part it read when that is not simply the
//!    whole text.
//! 3. [`reader`]: the invocation's words read the way the CLI's argparse reads them, with
//!    `--cli-input-json`/`-yaml` documents (also from files the text writes itself, such as
//!    `@'…'@ | Set-Content … NAME` or `cat > NAME <<'EOF'`) overridden by the options.

mod fence;
mod finder;
mod lexer;
mod prompt;
mod reader;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::{Imported, line_column};
use crate::core::params;
use crate::core::render::Shell;

/// Imports a command. With `shell` as `None`, the shell is guessed with [`detect_shell`].
pub fn import(text: &str, shell: Option<Shell>) -> Imported {
    let found = invocation(text, shell);
    let mut diagnostics = found.diagnostics;
    let Some(argv) = found.argv else {
        diagnostics.push(Diagnostic::general(
            Severity::Error,
            format!(
                "No command found: paste an `aws {} {} …` command.",
                params::OPERATION.metadata.cli_name,
                params::OPERATION.cli_name
            ),
        ));
        return Imported {
            form: Form::new(),
            diagnostics,
        };
    };
    let form = reader::read(&argv, &found.files, &mut diagnostics);
    Imported { form, diagnostics }
}

/// The `aws` invocation of a pasted text, before its words are read as options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invocation {
    /// Its words, from `aws` on (or the options, when they were pasted alone); `None` when
    /// the text holds no command at all.
    pub argv: Option<Vec<String>>,
    /// The files the text writes itself, by name.
    pub files: std::collections::BTreeMap<String, String>,
    /// Where it was found and what the shell would do differently from what is shown.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the invocation in a pasted text (steps 1 and 2). With `shell` as `None`, the shell
/// is guessed with [`detect_shell`].
pub fn invocation(text: &str, shell: Option<Shell>) -> Invocation {
    let shell = shell.unwrap_or_else(|| detect_shell(text));
    let unfenced = fence::unfenced(text);
    let plain = unfenced.as_deref().unwrap_or(text);
    let transcript = prompt::transcript(plain);
    let lexed_text = transcript.as_ref().map_or(plain, |t| t.text.as_str());
    let found = finder::find(lexed_text, text, shell);
    let mut diagnostics = Vec::new();
    if found.argv.is_none() {
        return Invocation {
            argv: None,
            files: found.files,
            diagnostics: found.diagnostics,
        };
    }
    let (line, column) = line_column(text, found.start);
    let mut how = found.how;
    if let Some(prompt) = transcript.as_ref().and_then(|t| t.prompt_on(line)) {
        how.insert(0, format!("after the prompt `{prompt}`"));
    }
    if unfenced.is_some() {
        how.insert(0, "in a Markdown code block".to_owned());
    }
    if !how.is_empty() {
        diagnostics.push(
            Diagnostic::general(
                Severity::Info,
                format!("Read the command at line {line}, {}.", how.join(", ")),
            )
            .at(format!("line {line}, column {column}")),
        );
    }
    if let Some(note) = transcript
        .as_ref()
        .and_then(prompt::Transcript::output_note)
    {
        diagnostics.push(Diagnostic::general(Severity::Info, note));
    }
    diagnostics.extend(found.diagnostics);
    Invocation {
        argv: found.argv,
        files: found.files,
        diagnostics,
    }
}

/// True for the word that runs the AWS CLI (`aws`, `/usr/local/bin/aws`, `aws.exe`, …).
pub fn is_aws(word: &str) -> bool {
    finder::is_aws(word)
}

/// Global options of the AWS CLI, with whether each takes a value (see [`reader`]).
pub fn global_options() -> Vec<(&'static str, bool)> {
    reader::global_flags()
}

/// Guesses the shell from a Markdown fence's language, a terminal's prompt, line
/// continuations, quoting, the PowerShell file shape and how the first line starts.
pub fn detect_shell(text: &str) -> Shell {
    let mut votes = [0_u32; 3];
    if let Some(shell) = fence::language(text) {
        votes[shell_index(shell)] += 20;
    }
    let unfenced = fence::unfenced(text);
    let text = unfenced.as_deref().unwrap_or(text);
    if let Some(shell) = prompt::transcript(text).and_then(|t| t.shell()) {
        votes[shell_index(shell)] += 10;
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if powershell_assignment_start(first) {
        votes[1] += 4;
    }
    if first.starts_with("& ") {
        votes[1] += 3;
    }
    // A line's continuation mark is the shell's own syntax, where the characters counted below
    // may just as well be inside a value: it weighs more than any of them.
    for line in text.lines() {
        let line = line.trim_end();
        match line.chars().last() {
            // A continuation backtick follows a blank; bash's closing one follows a word.
            Some('`') if line.len() == 1 || line[..line.len() - 1].ends_with([' ', '\t']) => {
                votes[1] += 6;
            }
            Some('^') => votes[2] += 6,
            Some('\\') => votes[0] += 6,
            _ => {}
        }
    }
    let has = |s: &str| text.contains(s);
    if has("@'\n") || has("@'\r\n") || has("Set-Content") || has("`\"") || has("`$") {
        votes[1] += 5;
    }
    if text.contains([
        '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}', '\u{201C}', '\u{201D}',
    ]) {
        votes[1] += 2;
    }
    if has("$'") || has("'\\''") || has("<<") {
        votes[0] += 2;
    }
    if has("^\"") || has("^&") || has("^%") || has("^^") || has("^<") || has("^>") || has("^|") {
        votes[2] += 2;
    }
    if has("\\\"") && !has("'") {
        votes[2] += 1;
    }
    let (best, _) = votes
        .iter()
        .enumerate()
        .max_by_key(|&(i, v)| (*v, std::cmp::Reverse(i)))
        .unwrap_or((0, &0));
    Shell::ALL.get(best).copied().unwrap_or_default()
}

fn shell_index(shell: Shell) -> usize {
    Shell::ALL.iter().position(|&s| s == shell).unwrap_or(0)
}

/// `$name =` or `$name=` at the start of a line: PowerShell's assignment (bash has no such
/// form).
fn powershell_assignment_start(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('$') else {
        return false;
    };
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(rest.len());
    name_len > 0 && rest[name_len..].trim_start().starts_with('=')
}

/// A word shortened for messages.
fn shown(text: &str) -> String {
    const MAX: usize = 40;
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { '·' } else { c })
        .collect();
    if clean.chars().count() > MAX {
        let cut: String = clean.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;
    use proptest::prelude::*;

    /// Imports and checks the form and each diagnostic's `location: message` line.
    fn check(text: &str, shell: Option<Shell>, form: &Form, expect: &[&str]) {
        let imported = import(text, shell);
        let got: Vec<String> = imported
            .diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message))
            .collect();
        assert_eq!(&imported.form, form, "{text:?}: {got:#?}");
        assert_eq!(got.len(), expect.len(), "{text:?}: {got:#?}");
        for (g, e) in got.iter().zip(expect) {
            assert!(g.contains(e), "{text:?}: {g:?} lacks {e:?}");
        }
    }

    fn one(id: Id, value: &str) -> Form {
        Form::new().with(id, value)
    }

    #[test]
    fn the_shell_is_detected_from_the_text() {
        for (text, shell) in [
            ("aws sms \\\n  --x 1", Shell::Bash),
            ("aws sms `\n  --x 1", Shell::PowerShell),
            ("aws sms ^\n  --x 1", Shell::Cmd),
            ("aws sms --x $'a\\tb'", Shell::Bash),
            (
                "@'\n{}\n'@ | Set-Content -Encoding ascii x.json\naws sms",
                Shell::PowerShell,
            ),
            ("aws sms --x \"a^&b\"", Shell::Cmd),
            ("aws sms --x 'a'", Shell::Bash),
            ("$job = aws sms --x 'a'", Shell::PowerShell),
            ("$env:AWS_PROFILE='p'\naws sms --x 'a'", Shell::PowerShell),
            ("& aws sms --x 'a'", Shell::PowerShell),
            ("PS C:\\> aws sms --x 'a'", Shell::PowerShell),
            ("C:\\Users\\me> aws sms --x \"a\"", Shell::Cmd),
            ("me@box:~$ aws sms --x \"a\"", Shell::Bash),
            ("aws sms --x \u{201C}a\u{201D}", Shell::PowerShell),
        ] {
            assert_eq!(detect_shell(text), shell, "{text:?}");
        }
    }

    #[test]
    fn files_the_command_writes_are_read() {
        let powershell = "@'\n{\n    \"serverId\": \"s-1\",\n    \"description\": \"it's \\\"here\\\"\"\n}\n'@ | Set-Content -Encoding ascii create-replication-job.json\naws sms create-replication-job --cli-input-json file://create-replication-job.json --region us-east-1\n";
        let expected = Form::new()
            .with(Id::ServerId, "s-1")
            .with(Id::Description, "it's \"here\"")
            .with(Id::Region, "us-east-1");
        check(powershell, None, &expected, &[]);
        check(powershell, Some(Shell::PowerShell), &expected, &[]);
        let bash = "cat > create-replication-job.json <<'EOF'\n{\"serverId\": \"s-1\", \"description\": \"it's \\\"here\\\"\"}\nEOF\naws sms create-replication-job \\\n  --cli-input-json file://create-replication-job.json --region us-east-1\n";
        check(bash, None, &expected, &[]);
    }

    #[test]
    fn other_commands_are_reported_and_nothing_is_an_error_without_aws() {
        check(
            "export AWS_PROFILE=x\naws sms create-replication-job --server-id s-1",
            None,
            &one(Id::ServerId, "s-1"),
            &["line 1, column 1: Another command (\"export\") is ignored."],
        );
        check("", None, &Form::new(), &["-: No command found"]);
    }

    /// The form of `aws sms create-replication-job --server-id s-1 --frequency 12`.
    fn job() -> Form {
        Form::new()
            .with(Id::ServerId, "s-1")
            .with(Id::Frequency, "12")
    }

    const JOB: &str = "aws sms create-replication-job --server-id s-1 --frequency 12";

    #[test]
    fn a_command_in_a_substitution_is_read_and_the_note_says_where() {
        for (text, shell, note) in [
            (
                format!("id=$({JOB})"),
                None,
                "line 1, column 6: Read the command at line 1, inside `$(…)`, whose output is assigned to id.",
            ),
            (
                format!("#!/bin/bash\nset -e\n\nJOB_ID=`{JOB} --query replicationJobId`"),
                None,
                "line 4, column 9: Read the command at line 4, inside backticks (`…`), whose output is assigned to JOB_ID.",
            ),
            (
                format!("$job = {JOB}"),
                None,
                "line 1, column 8: Read the command at line 1, whose output is assigned to $job.",
            ),
            (
                format!("$job = & {JOB}"),
                Some(Shell::PowerShell),
                "line 1, column 10: Read the command at line 1, whose output is assigned to $job.",
            ),
            (
                format!("$id = ({JOB}).ReplicationJobId"),
                None,
                "line 1, column 8: Read the command at line 1, whose output is assigned to $id.",
            ),
            (
                format!("$job = $({JOB})"),
                None,
                "line 1, column 10: Read the command at line 1, inside `$(…)`, whose output is assigned to $job.",
            ),
        ] {
            let expect: &[&str] = if text.contains("set -e") {
                &[
                    note,
                    "line 2, column 1: Another command (\"set\") is ignored. The command read is the one at line 4, column 9.",
                ]
            } else {
                &[note]
            };
            let form = if text.contains("--query") {
                job().with(Id::Query, "replicationJobId")
            } else {
                job()
            };
            check(&text, shell, &form, expect);
        }
    }

    #[test]
    fn prefixes_and_conditions_are_read_past() {
        for (text, shell, how) in [
            (format!("sudo {JOB}"), None, "after `sudo`"),
            (format!("time {JOB}"), None, "after `time`"),
            (
                format!("env AWS_PROFILE=p {JOB}"),
                None,
                "after `env AWS_PROFILE=p`",
            ),
            (format!("nohup {JOB} &"), None, "after `nohup`"),
            (
                format!("if {JOB}; then echo ok; fi"),
                None,
                "in the condition of `if`",
            ),
            (
                format!("until {JOB}; do sleep 1; done"),
                None,
                "in the condition of `until`",
            ),
            (
                format!("if not errorlevel 1 {JOB}"),
                Some(Shell::Cmd),
                "on the `if` line (`if not errorlevel 1`)",
            ),
        ] {
            let imported = import(&text, shell);
            assert_eq!(
                imported.form,
                job(),
                "{text:?}: {:#?}",
                imported.diagnostics
            );
            let first = &imported.diagnostics[0];
            assert_eq!(first.severity, Severity::Info, "{text:?}");
            assert!(
                first.message.starts_with("Read the command at line 1, "),
                "{first:?}"
            );
            assert!(
                first.message.ends_with(&format!("{how}.")),
                "{text:?}: {first:?}"
            );
            assert!(
                !crate::core::diagnostic::has_errors(&imported.diagnostics),
                "{text:?}: {:#?}",
                imported.diagnostics
            );
        }
    }

    #[test]
    fn chains_and_several_lines_read_the_aws_command() {
        for text in [
            format!("cd /tmp && {JOB}"),
            format!("{JOB} || exit 1"),
            format!("{JOB}; echo done"),
            format!("{JOB} | tee out.json"),
            format!("(cd /tmp && {JOB})"),
            format!("{JOB} > job.json 2>&1 && echo ok"),
            format!("# create the job\nexport AWS_REGION=eu-west-1\n{JOB}\necho $?"),
        ] {
            let imported = import(&text, None);
            assert_eq!(imported.form, job(), "{text:?}");
            assert!(
                imported
                    .diagnostics
                    .iter()
                    .all(|d| d.severity == Severity::Warning
                        && d.message.starts_with("Another command (")
                        && d.message.contains("The command read is the one at line")),
                "{text:?}: {:#?}",
                imported.diagnostics
            );
        }
        check(
            &format!("{JOB}\naws sms create-replication-job --server-id s-2"),
            None,
            &job(),
            &[
                "line 2, column 1: Another command (\"aws\") is ignored.",
                "line 1, column 1: The text holds 2 aws sms create-replication-job commands; the first one (at line 1, column 1) is read and the others are ignored.",
            ],
        );
    }

    #[test]
    fn terminal_transcripts_are_read_past_their_prompts_and_output() {
        check(
            &format!("$ {JOB}"),
            None,
            &job(),
            &["line 1, column 3: Read the command at line 1, after the prompt `$`."],
        );
        check(
            "PS C:\\Users\\me> aws sms create-replication-job `\n>>   --server-id s-1 `\n>>   --frequency 12\n\nReplicationJobId\n----------------\nsms-job-0123\n",
            None,
            &job(),
            &[
                "line 1, column 17: Read the command at line 1, after the prompt `PS C:\\Users\\me>`.",
                "-: Lines 5–7 have no prompt after a prompt line, so they are taken as the output of a command and ignored.",
            ],
        );
        check(
            &format!("C:\\> {JOB}"),
            None,
            &job(),
            &["line 1, column 6: Read the command at line 1, after the prompt `C:\\>`."],
        );
        check(
            &format!("me@box:~$ cd jobs\nme@box:~/jobs$ id=$({JOB})\nme@box:~/jobs$ echo $id"),
            None,
            &job(),
            &[
                "line 2, column 21: Read the command at line 2, after the prompt `me@box:~/jobs$`, inside `$(…)`, whose output is assigned to id.",
                "line 1, column 11: Another command (\"cd\") is ignored.",
                "line 3, column 16: Another command (\"echo\") is ignored.",
            ],
        );
    }

    #[test]
    fn a_markdown_code_block_is_read_inside_and_may_name_the_shell() {
        check(
            &format!("```bash\n{JOB}\n```\n"),
            None,
            &job(),
            &["line 2, column 1: Read the command at line 2, in a Markdown code block."],
        );
        // The fence's language and the prompt name PowerShell, whose backtick continues lines.
        check(
            "```powershell\nPS C:\\> aws sms create-replication-job `\n>>   --server-id s-1 --description 'a b'\n```",
            None,
            &one(Id::ServerId, "s-1").with(Id::Description, "a b"),
            &[
                "line 2, column 9: Read the command at line 2, in a Markdown code block, after the prompt `PS C:\\>`.",
            ],
        );
        assert_eq!(detect_shell("```bat\naws sms --x 'a'"), Shell::Cmd);
    }

    #[test]
    fn typographic_quotes_are_read_as_the_detected_shell_does_and_explained() {
        // Nothing else names the shell: typographic quotes vote for PowerShell, which reads
        // them as quotes.
        check(
            "aws sms create-replication-job --server-id s-1 --description \u{201C}nightly copy\u{201D}",
            None,
            &one(Id::ServerId, "s-1").with(Id::Description, "nightly copy"),
            &[
                "line 1, column 62: Read as PowerShell, which takes the typographic quote \u{201C} as a quote, like \"; bash/zsh and cmd would keep it as a character of the value.",
            ],
        );
        // bash keeps them as characters: the second half of the value is a stray word.
        check(
            "aws sms create-replication-job \\\n  --server-id s-1 \\\n  --description \u{2018}nightly copy\u{2019}",
            None,
            &one(Id::ServerId, "s-1").with(Id::Description, "\u{2018}nightly"),
            &[
                "line 3, column 17: Read as bash/zsh, which keeps the typographic quote \u{2018} as a character of the word; only PowerShell would take it as a quote. If a quote was meant (a word processor or chat may have changed it), type ' instead.",
                "word 8 \"copy\u{2019}\": The CLI refuses the stray word",
            ],
        );
        check(
            "aws sms create-replication-job --server-id s-1 --description \u{201C}x\u{201D}",
            Some(Shell::Cmd),
            &one(Id::ServerId, "s-1").with(Id::Description, "\u{201C}x\u{201D}"),
            &["line 1, column 62: Read as cmd, which keeps the typographic quote \u{201C}"],
        );
    }

    proptest! {
        #[test]
        fn never_panics(text in ".*", shell in 0..4_usize) {
            let _ = import(&text, Shell::ALL.get(shell).copied());
        }

        #[test]
        fn never_panics_on_shell_like_text(
            text in r#"[a-z \-=\\'"`$^%&|;<>(){}@#\n\r\t\u{2018}\u{201C}]*"#,
            shell in 0..4_usize,
        ) {
            let _ = import(&text, Shell::ALL.get(shell).copied());
        }
    }
}
