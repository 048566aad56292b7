//! What came back from the proxy, classified into something a person can act on.
//!
//! The browser hands over the status, two headers and the body text; [`classify`] turns them
//! into an [`Outcome`]. Failures where the browser saw no answer (network, CORS, timeout,
//! cancel) are outcomes too, so the UI has one type to show. Nothing here ever suggests an
//! automatic retry: a second create call can create a second job.
//!
//! The words depend on what was sent ([`Subject`]): `create-replication-job` has the
//! overlay's (a job is created, or may be), any other operation is named from the model, and
//! one that only reads can always be sent again.

use std::borrow::Cow;

use serde_json::Value;

use crate::core::model::Operation;
use crate::core::params;

/// The most body text kept from an answer; more is cut off (a real answer is a few hundred bytes).
pub const MAX_BODY_KEPT: usize = 64 * 1024;

/// The most body text shown to the user.
pub const MAX_BODY_SHOWN: usize = 2_000;

use crate::core::params::MAY_OR_MAY_NOT;
pub use crate::core::params::SEND_AGAIN_WARNING;

/// What was sent, for the words of its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The main page's operation, with the overlay's texts (its answer names the new job).
    Job,
    /// Any other operation of the model.
    Call {
        /// The CLI name.
        name: &'static str,
        /// The API name, as IAM spells the action.
        action: &'static str,
        /// The operation only reads (`Get…`, `List…`), so sending it again changes nothing.
        reads_only: bool,
    },
}

impl Subject {
    /// The subject of sending `operation`.
    pub fn of(operation: &'static Operation) -> Self {
        if std::ptr::eq(operation, params::OPERATION) {
            return Self::Job;
        }
        Self::Call {
            name: operation.cli_name,
            action: operation.name,
            reads_only: ["Get", "List"]
                .iter()
                .any(|verb| operation.name.starts_with(verb)),
        }
    }

    /// What an answer lost on the way means.
    fn may_or_may_not(self) -> Cow<'static, str> {
        match self {
            Self::Job => Cow::Borrowed(MAY_OR_MAY_NOT),
            Self::Call {
                reads_only: true, ..
            } => Cow::Borrowed(
                "This operation only reads, so sending it again is safe once the cause is fixed.",
            ),
            Self::Call { name, .. } => Cow::Owned(format!(
                "{name} may or may not have run: the request may have reached AWS before the \
                 answer was lost. Check its effect before sending again; nothing is retried \
                 automatically."
            )),
        }
    }

    /// What a refusal means: nothing happened.
    fn nothing_done(self) -> Cow<'static, str> {
        match self {
            Self::Job => Cow::Borrowed("No job was created."),
            Self::Call { name, .. } => Cow::Owned(format!("AWS did not run {name}.")),
        }
    }

    /// The warning next to "Send again", when sending again can do harm.
    pub fn send_again_warning(self) -> Option<Cow<'static, str>> {
        match self {
            Self::Job => Some(Cow::Borrowed(SEND_AGAIN_WARNING)),
            Self::Call {
                reads_only: true, ..
            } => None,
            Self::Call { name, .. } => Some(Cow::Owned(format!(
                "Sending again runs {name} a second time. If the first request reached AWS, \
                 check what it did first."
            ))),
        }
    }

    /// What an error type usually means for this subject, if it is a known one: the
    /// overlay's meanings for the main page's operation; for any other, those of the signing
    /// proxy and AWS's front door, and the IAM action it needs.
    fn meaning(self, code: &str) -> Option<Cow<'static, str>> {
        match self {
            Self::Job => error_meaning(code).map(Cow::Borrowed),
            Self::Call { action, .. } => match code {
                "AccessDeniedException" | "UnauthorizedOperationException" => {
                    Some(Cow::Owned(format!(
                        "The credentials the proxy signs with are not allowed to call sms:{action}. \
                         Add it to their IAM policy (see docs/deploy.md)."
                    )))
                }
                _ => {
                    let first_shared = params::ERROR_MEANINGS
                        .iter()
                        .position(|(name, _)| *name == "InternalError")
                        .unwrap_or(0);
                    params::ERROR_MEANINGS[first_shared..]
                        .iter()
                        .find(|(name, _)| *name == code)
                        .map(|(_, meaning)| Cow::Borrowed(*meaning))
                }
            },
        }
    }
}

