//! The last step of reading a command: its argv, read the way the AWS CLI's argparse reads
//! it, into a [`Form`].
//!
//! Global options first (with unique-prefix abbreviations, so `--r` is `--region`), then the
//! operation's options; booleans as `--flag`/`--no-flag`, the last one winning; a value that
//! starts with a dash only as `--flag=-x`; integers as Python's `int()` reads them;
//! `--cli-input-json`/`-yaml` documents imported (from the text itself or from a file the
//! pasted text writes) and then overridden by the options on the line. Every word the CLI
//! would refuse or read differently from what was probably meant gets a note that names it
//! (`word 6 "--no"`).

use std::collections::BTreeMap;

use super::finder::is_aws;
use super::shown;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import;
use crate::core::params::{self, Kind, Param};
use crate::core::validate;

/// Global options of the AWS CLI that the parameter table does not model: they still count for
/// prefix matching and ambiguity. `true` when the option takes a value.
const OTHER_GLOBALS: &[(&str, bool)] = &[
    ("no-verify-ssl", false),
    ("no-paginate", false),
    ("no-sign-request", false),
    ("version", false),
    ("color", true),
    ("ca-bundle", true),
    ("cli-binary-format", true),
    ("cli-auto-prompt", false),
    ("no-cli-auto-prompt", false),
];

