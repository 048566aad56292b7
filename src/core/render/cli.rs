//! The `aws sms create-replication-job` command for bash/zsh/sh, PowerShell and cmd.exe.
//!
//! The command is built as an argument vector first ([`argv`]): what `aws` must receive. Then
//! one quoting function per shell turns each word into text that the shell reads back as that
//! exact word, with nothing expanded, globbed or injected.
//!
//! Some member values cannot travel as an option value: the CLI would load `file://…` and
//! friends instead of sending them, `--` cannot follow an option, and some shells cannot carry
//! certain characters portably. Then every member goes into one `--cli-input-json` instead
//! (all of them, so the body keeps model order), and a note says why.

use super::Output;
use super::json;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::params::{OPERATION, Param};
use crate::core::render::{CliOptions, Rendered};
use crate::core::request::{Request, Value};
use crate::core::timestamp;
use crate::core::validate;

/// The shell a command is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Shell {
    /// bash, zsh and POSIX sh.
    #[default]
    Bash,
    /// Windows PowerShell 5.1 and PowerShell 7.3+.
    PowerShell,
    /// cmd.exe.
    Cmd,
}

impl Shell {
    /// Every shell, in display order.
    pub const ALL: [Shell; 3] = [Shell::Bash, Shell::PowerShell, Shell::Cmd];

    /// The share-link spelling (`bash`, `powershell`, `cmd`).
    pub fn as_str(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::PowerShell => "powershell",
            Shell::Cmd => "cmd",
        }
    }

    /// Reads [`Shell::as_str`] back.
    pub fn parse(text: &str) -> Option<Shell> {
        Shell::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The file name extension of a script for this shell.
    pub fn extension(self) -> &'static str {
        match self {
            Shell::Bash => "sh",
            Shell::PowerShell => "ps1",
            Shell::Cmd => "cmd",
        }
    }
}

/// How the command carries the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Style {
    /// One option per line, joined by the shell's line continuation.
    #[default]
    Multiline,
    /// Everything on one line.
    Oneline,
    /// `--cli-input-json file://create-replication-job.json`.
    JsonFile,
    /// `--cli-input-yaml file://create-replication-job.yaml` (CLI v2 only).
    YamlFile,
}

impl Style {
    /// Every style, in display order.
    pub const ALL: [Style; 4] = [
        Style::Multiline,
        Style::Oneline,
        Style::JsonFile,
        Style::YamlFile,
    ];

