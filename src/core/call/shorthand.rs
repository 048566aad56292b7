//! The CLI's shorthand notation (`key=value,other={a=b},list=[x,y]`) for a structure or list
//! member of a command, written only where the CLI v1 reads it back as exactly the same value.
//!
//! How the CLI reads a member's words (NESTED-FACTS §2.2): a structure takes one word; a list of
//! structures takes one word per item, decided on the first word (`[` or `{` first means JSON,
//! so the shorthand list syntax `[…]` cannot be used at the top); inside, values are bare
//! words, `"…"` or `'…'` strings, `[…]` lists and `{…}` structures, and the model types them
//! afterwards (whole numbers by Python's `int()`, booleans from `true`/`false`, times by the
//! same parser as at the top).
//!
//! The writer keeps to a subset the parser reads one way only:
//! - members in model order (the order the body has, and the CLI keeps the typed order);
//! - a string bare only when every character is plain (no blank at either end, no `,` `"` `'`
//!   `[` `]` `{` `}` anywhere, no `=` first, no line break, control character or character
//!   beyond the BMP, no `\` last unless no `,` follows); else quoted (in `"…"` for bash and
//!   `'…'` for PowerShell and cmd.exe, see [`Quote`], or in the other quote when the value holds
//!   that one only), with `\` and the quote escaped by a `\` (the parser undoes exactly these
//!   two). A quoted value ending in `\` would run on to the next quote of its kind in the
//!   word (the parser's pattern reads the final `\"` as an escaped quote), so when that quote
//!   comes later it takes the other quote;
//! - the empty string quoted, `""` or `''` (a bare empty value last in `{…}` is a syntax
//!   error);
//! - whole numbers, booleans and times as the documents write them (`12`, `true`,
//!   `2026-11-25T10:00:00Z`), which the CLI reads as the body has them;
//! - nested lists always as `[…]`, nested empty structures as `{}`.
//!
//! Some values have no such spelling, and the member stays JSON, with a [`KeepJson`] saying
//! why: a top-level structure, list or list item that is empty, a NUL character, a quoted
//! value ending in `\` with both quotes later in the word, a number, boolean or time that
//! cannot be read, and the kinds the tool does not write in shorthand (maps, decimals,
//! lists of plain values, which the CLI takes as separate words anyway).
//!
//! `tests/shorthand_write_cli.rs` holds the writer to the real CLI v1 1.42.30: a corpus of
//! commands over every nested operation through real shells and the CLI's driver, and random
//! values through the CLI's own shorthand parser and typing.

use crate::core::model::{Member, Shape, ShapeKind};
use crate::core::timestamp;
use crate::core::value::{self, Value};

/// How the command writes its structure and list members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Notation {
    /// One JSON word per member: every value can be written so.
    #[default]
    Json,
    /// The CLI's shorthand, one word per structure or per item of a list of structures,
    /// where the CLI reads it back exactly; JSON elsewhere (see [`Call::kept_json`]).
    ///
    /// [`Call::kept_json`]: crate::core::call::Call::kept_json
    Shorthand,
}

impl Notation {
    /// Every notation, the default first.
    pub const ALL: [Notation; 2] = [Notation::Json, Notation::Shorthand];

    /// The name in a share link and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Notation::Json => "json",
            Notation::Shorthand => "shorthand",
        }
    }

    /// The notation of a name written by [`Notation::as_str`].
    pub fn parse(text: &str) -> Option<Notation> {
        Self::ALL.into_iter().find(|n| n.as_str() == text)
    }

    /// The label of the choice on the page.
    pub fn label(self) -> &'static str {
        match self {
            Notation::Json => "JSON",
            Notation::Shorthand => "Shorthand",
        }
    }
}

/// Why a member stays JSON in the shorthand notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeepJson {
    /// A top-level structure with no member set.
    EmptyStructure,
    /// A top-level list with no item.
    EmptyList,
    /// An item of a top-level list with no member set.
    EmptyItem,
    /// A value holds a NUL character.
    Nul,
    /// A quoted value ends in `\` and both quotes come later in the word.
    TrailingBackslash,
    /// A number, boolean or time the CLI could not read.
    Unreadable,
    /// A decimal number (`float()` and the body could write it differently).
    Decimal,
    /// A map (no operation the tool serves takes one).
    Map,
    /// A list of plain values (the CLI reads those as separate words, not as shorthand).
    ListOfValues,
    /// A member name with a character shorthand keys cannot have.
    Key,
}

