//! The AWS CLI's shorthand syntax for structures and lists (`key=value,other=[a,b]`), read
//! exactly as the CLI v1 1.42.30 reads it, in two steps.
//!
//! [`parse`] is the grammar alone: `key=value` pairs split by `,`; a value is a bare word (where
//! only `\,` is an escape), a `'single'` or `"double"` quoted string (where `\'`, `\"` and `\\`
//! are escapes), `[an, explicit, list]` or `{a=hash}`; `a=b,c` makes `a` the list `b`, `c`,
//! and the reader steps back to the last comma when it meets the next `key=`. The result is a
//! [`Raw`] tree of texts, lists and hashes with their keys in the order given, or a
//! [`SyntaxError`] with the place in the value and a sentence saying what to write instead.
//!
//! [`typed`] then shapes the raw tree by the model as the CLI does before it validates:
//! integers as Python's `int()` reads text (`012` is 12), `true`/`false` in any case for
//! booleans, times and enum values kept as text, one value where a list is expected made a
//! list of one. The result is JSON, so the rest of the page reads a shorthand value exactly as
//! it reads the same value given as JSON; what the CLI accepts only by surprise comes with a
//! note, and a comma that made a list where one value is expected with an error.

use serde_json::{Map, Number, Value as Json};

use crate::core::diagnostic::Severity;
use crate::core::model::{Shape, ShapeKind};
use crate::core::value::{Path, Problem, Step};

/// A shorthand value before the model gives it types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    /// A bare or quoted word, with its escapes read.
    Text(String),
    /// A list; `bracketed` is false when commas made it (`a=b,c`).
    List {
        /// The items, in order.
        items: Vec<Raw>,
        /// True for `[…]`, false for a list made by commas.
        bracketed: bool,
    },
    /// `key=value` pairs (a whole shorthand value, or `{…}`), keys in the order given.
    Hash(Vec<(String, Raw)>),
}

impl Raw {
    /// The same tree as JSON with every leaf a string: what the CLI holds before typing.
    pub fn to_json(&self) -> Json {
        match self {
            Raw::Text(text) => Json::String(text.clone()),
            Raw::List { items, .. } => Json::Array(items.iter().map(Raw::to_json).collect()),
            Raw::Hash(pairs) => Json::Object(
                pairs
                    .iter()
                    .map(|(key, value)| (key.clone(), value.to_json()))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

/// A sentence about a place in a shorthand value: why it cannot be read, or (a note) what
/// the CLI makes of it that the user may not expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The place in the value, counted in characters from 0 (the CLI counts so too).
    pub offset: usize,
    /// The same place in bytes of the UTF-8 text.
    pub byte: usize,
    /// A sentence for the user: what is wrong and what to write instead.
    pub message: String,
}

impl SyntaxError {
    fn at(text: &str, offset: usize, message: String) -> Self {
        Self {
            offset,
            byte: text
                .char_indices()
                .nth(offset)
                .map_or(text.len(), |(b, _)| b),
            message,
        }
    }
}

/// Reads a whole shorthand value (`key=value,…`) into a [`Raw::Hash`].
pub fn parse(text: &str) -> Result<Raw, SyntaxError> {
    parse_noting(text).map(|(raw, _)| raw)
}

/// [`parse`], with a note for each place the CLI reads without complaint but not as a
/// reader may expect (a key given twice inside `{…}`: the last value is kept).
pub fn parse_noting(text: &str) -> Result<(Raw, Vec<SyntaxError>), SyntaxError> {
    let mut parser = Parser {
        s: text.chars().collect(),
        i: 0,
        resolve: false,
        open: Vec::new(),
        last_word: None,
        repeated: Vec::new(),
    };
    match parser.parameter() {
        Ok(pairs) => {
            let notes = parser
                .repeated
                .iter()
                .map(|(at, key)| {
                    SyntaxError::at(
                        text,
                        *at,
                        format!(
                            "the key \"{key}\" is given twice inside `{{…}}`: the CLI keeps the \
                             last value"
                        ),
                    )
                })
                .collect();
            Ok((Raw::Hash(pairs), notes))
        }
        Err(stop) => Err(parser.explain(&stop, text)),
    }
}

/// The blanks Python's `str.isspace` and the regular expressions' `\s` know.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The text without the blanks Python's `str.strip()` removes at both ends.
pub fn py_strip(text: &str) -> &str {
    text.trim_matches(is_py_space)
}

/// The characters a key is made of.
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.#/:".contains(c)
}

/// The blanks the parser skips between tokens (ASCII only, as `string.whitespace`).
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// The first character of a bare word: any character up to U+FFFF but blanks, controls,
/// quotes, `,`, `=`, `[` and `{`.
fn starts_word(c: char) -> bool {
    matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2B | 0x2D..=0x3C | 0x3E..=0x5A | 0x5C..=0x7A | 0x7C..=0xFFFF)
}

/// A later character of a bare word where a value starts (after `=`, in `[…]` and `{…}`):
/// blanks are in, quotes, `,`, `]` and `}` end it.
fn continues_first(c: char) -> bool {
    is_py_space(c)
        || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2B | 0x2D..=0x5C | 0x5E..=0x7C | 0x7E..=0xFFFF)
}

/// A later character of a bare word after a comma of `a=b,c`: quotes, `,` and `=` end it.
fn continues_second(c: char) -> bool {
    is_py_space(c)
        || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2B | 0x2D..=0x3C | 0x3E..=0xFFFF)
}

/// What the parser needed where it stopped.
#[derive(Debug, Clone, Copy)]
enum Expected {
    Char(char),
    Quoted,
    Word,
}

/// Why the parser stopped.
#[derive(Debug)]
enum Stop {
    Syntax { expected: Expected, at: usize },
    Duplicate { key: String, at: usize },
    File { at: usize },
}

