//! A small, strict JSON reader for the few JSON texts the page itself reads: `config.json`, the
//! proxy's answer and the import worker's messages.
//!
//! It exists so the page's wasm carries no general serialization framework (and no float
//! formatting): the importers, which need the CLI's exact reading of JSON, run in the import
//! worker instead. It reads RFC 8259 JSON into a [`Value`] tree and nothing more lenient: no
//! comments, no trailing commas, no byte-order mark. Numbers are kept as the text written
//! (nothing read here needs arithmetic); a key repeated in one object keeps its first place
//! and its last value. Anything else is a [`SyntaxError`] saying where, in lines and
//! characters. Nesting deeper than [`MAX_DEPTH`] is refused instead of risking the stack, and
//! no input makes it panic.

use std::fmt;

/// The deepest nesting of objects and lists accepted.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string, escapes decoded.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object.
    Object(Object),
}

impl Value {
    /// The member `key` when this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, when this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The object, when this is one.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The items, when this is a list.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// A number exactly as the text wrote it (always valid JSON number syntax).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The text as written, e.g. `-1.5e3`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value when it is written as a whole number without sign, fraction or exponent that
    /// fits a `u64` (`30`, not `30.0`, `3e1` or `-0`).
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An object's members in the order their keys first appear, each key once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys in document order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// How many distinct keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the object has no members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Builds the object from members as read, one entry per key: a repeated key keeps the
    /// place of its first appearance and the value of its last.
    fn from_members(mut members: Vec<(String, Value)>) -> Self {
        if members.len() < 2 {
            return Self(members);
        }
        // Sort positions by key (stably, so equal keys stay in document order), then every
        // run of equal keys is one member.
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|&a, &b| members[a].0.cmp(&members[b].0));
        let mut value_from: Vec<Option<usize>> = vec![None; members.len()];
        let mut start = 0;
        while start < order.len() {
            let mut end = start + 1;
            while end < order.len() && members[order[end]].0 == members[order[start]].0 {
                end += 1;
            }
            value_from[order[start]] = Some(order[end - 1]);
            start = end;
        }
        let mut values: Vec<Option<Value>> = members
            .iter_mut()
            .map(|(_, v)| Some(std::mem::replace(v, Value::Null)))
            .collect();
        let mut kept = Vec::with_capacity(members.len());
        for (index, (key, _)) in members.into_iter().enumerate() {
            if let Some(from) = value_from[index]
                && let Some(value) = values[from].take()
            {
                kept.push((key, value));
            }
        }
        Self(kept)
    }
}