/// What an option word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A parameter of the table; `negated` for `--no-flag`.
    Param(&'static Param, bool),
    /// A global option the tool does not model.
    Other(&'static str, bool),
    /// `--cli-input-json` (false) or `--cli-input-yaml` (true).
    CliInput(bool),
    /// `--generate-cli-skeleton`.
    Skeleton,
}

impl Target {
    fn spelling(self) -> String {
        match self {
            Target::Param(p, true) => format!("--no-{}", p.flag),
            Target::Param(p, false) => format!("--{}", p.flag),
            Target::Other(name, _) => format!("--{name}"),
            Target::CliInput(false) => "--cli-input-json".into(),
            Target::CliInput(true) => "--cli-input-yaml".into(),
            Target::Skeleton => "--generate-cli-skeleton".into(),
        }
    }

    fn takes_value(self) -> bool {
        match self {
            Target::Param(p, _) => !matches!(p.kind, Kind::Boolean | Kind::Switch),
            Target::Other(_, takes) => takes,
            Target::CliInput(_) => true,
            Target::Skeleton => false,
        }
    }
}

/// Every global option's name, with whether it takes a value.
pub(super) fn global_flags() -> Vec<(&'static str, bool)> {
    params::globals()
        .map(|p| (p.flag, p.kind != Kind::Switch))
        .chain(OTHER_GLOBALS.iter().copied())
        .collect()
}

/// The global options, as argparse's main parser knows them.
fn global_options() -> Vec<(String, Target)> {
    params::globals()
        .map(|p| (p.flag.to_owned(), Target::Param(p, false)))
        .chain(
            OTHER_GLOBALS
                .iter()
                .map(|&(name, takes)| (name.to_owned(), Target::Other(name, takes))),
        )
        .collect()
}

/// The operation's options.
fn operation_options() -> Vec<(String, Target)> {
    let mut options = Vec::new();
    for p in params::members() {
        options.push((p.flag.to_owned(), Target::Param(p, false)));
        if p.kind == Kind::Boolean {
            options.push((format!("no-{}", p.flag), Target::Param(p, true)));
        }
    }
    options.push(("cli-input-json".into(), Target::CliInput(false)));
    options.push(("cli-input-yaml".into(), Target::CliInput(true)));
    options.push(("generate-cli-skeleton".into(), Target::Skeleton));
    options
}

/// How argparse resolves an option name (without dashes).
enum Resolved {
    Found(Target),
    Ambiguous(Vec<String>),
    Unknown,
}

fn resolve(name: &str) -> Resolved {
    for options in [global_options(), operation_options()] {
        if let Some((_, t)) = options.iter().find(|(o, _)| o == name) {
            return Resolved::Found(*t);
        }
        let matches: Vec<&(String, Target)> = options
            .iter()
            .filter(|(o, _)| o.starts_with(name))
            .collect();
        match matches.as_slice() {
            [] => {}
            [(_, t)] => return Resolved::Found(*t),
            many => {
                return Resolved::Ambiguous(many.iter().map(|(o, _)| format!("--{o}")).collect());
            }
        }
    }
    Resolved::Unknown
}

/// argparse's test for a word that looks like a negative number (`-1`, `-1.5`, `-.5`).
fn looks_negative_number(word: &str) -> bool {
    let Some(rest) = word.strip_prefix('-') else {
        return false;
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match rest.split_once('.') {
        None => all_digits(rest),
        Some((whole, fraction)) => (whole.is_empty() || all_digits(whole)) && all_digits(fraction),
    }
}

/// True when argparse would take this separate word as an option rather than a value.
fn looks_like_option(word: &str) -> bool {
    word.starts_with('-') && word != "-" && !looks_negative_number(word) && !word.contains(' ')
}

/// Reads the words of the `aws` command (its argv, from `aws` on, or just options) into a
/// form, the way the CLI would. `files` are the files the pasted text writes itself.
pub(super) fn read(
    words: &[String],
    files: &BTreeMap<String, String>,
    diags: &mut Vec<Diagnostic>,
) -> Form {
    let mut reader = Reader {
        words,
        files,
        diags,
        form: Form::new(),
        base: None,
        input_given: None,
        positionals: 0,
    };
    reader.run();
    let mut form = reader.base.take().unwrap_or_default();
    form.overlay(&reader.form);
    form
}

struct Reader<'a> {
    words: &'a [String],
    files: &'a BTreeMap<String, String>,
    diags: &'a mut Vec<Diagnostic>,
    /// What the options on the line set.
    form: Form,
    /// What a `--cli-input-json`/`-yaml` document set.
    base: Option<Form>,
    /// Which `--cli-input-…` option was given, for the "only one" check.
    input_given: Option<Target>,
    /// `sms` and `create-replication-job` seen so far.
    positionals: usize,
}

impl Reader<'_> {
    fn location(&self, index: usize) -> String {
        format!("word {} \"{}\"", index + 1, shown(&self.words[index]))
    }

    fn error(&mut self, index: usize, param: Option<&'static str>, message: String) {
        self.note(index, param, Severity::Error, message);
    }

    fn note(
        &mut self,
        index: usize,
        param: Option<&'static str>,
        severity: Severity,
        message: String,
    ) {
        let d = match param {
            Some(flag) => match severity {
                Severity::Error => Diagnostic::error(flag, message),
                Severity::Warning => Diagnostic::warning(flag, message),
                Severity::Info => Diagnostic::info(flag, message),
            },
            None => Diagnostic::general(severity, message),
        };
        let d = d.at(self.location(index));
        self.diags.push(d);
    }

    #[expect(
        clippy::too_many_lines,
        reason = "argparse's reading of one option word is one sequence of cases"
    )]
    fn run(&mut self) {
        let mut i = 0;
        if self.words.first().is_some_and(|w| is_aws(w)) {
            i = 1;
        }
        let mut after_double_dash = false;
        let mut last_flag: Option<Target> = None;
        while i < self.words.len() {
            let text = self.words[i].clone();
            if after_double_dash || !text.starts_with("--") || text == "--" {
                if text == "--" && !after_double_dash {
                    after_double_dash = true;
                    self.error(
                        i,
                        None,
                        "A lone -- ends the options: the CLI would refuse everything after it \
                         as unknown."
                            .into(),
                    );
                } else {
                    self.positional(i, last_flag, after_double_dash);
                }
                last_flag = None;
                i += 1;
                continue;
            }
            let (name, inline) = match text[2..].split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (text[2..].to_owned(), None),
            };
            let at = i;
            let target = match resolve(&name) {
                Resolved::Found(t) => t,
                Resolved::Ambiguous(matches) => {
                    self.error(
                        i,
                        None,
                        format!(
                            "The CLI refuses the ambiguous option --{name}: it could be {}.",
                            matches.join(", ")
                        ),
                    );
                    i += 1;
                    last_flag = None;
                    continue;
                }
                Resolved::Unknown => {
                    self.error(
                        i,
                        None,
                        format!("The CLI refuses the unknown option --{name} (Unknown options)."),
                    );
                    i += 1;
                    last_flag = None;
                    continue;
                }
            };
            i += 1;
            last_flag = None;
            if !target.takes_value() {
                if let Some(value) = inline {
                    self.error(
                        at,
                        flag_of(target),
                        format!(
                            "{} takes no value: the CLI refuses it (ignored explicit argument \
                             '{value}').",
                            target.spelling()
                        ),
                    );
                    continue;
                }
                if target == Target::Skeleton {
                    i = self.skeleton(at, i);
                    continue;
                }
                self.flag(at, target);
                last_flag = Some(target);
                continue;
            }
            let value = match inline {
                Some(v) if v == "--" => {
                    self.error(
                        at,
                        flag_of(target),
                        format!(
                            "{}=-- reaches the CLI as an empty list, which it refuses.",
                            target.spelling()
                        ),
                    );
                    continue;
                }
                Some(v) => (v, at),
                None => match self.words.get(i) {
                    Some(next) if !looks_like_option(next) && next != "--" => {
                        i += 1;
                        (next.clone(), i - 1)
                    }
                    _ => {
                        let hint = match self.words.get(i) {
                            Some(next) => format!(
                                " A value that starts with a dash must be written {}={}.",
                                target.spelling(),
                                next
                            ),
                            None => String::new(),
                        };
                        self.error(
                            at,
                            flag_of(target),
                            format!(
                                "{} expects one argument; the CLI refuses the command.{hint}",
                                target.spelling()
                            ),
                        );
                        continue;
                    }
                },
            };
            self.value(at, target, &value.0, value.1);
        }
    }

    /// A word that is not an option: `sms`, `create-replication-job`, or a stray word.
    fn positional(&mut self, index: usize, last_flag: Option<Target>, forced: bool) {
        let text = self.words[index].clone();
        if !forced {
            if self.positionals == 0 && text == params::OPERATION.metadata.cli_name {
                self.positionals = 1;
                return;
            }
            if self.positionals <= 1 && text == params::OPERATION.cli_name {
                self.positionals = 2;
                return;
            }
            if self.positionals == 1 {
                self.positionals = 2;
                self.error(
                    index,
                    None,
                    format!(
                        "This page imports {0} {1}, not {0} {2}.",
                        params::OPERATION.metadata.cli_name,
                        params::OPERATION.cli_name,
                        shown(&text)
                    ),
                );
                return;
            }
        }
        let hint = match last_flag {
            Some(Target::Param(p, _)) if p.kind == Kind::Boolean => format!(
                " --{0} takes no value: write --{0} for true or --no-{0} for false.",
                p.flag
            ),
            Some(t) => format!(" {} takes no value.", t.spelling()),
            None => typographic_dash_hint(&text).unwrap_or_default(),
        };
        self.error(
            index,
            None,
            format!(
                "The CLI refuses the stray word \"{}\" (Unknown options).{hint}",
                shown(&text)
            ),
        );
    }

    /// `--generate-cli-skeleton [input|output|yaml-input]`; returns the next word index.
    fn skeleton(&mut self, index: usize, next: usize) -> usize {
        const CHOICES: [&str; 3] = ["input", "output", "yaml-input"];
        let mut next = next;
        if let Some(word) = self.words.get(next)
            && !looks_like_option(word)
        {
            next += 1;
            if !CHOICES.contains(&word.as_str()) {
                self.error(
                    next - 1,
                    None,
                    format!(
                        "--generate-cli-skeleton takes {}; the CLI refuses \"{}\".",
                        CHOICES.join(", "),
                        shown(word)
                    ),
                );
            }
        }
        self.note(
            index,
            None,
            Severity::Warning,
            "With --generate-cli-skeleton the CLI only prints a template and sends nothing; \
             it is ignored here."
                .into(),
        );
        next
    }

    /// A flag without a value.
    fn flag(&mut self, index: usize, target: Target) {
        match target {
            Target::Param(p, negated) => {
                let value = match p.kind {
                    Kind::Boolean if negated => "false",
                    _ => "true",
                };
                let before = self.form.get(p.id).to_owned();
                if !before.is_empty() && before != value {
                    self.note(
                        index,
                        Some(p.flag),
                        Severity::Info,
                        format!(
                            "{} comes later and wins over the earlier one.",
                            target.spelling()
                        ),
                    );
                }
                self.form.set(p.id, value);
            }
            Target::Other("version", _) => self.note(
                index,
                None,
                Severity::Warning,
                "With --version the CLI only prints its version and sends nothing; ignored.".into(),
            ),
            Target::Other(name, _) => self.note(
                index,
                None,
                Severity::Info,
                format!("--{name} is a CLI option this tool does not model; it is left out."),
            ),
            Target::CliInput(_) | Target::Skeleton => {}
        }
    }

    /// An option with its value (`value_index` is the word that holds the value).
    fn value(&mut self, index: usize, target: Target, value: &str, value_index: usize) {
        match target {
            Target::Param(p, _) => self.param_value(index, p, value, value_index),
            Target::Other(name, _) => self.note(
                index,
                None,
                Severity::Info,
                format!("--{name} is a CLI option this tool does not model; it is left out."),
            ),
            Target::CliInput(yaml) => self.cli_input(index, target, yaml, value, value_index),
            Target::Skeleton => {}
        }
    }

    fn param_value(&mut self, index: usize, p: &'static Param, value: &str, value_index: usize) {
        let flag = Some(p.flag);
        if value.is_empty() {
            self.note(
                value_index,
                flag,
                Severity::Warning,
                format!(
                    "--{} is an empty string. The CLI would send \"\", but the form cannot hold \
                     an empty value, so it is left unset.",
                    p.flag
                ),
            );
            self.form.set(p.id, "");
            return;
        }
        if self.form.is_set(p.id) {
            self.note(
                index,
                flag,
                Severity::Info,
                format!(
                    "--{} is given more than once; the CLI keeps the last value.",
                    p.flag
                ),
            );
        }
        let mut text = value.to_owned();
        if p.is_member() && validate::cli_would_expand(value) {
            let what = if value.starts_with("http") {
                "CLI v1 would download that address and send the page instead of this text \
                 (v2 sends the text)"
            } else {
                "the CLI would read that file and send its contents instead of this text"
            };
            self.note(
                value_index,
                flag,
                Severity::Warning,
                format!("--{}: {what}. The form keeps the text as written.", p.flag),
            );
        }
        if p.kind == Kind::Integer && validate::read_integer(value).is_err() {
            match python_int(value) {
                Some(n) => {
                    self.note(
                        value_index,
                        flag,
                        Severity::Info,
                        format!("The CLI reads \"{}\" as {n}.", shown(value)),
                    );
                    text = n;
                }
                None => self.error(
                    value_index,
                    flag,
                    format!(
                        "--{} must be a whole number; the CLI refuses \"{}\" (invalid literal \
                         for int()).",
                        p.flag,
                        shown(value)
                    ),
                ),
            }
        }
        self.form.set(p.id, text);
    }

    fn cli_input(
        &mut self,
        index: usize,
        target: Target,
        yaml: bool,
        value: &str,
        value_index: usize,
    ) {
        if let Some(first) = self.input_given
            && first != target
        {
            self.error(
                index,
                None,
                "Only one of --cli-input-json and --cli-input-yaml may be given; the CLI \
                 refuses the command."
                    .into(),
            );
            return;
        }
        self.input_given = Some(target);
        if yaml {
            self.note(
                index,
                None,
                Severity::Info,
                "--cli-input-yaml exists in AWS CLI v2 only.".into(),
            );
        }
        let document = if let Some(path) = value.strip_prefix("file://") {
            let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
            let found = self
                .files
                .get(path)
                .or_else(|| self.files.get(name))
                .cloned();
            if let Some(body) = found {
                body
            } else {
                self.note(
                    value_index,
                    None,
                    Severity::Info,
                    format!(
                        "The values are in the file {path}, which cannot be read from here: \
                         paste its contents too."
                    ),
                );
                return;
            }
        } else if validate::cli_would_expand(value) {
            self.note(
                value_index,
                None,
                Severity::Info,
                format!(
                    "The values come from {}, which cannot be read from here: paste the \
                     document itself.",
                    shown(value)
                ),
            );
            return;
        } else {
            value.to_owned()
        };
        let imported = if yaml {
            import::yaml::import(&document)
        } else {
            import::json::import(&document)
        };
        let here = self.location(value_index);
        for mut d in imported.diagnostics {
            d.location = Some(match d.location.take() {
                Some(inner) => format!("{here}, {inner}"),
                None => here.clone(),
            });
            self.diags.push(d);
        }
        self.base = Some(imported.form);
    }
}