impl KeepJson {
    /// Why, as the end of a sentence.
    pub fn reason(self) -> &'static str {
        match self {
            KeepJson::EmptyStructure => "it is empty, and shorthand has no word for that.",
            KeepJson::EmptyList => "the list is empty, and shorthand has no word for that.",
            KeepJson::EmptyItem => "an item is empty, and shorthand has no word for that.",
            KeepJson::Nul => "a value holds a NUL character, which no command word can carry.",
            KeepJson::TrailingBackslash => {
                "a quoted value ends in \\ and another quoted value follows, which shorthand \
                 would read as one."
            }
            KeepJson::Unreadable => "a number, true/false or time in it cannot be read.",
            KeepJson::Decimal => "it holds a decimal number.",
            KeepJson::Map => "maps are written as JSON.",
            KeepJson::ListOfValues => "a list of plain values is written as JSON.",
            KeepJson::Key => "a member name has a character shorthand keys cannot have.",
        }
    }
}

/// A member the shorthand notation leaves as JSON, and why.
#[derive(Debug, Clone, Copy)]
pub struct JsonKept {
    /// The member.
    pub member: &'static Member,
    /// Why.
    pub why: KeepJson,
}

impl PartialEq for JsonKept {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.member, other.member) && self.why == other.why
    }
}

impl Eq for JsonKept {}

impl JsonKept {
    /// The note for the user (`--tags stays JSON: an item is empty, …`).
    pub fn sentence(&self) -> String {
        format!("--{} stays JSON: {}", self.member.flag, self.why.reason())
    }
}

/// The quote a value that cannot be bare takes first: bash's command wraps words in `'…'`, so
/// `"…"` reads best there; PowerShell and cmd.exe pass `'` as a plain character and `"` with
/// rules of their own, so `'…'` reads best (and travels unchanged) there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Quote {
    /// `"…"`.
    #[default]
    Double,
    /// `'…'`.
    Single,
}

impl Quote {
    fn char(self) -> char {
        match self {
            Quote::Double => '"',
            Quote::Single => '\'',
        }
    }
}

/// The shorthand words of a structure or list member's value: one for a structure, one per
/// item for a list of structures; or why it stays JSON. Values are quoted `"…"` first.
pub fn words(shape: &'static Shape, value: &Value) -> Result<Vec<String>, KeepJson> {
    words_quoted(shape, value, Quote::Double)
}

/// [`words`], values that cannot be bare quoted with `quote` first (with the other quote when
/// the value holds `quote` and not the other, or when it ends in `\\` and `quote` comes later).
pub fn words_quoted(
    shape: &'static Shape,
    value: &Value,
    quote: Quote,
) -> Result<Vec<String>, KeepJson> {
    let word = |shape, value, item| word(shape, value, item, quote.char());
    match (&shape.kind, value) {
        (ShapeKind::Structure(_), Value::Structure(_)) => Ok(vec![word(shape, value, false)?]),
        (ShapeKind::List(item), Value::List(items)) => {
            if !matches!(item.kind, ShapeKind::Structure(_)) {
                return Err(KeepJson::ListOfValues);
            }
            if items.is_empty() {
                return Err(KeepJson::EmptyList);
            }
            items.iter().map(|v| word(item, v, true)).collect()
        }
        (ShapeKind::Map(..), _) => Err(KeepJson::Map),
        _ => Err(KeepJson::Unreadable),
    }
}

/// One top-level word: a structure's members without braces.
fn word(
    shape: &'static Shape,
    value: &Value,
    item: bool,
    prefer: char,
) -> Result<String, KeepJson> {
    // Quoted values that take their other quote, by their place among the quoted values.
    let mut flipped = Vec::new();
    loop {
        let mut writer = Writer {
            flipped: &flipped,
            prefer,
            ..Writer::default()
        };
        if !writer.members(shape, value)? {
            return Err(if item {
                KeepJson::EmptyItem
            } else {
                KeepJson::EmptyStructure
            });
        }
        // A quoted value ending in `\` reads on to the next quote of its kind in the word:
        // it takes the other quote, once; if that quote comes later too, the word is JSON.
        let open = writer
            .open_ends
            .iter()
            .find(|&&(at, quote, _)| writer.out[at..].contains(quote));
        match open {
            None => return Ok(writer.out),
            Some(&(_, _, index)) if !flipped.contains(&index) => flipped.push(index),
            Some(_) => return Err(KeepJson::TrailingBackslash),
        }
    }
}