/// Why a text is not JSON, and where: `line` counts from 1; `column` is the offending
/// character's place on its line, counted in characters from 1 (when the text ends too early,
/// the number of characters on its last line, so 0 after a final line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line, from 1.
    pub line: usize,
    /// The column, in characters.
    pub column: usize,
    /// What is wrong, as a phrase (`"trailing comma before '}'"`).
    pub reason: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {}, column {}",
            self.reason, self.line, self.column
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Reads one JSON value that makes up the whole text (white space around it allowed).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    reader.skip_space();
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.fail(reader.at, "unexpected text after the JSON value"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next unread byte; always on a character boundary between tokens.
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// An error about the character starting at byte `offset` (or the end of the text).
    fn fail(&self, offset: usize, reason: impl Into<String>) -> SyntaxError {
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let on_line = before.get(line_start..).map_or(0, |l| l.chars().count());
        SyntaxError {
            line: 1 + before.bytes().filter(|&b| b == b'\n').count(),
            column: on_line + usize::from(offset < self.text.len()),
            reason: reason.into(),
        }
    }

    /// What the offending character is, for messages.
    fn found(&self, offset: usize) -> String {
        match self.text.get(offset..).and_then(|rest| rest.chars().next()) {
            None => "the end of the text".to_owned(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
            Some(c) => format!("'{c}'"),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail(
                self.at,
                format!(
                    "expected a value (object, list, string, number, true, false or null), found {}",
                    self.found(self.at)
                ),
            )),
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.fail(
                self.at,
                format!("objects and lists are nested more than {MAX_DEPTH} deep"),
            ));
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.check_depth(depth)?;
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(Object::default()));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.fail(self.at, "trailing comma before '}'")),
                _ => {
                    return Err(self.fail(
                        self.at,
                        format!(
                            "expected a key in double quotes, found {}",
                            self.found(self.at)
                        ),
                    ));
                }
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.fail(
                    self.at,
                    format!("expected ':' after a key, found {}", self.found(self.at)),
                ));
            }
            self.at += 1;
            self.skip_space();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(Object::from_members(members)));
                }
                _ => {
                    return Err(self.fail(
                        self.at,
                        format!(
                            "expected ',' or '}}' after an object member, found {}",
                            self.found(self.at)
                        ),
                    ));
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.check_depth(depth)?;
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            if self.peek() == Some(b']') {
                return Err(self.fail(self.at, "trailing comma before ']'"));
            }
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(self.fail(
                        self.at,
                        format!(
                            "expected ',' or ']' after a list item, found {}",
                            self.found(self.at)
                        ),
                    ));
                }
            }
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.fail(
                    self.at,
                    format!("expected {word}, found {}", self.found(self.at)),
                ));
            }
            self.at += 1;
        }
        Ok(value)
    }

    fn digits(&mut self, after: &str) -> Result<(), SyntaxError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.fail(
                self.at,
                format!("expected a digit {after}, found {}", self.found(self.at)),
            ));
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') {
            self.at += 1;
        } else {
            self.digits("in the number")?;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits("after the decimal point")?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.digits("in the exponent")?;
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Ok(Value::Number(Number(text.to_owned())))
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(self.fail(self.at, "the text ends inside a string")),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.at).unwrap_or_default());
                    self.at += 1;
                    out.push(self.escape()?);
                    run = self.at;
                }
                Some(byte) if byte < 0x20 => {
                    return Err(self.fail(
                        self.at,
                        format!(
                            "{} must be written as an escape inside a string",
                            self.found(self.at)
                        ),
                    ));
                }
                Some(_) => self.at += 1,
            }
        }
    }

    /// Reads what follows a backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            None => return Err(self.fail(self.at, "the text ends inside a string")),
            Some(_) => {
                return Err(self.fail(
                    self.at,
                    format!(
                        "{} cannot follow a backslash (escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                        self.found(self.at)
                    ),
                ));
            }
        };
        self.at += 1;
        Ok(c)
    }

    /// Reads the hex digits of `\uXXXX` (the `\u` already read), and a second escape when the
    /// first is the high half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first_at = self.at;
        let unit = self.hex4()?;
        let code = match unit {
            0xD800..=0xDBFF => {
                let second_at = self.at;
                if self.text.as_bytes().get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.fail(
                        first_at,
                        format!(
                            "\\u{unit:04X} is the first half of a surrogate pair but no \\u escape for the second half follows"
                        ),
                    ));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.fail(
                        second_at,
                        format!(
                            "\\u{unit:04X} must be followed by the second half of a surrogate pair (\\uDC00 to \\uDFFF), not \\u{low:04X}"
                        ),
                    ));
                }
                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.fail(
                    first_at,
                    format!(
                        "\\u{unit:04X} is the second half of a surrogate pair without a first half"
                    ),
                ));
            }
            _ => unit,
        };
        // Never fails: surrogates were handled above and a pair always gives a valid scalar.
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.fail(
                    self.at,
                    format!(
                        "expected four hex digits after \\u, found {}",
                        self.found(self.at)
                    ),
                ));
            };
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn obj(members: &[(&str, Value)]) -> Value {
        Value::Object(Object(
            members
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        ))
    }

    fn num(text: &str) -> Value {
        Value::Number(Number(text.to_owned()))
    }

    fn s(text: &str) -> Value {
        Value::String(text.to_owned())
    }

    /// Asserts `text` is refused at `line`/`column` with a reason containing `needle`.
    fn refused(text: &str, line: usize, column: usize, needle: &str) {
        let e = parse(text).expect_err(text);
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e}");
        assert!(e.reason.contains(needle), "{text:?}: {e}");
    }

    #[test]
    fn reads_every_kind_of_value() {
        assert_eq!(
            parse(r#" {"a": [1, -2.5e+3, true, false, null, "x"], "b": {}, "c": []} "#).unwrap(),
            obj(&[
                (
                    "a",
                    Value::Array(vec![
                        num("1"),
                        num("-2.5e+3"),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null,
                        s("x"),
                    ])
                ),
                ("b", obj(&[])),
                ("c", Value::Array(vec![])),
            ])
        );
        assert_eq!(parse("0").unwrap(), num("0"));
        assert_eq!(parse("\t\r\n\"\"\n").unwrap(), s(""));
    }

    #[test]
    fn decodes_every_escape() {
        assert_eq!(
            parse(r#""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC""#).unwrap(),
            s("\"\\/\u{8}\u{c}\n\r\tAé€")
        );
        // A surrogate pair is one character; raw non-ASCII text passes through.
        assert_eq!(parse(r#""\ud83d\ude00 ü 😀""#).unwrap(), s("😀 ü 😀"));
    }

    #[test]
    fn bad_surrogates_are_refused_where_they_are() {
        refused(r#""\ud83d""#, 1, 4, "no \\u escape for the second half");
        refused(r#""\ud83dx""#, 1, 4, "first half");
        refused(r#""ab\ud83d\u0041""#, 1, 10, "not \\u0041");
        refused(r#""\ude00""#, 1, 4, "without a first half");
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value() {
        let v = parse(r#"{"a": 1, "b": 2, "a": 3, "c": 4, "b": 5, "a": 6}"#).unwrap();
        assert_eq!(v, obj(&[("a", num("6")), ("b", num("5")), ("c", num("4"))]));
        assert_eq!(v.get("a"), Some(&num("6")));
        assert_eq!(v.as_object().unwrap().len(), 3);
    }

    #[test]
    fn numbers_keep_their_text_and_only_plain_whole_ones_are_u64() {
        let n = |t: &str| match parse(t).unwrap() {
            Value::Number(n) => n,
            other => panic!("{other:?}"),
        };
        assert_eq!(n("30").as_u64(), Some(30));
        assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
        for t in ["30.0", "3e1", "-1", "-0", "18446744073709551616"] {
            assert_eq!(n(t).as_u64(), None, "{t}");
            assert_eq!(n(t).to_string(), t);
        }
    }

    #[test]
    fn syntax_errors_say_where_in_lines_and_characters() {
        refused(r#"{"url": "./a/",}"#, 1, 16, "trailing comma before '}'");
        refused("[1, 2,\n ]", 2, 2, "trailing comma before ']'");
        refused("{\n  \"url\": './a/'\n}", 2, 10, "found '''");
        refused("  \n", 2, 0, "expected a value");
        refused("", 1, 0, "found the end of the text");
        refused("{\"a\" 1}", 1, 6, "expected ':'");
        refused("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'");
        refused("[1 2]", 1, 4, "expected ',' or ']'");
        refused("{a: 1}", 1, 2, "key in double quotes");
        refused("{\"é€\": tru}", 1, 11, "expected true");
        refused("\"abc", 1, 4, "ends inside a string");
        refused("\"a\nb\"", 1, 3, "U+000A must be written as an escape");
        refused(r#""\x""#, 1, 3, "'x' cannot follow a backslash");
        refused(r#""\u12G4""#, 1, 6, "four hex digits");
        refused("01", 1, 2, "after the JSON value");
        refused("-", 1, 1, "expected a digit in the number");
        refused("1.", 1, 2, "after the decimal point");
        refused("1e+", 1, 3, "in the exponent");
        refused("\u{feff}{}", 1, 1, "expected a value");
        refused("{} {}", 1, 4, "after the JSON value");
        refused("// note\n{}", 1, 1, "found '/'");
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        refused(&deep, 1, MAX_DEPTH + 1, "nested more than 128 deep");
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1);
        assert!(parse(&objects).unwrap_err().reason.contains("nested"));
        // Far deeper input is refused, not a stack overflow.
        assert!(parse(&"[".repeat(1_000_000)).is_err());
    }

    /// Writes a value back as JSON (test only; the page never writes these trees).
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(n.as_str()),
            Value::String(text) => crate::core::render::json::push_string(out, text, &[]),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write(item, out);
                }
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (key, item)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    crate::core::render::json::push_string(out, key, &[]);
                    out.push_str(":\n ");
                    write(item, out);
                }
                out.push('}');
            }
        }
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let number = "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,5})?([eE][+-]?[0-9]{1,2})?";
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            number.prop_map(|t| Value::Number(Number(t))),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((any::<String>(), inner), 0..6)
                    .prop_map(|members| Value::Object(Object::from_members(members))),
            ]
        })
    }

    /// Our tree for what `serde_json` read (numbers as `null`), to compare the two readers.
    fn from_serde(value: &serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null | serde_json::Value::Number(_) => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(map) => Value::Object(Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), from_serde(v)))
                    .collect(),
            )),
        }
    }

    /// Numbers as `null`, since `serde_json` rewrites their text.
    fn without_numbers(value: &Value) -> Value {
        match value {
            Value::Number(_) => Value::Null,
            Value::Array(items) => Value::Array(items.iter().map(without_numbers).collect()),
            Value::Object(o) => Value::Object(Object(
                o.iter()
                    .map(|(k, v)| (k.to_owned(), without_numbers(v)))
                    .collect(),
            )),
            other => other.clone(),
        }
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(value in any_value()) {
            let mut text = String::new();
            write(&value, &mut text);
            prop_assert_eq!(parse(&text).unwrap(), value);
        }

        #[test]
        fn never_panics_on_any_text(text in "\\PC*|[\\x00-\\x7f]*") {
            let _ = parse(&text);
        }

        /// Against `serde_json` on JSON-like noise: both accept the same texts and read the
        /// same tree (numbers aside, whose text `serde_json` rewrites).
        #[test]
        fn agrees_with_serde_json(text in r#"[\[\]{}",:0-9.eE+\- \ntrufalsn\\/bu0dDcC8a\x01é😀]{0,40}"#) {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", text, ours, theirs);
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                prop_assert_eq!(without_numbers(&ours), from_serde(&theirs));
            }
        }

        #[test]
        fn errors_point_inside_the_text(text in "[\\[\\]{}\",: \\n\\\\a1é]{0,30}") {
            if let Err(e) = parse(&text) {
                let lines: Vec<&str> = text.split('\n').collect();
                prop_assert!(e.line >= 1 && e.line <= lines.len(), "{:?}: {}", text, e);
                // A line break as the offending character is one past its line's text.
                prop_assert!(e.column <= lines[e.line - 1].chars().count() + 1, "{:?}: {}", text, e);
            }
        }
    }
}
