//! Sending the request to a signing proxy the deployer runs: everything except the I/O.
//!
//! A browser must never hold AWS credentials, so the page posts the exact request of
//! [`crate::core::render::http::prepare`] to a proxy named in `config.json`, which signs it
//! and passes it on. This module reads that config ([`config`]), works out the address
//! ([`url`]), prepares what the browser sends ([`Submission`]) and classifies what comes back
//! ([`outcome`]). The UI only performs the fetch, the timer and the cancel.

pub mod config;
pub mod outcome;
pub mod url;

use crate::core::call::Call;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::render::http::{self, HttpRequest};
use crate::core::request::Request;

pub use config::{Config, Proxy};
pub use outcome::{Answer, Outcome, Subject, Tone, classify};
pub use url::Url;

/// The lead of the status when `config.json` cannot be used; its problems follow.
pub const BROKEN: &str = "Sending is off: config.json has problems. The rest of the app is not \
    affected.";

/// How to turn sending on, shown whenever it is off.
pub const HOW_TO_ENABLE: &str = "To send the request from here, the deployer names a signing \
    proxy in the config.json next to index.html, e.g. {\"proxy\": {\"url\": \"./aws/sms/\", \
    \"label\": \"prod account, us-east-1\", \"timeoutSeconds\": 30}}. See docs/deploy.md. \
    Everything else works without it.";

/// What fetching `config.json` gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetched<'a> {
    /// HTTP 200 with this text.
    Text(&'a str),
    /// Any other status (404 when there is no file).
    Status(u16),
    /// The fetch itself failed.
    Failed,
}

/// Whether sending is possible, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    /// No config, or a config without a proxy: sending is off, and that is normal.
    NotConfigured {
        /// Why, in a sentence (followed by [`HOW_TO_ENABLE`] in the UI).
        reason: String,
    },
    /// The config names a proxy, but its `operations` do not include this page's operation.
    NotAllowed {
        /// Why, in a sentence.
        reason: String,
    },
    /// The config exists but cannot be used.
    Broken {
        /// Every problem, each with its place.
        problems: Vec<Diagnostic>,
    },
    /// Ready to send.
    Ready(Target),
}

/// Where requests go, checked and resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The absolute proxy address.
    pub url: String,
    /// The name shown on the button (the label, or the host when there is none).
    pub label: String,
    /// How long to wait for an answer.
    pub timeout_seconds: u32,
    /// The proxy is on another origin than the page, so CORS applies.
    pub cross_origin: bool,
    /// Problems that did not stop it (unknown keys, notes about the origin).
    pub warnings: Vec<Diagnostic>,
}

impl Target {
    /// The button text.
    pub fn button_text(&self) -> String {
        if self.label == self.url {
            format!("Send to {}", self.url)
        } else {
            format!("Send to {} ({})", self.label, self.url)
        }
    }

    /// The outcome for a fetch that failed with no answer.
    pub fn network_failure(&self) -> Outcome {
        Outcome::NetworkFailure {
            url: self.url.clone(),
            cross_origin: self.cross_origin,
        }
    }

    /// The outcome for a fetch abandoned after the timeout.
    pub fn timed_out(&self) -> Outcome {
        Outcome::TimedOut {
            seconds: self.timeout_seconds,
        }
    }
}

/// Works out whether and where to send `operation` (its CLI name), from the fetched config and
/// the page's address.
pub fn availability(fetched: Fetched<'_>, page_url: &str, operation: &str) -> Availability {
    match fetched {
        Fetched::Text(text) => from_config(text, page_url, operation),
        Fetched::Status(status) => without_config(Some(status)),
        Fetched::Failed => without_config(None),
    }
}