/// The answer the browser received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The `x-amzn-ErrorType` header, if any.
    pub error_type: Option<String>,
    /// The body text kept (at most [`MAX_BODY_KEPT`] bytes).
    pub body: String,
    /// How many bytes the body had in all (more than `body.len()` when it was cut).
    pub body_bytes: usize,
}

impl Answer {
    /// An answer from its parts; the body is cut to [`MAX_BODY_KEPT`] bytes if longer.
    pub fn new(
        status: u16,
        content_type: Option<String>,
        error_type: Option<String>,
        body: &str,
    ) -> Self {
        Self {
            status,
            content_type,
            error_type,
            body: cut(body, MAX_BODY_KEPT).to_owned(),
            body_bytes: body.len(),
        }
    }

    /// True when part of the body was dropped.
    pub fn is_cut(&self) -> bool {
        self.body_bytes > self.body.len()
    }

    fn excerpt(&self) -> Excerpt {
        let shown = cut(&self.body, MAX_BODY_SHOWN);
        Excerpt {
            text: shown.to_owned(),
            total_bytes: self.body_bytes,
        }
    }
}

/// The start of a body, with how long the whole body was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// What is shown.
    pub text: String,
    /// The whole body's length in bytes.
    pub total_bytes: usize,
}

impl Excerpt {
    /// The excerpt for display, saying when it is only the beginning.
    pub fn display(&self) -> String {
        if self.total_bytes == 0 {
            "(empty body)".to_owned()
        } else if self.text.len() < self.total_bytes {
            format!(
                "{}\n… (only the first {} of {} bytes are shown)",
                self.text,
                self.text.len(),
                self.total_bytes
            )
        } else {
            self.text.clone()
        }
    }
}

/// Why a 2xx answer is not the success it should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oddity {
    /// The body is not JSON (often an HTML page from the web server itself).
    NotJson,
    /// The body looks like a web page.
    Html,
    /// JSON, but not the answer the operation gives (for the main page's operation: without
    /// a `replicationJobId` string; for any other: not a JSON object).
    NoJobId,
    /// Far larger than any answer of this operation.
    Oversized,
}

/// Everything that can come of sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// AWS created the job.
    Created {
        /// The new `replicationJobId`.
        job_id: String,
    },
    /// AWS ran an operation other than the main page's and answered.
    Answered {
        /// HTTP status.
        status: u16,
        /// The answer, laid out for reading when it is JSON.
        excerpt: Excerpt,
    },
    /// AWS (or the signing step) refused with a typed error.
    AwsError {
        /// HTTP status.
        status: u16,
        /// The error type without any `prefix#` (e.g. `InvalidParameterException`).
        code: String,
        /// AWS's own message, if any.
        message: Option<String>,
    },
    /// An HTTP error with no AWS error type (usually from a web server or proxy on the way).
    HttpError {
        /// HTTP status.
        status: u16,
        /// The start of the body.
        excerpt: Excerpt,
    },
    /// A success status, but not the answer this operation gives.
    Unexpected {
        /// HTTP status.
        status: u16,
        /// What is wrong with it.
        oddity: Oddity,
        /// The start of the body.
        excerpt: Excerpt,
    },
    /// The browser got no answer it may show (connection failed, or a cross-origin block).
    NetworkFailure {
        /// The address used.
        url: String,
        /// The proxy is on another origin than the page (CORS applies).
        cross_origin: bool,
    },
    /// No answer within the configured time; the request was abandoned.
    TimedOut {
        /// The timeout, in seconds.
        seconds: u32,
    },
    /// The user cancelled while waiting.
    Cancelled,
}

/// What to show for an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The job exists.
    Success,
    /// Nothing was created; something must be fixed.
    Failure,
    /// Unknown whether the job was created.
    Unknown,
}

impl Tone {
    /// Lower-case name, used as a CSS class.
    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Success => "success",
            Tone::Failure => "failure",
            Tone::Unknown => "unknown",
        }
    }
}

