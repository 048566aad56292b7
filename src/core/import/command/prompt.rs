//! Terminal transcripts: a text whose first line starts with a shell prompt (`$ `,
//! `user@host:~$ `, `PS C:\> `, `C:\Users\me>`) is a session copied from a terminal. The
//! prompts are blanked out before lexing (same byte offsets, so every location still points
//! into the text as pasted), continuation lines keep their words (a `> ` or `>> ` continuation
//! prompt is blanked too), and lines without a prompt are the commands' output, blanked and
//! reported as ignored.
//!
//! Only a text that *starts* with a prompt is read this way: a line inside a quoted value that
//! happens to begin with `$ ` must stay as written.

use std::fmt::Write as _;

use crate::core::params;
use crate::core::render::Shell;

/// A transcript with its prompts and output blanked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Transcript {
    /// The text with prompts and output lines replaced by spaces, byte for byte.
    pub text: String,
    /// Each prompt: its 1-based line, as written (without trailing blanks), and the shell
    /// whose prompt it looks like.
    pub prompts: Vec<(usize, String, Shell)>,
    /// The 1-based lines taken as output.
    pub output: Vec<usize>,
}

impl Transcript {
    /// The prompt on a 1-based line, if that line has one.
    pub fn prompt_on(&self, line: usize) -> Option<&str> {
        self.prompts
            .iter()
            .find(|(l, _, _)| *l == line)
            .map(|(_, p, _)| p.as_str())
    }

    /// The shell of the first prompt.
    pub fn shell(&self) -> Option<Shell> {
        self.prompts.first().map(|&(_, _, shell)| shell)
    }

    /// A sentence about the output lines, if there are any.
    pub fn output_note(&self) -> Option<String> {
        let ranges = line_ranges(&self.output);
        let (first, rest) = ranges.split_first()?;
        let plural = self.output.len() > 1;
        let mut list = first.clone();
        for r in rest {
            let _ = write!(list, ", {r}");
        }
        Some(format!(
            "{} {list} {} no prompt after a prompt line, so {} taken as the output of a \
             command and ignored.",
            if plural { "Lines" } else { "Line" },
            if plural { "have" } else { "has" },
            if plural { "they are" } else { "it is" },
        ))
    }
}

/// `2`, `4–6`: runs of consecutive line numbers.
fn line_ranges(lines: &[usize]) -> Vec<String> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &l in lines {
        match out.last_mut() {
            Some((_, end)) if *end + 1 == l => *end = l,
            _ => out.push((l, l)),
        }
    }
    out.into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect()
}

/// The transcript in `text`, when its first non-blank line starts with a prompt.
pub(super) fn transcript(text: &str) -> Option<Transcript> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    prompt_len(first)?;
    let mut masked = String::with_capacity(text.len());
    let mut prompts = Vec::new();
    let mut output = Vec::new();
    let mut continues = false;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let number = index + 1;
        let body = line.trim_end_matches(['\n', '\r']);
        let blank = if continues {
            continuation_prompt_len(body)
        } else if let Some((len, shell)) = prompt_len(body) {
            prompts.push((number, body[..len].trim_end().to_owned(), shell));
            len
        } else if body.trim().is_empty() {
            0
        } else {
            output.push(number);
            body.len()
        };
        blank_out(&mut masked, &line[..blank]);
        masked.push_str(&line[blank..]);
        let trimmed = body.trim_end();
        continues = blank < body.len() && trimmed.ends_with(['\\', '`', '^']);
    }
    Some(Transcript {
        text: masked,
        prompts,
        output,
    })
}

/// Each character as spaces of its UTF-8 length.
fn blank_out(out: &mut String, text: &str) {
    for c in text.chars() {
        for _ in 0..c.len_utf8() {
            out.push(' ');
        }
    }
}

/// `> ` (POSIX shells' PS2) or `>> ` (PowerShell's) at the start of a continuation line.
fn continuation_prompt_len(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    for p in [">> ", "> "] {
        if rest.starts_with(p) {
            return indent + p.len();
        }
    }
    0
}

/// The length in bytes of the prompt a line starts with (with the blanks after it), and
/// whose prompt it is, when something follows it.
fn prompt_len(line: &str) -> Option<(usize, Shell)> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let (len, shell) = powershell_prompt(rest)
        .map(|n| (n, Shell::PowerShell))
        .or_else(|| cmd_prompt(rest).map(|n| (n, Shell::Cmd)))
        .or_else(|| posix_prompt(rest).map(|n| (n, Shell::Bash)))?;
    let after = &rest[len..];
    let blanks = after.len() - after.trim_start().len();
    (!after.trim().is_empty()).then_some((indent + len + blanks, shell))
}

/// `PS>`, `PS C:\Users\me>`.
fn powershell_prompt(line: &str) -> Option<usize> {
    if line.starts_with("PS>") {
        return Some(3);
    }
    let path = line.strip_prefix("PS ")?;
    let end = path.find('>')?;
    let inside = &path[..end];
    (!inside.is_empty() && !inside.contains(['"', '\'', '|', '<'])).then_some(3 + end + 1)
}

/// `C:\>`, `C:\Users\me>`: a drive, a path, `>`. A command line such as
/// `C:\bin\aws.exe sms … > out.txt` is not one.
fn cmd_prompt(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    if !(bytes.len() > 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":\\") {
        return None;
    }
    let end = line.find('>')?;
    let path = &line[..end];
    let lower = path.to_ascii_lowercase();
    let plausible = !path.contains(['"', '|', '<', '&', '^'])
        && !lower.contains(" -")
        && !lower.contains(".exe")
        && !lower.contains(".cmd")
        && !lower.contains(&format!(" {}", params::OPERATION.metadata.cli_name));
    plausible.then_some(end + 1)
}