#[derive(Default)]
struct Writer<'a> {
    out: String,
    /// The quote tried first.
    prefer: char,
    /// The quoted values (counted from 0) that take their other quote.
    flipped: &'a [usize],
    /// How many values have been quoted so far.
    quoted: usize,
    /// After each quoted value that ends in `\`: where the word goes on, its quote, and its
    /// place among the quoted values.
    open_ends: Vec<(usize, char, usize)>,
}

impl Writer<'_> {
    /// `key=value,…` for the set members of a structure, in model order; false when none is.
    fn members(&mut self, shape: &'static Shape, value: &Value) -> Result<bool, KeepJson> {
        let Value::Structure(slots) = value else {
            return Err(KeepJson::Unreadable);
        };
        let set: Vec<_> = shape
            .members()
            .iter()
            .zip(slots)
            .filter_map(|(m, slot)| slot.as_ref().map(|v| (m, v)))
            .collect();
        for (i, (member, value)) in set.iter().enumerate() {
            if !member.name.chars().all(is_key_char) || member.name.is_empty() {
                return Err(KeepJson::Key);
            }
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(member.name);
            self.out.push('=');
            self.value(member.shape, value, i + 1 == set.len())?;
        }
        Ok(!set.is_empty())
    }

    /// A value; `last` when no `,` follows it.
    fn value(&mut self, shape: &'static Shape, value: &Value, last: bool) -> Result<(), KeepJson> {
        match (&shape.kind, value) {
            (ShapeKind::Structure(_), Value::Structure(_)) => {
                self.out.push('{');
                self.members(shape, value)?;
                self.out.push('}');
            }
            (ShapeKind::List(item), Value::List(items)) => {
                self.out.push('[');
                for (i, value) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.value(item, value, i + 1 == items.len())?;
                }
                self.out.push(']');
            }
            (ShapeKind::Map(..), _) => return Err(KeepJson::Map),
            (kind, Value::Scalar(text)) => self.scalar(kind, text, last)?,
            _ => return Err(KeepJson::Unreadable),
        }
        Ok(())
    }

    fn scalar(&mut self, kind: &ShapeKind, text: &str, last: bool) -> Result<(), KeepJson> {
        match kind {
            ShapeKind::Integer(_) | ShapeKind::Long(_) => {
                let n = value::integer(text).ok_or(KeepJson::Unreadable)?;
                self.out.push_str(&n.to_string());
            }
            ShapeKind::Boolean => {
                let b = value::boolean(text).ok_or(KeepJson::Unreadable)?;
                self.out.push_str(if b { "true" } else { "false" });
            }
            ShapeKind::Timestamp => {
                let parsed = timestamp::parse(text).map_err(|_| KeepJson::Unreadable)?;
                self.out.push_str(&timestamp::format_utc(parsed.seconds));
            }
            ShapeKind::Float | ShapeKind::Double => return Err(KeepJson::Decimal),
            _ => self.string(text, last)?,
        }
        Ok(())
    }

    fn string(&mut self, text: &str, last: bool) -> Result<(), KeepJson> {
        if text.contains('\0') {
            return Err(KeepJson::Nul);
        }
        if is_bare(text, last) {
            self.out.push_str(text);
            return Ok(());
        }
        let index = self.quoted;
        self.quoted += 1;
        let other = |quote: char| if quote == '"' { '\'' } else { '"' };
        let mut quote = self.prefer;
        if text.contains(quote) && !text.contains(other(quote)) {
            quote = other(quote);
        }
        if self.flipped.contains(&index) {
            quote = other(quote);
        }
        self.out.push(quote);
        for c in text.chars() {
            if c == '\\' || c == quote {
                self.out.push('\\');
            }
            self.out.push(c);
        }
        self.out.push(quote);
        if text.ends_with('\\') {
            self.open_ends.push((self.out.len(), quote, index));
        }
        Ok(())
    }
}

/// A character of a shorthand key.
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.#/:".contains(c)
}