impl Outcome {
    /// A one-line heading.
    pub fn title(&self) -> String {
        match self {
            Outcome::Created { .. } => "Replication job created".to_owned(),
            Outcome::Answered { status, .. } => format!("AWS answered (HTTP {status})"),
            Outcome::AwsError { code, status, .. } => {
                format!("AWS refused: {code} (HTTP {status})")
            }
            Outcome::HttpError { status, .. } => {
                format!("HTTP {status} {}", reason_phrase(*status))
            }
            Outcome::Unexpected { status, .. } => {
                format!("Unexpected answer (HTTP {status})")
            }
            Outcome::NetworkFailure { .. } => {
                "No answer: the request failed in the browser".to_owned()
            }
            Outcome::TimedOut { seconds } => format!("No answer within {}", duration(*seconds)),
            Outcome::Cancelled => "Cancelled".to_owned(),
        }
    }

    /// Everything shown under the heading, as plain text: [`Outcome::explanation`], then the
    /// start of the body when there is one.
    pub fn text(&self) -> String {
        self.text_in(Subject::Job)
    }

    /// [`Outcome::text`] in the words of `subject`.
    pub fn text_in(&self, subject: Subject) -> String {
        let explanation = self.explanation_in(subject);
        match self.excerpt() {
            Some(excerpt) => format!("{explanation}\n\nIts body:\n{}", excerpt.display()),
            None => explanation,
        }
    }

    /// The start of the answer's body, for outcomes that show it.
    pub fn excerpt(&self) -> Option<&Excerpt> {
        match self {
            Outcome::HttpError { excerpt, .. }
            | Outcome::Unexpected { excerpt, .. }
            | Outcome::Answered { excerpt, .. } => Some(excerpt),
            _ => None,
        }
    }

    /// What happened, what it usually means and what to check: paragraphs separated by a blank
    /// line; lines starting with `• ` are items of a list.
    pub fn explanation(&self) -> String {
        self.explanation_in(Subject::Job)
    }

    /// [`Outcome::explanation`] in the words of `subject`.
    pub fn explanation_in(&self, subject: Subject) -> String {
        let may_or_may_not = subject.may_or_may_not();
        match self {
            Outcome::Answered { .. } => match subject {
                Subject::Call { name, .. } => {
                    format!("AWS ran {name} and answered; its answer is below.")
                }
                Subject::Job => "AWS answered; its answer is below.".to_owned(),
            },
            Outcome::Created { job_id } => format!(
                "AWS created the replication job {job_id}. Its first replication starts at the \
                 seed time. Do not send this request again: it would try to create a second job."
            ),
            Outcome::AwsError { code, message, .. } => {
                let said = message.as_deref().map_or_else(
                    || "AWS gave no message.".to_owned(),
                    |m| format!("AWS says: {m}"),
                );
                let meaning = subject.meaning(code).unwrap_or(Cow::Borrowed(match subject {
                    Subject::Job => {
                        "This error type is not one this operation documents; it probably comes \
                         from the signing proxy or another layer in front of AWS. Check the \
                         proxy's log."
                    }
                    Subject::Call { .. } => {
                        "AWS's message says what to fix; if there is none, check the signing \
                         proxy's log."
                    }
                }));
                let after = if is_fault(code) {
                    format!(" {may_or_may_not}")
                } else {
                    format!(" {}", subject.nothing_done())
                };
                format!("{said}\n\n{meaning}{after}")
            }
            Outcome::HttpError { status, .. } => {
                let hint = status_hint(*status);
                let after = if *status >= 500 {
                    format!(" {may_or_may_not}")
                } else {
                    String::new()
                };
                format!("{hint}{after}\n\nThe answer was not an AWS error.")
            }
            Outcome::Unexpected { oddity, .. } => {
                let what = match oddity {
                    Oddity::Html => {
                        "The answer is a web page, not AWS's JSON: the address probably reaches \
                         the web server that hosts this app instead of the signing proxy. Check \
                         that the reverse proxy forwards this path (and POST requests) to it."
                    }
                    Oddity::NotJson => {
                        "The answer is not JSON, so it did not come from AWS unchanged. Check \
                         what answers at the proxy address."
                    }
                    Oddity::NoJobId if subject == Subject::Job => {
                        "The answer is JSON but has no replicationJobId. Something other than \
                         AWS may have answered, or a layer in between changed it."
                    }
                    Oddity::NoJobId => {
                        "The answer is JSON but not an object, as every answer of AWS is. \
                         Something other than AWS may have answered, or a layer in between \
                         changed it."
                    }
                    Oddity::Oversized => {
                        "The answer is far larger than this operation ever returns, so it was \
                         not read as a result. Something other than AWS probably answered."
                    }
                };
                format!("{what} {may_or_may_not}")
            }
            Outcome::NetworkFailure { url, cross_origin } => {
                network_diagnosis(url, *cross_origin, &may_or_may_not)
            }
            Outcome::TimedOut { seconds } => format!(
                "The proxy did not answer within {} (the timeoutSeconds of config.json), so \
                 the browser stopped waiting. {may_or_may_not}",
                duration(*seconds)
            ),
            Outcome::Cancelled => format!(
                "You stopped waiting for the answer. The request had already been sent. \
                 {may_or_may_not}"
            ),
        }
    }