impl Availability {
    /// The section's status when sending is not possible, as one paragraph: its state (`off`
    /// or `broken`, the section's `data-state`) and its text (why, and how to turn sending on;
    /// or the problems, each with its place). `None` when sending is ready.
    pub fn status_line(&self) -> Option<(&'static str, String)> {
        match self {
            Availability::NotConfigured { reason } => {
                Some(("off", format!("{reason} {HOW_TO_ENABLE}")))
            }
            Availability::NotAllowed { reason } => Some((
                "off",
                format!(
                    "{reason} The deployer lists the operations this page may send in \
                     config.json's \"operations\" (see docs/deploy.md)."
                ),
            )),
            Availability::Broken { problems } => {
                let mut text = BROKEN.to_owned();
                for problem in problems {
                    text.push(' ');
                    if let Some(location) = &problem.location {
                        text.push_str(location);
                        text.push_str(": ");
                    }
                    text.push_str(&problem.message);
                }
                Some(("broken", text))
            }
            Availability::Ready(_) => None,
        }
    }
}

/// Whether sending is possible when `config.json` gave no text: the HTTP status it was
/// answered with, or `None` when the fetch failed. Not-found answers mean sending is off.
pub fn without_config(status: Option<u16>) -> Availability {
    match status {
        Some(404 | 410) => not_configured("there is no config.json next to this page."),
        // S3 and some CDNs answer 403 for a file that does not exist.
        Some(403) => not_configured(
            "there is no readable config.json next to this page (the server answered HTTP 403, \
             which some static hosts give for a missing file).",
        ),
        Some(status) => broken(
            format!(
                "{} could not be read: the server answered HTTP {status}.",
                config::FILE_NAME
            ),
            None,
        ),
        None => broken(
            format!(
                "{} could not be fetched (network error).",
                config::FILE_NAME
            ),
            None,
        ),
    }
}

/// Whether and where to send `operation` (its CLI name), from the text of `config.json` and
/// the page's address.
pub fn from_config(text: &str, page_url: &str, operation: &str) -> Availability {
    let config = match config::parse(text) {
        Ok(config) => config,
        Err(problems) => return Availability::Broken { problems },
    };
    let allowed = config.allows(operation);
    let Some(proxy) = config.proxy else {
        return without_proxy();
    };
    if !allowed {
        let listed = config.operations.unwrap_or_default().join(", ");
        return Availability::NotAllowed {
            reason: format!(
                "Sending {operation} is off on this page: config.json allows only {listed}."
            ),
        };
    }
    // Only the page's scheme, host and path matter for resolving the proxy's address; the
    // query holds the form (a share link), with characters a strict URL parser refuses.
    let page_url = page_url.split(['?', '#']).next().unwrap_or_default();
    let Ok(page) = Url::parse(page_url) else {
        return broken(
            format!(
                "this page was opened from {page_url}; sending needs the app served over http \
                 or https."
            ),
            None,
        );
    };
    let target = match page.join(&proxy.url) {
        Ok(target) => target,
        Err(why) => {
            return broken(
                format!("the proxy address \"{}\" cannot be used: {why}", proxy.url),
                Some("proxy.url"),
            );
        }
    };
    if page.scheme() == "https" && target.scheme() == "http" && !target.is_loopback() {
        return broken(
            format!(
                "the page is served over https but the proxy address {target} is plain http; \
                 browsers block such mixed content. Serve the proxy over https."
            ),
            Some("proxy.url"),
        );
    }
    let cross_origin = target.origin() != page.origin();
    let mut warnings = config.warnings;
    if cross_origin {
        warnings.push(Diagnostic::general(
            Severity::Info,
            format!(
                "The proxy is on another origin ({}) than this page ({}): it must answer CORS \
                 requests from this page (see docs/deploy.md).",
                target.origin(),
                page.origin()
            ),
        ));
    }
    let url = target.to_string();
    Availability::Ready(Target {
        label: proxy.label.unwrap_or_else(|| target.host().to_owned()),
        url,
        timeout_seconds: proxy.timeout_seconds,
        cross_origin,
        warnings,
    })
}

/// Sending is off because `config.json` names no proxy: its `"proxy"` is `null` (as in the file
/// that ships with the app) or absent.
pub fn without_proxy() -> Availability {
    not_configured("config.json has no \"proxy\" (it is null or absent).")
}

fn not_configured(reason: &str) -> Availability {
    Availability::NotConfigured {
        reason: format!("Sending is off: {reason}"),
    }
}

