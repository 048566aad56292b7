//! The command importer: a pasted `aws sms create-replication-job …` back into a [`Form`].
//!
//! Two steps, like a real shell followed by the real CLI. First the text is split into words
//! by the rules of the shell it was written for ([`words`]): bash/zsh/sh, PowerShell or
//! cmd.exe (cmd's own `^` and quote handling, then the C runtime's argument splitting that
//! `aws.exe` applies). Nothing is ever run or expanded: `$(…)`, `$VAR`, backticks and `%VAR%`
//! are kept as written and reported, because the user's shell would replace them. Second, the
//! words are read the way the CLI's argparse reads them ([`interpret`]): global options first
//! (with unique-prefix abbreviations, so `--r` is `--region`), then the operation's options;
//! booleans as `--flag`/`--no-flag`, the last one winning; `--cli-input-json`/`-yaml` documents
//! imported and then overridden by the options on the line.
//!
//! Files written by the command itself are understood too: the PowerShell shape
//! `@'…'@ | Set-Content … NAME` and the POSIX `cat > NAME <<'EOF' … EOF`, so that a later
//! `--cli-input-json file://NAME` reads their contents.

use std::collections::BTreeMap;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::{self, Imported, line_column};
use crate::core::params::{self, Kind, Param};
use crate::core::render::Shell;
use crate::core::validate;

/// Imports a command. With `shell` as `None`, the shell is guessed with [`detect_shell`].
pub fn import(text: &str, shell: Option<Shell>) -> Imported {
    let shell = shell.unwrap_or_else(|| detect_shell(text));
    let mut diagnostics = Vec::new();
    let segments = words(text, shell, &mut diagnostics);
    let files = written_files(&segments);
    let Some(index) = pick_command(&segments) else {
        diagnostics.push(Diagnostic::general(
            Severity::Error,
            "No command found: paste an `aws sms create-replication-job …` command.",
        ));
        return Imported {
            form: Form::new(),
            diagnostics,
        };
    };
    for (i, segment) in segments.iter().enumerate() {
        if i != index && !segment.words.is_empty() && !segment.writes_file() {
            let first = &segment.words[0];
            let (line, column) = line_column(text, first.start);
            diagnostics.push(
                Diagnostic::general(
                    Severity::Warning,
                    format!("Another command (\"{}\") is ignored.", shown(&first.text)),
                )
                .at(format!("line {line}, column {column}")),
            );
        }
    }
    let form = interpret(&segments[index].words, &files, &mut diagnostics);
    Imported { form, diagnostics }
}