    /// Whether the job exists, does not, or nobody knows.
    pub fn tone(&self) -> Tone {
        match self {
            Outcome::Created { .. } | Outcome::Answered { .. } => Tone::Success,
            Outcome::AwsError { code, .. } if !is_fault(code) => Tone::Failure,
            Outcome::HttpError { status, .. } if *status < 500 => Tone::Failure,
            // Server faults, odd answers and no answer at all: the job may exist.
            Outcome::AwsError { .. }
            | Outcome::HttpError { .. }
            | Outcome::Unexpected { .. }
            | Outcome::NetworkFailure { .. }
            | Outcome::TimedOut { .. }
            | Outcome::Cancelled => Tone::Unknown,
        }
    }

    /// The new job id, on success.
    pub fn job_id(&self) -> Option<&str> {
        match self {
            Outcome::Created { job_id } => Some(job_id),
            _ => None,
        }
    }
}

/// Classifies an answer the browser received to the main page's operation.
pub fn classify(answer: &Answer) -> Outcome {
    classify_in(answer, Subject::Job)
}

/// Classifies an answer the browser received to a request about `subject`. The main page's
/// operation succeeds when the answer names the new job; any other, when it is a JSON object
/// (shown laid out), or a longer body than is kept that starts like one (shown as it came).
pub fn classify_in(answer: &Answer, subject: Subject) -> Outcome {
    let parsed: Option<Value> = if answer.is_cut() {
        None
    } else {
        serde_json::from_str::<Value>(&answer.body).ok()
    };
    if (200..300).contains(&answer.status) {
        let call = matches!(subject, Subject::Call { .. });
        let oddity = if answer.is_cut() {
            if call && answer.body.trim_start().starts_with('{') {
                return Outcome::Answered {
                    status: answer.status,
                    excerpt: answer.excerpt(),
                };
            }
            Oddity::Oversized
        } else {
            match &parsed {
                Some(v @ Value::Object(_)) if call => {
                    let laid_out =
                        serde_json::to_string_pretty(v).unwrap_or_else(|_| answer.body.clone());
                    return Outcome::Answered {
                        status: answer.status,
                        excerpt: Excerpt {
                            text: cut(&laid_out, MAX_BODY_KEPT).to_owned(),
                            total_bytes: laid_out.len(),
                        },
                    };
                }
                Some(_) if call => Oddity::NoJobId,
                Some(v) => match v.get(params::RESPONSE_MEMBER) {
                    Some(Value::String(id)) if !id.is_empty() => {
                        return Outcome::Created { job_id: id.clone() };
                    }
                    _ => Oddity::NoJobId,
                },
                None if looks_like_html(answer) => Oddity::Html,
                None => Oddity::NotJson,
            }
        };
        return Outcome::Unexpected {
            status: answer.status,
            oddity,
            excerpt: answer.excerpt(),
        };
    }
    let body_type = parsed
        .as_ref()
        .and_then(|v| v.get("__type"))
        .and_then(Value::as_str);
    let code = body_type
        .or(answer.error_type.as_deref())
        .map(error_code)
        .filter(|c| !c.is_empty());
    match code {
        Some(code) => Outcome::AwsError {
            status: answer.status,
            code,
            message: parsed.as_ref().and_then(error_message),
        },
        None => Outcome::HttpError {
            status: answer.status,
            excerpt: answer.excerpt(),
        },
    }
}

