//! From what the user typed to a typed [`Request`] plus every problem found.
//!
//! [`check`] walks the whole form, never stops at the first problem and never changes the
//! form. Errors are what the CLI or the service would refuse or misread; warnings are what
//! they accept but is very likely a mistake by the rules of the SMS console.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::{Form, Zone};
use crate::core::params::{self, Id, Kind, Param};
use crate::core::request::{Request, Value};
use crate::core::timestamp::{self, LocalZone, Written};

/// What the checks need from outside the core: the clock and the local time zone.
pub struct Context<'a> {
    /// Now, in epoch seconds.
    pub now: i64,
    /// The user's local zone, for a seed time typed without one.
    pub local: &'a dyn LocalZone,
}

/// The outcome of [`check`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// Every parameter that is set and could be read. Parameters with errors are left out.
    pub request: Request,
    /// Every problem, in table order.
    pub diagnostics: Vec<Diagnostic>,
    /// The flags of the required parameters that are empty and untouched
    /// ([`still_needed`]): their "is required" errors
    /// still count (the outputs are incomplete), but the form asks for them calmly instead of
    /// showing an error at the field.
    pub needed: Vec<&'static str>,
}

impl Checked {
    /// True when any diagnostic is an error: no output should be offered as final.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The diagnostics shown at one parameter's field: none while it is only still needed.
    pub fn for_param<'s>(&'s self, flag: &'s str) -> impl Iterator<Item = &'s Diagnostic> {
        let needed = self.needed.contains(&flag);
        self.diagnostics
            .iter()
            .filter(move |d| d.param == Some(flag) && !needed)
    }
}

/// The prefixes that make the CLI read a file (or, in v1, fetch a URL) instead of sending the
/// value, for any operation parameter given on the command line.
pub const EXPANDED_PREFIXES: &[&str] = &["file://", "fileb://", "http://", "https://"];

/// True when the CLI would expand this command-line value instead of sending it as text.
pub fn cli_would_expand(value: &str) -> bool {
    EXPANDED_PREFIXES.iter().any(|p| value.starts_with(p))
}

pub use crate::core::params::{AMIS_TO_KEEP_RANGE, CONSOLE, FREQUENCY_RANGE, SEED_HORIZON};

/// True while a required parameter is empty and nobody has touched it: the form asks for it
/// calmly (no error at the field, no red) until it is touched. Whatever a restored draft, an
/// import or a link filled counts as touched.
pub fn still_needed(param: &Param, text: &str, touched: bool) -> bool {
    param.required && text.is_empty() && !touched
}

/// Checks the whole form.
pub fn check(form: &Form, ctx: &Context<'_>) -> Checked {
    let mut out = Checked::default();
    for param in params::PARAMS {
        let text = form.get(param.id);
        if text.is_empty() {
            if still_needed(param, text, form.is_touched(param.id)) {
                out.needed.push(param.flag);
            }
            if param.required {
                out.diagnostics.push(Diagnostic::error(
                    param.flag,
                    format!("{} is required.", param.label),
                ));
            }
            continue;
        }
        if text.contains('\0') {
            out.diagnostics.push(Diagnostic::error(
                param.flag,
                "Contains a NUL character, which no command line can carry.",
            ));
            continue;
        }
        if let Some(value) = read_value(param, text, form.zone, ctx, &mut out.diagnostics) {
            out.request.insert(param, value);
        }
    }
    cross_checks(&out.request, &mut out.diagnostics);
    out
}

