//! bash, zsh and POSIX sh: blanks split words; `'…'` keeps everything, `"…"` keeps all but
//! `$`, `` ` `` and `\`; `$'…'` has C escapes; `\` escapes one character and joins lines;
//! `;`, `&`, `&&`, `||` and `|` end a command; `<<EOF` here-documents are kept as the body of
//! the command that reads them. `$(…)` and backticks are kept as written and remembered as
//! substitutions. Typographic quotes are characters like any other here.

use super::{Lexer, SubstitutionKind, is_name_start, is_typographic_quote};
use crate::core::diagnostic::Severity;
use crate::core::render::Shell;

impl Lexer<'_> {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per character the shell treats specially reads best as one table"
    )]
    pub(super) fn bash(&mut self) {
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
                            if next.is_ascii_alphanumeric() {
                                self.backslash_dropped(here, next);
                            }
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
                    self.backtick(here);
                }
                '&' if self.peek(1) == Some('>') => {
                    // `&>file`: both streams to a file.
                    self.end_word();
                    self.i += 1;
                    self.redirect_output();
                }
                ';' | '&' | '|' => {
                    let double = self.peek(1) == Some(c);
                    self.i += if double { 2 } else { 1 };
                    self.end_segment(c == '|' && !double);
                }
                '>' => self.redirect_output(),
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
                // A subshell `( … )`: the parentheses only group.
                '(' if self.word.is_none() && self.segment.words.is_empty() => {
                    self.i += 1;
                    self.segment_start = self.offset();
                }
                ')' => {
                    self.i += 1;
                    self.end_segment(false);
                }
                '<' | '(' => {
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
                    if is_typographic_quote(c) {
                        self.typographic_quote(here, c, Shell::Bash);
                    }
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
                    self.backtick(here);
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
            _ => self.dollar_kept(
                here,
                "the shell",
                "A $(…) command substitution",
                "?#@*!$-",
                '\\',
            ),
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

    /// After a newline: the body of a pending `<<DELIM` here-document.
    fn read_heredoc_body(&mut self) {
        let Some((delimiter, strip)) = self.heredoc_pending.take() else {
            return;
        };
        let start = self.offset();
        let rest = self.rest(start);
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
        self.skip_to(start + consumed);
        self.segment_start = self.offset();
        if let Some(last) = self.segments.last_mut() {
            last.here = Some(body);
        }
    }

    /// An unquoted `\` before a letter or digit: bash drops it, the Windows shells keep it,
    /// which matters for Windows paths (`C:\jobs\job.json`). Said once per text.
    fn backslash_dropped(&mut self, offset: usize, next: char) {
        if self.first_time("backslash") {
            self.report(
                Severity::Warning,
                offset,
                format!(
                    "Read as bash/zsh, where an unquoted \\ is dropped and the next character \
                     kept (\\{next} is {next}); cmd and PowerShell would keep the backslash. If \
                     this is a Windows path, put it in quotes or write / instead."
                ),
            );
        }
    }

    /// At an opening backtick (unquoted or inside `"…"`).
    fn backtick(&mut self, here: usize) {
        self.expansion(here, "A backtick command substitution", "the shell");
        let inner = self.keep_delimited('`', '`');
        self.substitution(SubstitutionKind::Backtick, here, inner);
    }
}

#[cfg(test)]
mod tests {
    use super::super::SubstitutionKind;
    use super::super::tests::{argv, check_argv, substitutions};
    use super::*;

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
    fn substitutions_are_remembered_with_their_inner_text() {
        assert_eq!(
            substitutions(
                "id=$(aws sms --d 'a)b' \"c)\" \\) $(x)) \"`y \\` z`\" ${V} $((1+2))",
                Shell::Bash
            ),
            [
                (
                    SubstitutionKind::Dollar,
                    "aws sms --d 'a)b' \"c)\" \\) $(x)".to_owned()
                ),
                (SubstitutionKind::Backtick, "y \\` z".to_owned()),
                (SubstitutionKind::Dollar, "(1+2)".to_owned()),
            ]
        );
        // An unclosed one runs to the end of the text.
        assert_eq!(
            substitutions("x=$(aws sms", Shell::Bash),
            [(SubstitutionKind::Dollar, "aws sms".to_owned())]
        );
    }

    #[test]
    fn a_here_document_ends_its_command_and_the_next_starts_after_it() {
        let text = "cat > f <<-EOF\n\t{\"a\": 1}\n\tEOF\naws sms";
        let lexed = super::super::lex(text, text, 0..text.len(), Shell::Bash);
        assert_eq!(lexed.segments.len(), 2);
        assert_eq!(lexed.segments[0].here.as_deref(), Some("{\"a\": 1}\n"));
        assert_eq!(lexed.segments[0].redirect.as_deref(), Some("f"));
        assert_eq!(lexed.segments[1].words[0].start, text.find("aws").unwrap());
        assert_eq!(lexed.segments[1].span.start, text.find("aws").unwrap());
    }

    #[test]
    fn a_dropped_backslash_before_a_letter_is_explained_once() {
        let (got, notes) = argv(r"a C:\jobs\job.json g\ h \$x", Shell::Bash);
        assert_eq!(got, ["a", "C:jobsjob.json", "g h", "$x"]);
        assert_eq!(
            notes,
            [
                "line 1, column 5: Read as bash/zsh, where an unquoted \\ is dropped and the next character kept (\\j is j); cmd and PowerShell would keep the backslash. If this is a Windows path, put it in quotes or write / instead."
            ]
        );
    }

    #[test]
    fn redirections_take_their_stream_and_file_out_of_the_words() {
        check_argv(
            "aws sms 2>&1 >out.json 2>> err.log a2>x &> all.log 3>&- b",
            Shell::Bash,
            &["aws", "sms", "a2", "b"],
        );
        let lexed = super::super::lex("cat > f.json", "cat > f.json", 0..12, Shell::Bash);
        assert_eq!(lexed.segments[0].redirect.as_deref(), Some("f.json"));
    }

    #[test]
    fn subshell_parentheses_only_group() {
        check_argv(
            "(cd x && aws sms) || y",
            Shell::Bash,
            &["cd", "x", "|", "aws", "sms", "|", "y"],
        );
        let (got, notes) = argv("a (b", Shell::Bash);
        assert_eq!(got, ["a", "b"]);
        assert!(
            notes[0].contains("The shell reads an unquoted '(' as an operator"),
            "{notes:?}"
        );
    }
}