/// The error name from `__type` or the header: `prefix#Name` → `Name`, `Name:extra` → `Name`.
pub fn error_code(raw: &str) -> String {
    let raw = raw.split(':').next().unwrap_or(raw);
    let raw = raw.rsplit('#').next().unwrap_or(raw);
    raw.trim().to_owned()
}

/// AWS uses both spellings of the message member.
fn error_message(body: &Value) -> Option<String> {
    ["message", "Message"]
        .iter()
        .find_map(|k| body.get(k).and_then(Value::as_str))
        .map(str::to_owned)
}

fn looks_like_html(answer: &Answer) -> bool {
    let start = answer
        .body
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    answer
        .content_type
        .as_deref()
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"))
        || start.starts_with("<!doctype html")
        || start.starts_with("<html")
}

fn duration(seconds: u32) -> String {
    if seconds == 1 {
        "1 second".to_owned()
    } else {
        format!("{seconds} seconds")
    }
}

/// Cuts text to at most `max` bytes, on a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Server-side faults after which the job's state is unknown.
fn is_fault(code: &str) -> bool {
    matches!(
        code,
        "InternalError"
            | "InternalFailure"
            | "ServiceUnavailable"
            | "TemporarilyUnavailableException"
    )
}

/// What an error type usually means, if it is a known one.
pub fn error_meaning(code: &str) -> Option<&'static str> {
    params::ERROR_MEANINGS
        .iter()
        .find(|(name, _)| *name == code)
        .map(|(_, meaning)| *meaning)
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

fn status_hint(status: u16) -> &'static str {
    match status {
        401 | 403 => {
            "Something in front of AWS refused the request (a reverse proxy, a login layer, or \
             the signing proxy). Check its access rules and its log."
        }
        404 | 405 => {
            "The address does not lead to the signing proxy: the web server answered itself. \
             Check the reverse proxy's location for this path and that it passes POST on."
        }
        408 | 504 => "A proxy on the way gave up waiting for the next hop.",
        413 => "A proxy on the way refused the body as too large; raise its limit.",
        429 => "A proxy on the way is limiting the rate of calls. Wait before sending again.",
        502 | 503 => {
            "The reverse proxy could not reach the signing proxy (is it running, on the \
             expected port?), or the signing proxy could not reach AWS."
        }
        s if s >= 500 => "A server on the way failed.",
        _ => {
            "The request was refused before it reached AWS, or AWS's answer was changed on the way."
        }
    }
}

