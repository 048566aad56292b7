//! The messages between the page and the import worker, as serde types.
//!
//! The importers are a large part of the app's code and nobody needs them until something is
//! pasted, so they run in a worker that the page starts on the first import. The page sends a
//! [`Request`], the worker hands it to [`answer`] and posts the [`Reply`] back. Both ends carry
//! these types through `serde-wasm-bindgen` as plain JavaScript objects; the form travels as a
//! share-link query ([`crate::core::share`]), which already carries every value exactly, and a
//! diagnostic's parameter travels by its flag and is looked up in the table again on arrival.
//!
//! Every message carries [`VERSION`]: a page and a worker from different deployments refuse
//! each other's messages with a clear reason instead of misreading them.

use serde::{Deserialize, Serialize};

use crate::core::call::command::read_command;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Form;
use crate::core::import::{self, Format};
use crate::core::params;
use crate::core::render::CliOptions;
use crate::core::share;

/// The version of the messages; both ends must agree.
pub const VERSION: u32 = 3;

/// What the page asks the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Always [`VERSION`] when written by this release.
    pub v: u32,
    /// Chosen by the page; the reply carries it back, so a late answer to an earlier request
    /// can be told apart.
    pub id: u64,
    /// The pasted text.
    pub text: String,
    /// Read the text as this kind instead of guessing.
    pub format: Option<Format>,
}

impl Request {
    /// A request of this version for `text`, read as whatever it looks like.
    pub fn new(id: u64, text: String) -> Self {
        Self {
            v: VERSION,
            id,
            text,
            format: None,
        }
    }
}

/// What the worker sends back: an object with one key, the kind of reply (serde's external
/// tagging, which reads without buffering, unlike an internal tag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reply {
    /// The worker has started and takes requests from now on.
    Ready {
        /// The worker's [`VERSION`].
        v: u32,
    },
    /// The text was imported.
    Imported {
        /// The worker's [`VERSION`].
        v: u32,
        /// The request's id.
        id: u64,
        /// What the text was read as.
        format: Format,
        /// The values read, as a share-link query.
        form: String,
        /// Every problem found, each with where it is.
        diagnostics: Vec<WireDiagnostic>,
    },
    /// The text is a command of another operation, which has a page of its own.
    Elsewhere {
        /// The worker's [`VERSION`].
        v: u32,
        /// The request's id.
        id: u64,
        /// The operation's CLI name.
        operation: String,
        /// Its page's share-link query, with the values read.
        query: String,
        /// Every problem found (located, belonging to no parameter of this page).
        diagnostics: Vec<WireDiagnostic>,
    },
    /// The worker could not read the request.
    Refused {
        /// The worker's [`VERSION`].
        v: u32,
        /// The request's id, when it could be read.
        id: Option<u64>,
        /// Why, as a sentence.
        reason: String,
    },
}

/// A [`Diagnostic`] as it travels: the parameter by its flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireDiagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The parameter's flag, if it belongs to one.
    pub param: Option<String>,
    /// Where in the text it was found.
    pub location: Option<String>,
    /// The sentence shown.
    pub message: String,
}

impl From<&Diagnostic> for WireDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        Self {
            severity: d.severity,
            param: d.param.map(str::to_owned),
            location: d.location.clone(),
            message: d.message.clone(),
        }
    }
}

impl WireDiagnostic {
    /// Back into a [`Diagnostic`]; `Err` names a parameter this release does not know.
    pub fn into_diagnostic(self) -> Result<Diagnostic, String> {
        let mut d = Diagnostic::general(self.severity, self.message);
        if let Some(flag) = self.param {
            let param = params::by_flag(&flag)
                .ok_or_else(|| format!("a problem names an unknown parameter \"{flag}\""))?;
            d.param = Some(param.flag);
        }
        d.location = self.location;
        Ok(d)
    }
}

/// What the page takes from an [`Reply::Imported`] or [`Reply::Elsewhere`]: the form and its
/// problems, or the other operation's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The request's id.
    pub id: u64,
    /// What the text was read as.
    pub format: Format,
    /// The values read (none when they belong to another operation).
    pub form: Form,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// Another operation's CLI name and its page's query, when the text is a call of it.
    pub elsewhere: Option<(String, String)>,
}