/// A word that starts with a typographic dash (– — − ‐), as word processors and chats make of
/// `--`: the CLI takes it for a plain word. The hint names the option probably meant.
fn typographic_dash_hint(word: &str) -> Option<String> {
    const DASHES: [char; 6] = [
        '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}',
    ];
    let first = word.chars().next().filter(|c| DASHES.contains(c))?;
    let name = word.trim_start_matches(DASHES).trim_start_matches('-');
    let name = name.split_once('=').map_or(name, |(n, _)| n);
    let meant = match resolve(name) {
        Resolved::Found(target) => format!(" Type {} with two ASCII hyphens.", target.spelling()),
        _ => " Type option names with two ASCII hyphens (--).".to_owned(),
    };
    Some(format!(
        " It starts with the typographic dash {first} (U+{:04X}), not --, so it is no option \
         to the CLI; a word processor or chat may have changed it.{meant}",
        u32::from(first)
    ))
}

fn flag_of(target: Target) -> Option<&'static str> {
    match target {
        Target::Param(p, _) => Some(p.flag),
        _ => None,
    }
}

/// What Python's `int()` makes of a text the strict reader refused (underscores between
/// digits, other scripts' digits, surrounding white space), in plain decimal; `None` when
/// `int()` refuses it too.
fn python_int(text: &str) -> Option<String> {
    let t = text.trim();
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let mut digits = String::new();
    for c in body.chars() {
        if c == '_' {
            continue;
        }
        digits.push(char::from_digit(unicode_digit(c)?, 10)?);
    }
    let trimmed = digits.trim_start_matches('0');
    let magnitude = if trimmed.is_empty() { "0" } else { trimmed };
    let sign = if magnitude == "0" { "" } else { sign };
    Some(format!("{sign}{magnitude}"))
}