struct Parser {
    s: Vec<char>,
    i: usize,
    /// After `key@=`: a value naming a file is loaded by the CLI.
    resolve: bool,
    /// The brackets opened and not yet closed, by position.
    open: Vec<usize>,
    /// Where the last bare word started, for a better sentence after it.
    last_word: Option<usize>,
    /// Keys given twice inside `{…}`, where the second is.
    repeated: Vec<(usize, String)>,
}

impl Parser {
    fn cur(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn eof(&self) -> bool {
        self.i >= self.s.len()
    }

    fn blanks(&mut self) {
        while self.cur().is_some_and(is_blank) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: char, blanks: bool) -> Result<(), Stop> {
        if blanks {
            self.blanks();
        }
        if self.cur() != Some(c) {
            return Err(Stop::Syntax {
                expected: Expected::Char(c),
                at: self.i,
            });
        }
        self.i += 1;
        if blanks {
            self.blanks();
        }
        Ok(())
    }

    fn parameter(&mut self) -> Result<Vec<(String, Raw)>, Stop> {
        let mut pairs = vec![self.keyval()?];
        while !self.eof() {
            // A repeated key is shown where the CLI shows it: just after the previous value.
            let at = self.i + 1;
            self.expect(',', true)?;
            let (key, value) = self.keyval()?;
            if pairs.iter().any(|(k, _)| *k == key) {
                return Err(Stop::Duplicate { key, at });
            }
            pairs.push((key, value));
        }
        Ok(pairs)
    }

    fn key(&mut self) -> String {
        let start = self.i;
        while self.cur().is_some_and(is_key_char) {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    /// An optional `@` between a key and its `=`.
    fn at_sign(&mut self) -> bool {
        self.blanks();
        if self.cur() == Some('@') {
            self.i += 1;
            self.blanks();
            true
        } else {
            false
        }
    }

    fn keyval(&mut self) -> Result<(String, Raw), Stop> {
        let key = self.key();
        self.resolve = self.at_sign();
        self.expect('=', true)?;
        let value = match self.cur() {
            None => Raw::Text(String::new()),
            Some('[') => self.explicit_list()?,
            Some('{') => self.hash()?,
            Some(_) => self.csv()?,
        };
        Ok((key, value))
    }

    /// A value after `key=` that is neither `[…]` nor `{…}`: one word, or words split by
    /// commas up to the next `key=`.
    fn csv(&mut self) -> Result<Raw, Stop> {
        let first = self.first_value()?;
        self.blanks();
        if self.cur() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut items = vec![first];
        loop {
            match self.second_then_comma() {
                Ok((item, ended)) => {
                    items.push(item);
                    if ended {
                        break;
                    }
                }
                Err(Stop::Syntax { .. }) if !self.eof() => {
                    // The word was the next key: step back to the comma before it.
                    while self.s.get(self.i).is_some_and(|c| *c != ',') && self.i > 0 {
                        self.i -= 1;
                    }
                    break;
                }
                Err(stop) => return Err(stop),
            }
        }
        if items.len() == 1 {
            return Ok(items.swap_remove(0));
        }
        Ok(Raw::List {
            items,
            bracketed: false,
        })
    }

    /// One word after a comma, and the comma after it unless the value ends there (then
    /// `true`).
    fn second_then_comma(&mut self) -> Result<(Raw, bool), Stop> {
        let item = if let Some(q @ ('\'' | '"')) = self.cur() {
            self.quoted(q)?
        } else {
            let start = self.i;
            let end = self.word_end(start, continues_second);
            if end == start {
                return Err(Stop::Syntax {
                    expected: Expected::Word,
                    at: start,
                });
            }
            self.i = end;
            self.last_word = Some(start);
            self.bare(start, end)?
        };
        self.blanks();
        if self.eof() {
            return Ok((Raw::Text(item), true));
        }
        self.expect(',', true)?;
        Ok((Raw::Text(item), false))
    }

    /// The end of a bare word starting at `start` (itself when there is none).
    fn word_end(&self, start: usize, continues: fn(char) -> bool) -> usize {
        let mut j = start;
        let mut first = true;
        loop {
            match self.s.get(j) {
                Some('\\') if self.s.get(j + 1) == Some(&',') => j += 2,
                Some(&c) if (first && starts_word(c)) || (!first && continues(c)) => j += 1,
                _ => return j,
            }
            first = false;
        }
    }

    /// A bare word's text: `\,` read as `,`, trailing blanks dropped.
    fn bare(&self, start: usize, end: usize) -> Result<String, Stop> {
        let consumed: String = self.s[start..end].iter().collect();
        let text = consumed.replace("\\,", ",");
        let text = text.trim_end_matches(is_py_space).to_owned();
        self.resolved(text, start)
    }

    fn resolved(&self, text: String, at: usize) -> Result<String, Stop> {
        if self.resolve && (text.starts_with("file://") || text.starts_with("fileb://")) {
            return Err(Stop::File { at });
        }
        Ok(text)
    }

    /// A quoted word, a bare word or nothing (the empty string), where a value starts.
    fn first_value(&mut self) -> Result<Raw, Stop> {
        if let Some(q @ ('\'' | '"')) = self.cur() {
            return Ok(Raw::Text(self.quoted(q)?));
        }
        let start = self.i;
        let end = self.word_end(start, continues_first);
        if end == start {
            return Ok(Raw::Text(String::new()));
        }
        self.i = end;
        self.last_word = Some(start);
        Ok(Raw::Text(self.bare(start, end)?))
    }

    /// A quoted string. As the CLI's pattern does, a string that runs to the end without its
    /// closing quote ends instead at the last escaped quote, whose backslash is then text.
    fn quoted(&mut self, q: char) -> Result<String, Stop> {
        let start = self.i;
        let mut j = start + 1;
        let mut last_escape = None;
        let end = loop {
            match self.s.get(j) {
                Some('\\') if self.s.get(j + 1) == Some(&q) => {
                    last_escape = Some(j + 1);
                    j += 2;
                }
                Some(&c) if c != q => j += 1,
                Some(_) => break j,
                None => match last_escape {
                    Some(e) => break e,
                    None => {
                        return Err(Stop::Syntax {
                            expected: Expected::Quoted,
                            at: start,
                        });
                    }
                },
            }
        };
        let inner: String = self.s[start + 1..end].iter().collect();
        self.i = end + 1;
        let text = inner
            .replace(&format!("\\{q}"), &q.to_string())
            .replace("\\\\", "\\");
        self.resolved(text, start)
    }

    fn explicit_list(&mut self) -> Result<Raw, Stop> {
        self.blanks();
        self.open.push(self.i);
        self.expect('[', true)?;
        let mut items = Vec::new();
        while self.cur() != Some(']') {
            items.push(self.explicit_value()?);
            self.blanks();
            if self.cur() != Some(']') {
                self.expect(',', false)?;
                self.blanks();
            }
        }
        self.expect(']', false)?;
        self.open.pop();
        Ok(Raw::List {
            items,
            bracketed: true,
        })
    }

    fn explicit_value(&mut self) -> Result<Raw, Stop> {
        match self.cur() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash(),
            _ => self.first_value(),
        }
    }

    fn hash(&mut self) -> Result<Raw, Stop> {
        self.blanks();
        self.open.push(self.i);
        self.expect('{', true)?;
        let mut pairs: Vec<(String, Raw)> = Vec::new();
        while self.cur() != Some('}') {
            let at = self.i;
            let key = self.key();
            self.resolve = self.at_sign();
            self.expect('=', true)?;
            let value = self.explicit_value()?;
            self.blanks();
            if self.cur() != Some('}') {
                self.expect(',', false)?;
                self.blanks();
            }
            // Inside braces a repeated key keeps its first place and takes the last value.
            match pairs.iter_mut().find(|(k, _)| *k == key) {
                Some(pair) => {
                    self.repeated.push((at, key));
                    pair.1 = value;
                }
                None => pairs.push((key, value)),
            }
        }
        self.expect('}', false)?;
        self.open.pop();
        Ok(Raw::Hash(pairs))
    }

    /// The sentence for where the parser stopped.
    fn explain(&self, stop: &Stop, text: &str) -> SyntaxError {
        let (at, message) = match stop {
            Stop::Duplicate { key, at } => (
                *at,
                format!(
                    "the key \"{key}\" is given twice (in shorthand that is an error; in JSON the \
                     last one wins); to give several items, write them as separate words"
                ),
            ),
            Stop::File { at } => (
                *at,
                "`key@=file://…` makes the CLI read a file, and this page cannot read your \
                 files: paste the file's contents as the value instead, in quotes"
                    .to_owned(),
            ),
            Stop::Syntax { expected, at } => (*at, self.syntax(*expected, *at)),
        };
        SyntaxError::at(text, at, message)
    }

    fn syntax(&self, expected: Expected, at: usize) -> String {
        let found = self.s.get(at).copied();
        let before = self.s[..at.min(self.s.len())]
            .iter()
            .rev()
            .find(|c| !is_blank(**c))
            .copied();
        match (expected, found) {
            (Expected::Quoted, _) => {
                "this quote is never closed: end the value with the same quote".to_owned()
            }
            (Expected::Word, _) => "the value ends with a comma and nothing after it: remove \
                                    the comma, or write it as `\\,` if it belongs to the value"
                .to_owned(),
            (_, Some(c)) if c as u32 > 0xFFFF => format!(
                "`{c}` (a character beyond U+FFFF, such as an emoji) cannot be written bare in \
                 shorthand: put the value in quotes (\"…\")"
            ),
            (Expected::Char(_), None) if !self.open.is_empty() => {
                let open = self.open[self.open.len() - 1];
                format!(
                    "the `{}` at character {} is never closed",
                    self.s[open],
                    open + 1
                )
            }
            (Expected::Char('='), found) => self.no_equals(at, found),
            (Expected::Char(_), Some(c)) => self.after_value(at, c, before),
            (Expected::Char(c), None) => format!("the value ends where a `{c}` is needed"),
        }
    }

    /// Where `=` was needed after a key.
    fn no_equals(&self, at: usize, found: Option<char>) -> String {
        let key_start = self.s[..at]
            .iter()
            .rposition(|c| !is_key_char(*c) && !is_blank(*c))
            .map_or(0, |p| p + 1);
        let key: String = self.s[key_start..at]
            .iter()
            .collect::<String>()
            .trim()
            .to_owned();
        match found {
            None if key.is_empty() => "the value ends where a key is needed".to_owned(),
            None => format!("`{key}` has no `=` after it: shorthand is `key=value`"),
            Some(_) if key.is_empty() && at > 0 && self.s[..at].iter().all(|c| is_blank(*c)) => {
                "the value starts with a blank, which the CLI does not skip: remove the blanks \
                 before the first key"
                    .to_owned()
            }
            Some('\'' | '"') => {
                "a key cannot be quoted: keys are letters, digits and - _ . # / :".to_owned()
            }
            Some('{' | '[') if key.is_empty() => "a `{` or `[` where a key is expected: to give \
                 several structures, put them in one list, `key=[{…},{…}]`"
                .to_owned(),
            Some(c) if key.is_empty() => format!(
                "`{c}` where a key is expected: shorthand is `key=value` pairs separated by commas"
            ),
            Some(c) => format!(
                "`{c}` cannot be part of a key (keys are letters, digits and - _ . # / :), and \
                 `{key}` needs `=` after it"
            ),
        }
    }

    /// Where a `,` (or the end of a list or structure) was needed after a value.
    fn after_value(&self, at: usize, found: char, before: Option<char>) -> String {
        let last_word_is_brace = self
            .last_word
            .is_some_and(|w| self.s.get(w) == Some(&'}') && w < at);
        match (found, before) {
            (']' | '}', Some('}')) if last_word_is_brace => {
                "a value is empty and last in `{…}`, so the CLI takes the `}` as the value: \
                 write `\"\"` for an empty value"
                    .to_owned()
            }
            (_, Some('\'' | '"')) => {
                "text after a closing quote: the quotes must enclose the whole value".to_owned()
            }
            ('\'' | '"', _) => "a quote in the middle of a word: put the whole value in quotes, \
                                or none"
                .to_owned(),
            ('}', _) | (_, Some('}')) => {
                "a `}` inside a value ends the structure; quote the value".to_owned()
            }
            (']', _) | (_, Some(']')) => {
                "a `]` inside a value ends the list; quote the value".to_owned()
            }
            (c, _) => format!("`{c}` where a comma or the end of the value is needed"),
        }
    }
}

/// Gives a raw shorthand tree the types of shape `shape` (at `path`), as the CLI does before
/// it validates: the JSON the same value would be given as. What the CLI reads by surprise
/// is noted in `problems` (`012` read as 12, one value made a list of one), and what it
/// refuses there is an error (text that is no whole number, a comma that made a list where
/// one value is expected). The rest (unknown members, a value of the wrong type) is kept as
/// given, for the JSON reader to report at its path.
pub fn typed(shape: &Shape, raw: &Raw, path: &Path, problems: &mut Vec<Problem>) -> Json {
    match (&shape.kind, raw) {
        (ShapeKind::Structure(members), Raw::Hash(pairs)) => {
            let positions: Vec<usize> = pairs
                .iter()
                .filter_map(|(key, _)| members.iter().position(|m| m.name == key))
                .collect();
            if positions.windows(2).any(|w| w[0] > w[1]) {
                problems.push(note(
                    path,
                    Severity::Info,
                    "The members are given in another order than the model's: the CLI sends \
                     them in the order given, this page writes them in the model's order (the \
                     same request)."
                        .to_owned(),
                ));
            }
            structure(members, pairs, path, problems)
        }
        (ShapeKind::Map(_, values), Raw::Hash(pairs)) => Json::Object(
            pairs
                .iter()
                .map(|(key, value)| (key.clone(), typed(values, value, path, problems)))
                .collect(),
        ),
        (ShapeKind::List(item), Raw::List { items, .. }) => Json::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, value)| typed(item, value, &path.then(Step::Item(i)), problems))
                .collect(),
        ),
        (ShapeKind::List(_), one) => {
            // The CLI wraps the value as it is, without typing what is inside.
            problems.push(note(
                path,
                Severity::Warning,
                "One value where a list is expected: the CLI sends it as a list of one. Write \
                 `[…]` to say so."
                    .to_owned(),
            ));
            Json::Array(vec![one.to_json()])
        }
        (ShapeKind::Integer(_) | ShapeKind::Long(_), Raw::Text(text)) => {
            integer(text, path, problems)
        }
        (ShapeKind::Boolean, Raw::Text(text)) => match text.to_lowercase().as_str() {
            "true" => Json::Bool(true),
            "false" => Json::Bool(false),
            _ => Json::String(text.clone()),
        },
        (ShapeKind::Float | ShapeKind::Double, Raw::Text(text)) => py_strip(text)
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or_else(|| Json::String(text.clone()), Json::Number),
        (
            ShapeKind::String(_)
            | ShapeKind::Timestamp
            | ShapeKind::Blob
            | ShapeKind::Integer(_)
            | ShapeKind::Long(_)
            | ShapeKind::Boolean
            | ShapeKind::Float
            | ShapeKind::Double,
            Raw::List { items, bracketed },
        ) => {
            let message = if *bracketed {
                "`[…]` makes this a list, and the CLI refuses a list here: put the value in \
                 quotes to keep the brackets."
                    .to_owned()
            } else {
                let shown: Vec<String> = items
                    .iter()
                    .map(|item| match item {
                        Raw::Text(text) => format!("\"{text}\""),
                        other => other.to_json().to_string(),
                    })
                    .collect();
                format!(
                    "A comma made this a list of {} values ({}), and the CLI refuses a list \
                     here: escape the comma as `\\,` or put the value in quotes.",
                    items.len(),
                    shown.join(", ")
                )
            };
            problems.push(note(path, Severity::Error, message));
            raw.to_json()
        }
        _ => raw.to_json(),
    }
}

