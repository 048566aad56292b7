//! The first step of reading a command: the pasted text split into simple commands and their
//! words, by the rules of one shell, the way that shell would before it runs anything.
//!
//! Each shell has its own module: [`bash`] (bash, zsh, POSIX sh), [`powershell`] and [`cmd`]
//! (cmd.exe's own `^` and quote handling, then the C runtime's argument splitting that
//! `aws.exe` applies). They share the state kept here: the word being built, the simple
//! command ([`Segment`]) being built, and the notes. Nothing is ever run or expanded: `$(…)`,
//! `$VAR`, backticks and `%VAR%` are kept as written and reported, because the user's shell
//! would replace them; a command substitution also remembers where its inner text is
//! ([`Substitution`]), so that the finder can read a command written inside one.
//!
//! Every note remembers the byte offset it is about, so that the finder can drop the notes
//! about the parts of the text it does not read.

mod bash;
mod cmd;
mod powershell;

use std::ops::Range;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::import::line_column;
use crate::core::render::Shell;

/// One word after the shell's quoting is undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// The word as the program receives it.
    pub text: String,
    /// Byte offset in the pasted text where the word starts.
    pub start: usize,
    /// The command substitutions written in it, in order.
    pub substitutions: Vec<Substitution>,
}

/// A `$(…)` or `` `…` `` kept inside a word: the shell would run its inner text first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Substitution {
    /// How it is written.
    pub kind: SubstitutionKind,
    /// Byte offset of its `$` or opening backtick.
    pub start: usize,
    /// Byte range of the text between its delimiters.
    pub inner: Range<usize>,
}

/// The spellings of a command substitution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SubstitutionKind {
    /// `$(…)` (bash) or a `$(…)` subexpression (PowerShell).
    Dollar,
    /// `` `…` `` (bash).
    Backtick,
}

impl SubstitutionKind {
    /// How messages name it.
    pub fn name(self) -> &'static str {
        match self {
            SubstitutionKind::Dollar => "inside `$(…)`",
            SubstitutionKind::Backtick => "inside backticks (`…`)",
        }
    }
}

/// One simple command: its words, plus what a file-writing command needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Segment {
    /// The words, after quoting is undone.
    pub words: Vec<Word>,
    /// Where `>` sends the output.
    pub redirect: Option<String>,
    /// The body of a `<<EOF` here-document or a PowerShell here-string.
    pub here: Option<String>,
    /// The command receives the previous one's output through `|`.
    pub piped: bool,
    /// The byte range of the text this command was read from (up to the next one).
    pub span: Range<usize>,
}

/// A note of the lexer, with the byte offset it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Note {
    /// Where in the pasted text.
    pub offset: usize,
    /// What is said.
    pub diagnostic: Diagnostic,
}

/// What a lexer makes of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Lexed {
    /// The simple commands, in order.
    pub segments: Vec<Segment>,
    /// Every note, in order of reading.
    pub notes: Vec<Note>,
}

/// Splits `range` of `text` into simple commands and their words, by one shell's rules.
/// Offsets stay those of `text`; messages name lines and columns of `shown` (the text as
/// pasted, of which `text` is a copy with the same byte offsets, prompts blanked out).
pub(super) fn lex(text: &str, shown: &str, range: Range<usize>, shell: Shell) -> Lexed {
    let mut lexer = Lexer::new(text, shown, range);
    match shell {
        Shell::Bash => lexer.bash(),
        Shell::PowerShell => lexer.powershell(),
        Shell::Cmd => lexer.cmd(),
    }
    lexer.end_segment(false);
    Lexed {
        segments: lexer.segments,
        notes: lexer.notes,
    }
}

/// Shared state of the three shell lexers.
struct Lexer<'t> {
    text: &'t str,
    shown: &'t str,
    chars: Vec<(usize, char)>,
    /// Where the range read ends.
    end: usize,
    i: usize,
    word: Option<Word>,
    segment: Segment,
    segment_start: usize,
    segments: Vec<Segment>,
    notes: Vec<Note>,
    /// The next finished word is a `>` target, not an argument.
    redirect_next: bool,
    /// The next finished word is a `<<` delimiter (with `<<-`'s tab stripping).
    heredoc_next: Option<bool>,
    /// A here-document waiting for the end of the line: delimiter, strip tabs.
    heredoc_pending: Option<(String, bool)>,
    /// What has been explained already (each shell-dependent reading once per text).
    told: Vec<&'static str>,
}