    /// The share-link spelling (`multiline`, `oneline`, `json-file`, `yaml-file`).
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Multiline => "multiline",
            Style::Oneline => "oneline",
            Style::JsonFile => "json-file",
            Style::YamlFile => "yaml-file",
        }
    }

    /// Reads [`Style::as_str`] back.
    pub fn parse(text: &str) -> Option<Style> {
        Style::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// The words before the options: the program, the service and the operation.
pub const COMMAND: [&str; 3] = ["aws", OPERATION.metadata.cli_name, OPERATION.cli_name];

/// The first line of a PowerShell here-string, and the start of the line that ends it.
const HERE_OPEN: &str = "@'";
const HERE_CLOSE: &str = "'@";

/// The command laid out before quoting.
#[derive(Debug, Default)]
struct Plan {
    /// PowerShell only: the here-string that writes the input file first.
    prelude: Option<String>,
    /// One entry per option (a flag, a flag and its value, or `--flag=value`), in order.
    options: Vec<Vec<String>>,
    notes: Vec<Diagnostic>,
}

/// The argument vector `aws` receives (without the leading `aws`), for a shell and style.
/// Every shell's text reads back as exactly this.
pub fn argv(request: &Request, options: CliOptions) -> Vec<String> {
    let plan = plan(request, options);
    COMMAND[1..]
        .iter()
        .map(|w| (*w).to_owned())
        .chain(plan.options.into_iter().flatten())
        .collect()
}

/// Renders the command.
pub fn render(request: &Request, options: CliOptions) -> Rendered {
    let plan = plan(request, options);
    let quote: fn(&str) -> String = match options.shell {
        Shell::Bash => sh_word,
        Shell::PowerShell => ps_word,
        Shell::Cmd => cmd_word,
    };
    let head = COMMAND.join(" ");
    let lines: Vec<String> = plan
        .options
        .iter()
        .map(|words| words.iter().map(|w| quote(w)).collect::<Vec<_>>().join(" "))
        .collect();
    let mut text = plan.prelude.unwrap_or_default();
    match options.style {
        Style::Multiline => {
            let continuation = match options.shell {
                Shell::Bash => " \\\n    ",
                Shell::PowerShell => " `\n    ",
                Shell::Cmd => " ^\n    ",
            };
            text.push_str(&head);
            for line in &lines {
                text.push_str(continuation);
                text.push_str(line);
            }
        }
        Style::Oneline | Style::JsonFile | Style::YamlFile => {
            text.push_str(&head);
            for line in &lines {
                text.push(' ');
                text.push_str(line);
            }
        }
    }
    text.push('\n');
    Rendered {
        text,
        notes: plan.notes,
    }
}

fn plan(request: &Request, options: CliOptions) -> Plan {
    let mut plan = Plan::default();
    let file_option = |flag: &str, output: Output| {
        vec![
            flag.to_owned(),
            format!("file://{}", output.file_name(options)),
        ]
    };
    match options.style {
        Style::JsonFile => {
            plan.options
                .push(file_option("--cli-input-json", Output::Json));
            plan.notes.push(Diagnostic::general(
                Severity::Info,
                format!(
                    "Save the --cli-input-json output as {} in the folder you run this from.",
                    Output::Json.file_name(options)
                ),
            ));
        }
        Style::YamlFile => {
            plan.options
                .push(file_option("--cli-input-yaml", Output::Yaml));
            plan.notes.push(Diagnostic::general(
                Severity::Info,
                format!(
                    "Save the --cli-input-yaml output as {} in the folder you run this from. \
                     Only AWS CLI v2 reads --cli-input-yaml; v1 stops, saying the required \
                     options are missing.",
                    Output::Yaml.file_name(options)
                ),
            ));
        }
        Style::Multiline | Style::Oneline => {
            let reasons = routing_reasons(request, options.shell);
            if reasons.is_empty() {
                for (param, value) in request.members().map(|(_, p, v)| (p, v)) {
                    plan.options.push(option_words(param, value));
                }
            } else {
                route(request, options, &mut plan);
                for (param, reason) in reasons {
                    plan.notes.push(Diagnostic::info(
                        param.flag,
                        format!(
                            "{reason}, so all request values go in one --cli-input-json \
                             instead of separate options."
                        ),
                    ));
                }
            }
        }
    }
    for (param, value) in request.globals() {
        if let Some(words) = global_words(param, value, options.shell, &mut plan.notes) {
            plan.options.push(words);
        }
    }
    plan
}

/// Puts every member into one `--cli-input-json`: inline for bash and cmd, through a file
/// written by a here-string for PowerShell.
fn route(request: &Request, options: CliOptions, plan: &mut Plan) {
    match options.shell {
        Shell::Bash => plan
            .options
            .push(vec!["--cli-input-json".to_owned(), json::compact(request)]),
        // cmd.exe expands `%` and `!`; JSON lets them be written as `\u0025` and `\u0021`.
        // Without spaces after `,` and `:`, most of the document needs no quotes in cmd.exe.
        Shell::Cmd => plan.options.push(vec![
            "--cli-input-json".to_owned(),
            json::one_line(request, json::Times::Utc, &['%', '!'], false),
        ]),
        Shell::PowerShell => {
            let file = Output::Json.file_name(options);
            plan.prelude = Some(format!(
                "{HERE_OPEN}\n{}{HERE_CLOSE} | Set-Content -Encoding ascii {file}\n",
                json::render(request)
            ));
            plan.options.push(vec![
                "--cli-input-json".to_owned(),
                format!("file://{file}"),
            ]);
            plan.notes.push(Diagnostic::general(
                Severity::Info,
                format!(
                    "The first lines write the values to {file} (plain ASCII, so every \
                     PowerShell version writes and the CLI reads the same bytes); the command \
                     then reads that file."
                ),
            ));
        }
    }
}

/// Why member values cannot be separate options in this shell: one entry per member that
/// cannot, with the reason as the start of a sentence.
fn routing_reasons(request: &Request, shell: Shell) -> Vec<(&'static Param, &'static str)> {
    request
        .members()
        .filter_map(|(_, param, value)| match value {
            Value::Text(text) => route_reason(text, shell).map(|r| (param, r)),
            _ => None,
        })
        .collect()
}

fn route_reason(text: &str, shell: Shell) -> Option<&'static str> {
    if validate::cli_would_expand(text) {
        return Some("On a command line the CLI would load this value as a file or URL");
    }
    if text == "--" {
        return Some("The CLI cannot take exactly -- as an option value");
    }
    match shell {
        Shell::PowerShell if ps_passes_differently(text) => Some(
            "Windows PowerShell 5.1 and PowerShell 7.3+ pass a value that is empty, contains \" \
             or ends in \\ after white space to a program differently",
        ),
        Shell::PowerShell if !text.is_ascii() => Some(
            "Windows PowerShell 5.1 reads a script file without a byte order mark in the ANSI \
             code page, which garbles non-ASCII characters",
        ),
        Shell::Cmd if text.contains(['\n', '\r']) => {
            Some("cmd.exe cannot carry a line break inside an argument")
        }
        Shell::Cmd if text.contains(['%', '!']) => {
            Some("cmd.exe expands % and ! differently at the prompt and in a batch file")
        }
        Shell::Cmd if !cmd_plain_text(text) => {
            Some("cmd.exe reads non-ASCII and control characters in the console code page")
        }
        Shell::Bash | Shell::PowerShell | Shell::Cmd => None,
    }
}