/// True when the parser reads the text, written bare after `=` or inside `[…]`, as exactly
/// itself where the writer puts it: before `,` (not `last`), or before `]`, `}` or the word's
/// end (`last`: only there may it end in `\`, which before `,` would escape the comma).
fn is_bare(text: &str, last: bool) -> bool {
    let plain = |c: char| {
        u32::from(c) <= 0xFFFF
            && !c.is_control()
            && (c == ' ' || !c.is_whitespace())
            && !matches!(c, ',' | '"' | '\'' | '[' | ']' | '{' | '}')
    };
    let (Some(first), Some(end)) = (text.chars().next(), text.chars().next_back()) else {
        return false;
    };
    text.chars().all(plain) && !matches!(first, ' ' | '=') && end != ' ' && (last || end != '\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::call::Call;
    use crate::core::model::{Operation, sms};

    fn op(name: &str) -> &'static Operation {
        sms::SERVICE.operation(name).unwrap()
    }

    /// The shorthand words of a member of a call read from a JSON document.
    fn check(operation: &str, member: &str, json: &str) -> Result<Vec<String>, KeepJson> {
        let op = op(operation);
        let (call, problems) = Call::from_json(op, json);
        assert_eq!(problems, []);
        let i = op.members().iter().position(|m| m.name == member).unwrap();
        let Value::Structure(slots) = &call.input else {
            unreachable!()
        };
        words(op.members()[i].shape, slots[i].as_ref().unwrap())
    }

    #[test]
    fn plain_values_are_bare_and_members_in_model_order() {
        assert_eq!(
            check(
                "notify-app-validation-output",
                "notificationContext",
                r#"{"notificationContext": {"statusMessage": "hello world é a=b C:\\p\\x $HOME",
                    "status": "PENDING"}}"#
            ),
            Ok(vec![
                "status=PENDING,statusMessage=hello world é a=b C:\\p\\x $HOME".to_owned()
            ])
        );
    }

    #[test]
    fn each_item_of_a_list_of_structures_is_one_word() {
        assert_eq!(
            check(
                "create-app",
                "tags",
                r#"{"tags": [{"value": "v1", "key": "k1"}, {"key": "k2"}]}"#
            ),
            Ok(vec!["key=k1,value=v1".to_owned(), "key=k2".to_owned()])
        );
    }

    #[test]
    fn values_the_grammar_would_misread_are_quoted() {
        let cases = [
            ("a,b", r#""a,b""#),
            ("", r#""""#),
            (" lead", r#"" lead""#),
            ("trail ", r#""trail ""#),
            ("=x", r#""=x""#),
            ("x}y]z", r#""x}y]z""#),
            ("[x]", r#""[x]""#),
            ("{x}", r#""{x}""#),
            ("it's", r#""it's""#),
            ("say \"hi\"", r#"'say "hi"'"#),
            ("both ' \"", r#""both ' \"""#),
            ("a\nb", "\"a\nb\""),
            ("tab\t", "\"tab\t\""),
            ("😀", "\"😀\""),
            ("back\\slash\\", r"back\slash\"),
            ("back\\slash\\ ", r#""back\\slash\\ ""#),
        ];
        for (text, written) in cases {
            let json = serde_json::json!({"tags": [{"key": text}]}).to_string();
            assert_eq!(
                check("create-app", "tags", &json),
                Ok(vec![format!("key={written}")]),
                "{text:?}"
            );
        }
    }

    #[test]
    fn nested_structures_lists_numbers_booleans_and_times() {
        let json = r#"{"serverGroupReplicationConfigurations": [{"serverGroupId": "g-1",
            "serverReplicationConfigurations": [{"server": {"serverId": "s-1", "vmServer": {}},
            "serverReplicationParameters": {"seedTime": "2026-11-25 12:00:00+02:00",
            "frequency": 12, "runOnce": true, "numberOfRecentAmisToKeep": -1,
            "encrypted": false}}, {}]}, {"serverReplicationConfigurations": []}]}"#;
        assert_eq!(
            check(
                "put-app-replication-configuration",
                "serverGroupReplicationConfigurations",
                json
            ),
            Ok(vec![
                "serverGroupId=g-1,serverReplicationConfigurations=[{server={serverId=s-1,\
                 vmServer={}},serverReplicationParameters={seedTime=2026-11-25T10:00:00Z,\
                 frequency=12,runOnce=true,numberOfRecentAmisToKeep=-1,encrypted=false}},{}]"
                    .to_owned(),
                "serverReplicationConfigurations=[]".to_owned(),
            ])
        );
        // A time given as epoch seconds with a fraction: the CLI floors it, as the body does.
        let json = r#"{"serverGroupReplicationConfigurations": [{"serverReplicationConfigurations":
            [{"serverReplicationParameters": {"seedTime": 1764064800.9, "frequency": 7}}]}]}"#;
        assert_eq!(
            check(
                "put-app-replication-configuration",
                "serverGroupReplicationConfigurations",
                json
            ),
            Ok(vec![
                "serverReplicationConfigurations=[{serverReplicationParameters={\
                 seedTime=2025-11-25T10:00:00Z,frequency=7}}]"
                    .to_owned()
            ])
        );
    }

    /// Turns every `true` into `yes`: a boolean the form holds as typed but cannot read.
    fn typo(value: &mut Value) {
        match value {
            Value::Scalar(text) if text == "true" => *text = "yes".to_owned(),
            Value::Scalar(_) => {}
            Value::List(items) => items.iter_mut().for_each(typo),
            Value::Structure(slots) => slots.iter_mut().flatten().for_each(typo),
        }
    }

    #[test]
    fn what_shorthand_cannot_write_stays_json_with_a_reason() {
        let tags = |json: &str| check("create-app", "tags", json);
        assert_eq!(tags(r#"{"tags": []}"#), Err(KeepJson::EmptyList));
        assert_eq!(
            tags(r#"{"tags": [{"key": "k"}, {}]}"#),
            Err(KeepJson::EmptyItem)
        );
        assert_eq!(
            tags(r#"{"tags": [{"key": "a\u0000"}]}"#),
            Err(KeepJson::Nul)
        );
        assert_eq!(
            tags(r#"{"tags": [{"key": "a\\", "value": "\"b"}]}"#),
            Err(KeepJson::TrailingBackslash)
        );
        // A value ending in `\` is bare when it is last, and else takes the quote that does not
        // come later in its word.
        assert_eq!(
            tags(r#"{"tags": [{"key": "a\\", "value": "b,c\\"}]}"#),
            Ok(vec![r#"key='a\\',value="b,c\\""#.to_owned()])
        );
        assert_eq!(
            tags(r#"{"tags": [{"key": "\"a\\", "value": "b,c"}, {"key": "x'"}]}"#),
            Ok(vec![
                r#"key='"a\\',value="b,c""#.to_owned(),
                r#"key="x'""#.to_owned()
            ])
        );
        assert_eq!(
            check(
                "notify-app-validation-output",
                "notificationContext",
                r#"{"notificationContext": {}}"#
            ),
            Err(KeepJson::EmptyStructure)
        );
        let groups = r#"{"serverGroups": [{"serverList": [{"replicationJobTerminated": true}]}]}"#;
        let (mut call, _) = Call::from_json(op("create-app"), groups);
        typo(&mut call.input);
        assert_eq!(call.check().len(), 1);
        assert_eq!(
            call.kept_json(Notation::Shorthand),
            [JsonKept {
                member: op("create-app").member("serverGroups").unwrap(),
                why: KeepJson::Unreadable
            }]
        );
        let list = op("list-apps").member("appIds").unwrap();
        assert_eq!(
            words(list.shape, &Value::List(vec![])),
            Err(KeepJson::ListOfValues)
        );
        assert_eq!(
            JsonKept {
                member: op("create-app").member("tags").unwrap(),
                why: KeepJson::EmptyItem
            }
            .sentence(),
            "--tags stays JSON: an item is empty, and shorthand has no word for that."
        );
    }

    #[test]
    fn windows_shells_quote_shorthand_words_like_any_other_word() {
        use crate::core::render::cli::Shell;
        use crate::core::render::cli::shell_models::cmd_then_crt;
        let json = r#"{"name": "web", "tags": [{"key": "env", "value": "prod 1"}]}"#;
        let (call, _) = Call::from_json(op("create-app"), json);
        assert_eq!(
            call.command_in(Shell::PowerShell, Notation::Shorthand),
            "aws sms create-app `\n    --name web `\n    --tags 'key=env,value=prod 1'\n"
        );
        assert_eq!(
            call.command_in(Shell::Cmd, Notation::Shorthand),
            "aws sms create-app ^\n    --name web ^\n    --tags \"key=env,value=prod 1\"\n"
        );
        // A value that cannot be bare: `"…"` for bash, `'…'` for the Windows shells.
        let json = r#"{"tags": [{"key": "a,b"}]}"#;
        let (commas, _) = Call::from_json(op("create-app"), json);
        assert!(commas.bash_in(Notation::Shorthand).ends_with(
            r#"--tags 'key="a,b"'
"#
        ));
        assert!(
            commas
                .command_in(Shell::PowerShell, Notation::Shorthand)
                .ends_with("--tags 'key=''a,b'''\n")
        );
        assert!(
            commas
                .command_in(Shell::Cmd, Notation::Shorthand)
                .ends_with("--tags \"key='a,b'\"\n")
        );
        assert!(call.command(Shell::PowerShell).starts_with("@'\n"));
        assert!(call.command(Shell::Cmd).contains("--cli-input-json"));
        // A `"` in a word: PowerShell versions pass it differently, so a file as before;
        // cmd.exe quotes it.
        let json = r#"{"tags": [{"key": "say \"hi\""}]}"#;
        let (call, _) = Call::from_json(op("create-app"), json);
        assert!(
            call.command_in(Shell::PowerShell, Notation::Shorthand)
                .starts_with("@'\n")
        );
        let cmd = call.command_in(Shell::Cmd, Notation::Shorthand);
        assert_eq!(
            cmd_then_crt(cmd.trim_end()).unwrap(),
            ["aws", "sms", "create-app", "--tags", "key='say \"hi\"'"]
        );
        // A member kept as JSON takes the JSON way in both.
        let (call, _) = Call::from_json(op("create-app"), r#"{"tags": []}"#);
        assert!(
            call.command_in(Shell::PowerShell, Notation::Shorthand)
                .starts_with("@'\n")
        );
        assert!(
            call.command_in(Shell::Cmd, Notation::Shorthand)
                .contains("--cli-input-json")
        );
        assert_eq!(
            call.kept_json(Notation::Shorthand)[0].sentence(),
            "--tags stays JSON: the list is empty, and shorthand has no word for that."
        );
        assert_eq!(call.kept_json(Notation::Json), []);
    }

    /// A small model of an invented service with the kinds the SMS model lacks.
    const ODD: &str = r#"{
        "metadata": {"protocol": "json", "jsonVersion": "1.1", "apiVersion": "2030-01-01",
            "endpointPrefix": "odd", "targetPrefix": "Odd_20300101", "serviceId": "Odd"},
        "operations": {"Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"},
            "input": {"shape": "PutRequest"}}},
        "shapes": {
            "PutRequest": {"type": "structure", "members": {"labels": {"shape": "Labels"},
                "reading": {"shape": "Reading"}, "spaced": {"shape": "Spaced"}}},
            "Labels": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Text"}},
            "Reading": {"type": "structure", "members": {"level": {"shape": "Level"}}},
            "Level": {"type": "double"},
            "Spaced": {"type": "structure", "members": {"a b": {"shape": "Text"}}},
            "Text": {"type": "string"}
        }
    }"#;

    #[test]
    fn kinds_and_names_shorthand_is_not_written_for_stay_json() {
        let service = crate::core::model::Service::from_json(ODD, &[]).unwrap();
        let put = service.operation("put").unwrap();
        let (call, problems) = Call::from_json(
            put,
            r#"{"reading": {"level": 1.5}, "spaced": {"a b": "x"}}"#,
        );
        assert_eq!(problems, []);
        let Value::Structure(slots) = &call.input else {
            unreachable!()
        };
        let members = put.members();
        let kept = |i: usize, value: &Value| words(members[i].shape, value);
        assert_eq!(kept(0, &Value::Structure(vec![])), Err(KeepJson::Map));
        assert_eq!(kept(1, slots[1].as_ref().unwrap()), Err(KeepJson::Decimal));
        assert_eq!(kept(2, slots[2].as_ref().unwrap()), Err(KeepJson::Key));
        let notes: Vec<String> = call
            .kept_json(Notation::Shorthand)
            .iter()
            .map(JsonKept::sentence)
            .collect();
        assert_eq!(
            notes,
            [
                "--reading stays JSON: it holds a decimal number.",
                "--spaced stays JSON: a member name has a character shorthand keys cannot have."
            ]
        );
    }

    #[test]
    fn notations_have_names_that_read_back() {
        for notation in Notation::ALL {
            assert_eq!(Notation::parse(notation.as_str()), Some(notation));
        }
        assert_eq!(Notation::parse("Shorthand"), None);
        assert_eq!(Notation::default(), Notation::Json);
    }
}
