//! The messages between the page and the import worker, as small JSON texts.
//!
//! The importers (the command parser and the CLI-exact JSON and YAML readers) are a large
//! part of the app's code, and nobody needs them until something is pasted into the import
//! panel. So they run in a worker that the page loads on the first import, and the page and
//! the worker only exchange text. Both ends use this module: the page writes a [`Request`] and
//! reads a [`Reply`]; the worker hands each message to [`answer`]. All of it is plain Rust,
//! tested natively; the worker's own file only moves strings.
//!
//! # Format (version [`VERSION`])
//!
//! - Request: `{"v":1,"id":7,"text":"…"}`, with `"format":"command"|"json"|"yaml"` added to
//!   skip the guess of what the text is.
//! - Ready, sent once by the worker when it can take requests: `{"v":1,"ready":true}`.
//! - Reply: `{"v":1,"id":7,"format":"json","form":"server-id=s-1&frequency=12",
//!   "diagnostics":[{"severity":"error","param":"frequency","location":"key \"frequency\"",
//!   "message":"…"}]}`. The form travels as a share-link query ([`crate::core::share`]), which
//!   already carries every value exactly; `param` and `location` are left out when absent.
//! - Refusal, when the worker cannot read a request: `{"v":1,"id":7,"refused":"…"}` (no `id`
//!   when even that was unreadable).
//!
//! Every text reads as JSON with [`crate::core::json_reader`]; a message of another version
//! (a page and a worker from different deployments) is refused with a clear reason.

use std::fmt::Write as _;

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::{self, Format};
use crate::core::json_reader::{self, Value};
use crate::core::params;
use crate::core::render::CliOptions;
use crate::core::render::json::push_string;
use crate::core::share;

/// The version of the format; both ends must agree.
pub const VERSION: u64 = 1;

/// What the page asks the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Chosen by the page; the reply carries it back, so a late answer to an earlier request
    /// can be told apart.
    pub id: u64,
    /// The pasted text.
    pub text: String,
    /// Read the text as this kind instead of guessing.
    pub format: Option<Format>,
}

/// What the worker sends back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The worker has started and takes requests from now on.
    Ready,
    /// The text was imported.
    Imported {
        /// The request's id.
        id: u64,
        /// What the text was read as.
        format: Format,
        /// The values read.
        form: Form,
        /// Every problem found, each with where it is.
        diagnostics: Vec<Diagnostic>,
    },
    /// The worker could not read the request.
    Refused {
        /// The request's id, when it could be read.
        id: Option<u64>,
        /// Why, as a sentence.
        reason: String,
    },
}

/// The stable spelling of a format in messages.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Command => "command",
        Format::Json => "json",
        Format::Yaml => "yaml",
    }
}

fn parse_format(name: &str) -> Option<Format> {
    [Format::Command, Format::Json, Format::Yaml]
        .into_iter()
        .find(|f| format_name(*f) == name)
}

fn parse_severity(name: &str) -> Option<Severity> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .find(|s| s.as_str() == name)
}

impl Request {
    /// The request as message text.
    pub fn encode(&self) -> String {
        let mut out = format!("{{\"v\":{VERSION},\"id\":{},\"text\":", self.id);
        push_string(&mut out, &self.text, &[]);
        if let Some(format) = self.format {
            let _ = write!(out, ",\"format\":\"{}\"", format_name(format));
        }
        out.push('}');
        out
    }

    /// Reads a request; `Err` holds a reason and the id when one could be read.
    pub fn decode(message: &str) -> Result<Self, (Option<u64>, String)> {
        let top = open(message).map_err(|reason| (None, reason))?;
        let id = top.get("id").and_then(as_u64);
        let fail = |reason: String| (id, reason);
        let id = id.ok_or_else(|| fail("the request has no id".to_owned()))?;
        let text = top
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| fail("the request has no text".to_owned()))?
            .to_owned();
        let format = match top.get("format") {
            None => None,
            Some(name) => Some(
                name.as_str()
                    .and_then(parse_format)
                    .ok_or_else(|| fail(format!("unknown format {name:?}")))?,
            ),
        };
        Ok(Self { id, text, format })
    }
}