/// Guesses the shell from line continuations, quoting and the PowerShell file shape.
pub fn detect_shell(text: &str) -> Shell {
    let mut votes = [0_u32; 3];
    for line in text.lines() {
        match line.trim_end().chars().last() {
            Some('`') => votes[1] += 3,
            Some('^') => votes[2] += 3,
            Some('\\') => votes[0] += 3,
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

/// One word after the shell's quoting is undone.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    text: String,
    /// Byte offset in the pasted text where the word starts.
    start: usize,
}

/// One simple command: its words, plus what a file-writing command needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Segment {
    words: Vec<Word>,
    /// Where `>` sends the output.
    redirect: Option<String>,
    /// The body of a `<<EOF` here-document or a PowerShell here-string.
    here: Option<String>,
    /// The command receives the previous one's output through `|`.
    piped: bool,
}

impl Segment {
    /// `cat > NAME <<EOF`, a lone here-string, or `| Set-Content NAME`.
    fn writes_file(&self) -> bool {
        self.file_name().is_some() || (self.words.is_empty() && self.here.is_some())
    }

    fn file_name(&self) -> Option<&str> {
        let first = self.words.first()?.text.to_ascii_lowercase();
        match first.as_str() {
            "cat" => self.redirect.as_deref(),
            "set-content" | "out-file" | "sc" => {
                let mut name = None;
                let mut skip = false;
                for w in &self.words[1..] {
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
}

/// The files the pasted text writes itself, by name.
fn written_files(segments: &[Segment]) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for (i, segment) in segments.iter().enumerate() {
        let Some(name) = segment.file_name() else {
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

/// The segment holding the `aws` command.
fn pick_command(segments: &[Segment]) -> Option<usize> {
    let has = |pred: &dyn Fn(&Segment) -> bool| segments.iter().position(pred);
    has(&|s| s.words.first().is_some_and(|w| is_aws(&w.text)))
        .or_else(|| has(&|s| s.words.iter().any(|w| w.text == "create-replication-job")))
        .or_else(|| has(&|s| s.words.iter().any(|w| w.text.starts_with("--"))))
        .or_else(|| has(&|s| !s.words.is_empty() && !s.writes_file()))
}

/// `aws`, `aws.exe`, `aws.cmd`, or a path to one of them.
fn is_aws(word: &str) -> bool {
    let name = word.rsplit(['/', '\\']).next().unwrap_or(word);
    let name = name.to_ascii_lowercase();
    matches!(name.as_str(), "aws" | "aws.exe" | "aws.cmd" | "aws2")
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

// ---------------------------------------------------------------------------------------------
// Step 1: words.

/// Splits a pasted text into simple commands and their words, by one shell's rules.
fn words(text: &str, shell: Shell, diags: &mut Vec<Diagnostic>) -> Vec<Segment> {
    let mut lexer = Lexer::new(text);
    match shell {
        Shell::Bash => lexer.bash(),
        Shell::PowerShell => lexer.powershell(),
        Shell::Cmd => lexer.cmd(),
    }
    lexer.finish();
    diags.append(&mut lexer.diags);
    lexer.segments
}

/// Shared state of the three shell lexers.
struct Lexer<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
    i: usize,
    word: Option<Word>,
    segment: Segment,
    segments: Vec<Segment>,
    diags: Vec<Diagnostic>,
    /// The next finished word is a `>` target, not an argument.
    redirect_next: bool,
    /// The next finished word is a `<<` delimiter (with `<<-`'s tab stripping).
    heredoc_next: Option<bool>,
    /// A here-document waiting for the end of the line: delimiter, strip tabs.
    heredoc_pending: Option<(String, bool)>,
}

impl<'t> Lexer<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            chars: text.char_indices().collect(),
            i: 0,
            word: None,
            segment: Segment::default(),
            segments: Vec::new(),
            diags: Vec::new(),
            redirect_next: false,
            heredoc_next: None,
            heredoc_pending: None,
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(_, c)| c)
    }

    fn offset(&self) -> usize {
        self.chars.get(self.i).map_or(self.text.len(), |&(o, _)| o)
    }

    fn at(&self, offset: usize) -> String {
        let (line, column) = line_column(self.text, offset);
        format!("line {line}, column {column}")
    }

    fn report(&mut self, severity: Severity, offset: usize, message: impl Into<String>) {
        let d = Diagnostic::general(severity, message).at(self.at(offset));
        self.diags.push(d);
    }

    /// Makes sure a word is open (quotes open one even when empty).
    fn open(&mut self) {
        if self.word.is_none() {
            self.word = Some(Word {
                text: String::new(),
                start: self.offset(),
            });
        }
    }

    fn push(&mut self, c: char) {
        self.open();
        if let Some(w) = &mut self.word {
            w.text.push(c);
        }
    }

    fn push_str(&mut self, s: &str) {
        self.open();
        if let Some(w) = &mut self.word {
            w.text.push_str(s);
        }
    }

    fn end_word(&mut self) {
        let Some(word) = self.word.take() else {
            return;
        };
        if self.redirect_next {
            self.redirect_next = false;
            self.segment.redirect = Some(word.text);
        } else if let Some(strip) = self.heredoc_next.take() {
            self.heredoc_pending = Some((word.text, strip));
        } else {
            self.segment.words.push(word);
        }
    }

    fn end_segment(&mut self, next_piped: bool) {
        self.end_word();
        let segment = std::mem::take(&mut self.segment);
        if !segment.words.is_empty() || segment.here.is_some() || segment.redirect.is_some() {
            self.segments.push(segment);
        }
        self.segment.piped = next_piped;
    }

    fn finish(&mut self) {
        self.end_segment(false);
    }

    /// True at a line break (`\n` or `\r\n`); returns its length in chars.
    fn newline_len(&self, ahead: usize) -> Option<usize> {
        match (self.peek(ahead), self.peek(ahead + 1)) {
            (Some('\n'), _) => Some(1),
            (Some('\r'), Some('\n')) => Some(2),
            _ => None,
        }
    }

    /// Skips to the end of the line (a comment), leaving the newline.
    fn skip_comment(&mut self) {
        while self.peek(0).is_some_and(|c| c != '\n') {
            self.i += 1;
        }
    }

    /// Reads the rest of a `$(…)`, `${…}` or `` `…` `` as written, keeping it literally.
    fn keep_balanced(&mut self, open: char, close: char) {
        let mut depth = 0_usize;
        while let Some(c) = self.peek(0) {
            self.push(c);
            self.i += 1;
            if c == close && (depth <= 1 || open == close) {
                if open == close && depth == 0 {
                    depth = 1;
                    continue;
                }
                return;
            }
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
            }
        }
    }

    fn unterminated(&mut self, offset: usize, what: &str) {
        self.report(
            Severity::Error,
            offset,
            format!("This {what} is never closed; the shell would wait for more input."),
        );
    }

    fn expansion(&mut self, offset: usize, what: &str, shell: &str) {
        self.report(
            Severity::Warning,
            offset,
            format!(
                "{what}: {shell} would replace this before the CLI sees it. It is kept as \
                 written; nothing is run."
            ),
        );
    }

    // ---- bash / zsh / sh ----------------------------------------------------------------

    #[expect(
        clippy::too_many_lines,
        reason = "one arm per character the shell treats specially reads best as one table"
    )]
    fn bash(&mut self) {
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            match c {
                ' ' | '\t' => {
                    self.end_word();
                    self.i += 1;
                }
                '\r' if self.peek(1) == Some('\n') => self.i += 1,
                '\n' => {
                    self.i += 1;
                    self.end_segment(false);
                    self.read_heredoc_body();
                }
                '\\' => {
                    if let Some(n) = self.newline_len(1) {
                        self.i += 1 + n;
                    } else {
                        self.i += 1;
                        if let Some(next) = self.peek(0) {
                            self.push(next);
                            self.i += 1;
                        } else {
                            self.push('\\');
                        }
                    }
                }
                '#' if self.word.is_none() => self.skip_comment(),
                '\'' => {
                    self.open();
                    self.i += 1;
                    let mut closed = false;
                    while let Some(c) = self.peek(0) {
                        self.i += 1;
                        if c == '\'' {
                            closed = true;
                            break;
                        }
                        self.push(c);
                    }
                    if !closed {
                        self.unterminated(here, "single quote");
                    }
                }
                '"' => {
                    self.open();
                    self.i += 1;
                    self.bash_double(here);
                }
                '$' => self.bash_dollar(here),
                '`' => {
                    self.expansion(here, "A backtick command substitution", "the shell");
                    self.keep_balanced('`', '`');
                }
                ';' | '&' | '|' => {
                    let double = self.peek(1) == Some(c);
                    self.i += if double { 2 } else { 1 };
                    self.end_segment(c == '|' && !double);
                }
                '>' => {
                    self.end_word();
                    self.i += if self.peek(1) == Some('>') { 2 } else { 1 };
                    self.redirect_next = true;
                }
                '<' if self.peek(1) == Some('<') && self.peek(2) != Some('<') => {
                    self.end_word();
                    self.i += 2;
                    let strip = self.peek(0) == Some('-');
                    if strip {
                        self.i += 1;
                    }
                    while matches!(self.peek(0), Some(' ' | '\t')) {
                        self.i += 1;
                    }
                    self.heredoc_next = Some(strip);
                }
                '<' | '(' | ')' => {
                    self.report(
                        Severity::Warning,
                        here,
                        format!(
                            "The shell reads an unquoted {c:?} as an operator; it is ignored here."
                        ),
                    );
                    self.end_word();
                    self.i += 1;
                }
                '*' | '?' | '[' => {
                    self.report(
                        Severity::Warning,
                        here,
                        format!("An unquoted {c:?} is a file-name pattern the shell may expand."),
                    );
                    self.push(c);
                    self.i += 1;
                }
                '~' if self.word.is_none() => {
                    self.report(
                        Severity::Warning,
                        here,
                        "A leading ~ is replaced by the home folder by the shell.",
                    );
                    self.push(c);
                    self.i += 1;
                }
                _ => {
                    self.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// Inside `"…"` (the opening quote consumed).
    fn bash_double(&mut self, start: usize) {
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            match c {
                '"' => {
                    self.i += 1;
                    return;
                }
                '\\' => match self.peek(1) {
                    Some('\n') => self.i += 2,
                    Some(next @ ('$' | '`' | '"' | '\\')) => {
                        self.push(next);
                        self.i += 2;
                    }
                    _ => {
                        self.push('\\');
                        self.i += 1;
                    }
                },
                '$' if self.peek(1).is_some_and(|n| {
                    n == '('
                        || n == '{'
                        || is_name_start(n)
                        || "?#@*!$-".contains(n)
                        || n.is_ascii_digit()
                }) =>
                {
                    self.bash_dollar(here);
                }
                '`' => {
                    self.expansion(here, "A backtick command substitution", "the shell");
                    self.keep_balanced('`', '`');
                }
                _ => {
                    self.push(c);
                    self.i += 1;
                }
            }
        }
        self.unterminated(start, "double quote");
    }

    /// At an unquoted (or double-quoted) `$`.
    fn bash_dollar(&mut self, here: usize) {
        match self.peek(1) {
            Some('\'') => {
                self.open();
                self.i += 2;
                self.ansi_c(here);
            }
            Some('"') => {
                // $"…" is a translatable string: read as a double-quoted one.
                self.open();
                self.i += 2;
                self.bash_double(here);
            }
            _ => self.dollar_kept(here, "the shell", "A $(…) command substitution", "?#@*!$-"),
        }
    }

    /// At a `$` that starts an expansion (or is a plain `$`): warn and keep it as written.
    /// `specials` are the one-character variable names of that shell.
    fn dollar_kept(&mut self, here: usize, shell: &str, parenthesized: &str, specials: &str) {
        let closing = match self.peek(1) {
            Some('(') => {
                self.expansion(here, parenthesized, shell);
                Some(('(', ')'))
            }
            Some('{') => {
                self.expansion(here, "A ${…} variable", shell);
                Some(('{', '}'))
            }
            Some(n) if is_name_start(n) || n.is_ascii_digit() || specials.contains(n) => {
                self.expansion(here, "A $ variable", shell);
                None
            }
            _ => None,
        };
        self.push('$');
        self.i += 1;
        if let Some((open, close)) = closing {
            self.keep_balanced(open, close);
        }
    }

    /// Inside `$'…'` (the opening consumed): ANSI-C escapes.
    fn ansi_c(&mut self, start: usize) {
        while let Some(c) = self.peek(0) {
            self.i += 1;
            match c {
                '\'' => return,
                '\\' => {
                    let Some(e) = self.peek(0) else { break };
                    self.i += 1;
                    let simple = match e {
                        'n' => Some('\n'),
                        't' => Some('\t'),
                        'r' => Some('\r'),
                        'a' => Some('\u{7}'),
                        'b' => Some('\u{8}'),
                        'e' | 'E' => Some('\u{1b}'),
                        'f' => Some('\u{c}'),
                        'v' => Some('\u{b}'),
                        '\\' | '\'' | '"' | '?' => Some(e),
                        _ => None,
                    };
                    if let Some(ch) = simple {
                        self.push(ch);
                        continue;
                    }
                    match e {
                        '0'..='7' => {
                            let mut value = e.to_digit(8).unwrap_or(0);
                            for _ in 0..2 {
                                match self.peek(0).and_then(|d| d.to_digit(8)) {
                                    Some(d) => {
                                        value = value * 8 + d;
                                        self.i += 1;
                                    }
                                    None => break,
                                }
                            }
                            self.push_byte_char(value);
                        }
                        'x' => {
                            let value = self.hex_digits(2);
                            match value {
                                Some(v) => self.push_byte_char(v),
                                None => self.push_str("\\x"),
                            }
                        }
                        'u' | 'U' => {
                            let max = if e == 'u' { 4 } else { 8 };
                            if let Some(ch) = self.hex_digits(max).and_then(char::from_u32) {
                                self.push(ch);
                            } else {
                                self.push('\\');
                                self.push(e);
                            }
                        }
                        'c' => {
                            if let Some(ctl) = self.peek(0) {
                                self.i += 1;
                                let code = u32::from(ctl) & 0x1f;
                                self.push(char::from_u32(code).unwrap_or('?'));
                            }
                        }
                        other => {
                            self.push('\\');
                            self.push(other);
                        }
                    }
                }
                other => self.push(other),
            }
        }
        self.unterminated(start, "$'…' quote");
    }

    /// A byte from an octal or `\x` escape: ASCII as is; others are not valid UTF-8 alone and
    /// become U+FFFD, as a UTF-8 terminal would show them.
    fn push_byte_char(&mut self, value: u32) {
        let value = value & 0xff;
        let ch = if value < 0x80 {
            char::from_u32(value).unwrap_or('\u{fffd}')
        } else {
            '\u{fffd}'
        };
        self.push(ch);
    }

    fn hex_digits(&mut self, max: usize) -> Option<u32> {
        let mut value: u32 = 0;
        let mut n = 0;
        while n < max {
            let Some(d) = self.peek(0).and_then(|c| c.to_digit(16)) else {
                break;
            };
            value = value.wrapping_mul(16).wrapping_add(d);
            self.i += 1;
            n += 1;
        }
        (n > 0).then_some(value)
    }

    /// After a newline: the body of a pending `<<DELIM` here-document.
    fn read_heredoc_body(&mut self) {
        let Some((delimiter, strip)) = self.heredoc_pending.take() else {
            return;
        };
        let start = self.offset();
        let rest = &self.text[start.min(self.text.len())..];
        let mut body = String::new();
        let mut consumed = 0;
        let mut closed = false;
        for line in rest.split_inclusive('\n') {
            consumed += line.len();
            let bare = line.trim_end_matches(['\n', '\r']);
            let bare = if strip {
                bare.trim_start_matches('\t')
            } else {
                bare
            };
            if bare == delimiter {
                closed = true;
                break;
            }
            body.push_str(if strip {
                line.trim_start_matches('\t')
            } else {
                line
            });
        }
        if !closed {
            self.report(
                Severity::Error,
                start,
                format!("The here-document is never closed by a line \"{delimiter}\"."),
            );
        }
        let end = start + consumed;
        while self.offset() < end && self.i < self.chars.len() {
            self.i += 1;
        }
        if let Some(last) = self.segments.last_mut() {
            last.here = Some(body);
        }
    }

    // ---- PowerShell ---------------------------------------------------------------------

    fn powershell(&mut self) {
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            match c {
                ' ' | '\t' => {
                    self.end_word();
                    self.i += 1;
                }
                '\r' if self.peek(1) == Some('\n') => self.i += 1,
                '\n' => {
                    self.i += 1;
                    self.end_segment(false);
                }
                '`' => {
                    if let Some(n) = self.newline_len(1) {
                        self.i += 1 + n;
                    } else {
                        self.i += 1;
                        if let Some(next) = self.peek(0) {
                            self.push(next);
                            self.i += 1;
                        }
                    }
                }
                '#' if self.word.is_none() => self.skip_comment(),
                '<' if self.word.is_none() && self.peek(1) == Some('#') => {
                    if let Some(end) = self.text[here..].find("#>") {
                        while self.offset() < here + end + 2 && self.i < self.chars.len() {
                            self.i += 1;
                        }
                    } else {
                        self.unterminated(here, "<# comment");
                        self.i = self.chars.len();
                    }
                }
                '@' if self.word.is_none()
                    && matches!(self.peek(1), Some('\'' | '"'))
                    && self.newline_len(2).is_some() =>
                {
                    self.here_string(here);
                }
                c if is_ps_single(c) => {
                    self.open();
                    self.i += 1;
                    self.ps_single(here);
                }
                c if is_ps_double(c) => {
                    self.open();
                    self.i += 1;
                    self.ps_double(here);
                }
                '$' => self.ps_dollar(here),
                ';' => {
                    self.i += 1;
                    self.end_segment(false);
                }
                '|' | '&' if self.peek(1) == Some(c) => {
                    self.i += 2;
                    self.end_segment(false);
                }
                '|' => {
                    self.i += 1;
                    self.end_segment(true);
                }
                '&' if self.word.is_none() && self.segment.words.is_empty() => {
                    // The call operator: `& aws …` runs aws.
                    self.i += 1;
                }
                '>' => {
                    self.end_word();
                    self.i += if self.peek(1) == Some('>') { 2 } else { 1 };
                    self.redirect_next = true;
                }
                '(' | ')' | '{' | '}' if self.word.is_none() => {
                    self.report(
                        Severity::Warning,
                        here,
                        format!("PowerShell reads an unquoted {c:?} as an expression; it is ignored here."),
                    );
                    self.i += 1;
                }
                _ => {
                    self.push(c);
                    self.i += 1;
                }
            }
        }
    }

    /// Inside '…' (opening consumed): a doubled quote is one quote; all four single-quote
    /// characters PowerShell knows open, close and double.
    fn ps_single(&mut self, start: usize) {
        while let Some(c) = self.peek(0) {
            self.i += 1;
            if is_ps_single(c) {
                match self.peek(0) {
                    Some(n) if is_ps_single(n) => {
                        self.push(n);
                        self.i += 1;
                    }
                    _ => return,
                }
            } else {
                self.push(c);
            }
        }
        self.unterminated(start, "single quote");
    }

    /// Inside "…" (opening consumed): backtick escapes, doubled quotes, `$` expansions.
    fn ps_double(&mut self, start: usize) {
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            if is_ps_double(c) {
                self.i += 1;
                match self.peek(0) {
                    Some(n) if is_ps_double(n) => {
                        self.push(n);
                        self.i += 1;
                    }
                    _ => return,
                }
                continue;
            }
            match c {
                '`' => {
                    self.i += 1;
                    self.ps_escape();
                }
                '$' => self.ps_dollar(here),
                _ => {
                    self.push(c);
                    self.i += 1;
                }
            }
        }
        self.unterminated(start, "double quote");
    }

    /// After a backtick inside double quotes.
    fn ps_escape(&mut self) {
        let Some(e) = self.peek(0) else {
            return;
        };
        self.i += 1;
        let ch = match e {
            '0' => '\0',
            'a' => '\u{7}',
            'b' => '\u{8}',
            'e' => '\u{1b}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\u{b}',
            'u' if self.peek(0) == Some('{') => {
                self.i += 1;
                let value = self.hex_digits(6);
                if self.peek(0) == Some('}') {
                    self.i += 1;
                }
                value.and_then(char::from_u32).unwrap_or('\u{fffd}')
            }
            other => other,
        };
        self.push(ch);
    }

    /// At `$` (unquoted or inside "…").
    fn ps_dollar(&mut self, here: usize) {
        self.dollar_kept(here, "PowerShell", "A $(…) subexpression", "?^$");
    }

    /// `@'` + newline … newline + `'@`: the body becomes the segment's here-string.
    fn here_string(&mut self, start: usize) {
        let quote = self.peek(1).unwrap_or('\'');
        self.i += 2;
        self.i += self.newline_len(0).unwrap_or(0);
        let body_start = self.offset();
        let rest = &self.text[body_start.min(self.text.len())..];
        let terminator = format!("{quote}@");
        let mut body = String::new();
        let mut consumed = 0;
        let mut closed = false;
        for line in rest.split_inclusive('\n') {
            if line.starts_with(&terminator) {
                consumed += terminator.len();
                closed = true;
                break;
            }
            consumed += line.len();
            body.push_str(line);
        }
        if !closed {
            self.unterminated(start, "here-string");
        }
        // The newline before the closing '@ is not part of the string.
        if body.ends_with('\n') {
            body.pop();
            if body.ends_with('\r') {
                body.pop();
            }
        }
        if quote == '"' && body.contains('$') {
            self.expansion(start, "A $ inside @\"…\"@", "PowerShell");
        }
        let end = body_start + consumed;
        while self.offset() < end && self.i < self.chars.len() {
            self.i += 1;
        }
        self.segment.here = Some(body);
    }

    // ---- cmd.exe ------------------------------------------------------------------------

    #[expect(
        clippy::too_many_lines,
        reason = "one arm per character cmd treats specially reads best as one table"
    )]
    fn cmd(&mut self) {
        // cmd's own pass: `^` escapes and operators outside quotes, `%VAR%` everywhere. What is
        // left is each program's command line, which the C runtime then splits.
        let mut line: Vec<(usize, char)> = Vec::new();
        let mut quoted = false;
        let mut at_line_start = true;
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            if at_line_start {
                let rest = self.text[here..].trim_start_matches([' ', '\t']);
                let lower = rest.get(..4).unwrap_or(rest).to_ascii_lowercase();
                if rest.starts_with("::") || lower == "rem " || lower == "rem\t" {
                    self.skip_comment();
                    continue;
                }
                if c == '@' {
                    self.i += 1;
                    continue;
                }
                if c != ' ' && c != '\t' {
                    at_line_start = false;
                }
            }
            match c {
                '\r' if self.peek(1) == Some('\n') => self.i += 1,
                '\n' => {
                    self.i += 1;
                    if quoted {
                        self.report(
                            Severity::Error,
                            here,
                            "A double quote is still open at the end of the line; cmd ends \
                             the command here.",
                        );
                    }
                    self.cmd_split(&line, false);
                    line.clear();
                    quoted = false;
                    at_line_start = true;
                }
                '"' => {
                    quoted = !quoted;
                    line.push((here, c));
                    self.i += 1;
                }
                '%' => {
                    let rest = &self.text[here + 1..];
                    let name_len = rest
                        .find('%')
                        .filter(|&n| n > 0 && rest[..n].chars().all(|ch| !ch.is_whitespace()));
                    if let Some(n) = name_len {
                        self.expansion(here, "A %VAR% variable", "cmd");
                        for (k, ch) in self.text[here..here + n + 2].char_indices() {
                            line.push((here + k, ch));
                        }
                        let end = here + n + 2;
                        while self.offset() < end && self.i < self.chars.len() {
                            self.i += 1;
                        }
                    } else {
                        line.push((here, c));
                        self.i += 1;
                    }
                }
                '^' if !quoted => {
                    // After a continuation, the first character of the next line is literal.
                    self.i += 1 + self.newline_len(1).unwrap_or(0);
                    if let Some(next) = self.peek(0)
                        && next != '\n'
                        && next != '\r'
                    {
                        line.push((self.offset(), next));
                        self.i += 1;
                    }
                }
                '&' | '|' if !quoted => {
                    let double = self.peek(1) == Some(c);
                    self.i += if double { 2 } else { 1 };
                    self.cmd_split(&line, c == '|' && !double);
                    line.clear();
                    at_line_start = true;
                }
                '<' | '>' if !quoted => {
                    self.report(
                        Severity::Warning,
                        here,
                        format!(
                            "cmd reads an unquoted {c:?} as a redirection; it is ignored here."
                        ),
                    );
                    self.i += 1;
                    line.push((here, ' '));
                }
                _ => {
                    line.push((here, c));
                    self.i += 1;
                }
            }
        }
        if quoted {
            let open = line
                .iter()
                .rev()
                .find(|&&(_, c)| c == '"')
                .map_or(self.text.len(), |&(o, _)| o);
            self.unterminated(open, "double quote");
        }
        self.cmd_split(&line, false);
    }

    /// The C runtime's rules for one command line: white space splits outside quotes;
    /// `2n` backslashes before `"` give `n` and the quote toggles; `2n+1` give `n` and a
    /// literal quote; other backslashes are literal; `""` inside quotes is one quote.
    fn cmd_split(&mut self, line: &[(usize, char)], next_piped: bool) {
        let mut i = 0;
        let mut quoted = false;
        while i < line.len() {
            let (offset, c) = line[i];
            match c {
                ' ' | '\t' if !quoted => {
                    self.end_word();
                    i += 1;
                }
                '\\' => {
                    let run = line[i..].iter().take_while(|&&(_, ch)| ch == '\\').count();
                    self.open_at(offset);
                    if line.get(i + run).is_some_and(|&(_, ch)| ch == '"') {
                        self.push_str(&"\\".repeat(run / 2));
                        if run % 2 == 1 {
                            self.push('"');
                            i += run + 1;
                        } else {
                            i += run;
                        }
                    } else {
                        self.push_str(&"\\".repeat(run));
                        i += run;
                    }
                }
                '"' => {
                    self.open_at(offset);
                    if quoted && line.get(i + 1).is_some_and(|&(_, ch)| ch == '"') {
                        self.push('"');
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i += 1;
                    }
                }
                _ => {
                    self.open_at(offset);
                    self.push(c);
                    i += 1;
                }
            }
        }
        self.end_segment(next_piped);
    }

    fn open_at(&mut self, offset: usize) {
        if self.word.is_none() {
            self.word = Some(Word {
                text: String::new(),
                start: offset,
            });
        }
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

/// The single-quote characters PowerShell treats alike.
fn is_ps_single(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// The double-quote characters PowerShell treats alike.
fn is_ps_double(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

// ---------------------------------------------------------------------------------------------
// Step 2: the CLI's reading of the words.

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

/// Reads the words of the `aws` command into a form, the way the CLI would.
fn interpret(
    words: &[Word],
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
    words: &'a [Word],
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
        format!("word {} \"{}\"", index + 1, shown(&self.words[index].text))
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
        if self.words.first().is_some_and(|w| is_aws(&w.text)) {
            i = 1;
        }
        let mut after_double_dash = false;
        let mut last_flag: Option<Target> = None;
        while i < self.words.len() {
            let text = self.words[i].text.clone();
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
                    Some(next) if !looks_like_option(&next.text) && next.text != "--" => {
                        i += 1;
                        (next.text.clone(), i - 1)
                    }
                    _ => {
                        let hint = match self.words.get(i) {
                            Some(next) => format!(
                                " A value that starts with a dash must be written {}={}.",
                                target.spelling(),
                                next.text
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
        let text = self.words[index].text.clone();
        if !forced {
            if self.positionals == 0 && text == "sms" {
                self.positionals = 1;
                return;
            }
            if self.positionals <= 1 && text == "create-replication-job" {
                self.positionals = 2;
                return;
            }
            if self.positionals == 1 {
                self.positionals = 2;
                self.error(
                    index,
                    None,
                    format!(
                        "This tool imports sms create-replication-job, not sms {}.",
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
            None => String::new(),
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
            && !looks_like_option(&word.text)
        {
            next += 1;
            if !CHOICES.contains(&word.text.as_str()) {
                self.error(
                    next - 1,
                    None,
                    format!(
                        "--generate-cli-skeleton takes {}; the CLI refuses \"{}\".",
                        CHOICES.join(", "),
                        shown(&word.text)
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
                let before = self.form.get(p.flag).to_owned();
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
                self.form.set(p.flag, value);
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
            self.form.set(p.flag, "");
            return;
        }
        if self.form.is_set(p.flag) {
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
        self.form.set(p.flag, text);
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
    use proptest::prelude::*;

    /// The argv one shell makes of a text (all segments' words, joined by ` | `).
    fn argv(text: &str, shell: Shell) -> (Vec<String>, Vec<String>) {
        let mut diags = Vec::new();
        let segments = words(text, shell, &mut diags);
        let mut out = Vec::new();
        for (i, s) in segments.iter().enumerate() {
            if i > 0 {
                out.push("|".to_owned());
            }
            out.extend(s.words.iter().map(|w| w.text.clone()));
        }
        let diags = diags
            .iter()
            .map(|d| format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message))
            .collect();
        (out, diags)
    }

    fn check_argv(text: &str, shell: Shell, expected: &[&str]) {
        let (got, diags) = argv(text, shell);
        assert_eq!(got, expected, "{text:?} in {shell:?}: {diags:?}");
    }

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

    fn one(flag: &str, value: &str) -> Form {
        Form::new().with(flag, value)
    }

    const CMD: &str = "aws sms create-replication-job --server-id s-1 ";

    #[test]
    fn bash_quoting() {
        check_argv(
            r#"a 'b c' "d \"e\" \$f \x" g\ h 'it'\''s' $'t\tu\x41\u00e9\101\'' "" '' i#j # comment"#,
            Shell::Bash,
            &[
                "a",
                "b c",
                "d \"e\" $f \\x",
                "g h",
                "it's",
                "t\tuAé\u{41}'",
                "",
                "",
                "i#j",
            ],
        );
        check_argv("a \\\n  b\\\r\n c", Shell::Bash, &["a", "b", "c"]);
        check_argv(
            "a; b && c | d\ne",
            Shell::Bash,
            &["a", "|", "b", "|", "c", "|", "d", "|", "e"],
        );
        check_argv("a $'\\e\\cA\\?'", Shell::Bash, &["a", "\u{1b}\u{1}?"]);
    }

    #[test]
    fn bash_expansions_are_kept_and_reported() {
        let (got, diags) = argv(
            r#"a $(echo "x y") "${HOME}" `id` $V 'q$(z)' b*"#,
            Shell::Bash,
        );
        assert_eq!(
            got,
            [
                "a",
                "$(echo \"x y\")",
                "${HOME}",
                "`id`",
                "$V",
                "q$(z)",
                "b*"
            ]
        );
        assert_eq!(diags.len(), 5, "{diags:#?}");
        assert!(diags[0].starts_with("line 1, column 3: A $(…) command substitution"));
        assert!(diags[1].starts_with("line 1, column 18: A ${…} variable"));
        assert!(diags[2].contains("column 27: A backtick"));
        assert!(diags[3].contains("column 32: A $ variable"));
        assert!(diags[4].contains("column 44: An unquoted '*'"));
    }

    #[test]
    fn unterminated_quotes_are_reported_where_they_open() {
        for (text, shell, expect) in [
            (
                "a 'b",
                Shell::Bash,
                "line 1, column 3: This single quote is never closed",
            ),
            (
                "a\n  \"b",
                Shell::Bash,
                "line 2, column 3: This double quote is never closed",
            ),
            (
                "a $'b",
                Shell::Bash,
                "line 1, column 3: This $'…' quote is never closed",
            ),
            (
                "a 'b",
                Shell::PowerShell,
                "line 1, column 3: This single quote is never closed",
            ),
            (
                "a \"b",
                Shell::PowerShell,
                "line 1, column 3: This double quote is never closed",
            ),
            (
                "a \"b",
                Shell::Cmd,
                "line 1, column 3: This double quote is never closed",
            ),
        ] {
            let (_, diags) = argv(text, shell);
            assert_eq!(diags.len(), 1, "{text:?}: {diags:?}");
            assert!(diags[0].starts_with(expect), "{text:?}: {diags:?}");
        }
    }

    #[test]
    fn powershell_quoting() {
        check_argv(
            "a 'it''s' \u{2018}x\u{2019}\u{2019}y\u{201B} \"q`\"`t`u{e9}``$\" \"a\"\"b\" c` d",
            Shell::PowerShell,
            &["a", "it's", "x\u{2019}y", "q\"\té`$", "a\"b", "c d"],
        );
        check_argv(
            "a `\n  b `\r\n c # note",
            Shell::PowerShell,
            &["a", "b", "c"],
        );
        check_argv("& aws <# x #> sms", Shell::PowerShell, &["aws", "sms"]);
        let (got, diags) = argv("a \"$env:X and $(y)\" $z", Shell::PowerShell);
        assert_eq!(got, ["a", "$env:X and $(y)", "$z"]);
        assert_eq!(diags.len(), 3, "{diags:?}");
    }

    #[test]
    fn cmd_quoting() {
        check_argv(
            r#"a "b c" "d \"e\" f" g\\"h i" j\k x^&y "^&" "p""q" r^"s"#,
            Shell::Cmd,
            &[
                "a",
                "b c",
                "d \"e\" f",
                "g\\h i",
                "j\\k",
                "x&y",
                "^&",
                "p\"q",
                "rs",
            ],
        );
        check_argv("a ^\n  b ^\r\n c", Shell::Cmd, &["a", "b", "c"]);
        check_argv(
            "a & b | c\nrem x\n:: y\n@d",
            Shell::Cmd,
            &["a", "|", "b", "|", "c", "|", "d"],
        );
        let (got, diags) = argv("a %PATH% \"%X%\" 50%", Shell::Cmd);
        assert_eq!(got, ["a", "%PATH%", "%X%", "50%"]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].starts_with("line 1, column 3: A %VAR% variable"));
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
        ] {
            assert_eq!(detect_shell(text), shell, "{text:?}");
        }
    }

    #[test]
    fn reads_every_option_kind() {
        let text = "aws sms create-replication-job \\\n  --server-id s-1234abcd \\\n  --seed-replication-time 2026-11-25T10:00:00Z \\\n  --frequency 12 --run-once --license-type AWS --role-name sms \\\n  --description 'a b' --number-of-recent-amis-to-keep -3 --no-encrypted \\\n  --kms-key-id alias/x --region us-east-1 --debug --no-cli-pager --cli-read-timeout=0";
        let form = Form::new()
            .with("server-id", "s-1234abcd")
            .with("seed-replication-time", "2026-11-25T10:00:00Z")
            .with("frequency", "12")
            .with("run-once", "true")
            .with("license-type", "AWS")
            .with("role-name", "sms")
            .with("description", "a b")
            .with("number-of-recent-amis-to-keep", "-3")
            .with("encrypted", "false")
            .with("kms-key-id", "alias/x")
            .with("region", "us-east-1")
            .with("debug", "true")
            .with("no-cli-pager", "true")
            .with("cli-read-timeout", "0");
        check(text, None, &form, &[]);
    }

    #[test]
    fn abbreviations_follow_argparse() {
        check(
            "aws sms create-replication-job --ser s-1 --see 2026 --fr 1 --num 2 --enc --no-r --desc x",
            None,
            &Form::new()
                .with("server-id", "s-1")
                .with("seed-replication-time", "2026")
                .with("frequency", "1")
                .with("number-of-recent-amis-to-keep", "2")
                .with("encrypted", "true")
                .with("run-once", "false")
                .with("description", "x"),
            &[],
        );
        check(
            "--en https://x --r eu-west-1 --de",
            None,
            &Form::new()
                .with("endpoint-url", "https://x")
                .with("region", "eu-west-1")
                .with("debug", "true"),
            &[],
        );
        check(
            &format!("{CMD}--no --s x --cli-i {{}}"),
            None,
            &one("server-id", "s-1"),
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
            None,
            &one("server-id", "s-1"),
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
            None,
            &Form::new()
                .with("server-id", "s-1")
                .with("run-once", "false")
                .with("encrypted", "true"),
            &["word 7 \"--no-run-once\": --no-run-once comes later and wins"],
        );
        check(
            &format!("{CMD}--run-once=true --encrypted false"),
            None,
            &Form::new()
                .with("server-id", "s-1")
                .with("encrypted", "true"),
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
            None,
            &Form::new()
                .with("server-id", "s-1")
                .with("frequency", "-1")
                .with("description", "-x y")
                .with("role-name", "-")
                .with("kms-key-id", "--x")
                .with("number-of-recent-amis-to-keep", "-.5"),
            &["word 14 \"-.5\": --number-of-recent-amis-to-keep must be a whole number"],
        );
        check(
            &format!("{CMD}--description -x --role-name --region r --frequency"),
            None,
            &Form::new().with("server-id", "s-1").with("region", "r"),
            &[
                "word 6 \"--description\": --description expects one argument; the CLI refuses the command. A value that starts with a dash must be written --description=-x.",
                "word 7 \"-x\": The CLI refuses the stray word",
                "word 8 \"--role-name\": --role-name expects one argument",
                "word 11 \"--frequency\": --frequency expects one argument; the CLI refuses the command.",
            ],
        );
        check(
            &format!("{CMD}--description=-- -- --frequency 1"),
            None,
            &one("server-id", "s-1"),
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
            None,
            &Form::new()
                .with("server-id", "s-2")
                .with("role-name", "file://r.txt")
                .with("frequency", "10")
                .with("number-of-recent-amis-to-keep", "abc"),
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
            None,
            &one("server-id", "s-1"),
            &[
                "word 2 \"--no-verify-ssl\": --no-verify-ssl is a CLI option this tool does not model",
                "word 3 \"--color\": --color is a CLI option this tool does not model",
                "word 9 \"extra\": The CLI refuses the stray word \"extra\"",
                "word 10 \"--version\": With --version the CLI only prints",
            ],
        );
        check(
            "aws sms get-servers --server-id s-1",
            None,
            &one("server-id", "s-1"),
            &[
                "word 3 \"get-servers\": This tool imports sms create-replication-job, not sms get-servers.",
            ],
        );
        check(
            "aws sms create-replication-job --generate-cli-skeleton yaml-input --server-id s-1",
            None,
            &one("server-id", "s-1"),
            &[
                "word 4 \"--generate-cli-skeleton\": With --generate-cli-skeleton the CLI only prints",
            ],
        );
    }

    #[test]
    fn cli_input_documents_are_overridden_by_options() {
        check(
            r#"aws sms create-replication-job --description cli --cli-input-json '{"serverId": "s-1", "description": "json", "frequency": 2}' --frequency 3"#,
            None,
            &Form::new()
                .with("server-id", "s-1")
                .with("description", "cli")
                .with("frequency", "3"),
            &[],
        );
        check(
            "aws sms create-replication-job --cli-input-yaml 'serverId: s-1\nbogus: 1' --region r",
            None,
            &Form::new().with("server-id", "s-1").with("region", "r"),
            &[
                "word 4 \"--cli-input-yaml\": --cli-input-yaml exists in AWS CLI v2 only.",
                "word 5 \"serverId: s-1·bogus: 1\", key \"bogus\": --cli-input-yaml has no member \"bogus\"",
            ],
        );
        check(
            "aws sms create-replication-job --cli-input-json file://job.json --server-id s-1",
            None,
            &one("server-id", "s-1"),
            &[
                "word 5 \"file://job.json\": The values are in the file job.json, which cannot be read from here: paste its contents too.",
            ],
        );
        check(
            "aws sms create-replication-job --cli-input-json '{}' --cli-input-yaml 'a: 1'",
            None,
            &Form::new(),
            &["word 6 \"--cli-input-yaml\": Only one of --cli-input-json and --cli-input-yaml"],
        );
    }

    #[test]
    fn files_the_command_writes_are_read() {
        let powershell = "@'\n{\n    \"serverId\": \"s-1\",\n    \"description\": \"it's \\\"here\\\"\"\n}\n'@ | Set-Content -Encoding ascii create-replication-job.json\naws sms create-replication-job --cli-input-json file://create-replication-job.json --region us-east-1\n";
        let expected = Form::new()
            .with("server-id", "s-1")
            .with("description", "it's \"here\"")
            .with("region", "us-east-1");
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
            &one("server-id", "s-1"),
            &["line 1, column 1: Another command (\"export\") is ignored."],
        );
        check("", None, &Form::new(), &["-: No command found"]);
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
