//! Pasted shorthand against the real AWS CLI v1 1.42.30: for every operation of the model
//! with a structure or a list of structures, commands written in shorthand (typical values,
//! hostile strings quoted and bare, empty values, `012`, booleans in any case, nested times
//! in each form, one value where a list is expected, and what the CLI refuses: unescaped
//! commas, `}` and emoji bare, quotes mid-word, duplicate keys, mixed JSON and shorthand
//! words…), plus every shorthand case of NESTED-FACTS §2.3. Each command is given to the CLI
//! as its words and pasted into our importer as a bash command. For every command the CLI
//! sends, our import and the form's check report no error and the body of the imported form is
//! byte for byte the CLI's; for every command the CLI refuses, we report an error.
//!
//! The corpus is made from the model: the operations, members and scalar kinds are found in
//! `sms::SERVICE`, only the spellings of values are written here. The CLI runs in one process
//! (`support/cli_batch.py`, which replaces only the network). Needs the venv
//! `scripts/setup.sh` makes; fails (never skips) without it.

#[allow(
    dead_code,
    reason = "each test file uses its own part of the shared support"
)]
mod support;

use sms_job_builder::core::call::command::read_command;
use sms_job_builder::core::diagnostic::Severity;
use sms_job_builder::core::model::{Member, Shape, ShapeKind, sms};
use sms_job_builder::core::render::cli::sh_word;

/// Strings the CLI sends, as written in shorthand (bare, escaped or quoted).
const STRINGS: &[&str] = &[
    "web-1",
    "hello world",
    r"a\,b",
    r#""a,b=c [x] {y}""#,
    r#""say \"hi\" \\ there""#,
    r"'it\'s'",
    r#"'a"b\\c'"#,
    "\"😀 é\"",
    "é",
    "$HOME",
    r"C:\path\x",
    "a=b",
    "\"\"",
    "''",
    "file://not-read",
    "$(whoami) !x & | > < ; # ~",
    "`id`",
    "a\tb",
    "two  words  ",
    "\"line\nbreak\"",
    "--dash",
    "'}]{['",
];

/// Strings some context refuses: the CLI is the judge.
const BAD_STRINGS: &[&str] = &[
    "😀",
    "x}y",
    "it's",
    r#""a"b"#,
    "a,b",
    "[x]",
    "\"unclosed",
    "x]y",
    "",
    "{x}",
];

const INTEGERS: &[&str] = &["12", "012", "-1", "1_000", "+5", "120", "0", "3600"];
const BAD_INTEGERS: &[&str] = &["abc", "1.5", "0x10", "\"\"", "1,2", "1__0"];
const BOOLEANS: &[&str] = &["true", "false", "TRUE", "False"];
const BAD_BOOLEANS: &[&str] = &["yes", "1", "[true]"];
const TIMES: &[&str] = &[
    "2026-11-25T10:00:00Z",
    "2026-11-25T10:00:00+02:00",
    "2026-11-25",
    "2026-11-25 10:00:00",
    "1764064800",
    "1764064800.9",
    "\"2026-11-25T10:00:00Z\"",
];
const BAD_TIMES: &[&str] = &["garbage", "2026-13-45"];

/// Writes shorthand for a shape: every member in model order, scalars taken in turn from the
/// pools, one of them (the `poison`-th) from a pool of spellings some context refuses.
struct Writer {
    scalars: usize,
    seed: usize,
    poison: Option<usize>,
    /// When set, the spellings and list forms are drawn at random instead of in turn.
    dice: Option<Dice>,
}

impl Writer {
    fn pick(&mut self, good: &[&str], bad: &[&str]) -> String {
        let n = self.scalars;
        self.scalars += 1;
        let pool = if self.poison == Some(n) { bad } else { good };
        let turn = if self.poison == Some(n) {
            self.seed + n
        } else {
            self.seed + n * 7
        };
        let index = self
            .dice
            .as_mut()
            .map_or(turn, |dice| dice.below(pool.len()));
        pool[index % pool.len()].to_owned()
    }