impl Reply {
    /// The reply as message text.
    pub fn encode(&self) -> String {
        let mut out = format!("{{\"v\":{VERSION}");
        match self {
            Reply::Ready => out.push_str(",\"ready\":true"),
            Reply::Imported {
                id,
                format,
                form,
                diagnostics,
            } => {
                let _ = write!(
                    out,
                    ",\"id\":{id},\"format\":\"{}\",\"form\":",
                    format_name(*format)
                );
                push_string(&mut out, &share::encode(form, CliOptions::default()), &[]);
                out.push_str(",\"diagnostics\":[");
                for (i, d) in diagnostics.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_diagnostic(&mut out, d);
                }
                out.push(']');
            }
            Reply::Refused { id, reason } => {
                if let Some(id) = id {
                    let _ = write!(out, ",\"id\":{id}");
                }
                out.push_str(",\"refused\":");
                push_string(&mut out, reason, &[]);
            }
        }
        out.push('}');
        out
    }

    /// Reads a reply; `Err` says why it cannot be used.
    pub fn decode(message: &str) -> Result<Self, String> {
        let top = open(message)?;
        if top.get("ready").and_then(Value::as_bool) == Some(true) {
            return Ok(Reply::Ready);
        }
        let id = top.get("id").and_then(as_u64);
        if let Some(reason) = top.get("refused") {
            return Ok(Reply::Refused {
                id,
                reason: reason.as_str().unwrap_or("no reason given").to_owned(),
            });
        }
        let id = id.ok_or("the reply has no id")?;
        let format = top
            .get("format")
            .and_then(Value::as_str)
            .and_then(parse_format)
            .ok_or("the reply names no known format")?;
        let query = top
            .get("form")
            .and_then(Value::as_str)
            .ok_or("the reply has no form")?;
        let (form, _, problems) = share::decode(query);
        if let Some(problem) = problems.first() {
            return Err(format!(
                "the reply's form is unreadable: {}",
                problem.message
            ));
        }
        let diagnostics = top
            .get("diagnostics")
            .and_then(Value::as_array)
            .ok_or("the reply has no list of problems")?
            .iter()
            .map(read_diagnostic)
            .collect::<Result<_, _>>()?;
        Ok(Reply::Imported {
            id,
            format,
            form,
            diagnostics,
        })
    }
}

/// The worker's side: reads a request, imports its text, and gives the reply's text.
pub fn answer(message: &str) -> String {
    let reply = match Request::decode(message) {
        Ok(request) => {
            let format = request
                .format
                .unwrap_or_else(|| import::detect(&request.text));
            let imported = match format {
                Format::Command => import::command::import(&request.text, None),
                Format::Json => import::json::import(&request.text),
                Format::Yaml => import::yaml::import(&request.text),
            };
            Reply::Imported {
                id: request.id,
                format,
                form: imported.form,
                diagnostics: imported.diagnostics,
            }
        }
        Err((id, reason)) => Reply::Refused { id, reason },
    };
    reply.encode()
}

/// Parses a message and checks it is an object of this version.
fn open(message: &str) -> Result<json_reader::Object, String> {
    let value = json_reader::parse(message).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(top) = value else {
        return Err("not a JSON object".to_owned());
    };
    match top.get("v").and_then(as_u64) {
        Some(VERSION) => Ok(top),
        _ => Err(format!(
            "it is not of version {VERSION} (the page and the import worker come from different releases)"
        )),
    }
}