/// The value of a decimal digit in any script (the Unicode `Nd` blocks are runs of ten).
fn unicode_digit(c: char) -> Option<u32> {
    // Common decimal-digit blocks: fullwidth, Arabic-Indic, extended Arabic-Indic,
    // Devanagari, Bengali and Thai.
    const ZEROS: &[u32] = &[0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50];
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    let code = u32::from(c);
    ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&code))
        .map(|zero| code - zero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;

    /// Reads `text` split on blanks as bash would (no expansions in these tests) and checks
    /// the form and each note's `location: message` line.
    fn check(text: &str, form: &Form, expect: &[&str]) {
        let mut diags = Vec::new();
        let argv = words(text);
        let got_form = read(&argv, &BTreeMap::new(), &mut diags);
        let got: Vec<String> = diags
            .iter()
            .map(|d| format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message))
            .collect();
        assert_eq!(&got_form, form, "{text:?}: {got:#?}");
        assert_eq!(got.len(), expect.len(), "{text:?}: {got:#?}");
        for (g, e) in got.iter().zip(expect) {
            assert!(g.contains(e), "{text:?}: {g:?} lacks {e:?}");
        }
    }

    /// The argv bash makes of a text.
    fn words(text: &str) -> Vec<String> {
        let lexed =
            super::super::lexer::lex(text, text, 0..text.len(), crate::core::render::Shell::Bash);
        assert!(lexed.notes.is_empty(), "{:?}", lexed.notes);
        lexed.segments[0]
            .words
            .iter()
            .map(|w| w.text.clone())
            .collect()
    }

    fn one(id: Id, value: &str) -> Form {
        Form::new().with(id, value)
    }

    const CMD: &str = "aws sms create-replication-job --server-id s-1 ";

    #[test]
    fn reads_every_option_kind() {
        let text = "aws sms create-replication-job \\\n  --server-id s-1234abcd \\\n  --seed-replication-time 2026-11-25T10:00:00Z \\\n  --frequency 12 --run-once --license-type AWS --role-name sms \\\n  --description 'a b' --number-of-recent-amis-to-keep -3 --no-encrypted \\\n  --kms-key-id alias/x --region us-east-1 --debug --no-cli-pager --cli-read-timeout=0";
        let form = Form::new()
            .with(Id::ServerId, "s-1234abcd")
            .with(Id::SeedReplicationTime, "2026-11-25T10:00:00Z")
            .with(Id::Frequency, "12")
            .with(Id::RunOnce, "true")
            .with(Id::LicenseType, "AWS")
            .with(Id::RoleName, "sms")
            .with(Id::Description, "a b")
            .with(Id::NumberOfRecentAmisToKeep, "-3")
            .with(Id::Encrypted, "false")
            .with(Id::KmsKeyId, "alias/x")
            .with(Id::Region, "us-east-1")
            .with(Id::Debug, "true")
            .with(Id::NoCliPager, "true")
            .with(Id::CliReadTimeout, "0");
        check(text, &form, &[]);
    }

    #[test]
    fn abbreviations_follow_argparse() {
        check(
            "aws sms create-replication-job --ser s-1 --see 2026 --fr 1 --num 2 --enc --no-r --desc x",
            &Form::new()
                .with(Id::ServerId, "s-1")
                .with(Id::SeedReplicationTime, "2026")
                .with(Id::Frequency, "1")
                .with(Id::NumberOfRecentAmisToKeep, "2")
                .with(Id::Encrypted, "true")
                .with(Id::RunOnce, "false")
                .with(Id::Description, "x"),
            &[],
        );
        check(
            "--en https://x --r eu-west-1 --de",
            &Form::new()
                .with(Id::EndpointUrl, "https://x")
                .with(Id::Region, "eu-west-1")
                .with(Id::Debug, "true"),
            &[],
        );
        check(
            &format!("{CMD}--no --s x --cli-i {{}}"),
            &one(Id::ServerId, "s-1"),
            &[
                "word 6 \"--no\": The CLI refuses the ambiguous option --no: it could be --no-cli-pager, --no-verify-ssl, --no-paginate, --no-sign-request, --no-cli-auto-prompt.",
                "word 7 \"--s\": The CLI refuses the ambiguous option --s: it could be --server-id, --seed-replication-time.",
                "word 8 \"x\": The CLI refuses the stray word \"x\"",
                "word 9 \"--cli-i\": The CLI refuses the ambiguous option --cli-i: it could be --cli-input-json, --cli-input-yaml.",
                "word 10 \"{}\": The CLI refuses the stray word",
            ],
        );
        check(
            &format!("{CMD}--ServerId s-2"),
            &one(Id::ServerId, "s-1"),
            &[
                "word 6 \"--ServerId\": The CLI refuses the unknown option --ServerId",
                "word 7 \"s-2\": The CLI refuses the stray word",
            ],
        );
    }

    #[test]
    fn booleans_last_wins_and_take_no_value() {
        check(
            &format!("{CMD}--run-once --no-run-once --encrypted --encrypted"),
            &Form::new()
                .with(Id::ServerId, "s-1")
                .with(Id::RunOnce, "false")
                .with(Id::Encrypted, "true"),
            &["word 7 \"--no-run-once\": --no-run-once comes later and wins"],
        );
        check(
            &format!("{CMD}--run-once=true --encrypted false"),
            &Form::new()
                .with(Id::ServerId, "s-1")
                .with(Id::Encrypted, "true"),
            &[
                "word 6 \"--run-once=true\": --run-once takes no value: the CLI refuses it (ignored explicit argument 'true').",
                "word 8 \"false\": The CLI refuses the stray word \"false\" (Unknown options). --encrypted takes no value: write --encrypted for true or --no-encrypted for false.",
            ],
        );
    }

    #[test]
    fn dash_values_follow_argparse() {
        check(
            &format!(
                "{CMD}--frequency -1 --description '-x y' --role-name - --kms-key-id=--x --number-of-recent-amis-to-keep -.5"
            ),
            &Form::new()
                .with(Id::ServerId, "s-1")
                .with(Id::Frequency, "-1")
                .with(Id::Description, "-x y")
                .with(Id::RoleName, "-")
                .with(Id::KmsKeyId, "--x")
                .with(Id::NumberOfRecentAmisToKeep, "-.5"),
            &["word 14 \"-.5\": --number-of-recent-amis-to-keep must be a whole number"],
        );
        check(
            &format!("{CMD}--description -x --role-name --region r --frequency"),
            &Form::new().with(Id::ServerId, "s-1").with(Id::Region, "r"),
            &[
                "word 6 \"--description\": --description expects one argument; the CLI refuses the command. A value that starts with a dash must be written --description=-x.",
                "word 7 \"-x\": The CLI refuses the stray word",
                "word 8 \"--role-name\": --role-name expects one argument",
                "word 11 \"--frequency\": --frequency expects one argument; the CLI refuses the command.",
            ],
        );
        check(
            &format!("{CMD}--description=-- -- --frequency 1"),
            &one(Id::ServerId, "s-1"),
            &[
                "word 6 \"--description=--\": --description=-- reaches the CLI as an empty list",
                "word 7 \"--\": A lone -- ends the options",
                "word 8 \"--frequency\": The CLI refuses the stray word",
                "word 9 \"1\": The CLI refuses the stray word",
            ],
        );
    }

    #[test]
    fn values_the_cli_reads_specially_are_reported() {
        check(
            &format!(
                "{CMD}--description '' --role-name file://r.txt --frequency 1_0 --number-of-recent-amis-to-keep abc --server-id s-2"
            ),
            &Form::new()
                .with(Id::ServerId, "s-2")
                .with(Id::RoleName, "file://r.txt")
                .with(Id::Frequency, "10")
                .with(Id::NumberOfRecentAmisToKeep, "abc"),
            &[
                "word 7 \"\": --description is an empty string. The CLI would send \"\", but the form cannot hold an empty value",
                "word 9 \"file://r.txt\": --role-name: the CLI would read that file",
                "word 11 \"1_0\": The CLI reads \"1_0\" as 10.",
                "word 13 \"abc\": --number-of-recent-amis-to-keep must be a whole number; the CLI refuses \"abc\"",
                "word 14 \"--server-id\": --server-id is given more than once",
            ],
        );
    }

    #[test]
    fn unmodelled_globals_and_stray_words() {
        check(
            "aws --no-verify-ssl --color on sms create-replication-job --server-id s-1 extra --version",
            &one(Id::ServerId, "s-1"),
            &[
                "word 2 \"--no-verify-ssl\": --no-verify-ssl is a CLI option this tool does not model",
                "word 3 \"--color\": --color is a CLI option this tool does not model",
                "word 9 \"extra\": The CLI refuses the stray word \"extra\"",
                "word 10 \"--version\": With --version the CLI only prints",
            ],
        );
        check(
            "aws sms get-servers --server-id s-1",
            &one(Id::ServerId, "s-1"),
            &[
                "word 3 \"get-servers\": This page imports sms create-replication-job, not sms get-servers.",
            ],
        );
        check(
            "aws sms create-replication-job --generate-cli-skeleton yaml-input --server-id s-1",
            &one(Id::ServerId, "s-1"),
            &[
                "word 4 \"--generate-cli-skeleton\": With --generate-cli-skeleton the CLI only prints",
            ],
        );
    }

    #[test]
    fn cli_input_documents_are_overridden_by_options() {
        check(
            r#"aws sms create-replication-job --description cli --cli-input-json '{"serverId": "s-1", "description": "json", "frequency": 2}' --frequency 3"#,
            &Form::new()
                .with(Id::ServerId, "s-1")
                .with(Id::Description, "cli")
                .with(Id::Frequency, "3"),
            &[],
        );
        check(
            "aws sms create-replication-job --cli-input-yaml 'serverId: s-1\nbogus: 1' --region r",
            &Form::new().with(Id::ServerId, "s-1").with(Id::Region, "r"),
            &[
                "word 4 \"--cli-input-yaml\": --cli-input-yaml exists in AWS CLI v2 only.",
                "word 5 \"serverId: s-1·bogus: 1\", key \"bogus\": --cli-input-yaml has no member \"bogus\"",
            ],
        );
        check(
            "aws sms create-replication-job --cli-input-json file://job.json --server-id s-1",
            &one(Id::ServerId, "s-1"),
            &[
                "word 5 \"file://job.json\": The values are in the file job.json, which cannot be read from here: paste its contents too.",
            ],
        );
        check(
            "aws sms create-replication-job --cli-input-json '{}' --cli-input-yaml 'a: 1'",
            &Form::new(),
            &["word 6 \"--cli-input-yaml\": Only one of --cli-input-json and --cli-input-yaml"],
        );
    }

    #[test]
    fn python_int_matches_the_cli() {
        for (text, expected) in [
            ("1_000", Some("1000")),
            (" 12 ", Some("12")),
            ("\u{ff11}\u{ff12}", Some("12")),
            ("-0", Some("0")),
            ("_1", None),
            ("1__0", None),
            ("1.5", None),
            ("0x10", None),
            ("", None),
        ] {
            assert_eq!(python_int(text).as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn a_file_the_text_writes_is_read_for_cli_input_json() {
        let mut files = BTreeMap::new();
        files.insert("job.json".to_owned(), "{\"serverId\": \"s-9\"}".to_owned());
        let mut diags = Vec::new();
        let argv: Vec<String> = [
            "aws",
            "sms",
            "create-replication-job",
            "--cli-input-json",
            "file://./job.json",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(read(&argv, &files, &mut diags), one(Id::ServerId, "s-9"));
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn a_typographic_dash_gets_a_hint() {
        check(
            "aws sms create-replication-job \u{2013}server-id s-1 \u{2014}frequency=2",
            &Form::new(),
            &[
                "word 4 \"\u{2013}server-id\": The CLI refuses the stray word \"\u{2013}server-id\" (Unknown options). It starts with the typographic dash \u{2013} (U+2013), not --, so it is no option to the CLI; a word processor or chat may have changed it. Type --server-id with two ASCII hyphens.",
                "word 5 \"s-1\": The CLI refuses the stray word \"s-1\" (Unknown options).",
                "word 6 \"\u{2014}frequency=2\": The CLI refuses the stray word \"\u{2014}frequency=2\" (Unknown options). It starts with the typographic dash \u{2014} (U+2014), not --, so it is no option to the CLI; a word processor or chat may have changed it. Type --frequency with two ASCII hyphens.",
            ],
        );
    }
}