/// PowerShell versions disagree on how to pass such a value to a native program.
fn ps_passes_differently(text: &str) -> bool {
    text.is_empty()
        || text.contains('"')
        || (text.contains(char::is_whitespace) && text.ends_with('\\'))
}

/// Printable ASCII and tab: what cmd.exe carries the same in any code page.
fn cmd_plain_text(text: &str) -> bool {
    text.chars().all(|c| c == '\t' || matches!(c, ' '..='~'))
}

/// The words of one member option.
fn option_words(param: &Param, value: &Value) -> Vec<String> {
    let flag = format!("--{}", param.flag);
    match value {
        Value::Bool(true) | Value::Switch => vec![flag],
        Value::Bool(false) => vec![format!("--no-{}", param.flag)],
        Value::Text(text) => flag_and_value(flag, text.clone()),
        Value::Integer(n) => flag_and_value(flag, n.to_string()),
        Value::Time(seconds) => flag_and_value(flag, timestamp::format_utc(*seconds)),
    }
}

/// `--flag value`, or `--flag=value` when the value starts with `-` (the CLI would take it
/// for an option otherwise).
fn flag_and_value(flag: String, value: String) -> Vec<String> {
    if value.starts_with('-') {
        vec![format!("{flag}={value}")]
    } else {
        vec![flag, value]
    }
}