/// Why a reply cannot be used, as a phrase that follows "the importer could not run (…)".
fn other_version(v: u32) -> String {
    format!(
        "its answer is of version {v}, not {VERSION}: the page and the import worker come from \
         different releases"
    )
}

impl Reply {
    /// What the page does with a reply: `Ok(None)` for the ready signal, the imported form,
    /// or why it cannot be used (a refusal, another version, an unreadable form).
    pub fn receive(self) -> Result<Option<Received>, (Option<u64>, String)> {
        match self {
            Reply::Ready { v } if v == VERSION => Ok(None),
            Reply::Ready { v } => Err((None, other_version(v))),
            Reply::Refused { id, reason, .. } => {
                Err((id, format!("it refused the request: {reason}")))
            }
            Reply::Imported { v, id, .. } if v != VERSION => Err((Some(id), other_version(v))),
            Reply::Imported {
                id,
                format,
                form,
                diagnostics,
                ..
            } => {
                let (form, _, problems) = share::decode(&form);
                if let Some(problem) = problems.first() {
                    return Err((
                        Some(id),
                        format!("its answer's form is unreadable: {}", problem.message),
                    ));
                }
                let diagnostics = diagnostics
                    .into_iter()
                    .map(WireDiagnostic::into_diagnostic)
                    .collect::<Result<_, _>>()
                    .map_err(|why| (Some(id), why))?;
                Ok(Some(Received {
                    id,
                    format,
                    form,
                    diagnostics,
                    elsewhere: None,
                }))
            }
            Reply::Elsewhere { v, id, .. } if v != VERSION => Err((Some(id), other_version(v))),
            Reply::Elsewhere {
                id,
                operation,
                query,
                diagnostics,
                ..
            } => Ok(Some(Received {
                id,
                format: Format::Command,
                form: Form::new(),
                diagnostics: diagnostics
                    .into_iter()
                    .map(|d| {
                        let mut diagnostic = Diagnostic::general(d.severity, d.message);
                        diagnostic.location = d.location;
                        diagnostic
                    })
                    .collect(),
                elsewhere: Some((operation, query)),
            })),
        }
    }
}

/// The worker's side: imports the request's text and gives the reply.
pub fn answer(request: &Request) -> Reply {
    if request.v != VERSION {
        return Reply::Refused {
            v: VERSION,
            id: Some(request.id),
            reason: format!(
                "it is of version {}, not {VERSION} (the page and the import worker come from \
                 different releases)",
                request.v
            ),
        };
    }
    let format = request
        .format
        .unwrap_or_else(|| import::detect(&request.text));
    if format == Format::Command
        && let (Some(other), found) = read_command(params::SERVICE, &request.text)
        && !std::ptr::eq(other.operation, params::OPERATION)
    {
        return Reply::Elsewhere {
            v: VERSION,
            id: request.id,
            operation: other.operation.cli_name.to_owned(),
            query: other.to_query(),
            diagnostics: found
                .iter()
                .map(|d| WireDiagnostic {
                    severity: d.severity,
                    param: None,
                    // A parameter of the other page is named where the problem is.
                    location: match (d.param, &d.location) {
                        (Some(flag), Some(at)) => Some(format!("--{flag}, {at}")),
                        (Some(flag), None) => Some(format!("--{flag}")),
                        (None, at) => at.clone(),
                    },
                    message: d.message.clone(),
                })
                .collect(),
        };
    }
    let imported = match format {
        Format::Command => import::command::import(&request.text, None),
        Format::Json => import::json::import(&request.text),
        Format::Yaml => import::yaml::import(&request.text),
    };
    Reply::Imported {
        v: VERSION,
        id: request.id,
        format,
        form: share::encode(&imported.form, CliOptions::default()),
        diagnostics: imported
            .diagnostics
            .iter()
            .map(WireDiagnostic::from)
            .collect(),
    }
}

