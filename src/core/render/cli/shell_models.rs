//! Models of how Windows shells read the commands the tool writes, for the tests: cmd.exe
//! followed by the MSVC C runtime's argument splitting, and PowerShell's argument mode. They
//! are written from the shells' documented rules, independently of the renderers (no
//! Windows shell runs here). The unit tests of `render::cli` and the integration tests
//! (`tests/support`) both use this file.

/// The characters PowerShell treats as a single quote.
const PS_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'];

/// A model of how cmd.exe reads a command line (at the prompt, delayed expansion off),
/// followed by the MSVC C runtime's argument splitting in the program. It refuses (Err)
/// anything that would expand a variable or reach cmd.exe's operators.
pub fn cmd_then_crt(line: &str) -> Result<Vec<String>, String> {
    // Phase 1: `%name%` is expanded when a variable of that name exists. Assume the worst:
    // every name is defined unless it holds `"` or `^` (true of every real variable).
    // Check every pair of neighbouring `%`, whichever way cmd.exe resumes its scan.
    let percents: Vec<usize> = line.match_indices('%').map(|(i, _)| i).collect();
    for pair in percents.windows(2) {
        let inner = &line[pair[0] + 1..pair[1]];
        let name = inner.split(':').next().unwrap_or("");
        if !name.is_empty() && !name.contains(['"', '^']) {
            return Err(format!("%{inner}% would expand"));
        }
    }
    // Phase 2: quotes toggle on every unescaped `"`; outside them `^` escapes the next
    // character (a caret before a line break joins the lines) and operators act.
    let mut after = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' => return Err("a line break ends the command".into()),
            '"' => {
                quoted = !quoted;
                after.push(c);
            }
            _ if quoted => after.push(c),
            '^' => match chars.next() {
                Some('\n') => {
                    // The first character of the next line is taken literally.
                    if let Some(next) = chars.next() {
                        after.push(next);
                    }
                }
                Some(next) => after.push(next),
                None => return Err("a caret at the very end".into()),
            },
            '&' | '|' | '<' | '>' | '(' | ')' => {
                return Err(format!("operator {c} outside quotes"));
            }
            _ => after.push(c),
        }
    }
    // The C runtime (2008 and later): backslashes are literal unless before a `"`; inside
    // quotes `""` is a literal quote.
    let chars: Vec<char> = after.chars().collect();
    let mut args = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let mut arg = String::new();
        let mut in_quotes = false;
        while i < chars.len() {
            let c = chars[i];
            if !in_quotes && (c == ' ' || c == '\t') {
                break;
            }
            if c == '\\' {
                let start = i;
                while i < chars.len() && chars[i] == '\\' {
                    i += 1;
                }
                let n = i - start;
                if i < chars.len() && chars[i] == '"' {
                    arg.push_str(&"\\".repeat(n / 2));
                    if n % 2 == 1 {
                        arg.push('"');
                        i += 1;
                    }
                } else {
                    arg.push_str(&"\\".repeat(n));
                }
                continue;
            }
            if c == '"' {
                if in_quotes && chars.get(i + 1) == Some(&'"') {
                    arg.push('"');
                    i += 2;
                } else {
                    in_quotes = !in_quotes;
                    i += 1;
                }
                continue;
            }
            arg.push(c);
            i += 1;
        }
        args.push(arg);
    }
    Ok(args)
}

/// A model of PowerShell's argument mode for the words we write: bare words, and single
/// quoted strings where a doubled quote character is one literal quote character.
pub fn powershell_words(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.replace(" `\n", " ").chars().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            i += 1;
            continue;
        }
        let mut word = String::new();
        if PS_QUOTES.contains(&chars[i]) {
            i += 1;
            loop {
                let c = chars[i];
                if PS_QUOTES.contains(&c) {
                    if chars.get(i + 1).is_some_and(|n| PS_QUOTES.contains(n)) {
                        word.push(c);
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                word.push(c);
                i += 1;
            }
        } else {
            while i < chars.len() && chars[i] != ' ' {
                word.push(chars[i]);
                i += 1;
            }
        }
        words.push(word);
    }
    words
}