/// Reads one parameter's text into its typed value, adding its own diagnostics.
fn read_value(
    param: &'static Param,
    text: &str,
    zone: Zone,
    ctx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Value> {
    let flag = param.flag;
    match param.kind {
        Kind::Text => {
            if param.required && text.trim().is_empty() {
                diags.push(Diagnostic::error(
                    flag,
                    format!("{} is required; it cannot be only spaces.", param.label),
                ));
                return None;
            }
            text_warnings(param, text, diags);
            Some(Value::Text(text.to_owned()))
        }
        Kind::Choice(allowed) => {
            if allowed.contains(&text) {
                if param.id == Id::Output && text.starts_with("yaml") {
                    diags.push(Diagnostic::info(
                        flag,
                        format!("--output {text} exists in AWS CLI v2 only."),
                    ));
                }
                return Some(Value::Text(text.to_owned()));
            }
            let hint = allowed
                .iter()
                .find(|a| a.eq_ignore_ascii_case(text.trim()))
                .map(|a| format!(" Did you mean {a}?"))
                .unwrap_or_default();
            diags.push(Diagnostic::error(
                flag,
                format!("\"{text}\" is not one of {}.{hint}", allowed.join(", ")),
            ));
            None
        }
        Kind::Integer => match read_integer(text) {
            Ok(n) => {
                integer_warnings(param, n, diags);
                Some(Value::Integer(n))
            }
            Err(message) => {
                diags.push(Diagnostic::error(flag, message));
                None
            }
        },
        Kind::Boolean => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => {
                diags.push(Diagnostic::error(
                    flag,
                    format!("\"{text}\" is not a choice here: use --{flag}, --no-{flag} or leave it unset."),
                ));
                None
            }
        },
        Kind::Switch => {
            if text == "true" {
                Some(Value::Switch)
            } else {
                diags.push(Diagnostic::error(
                    flag,
                    format!("--{flag} takes no value; \"{text}\" cannot be given to it."),
                ));
                None
            }
        }
        Kind::Timestamp => read_time(flag, text, zone, ctx, diags).map(Value::Time),
    }
}

/// A whole number as the CLI's `int()` reads the usual spellings; the output is normalized.
pub fn read_integer(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"{text}\" is not a whole number."));
    }
    t.parse::<i64>()
        .map_err(|_| format!("{t} is far too large for this parameter."))
}

fn read_time(
    flag: &'static str,
    text: &str,
    zone: Zone,
    ctx: &Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<i64> {
    let parsed = match timestamp::parse(text) {
        Ok(parsed) => parsed,
        Err(message) => {
            diags.push(Diagnostic::error(flag, message));
            return None;
        }
    };
    let seconds = parsed.resolve(zone, ctx.local);
    let utc = timestamp::format_utc(seconds);
    match (parsed.written, zone) {
        (Written::Naive, Zone::Utc) => diags.push(Diagnostic::info(
            flag,
            format!("No zone given, so read as UTC: {utc}."),
        )),
        (Written::Naive, Zone::Local) => diags.push(Diagnostic::info(
            flag,
            format!("Read as local time ({}): {utc}.", ctx.local.name()),
        )),
        (Written::Epoch, _) => diags.push(Diagnostic::info(
            flag,
            format!("Read as seconds since 1970: {utc}."),
        )),
        (Written::WithZone, _) => {}
    }
    if seconds < ctx.now {
        diags.push(Diagnostic::warning(
            flag,
            format!(
                "{utc} is in the past; the seed replication would start at once or be refused."
            ),
        ));
    } else if seconds > ctx.now + SEED_HORIZON {
        diags.push(Diagnostic::warning(
            flag,
            format!("{utc} is more than 30 days ahead; {CONSOLE} allows at most 30 days."),
        ));
    }
    Some(seconds)
}

fn integer_warnings(param: &Param, n: i64, diags: &mut Vec<Diagnostic>) {
    let range = match param.id {
        Id::Frequency => Some((FREQUENCY_RANGE, "hours")),
        Id::NumberOfRecentAmisToKeep => Some((AMIS_TO_KEEP_RANGE, "AMIs")),
        _ => None,
    };
    if let Some(((low, high), unit)) = range {
        if !(low..=high).contains(&n) {
            diags.push(Diagnostic::warning(
                param.flag,
                format!("{n} is outside {low}–{high} {unit}, the range {CONSOLE} allows."),
            ));
        }
    } else if n < 0 {
        diags.push(Diagnostic::warning(
            param.flag,
            format!("{n} seconds is negative; use 0 for no limit."),
        ));
    }
}

fn text_warnings(param: &Param, text: &str, diags: &mut Vec<Diagnostic>) {
    let flag = param.flag;
    if text.trim() != text {
        diags.push(Diagnostic::warning(
            flag,
            "Starts or ends with white space, which is sent as typed.",
        ));
    }
    if param.is_member() && cli_would_expand(text) {
        let scheme = &text[..text.find("://").map_or(0, |i| i + 3)];
        diags.push(Diagnostic::warning(
            flag,
            format!(
                "On a command line the CLI would read \"{scheme}…\" as a file or URL to load \
                 instead of sending this text, so the command passes the values through \
                 --cli-input-json."
            ),
        ));
    }
    let t = text.trim();
    match param.id {
        Id::ServerId if !is_server_id(t) => diags.push(Diagnostic::warning(
            flag,
            "Server IDs look like s- followed by hexadecimal digits (e.g. s-12345678).",
        )),
        Id::RoleName => role_name_warnings(t, diags),
        Id::KmsKeyId if !is_kms_key(t) => diags.push(Diagnostic::warning(
            flag,
            "Not a key ID, alias/…, key ARN or alias ARN.",
        )),
        Id::Region if !is_region(t) => diags.push(Diagnostic::warning(
            flag,
            "Region names look like us-east-1 or eu-central-1.",
        )),
        Id::EndpointUrl if !(t.starts_with("https://") || t.starts_with("http://")) => {
            diags.push(Diagnostic::error(
                flag,
                "The endpoint URL must start with https:// or http://.",
            ));
        }
        _ => {}
    }
}

fn role_name_warnings(t: &str, diags: &mut Vec<Diagnostic>) {
    if t.starts_with("arn:") {
        let name = t.rsplit('/').next().unwrap_or(t);
        diags.push(Diagnostic::warning(
            Id::RoleName.flag(),
            format!("This is an ARN; the parameter wants the role name only (e.g. {name})."),
        ));
        return;
    }
    if t.chars().count() > 64 {
        diags.push(Diagnostic::warning(
            Id::RoleName.flag(),
            "IAM role names are at most 64 characters.",
        ));
    }
    if let Some(bad) = t.chars().find(|c| !is_iam_name_char(*c)) {
        diags.push(Diagnostic::warning(
            Id::RoleName.flag(),
            format!(
                "IAM role names cannot contain {bad:?}; they use letters, digits and + = , . @ _ -."
            ),
        ));
    }
}

fn is_iam_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+=,.@_-".contains(c)
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_server_id(t: &str) -> bool {
    t.strip_prefix("s-")
        .is_some_and(|h| is_hex(h) && h.len() >= 8)
}

fn is_key_id(t: &str) -> bool {
    let uuid_groups = [8, 4, 4, 4, 12];
    let parts: Vec<&str> = t.split('-').collect();
    let is_uuid = parts.len() == 5
        && parts
            .iter()
            .zip(uuid_groups)
            .all(|(p, n)| p.len() == n && is_hex(p));
    let is_multi_region = t
        .strip_prefix("mrk-")
        .is_some_and(|h| h.len() == 32 && is_hex(h));
    is_uuid || is_multi_region
}

fn is_alias(t: &str) -> bool {
    t.strip_prefix("alias/").is_some_and(|name| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/_-".contains(c))
    })
}

