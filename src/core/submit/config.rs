//! `config.json`: the deployer's runtime settings, read from the text the page fetched.
//!
//! The file is optional and public (anyone can download it), so it is read defensively: every
//! problem is reported with its place, unknown keys only warn, and anything that looks like a
//! credential makes the whole file refused.

use serde_json::{Map, Value};

/// A JSON object, its keys in the file's order.
type Object = Map<String, Value>;

use crate::core::catalog;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::params;

/// The file's name, next to `index.html`.
pub const FILE_NAME: &str = "config.json";

/// The timeout used when the config gives none, in seconds.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 30;

/// The shortest and longest timeout accepted, in seconds.
pub const TIMEOUT_RANGE: (u32, u32) = (1, 300);

/// The keys of the `proxy` object.
const PROXY_KEYS: &[&str] = &["url", "label", "timeoutSeconds"];

/// The top-level keys.
const TOP_KEYS: &[&str] = &["proxy", "operations"];

/// Parts of key names that suggest a secret (compared lower case, without `_`, `-` and spaces).
const SECRET_KEY_PARTS: &[&str] = &[
    "secret",
    "password",
    "passwd",
    "token",
    "accesskey",
    "credential",
    "apikey",
    "privatekey",
    "authorization",
    "signature",
];

/// What the deployer configured for sending the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The proxy, when the file has one.
    pub proxy: Option<Proxy>,
    /// The operations the page may send, as glob patterns over CLI names (`get-*`); `None`
    /// (the key absent or `null`) allows every operation.
    pub operations: Option<Vec<String>>,
    /// Problems that do not stop the file from being used (e.g. unknown keys).
    pub warnings: Vec<Diagnostic>,
}

/// The `proxy` object, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proxy {
    /// The address as written: absolute, or relative to the page.
    pub url: String,
    /// A name for the target shown on the button, if given.
    pub label: Option<String>,
    /// How long to wait for an answer.
    pub timeout_seconds: u32,
}

/// Reads the text of `config.json`. On failure, gives every problem found, each with its place.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(e) => return Err(vec![syntax_problem(text, &e)]),
    };
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    find_secrets(&value, "", &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let Value::Object(top) = value else {
        return Err(vec![problem(
            "the whole file",
            format!(
                "the file must hold a JSON object like {{\"proxy\": {{\"url\": \"./aws/{}/\"}}}}, not {}.",
                params::OPERATION.metadata.cli_name,
                describe(&value)
            ),
        )]);
    };
    warn_unknown(&top, "", TOP_KEYS, &mut warnings);
    let proxy = match top.get("proxy") {
        None | Some(Value::Null) => None,
        Some(Value::Object(proxy)) => read_proxy(proxy, &mut errors, &mut warnings),
        Some(other) => {
            errors.push(problem(
                "proxy",
                format!("must be an object, not {}.", describe(other)),
            ));
            None
        }
    };
    let operations = match top.get("operations") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(read_operations(items, &mut errors, &mut warnings)),
        Some(other) => {
            errors.push(problem(
                "operations",
                format!(
                    "must be a list of operation names or patterns such as [\"get-*\", \"list-*\"], not {}.",
                    describe(other)
                ),
            ));
            None
        }
    };
    if errors.is_empty() {
        Ok(Config {
            proxy,
            operations,
            warnings,
        })
    } else {
        Err(errors)
    }
}

impl Config {
    /// True when the page may send `operation` (a CLI name).
    pub fn allows(&self, operation: &str) -> bool {
        self.operations
            .as_ref()
            .is_none_or(|patterns| patterns.iter().any(|p| glob(p, operation)))
    }
}

/// True when `name` matches `pattern`, where `*` stands for any run of characters.
pub fn glob(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        // No `*`: the whole name.
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// The `operations` list: each a CLI name or a pattern with `*`; one that matches no
/// operation of the service is kept, with a warning (a typo would silently block sending).
fn read_operations(
    items: &[Value],
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut patterns = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let place = format!("operations[{i}]");
        match item {
            Value::String(p)
                if !p.is_empty()
                    && p.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'*'
                    }) =>
            {
                if !catalog::ENTRIES.iter().any(|e| glob(p, e.cli_name)) {
                    warnings.push(
                        Diagnostic::general(
                            Severity::Warning,
                            format!(
                                "\"{p}\" matches no operation of aws {}.",
                                params::OPERATION.metadata.cli_name
                            ),
                        )
                        .at(format!("{FILE_NAME}: {place}")),
                    );
                }
                patterns.push(p.clone());
            }
            other => errors.push(problem(
                &place,
                format!(
                    "must be an operation's CLI name, maybe with * (e.g. \"get-*\"), not {}.",
                    describe(other)
                ),
            )),
        }
    }
    patterns
}