/// A structure's members typed, unknown ones kept as given.
fn structure(
    members: &[crate::core::model::Member],
    pairs: &[(String, Raw)],
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Json {
    Json::Object(
        pairs
            .iter()
            .map(|(key, value)| {
                let json = match members.iter().position(|m| m.name == key) {
                    Some(i) => typed(
                        members[i].shape,
                        value,
                        &path.then(Step::Member(i)),
                        problems,
                    ),
                    None => value.to_json(),
                };
                (key.clone(), json)
            })
            .collect(),
    )
}

fn note(path: &Path, severity: Severity, message: String) -> Problem {
    Problem {
        path: path.clone(),
        severity,
        message,
    }
}

/// An integer member's text, read as Python's `int()` reads it.
fn integer(text: &str, path: &Path, problems: &mut Vec<Problem>) -> Json {
    let Some(digits) = py_int(text) else {
        problems.push(note(
            path,
            Severity::Error,
            format!(
                "\"{text}\" is not a whole number: the CLI stops there (it reads whole numbers \
                 as Python's int() does)."
            ),
        ));
        return Json::String(text.to_owned());
    };
    let number = digits
        .parse::<i64>()
        .map(Number::from)
        .or_else(|_| digits.parse::<u64>().map(Number::from));
    let Ok(number) = number else {
        problems.push(note(
            path,
            Severity::Error,
            format!("{digits} is too large for this page to carry."),
        ));
        return Json::String(text.to_owned());
    };
    if digits != text {
        problems.push(note(
            path,
            Severity::Info,
            format!(
                "The CLI reads \"{text}\" as {digits} (it reads whole numbers as Python's int() \
                 does)."
            ),
        ));
    }
    Json::Number(number)
}

/// A whole number as Python's `int(text)` reads it (blanks around, a sign, `_` between
/// digits, leading zeros), written without leading zeros; `None` when `int()` refuses it.
pub fn py_int(text: &str) -> Option<String> {
    let body = py_strip(text);
    let (negative, digits) = match body.as_bytes().first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let bytes = digits.as_bytes();
    let well_formed = !bytes.is_empty()
        && bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes.iter().all(|b| b.is_ascii_digit() || *b == b'_')
        && !digits.contains("__");
    if !well_formed {
        return None;
    }
    let plain: String = digits.chars().filter(|c| *c != '_').collect();
    let plain = plain.trim_start_matches('0');
    Some(match (plain.is_empty(), negative) {
        (true, _) => "0".to_owned(),
        (false, true) => format!("-{plain}"),
        (false, false) => plain.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;

    /// Reads `input` and compares with `expect`: the raw tree as JSON (keys in the order
    /// read), or `error@N` with N the character where the reader stopped.
    fn check(id: &str, input: &str, expect: &str) {
        let got = match parse(input) {
            Ok(raw) => raw.to_json().to_string(),
            Err(e) => format!("error@{}", e.offset),
        };
        let expect = if expect.starts_with("error@") {
            expect.to_owned()
        } else {
            serde_json::from_str::<Json>(expect).unwrap().to_string()
        };
        assert_eq!(got, expect, "case {id}: {input:?}");
    }

    /// Every shorthand case of NESTED-FACTS §2.3 (by its id) and the parser's corner cases,
    /// with what the CLI v1 1.42.30's own parser gives for the same text (`error@N`: it
    /// stops at character N).
    #[test]
    fn every_case_reads_as_the_cli_reads_it() {
        for (id, input, expect) in CASES {
            check(id, input, expect);
        }
    }

    const CASES: &[(&str, &str, &str)] = &[
        (
            "S1",
            "validationId=val-0123456789abcdef0,status=PENDING,statusMessage=hello world",
            "{\"validationId\": \"val-0123456789abcdef0\", \"status\": \"PENDING\", \"statusMessage\": \"hello world\"}",
        ),
        (
            "S2",
            "statusMessage=m,status=PENDING,validationId=val-1",
            "{\"statusMessage\": \"m\", \"status\": \"PENDING\", \"validationId\": \"val-1\"}",
        ),
        (
            "S6",
            "statusMessage=a,b",
            "{\"statusMessage\": [\"a\", \"b\"]}",
        ),
        ("S7", "statusMessage=a\\,b", "{\"statusMessage\": \"a,b\"}"),
        (
            "S8",
            "statusMessage=\"a,b=c [x] {y}\"",
            "{\"statusMessage\": \"a,b=c [x] {y}\"}",
        ),
        (
            "S9",
            "statusMessage='it\\'s'",
            "{\"statusMessage\": \"it's\"}",
        ),
        ("S10", "statusMessage=a=b", "{\"statusMessage\": \"a=b\"}"),
        ("S11", "statusMessage=[x]", "{\"statusMessage\": [\"x\"]}"),
        ("S12", "statusMessage={x}", "error@16"),
        (
            "S13",
            "status=PENDING,statusMessage=",
            "{\"status\": \"PENDING\", \"statusMessage\": \"\"}",
        ),
        (
            "S14",
            " status = PENDING , statusMessage =  two  words  ",
            "error@1",
        ),
        (
            "S14b",
            "status = PENDING , statusMessage =  two  words  ",
            "{\"status\": \"PENDING\", \"statusMessage\": \"two  words\"}",
        ),
        (
            "S15",
            "status=PENDING,bogus=1",
            "{\"status\": \"PENDING\", \"bogus\": \"1\"}",
        ),
        ("S16", "status=PENDING,status=FAILED", "error@15"),
        ("S17", "status", "error@6"),
        (
            "S18",
            "status=PENDING,statusMessage@=file://f/msg.txt",
            "error@30",
        ),
        ("S19", "statusMessage=é😀", "error@15"),
        (
            "S19b",
            "statusMessage=\"😀\",status=é",
            "{\"statusMessage\": \"😀\", \"status\": \"é\"}",
        ),
        (
            "S21",
            "statusMessage=a\nb  ",
            "{\"statusMessage\": \"a\\nb\"}",
        ),
        (
            "S23",
            "statusMessage=\"say \\\"hi\\\" \\\\n\"",
            "{\"statusMessage\": \"say \\\"hi\\\" \\\\n\"}",
        ),
        ("S24", "statusMessage=it's", "error@16"),
        ("S25", "Status=PENDING", "{\"Status\": \"PENDING\"}"),
        (
            "S26",
            "statusMessage=a,b,validationId=v",
            "{\"statusMessage\": [\"a\", \"b\"], \"validationId\": \"v\"}",
        ),
        (
            "S32",
            "statusMessage='a\"b\\\\c'",
            "{\"statusMessage\": \"a\\\"b\\\\c\"}",
        ),
        (
            "S33",
            "statusMessage=\"it's\"",
            "{\"statusMessage\": \"it's\"}",
        ),
        ("S34", "statusMessage=\"a\"b", "error@17"),
        (
            "S36",
            "statusMessage=,status=PENDING",
            "{\"statusMessage\": \"\", \"status\": \"PENDING\"}",
        ),
        (
            "S38",
            "statusMessage=a\tb\r",
            "{\"statusMessage\": \"a\\tb\"}",
        ),
        ("S39", "a-b_c.d#e/f:g=1", "{\"a-b_c.d#e/f:g\": \"1\"}"),
        (
            "S40",
            "statusMessage=C:\\path\\x",
            "{\"statusMessage\": \"C:\\\\path\\\\x\"}",
        ),
        (
            "S41",
            "statusMessage=\"\",status=''",
            "{\"statusMessage\": \"\", \"status\": \"\"}",
        ),
        ("S45", "statusMessage@=\"file://f/msg.txt\"", "error@15"),
        (
            "S46",
            "statusMessage=file://f/msg.txt",
            "{\"statusMessage\": \"file://f/msg.txt\"}",
        ),
        (
            "L1",
            "key=k1,value=v1",
            "{\"key\": \"k1\", \"value\": \"v1\"}",
        ),
        (
            "L10",
            "key=k1,value=a,b",
            "{\"key\": \"k1\", \"value\": [\"a\", \"b\"]}",
        ),
        (
            "L11",
            "serverGroupId=sg-1,name=web,serverList=[{serverId=s-1,serverType=VIRTUAL_MACHINE,vmServer={vmServerAddress={vmManagerId=m-1,vmId=vm-1},vmName=web 1,vmManagerType=VSPHERE},replicationJobTerminated=false}]",
            "{\"serverGroupId\": \"sg-1\", \"name\": \"web\", \"serverList\": [{\"serverId\": \"s-1\", \"serverType\": \"VIRTUAL_MACHINE\", \"vmServer\": {\"vmServerAddress\": {\"vmManagerId\": \"m-1\", \"vmId\": \"vm-1\"}, \"vmName\": \"web 1\", \"vmManagerType\": \"VSPHERE\"}, \"replicationJobTerminated\": \"false\"}]}",
        ),
        (
            "L12",
            "serverGroupId=sg-1,serverList={serverId=s-1}",
            "{\"serverGroupId\": \"sg-1\", \"serverList\": {\"serverId\": \"s-1\"}}",
        ),
        (
            "L13",
            "serverGroupId=sg-1,serverList=s-1",
            "{\"serverGroupId\": \"sg-1\", \"serverList\": \"s-1\"}",
        ),
        (
            "L14",
            "serverGroupId=sg-1,serverList={serverId=a},{serverId=b}",
            "error@43",
        ),
        (
            "L15",
            "serverGroupId=sg-1,serverList=[{serverId=a},{serverId=b}]",
            "{\"serverGroupId\": \"sg-1\", \"serverList\": [{\"serverId\": \"a\"}, {\"serverId\": \"b\"}]}",
        ),
        (
            "L16",
            "serverList=[{serverId=a,replicationJobTerminated=yes}]",
            "{\"serverList\": [{\"serverId\": \"a\", \"replicationJobTerminated\": \"yes\"}]}",
        ),
        (
            "L17",
            "serverList=[{serverId=a,replicationJobTerminated=TRUE}]",
            "{\"serverList\": [{\"serverId\": \"a\", \"replicationJobTerminated\": \"TRUE\"}]}",
        ),
        (
            "L18",
            "serverGroupId=sg-1,serverList=[]",
            "{\"serverGroupId\": \"sg-1\", \"serverList\": []}",
        ),
        (
            "L19",
            "serverList=[{serverId=a,vmServer={}}]",
            "{\"serverList\": [{\"serverId\": \"a\", \"vmServer\": {}}]}",
        ),
        (
            "L20",
            "serverList=[ { serverId = a , vmServer = { vmName = x } } ]",
            "{\"serverList\": [{\"serverId\": \"a\", \"vmServer\": {\"vmName\": \"x\"}}]}",
        ),
        (
            "L21",
            "serverList=[{serverId=\"a,b}c\"}]",
            "{\"serverList\": [{\"serverId\": \"a,b}c\"}]}",
        ),
        ("L22", "serverList=[{serverId=a}b}]", "error@24"),
        ("L24", "{\"key\": \"k1\", \"value\": \"v1\"}", "error@0"),
        (
            "G1",
            "vmManagerId=m,vmId=v",
            "{\"vmManagerId\": \"m\", \"vmId\": \"v\"}",
        ),
        (
            "T2",
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=1764064800.9}},{serverReplicationParameters={seedTime=2026-11-25T10:00:00+02:00}}]",
            "{\"serverReplicationConfigurations\": [{\"serverReplicationParameters\": {\"seedTime\": \"1764064800.9\"}}, {\"serverReplicationParameters\": {\"seedTime\": \"2026-11-25T10:00:00+02:00\"}}]}",
        ),
        (
            "T4",
            "serverReplicationConfigurations=[{serverReplicationParameters={frequency=abc}}]",
            "{\"serverReplicationConfigurations\": [{\"serverReplicationParameters\": {\"frequency\": \"abc\"}}]}",
        ),
        (
            "T5",
            "serverReplicationConfigurations=[{serverReplicationParameters={frequency=}}]",
            "error@75",
        ),
        (
            "T6",
            "serverReplicationConfigurations=[{serverReplicationParameters={frequency=012,numberOfRecentAmisToKeep=1_000}},{serverReplicationParameters={frequency=-1}}]",
            "{\"serverReplicationConfigurations\": [{\"serverReplicationParameters\": {\"frequency\": \"012\", \"numberOfRecentAmisToKeep\": \"1_000\"}}, {\"serverReplicationParameters\": {\"frequency\": \"-1\"}}]}",
        ),
        (
            "T10",
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=}}]",
            "error@74",
        ),
        (
            "T12",
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=2026-11-25 10:00:00}}]",
            "{\"serverReplicationConfigurations\": [{\"serverReplicationParameters\": {\"seedTime\": \"2026-11-25 10:00:00\"}}]}",
        ),
        (
            "T13",
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=2026-11-25,frequency=1}}]",
            "{\"serverReplicationConfigurations\": [{\"serverReplicationParameters\": {\"seedTime\": \"2026-11-25\", \"frequency\": \"1\"}}]}",
        ),
        ("X3", "b=2,a=1", "{\"b\": \"2\", \"a\": \"1\"}"),
        ("X8", "a=b=c,\"x y\"=1", "error@6"),
        ("list-trailing-comma", "k=[a,]", "{\"k\": [\"a\"]}"),
        ("list-leading-comma", "k=[,a]", "{\"k\": [\"\", \"a\"]}"),
        ("csv-trailing-comma", "k=a,", "error@4"),
        ("csv-two-trailing", "k=a,b,", "error@6"),
        (
            "empty-last-ok",
            "k={a=,b=1}",
            "{\"k\": {\"a\": \"\", \"b\": \"1\"}}",
        ),
        (
            "hash-dup-last-wins",
            "k={a=1,b=2,a=3}",
            "{\"k\": {\"a\": \"3\", \"b\": \"2\"}}",
        ),
        ("blank-after-bracket", "k=[a] ", "error@6"),
        ("close-brace-value", "k={a=}}", "{\"k\": {\"a\": \"}\"}}"),
        (
            "quote-trailing-backslash",
            "k=\"x\\\\\",j=\"z\"",
            "error@11",
        ),
        ("quote-unclosed", "k=\"abc", "error@2"),
        ("quote-unclosed-escape", "k=\"ab\\\"c", "error@7"),
        (
            "escaped-comma-backtrack",
            "k=a,b\\,c=d",
            "{\"k\": \"a\", \"c\": \"d\"}",
        ),
        (
            "second-quoted",
            "k=a,\"b,c\",d",
            "{\"k\": [\"a\", \"b,c\", \"d\"]}",
        ),
        (
            "second-brackets",
            "k=a,b]},c",
            "{\"k\": [\"a\", \"b]}\", \"c\"]}",
        ),
        (
            "nested-list",
            "k=[[a,b],[c]]",
            "{\"k\": [[\"a\", \"b\"], [\"c\"]]}",
        ),
        ("list-unclosed", "k=[a,b", "error@6"),
        ("hash-unclosed", "k={a=b", "error@6"),
        ("empty", "", "error@0"),
        ("only-key-eq", "k=", "{\"k\": \"\"}"),
        ("at-literal", "k@=hello", "{\"k\": \"hello\"}"),
        ("at-blanks", "k @ = v", "{\"k\": \"v\"}"),
        ("at-fileb", "k@=fileb://x", "error@3"),
        ("at-in-list", "k@=[a,file://x]", "error@6"),
        (
            "dollar",
            "k=$HOME,j=`id`",
            "{\"k\": \"$HOME\", \"j\": \"`id`\"}",
        ),
        ("backslash-end", "k=a\\", "{\"k\": \"a\\\\\"}"),
        ("controls", "k=a\u{1}b", "error@3"),
        ("nbsp-trailing", "k=a\u{a0}", "{\"k\": \"a\"}"),
        ("key-empty", "=v", "{\"\": \"v\"}"),
        ("double-comma", "a=b,,c=d", "{\"a\": \"b\", \"c\": \"d\"}"),
        ("brace-start-value", "k=}x", "{\"k\": \"}x\"}"),
        ("bracket-close-start", "k=]x", "{\"k\": \"]x\"}"),
    ];

    /// The sentence for an error: what went wrong where, with what to write instead.
    fn message(input: &str) -> String {
        let e = parse(input).unwrap_err();
        format!("{}/{}: {}", e.offset, e.byte, e.message)
    }

    #[test]
    fn each_syntax_error_says_what_to_write_instead() {
        for (id, input, expect) in [
            (
                "L22",
                "serverList=[{serverId=a}b}]",
                "24/24: a `}` inside a value ends the structure; quote the value",
            ),
            (
                "S24",
                "statusMessage=it's",
                "16/16: a quote in the middle of a word: put the whole value in quotes, or none",
            ),
            (
                "S34",
                "statusMessage=\"a\"b",
                "17/17: text after a closing quote: the quotes must enclose the whole value",
            ),
            (
                "S16",
                "status=PENDING,status=FAILED",
                "15/15: the key \"status\" is given twice (in shorthand that is an error; in JSON the last one wins)",
            ),
            (
                "S19",
                "statusMessage=é😀",
                "15/16: `😀` (a character beyond U+FFFF, such as an emoji) cannot be written bare in shorthand: put the value in quotes",
            ),
            (
                "S14",
                " status=PENDING",
                "1/1: the value starts with a blank, which the CLI does not skip",
            ),
            ("S17", "status", "6/6: `status` has no `=` after it"),
            (
                "T5",
                "a=[{b={frequency=}}]",
                "19/19: a value is empty and last in `{…}`",
            ),
            (
                "S18",
                "statusMessage@=file://f/msg.txt",
                "15/15: `key@=file://…` makes the CLI read a file, and this page cannot read your files",
            ),
            (
                "L14",
                "serverList={serverId=a},{serverId=b}",
                "24/24: a `{` or `[` where a key is expected",
            ),
            (
                "k=a,",
                "k=a,",
                "4/4: the value ends with a comma and nothing after it",
            ),
            (
                "open",
                "k=[a,{b=c",
                "9/9: the `{` at character 6 is never closed",
            ),
            ("quote", "k=\"abc", "2/2: this quote is never closed"),
            ("X8", "a=b,\"x y\"=1", "4/4: a key cannot be quoted"),
        ] {
            let got = message(input);
            assert!(got.starts_with(expect), "case {id}: {got}");
        }
    }

    fn member(cli_name: &str, flag: &str) -> &'static Shape {
        let operation = sms::SERVICE.operation(cli_name).unwrap();
        operation
            .members()
            .iter()
            .find(|m| m.flag == flag)
            .unwrap()
            .shape
    }

    #[test]
    fn the_model_types_what_the_grammar_reads() {
        // T6: Python's int(); L17: booleans in any case; T12: times stay text.
        let shape = member(
            "put-app-replication-configuration",
            "server-group-replication-configurations",
        );
        let ShapeKind::List(group) = &shape.kind else {
            panic!()
        };
        let mut problems = Vec::new();
        let raw = parse("serverReplicationConfigurations=[{serverReplicationParameters={frequency=12,numberOfRecentAmisToKeep= 1_000 ,runOnce=TRUE,encrypted=False,seedTime=2026-11-25 10:00:00}}]").unwrap();
        let json = typed(group, &raw, &Path::root(), &mut problems);
        assert_eq!(
            json.to_string(),
            r#"{"serverReplicationConfigurations":[{"serverReplicationParameters":{"frequency":12,"numberOfRecentAmisToKeep":1000,"runOnce":true,"encrypted":false,"seedTime":"2026-11-25 10:00:00"}}]}"#
        );
        // The parameters are given out of the model's order, and `1_000` is read as 1000.
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.severity == Severity::Info));
        // One hash where the whole list is expected: wrapped, its inside left as given.
        let json = typed(shape, &raw, &Path::root(), &mut problems);
        assert!(json.to_string().contains(r#""runOnce":"TRUE""#), "{json}");
        assert_eq!(problems[2].severity, Severity::Warning);
    }

    #[test]
    fn surprising_reads_are_noted_and_refusals_are_errors() {
        let shape = member(
            "put-app-replication-configuration",
            "server-group-replication-configurations",
        );
        let ShapeKind::List(group) = &shape.kind else {
            panic!()
        };
        let check_group = |input: &str| {
            let mut problems = Vec::new();
            let json = typed(group, &parse(input).unwrap(), &Path::root(), &mut problems);
            let notes: Vec<String> = problems
                .iter()
                .map(|p| {
                    format!(
                        "{} {}: {}",
                        p.severity.as_str(),
                        p.path.spell("g", group),
                        p.message
                    )
                })
                .collect();
            (json.to_string(), notes)
        };
        // T6 and T4.
        let (json, notes) = check_group(
            "serverReplicationConfigurations=[{serverReplicationParameters={frequency=012}},{serverReplicationParameters={frequency=abc}}]",
        );
        assert_eq!(
            json,
            r#"{"serverReplicationConfigurations":[{"serverReplicationParameters":{"frequency":12}},{"serverReplicationParameters":{"frequency":"abc"}}]}"#
        );
        assert_eq!(
            notes,
            [
                "info g.serverReplicationConfigurations[0].serverReplicationParameters.frequency: The CLI reads \"012\" as 12 (it reads whole numbers as Python's int() does).",
                "error g.serverReplicationConfigurations[1].serverReplicationParameters.frequency: \"abc\" is not a whole number: the CLI stops there (it reads whole numbers as Python's int() does).",
            ]
        );
        // L12: one hash where a list is expected is wrapped, its inside left as text (so
        // `true` stays a string, as in the CLI); L10/S6: a comma made a list.
        let (json, notes) = check_group(
            "serverGroupId=a,b,serverReplicationConfigurations={server={serverId=s},serverReplicationParameters={runOnce=true}}",
        );
        assert_eq!(
            json,
            r#"{"serverGroupId":["a","b"],"serverReplicationConfigurations":[{"server":{"serverId":"s"},"serverReplicationParameters":{"runOnce":"true"}}]}"#
        );
        assert_eq!(
            notes,
            [
                "error g.serverGroupId: A comma made this a list of 2 values (\"a\", \"b\"), and the CLI refuses a list here: escape the comma as `\\,` or put the value in quotes.",
                "warning g.serverReplicationConfigurations: One value where a list is expected: the CLI sends it as a list of one. Write `[…]` to say so.",
            ]
        );
    }

    #[test]
    fn a_key_given_twice_inside_braces_keeps_its_place_and_the_last_value_with_a_note() {
        let (raw, notes) = parse_noting("k={a=1,b=2,a=3}").unwrap();
        assert_eq!(raw.to_json().to_string(), r#"{"k":{"a":"3","b":"2"}}"#);
        assert_eq!(
            notes,
            [SyntaxError {
                offset: 11,
                byte: 11,
                message: "the key \"a\" is given twice inside `{…}`: the CLI keeps the last value"
                    .to_owned()
            }]
        );
    }

    #[test]
    fn integers_follow_python_s_int() {
        for (text, expect) in [
            ("012", Some("12")),
            ("1_000", Some("1000")),
            (" -1 ", Some("-1")),
            ("+5", Some("5")),
            ("-0", Some("0")),
            ("000", Some("0")),
            ("\t7\n", Some("7")),
            ("1__0", None),
            ("_1", None),
            ("1_", None),
            ("0x10", None),
            ("1.0", None),
            ("", None),
            ("- 1", None),
            ("abc", None),
        ] {
            assert_eq!(py_int(text).as_deref(), expect, "{text:?}");
        }
    }
}