impl<'t> Lexer<'t> {
    fn new(text: &'t str, shown: &'t str, range: Range<usize>) -> Self {
        let start = range.start.min(text.len());
        let end = range.end.clamp(start, text.len());
        let chars = text
            .get(start..end)
            .unwrap_or("")
            .char_indices()
            .map(|(o, c)| (o + start, c))
            .collect();
        Self {
            text,
            shown,
            chars,
            end,
            i: 0,
            word: None,
            segment: Segment::default(),
            segment_start: start,
            segments: Vec::new(),
            notes: Vec::new(),
            redirect_next: false,
            heredoc_next: None,
            heredoc_pending: None,
            told: Vec::new(),
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).map(|&(_, c)| c)
    }

    fn offset(&self) -> usize {
        self.chars.get(self.i).map_or(self.end, |&(o, _)| o)
    }

    /// The rest of the range read, from a byte offset.
    fn rest(&self, offset: usize) -> &'t str {
        self.text.get(offset.min(self.end)..self.end).unwrap_or("")
    }

    /// Moves on to the first character at or after a byte offset.
    fn skip_to(&mut self, offset: usize) {
        while self.offset() < offset && self.i < self.chars.len() {
            self.i += 1;
        }
    }

    fn at(&self, offset: usize) -> String {
        let (line, column) = line_column(self.shown, offset);
        format!("line {line}, column {column}")
    }

    fn report(&mut self, severity: Severity, offset: usize, message: impl Into<String>) {
        let diagnostic = Diagnostic::general(severity, message).at(self.at(offset));
        self.notes.push(Note { offset, diagnostic });
    }

    /// Makes sure a word is open (quotes open one even when empty).
    fn open(&mut self) {
        let start = self.offset();
        self.open_at(start);
    }

    fn open_at(&mut self, start: usize) {
        if self.word.is_none() {
            self.word = Some(Word {
                text: String::new(),
                start,
                substitutions: Vec::new(),
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
        let mut segment = std::mem::take(&mut self.segment);
        let end = self.offset();
        segment.span = self.segment_start..end;
        self.segment_start = end;
        if !segment.words.is_empty() || segment.here.is_some() || segment.redirect.is_some() {
            self.segments.push(segment);
        }
        self.segment.piped = next_piped;
    }

    /// At `>` (bash, PowerShell): `>`, `>>`, `N>`, `>&N`, `&>` send output elsewhere. A word
    /// of digits (or PowerShell's `*`) right before is the stream's number, not an argument;
    /// the word after is the file, not an argument either (`>&1` names a stream, no file).
    fn redirect_output(&mut self) {
        let stream = self.word.as_ref().is_some_and(|w| {
            w.substitutions.is_empty()
                && (w.text == "*"
                    || (!w.text.is_empty() && w.text.bytes().all(|b| b.is_ascii_digit())))
        });
        if stream {
            self.word = None;
        }
        self.end_word();
        self.i += 1;
        if self.peek(0) == Some('>') {
            self.i += 1;
        }
        if self.peek(0) == Some('&') {
            self.i += 1;
            while self.peek(0).is_some_and(|c| c.is_ascii_digit() || c == '-') {
                self.i += 1;
            }
            return;
        }
        self.redirect_next = true;
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

    /// At the opening `(` of a `$(…)`: keeps it and its contents as written, up to the
    /// matching `)`, skipping quoted parts (`'…'`, `"…"`, and `escape` before any character)
    /// so that a parenthesis inside quotes does not end it. Returns the inner byte range.
    fn keep_parenthesized(&mut self, escape: char) -> Range<usize> {
        self.push('(');
        self.i += 1;
        let inner_start = self.offset();
        let mut depth = 1_usize;
        let mut quote: Option<char> = None;
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            self.push(c);
            self.i += 1;
            match (quote, c) {
                (Some('\''), '\'') | (Some('"'), '"') => quote = None,
                (q, e) if e == escape && q != Some('\'') => {
                    if let Some(next) = self.peek(0) {
                        self.push(next);
                        self.i += 1;
                    }
                }
                (None, '\'' | '"') => quote = Some(c),
                (None, '(') => depth += 1,
                (None, ')') => {
                    depth -= 1;
                    if depth == 0 {
                        return inner_start..here;
                    }
                }
                _ => {}
            }
        }
        inner_start..self.end
    }

    /// Reads the rest of a `${…}` or `` `…` `` as written, keeping it literally; returns the
    /// byte range between the delimiters.
    fn keep_delimited(&mut self, open: char, close: char) -> Range<usize> {
        self.push(open);
        self.i += 1;
        let inner_start = self.offset();
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            self.push(c);
            self.i += 1;
            if c == close {
                return inner_start..here;
            }
            if c == '\\' && open == '`' {
                // Inside backticks a backslash escapes the closing one.
                if let Some(next) = self.peek(0) {
                    self.push(next);
                    self.i += 1;
                }
            }
        }
        inner_start..self.end
    }

    /// Records a command substitution in the word being built.
    fn substitution(&mut self, kind: SubstitutionKind, start: usize, inner: Range<usize>) {
        self.open_at(start);
        if let Some(w) = &mut self.word {
            w.substitutions.push(Substitution { kind, start, inner });
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

    /// At a `$` that starts an expansion (or is a plain `$`): warn and keep it as written.
    /// `specials` are the one-character variable names of that shell, `escape` its escape
    /// character (for skipping quoted parts of a `$(…)`).
    fn dollar_kept(
        &mut self,
        here: usize,
        shell: &str,
        parenthesized: &str,
        specials: &str,
        escape: char,
    ) {
        match self.peek(1) {
            Some('(') => {
                self.expansion(here, parenthesized, shell);
                self.push('$');
                self.i += 1;
                let inner = self.keep_parenthesized(escape);
                self.substitution(SubstitutionKind::Dollar, here, inner);
            }
            Some('{') => {
                self.expansion(here, "A ${…} variable", shell);
                self.push('$');
                self.i += 1;
                self.keep_delimited('{', '}');
            }
            Some(n) if is_name_start(n) || n.is_ascii_digit() || specials.contains(n) => {
                self.expansion(here, "A $ variable", shell);
                self.push('$');
                self.i += 1;
            }
            _ => {
                self.push('$');
                self.i += 1;
            }
        }
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

    /// True the first time a kind of explanation is asked for in this text.
    fn first_time(&mut self, what: &'static str) -> bool {
        if self.told.contains(&what) {
            return false;
        }
        self.told.push(what);
        true
    }

    /// Says once per text how a typographic quote was read: as a quote (PowerShell) or as a
    /// character of the word (bash, cmd), and what the other shells would do.
    fn typographic_quote(&mut self, offset: usize, c: char, shell: Shell) {
        if !self.first_time("typographic quote") {
            return;
        }
        let message = match shell {
            Shell::PowerShell => format!(
                "Read as PowerShell, which takes the typographic quote {c} as a quote, like {}; \
                 bash/zsh and cmd would keep it as a character of the value.",
                if is_typographic_double(c) { "\"" } else { "'" }
            ),
            Shell::Bash | Shell::Cmd => format!(
                "Read as {}, which keeps the typographic quote {c} as a character of the word; \
                 only PowerShell would take it as a quote. If a quote was meant (a word \
                 processor or chat may have changed it), type {} instead.",
                if shell == Shell::Bash {
                    "bash/zsh"
                } else {
                    "cmd"
                },
                if is_typographic_double(c) { "\"" } else { "'" }
            ),
        };
        self.report(Severity::Warning, offset, message);
    }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

/// The typographic quotes: PowerShell reads them as quotes, the other shells do not.
pub(super) fn is_typographic_quote(c: char) -> bool {
    matches!(
        c,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{201C}' | '\u{201D}' | '\u{201E}'
    )
}

fn is_typographic_double(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201D}' | '\u{201E}')
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The argv one shell makes of a text (all segments' words, joined by ` | `), and every
    /// note as `location: message`.
    pub fn argv(text: &str, shell: Shell) -> (Vec<String>, Vec<String>) {
        let lexed = lex(text, text, 0..text.len(), shell);
        let mut out = Vec::new();
        for (i, s) in lexed.segments.iter().enumerate() {
            if i > 0 {
                out.push("|".to_owned());
            }
            out.extend(s.words.iter().map(|w| w.text.clone()));
        }
        let notes = lexed
            .notes
            .iter()
            .map(|n| {
                let d = &n.diagnostic;
                format!("{}: {}", d.location.as_deref().unwrap_or("-"), d.message)
            })
            .collect();
        (out, notes)
    }

    pub fn check_argv(text: &str, shell: Shell, expected: &[&str]) {
        let (got, notes) = argv(text, shell);
        assert_eq!(got, expected, "{text:?} in {shell:?}: {notes:?}");
    }

    /// The inner texts of the substitutions of every word.
    pub fn substitutions(text: &str, shell: Shell) -> Vec<(SubstitutionKind, String)> {
        let lexed = lex(text, text, 0..text.len(), shell);
        lexed
            .segments
            .iter()
            .flat_map(|s| &s.words)
            .flat_map(|w| &w.substitutions)
            .map(|s| (s.kind, text[s.inner.clone()].to_owned()))
            .collect()
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
    fn a_range_is_read_alone_with_the_offsets_of_the_whole_text() {
        let text = "x=$(aws sms 'a b')";
        let lexed = lex(text, text, 4..17, Shell::Bash);
        let words: Vec<(&str, usize)> = lexed.segments[0]
            .words
            .iter()
            .map(|w| (w.text.as_str(), w.start))
            .collect();
        assert_eq!(words, [("aws", 4), ("sms", 8), ("a b", 12)]);
        assert_eq!(lexed.segments[0].span, 4..17);
    }

    #[test]
    fn segments_cover_the_text_in_order() {
        let text = "a b; c\nd | e";
        let lexed = lex(text, text, 0..text.len(), Shell::Bash);
        let spans: Vec<_> = lexed.segments.iter().map(|s| s.span.clone()).collect();
        assert_eq!(spans, [0..4, 4..7, 7..10, 10..12]);
        assert!(lexed.segments[3].piped);
    }

    #[test]
    fn notes_are_located_in_the_text_as_pasted() {
        // A blanked-out prompt keeps the offsets; the columns count the pasted characters.
        let shown = "é> a $V";
        let text = "   a $V";
        let lexed = lex(text, shown, 0..text.len(), Shell::Bash);
        assert_eq!(lexed.notes[0].offset, 5);
        assert_eq!(
            lexed.notes[0].diagnostic.location.as_deref(),
            Some("line 1, column 5")
        );
    }

    #[test]
    fn typographic_quotes_are_explained_once_by_each_shell() {
        for (shell, words, start) in [
            (
                Shell::PowerShell,
                &["a", "b c", "d"][..],
                "line 1, column 3: Read as PowerShell, which takes the typographic quote \u{201C} as a quote, like \"; bash/zsh and cmd would keep it as a character of the value.",
            ),
            (
                Shell::Bash,
                &["a", "\u{201C}b", "c\u{201D}", "\u{2018}d\u{2019}"][..],
                "line 1, column 3: Read as bash/zsh, which keeps the typographic quote \u{201C} as a character of the word; only PowerShell would take it as a quote. If a quote was meant (a word processor or chat may have changed it), type \" instead.",
            ),
            (
                Shell::Cmd,
                &["a", "\u{201C}b", "c\u{201D}", "\u{2018}d\u{2019}"][..],
                "line 1, column 3: Read as cmd, which keeps",
            ),
        ] {
            let text = "a \u{201C}b c\u{201D} \u{2018}d\u{2019}";
            let (got, notes) = argv(text, shell);
            assert_eq!(got, words, "{shell:?}");
            assert_eq!(notes.len(), 1, "{shell:?}: {notes:?}");
            assert!(notes[0].starts_with(start), "{shell:?}: {notes:?}");
        }
        // Inside ASCII quotes every shell keeps them, so there is nothing to say.
        for shell in [Shell::Bash, Shell::Cmd] {
            let (got, notes) = argv("a \"\u{201C}b\u{201D}\"", shell);
            assert_eq!(got, ["a", "\u{201C}b\u{201D}"], "{shell:?}");
            assert!(notes.is_empty(), "{shell:?}: {notes:?}");
        }
        let (got, notes) = argv(
            "a '\u{201C}b\u{201D}' 'it\u{2019}\u{2019}s'",
            Shell::PowerShell,
        );
        assert_eq!(got, ["a", "\u{201C}b\u{201D}", "it\u{2019}s"]);
        assert!(notes.is_empty(), "{notes:?}");
    }
}
