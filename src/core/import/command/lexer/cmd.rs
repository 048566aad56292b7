//! cmd.exe, in two passes like the real thing. cmd's own: `^` escapes one character and joins
//! lines outside `"…"`, `&`, `&&`, `||` and `|` end a command, `%VAR%` is kept and reported,
//! `rem`, `::` and a leading `@` are dropped. Then, for each command line left, the C
//! runtime's splitting that `aws.exe` applies: blanks split outside quotes, backslashes count
//! only before a quote, `""` inside quotes is one quote. Typographic quotes are characters.

use super::{Lexer, is_typographic_quote};
use crate::core::diagnostic::Severity;
use crate::core::render::Shell;

impl Lexer<'_> {
    pub(super) fn cmd(&mut self) {
        // cmd's own pass: `^` escapes and operators outside quotes, `%VAR%` everywhere. What is
        // left is each program's command line, which the C runtime then splits.
        let mut line: Vec<(usize, char)> = Vec::new();
        let mut quoted = false;
        let mut at_line_start = true;
        while let Some(c) = self.peek(0) {
            let here = self.offset();
            if at_line_start {
                let rest = self.rest(here).trim_start_matches([' ', '\t']);
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
                    let rest = self.rest(here + 1);
                    let name_len = rest
                        .find('%')
                        .filter(|&n| n > 0 && rest[..n].chars().all(|ch| !ch.is_whitespace()));
                    if let Some(n) = name_len {
                        self.expansion(here, "A %VAR% variable", "cmd");
                        for (k, ch) in self.rest(here)[..n + 2].char_indices() {
                            line.push((here + k, ch));
                        }
                        self.skip_to(here + n + 2);
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
                    self.cmd_redirection(&mut line);
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
                .map_or(self.end, |&(o, _)| o);
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
                    if !quoted && is_typographic_quote(c) {
                        self.typographic_quote(offset, c, Shell::Cmd);
                    }
                    if !quoted && c == '\'' && self.word.is_none() {
                        self.single_quote_kept(offset);
                    }
                    self.open_at(offset);
                    self.push(c);
                    i += 1;
                }
            }
        }
        self.end_segment(next_piped);
    }
}

impl Lexer<'_> {
    /// At an unquoted `<` or `>`: the redirection (`N>`, `>>`, `>&N`, `<`) and its file are no
    /// part of the program's command line.
    fn cmd_redirection(&mut self, line: &mut Vec<(usize, char)>) {
        // `2>`: a lone digit before is the stream's number.
        let n = line.len();
        if n > 0
            && line[n - 1].1.is_ascii_digit()
            && (n == 1 || matches!(line[n - 2].1, ' ' | '\t'))
        {
            line.pop();
        }
        let here = self.offset();
        line.push((here, ' '));
        self.i += 1;
        if self.peek(0) == Some('>') {
            self.i += 1;
        }
        if self.peek(0) == Some('&') {
            self.i += 1;
            while self.peek(0).is_some_and(|c| c.is_ascii_digit()) {
                self.i += 1;
            }
            return;
        }
        while matches!(self.peek(0), Some(' ' | '\t')) {
            self.i += 1;
        }
        let mut quoted = false;
        while let Some(c) = self.peek(0) {
            if c == '\n'
                || c == '\r'
                || (!quoted && matches!(c, ' ' | '\t' | '&' | '|' | '<' | '>'))
            {
                break;
            }
            quoted ^= c == '"';
            self.i += 1;
        }
    }

    /// A `'` that starts a word: cmd and `aws.exe` keep it, the other shells quote with it.
    /// Said once per text.
    fn single_quote_kept(&mut self, offset: usize) {
        if self.first_time("single quote") {
            self.report(
                Severity::Warning,
                offset,
                "Read as cmd, where ' is an ordinary character (only \" quotes), so it stays \
                 part of the word; bash/zsh and PowerShell would take it as a quote. In cmd, \
                 quote with \" instead.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{argv, check_argv};
    use super::*;

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
    fn a_single_quote_is_a_character_and_explained_once() {
        let (got, notes) = argv("a 'b c' 'd' \"'e'\"", Shell::Cmd);
        assert_eq!(got, ["a", "'b", "c'", "'d'", "'e'"]);
        assert_eq!(
            notes,
            [
                "line 1, column 3: Read as cmd, where ' is an ordinary character (only \" quotes), so it stays part of the word; bash/zsh and PowerShell would take it as a quote. In cmd, quote with \" instead."
            ]
        );
    }

    #[test]
    fn chains_comments_and_echo_off_split_as_cmd_does() {
        check_argv(
            "@echo off\r\nrem make the job\r\ncd \\jobs && aws sms || exit /b 1\r\n:: done",
            Shell::Cmd,
            &[
                "echo", "off", "|", "cd", "\\jobs", "|", "aws", "sms", "|", "exit", "/b", "1",
            ],
        );
        // Inside "…" a typographic quote is just a character, and nothing is said.
        let (got, notes) = argv("a \"\u{201C}b\u{201D}\"", Shell::Cmd);
        assert_eq!(got, ["a", "\u{201C}b\u{201D}"]);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn redirections_take_their_stream_and_file_out_of_the_words() {
        check_argv(
            "aws sms > out.json 2>&1 2>>\"err log\" a2 <in.txt b & c",
            Shell::Cmd,
            &["aws", "sms", "a2", "b", "|", "c"],
        );
    }
}
