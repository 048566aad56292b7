//! The call as a complete program for an AWS SDK: Python (boto3), JavaScript (SDK v3, an ES
//! module) or Rust (the AWS SDK for Rust on tokio).
//!
//! Like every output it reads only the checked [`Request`]. [`Call`] sorts the request into
//! what every program needs (the members in request order, the client settings, the CLI options
//! that have no SDK meaning); one module per language then writes it, with that language's one
//! string-literal function (`python::string`, `javascript::string`, `rust::string`) for every
//! value, also inside comments. Values never go into a format string or template.
//!
//! What each SDK puts on the wire is pinned down in the tests (`tests/sdk.rs`), which run the
//! programs against a capture server: boto3 sends the CLI's bytes (its keyword arguments in
//! request order), the JavaScript and Rust clients the same JSON value.

pub mod javascript;
pub mod python;
pub mod rust;

use crate::core::diagnostic::Diagnostic;
use crate::core::model::{Metadata, Operation};
use crate::core::params::{Id, Kind, OPERATION, Param};
use crate::core::render::Rendered;
use crate::core::request::{Request, Value};
use crate::core::timestamp;

/// The last boto3 release with the SMS client (later ones removed it).
pub const BOTO3_VERSION: &str = "1.40.30";
/// The botocore release boto3 [`BOTO3_VERSION`] is paired with (1.40.31 removed SMS).
pub const BOTOCORE_VERSION: &str = "1.40.30";
/// The `@aws-sdk/client-sms` release the JavaScript program is written and tested for.
pub const JS_CLIENT_VERSION: &str = "3.523.0";
/// The `aws-sdk-sms` crate release the Rust program is written and tested for.
pub const RUST_SDK_VERSION: &str = "1.82.0";
/// The oldest `aws-config` that goes with [`RUST_SDK_VERSION`].
pub const RUST_CONFIG_VERSION: &str = "1.8.6";

/// The language of the SDK program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sdk {
    /// Python with boto3.
    #[default]
    Python,
    /// JavaScript (Node.js, ES module) with the AWS SDK for JavaScript v3.
    JavaScript,
    /// Rust with the AWS SDK for Rust and tokio.
    Rust,
}

impl Sdk {
    /// Every language, in display order.
    pub const ALL: [Sdk; 3] = [Sdk::Python, Sdk::JavaScript, Sdk::Rust];

    /// The share-link spelling (`python`, `javascript`, `rust`).
    pub fn as_str(self) -> &'static str {
        match self {
            Sdk::Python => "python",
            Sdk::JavaScript => "javascript",
            Sdk::Rust => "rust",
        }
    }

    /// Reads [`Sdk::as_str`] back.
    pub fn parse(text: &str) -> Option<Sdk> {
        Sdk::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// What the language choice shows.
    pub fn label(self) -> &'static str {
        match self {
            Sdk::Python => "Python (boto3)",
            Sdk::JavaScript => "JavaScript (SDK v3, ES module)",
            Sdk::Rust => "Rust (AWS SDK for Rust, tokio)",
        }
    }

    /// The file name a downloaded program of the page's operation is saved as.
    pub fn file_name(self) -> String {
        match self {
            Sdk::Python => format!("{}.py", snake_name(OPERATION)),
            Sdk::JavaScript => format!("{}.mjs", OPERATION.cli_name),
            Sdk::Rust => "main.rs".to_owned(),
        }
    }

    /// The media type a download is offered with.
    pub fn media_type(self) -> &'static str {
        match self {
            Sdk::Python => "text/x-python",
            Sdk::JavaScript => "text/javascript",
            Sdk::Rust => "text/x-rust",
        }
    }
}

/// Writes the program for a request.
pub fn render(request: &Request, sdk: Sdk) -> Rendered {
    let call = Call::of(request);
    match sdk {
        Sdk::Python => python::render(&call),
        Sdk::JavaScript => javascript::render(&call),
        Sdk::Rust => rust::render(&call),
    }
}

