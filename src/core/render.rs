//! Renderers: one pure function per output, all reading the same checked [`Request`].
//!
//! [`Output`] is the one registry of outputs: the UI, the golden tests and the downloads all
//! iterate [`Output::ALL`], so adding an output means adding one variant here and one module.

pub mod cli;
pub mod http;
pub mod json;
pub mod sdk;
pub mod skeleton;
pub mod yaml;

use crate::core::diagnostic::Diagnostic;
use crate::core::request::Request;

pub use cli::{Shell, Style};
pub use sdk::Sdk;

/// The choices the outputs offer: which command the CLI output shows, and the language of
/// the SDK program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct CliOptions {
    /// The shell the command is written for.
    pub shell: Shell,
    /// One line, several lines, or values in an input file.
    pub style: Style,
    /// The language of the SDK program.
    pub sdk: Sdk,
}

/// Every output the app generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Output {
    /// The `aws sms create-replication-job …` command.
    Cli,
    /// The `--cli-input-json` document.
    Json,
    /// The `--cli-input-yaml` document.
    Yaml,
    /// `--generate-cli-skeleton` (and `input`).
    SkeletonInput,
    /// `--generate-cli-skeleton yaml-input`.
    SkeletonYamlInput,
    /// `--generate-cli-skeleton output`.
    SkeletonOutput,
    /// The whole HTTP request the API receives.
    HttpRequest,
    /// The HTTP request body alone.
    HttpBody,
    /// The call as a program for an AWS SDK, in the language of [`CliOptions::sdk`].
    Sdk,
}

/// What a renderer gives: the text, plus notes about how it was written (e.g. a value routed
/// through `--cli-input-json`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Exactly what a copy button copies.
    pub text: String,
    /// Non-fatal remarks for the user.
    pub notes: Vec<Diagnostic>,
}

impl Rendered {
    /// A text with no notes.
    pub fn plain(text: String) -> Self {
        Self {
            text,
            notes: Vec::new(),
        }
    }
}

impl Output {
    /// Every output, in display order.
    pub const ALL: [Output; 9] = [
        Output::Cli,
        Output::Json,
        Output::Yaml,
        Output::SkeletonInput,
        Output::SkeletonYamlInput,
        Output::SkeletonOutput,
        Output::HttpRequest,
        Output::HttpBody,
        Output::Sdk,
    ];

    /// A stable id: the DOM id is `out-` + this, and golden files are named after it.
    pub fn id(self) -> &'static str {
        match self {
            Output::Cli => "cli",
            Output::Json => "json",
            Output::Yaml => "yaml",
            Output::SkeletonInput => "skeleton-input",
            Output::SkeletonYamlInput => "skeleton-yaml-input",
            Output::SkeletonOutput => "skeleton-output",
            Output::HttpRequest => "http",
            Output::HttpBody => "http-body",
            Output::Sdk => "sdk",
        }
    }

    /// The tab title.
    pub fn title(self) -> &'static str {
        match self {
            Output::Cli => "CLI command",
            Output::Json => "--cli-input-json",
            Output::Yaml => "--cli-input-yaml",
            Output::SkeletonInput => "Skeleton (input)",
            Output::SkeletonYamlInput => "Skeleton (yaml-input)",
            Output::SkeletonOutput => "Skeleton (output)",
            Output::HttpRequest => "HTTP request",
            Output::HttpBody => "HTTP body",
            Output::Sdk => "SDK code",
        }
    }

    /// True for the outputs whose text and file name depend on [`CliOptions`] (the command and
    /// the SDK program); the others are rendered with the defaults.
    pub fn uses_options(self) -> bool {
        matches!(self, Output::Cli | Output::Sdk)
    }

    /// The file name a download button offers.
    pub fn file_name(self, options: CliOptions) -> &'static str {
        match self {
            Output::Cli => options.shell.script_name(),
            Output::Json => "create-replication-job.json",
            Output::Yaml => "create-replication-job.yaml",
            Output::SkeletonInput => "create-replication-job.skeleton.json",
            Output::SkeletonYamlInput => "create-replication-job.skeleton.yaml",
            Output::SkeletonOutput => "create-replication-job.output-skeleton.json",
            Output::HttpRequest => "create-replication-job.http",
            Output::HttpBody => "create-replication-job.body.json",
            Output::Sdk => options.sdk.file_name(),
        }
    }

    /// Renders this output for a request.
    pub fn render(self, request: &Request, options: CliOptions) -> Rendered {
        match self {
            Output::Cli => cli::render(request, options),
            Output::Json => Rendered::plain(json::render(request)),
            Output::Yaml => Rendered::plain(yaml::render(request)),
            Output::SkeletonInput => Rendered::plain(skeleton::input()),
            Output::SkeletonYamlInput => Rendered::plain(skeleton::yaml_input()),
            Output::SkeletonOutput => Rendered::plain(skeleton::output()),
            Output::HttpRequest => http::render(request),
            Output::HttpBody => Rendered::plain(http::body(request)),
            Output::Sdk => sdk::render(request, options.sdk),
        }
    }
}