fn is_kms_key(t: &str) -> bool {
    if is_key_id(t) || is_alias(t) {
        return true;
    }
    let parts: Vec<&str> = t.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = parts.as_slice() else {
        return false;
    };
    *arn == "arn"
        && partition.starts_with("aws")
        && *service == "kms"
        && is_region(region)
        && account.len() == 12
        && account.bytes().all(|b| b.is_ascii_digit())
        && (resource.strip_prefix("key/").is_some_and(is_key_id) || is_alias(resource))
}

fn is_region(t: &str) -> bool {
    let parts: Vec<&str> = t.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty()
}

fn cross_checks(request: &Request, diags: &mut Vec<Diagnostic>) {
    if request.get(Id::Frequency).is_some() && request.get(Id::RunOnce) == Some(&Value::Bool(true))
    {
        diags.push(Diagnostic::warning(
            Id::Frequency.flag(),
            "A frequency has no effect on a job that runs once (--run-once).",
        ));
    }
    if request.get(Id::KmsKeyId).is_some() && request.get(Id::Encrypted) != Some(&Value::Bool(true))
    {
        diags.push(Diagnostic::warning(
            Id::KmsKeyId.flag(),
            "A KMS key is only used with --encrypted; set Encrypted AMIs or remove the key.",
        ));
    }
    // Keep table order, whatever order the checks ran in.
    let rank = |d: &Diagnostic| {
        d.param
            .and_then(|f| params::PARAMS.iter().position(|p| p.flag == f))
            .unwrap_or(usize::MAX)
    };
    diags.sort_by_key(rank);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;
    use crate::core::share;
    use crate::core::timestamp::FixedOffset;

    /// 2026-11-25T09:00:00Z.
    pub(crate) const NOW: i64 = 1_795_597_200;

    fn check_form(form: &Form) -> Checked {
        check(
            form,
            &Context {
                now: NOW,
                local: &FixedOffset(3600),
            },
        )
    }

    #[test]
    fn an_untouched_required_parameter_is_only_still_needed() {
        let server = params::by_flag("server-id").unwrap();
        let frequency = params::by_flag("frequency").unwrap();
        assert!(still_needed(server, "", false));
        assert!(!still_needed(server, "", true), "touched: an error now");
        assert!(!still_needed(server, " ", false), "typed: checked as typed");
        assert!(!still_needed(frequency, "", false), "not required");

        // A fresh form: both required values are still needed, nothing shows at the fields,
        // and the request is still incomplete.
        let fresh = check_form(&Form::new());
        assert_eq!(fresh.needed, ["server-id", "seed-replication-time"]);
        assert!(fresh.has_errors());
        assert_eq!(fresh.for_param("server-id").count(), 0);
        // Leaving a field, or typing and emptying it, makes its error show.
        let mut form = Form::new();
        form.touch(Id::ServerId);
        form.set(Id::SeedReplicationTime, "");
        let touched = check_form(&form);
        assert!(touched.needed.is_empty());
        assert_eq!(touched.for_param("server-id").count(), 1);
        assert_eq!(touched.for_param("seed-replication-time").count(), 1);
        // What a link or an import fills counts as touched; what it leaves empty does not.
        let linked = check_form(&share::decode("server-id=s-1").0);
        assert_eq!(linked.needed, ["seed-replication-time"]);
        // Touching is not part of the value.
        assert_eq!(form, Form::new());
    }

    fn valid() -> Form {
        Form::new()
            .with(Id::ServerId, "s-12345678")
            .with(Id::SeedReplicationTime, "2026-11-26T10:00:00Z")
    }

    /// Renders the diagnostics of a form as `severity flag: message` lines.
    fn problems(form: &Form) -> Vec<String> {
        check_form(form)
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn assert_has(form: &Form, severity: Severity, flag: &str, needle: &str) {
        let checked = check_form(form);
        assert!(
            checked.diagnostics.iter().any(|d| d.severity == severity
                && d.param == Some(flag)
                && d.message.contains(needle)),
            "no {severity:?} on {flag} containing {needle:?}: {:#?}",
            problems(form)
        );
    }

    #[test]
    fn a_good_form_has_no_problem_and_a_typed_request() {
        let checked = check_form(
            &valid()
                .with(Id::Frequency, "12")
                .with(Id::Encrypted, "true")
                .with(Id::KmsKeyId, "alias/sms")
                .with(Id::LicenseType, "BYOL"),
        );
        assert_eq!(checked.diagnostics, []);
        assert_eq!(
            checked.request.get(Id::SeedReplicationTime),
            Some(&Value::Time(1_795_687_200))
        );
        assert_eq!(
            checked.request.get(Id::Frequency),
            Some(&Value::Integer(12))
        );
        assert_eq!(checked.request.get(Id::Encrypted), Some(&Value::Bool(true)));
    }

    #[test]
    fn every_problem_is_reported_at_once_and_bad_values_are_left_out() {
        let form = Form::new()
            .with(Id::Frequency, "1.5")
            .with(Id::LicenseType, "aws")
            .with(Id::RunOnce, "yes");
        let checked = check_form(&form);
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.param.unwrap())
            .collect();
        assert_eq!(
            errors,
            [
                "server-id",
                "seed-replication-time",
                "frequency",
                "run-once",
                "license-type"
            ]
        );
        assert!(checked.request.is_empty());
        assert_has(&form, Severity::Error, "license-type", "Did you mean AWS?");
    }

    #[test]
    fn integers_accept_the_usual_spellings_and_refuse_the_rest() {
        assert_eq!(read_integer(" +012 "), Ok(12));
        assert_eq!(read_integer("-3"), Ok(-3));
        for bad in [
            "abc",
            "1.5",
            "1e3",
            "0x10",
            "",
            "1_000",
            "99999999999999999999",
        ] {
            assert!(read_integer(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn console_rules_are_warnings() {
        assert_has(
            &valid().with(Id::Frequency, "0"),
            Severity::Warning,
            "frequency",
            "outside 1–24",
        );
        assert_has(
            &valid().with(Id::Frequency, "25"),
            Severity::Warning,
            "frequency",
            "outside",
        );
        assert_has(
            &valid().with(Id::Frequency, "12").with(Id::RunOnce, "true"),
            Severity::Warning,
            "frequency",
            "runs once",
        );
        assert_has(
            &valid().with(Id::NumberOfRecentAmisToKeep, "271"),
            Severity::Warning,
            "number-of-recent-amis-to-keep",
            "1–270",
        );
        assert_has(
            &valid().with(Id::KmsKeyId, "alias/x"),
            Severity::Warning,
            "kms-key-id",
            "--encrypted",
        );
        assert_has(
            &valid()
                .with(Id::Encrypted, "true")
                .with(Id::KmsKeyId, "my key"),
            Severity::Warning,
            "kms-key-id",
            "Not a key ID",
        );
        assert_has(
            &valid().with(Id::ServerId, "srv-1"),
            Severity::Warning,
            "server-id",
            "s- followed",
        );
        assert_has(
            &valid().with(Id::RoleName, "arn:aws:iam::123456789012:role/sms"),
            Severity::Warning,
            "role-name",
            "e.g. sms",
        );
        assert_has(
            &valid().with(Id::RoleName, "a b"),
            Severity::Warning,
            "role-name",
            "cannot contain ' '",
        );
        assert_has(
            &valid().with(Id::RoleName, "r".repeat(65)),
            Severity::Warning,
            "role-name",
            "64",
        );
    }

    #[test]
    fn kms_key_shapes() {
        for good in [
            "1234abcd-12ab-34cd-56ef-1234567890ab",
            "mrk-1234abcd12ab34cd56ef1234567890ab",
            "alias/ExampleAlias",
            "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            "arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias",
        ] {
            assert!(is_kms_key(good), "{good}");
        }
        for bad in [
            "",
            "alias/",
            "key/1234",
            "arn:aws:kms:us-east-2:1:key/x",
            "1234abcd",
        ] {
            assert!(!is_kms_key(bad), "{bad}");
        }
    }

    #[test]
    fn seed_time_in_the_past_or_too_far_ahead_warns() {
        let past = valid().with(Id::SeedReplicationTime, "2026-11-25T08:59:59Z");
        assert_has(
            &past,
            Severity::Warning,
            "seed-replication-time",
            "in the past",
        );
        let far = valid().with(Id::SeedReplicationTime, "2026-12-25T09:00:01Z");
        assert_has(&far, Severity::Warning, "seed-replication-time", "30 days");
        let edge = valid().with(Id::SeedReplicationTime, "2026-12-25T09:00:00Z");
        assert_eq!(problems(&edge), Vec::<String>::new());
    }

    #[test]
    fn a_naive_time_is_never_silently_utc() {
        let mut form = valid().with(Id::SeedReplicationTime, "2026-11-26 10:00");
        assert_has(
            &form,
            Severity::Info,
            "seed-replication-time",
            "read as UTC: 2026-11-26T10:00:00Z",
        );
        form.zone = Zone::Local;
        assert_has(
            &form,
            Severity::Info,
            "seed-replication-time",
            "local time (UTC+01:00): 2026-11-26T09:00:00Z",
        );
        assert_eq!(
            check_form(&form).request.get(Id::SeedReplicationTime),
            Some(&Value::Time(1_795_683_600))
        );
    }

    #[test]
    fn values_the_cli_would_expand_are_flagged() {
        for value in ["file://x", "fileb://x", "http://example.com/x", "https://x"] {
            assert_has(
                &valid().with(Id::Description, value),
                Severity::Warning,
                "description",
                "--cli-input-json",
            );
        }
        assert_eq!(
            problems(&valid().with(Id::Description, "see file://x")),
            Vec::<String>::new()
        );
        assert_eq!(
            problems(&valid().with(Id::EndpointUrl, "http://127.0.0.1:9")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn required_and_odd_values_are_errors() {
        assert_has(
            &valid().with(Id::ServerId, "  "),
            Severity::Error,
            "server-id",
            "required",
        );
        assert_has(
            &valid().with(Id::Debug, "false"),
            Severity::Error,
            "debug",
            "takes no value",
        );
        assert_has(
            &valid().with(Id::EndpointUrl, "localhost:8080"),
            Severity::Error,
            "endpoint-url",
            "https://",
        );
        assert_has(
            &valid().with(Id::Description, "a\0b"),
            Severity::Error,
            "description",
            "NUL",
        );
        assert_has(
            &valid().with(Id::Output, "yaml"),
            Severity::Info,
            "output",
            "v2 only",
        );
    }
}