/// What a global option is to an SDK program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Global {
    /// The Region the client is for.
    Region,
    /// The named profile for credentials and settings.
    Profile,
    /// The endpoint URL instead of the Region's.
    Endpoint,
    /// Seconds to wait for data; 0 waits forever.
    ReadTimeout,
    /// Seconds to wait for a connection; 0 waits forever.
    ConnectTimeout,
    /// How the CLI prints the answer: no SDK meaning, stated in a comment.
    Output,
    /// A `JMESPath` filter on the answer: stated in a comment.
    Query,
    /// The CLI's debug log: stated in a comment.
    Debug,
    /// CLI v2's pager: stated in a comment.
    NoPager,
}

impl Global {
    /// The role of a global option; `None` for a request member.
    pub(crate) fn of(id: Id) -> Option<Global> {
        Some(match id {
            Id::Region => Global::Region,
            Id::Profile => Global::Profile,
            Id::EndpointUrl => Global::Endpoint,
            Id::CliReadTimeout => Global::ReadTimeout,
            Id::CliConnectTimeout => Global::ConnectTimeout,
            Id::Output => Global::Output,
            Id::Query => Global::Query,
            Id::Debug => Global::Debug,
            Id::NoCliPager => Global::NoPager,
            _ => return None,
        })
    }
}

/// One member of the call, in request order.
pub(crate) struct Member<'a> {
    /// The API member name (`serverId`), which is also boto3's keyword and the JavaScript key.
    pub name: &'static str,
    /// Its row in the parameter table.
    pub param: &'static Param,
    /// Its value.
    pub value: &'a Value,
}

impl Member<'_> {
    /// True when the model gives the member an enum (the licence type).
    pub fn is_enum(&self) -> bool {
        matches!(self.param.kind, Kind::Choice(_))
    }

    /// The enum's type name in the SDKs that have one: the member name capitalized
    /// (`licenseType` → `LicenseType`).
    pub fn enum_type(&self) -> String {
        capitalized(self.name)
    }
}

/// The request sorted for a program: the members, and every global option by its role.
pub(crate) struct Call<'a> {
    /// The members, in request order.
    pub members: Vec<Member<'a>>,
    /// The global options that are set, in table order, with their role and value.
    pub globals: Vec<(Global, &'static Param, &'a Value)>,
}

impl<'a> Call<'a> {
    /// Sorts a request.
    pub fn of(request: &'a Request) -> Self {
        Self {
            members: request
                .members()
                .map(|(name, param, value)| Member { name, param, value })
                .collect(),
            globals: request
                .globals()
                .filter_map(|(param, value)| Global::of(param.id).map(|g| (g, param, value)))
                .collect(),
        }
    }

    /// The text of a global option, if set.
    pub fn text(&self, global: Global) -> Option<&'a str> {
        self.globals.iter().find_map(|(g, _, v)| match v {
            Value::Text(t) if *g == global => Some(t.as_str()),
            _ => None,
        })
    }

    /// The number of a global option, if set.
    pub fn number(&self, global: Global) -> Option<i64> {
        self.globals.iter().find_map(|(g, _, v)| match v {
            Value::Integer(n) if *g == global => Some(*n),
            _ => None,
        })
    }

    /// True when a global option is set.
    pub fn has(&self, global: Global) -> bool {
        self.globals.iter().any(|(g, _, _)| *g == global)
    }

    /// The flag of a global option (for comments and notes).
    pub fn flag(&self, global: Global) -> &'static str {
        self.globals
            .iter()
            .find(|(g, _, _)| *g == global)
            .map_or("", |(_, p, _)| p.flag)
    }
}

/// A timeout as the SDK programs take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Timeout {
    /// `0`: wait as long as it takes.
    Unlimited,
    /// Wait at most this many seconds.
    Seconds(u64),
    /// A negative number, which no SDK takes.
    Negative(i64),
}

impl Timeout {
    /// The CLI's meaning of a timeout option's value.
    pub fn of(seconds: i64) -> Self {
        match u64::try_from(seconds) {
            Ok(0) => Timeout::Unlimited,
            Ok(s) => Timeout::Seconds(s),
            Err(_) => Timeout::Negative(seconds),
        }
    }
}