fn broken(message: String, place: Option<&str>) -> Availability {
    let location = match place {
        Some(place) => format!("{}: {place}", config::FILE_NAME),
        None => config::FILE_NAME.to_owned(),
    };
    Availability::Broken {
        problems: vec![Diagnostic::general(Severity::Error, message).at(location)],
    }
}

/// Headers a page may not set itself: the browser writes them (compared lower case).
const BROWSER_OWNED_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "accept-encoding",
    "user-agent",
    "date",
    "expect",
    "keep-alive",
    "transfer-encoding",
    "origin",
    "referer",
];

/// One request ready to go: where, and exactly what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// The absolute proxy address.
    pub url: String,
    /// How long to wait.
    pub timeout_seconds: u32,
    /// The request as the app shows it (the one source of the body and headers).
    pub request: HttpRequest,
    /// Notes about parts of the form the proxy ignores.
    pub notes: Vec<Diagnostic>,
    /// What is sent, for the words of its outcome.
    pub subject: Subject,
}

impl Submission {
    /// Prepares the request of a checked form for a target.
    pub fn new(target: &Target, request: &Request) -> Self {
        let notes = request
            .globals()
            .map(|(param, _)| {
                Diagnostic::info(
                    param.flag,
                    format!(
                        "--{} is an AWS CLI setting and does not apply here: the proxy decides \
                         the account, region and endpoint.",
                        param.flag
                    ),
                )
            })
            .collect();
        Self {
            url: target.url.clone(),
            timeout_seconds: target.timeout_seconds,
            request: http::prepare(request),
            notes,
            subject: Subject::Job,
        }
    }

    /// Prepares the request of a checked call of any operation for a target.
    pub fn of_call(target: &Target, call: &Call) -> Self {
        Self {
            url: target.url.clone(),
            timeout_seconds: target.timeout_seconds,
            request: call.http_request(),
            notes: Vec::new(),
            subject: Subject::of(call.operation),
        }
    }

    /// Classifies the answer to this request.
    pub fn classify(&self, answer: &Answer) -> Outcome {
        outcome::classify_in(answer, self.subject)
    }

    /// The method for the fetch.
    pub fn method(&self) -> &str {
        self.request.method
    }

    /// The body, byte for byte what the app shows and the CLI sends.
    pub fn body(&self) -> &str {
        &self.request.body
    }