/// The words of a global option, or `None` (with an error note) when no command line in this
/// shell can carry it; warnings for values that depend on how the command is run.
fn global_words(
    param: &'static Param,
    value: &Value,
    shell: Shell,
    notes: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let Value::Text(text) = value else {
        return Some(option_words(param, value));
    };
    if text == "--" {
        notes.push(Diagnostic::error(
            param.flag,
            "The CLI cannot take exactly -- as an option value, so the option is left out.",
        ));
        return None;
    }
    match shell {
        Shell::Bash => {}
        Shell::PowerShell => {
            if ps_passes_differently(text) {
                notes.push(Diagnostic::warning(
                    param.flag,
                    "PowerShell 7.3+ passes this value as shown, Windows PowerShell 5.1 does \
                     not (it is empty, contains \" or ends in \\ after white space).",
                ));
            }
        }
        Shell::Cmd => {
            if text.contains(['\n', '\r']) {
                notes.push(Diagnostic::error(
                    param.flag,
                    "cmd.exe cannot carry a line break inside an argument, so the option is \
                     left out.",
                ));
                return None;
            }
            if text.contains(['%', '!']) {
                notes.push(Diagnostic::warning(
                    param.flag,
                    "Written for the cmd.exe prompt: in a batch file, or with delayed \
                     expansion on, cmd.exe would expand its % or !.",
                ));
            }
            if !cmd_plain_text(text) {
                notes.push(Diagnostic::warning(
                    param.flag,
                    "Contains non-ASCII or control characters, which cmd.exe reads in the \
                     console code page.",
                ));
            }
        }
    }
    Some(flag_and_value(format!("--{}", param.flag), text.clone()))
}