/// `$ `, `% `, `user@host:~/dir$ `, `[user@host dir]$ `, `bash-5.2$ `, maybe after a
/// `(venv) `.
fn posix_prompt(line: &str) -> Option<usize> {
    let mut offset = 0;
    let mut rest = line;
    if rest.starts_with('(')
        && let Some(end) = rest.find(") ")
    {
        offset = end + 2;
        rest = &rest[offset..];
    }
    if rest.starts_with('[')
        && let Some(end) = rest.find(']')
        && rest[end + 1..].starts_with(['$', '#'])
        && rest[end + 2..].starts_with(' ')
    {
        return Some(offset + end + 2);
    }
    let token = rest.split(' ').next().unwrap_or("");
    if !rest[token.len()..].starts_with(' ') {
        return None;
    }
    let shaped = match token {
        "$" | "%" | "❯" | "➜" => true,
        t if t.len() > 1 && t.ends_with(['$', '#', '%']) => {
            t.contains(['@', ':']) || t.starts_with("bash") || t.starts_with("sh-")
        }
        _ => false,
    };
    shaped.then_some(offset + token.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_of_each_shell_are_recognised() {
        for (line, prompt, shell) in [
            ("$ aws sms", "$ ", Shell::Bash),
            ("  $   aws sms", "  $   ", Shell::Bash),
            ("% aws sms", "% ", Shell::Bash),
            ("me@box:~/jobs$ aws sms", "me@box:~/jobs$ ", Shell::Bash),
            ("root@box:/# aws sms", "root@box:/# ", Shell::Bash),
            ("[me@box jobs]$ aws sms", "[me@box jobs]$ ", Shell::Bash),
            ("bash-5.2$ aws sms", "bash-5.2$ ", Shell::Bash),
            ("(venv) me@box:~$ aws sms", "(venv) me@box:~$ ", Shell::Bash),
            ("PS C:\\> aws sms", "PS C:\\> ", Shell::PowerShell),
            (
                "PS C:\\Users\\Jo Ann> aws sms",
                "PS C:\\Users\\Jo Ann> ",
                Shell::PowerShell,
            ),
            ("PS> aws sms", "PS> ", Shell::PowerShell),
            ("C:\\> aws sms", "C:\\> ", Shell::Cmd),
            ("C:\\Users\\me>aws sms", "C:\\Users\\me>", Shell::Cmd),
        ] {
            assert_eq!(prompt_len(line), Some((prompt.len(), shell)), "{line:?}");
        }
    }

    #[test]
    fn commands_and_values_are_not_prompts() {
        for line in [
            "aws sms create-replication-job",
            "$x = aws sms",
            "$HOME/bin/aws sms",
            "C:\\bin\\aws.exe sms create-replication-job > out.txt",
            "C:\\tools\\aws sms create-replication-job --server-id s-1 > out.txt",
            "$ ",
            "PS C:\\>",
            "# aws sms",
            "--description '$ x'",
        ] {
            assert_eq!(prompt_len(line), None, "{line:?}");
        }
        assert_eq!(transcript("aws sms \\\n$ x"), None);
    }

    #[test]
    fn a_transcript_keeps_commands_and_continuations_and_blanks_the_rest() {
        let text = "me@box:~$ aws sms create-replication-job \\\n> --server-id s-1\n{\n    \"replicationJobId\": \"sms-job-1\"\n}\nme@box:~$ echo done\n";
        let t = transcript(text).unwrap();
        assert_eq!(t.text.len(), text.len());
        let output = " ".repeat("    \"replicationJobId\": \"sms-job-1\"".len());
        assert_eq!(
            t.text,
            format!(
                "          aws sms create-replication-job \\\n  --server-id s-1\n \n{output}\n \n          echo done\n"
            )
        );
        assert_eq!(
            t.prompts,
            [
                (1, "me@box:~$".to_owned(), Shell::Bash),
                (6, "me@box:~$".to_owned(), Shell::Bash)
            ]
        );
        assert_eq!(t.output, [3, 4, 5]);
        assert_eq!(
            t.output_note().unwrap(),
            "Lines 3–5 have no prompt after a prompt line, so they are taken as the output of a command and ignored."
        );
        assert_eq!(t.prompt_on(6), Some("me@box:~$"));
        assert_eq!(t.prompt_on(2), None);
        assert_eq!(t.shell(), Some(Shell::Bash));
    }

    #[test]
    fn powershell_continuations_and_non_ascii_prompts_keep_offsets() {
        let text = "PS C:\\Users\\José> aws sms create-replication-job `\n>> --server-id s-1\nOK";
        let t = transcript(text).unwrap();
        assert_eq!(t.text.len(), text.len());
        assert!(
            t.text
                .starts_with(&" ".repeat("PS C:\\Users\\José> ".len()))
        );
        assert!(t.text.contains("\n   --server-id s-1\n  "));
        assert_eq!(t.output, [3]);
        assert_eq!(
            t.output_note().unwrap(),
            "Line 3 has no prompt after a prompt line, so it is taken as the output of a command and ignored."
        );
        assert_eq!(t.shell(), Some(Shell::PowerShell));
    }

    proptest::proptest! {
        #[test]
        fn a_transcript_keeps_every_byte_offset(
            text in r"(\$ |PS C:\\> |C:\\> |> |>> )?[a-zé“ \\`^$>#\n\r]{0,40}",
        ) {
            if let Some(t) = transcript(&text) {
                proptest::prop_assert_eq!(t.text.len(), text.len());
                for (i, (a, b)) in t.text.bytes().zip(text.bytes()).enumerate() {
                    proptest::prop_assert!(a == b || (a == b' ' && b != b'\n'), "byte {}", i);
                }
            }
        }
    }
}