    /// The headers the page sets; the browser adds the ones it owns (Host, Content-Length…).
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.request
            .headers
            .iter()
            .filter(|(name, _)| {
                !BROWSER_OWNED_HEADERS.contains(&name.to_ascii_lowercase().as_str())
            })
            .map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// What the confirmation step shows: where it goes, then the request.
    pub fn preview(&self) -> String {
        format!(
            "{} {}\n(the proxy signs it and passes it on to AWS as:)\n\n{}",
            self.method(),
            self.url,
            self.request
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostic::has_errors;
    use crate::core::params;

    const PAGE: &str = "https://tools.example.com/sms/";
    const OP: &str = params::OPERATION.cli_name;

    fn ready(config: &str, page: &str) -> Target {
        match availability(Fetched::Text(config), page, OP) {
            Availability::Ready(t) => t,
            other => panic!("{config}: {other:?}"),
        }
    }

    #[test]
    fn an_operation_the_config_does_not_list_may_not_be_sent_and_the_section_says_why() {
        let config = r#"{"proxy": {"url": "./aws/sms/"}, "operations": ["get-*", "list-*"]}"#;
        let got = availability(Fetched::Text(config), PAGE, OP);
        let (state, text) = got.status_line().unwrap();
        assert_eq!(state, "off");
        assert!(
            text.starts_with(
                "Sending create-replication-job is off on this page: config.json allows only get-*, list-*."
            ),
            "{text}"
        );
        assert!(text.contains("\"operations\""), "{text}");
        let allowed = r#"{"proxy": {"url": "./aws/sms/"}, "operations": ["create-*"]}"#;
        assert_eq!(
            ready(allowed, PAGE).url,
            "https://tools.example.com/sms/aws/sms/"
        );
        // The same file lets the page of a listed operation send.
        assert!(matches!(
            availability(Fetched::Text(config), PAGE, "get-servers"),
            Availability::Ready(_)
        ));
    }

    #[test]
    fn a_call_of_any_operation_is_sent_as_its_http_tab_shows_it() {
        let operation = params::SERVICE.operation("get-servers").unwrap();
        let (call, problems) = Call::from_json(operation, r#"{"maxResults": 5}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let target = ready(r#"{"proxy": {"url": "./aws/sms/"}}"#, PAGE);
        let s = Submission::of_call(&target, &call);
        assert_eq!(s.body(), r#"{"maxResults": 5}"#);
        assert_eq!(s.request, call.http_request());
        assert!(
            s.headers()
                .any(|(name, value)| name == "X-Amz-Target" && value == call.target())
        );
        assert_eq!(s.subject, Subject::of(operation));
        let answer = Answer::new(200, None, None, r#"{"serverList": []}"#);
        assert!(matches!(s.classify(&answer), Outcome::Answered { .. }));
    }

    fn problems(fetched: Fetched<'_>, page: &str) -> Vec<Diagnostic> {
        match availability(fetched, page, OP) {
            Availability::Broken { problems } => problems,
            other => panic!("{fetched:?}: {other:?}"),
        }
    }

    #[test]
    fn missing_file_or_proxy_is_not_configured() {
        for fetched in [
            Fetched::Status(404),
            Fetched::Status(403),
            Fetched::Text("{}"),
            Fetched::Text(r#"{"proxy":null}"#),
        ] {
            let got = availability(fetched, PAGE, OP);
            assert!(
                matches!(&got, Availability::NotConfigured { reason } if reason.starts_with("Sending is off")),
                "{got:?}"
            );
        }
    }

    #[test]
    fn the_status_line_says_why_sending_is_off_and_what_is_wrong() {
        let (state, text) = without_proxy().status_line().unwrap();
        assert_eq!(state, "off");
        assert!(
            text.starts_with("Sending is off: config.json has no \"proxy\""),
            "{text}"
        );
        assert!(text.ends_with(HOW_TO_ENABLE), "{text}");
        let (state, text) = without_config(Some(500)).status_line().unwrap();
        assert_eq!(state, "broken");
        assert_eq!(
            text,
            "Sending is off: config.json has problems. The rest of the app is not affected. \
             config.json: config.json could not be read: the server answered HTTP 500."
        );
        let target = ready(r#"{"proxy":{"url":"./aws/sms/"}}"#, PAGE);
        assert_eq!(Availability::Ready(target).status_line(), None);
        assert!(BROKEN.contains(config::FILE_NAME));
    }

    #[test]
    fn unreadable_file_is_broken() {
        assert!(
            problems(Fetched::Status(500), PAGE)[0]
                .message
                .contains("HTTP 500")
        );
        assert!(
            problems(Fetched::Failed, PAGE)[0]
                .message
                .contains("network")
        );
        let p = problems(Fetched::Text("{"), PAGE);
        assert!(has_errors(&p));
        assert_eq!(
            p[0].location.as_deref(),
            Some("config.json: line 1, column 1")
        );
    }

    #[test]
    fn the_page_query_and_fragment_do_not_matter() {
        let page = "https://tools.example.com/sms/?description=a\\b%20`date`&x=|{}#top";
        let t = ready(r#"{"proxy": {"url": "./aws/sms/"}}"#, page);
        assert_eq!(t.url, "https://tools.example.com/sms/aws/sms/");
    }

    #[test]
    fn same_origin_relative_proxy() {
        let t = ready(
            r#"{"proxy": {"url": "./aws/sms/", "label": "prod account, us-east-1", "timeoutSeconds": 30}}"#,
            "https://tools.example.com/sms/index.html",
        );
        assert_eq!(t.url, "https://tools.example.com/sms/aws/sms/");
        assert!(!t.cross_origin);
        assert!(t.warnings.is_empty());
        assert_eq!(
            t.button_text(),
            "Send to prod account, us-east-1 (https://tools.example.com/sms/aws/sms/)"
        );
        assert_eq!(t.timed_out(), Outcome::TimedOut { seconds: 30 });
    }

    #[test]
    fn cross_origin_proxy_gets_a_note_and_a_cors_diagnosis() {
        let t = ready(r#"{"proxy": {"url": "https://signer.example.net/"}}"#, PAGE);
        assert!(t.cross_origin);
        assert_eq!(t.label, "signer.example.net");
        assert_eq!(t.warnings.len(), 1);
        assert!(t.warnings[0].message.contains("https://signer.example.net"));
        assert!(
            t.network_failure()
                .text()
                .contains("Access-Control-Allow-Origin")
        );
    }

    #[test]
    fn bad_addresses_are_refused_with_their_place() {
        let p = problems(
            Fetched::Text(r#"{"proxy": {"url": "javascript:alert(1)"}}"#),
            PAGE,
        );
        assert_eq!(p[0].location.as_deref(), Some("config.json: proxy.url"));
        assert!(p[0].message.contains("javascript:"));
        let p = problems(
            Fetched::Text(r#"{"proxy": {"url": "http://signer.example.net/"}}"#),
            PAGE,
        );
        assert!(p[0].message.contains("mixed content"));
        // http to this machine is allowed from an https page; http pages may use http.
        assert!(ready(r#"{"proxy": {"url": "http://127.0.0.1:8080/"}}"#, PAGE).cross_origin);
        ready(r#"{"proxy": {"url": "http://signer/"}}"#, "http://tools/");
        let p = problems(
            Fetched::Text(r#"{"proxy": {"url": "./aws/"}}"#),
            "file:///home/me/dist/index.html",
        );
        assert!(p[0].message.contains("served over http"));
    }

    #[test]
    fn unknown_keys_reach_the_target_as_warnings() {
        let t = ready(r#"{"proxy": {"url": "./a/", "retries": 3}}"#, PAGE);
        assert_eq!(t.warnings.len(), 1);
        assert_eq!(t.warnings[0].severity, Severity::Warning);
    }

    #[test]
    fn a_submission_reuses_the_shown_request() {
        use crate::core::params;
        use crate::core::request::Value;
        let p = |flag| params::by_flag(flag).unwrap();
        let request = Request::new([
            (p("server-id"), Value::Text("s-12345678".into())),
            (p("seed-replication-time"), Value::Time(1_795_600_800)),
            (p("description"), Value::Text("it's \"quoted\" é".into())),
            (p("region"), Value::Text("eu-west-1".into())),
        ]);
        let target = ready(
            r#"{"proxy": {"url": "./aws/sms/", "timeoutSeconds": 9}}"#,
            PAGE,
        );
        let s = Submission::new(&target, &request);
        assert_eq!(s.url, "https://tools.example.com/sms/aws/sms/");
        assert_eq!(s.timeout_seconds, 9);
        assert_eq!(s.request, http::prepare(&request));
        assert_eq!(s.body(), http::body(&request));
        let headers: Vec<_> = s.headers().collect();
        assert_eq!(
            headers,
            [
                ("Content-Type", http::content_type().as_str()),
                ("X-Amz-Target", http::target().as_str())
            ]
        );
        let preview = s.preview();
        assert!(preview.starts_with("POST https://tools.example.com/sms/aws/sms/\n"));
        assert!(preview.ends_with(&http::prepare(&request).to_string()));
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].param, Some("region"));
    }

    #[test]
    fn browser_owned_headers_are_left_to_the_browser() {
        let mut s = Submission {
            url: "https://p/".into(),
            timeout_seconds: 30,
            request: HttpRequest {
                method: "POST",
                path: "/",
                headers: vec![
                    ("Host".into(), "sms.us-east-1.amazonaws.com".into()),
                    ("Content-Type".into(), "application/x-amz-json-1.1".into()),
                    ("X-Amz-Target".into(), "T.Op".into()),
                    ("Content-Length".into(), "2".into()),
                ],
                body: "{}".into(),
            },
            subject: Subject::Job,
            notes: Vec::new(),
        };
        let names: Vec<_> = s.headers().map(|(n, _)| n).collect();
        assert_eq!(names, ["Content-Type", "X-Amz-Target"]);
        s.request.headers.clear();
        assert_eq!(s.headers().count(), 0);
        assert_eq!(s.body(), "{}");
        assert_eq!(s.method(), "POST");
    }
}
