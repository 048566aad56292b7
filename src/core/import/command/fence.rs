//! Markdown code blocks: a text copied from a wiki, a README or a chat often keeps the fence
//! lines (```` ```bash ````, `~~~`) around the command. When the text starts with one, every
//! fence line is blanked out before lexing (same byte offsets), so the shell never sees the
//! backticks as a command substitution.
//!
//! Only a text that *starts* with a fence is read this way: a line inside a quoted value that
//! happens to be ```` ``` ```` must stay as written.

use crate::core::render::Shell;

/// The text with its fence lines blanked out, when its first non-blank line is a fence.
pub(super) fn unfenced(text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if !is_fence(first) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if is_fence(body) {
            out.extend(
                body.chars()
                    .flat_map(|c| std::iter::repeat_n(' ', c.len_utf8())),
            );
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// The shell the opening fence names (```` ```bash ````, ```` ```powershell ````,
/// ```` ```bat ````), if the text starts with a fence that names one.
pub(super) fn language(text: &str) -> Option<Shell> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if !is_fence(first) {
        return None;
    }
    let info = first.trim().trim_start_matches(['`', '~']).trim();
    match info.to_ascii_lowercase().as_str() {
        "bash" | "sh" | "shell" | "zsh" | "console" | "shell-session" | "shellsession" => {
            Some(Shell::Bash)
        }
        "powershell" | "pwsh" | "ps1" | "ps" | "posh" => Some(Shell::PowerShell),
        "cmd" | "bat" | "batch" | "dos" | "doscon" => Some(Shell::Cmd),
        _ => None,
    }
}

/// ```` ``` ````, ```` ```bash ````, `~~~ powershell`: three or more backticks or tildes, then
/// at most a language name.
fn is_fence(line: &str) -> bool {
    let trimmed = line.trim();
    let Some(marker) = trimmed.chars().next().filter(|c| matches!(c, '`' | '~')) else {
        return false;
    };
    let run = trimmed.chars().take_while(|&c| c == marker).count();
    let info = &trimmed[run..];
    run >= 3
        && info
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fence_lines_are_blanked_and_the_rest_kept() {
        let text = "```bash\r\naws sms `x`\n```\n~~~ps1\n$a = 1\n~~~";
        assert_eq!(
            unfenced(text).as_deref(),
            Some("       \r\naws sms `x`\n   \n      \n$a = 1\n   ")
        );
    }

    #[test]
    fn only_a_text_that_starts_with_a_fence_is_unfenced() {
        assert_eq!(unfenced("aws sms --description '\n```\n'"), None);
        assert_eq!(unfenced("`aws sms`"), None);
        assert_eq!(unfenced("``"), None);
        assert_eq!(unfenced("```aws sms create-replication-job```"), None);
        assert_eq!(unfenced(""), None);
    }

    #[test]
    fn the_fence_may_name_the_shell() {
        assert_eq!(language("```bash\naws"), Some(Shell::Bash));
        assert_eq!(language("\n  ```PowerShell\naws"), Some(Shell::PowerShell));
        assert_eq!(language("~~~bat\naws"), Some(Shell::Cmd));
        assert_eq!(language("```\naws"), None);
        assert_eq!(language("```json\n{}"), None);
        assert_eq!(language("aws\n```bash"), None);
    }
}