fn network_diagnosis(url: &str, cross_origin: bool, may_or_may_not: &str) -> String {
    let mut text = format!(
        "The browser could not complete the request to {url} and, for security, does not say \
         why. {may_or_may_not}\n\nFor the deployer, in order:\n\
         • Is the proxy running and reachable from this browser (try the address with curl)?\n"
    );
    if cross_origin {
        text.push_str(
            "• The proxy is on another origin than this page, so its answers (including the \
             OPTIONS preflight) must carry Access-Control-Allow-Origin: <this page's origin>, \
             Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: content-type, \
             x-amz-target. Or serve both from one origin with a reverse proxy (docs/deploy.md).\n\
             • The Content-Security-Policy of index.html allows connections to its own origin \
             only: add the proxy's origin to its connect-src.\n",
        );
    } else {
        text.push_str(
            "• The proxy is on this page's origin, so CORS does not apply: check that the \
             reverse proxy forwards the path and that the connection is not reset (its error \
             log says why).\n",
        );
    }
    text.push_str(
        "• A page served over https cannot call an http address (mixed content).\n\
         • The browser's developer console names the exact cause.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Answer {
        Answer::new(
            status,
            Some("application/x-amz-json-1.1".into()),
            None,
            body,
        )
    }

    fn check(answer: &Answer, expect: &Outcome) {
        assert_eq!(&classify(answer), expect, "{answer:?}");
    }

    fn aws(status: u16, code: &str, message: Option<&str>) -> Outcome {
        Outcome::AwsError {
            status,
            code: code.into(),
            message: message.map(str::to_owned),
        }
    }

    #[test]
    fn success_gives_the_job_id() {
        let a = answer(200, r#"{"replicationJobId":"sms-job-0123456789abcdef0"}"#);
        let o = classify(&a);
        assert_eq!(o.job_id(), Some("sms-job-0123456789abcdef0"));
        assert_eq!(o.tone(), Tone::Success);
        assert!(o.text().contains("sms-job-0123456789abcdef0"));
    }

    #[test]
    fn aws_error_shapes() {
        let body = r#"{"__type":"InvalidParameterException","message":"bad server"}"#;
        check(
            &answer(400, body),
            &aws(400, "InvalidParameterException", Some("bad server")),
        );
        let body = r#"{"__type":"com.amazonaws.sms#ReplicationJobAlreadyExistsException","Message":"exists"}"#;
        check(
            &answer(400, body),
            &aws(400, "ReplicationJobAlreadyExistsException", Some("exists")),
        );
        let a = Answer::new(
            403,
            Some("application/json".into()),
            Some("AccessDeniedException:http://internal.example/".into()),
            "{}",
        );
        check(&a, &aws(403, "AccessDeniedException", None));
        // Header only, with a non-JSON body.
        let a = Answer::new(
            503,
            None,
            Some("TemporarilyUnavailableException".into()),
            "busy",
        );
        check(&a, &aws(503, "TemporarilyUnavailableException", None));
        // The body wins over the header.
        let a = Answer::new(
            400,
            None,
            Some("Other".into()),
            r#"{"__type":"a#InvalidParameterException"}"#,
        );
        check(&a, &aws(400, "InvalidParameterException", None));
    }

    #[test]
    fn every_error_of_the_operation_has_a_meaning() {
        let path = crate::core::reference_dir().join("model-constraints.json");
        let model: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let errors = model.get("errors").and_then(Value::as_object).unwrap();
        assert_eq!(errors.len(), 9);
        for (name, shape) in errors {
            let meaning = error_meaning(name).unwrap_or_else(|| panic!("{name} has no meaning"));
            let o = classify(&answer(
                400,
                &format!(r#"{{"__type":"{name}","message":"m"}}"#),
            ));
            let text = o.text();
            assert!(
                text.contains(meaning) && text.contains("AWS says: m"),
                "{text}"
            );
            // Server faults leave the job's state unknown; client errors created nothing.
            let fault = shape.get("fault").and_then(Value::as_bool).unwrap_or(false);
            let expect = if fault { Tone::Unknown } else { Tone::Failure };
            assert_eq!(o.tone(), expect, "{name}");
        }
    }

    #[test]
    fn signing_errors_have_meanings() {
        for code in [
            "AccessDeniedException",
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "ExpiredTokenException",
        ] {
            let o = classify(&answer(403, &format!(r#"{{"__type":"{code}"}}"#)));
            assert!(o.text().contains(error_meaning(code).unwrap()), "{code}");
            assert!(o.text().contains("AWS gave no message"));
        }
        let o = classify(&answer(400, r#"{"__type":"SomethingNew"}"#));
        assert!(o.text().contains("not one this operation documents"));
    }

    #[test]
    fn meanings_are_listed_once() {
        for (i, (name, _)) in params::ERROR_MEANINGS.iter().enumerate() {
            assert!(
                params::ERROR_MEANINGS[i + 1..]
                    .iter()
                    .all(|(n, _)| n != name),
                "{name} twice"
            );
        }
    }

    #[test]
    fn plain_http_errors_keep_status_and_body() {
        for status in [400, 403, 404, 500, 502] {
            let o = classify(&Answer::new(
                status,
                Some("text/html".into()),
                None,
                "<h1>nope</h1>",
            ));
            let Outcome::HttpError { status: s, excerpt } = &o else {
                panic!("{o:?}")
            };
            assert_eq!(*s, status);
            assert_eq!(excerpt.text, "<h1>nope</h1>");
            assert!(o.title().starts_with(&format!("HTTP {status} ")));
            assert!(o.text().contains("<h1>nope</h1>"));
            let unknown = status >= 500;
            assert_eq!(o.tone() == Tone::Unknown, unknown, "{status}");
            assert_eq!(o.text().contains("may or may not"), unknown, "{status}");
        }
        let o = classify(&answer(502, ""));
        assert!(o.text().contains("(empty body)"));
    }

    #[test]
    fn odd_success_answers() {
        let odd = |a: &Answer| match classify(a) {
            Outcome::Unexpected { oddity, .. } => oddity,
            o => panic!("{o:?}"),
        };
        assert_eq!(odd(&answer(200, "OK")), Oddity::NotJson);
        assert_eq!(odd(&answer(200, "<!DOCTYPE html><html>")), Oddity::Html);
        assert_eq!(
            odd(&Answer::new(
                200,
                Some("text/html; charset=utf-8".into()),
                None,
                "hi"
            )),
            Oddity::Html
        );
        assert_eq!(odd(&answer(200, "{}")), Oddity::NoJobId);
        assert_eq!(
            odd(&answer(200, r#"{"replicationJobId": 5}"#)),
            Oddity::NoJobId
        );
        assert_eq!(
            odd(&answer(201, r#"{"replicationJobId": ""}"#)),
            Oddity::NoJobId
        );
        let o = classify(&answer(200, "OK"));
        assert_eq!(o.tone(), Tone::Unknown);
        assert!(o.text().contains("may or may not"));
    }

    #[test]
    fn oversized_answers_are_cut_and_said_so() {
        let huge = format!(
            r#"{{"replicationJobId":"sms-job-1","pad":"{}"}}"#,
            "é".repeat(MAX_BODY_KEPT)
        );
        let a = answer(200, &huge);
        assert!(a.is_cut());
        assert!(a.body.len() <= MAX_BODY_KEPT);
        assert_eq!(a.body_bytes, huge.len());
        let o = classify(&a);
        let Outcome::Unexpected {
            oddity: Oddity::Oversized,
            excerpt,
            ..
        } = &o
        else {
            panic!("{o:?}")
        };
        assert!(excerpt.text.len() <= MAX_BODY_SHOWN);
        assert!(
            o.text()
                .contains(&format!("of {} bytes are shown", huge.len()))
        );
        // An oversized error body is still shown, cut.
        let o = classify(&Answer::new(
            500,
            None,
            None,
            &"x".repeat(MAX_BODY_KEPT * 2),
        ));
        assert!(matches!(o, Outcome::HttpError { .. }));
        assert!(o.text().contains(&format!(
            "first {MAX_BODY_SHOWN} of {} bytes",
            MAX_BODY_KEPT * 2
        )));
    }

    #[test]
    fn failures_without_an_answer_never_claim_nothing_happened() {
        for o in [
            Outcome::TimedOut { seconds: 7 },
            Outcome::Cancelled,
            Outcome::NetworkFailure {
                url: "https://p.example/".into(),
                cross_origin: true,
            },
        ] {
            assert_eq!(o.tone(), Tone::Unknown);
            assert!(
                o.text().contains("may or may not have been created"),
                "{o:?}"
            );
            assert!(o.text().contains("nothing is retried automatically"));
        }
        assert!(
            Outcome::TimedOut { seconds: 7 }
                .title()
                .contains("7 seconds")
        );
    }

    #[test]
    fn network_diagnosis_depends_on_the_origin() {
        let text = |cross| {
            Outcome::NetworkFailure {
                url: "https://p.example/".into(),
                cross_origin: cross,
            }
            .text()
        };
        let cross = text(true);
        for needle in [
            "Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods: POST",
            "Access-Control-Allow-Headers: content-type, x-amz-target",
            "connect-src",
            "mixed content",
        ] {
            assert!(cross.contains(needle), "{needle}");
        }
        assert!(!text(false).contains("Access-Control-Allow-Origin"));
        assert!(text(false).contains("CORS does not apply"));
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            error_code("InvalidParameterException"),
            "InvalidParameterException"
        );
        assert_eq!(error_code("com.amazon.coral#Name"), "Name");
        assert_eq!(error_code("Name:http://x/y#z"), "Name");
        assert_eq!(error_code(" Name "), "Name");
    }
    fn subject(name: &str) -> Subject {
        Subject::of(params::SERVICE.operation(name).unwrap())
    }

    #[test]
    fn the_subject_follows_the_operation() {
        assert_eq!(Subject::of(params::OPERATION), Subject::Job);
        assert!(matches!(
            subject("get-servers"),
            Subject::Call {
                reads_only: true,
                ..
            }
        ));
        assert!(matches!(
            subject("list-apps"),
            Subject::Call {
                reads_only: true,
                ..
            }
        ));
        assert!(matches!(
            subject("create-app"),
            Subject::Call {
                reads_only: false,
                name: "create-app",
                action: "CreateApp"
            }
        ));
        assert_eq!(
            Subject::Job.send_again_warning().as_deref(),
            Some(SEND_AGAIN_WARNING)
        );
        assert_eq!(subject("get-servers").send_again_warning(), None);
        assert!(
            subject("create-app")
                .send_again_warning()
                .unwrap()
                .contains("runs create-app a second time")
        );
    }

    #[test]
    fn another_operation_succeeds_with_any_json_object_shown_laid_out() {
        let servers = subject("get-servers");
        let o = classify_in(
            &answer(200, r#"{"serverList":[{"serverId":"s-1"}]}"#),
            servers,
        );
        assert_eq!(o.tone(), Tone::Success);
        assert_eq!(o.title(), "AWS answered (HTTP 200)");
        let text = o.text_in(servers);
        assert!(
            text.starts_with("AWS ran get-servers and answered"),
            "{text}"
        );
        assert!(
            text.contains("{\n  \"serverList\": [\n    {\n      \"serverId\": \"s-1\""),
            "{text}"
        );
        // The main page's operation still needs its job id.
        assert!(matches!(
            classify(&answer(200, r#"{"serverList":[]}"#)),
            Outcome::Unexpected {
                oddity: Oddity::NoJobId,
                ..
            }
        ));
        let odd = |body: &str| classify_in(&answer(200, body), servers);
        assert!(matches!(
            odd("[1]"),
            Outcome::Unexpected {
                oddity: Oddity::NoJobId,
                ..
            }
        ));
        assert!(matches!(
            odd("<!DOCTYPE html><p>"),
            Outcome::Unexpected {
                oddity: Oddity::Html,
                ..
            }
        ));
        assert!(matches!(
            odd("OK"),
            Outcome::Unexpected {
                oddity: Oddity::NotJson,
                ..
            }
        ));
        // A long list answer is cut, not refused.
        let long = format!(
            r#"{{"serverList":[{}]}}"#,
            r#"{"serverId":"s-1"},"#.repeat(9_000)
        );
        let o = odd(&long);
        assert!(matches!(o, Outcome::Answered { .. }), "{o:?}");
        assert!(o.text_in(servers).contains("only the first"));
    }

    #[test]
    fn another_operation_s_failures_name_it_and_never_a_job() {
        let app = subject("create-app");
        let denied = classify_in(&answer(400, r#"{"__type":"AccessDeniedException"}"#), app);
        let text = denied.text_in(app);
        assert!(text.contains("sms:CreateApp"), "{text}");
        assert!(text.ends_with("AWS did not run create-app."), "{text}");
        let signature = classify_in(
            &answer(403, r#"{"__type":"InvalidSignatureException"}"#),
            app,
        );
        assert!(signature.text_in(app).contains("--name sms"));
        let own = classify_in(
            &answer(
                400,
                r#"{"__type":"InvalidParameterException","message":"bad name"}"#,
            ),
            app,
        );
        assert!(
            own.text_in(app)
                .starts_with("AWS says: bad name\n\nAWS's message says what to fix")
        );
        let lost = [
            Outcome::TimedOut { seconds: 7 },
            Outcome::Cancelled,
            Outcome::NetworkFailure {
                url: "https://p.example/".into(),
                cross_origin: false,
            },
            classify_in(&answer(500, r#"{"__type":"InternalError"}"#), app),
            classify_in(&answer(502, ""), app),
            classify_in(&answer(200, "OK"), app),
            denied,
        ];
        for o in &lost {
            for s in [app, subject("get-servers")] {
                let text = o.text_in(s);
                assert!(!text.to_lowercase().contains("job"), "{text}");
            }
        }
        assert!(
            lost[0]
                .text_in(app)
                .contains("create-app may or may not have run")
        );
        assert!(
            lost[0]
                .text_in(subject("get-servers"))
                .contains("only reads, so sending it again is safe")
        );
    }
}