fn as_u64(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

fn push_diagnostic(out: &mut String, d: &Diagnostic) {
    let _ = write!(out, "{{\"severity\":\"{}\"", d.severity.as_str());
    if let Some(param) = d.param {
        out.push_str(",\"param\":");
        push_string(out, param, &[]);
    }
    if let Some(location) = &d.location {
        out.push_str(",\"location\":");
        push_string(out, location, &[]);
    }
    out.push_str(",\"message\":");
    push_string(out, &d.message, &[]);
    out.push('}');
}

fn read_diagnostic(value: &Value) -> Result<Diagnostic, String> {
    let text = |key: &str| value.get(key).and_then(Value::as_str);
    let severity = text("severity")
        .and_then(parse_severity)
        .ok_or("a problem has no known severity")?;
    let message = text("message").ok_or("a problem has no message")?;
    let mut d = match value.get("param") {
        None => Diagnostic::general(severity, message),
        Some(name) => {
            let param = name
                .as_str()
                .and_then(params::by_flag)
                .ok_or_else(|| format!("a problem names an unknown parameter {name:?}"))?;
            let mut d = Diagnostic::general(severity, message);
            d.param = Some(param.flag);
            d
        }
    };
    if let Some(location) = value.get("location") {
        d = d.at(location
            .as_str()
            .ok_or("a problem's location is not text")?);
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the page would get back for `request`.
    fn round_trip(request: &Request) -> Reply {
        Reply::decode(&answer(&request.encode())).unwrap()
    }

    fn request(text: &str) -> Request {
        Request {
            id: 7,
            text: text.to_owned(),
            format: None,
        }
    }

    #[test]
    fn the_worker_answers_what_the_importers_give() {
        for text in [
            "aws sms create-replication-job --server-id s-1 --frequency 12 --no-run-once",
            "{\"serverId\": \"s-1\", \"bogus\": 1, \"frequency\": \"12\"}",
            "serverId: s-1\ndescription: \"two\\nlines é\"\nencrypted: yes\n",
            "not a command at all",
        ] {
            let direct = import::detect_and_import(text);
            assert_eq!(
                round_trip(&request(text)),
                Reply::Imported {
                    id: 7,
                    format: import::detect(text),
                    form: direct.form,
                    diagnostics: direct.diagnostics,
                },
                "{text}"
            );
        }
    }

    #[test]
    fn a_forced_format_skips_the_guess() {
        let text = "{\"serverId\": \"s-1\"}";
        let Reply::Imported {
            format,
            form,
            diagnostics,
            ..
        } = round_trip(&Request {
            format: Some(Format::Yaml),
            ..request(text)
        })
        else {
            panic!("not imported");
        };
        assert_eq!(format, Format::Yaml);
        // YAML reads a JSON object too: same value, no problems.
        assert_eq!(form.get("server-id"), "s-1");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let Reply::Imported {
            format,
            form,
            diagnostics,
            ..
        } = round_trip(&Request {
            format: Some(Format::Command),
            ..request(text)
        })
        else {
            panic!("not imported");
        };
        assert_eq!(format, Format::Command);
        assert!(form.is_empty());
        assert!(!diagnostics.is_empty());
    }

    #[test]
    fn problems_keep_severity_parameter_and_place() {
        let Reply::Imported { diagnostics, .. } = round_trip(&request(
            "{\"serverId\": \"s-1\", \"bogus\": 1, \"frequency\": \"12\"}",
        )) else {
            panic!("not imported");
        };
        let bogus = diagnostics
            .iter()
            .find(|d| d.location.as_deref() == Some("key \"bogus\""))
            .unwrap();
        assert_eq!((bogus.severity, bogus.param), (Severity::Error, None));
        let frequency = diagnostics
            .iter()
            .find(|d| d.param == Some("frequency"))
            .unwrap();
        assert_eq!(frequency.location.as_deref(), Some("key \"frequency\""));
    }

    #[test]
    fn ready_and_refusals() {
        assert_eq!(Reply::decode(&Reply::Ready.encode()), Ok(Reply::Ready));
        assert_eq!(
            Reply::decode(&answer("{\"v\":1,\"id\":3}")),
            Ok(Reply::Refused {
                id: Some(3),
                reason: "the request has no text".into()
            })
        );
        let Ok(Reply::Refused { id: None, reason }) = Reply::decode(&answer("{\"v\":1,")) else {
            panic!("not refused");
        };
        assert!(reason.starts_with("not JSON (expected a key"), "{reason}");
        let Ok(Reply::Refused { reason, .. }) = Reply::decode(&answer(
            "{\"v\":1,\"id\":3,\"text\":\"\",\"format\":\"xml\"}",
        )) else {
            panic!("not refused");
        };
        assert!(reason.contains("unknown format"), "{reason}");
    }

    #[test]
    fn another_version_or_a_broken_reply_is_an_error() {
        let old = "{\"v\":0,\"ready\":true}";
        assert!(
            Reply::decode(old)
                .unwrap_err()
                .contains("different releases")
        );
        let Ok(Reply::Refused { reason, .. }) =
            Reply::decode(&answer("{\"v\":2,\"id\":1,\"text\":\"x\"}"))
        else {
            panic!("not refused");
        };
        assert!(reason.contains("version 1"), "{reason}");
        for (broken, why) in [
            ("[]", "not a JSON object"),
            (
                "{\"v\":1,\"id\":1,\"format\":\"json\",\"form\":\"\"}",
                "no list of problems",
            ),
            (
                "{\"v\":1,\"id\":1,\"format\":\"json\",\"form\":\"bogus=1\",\"diagnostics\":[]}",
                "form is unreadable",
            ),
            (
                "{\"v\":1,\"id\":1,\"format\":\"json\",\"form\":\"\",\"diagnostics\":[{\"severity\":\"error\",\"param\":\"nope\",\"message\":\"m\"}]}",
                "unknown parameter",
            ),
            (
                "{\"v\":1,\"id\":1,\"format\":\"toml\",\"form\":\"\",\"diagnostics\":[]}",
                "no known format",
            ),
        ] {
            let e = Reply::decode(broken).unwrap_err();
            assert!(e.contains(why), "{broken}: {e}");
        }
    }

    fn any_form() -> impl Strategy<Value = Form> {
        let flags: Vec<&'static str> = params::PARAMS.iter().map(|p| p.flag).collect();
        prop::collection::vec((prop::sample::select(flags), any::<String>()), 0..6).prop_map(
            |pairs| {
                let mut form = Form::new();
                if pairs.len() % 2 == 1 {
                    form.zone = crate::core::form::Zone::Local;
                }
                for (flag, value) in pairs {
                    form.set(flag, value);
                }
                form
            },
        )
    }

    fn any_diagnostic() -> impl Strategy<Value = Diagnostic> {
        let flags: Vec<Option<&'static str>> = std::iter::once(None)
            .chain(params::PARAMS.iter().map(|p| Some(p.flag)))
            .collect();
        (
            prop::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info]),
            prop::sample::select(flags),
            proptest::option::of(any::<String>()),
            any::<String>(),
        )
            .prop_map(|(severity, param, location, message)| {
                let mut d = Diagnostic::general(severity, message);
                d.param = param;
                d.location = location;
                d
            })
    }

    proptest! {
        #[test]
        fn replies_read_back_exactly(
            id in any::<u64>(),
            format in prop::sample::select(vec![Format::Command, Format::Json, Format::Yaml]),
            form in any_form(),
            diagnostics in prop::collection::vec(any_diagnostic(), 0..4),
        ) {
            let reply = Reply::Imported { id, format, form, diagnostics };
            prop_assert_eq!(Reply::decode(&reply.encode()), Ok(reply));
        }

        #[test]
        fn requests_read_back_exactly(
            id in any::<u64>(),
            text in any::<String>(),
            format in proptest::option::of(prop::sample::select(vec![Format::Command, Format::Json, Format::Yaml])),
        ) {
            let request = Request { id, text, format };
            prop_assert_eq!(Request::decode(&request.encode()), Ok(request));
        }

        #[test]
        fn any_message_gets_an_answer_the_page_can_read(message in "\\PC{0,60}") {
            prop_assert!(Reply::decode(&answer(&message)).is_ok());
        }
    }
}