/// bash, zsh and sh: a bare word when every character is clearly inert, else single quotes
/// (inside which nothing is special; a `'` is written as `'\''`).
pub fn sh_word(word: &str) -> String {
    let inert = |c: char| c.is_ascii_alphanumeric() || "_-./:,@+%".contains(c);
    // `=` only after the start: zsh expands a word that starts with `=`.
    let bare = !word.is_empty()
        && word
            .char_indices()
            .all(|(i, c)| inert(c) || (c == '=' && i > 0));
    if bare {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// The characters PowerShell treats as a single quote.
const PS_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'];

/// PowerShell: a bare word when it cannot be read as anything but text (a word that starts
/// with a letter, a whole number, or an option name), else single quotes with every quote
/// character doubled. Single quotes expand nothing.
pub fn ps_word(word: &str) -> String {
    let inert = |c: char| c.is_ascii_alphanumeric() || "_-./:".contains(c);
    let mut chars = word.chars();
    let bare = match chars.next() {
        Some(c) if c.is_ascii_alphabetic() => word.chars().all(inert),
        Some('-') => word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        Some('0') => word == "0",
        Some(c) if c.is_ascii_digit() => word.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    if bare {
        return word.to_owned();
    }
    let mut out = String::from("'");
    for c in word.chars() {
        if PS_QUOTES.contains(&c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// cmd.exe and then the program's own argument splitting (the MSVC C runtime rules).
///
/// cmd.exe toggles its quote state on every `"` and expands `%…%` (and `!…!`) even inside
/// quotes, so those three are written outside any quotes: a literal `"` as `\^"` (cmd.exe
/// keeps `^"` as a plain `"` that toggles nothing; the C runtime reads `\"` as a literal
/// quote), `%` and `!` as `^%` and `^!`. The runs of text between them stay bare when every
/// character is inert to both, else go in double quotes, where cmd.exe leaves spaces and
/// `^ & | < > ( )` alone. Backslashes right before any `"` are doubled, so the C runtime does
/// not read that quote as escaped. A run after `%` or `!` is always quoted (an empty `""` at
/// the very end), so the text after a `%` never starts with a variable name.
pub fn cmd_word(word: &str) -> String {
    let inert = |c: char| c.is_ascii_alphanumeric() || "_-./:+,{}[]@\\".contains(c);
    let doubled_tail = |run: &str| {
        let n = run.len() - run.trim_end_matches('\\').len();
        format!("{run}{}", "\\".repeat(n))
    };
    let mut out = String::new();
    let mut after_percent = false;
    let mut rest = word;
    loop {
        let end = rest.find(['"', '%', '!']).unwrap_or(rest.len());
        let (run, special) = (&rest[..end], rest[end..].chars().next());
        if after_percent || run.chars().any(|c| !inert(c)) || word.is_empty() {
            out.push('"');
            out.push_str(&doubled_tail(run));
            out.push('"');
        } else if special == Some('"') {
            out.push_str(&doubled_tail(run));
        } else {
            out.push_str(run);
        }
        match special {
            Some('"') => out.push_str("\\^\""),
            Some(c) => {
                out.push('^');
                out.push(c);
            }
            None => break,
        }
        after_percent = special != Some('"');
        rest = &rest[end + 1..];
    }
    out
}

#[cfg(test)]
pub(crate) mod shell_models;

#[cfg(test)]
mod tests {
    use super::shell_models::{cmd_then_crt, powershell_words};
    use super::*;
    use crate::core::params;
    use proptest::prelude::*;

    fn request(entries: &[(&str, Value)]) -> Request {
        Request::new(
            entries
                .iter()
                .map(|(flag, v)| (params::by_flag(flag).unwrap(), v.clone())),
        )
    }

    fn text(s: &str) -> Value {
        Value::Text(s.to_owned())
    }

    fn minimal() -> Vec<(&'static str, Value)> {
        vec![
            ("server-id", text("s-12345678")),
            ("seed-replication-time", Value::Time(1_795_600_800)),
        ]
    }

    fn opts(shell: Shell, style: Style) -> CliOptions {
        CliOptions {
            shell,
            style,
            ..CliOptions::default()
        }
    }

    fn body(text: &str) -> &str {
        text.strip_suffix('\n').unwrap()
    }

    #[test]
    fn multiline_and_oneline_per_shell() {
        let r = request(
            &[
                minimal(),
                vec![
                    ("frequency", Value::Integer(12)),
                    ("run-once", Value::Bool(false)),
                    ("description", text("it's a job")),
                    ("region", text("us-east-1")),
                    ("debug", Value::Switch),
                ],
            ]
            .concat(),
        );
        let bash = render(&r, opts(Shell::Bash, Style::Multiline));
        assert_eq!(
            bash.text,
            "aws sms create-replication-job \\\n    --server-id s-12345678 \\\n    \
             --seed-replication-time 2026-11-25T10:00:00Z \\\n    --frequency 12 \\\n    \
             --no-run-once \\\n    --description 'it'\\''s a job' \\\n    --region us-east-1 \
             \\\n    --debug\n"
        );
        assert!(bash.notes.is_empty());
        assert_eq!(
            render(&r, opts(Shell::PowerShell, Style::Oneline)).text,
            "aws sms create-replication-job --server-id s-12345678 --seed-replication-time \
             '2026-11-25T10:00:00Z' --frequency 12 --no-run-once --description 'it''s a job' \
             --region us-east-1 --debug\n"
        );
        let cmd = render(&r, opts(Shell::Cmd, Style::Multiline)).text;
        assert!(
            cmd.contains(" ^\n    --description \"it's a job\" ^\n"),
            "{cmd}"
        );
    }

    #[test]
    fn dash_values_use_the_equals_form_and_exactly_two_dashes_is_routed() {
        let mut entries = minimal();
        entries.push(("description", text("-x")));
        entries.push(("frequency", Value::Integer(-3)));
        let words = argv(&request(&entries), CliOptions::default());
        assert!(words.contains(&"--description=-x".to_owned()));
        assert!(words.contains(&"--frequency=-3".to_owned()));

        entries.push(("role-name", text("--")));
        let r = request(&entries);
        let rendered = render(&r, opts(Shell::Bash, Style::Oneline));
        assert_eq!(
            argv(&r, CliOptions::default()),
            [
                "sms",
                "create-replication-job",
                "--cli-input-json",
                &json::compact(&r)
            ]
        );
        assert_eq!(rendered.notes.len(), 1);
        assert_eq!(rendered.notes[0].param, Some("role-name"));
        assert_eq!(rendered.notes[0].severity, Severity::Info);
    }

    #[test]
    fn expanded_prefixes_route_all_members_and_keep_globals_as_flags() {
        let mut entries = minimal();
        entries.push(("kms-key-id", text("file://key.txt")));
        entries.push(("profile", text("file://not-expanded")));
        let r = request(&entries);
        for shell in [Shell::Bash, Shell::Cmd] {
            let words = argv(&r, opts(shell, Style::Multiline));
            assert_eq!(words[2], "--cli-input-json");
            let doc: serde_json::Value = serde_json::from_str(&words[3]).unwrap();
            assert_eq!(doc["kmsKeyId"], "file://key.txt");
            assert_eq!(doc["seedReplicationTime"], "2026-11-25T10:00:00Z");
            assert_eq!(words[4..], ["--profile", "file://not-expanded"]);
        }
    }

    #[test]
    fn powershell_routes_through_an_ascii_here_string() {
        let mut entries = minimal();
        entries.push(("description", text("say \"hi\" – ok")));
        entries.push(("region", text("eu-west-1")));
        let r = request(&entries);
        let rendered = render(&r, opts(Shell::PowerShell, Style::Multiline));
        let expected = format!(
            "@'\n{}'@ | Set-Content -Encoding ascii create-replication-job.json\naws sms \
             create-replication-job `\n    --cli-input-json \
             file://create-replication-job.json `\n    --region eu-west-1\n",
            json::render(&r)
        );
        assert_eq!(rendered.text, expected);
        assert!(rendered.text.is_ascii());
        assert_eq!(rendered.notes.len(), 2);
        for empty_or_quote in ["", "a\"b", "a b\\"] {
            let mut entries = minimal();
            entries.push(("description", text(empty_or_quote)));
            let text = render(
                &request(&entries),
                CliOptions {
                    shell: Shell::PowerShell,
                    style: Style::Oneline,
                    ..CliOptions::default()
                },
            )
            .text;
            assert!(text.starts_with("@'\n"), "{empty_or_quote:?}");
        }
    }

    #[test]
    fn file_styles_name_the_file_and_keep_globals() {
        let mut entries = minimal();
        entries.push(("output", text("json")));
        let r = request(&entries);
        for shell in Shell::ALL {
            let json = render(&r, opts(shell, Style::JsonFile));
            assert_eq!(
                json.text,
                "aws sms create-replication-job --cli-input-json \
                 file://create-replication-job.json --output json\n"
            );
            let yaml = render(&r, opts(shell, Style::YamlFile));
            assert!(
                yaml.text
                    .contains("--cli-input-yaml file://create-replication-job.yaml")
            );
            assert!(yaml.notes.iter().any(|n| n.message.contains("CLI v2")));
        }
    }

    #[test]
    fn cmd_quoting_examples() {
        assert_eq!(cmd_word("s-1"), "s-1");
        assert_eq!(cmd_word(""), "\"\"");
        assert_eq!(cmd_word("a b & c"), "\"a b & c\"");
        assert_eq!(cmd_word("abc%def"), "abc^%\"def\"");
        assert_eq!(cmd_word("say \"hi\""), "\"say \"\\^\"hi\\^\"");
        assert_eq!(cmd_word("a\\ b\\"), "\"a\\ b\\\\\"");
        assert_eq!(cmd_word("100%"), "100^%\"\"");
        assert_eq!(cmd_word("{\"a\\\\\":1}"), "{\\^\"a\\\\\\\\\\^\":1}");
        for word in [
            "%PATH%",
            "%PATH:~0,1%",
            "!x!",
            "a\\\"b",
            "\\\\\"",
            "x^y",
            "(a)|<b>",
            "%",
            "\"\"",
            "a\\%",
            "a\\ b",
            "\\\"%\\",
        ] {
            let line = format!("aws {}", cmd_word(word));
            assert_eq!(cmd_then_crt(&line).unwrap(), ["aws", word], "{line}");
        }
        // The model itself catches what naive quoting gets wrong.
        assert!(cmd_then_crt("aws \"%PATH%\"").is_err());
        assert!(cmd_then_crt("aws \"a\\\" & calc\"").is_err());
        assert_eq!(
            cmd_then_crt("aws \"a\\\\\" b").unwrap(),
            ["aws", "a\\", "b"]
        );
    }

    #[test]
    fn powershell_quoting_examples() {
        assert_eq!(ps_word("us-east-1"), "us-east-1");
        assert_eq!(ps_word("12"), "12");
        assert_eq!(ps_word("012"), "'012'");
        assert_eq!(ps_word("1e3"), "'1e3'");
        assert_eq!(ps_word("--server-id"), "--server-id");
        assert_eq!(ps_word("--description=-x"), "'--description=-x'");
        assert_eq!(ps_word("$(calc)"), "'$(calc)'");
        assert_eq!(ps_word("it’s ‘x’"), "'it’’s ‘‘x’’'");
        assert_eq!(ps_word("@x"), "'@x'");
        assert_eq!(ps_word("a,b"), "'a,b'");
    }

    #[test]
    fn sh_quoting_examples() {
        assert_eq!(sh_word("s-1"), "s-1");
        assert_eq!(sh_word(""), "''");
        assert_eq!(sh_word("=x"), "'=x'");
        assert_eq!(sh_word("a=x"), "a=x");
        assert_eq!(sh_word("~"), "'~'");
        assert_eq!(sh_word("it's"), "'it'\\''s'");
    }

    /// Text params and globals with arbitrary values (no NUL, as validation guarantees).
    fn hostile_request() -> impl Strategy<Value = Request> {
        let value = || {
            prop_oneof![
                "\\PC{0,12}",
                "[-\"%!^&|<>()\\\\ \t\n'a-z]{0,10}",
                Just("--".to_owned()),
                Just("file://x".to_owned()),
                "-[a-z-]{0,4}",
            ]
        };
        (
            value(),
            value(),
            value(),
            value(),
            value(),
            value(),
            "[-%!\"a-z ]{1,8}",
        )
            .prop_map(|(server, role, description, key, region, query, profile)| {
                request(&[
                    ("server-id", text(&server)),
                    ("seed-replication-time", Value::Time(1_795_600_800)),
                    ("role-name", text(&role)),
                    ("description", text(&description)),
                    ("kms-key-id", text(&key)),
                    ("region", text(&region)),
                    ("query", text(&query)),
                    ("profile", text(&profile)),
                    ("cli-read-timeout", Value::Integer(-5)),
                ])
            })
    }

    proptest! {
        #[test]
        fn cmd_reads_back_the_argv(r in hostile_request()) {
            for style in [Style::Multiline, Style::Oneline] {
                let options = opts(Shell::Cmd, style);
                let rendered = render(&r, options);
                let parsed = cmd_then_crt(body(&rendered.text));
                let mut want = vec!["aws".to_owned()];
                want.extend(argv(&r, options));
                prop_assert_eq!(parsed, Ok(want), "{}", rendered.text);
            }
        }

        #[test]
        fn any_word_survives_cmd(word in "\\PC{0,16}|[\"%!^\\\\ a]{0,12}") {
            prop_assume!(!word.contains(['\n', '\r']));
            let line = format!("aws {} x", cmd_word(&word));
            prop_assert_eq!(cmd_then_crt(&line), Ok(vec!["aws".to_owned(), word, "x".to_owned()]));
        }

        #[test]
        fn powershell_reads_back_the_argv(r in hostile_request()) {
            for style in [Style::Multiline, Style::Oneline] {
                let options = opts(Shell::PowerShell, style);
                let rendered = render(&r, options);
                let text = body(&rendered.text);
                let command = match text.split_once("\n'@ | Set-Content -Encoding ascii create-replication-job.json\n") {
                    Some((here, command)) => {
                        let doc = here.strip_prefix("@'\n").unwrap();
                        prop_assert!(!doc.lines().any(|l| l.starts_with("'@")));
                        prop_assert_eq!(format!("{doc}\n"), json::render(&r));
                        command
                    }
                    None => text,
                };
                let mut want: Vec<String> = vec!["aws".to_owned()];
                want.extend(argv(&r, options));
                prop_assert_eq!(powershell_words(command), want);
                // Every value a member could not carry portably went to the file.
                for (_, param, value) in r.members() {
                    if let (Value::Text(t), false) = (value, rendered.text.starts_with("@'")) {
                        prop_assert!(route_reason(t, Shell::PowerShell).is_none(), "{}", param.flag);
                    }
                }
            }
        }
    }
}
