//! PowerShell (Windows PowerShell 5.1 and PowerShell 7): blanks split words; `'…'` keeps
//! everything but a doubled quote, `"…"` has backtick escapes and `$` expansions; the
//! typographic quotes (‘ ’ ‚ ‛ and “ ” „) are quotes too, which no other shell does; a
//! backtick escapes one character and joins lines; `;`, `|`, `&&` and `||` end a command and
//! `&` is the call operator; `@'…'@` here-strings are kept as the body of their command;
//! `#` and `<#…#>` are comments. A `$(…)` subexpression is kept and remembered as a
//! substitution.

use super::{Lexer, is_typographic_quote};
use crate::core::diagnostic::Severity;
use crate::core::render::Shell;

impl Lexer<'_> {
    pub(super) fn powershell(&mut self) {
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
                    if let Some(end) = self.rest(here).find("#>") {
                        self.skip_to(here + end + 2);
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
                    self.quote_delimiter(here, c);
                    self.open();
                    self.i += 1;
                    self.ps_single(here);
                }
                c if is_ps_double(c) => {
                    self.quote_delimiter(here, c);
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
                '&' if self.word.is_none() => {
                    // The call operator: `& aws …` (also in `$x = & aws …`) runs aws.
                    self.i += 1;
                }
                '>' => self.redirect_output(),
                // A closing `)` or `}` ends the command inside it (`(aws …).Id`, `{ aws … }`);
                // a member access after it belongs to the expression, not to the command.
                ')' | '}' => {
                    self.i += 1;
                    self.end_segment(false);
                    while self
                        .peek(0)
                        .is_some_and(|n| n == '.' || n == '_' || n.is_alphanumeric())
                    {
                        self.i += 1;
                    }
                    self.segment_start = self.offset();
                }
                '(' | '{' if self.word.is_none() => {
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
            let here = self.offset();
            self.i += 1;
            if is_ps_single(c) {
                match self.peek(0) {
                    Some(n) if is_ps_single(n) => {
                        self.push(n);
                        self.i += 1;
                    }
                    _ => {
                        self.quote_delimiter(here, c);
                        return;
                    }
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
                    _ => {
                        self.quote_delimiter(here, c);
                        return;
                    }
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
        self.dollar_kept(here, "PowerShell", "A $(…) subexpression", "?^$", '`');
    }

    /// `@'` + newline … newline + `'@`: the body becomes the segment's here-string.
    fn here_string(&mut self, start: usize) {
        let quote = self.peek(1).unwrap_or('\'');
        self.i += 2;
        self.i += self.newline_len(0).unwrap_or(0);
        let body_start = self.offset();
        let rest = self.rest(body_start);
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
        self.skip_to(body_start + consumed);
        self.segment.here = Some(body);
    }

    /// A quote character that opens or closes a string: a typographic one is explained.
    fn quote_delimiter(&mut self, offset: usize, c: char) {
        if is_typographic_quote(c) {
            self.typographic_quote(offset, c, Shell::PowerShell);
        }
    }
}

/// The single-quote characters PowerShell treats alike.
fn is_ps_single(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// The double-quote characters PowerShell treats alike.
fn is_ps_double(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

#[cfg(test)]
mod tests {
    use super::super::SubstitutionKind;
    use super::super::tests::{argv, check_argv, substitutions};
    use super::*;

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
    fn subexpressions_are_remembered_with_their_inner_text() {
        assert_eq!(
            substitutions("$id = \"$(aws sms 'a)b' `) x)\" $(1)", Shell::PowerShell),
            [
                (SubstitutionKind::Dollar, "aws sms 'a)b' `) x".to_owned()),
                (SubstitutionKind::Dollar, "1".to_owned()),
            ]
        );
    }

    #[test]
    fn the_call_operator_is_dropped_anywhere_a_word_starts() {
        check_argv("& aws sms", Shell::PowerShell, &["aws", "sms"]);
        check_argv(
            "$x = & aws sms",
            Shell::PowerShell,
            &["$x", "=", "aws", "sms"],
        );
        check_argv("a&b", Shell::PowerShell, &["a&b"]);
    }

    #[test]
    fn redirections_take_their_stream_and_file_out_of_the_words() {
        check_argv(
            "aws sms 2>&1 *> all.log > out.json 3>> x b",
            Shell::PowerShell,
            &["aws", "sms", "b"],
        );
    }

    #[test]
    fn parentheses_and_braces_around_a_command_only_group() {
        check_argv(
            "$id = (aws sms --x s-1).ReplicationJobId; if ($ok) { aws sms }",
            Shell::PowerShell,
            &[
                "$id", "=", "aws", "sms", "--x", "s-1", "|", "if", "$ok", "|", "aws", "sms",
            ],
        );
    }
}