fn read_proxy(
    proxy: &Object,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Proxy> {
    warn_unknown(proxy, "proxy.", PROXY_KEYS, warnings);
    let before = errors.len();
    let url = match proxy.get("url") {
        Some(Value::String(url)) if !url.trim().is_empty() => url.clone(),
        Some(Value::String(_)) => {
            errors.push(problem("proxy.url", "is empty; give the proxy's address."));
            String::new()
        }
        None => {
            errors.push(problem(
                "proxy.url",
                format!(
                    "is missing; give the proxy's address, e.g. \"./aws/{}/\".",
                    params::OPERATION.metadata.cli_name
                ),
            ));
            String::new()
        }
        Some(other) => {
            errors.push(problem(
                "proxy.url",
                format!("must be a string, not {}.", describe(other)),
            ));
            String::new()
        }
    };
    let label = match proxy.get("label") {
        None | Some(Value::Null) => None,
        Some(Value::String(label)) => Some(label.trim().to_owned()).filter(|l| !l.is_empty()),
        Some(other) => {
            errors.push(problem(
                "proxy.label",
                format!("must be a string, not {}.", describe(other)),
            ));
            None
        }
    };
    let timeout_seconds = match proxy.get("timeoutSeconds") {
        None | Some(Value::Null) => DEFAULT_TIMEOUT_SECONDS,
        Some(Value::Number(n)) => match n.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if (TIMEOUT_RANGE.0..=TIMEOUT_RANGE.1).contains(&n) => n,
            _ => {
                errors.push(problem(
                    "proxy.timeoutSeconds",
                    format!(
                        "is {n}; it must be a whole number of seconds from {} to {}.",
                        TIMEOUT_RANGE.0, TIMEOUT_RANGE.1
                    ),
                ));
                DEFAULT_TIMEOUT_SECONDS
            }
        },
        Some(other) => {
            errors.push(problem(
                "proxy.timeoutSeconds",
                format!(
                    "must be a number of seconds (e.g. 30), not {}.",
                    describe(other)
                ),
            ));
            DEFAULT_TIMEOUT_SECONDS
        }
    };
    (errors.len() == before).then_some(Proxy {
        url,
        label,
        timeout_seconds,
    })
}

fn problem(place: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic::general(Severity::Error, message).at(format!("{FILE_NAME}: {place}"))
}

fn warn_unknown(object: &Object, prefix: &str, known: &[&str], warnings: &mut Vec<Diagnostic>) {
    for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
        let hint = known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(key))
            .map_or_else(String::new, |k| format!(" (did you mean \"{k}\"?)"));
        let expected = known
            .iter()
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(", ");
        warnings.push(
            Diagnostic::general(
                Severity::Warning,
                format!("unknown key, ignored{hint}; the keys read here are {expected}."),
            )
            .at(format!("{FILE_NAME}: {prefix}{key}")),
        );
    }
}

/// Refuses keys named like secrets and values shaped like AWS access key ids, anywhere.
fn find_secrets(value: &Value, path: &str, errors: &mut Vec<Diagnostic>) {
    const WHY: &str = "config.json is served to every visitor, so secrets never belong in it. \
                       Remove it (and rotate the secret if this file was ever published); \
                       credentials stay with the signing proxy.";
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let place = if path.is_empty() {
                    key.to_owned()
                } else {
                    format!("{path}.{key}")
                };
                if looks_like_secret_name(key) {
                    errors.push(problem(
                        &place,
                        format!("\"{key}\" looks like a credential. {WHY}"),
                    ));
                } else {
                    find_secrets(inner, &place, errors);
                }
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                find_secrets(inner, &format!("{path}[{i}]"), errors);
            }
        }
        Value::String(text) if looks_like_access_key_id(text) => {
            let place = if path.is_empty() {
                "the whole file"
            } else {
                path
            };
            errors.push(problem(
                place,
                format!("the value looks like an AWS access key id. {WHY}"),
            ));
        }
        _ => {}
    }
}

/// ASCII folding is enough for the key names it looks for, and keeps the 12 KB Unicode case
/// table out of the page's wasm.
fn looks_like_secret_name(key: &str) -> bool {
    let squashed: String = key
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' ' | '.'))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SECRET_KEY_PARTS.iter().any(|part| squashed.contains(part))
}