/// The reply to a message that is not a request at all (what the worker says when the page's
/// message cannot be read), with the reason the deserializer gave.
pub fn refusal(reason: impl std::fmt::Display) -> Reply {
    Reply::Refused {
        v: VERSION,
        id: None,
        reason: format!("the request is unreadable ({reason})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params::Id;
    use proptest::prelude::*;

    /// What the page gets back for a request, through JSON as a stand-in for the structured
    /// clone between page and worker (serde sees the same data model either way).
    fn round_trip(text: &str) -> Received {
        let request = Request::new(7, text.to_owned());
        let sent: Request =
            serde_json::from_str(&serde_json::to_string(&request).unwrap()).unwrap();
        let reply = answer(&sent);
        let back: Reply = serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
        back.receive().unwrap().unwrap()
    }

    #[test]
    fn a_command_of_another_operation_points_to_its_page() {
        let got = round_trip(
            "aws sms create-app --name web --tags '[{\"key\": \"k\"}]' --region eu-west-1",
        );
        assert_eq!(
            got.elsewhere,
            Some((
                "create-app".to_owned(),
                r#"op=create-app&name=web&tags=[{"key":"k"}]"#.to_owned()
            ))
        );
        assert_eq!(got.form, Form::new());
        assert_eq!(got.diagnostics.len(), 1, "{:?}", got.diagnostics);
        assert_eq!(
            got.diagnostics[0].location.as_deref(),
            Some("word 8 \"--region\"")
        );
        // This page's own operation is imported as before.
        let own = round_trip("aws sms create-replication-job --server-id s-1");
        assert_eq!((own.elsewhere, own.form.get(Id::ServerId)), (None, "s-1"));
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
            let got = round_trip(text);
            assert_eq!(got.id, 7);
            assert_eq!(got.format, import::detect(text));
            assert_eq!(got.form, direct.form, "{text}");
            assert_eq!(got.diagnostics, direct.diagnostics, "{text}");
        }
    }

    #[test]
    fn a_forced_format_skips_the_guess() {
        let mut request = Request::new(1, "serverId: s-1\n".to_owned());
        request.format = Some(Format::Command);
        let Reply::Imported { format, .. } = answer(&request) else {
            panic!("not imported");
        };
        assert_eq!(format, Format::Command);
    }

    #[test]
    fn the_tags_and_names_on_the_wire_are_stable() {
        let reply = answer(&Request::new(3, "{\"serverId\": 1}".to_owned()));
        let json = serde_json::to_value(&reply).unwrap();
        let imported = &json["imported"];
        assert_eq!(imported["format"], "json");
        assert_eq!(imported["diagnostics"][0]["severity"], "error");
        assert_eq!(imported["diagnostics"][0]["param"], "server-id");
        assert_eq!(
            serde_json::to_value(Reply::Ready { v: VERSION }).unwrap(),
            serde_json::json!({"ready": {"v": VERSION}})
        );
    }

    #[test]
    fn other_versions_and_unknown_parameters_are_refused_with_a_reason() {
        let mut old = Request::new(9, "x".to_owned());
        old.v = 1;
        let Reply::Refused { id, reason, .. } = answer(&old) else {
            panic!("an old request was answered");
        };
        assert_eq!(id, Some(9));
        assert!(reason.contains("different releases"), "{reason}");
        let (_, why) = Reply::Ready { v: 1 }.receive().unwrap_err();
        assert!(why.contains("different releases"), "{why}");
        let odd = Reply::Imported {
            v: VERSION,
            id: 4,
            format: Format::Json,
            form: String::new(),
            diagnostics: vec![WireDiagnostic {
                severity: Severity::Error,
                param: Some("bogus".into()),
                location: None,
                message: "m".into(),
            }],
        };
        let (id, why) = odd.receive().unwrap_err();
        assert_eq!(id, Some(4));
        assert!(why.contains("unknown parameter \"bogus\""), "{why}");
        let (id, why) = refusal("not an object").receive().unwrap_err();
        assert_eq!(id, None);
        assert!(why.contains("unreadable (not an object)"), "{why}");
        assert_eq!(Reply::Ready { v: VERSION }.receive(), Ok(None));
    }

    proptest! {
        #[test]
        fn any_text_gets_an_answer_the_page_can_read(text in "\\PC{0,80}") {
            let got = round_trip(&text);
            prop_assert_eq!(got.form, import::detect_and_import(&text).form);
        }
    }
}