    fn scalar(&mut self, shape: &Shape) -> String {
        match shape.kind {
            ShapeKind::Integer(_) | ShapeKind::Long(_) => self.pick(INTEGERS, BAD_INTEGERS),
            ShapeKind::Boolean => self.pick(BOOLEANS, BAD_BOOLEANS),
            ShapeKind::Timestamp => self.pick(TIMES, BAD_TIMES),
            _ => self.pick(STRINGS, BAD_STRINGS),
        }
    }

    /// `key=value,…` for the members of a structure.
    fn pairs(&mut self, members: &[Member], depth: usize) -> String {
        members
            .iter()
            .map(|m| format!("{}={}", m.name, self.value(m.shape, depth + 1)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A value inside shorthand.
    fn value(&mut self, shape: &Shape, depth: usize) -> String {
        match &shape.kind {
            ShapeKind::Structure(members) => format!("{{{}}}", self.pairs(members, depth)),
            ShapeKind::List(item) => {
                let form = self
                    .dice
                    .as_mut()
                    .map_or((self.seed + depth) % 4, |dice| dice.below(4));
                if form == 3 {
                    // One value where a list is expected: the CLI wraps it.
                    self.value(item, depth)
                } else if form == 2 {
                    "[]".to_owned()
                } else {
                    let items: Vec<String> =
                        (0..=form).map(|_| self.value(item, depth + 1)).collect();
                    format!("[{}]", items.join(","))
                }
            }
            _ => self.scalar(shape),
        }
    }
}

/// The members of an operation that take shorthand: structures and lists of structures.
fn shorthand_members() -> Vec<(&'static str, &'static Member)> {
    let mut found = Vec::new();
    for operation in sms::SERVICE.operations {
        for member in operation.members() {
            let takes = match &member.shape.kind {
                ShapeKind::Structure(_) => true,
                ShapeKind::List(item) => matches!(item.kind, ShapeKind::Structure(_)),
                _ => false,
            };
            if takes {
                found.push((operation.cli_name, member));
            }
        }
    }
    found
}

/// The words for an operation's required scalar members, so that a command is complete.
fn required(cli_name: &str) -> Vec<String> {
    let operation = sms::SERVICE.operation(cli_name).unwrap();
    let mut words = Vec::new();
    for member in operation.members() {
        if member.required && matches!(member.shape.kind, ShapeKind::String(_)) {
            words.push(format!("--{}", member.flag));
            words.push("app-0123456789abcdef0".to_owned());
        }
    }
    words
}

/// Generated commands: for each member that takes shorthand, variants with good values
/// (sent) and variants with one spelling some context refuses.
fn generated() -> Vec<Vec<String>> {
    let mut cases = Vec::new();
    for (m, (op, member)) in shorthand_members().into_iter().enumerate() {
        // 40 variants taking the spellings in turn, then 40 drawing them at random.
        for variant in 0..80 {
            let mut writer = Writer {
                scalars: 0,
                seed: variant,
                poison: (variant % 3 == 2).then_some(variant / 3 % 14),
                dice: (variant >= 40)
                    .then(|| Dice(0x9e37_79b9_7f4a_7c15 ^ (m * 1000 + variant) as u64)),
            };
            let mut argv = vec!["sms".to_owned(), op.to_owned()];
            argv.extend(required(op));
            argv.push(format!("--{}", member.flag));
            match &member.shape.kind {
                ShapeKind::Structure(members) => argv.push(writer.pairs(members, 0)),
                ShapeKind::List(item) => {
                    let ShapeKind::Structure(members) = &item.kind else {
                        unreachable!()
                    };
                    for _ in 0..=variant % 2 {
                        argv.push(writer.pairs(members, 0));
                    }
                }
                _ => unreachable!(),
            }
            cases.push(argv);
        }
    }
    cases
}

/// Shorthand for `notify-app-validation-output`'s structure: NESTED-FACTS §2.3 by id, and
/// corner cases.
const STRUCTURE_CASES: &[(&str, &[&str])] = &[
    (
        "S1",
        &["validationId=val-0123456789abcdef0,status=PENDING,statusMessage=hello world"],
    ),
    ("S6", &["statusMessage=a,b"]),
    ("S7", &[r"statusMessage=a\,b"]),
    ("S8", &[r#"statusMessage="a,b=c [x] {y}""#]),
    ("S9", &[r"statusMessage='it\'s'"]),
    ("S10", &["statusMessage=a=b"]),
    ("S11", &["statusMessage=[x]"]),
    ("S12", &["statusMessage={x}"]),
    ("S13", &["status=PENDING,statusMessage="]),
    (
        "S14",
        &[" status = PENDING , statusMessage =  two  words  "],
    ),
    (
        "S14b",
        &["status = PENDING , statusMessage =  two  words  "],
    ),
    ("S15", &["status=PENDING,bogus=1"]),
    ("S16", &["status=PENDING,status=FAILED"]),
    ("S17", &["status"]),
    ("S19", &["statusMessage=é😀"]),
    ("S19b", &["validationId=\"😀\",status=é"]),
    (
        "S20",
        &["validationId=bad,status=NOPE,statusMessage=xxxxxxxxxx"],
    ),
    ("S21", &["statusMessage=a\nb  "]),
    ("S23", &[r#"statusMessage="say \"hi\" \\n""#]),
    ("S24", &["statusMessage=it's"]),
    ("S25", &["Status=PENDING"]),
    ("S26", &["statusMessage=a,b,validationId=v"]),
    ("S29", &[" {\"status\": \"PENDING\"}"]),
    ("S32", &[r#"statusMessage='a"b\\c'"#]),
    ("S33", &[r#"statusMessage="it's""#]),
    ("S34", &[r#"statusMessage="a"b"#]),
    ("S36", &["statusMessage=,status=PENDING"]),
    ("S38", &["statusMessage=a\tb\r"]),
    ("S39", &["a-b_c.d#e/f:g=1"]),
    ("S40", &[r"statusMessage=C:\path\x"]),
    ("S41", &["statusMessage=\"\",status=''"]),
    ("S46", &["statusMessage=file://f/msg.txt"]),
    ("at", &["status @ = PENDING,statusMessage@='not a file'"]),
    ("empty", &[""]),
    ("blank-after-list", &["statusMessage=[a] "]),
    ("trailing-comma", &["status=a,"]),
    ("json-list", &["[]"]),
    ("backslash-quotes", &[r#"status="x\\",statusMessage="z""#]),
];

/// Lists of structures, one word per item (or JSON words), for `create-app`'s tags.
const TAG_CASES: &[(&str, &[&str])] = &[
    ("L1", &["key=k1,value=v1", "key=k2,value=v2"]),
    ("L2", &["[{key=k1,value=v1},{key=k2,value=v2}]"]),
    (
        "L4",
        &[r#"{"key": "k1", "value": "v1"}"#, r#"{"key": "k2"}"#],
    ),
    ("L7", &["key=k1", "value=v1"]),
    ("L10", &["key=k1,value=a,b"]),
    (
        "L23",
        &[r#"{"key": "k1", "value": "v1"}"#, "key=k2,value=v2"],
    ),
    (
        "L24",
        &["key=k2,value=v2", r#"{"key": "k1", "value": "v1"}"#],
    ),
    ("dup-in-word", &["key=a,key=b"]),
    ("empty-word", &["key=a", ""]),
];

/// Deep nesting for `create-app`'s server groups.
const SERVER_GROUP_CASES: &[(&str, &[&str])] = &[
    (
        "L11",
        &[
            "serverGroupId=sg-1,name=web,serverList=[{serverId=s-1,serverType=VIRTUAL_MACHINE,vmServer={vmServerAddress={vmManagerId=m-1,vmId=vm-1},vmName=web 1,vmManagerType=VSPHERE},replicationJobTerminated=false}]",
        ],
    ),
    ("L12", &["serverGroupId=sg-1,serverList={serverId=s-1}"]),
    (
        "L12b",
        &["serverGroupId=sg-1,serverList={serverId=s-1,replicationJobTerminated=true}"],
    ),
    ("L13", &["serverGroupId=sg-1,serverList=s-1"]),
    (
        "L14",
        &["serverGroupId=sg-1,serverList={serverId=a},{serverId=b}"],
    ),
    (
        "L15",
        &["serverGroupId=sg-1,serverList=[{serverId=a},{serverId=b}]"],
    ),
    (
        "L16",
        &["serverList=[{serverId=a,replicationJobTerminated=yes}]"],
    ),
    (
        "L17",
        &["serverList=[{serverId=a,replicationJobTerminated=TRUE}]"],
    ),
    ("L18", &["serverGroupId=sg-1,serverList=[]"]),
    ("L19", &["serverList=[{serverId=a,vmServer={}}]"]),
    (
        "L20",
        &["serverList=[ { serverId = a , vmServer = { vmName = x } } ]"],
    ),
    ("L21", &[r#"serverList=[{serverId="a,b}c"}]"#]),
    ("L22", &["serverList=[{serverId=a}b}]"]),
    ("dup-in-braces", &["serverList=[{serverId=a,serverId=b}]"]),
    ("list-commas", &["serverList=[{serverId=a},]"]),
    ("list-lead-comma", &["serverList=[,{serverId=a}]"]),
];

/// Nested integers, booleans and times for `put-app-replication-configuration`.
const REPLICATION_CASES: &[(&str, &[&str])] = &[
    (
        "T1",
        &[
            "serverGroupId=g-1,serverReplicationConfigurations=[{server={serverId=s-1},serverReplicationParameters={seedTime=2026-11-25T10:00:00Z,frequency=12,runOnce=true,licenseType=BYOL,numberOfRecentAmisToKeep=3,encrypted=false,kmsKeyId=k}}]",
        ],
    ),
    (
        "T2",
        &[
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=1764064800.9}},{serverReplicationParameters={seedTime=2026-11-25T10:00:00+02:00}}]",
        ],
    ),
    (
        "T4",
        &["serverReplicationConfigurations=[{serverReplicationParameters={frequency=abc}}]"],
    ),
    (
        "T5",
        &["serverReplicationConfigurations=[{serverReplicationParameters={frequency=}}]"],
    ),
    (
        "T6",
        &[
            "serverReplicationConfigurations=[{serverReplicationParameters={frequency=012,numberOfRecentAmisToKeep=1_000}},{serverReplicationParameters={frequency=-1}}]",
        ],
    ),
    (
        "T7",
        &["serverReplicationConfigurations=[{serverReplicationParameters={runOnce=1}}]"],
    ),
    (
        "T9",
        &["serverReplicationConfigurations=[{serverReplicationParameters={seedTime=garbage}}]"],
    ),
    (
        "T10",
        &["serverReplicationConfigurations=[{serverReplicationParameters={seedTime=}}]"],
    ),
    (
        "T12",
        &[
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=2026-11-25 10:00:00}}]",
        ],
    ),
    (
        "T13",
        &[
            "serverReplicationConfigurations=[{serverReplicationParameters={seedTime=2026-11-25,frequency=1}}]",
        ],
    ),
    (
        "empty-last-ok",
        &[
            "serverReplicationConfigurations=[{serverReplicationParameters={kmsKeyId=,frequency=1}}]",
        ],
    ),
];

/// Words written out: the shorthand cases of NESTED-FACTS §2.3 by id, and corner cases.
fn written() -> Vec<(&'static str, Vec<String>)> {
    let nv =
        "sms notify-app-validation-output --app-id app-0123456789abcdef0 --notification-context";
    let prc = "sms put-app-replication-configuration --app-id app-0123456789abcdef0 --server-group-replication-configurations";
    let mut cases = Vec::new();
    for (start, table) in [
        (nv, STRUCTURE_CASES),
        ("sms create-app --tags", TAG_CASES),
        ("sms create-app --server-groups", SERVER_GROUP_CASES),
        (prc, REPLICATION_CASES),
    ] {
        for (id, words) in table {
            cases.push((*id, words_of(start, words)));
        }
    }
    cases.push((
        "G1",
        words_of(
            "sms get-servers --vm-server-address-list",
            &["vmManagerId=m,vmId=v", "vmManagerId=m2,vmId=v2"],
        ),
    ));
    cases.push((
        "S44",
        words_of(
            nv,
            &["status=PENDING", "--notification-context", "status=FAILED"],
        ),
    ));
    cases.push(("M1", words_of(
        "sms notify-app-validation-output --cli-input-json",
        &[
            r#"{"appId": "app-0123456789abcdef0", "notificationContext": {"validationId": "val-0123456789abcdef0", "status": "PENDING"}}"#,
            "--notification-context",
            "statusMessage=from cli",
        ],
    )));
    cases.push((
        "M2",
        words_of(
            "sms create-app --cli-input-json",
            &[
                r#"{"tags": [{"key": "a", "value": "b"}], "name": "x"}"#,
                "--tags",
                "key=c,value=d",
            ],
        ),
    ));
    cases
}

/// Cases whose members are given out of the model's order: the CLI sends them in the order
/// given (nested, and top-level members only in `--cli-input-json` after the others), the
/// page in model order (NESTED-FACTS §2.2, "Member order on the wire") and says so in a
/// note, so their bodies hold the same members with the same values in another order.
const ORDER_ONLY: &[&str] = &["S36", "S41", "empty-last-ok", "M1", "M2"];

/// True when two bodies differ, but only in the order of members.
fn same_but_order(cli: Option<&str>, ours: &str) -> bool {
    let Some(cli) = cli else { return false };
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
    // `serde_json` maps compare without regard to order.
    cli != ours && parse(cli).is_some() && parse(cli) == parse(ours)
}

fn words_of(start: &str, words: &[&str]) -> Vec<String> {
    start
        .split(' ')
        .map(str::to_owned)
        .chain(words.iter().map(|w| (*w).to_owned()))
        .collect()
}

/// What our importer makes of the words pasted as a bash command: the errors of the import
/// and of the form's check, and the body.
fn ours(argv: &[String]) -> (Vec<String>, String) {
    let text = std::iter::once("aws".to_owned())
        .chain(argv.iter().map(|w| sh_word(w)))
        .collect::<Vec<_>>()
        .join(" ");
    let (form, diagnostics) = read_command(&sms::SERVICE, &text);
    let mut errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    let Some(form) = form else {
        errors.push("no form".to_owned());
        return (errors, String::new());
    };
    let (call, problems) = form.check();
    errors.extend(
        problems
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string),
    );
    (errors, call.body())
}

#[test]
fn the_real_cli_reads_pasted_shorthand_as_we_do() {
    let mut cases = written();
    cases.extend(generated().into_iter().map(|argv| ("generated", argv)));
    let mut input = String::new();
    for (_, argv) in &cases {
        input.push_str(&serde_json::json!({ "argv": argv }).to_string());
        input.push('\n');
    }
    let output = support::run_python("cli_batch.py", input.as_bytes());
    let answers: Vec<serde_json::Value> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), cases.len());
    let (mut sent, mut refused, mut reordered) = (0, 0, 0);
    let mut wrong = Vec::new();
    for ((id, argv), cli) in cases.iter().zip(&answers) {
        let (errors, body) = ours(argv);
        let case = support::capture::clip(&format!("{id} {argv:?}"));
        if cli["rc"] == 0 && cli["requests"] == 1 {
            sent += 1;
            if !errors.is_empty() {
                wrong.push(format!("{case}: the CLI sends it, we report {errors:?}"));
            } else if ORDER_ONLY.contains(id) && same_but_order(cli["body"].as_str(), &body) {
                reordered += 1;
            } else if cli["body"] != body.as_str() {
                wrong.push(format!(
                    "{case}:\n  CLI body  {}\n  our body  {body}",
                    cli["body"]
                ));
            }
        } else {
            refused += 1;
            if errors.is_empty() {
                wrong.push(format!(
                    "{case}: the CLI refuses it ({}), we report no error",
                    cli["stderr"]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
    // A corpus that only sends, or only refuses, would prove little.
    assert!(
        sent >= 100 && refused >= 50,
        "{sent} sent, {refused} refused"
    );
    assert_eq!(
        reordered,
        ORDER_ONLY.len(),
        "each order-only case differs in order only"
    );
    support::capture::report(&format!(
        "shorthand: {} pasted commands through the real CLI ({sent} sent, every body \
         byte-identical but {reordered} with members given out of model order, the same \
         members in model order; {refused} refused, every one reported)",
        cases.len()
    ));
}

/// Pieces random shorthand is made of: keys, the grammar's marks, escapes, blanks and
/// characters the grammar treats apart.
const PIECES: &[&str] = &[
    "k", "a", "b1", "x-y", "=", "=", ",", ",", "'", "\"", "\\", "\\,", "\\'", "\\\"", "[", "]",
    "{", "}", " ", "\t", "\n", "é", "😀", "@", "k=", "a=", "k={", "a=[", "}", "]", ",k=",
];

/// A fixed-seed source of numbers (xorshift64*): enough to spread the pieces, and the same
/// run every time.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let roll = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33;
        usize::try_from(roll).unwrap() % n
    }

    fn chars(&mut self, from: &str, most: usize) -> String {
        let from: Vec<char> = from.chars().collect();
        (0..self.below(most + 1))
            .map(|_| from[self.below(from.len())])
            .collect()
    }

    /// A value as shorthand writes it: bare, quoted (escaped), a list or a hash.
    fn value(&mut self, depth: usize) -> String {
        match self.below(if depth < 2 { 6 } else { 4 }) {
            0 | 1 => self.chars("ab1-_. é\\$:/@=", 5),
            2 => {
                let inner = self.chars("ab ,=[]{}'\\\"😀\n", 6);
                format!("\"{}\"", inner.replace('\\', "\\\\").replace('"', "\\\""))
            }
            3 => {
                let inner = self.chars("ab ,=[]{}\"\\😀", 6);
                format!("'{}'", inner.replace('\\', "\\\\").replace('\'', "\\'"))
            }
            4 => {
                let items: Vec<String> =
                    (0..self.below(3)).map(|_| self.value(depth + 1)).collect();
                format!("[{}]", items.join(self.blank(",")))
            }
            _ => format!("{{{}}}", self.pairs(depth + 1)),
        }
    }

    fn blank(&mut self, mark: &'static str) -> &'static str {
        match (self.below(4), mark) {
            (0, ",") => " , ",
            (0, _) => " = ",
            (_, ",") => ",",
            _ => "=",
        }
    }

    fn pairs(&mut self, depth: usize) -> String {
        (0..=self.below(3))
            .map(|i| {
                let key = ["k", "a", "b-c", "x.y"][(i + self.below(2)) % 4];
                format!("{key}{}{}", self.blank("="), self.value(depth))
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Random texts that look like shorthand: half strung from the grammar's pieces, half
/// written as shorthand is written (most of which read).
fn random_texts(count: usize) -> Vec<String> {
    let mut dice = Dice(0x5eed_1234_abcd_0042);
    (0..count)
        .map(|i| {
            if i % 2 == 0 {
                return dice.pairs(0);
            }
            let mut text = String::from(if dice.below(3) == 0 { "" } else { "k=" });
            for _ in 0..=dice.below(14) {
                text.push_str(PIECES[dice.below(PIECES.len())]);
            }
            text
        })
        .collect()
}

/// The grammar alone against the CLI's own parser: random texts built from the grammar's
/// marks read into the same tree (keys in the same order), or stop at the same character.
#[test]
fn the_grammar_reads_random_text_as_the_cli_s_parser_does() {
    use sms_job_builder::core::shorthand;
    let texts = random_texts(6000);
    let mut input = String::new();
    for text in &texts {
        input.push_str(&serde_json::Value::String(text.clone()).to_string());
        input.push('\n');
    }
    let output = support::run_python("shorthand_parse.py", input.as_bytes());
    let answers: Vec<serde_json::Value> = String::from_utf8(output)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), texts.len());
    let (mut read, mut stopped) = (0, 0);
    let mut wrong = Vec::new();
    for (text, cli) in texts.iter().zip(&answers) {
        let ours = shorthand::parse(text);
        let same = match (&ours, cli.get("value"), cli.get("error")) {
            (Ok(raw), Some(value), _) => {
                read += 1;
                // As text, so that the order of keys counts too.
                serde_json::to_string(&raw.to_json()).ok() == serde_json::to_string(value).ok()
            }
            (Err(e), _, Some(at)) => {
                stopped += 1;
                at.as_u64() == u64::try_from(e.offset).ok()
            }
            _ => false,
        };
        if !same {
            wrong.push(format!("{text:?}: CLI {cli}, ours {ours:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        texts.len(),
        wrong.join("\n")
    );
    assert!(
        read >= 1500 && stopped >= 1500,
        "{read} read, {stopped} stopped"
    );
    support::capture::report(&format!(
        "shorthand grammar: {} random texts through the CLI's parser ({read} read to the same \
         tree, {stopped} stopped at the same character)",
        texts.len()
    ));
}