/// The note (and comment) for a negative timeout, which is left out of every program.
pub(crate) fn negative_timeout(flag: &'static str, seconds: i64) -> (String, Diagnostic) {
    let text = format!(
        "--{flag} {seconds}: a negative timeout has no SDK meaning, so it is left out (0 means no limit)."
    );
    let note = Diagnostic::warning(flag, text.clone());
    (text, note)
}

/// The seed time as calendar parts in UTC (year, month, day, hour, minute, second), when it is
/// within the years 1 to 9999, which every SDK's date type holds.
pub(crate) fn civil(seconds: i64) -> Option<[i64; 6]> {
    if !(timestamp::MIN_SECONDS..=timestamp::MAX_SECONDS).contains(&seconds) {
        return None;
    }
    let (year, month, day) = timestamp::civil_from_days(seconds.div_euclid(86_400));
    let time = seconds.rem_euclid(86_400);
    Some([
        year,
        i64::from(month),
        i64::from(day),
        time / 3600,
        time / 60 % 60,
        time % 60,
    ])
}

/// The note and comment for a time outside the years 1 to 9999 (not reachable from the form,
/// whose times are checked to be within them).
pub(crate) fn time_out_of_range(member: &Member<'_>, seconds: i64) -> (String, Diagnostic) {
    let text = format!(
        "{}: {seconds} seconds since 1970 is outside the years 1 to 9999, so it is left out.",
        member.name
    );
    let note = Diagnostic::error(member.param.flag, text.clone());
    (text, note)
}

/// The double-quoted string literal the three languages share: `"` and `\` escaped, line
/// breaks and tab as `\n`, `\r` and `\t`, every character of [`escaped_everywhere`] written by
/// the language's own `escape`, and everything else, emoji included, as it is. Each language's
/// `string` is this with its escape syntax.
pub(crate) fn quoted(text: &str, escape: impl Fn(&mut String, char)) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if escaped_everywhere(c) => escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// True for characters a string literal writes as an escape in every language, although
/// some languages could hold them as they are: control characters (including the line breaks
/// U+0085, U+2028 and U+2029, which end a line or a comment in some of them), and the
/// invisible format characters that can make code read differently from what it does
/// (bidirectional overrides and isolates, zero-width spaces and joiners' look-alikes, the
/// byte order mark, the soft hyphen).
pub(crate) fn escaped_everywhere(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// `licenseType` → `LicenseType` (member names are ASCII).
fn capitalized(name: &str) -> String {
    let mut out = name.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// How boto3 and the Rust SDK name an operation's method (`create_replication_job`).
pub(crate) fn snake_name(operation: &Operation) -> String {
    operation.cli_name.replace('-', "_")
}

/// The JavaScript SDK's command class of an operation (`CreateReplicationJobCommand`).
pub(crate) fn js_command(operation: &Operation) -> String {
    format!("{}Command", operation.name)
}

/// The JavaScript SDK's package of a service (`@aws-sdk/client-sms`).
pub(crate) fn js_package(metadata: &Metadata) -> String {
    format!("@aws-sdk/client-{}", metadata.cli_name)
}

/// The JavaScript SDK's client class of a service (`SMSClient`).
pub(crate) fn js_client(metadata: &Metadata) -> String {
    format!("{}Client", metadata.service_id.replace(' ', ""))
}

/// The Rust SDK's crate of a service as Cargo names it (`aws-sdk-sms`).
pub(crate) fn rust_package(metadata: &Metadata) -> String {
    format!("aws-sdk-{}", metadata.cli_name)
}

/// The Rust SDK's crate of a service as a path (`aws_sdk_sms`).
pub(crate) fn rust_crate(metadata: &Metadata) -> String {
    rust_package(metadata).replace('-', "_")
}

/// `numberOfRecentAmisToKeep` → `number_of_recent_amis_to_keep`.
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `BYOL` → `Byol`, `AWS` → `Aws`: how the Rust SDK names an enum value.
pub(crate) fn upper_camel(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // The word is ASCII, so its first byte is a whole character.
        let (first, rest) = word.split_at(1);
        out.push_str(&first.to_ascii_uppercase());
        out.push_str(&rest.to_ascii_lowercase());
    }
    out
}

/// What a comment says about an option no SDK has (`--output`, `--query`, `--debug`,
/// `--no-cli-pager`), for one language: its own words for the nearest equivalent, written by
/// the language module. `value` is the option's value as a string literal of that language.
pub(crate) struct NoMeaning<'a> {
    /// The option's role.
    pub global: Global,
    /// The option's flag.
    pub flag: &'static str,
    /// Its value as a string literal of the program's language (`None` for a switch).
    pub literal: Option<String>,
    /// The raw value (to recognise `--query replicationJobId`).
    pub raw: Option<&'a str>,
}