/// `AKIA`/`ASIA` and similar prefixes followed by 16 upper-case letters or digits.
fn looks_like_access_key_id(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| {
            word.len() == 20
                && ["AKIA", "ASIA", "AIDA", "AROA"]
                    .iter()
                    .any(|p| word.starts_with(p))
                && word
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

fn syntax_problem(text: &str, error: &serde_json::Error) -> Diagnostic {
    let place = format!("line {}, column {}", error.line(), error.column());
    // The error's text ends with its place, which the diagnostic already gives.
    let full = error.to_string();
    let reason = full.split(" at line ").next().unwrap_or(&full);
    let message = if text.trim_start().starts_with('<') {
        "this is not JSON but looks like an HTML page: the web server probably answers every \
         address with the app's page. Put a real config.json there, or make the server answer \
         404 for missing files."
            .to_owned()
    } else if text.trim().is_empty() {
        "the file is empty; delete it to turn sending off, or give {\"proxy\": {\"url\": …}}."
            .to_owned()
    } else {
        format!("this is not valid JSON: {reason}.")
    };
    Diagnostic::general(Severity::Error, message).at(format!("{FILE_NAME}: {place}"))
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Config {
        parse(text).unwrap_or_else(|e| panic!("{text} refused: {e:?}"))
    }

    /// Asserts the file is refused with a problem at `place` whose message contains `needle`.
    fn refused(text: &str, place: &str, needle: &str) {
        let errors = parse(text).expect_err(text);
        let found = errors.iter().any(|d| {
            d.location.as_deref() == Some(&format!("{FILE_NAME}: {place}"))
                && d.message.contains(needle)
        });
        assert!(
            found,
            "{text}: wanted {place:?} / {needle:?}, got {errors:#?}"
        );
    }

    #[test]
    fn operations_are_names_or_glob_patterns_and_absent_allows_all() {
        assert!(glob("get-*", "get-app"));
        assert!(glob("*-app", "create-app") && !glob("*-app", "create-app-x"));
        assert!(
            glob("*", "list-apps") && glob("get-*-configuration", "get-app-launch-configuration")
        );
        assert!(glob("list-apps", "list-apps") && !glob("list-apps", "list-apps-x"));
        assert!(!glob("get-*", "put-app-launch-configuration"));
        let all = ok(r#"{"proxy": {"url": "./p/"}}"#);
        assert!(all.allows("create-replication-job") && all.allows("delete-app"));
        let some = ok(r#"{"proxy": {"url": "./p/"}, "operations": ["get-*", "list-*"]}"#);
        assert!(some.allows("get-app") && some.allows("list-apps"));
        assert!(!some.allows("create-replication-job"));
        assert!(some.warnings.is_empty());
        assert!(ok(r#"{"operations": null}"#).allows("delete-app"));
        // A pattern that matches nothing is kept, with a warning at its place.
        let typo = ok(r#"{"operations": ["lsit-*"]}"#);
        assert_eq!(
            typo.warnings[0].location.as_deref(),
            Some("config.json: operations[0]")
        );
        assert!(!typo.allows("list-apps"));
        refused(r#"{"operations": "get-*"}"#, "operations", "must be a list");
        refused(
            r#"{"operations": ["Get App"]}"#,
            "operations[0]",
            "CLI name",
        );
        refused(r#"{"operations": [""]}"#, "operations[0]", "CLI name");
    }

    #[test]
    fn full_and_minimal_files() {
        let c = ok(
            r#"{"proxy": {"url": "./aws/sms/", "label": "prod account, us-east-1", "timeoutSeconds": 45}}"#,
        );
        assert_eq!(
            c.proxy,
            Some(Proxy {
                url: "./aws/sms/".into(),
                label: Some("prod account, us-east-1".into()),
                timeout_seconds: 45
            })
        );
        assert!(c.warnings.is_empty());
        let c = ok(r#"{"proxy": {"url": "https://p.example/"}}"#);
        let proxy = c.proxy.unwrap();
        assert_eq!(proxy.timeout_seconds, DEFAULT_TIMEOUT_SECONDS);
        assert_eq!(proxy.label, None);
    }

    #[test]
    fn no_proxy_means_not_configured() {
        assert_eq!(ok("{}").proxy, None);
        assert_eq!(ok(r#"{"proxy": null}"#).proxy, None);
    }

    #[test]
    fn the_file_shipped_in_dist_turns_sending_off_without_a_warning() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/config.json");
        let text = std::fs::read_to_string(path).unwrap();
        let config = ok(&text);
        assert_eq!(config.proxy, None);
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    }

    #[test]
    fn the_example_file_in_the_repository_is_valid() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.json");
        let text = std::fs::read_to_string(path).unwrap();
        let config = ok(&text);
        assert!(config.proxy.is_some());
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    }

    #[test]
    fn syntax_errors_say_where() {
        refused(
            "{\"proxy\": {\"url\": \"./a/\",}}",
            "line 1, column 26",
            "trailing comma",
        );
        refused(
            "{\n  \"proxy\": {\n    \"url\": './a/'\n  }\n}",
            "line 3, column 12",
            "not valid JSON",
        );
        refused(
            "<!doctype html><html></html>",
            "line 1, column 1",
            "HTML page",
        );
        refused("  \n", "line 2, column 0", "empty");
    }

    #[test]
    fn wrong_types_say_where() {
        refused("[]", "the whole file", "a list");
        refused(r#"{"proxy": "./aws/"}"#, "proxy", "must be an object");
        refused(r#"{"proxy": {"url": 5}}"#, "proxy.url", "the number 5");
        refused(r#"{"proxy": {}}"#, "proxy.url", "missing");
        refused(r#"{"proxy": {"url": "  "}}"#, "proxy.url", "empty");
        refused(
            r#"{"proxy": {"url": "./a/", "label": ["x"]}}"#,
            "proxy.label",
            "a list",
        );
        refused(
            r#"{"proxy": {"url": "./a/", "timeoutSeconds": "30"}}"#,
            "proxy.timeoutSeconds",
            "the string \"30\"",
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let errors =
            parse(r#"{"proxy": {"url": 1, "label": 2, "timeoutSeconds": 0}}"#).unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:#?}");
    }

    #[test]
    fn timeout_bounds() {
        let timeout = |t: &str| {
            parse(&format!(
                r#"{{"proxy": {{"url": "./a/", "timeoutSeconds": {t}}}}}"#
            ))
            .map(|c| c.proxy.unwrap().timeout_seconds)
            .map_err(|e| e[0].message.clone())
        };
        assert_eq!(timeout("1"), Ok(1));
        assert_eq!(timeout("300"), Ok(300));
        for bad in ["0", "301", "-5", "2.5", "1e9", "99999999999"] {
            let err = timeout(bad).unwrap_err();
            assert!(err.contains("from 1 to 300"), "{bad}: {err}");
        }
    }

    #[test]
    fn unknown_keys_warn_and_suggest() {
        let c =
            ok(r#"{"proxy": {"url": "./a/", "timeoutseconds": 5, "color": "red"}, "theme": 1}"#);
        let places: Vec<_> = c
            .warnings
            .iter()
            .map(|w| w.location.clone().unwrap())
            .collect();
        assert_eq!(
            places,
            [
                "config.json: theme",
                "config.json: proxy.timeoutseconds",
                "config.json: proxy.color"
            ]
        );
        assert!(
            c.warnings[1]
                .message
                .contains("did you mean \"timeoutSeconds\"")
        );
        assert_eq!(c.proxy.unwrap().timeout_seconds, DEFAULT_TIMEOUT_SECONDS);
    }

    #[test]
    fn anything_like_a_credential_is_refused() {
        for key in [
            "secretAccessKey",
            "aws_secret_access_key",
            "accessKeyId",
            "AccessKey",
            "password",
            "sessionToken",
            "x-api-key",
            "Authorization",
            "credentials",
        ] {
            let text = format!(r#"{{"proxy": {{"url": "./a/", "{key}": "x"}}}}"#);
            refused(&text, &format!("proxy.{key}"), "secrets never belong");
        }
        refused(
            r#"{"token": "x", "proxy": {"url": "./a/"}}"#,
            "token",
            "looks like a credential",
        );
        refused(
            r#"{"proxy": {"url": "./a/", "label": "AKIAIOSFODNN7EXAMPLE"}}"#,
            "proxy.label",
            "access key id",
        );
        refused(
            r#"{"notes": [{"k": "ASIAABCDEFGHIJKLMNOP"}]}"#,
            "notes[0].k",
            "access key id",
        );
        // A label merely mentioning keys is fine.
        assert!(
            ok(r#"{"proxy": {"url": "./a/", "label": "keys live in the proxy"}}"#)
                .proxy
                .is_some()
        );
    }
}