/// The options that have no SDK meaning, in table order, with their values written by `string`.
pub(crate) fn no_meaning<'a>(call: &Call<'a>, string: fn(&str) -> String) -> Vec<NoMeaning<'a>> {
    call.globals
        .iter()
        .filter(|(g, _, _)| {
            matches!(
                g,
                Global::Output | Global::Query | Global::Debug | Global::NoPager
            )
        })
        .map(|(global, param, value)| {
            let raw = match value {
                Value::Text(t) => Some(t.as_str()),
                _ => None,
            };
            NoMeaning {
                global: *global,
                flag: param.flag,
                literal: raw.map(string),
                raw,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params;

    #[test]
    fn every_global_option_has_a_role_and_no_member_has_one() {
        for param in params::globals() {
            assert!(
                Global::of(param.id).is_some(),
                "--{} has no role",
                param.flag
            );
        }
        for param in params::members() {
            assert!(Global::of(param.id).is_none());
        }
    }

    #[test]
    fn names_follow_each_sdk() {
        let names: Vec<String> = params::members()
            .filter_map(Param::member)
            .map(snake_case)
            .collect();
        assert_eq!(
            names,
            [
                "server_id",
                "seed_replication_time",
                "frequency",
                "run_once",
                "license_type",
                "role_name",
                "description",
                "number_of_recent_amis_to_keep",
                "encrypted",
                "kms_key_id"
            ]
        );
        assert_eq!(upper_camel("BYOL"), "Byol");
        assert_eq!(upper_camel("AWS"), "Aws");
        assert_eq!(capitalized("licenseType"), "LicenseType");
    }

    #[test]
    fn languages_round_trip_and_have_their_files() {
        for sdk in Sdk::ALL {
            assert_eq!(Sdk::parse(sdk.as_str()), Some(sdk));
        }
        assert_eq!(Sdk::parse("java"), None);
        assert_eq!(
            Sdk::ALL.map(Sdk::file_name),
            [
                "create_replication_job.py",
                "create-replication-job.mjs",
                "main.rs"
            ]
        );
    }

    #[test]
    fn times_split_into_calendar_parts_within_years_1_to_9999() {
        assert_eq!(civil(1_795_600_800), Some([2026, 11, 25, 10, 0, 0]));
        assert_eq!(civil(-1), Some([1969, 12, 31, 23, 59, 59]));
        assert_eq!(civil(timestamp::MIN_SECONDS), Some([1, 1, 1, 0, 0, 0]));
        assert_eq!(
            civil(timestamp::MAX_SECONDS),
            Some([9999, 12, 31, 23, 59, 59])
        );
        assert_eq!(civil(timestamp::MAX_SECONDS + 1), None);
        assert_eq!(civil(timestamp::MIN_SECONDS - 1), None);
    }

    #[test]
    fn timeouts_keep_the_cli_meaning_of_zero() {
        assert_eq!(Timeout::of(0), Timeout::Unlimited);
        assert_eq!(Timeout::of(30), Timeout::Seconds(30));
        assert_eq!(Timeout::of(-1), Timeout::Negative(-1));
    }
}
