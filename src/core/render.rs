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
use crate::core::params;
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

/// A setting an output offers beside its text, such as the command's shell. Each has a
/// control `name` (also its share-link key), a label and a fixed list of values; the UI shows
/// every choice of [`Output::choices`] the same way, so an output with a new setting only adds
/// a variant here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// The shell the command is written for.
    Shell,
    /// One line, several lines, or values in an input file.
    Style,
    /// The language of the SDK program.
    Sdk,
}

impl Choice {
    /// Every setting, in the order the outputs show them.
    pub const ALL: [Choice; 3] = [Choice::Shell, Choice::Style, Choice::Sdk];

    /// What a value of the setting is, for messages ("a shell setting").
    pub fn noun(self) -> &'static str {
        match self {
            Choice::Shell => "a shell setting",
            Choice::Style => "a style setting",
            Choice::Sdk => "an SDK language",
        }
    }

    /// The control's `name` and the share-link key.
    pub fn name(self) -> &'static str {
        match self {
            Choice::Shell => "shell",
            Choice::Style => "style",
            Choice::Sdk => "sdk",
        }
    }

    /// The label shown beside the control.
    pub fn label(self) -> &'static str {
        match self {
            Choice::Shell => "Shell",
            Choice::Style => "Style",
            Choice::Sdk => "Language",
        }
    }

    /// Every value, as (stable spelling, label), in display order.
    pub fn values(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Choice::Shell => Shell::ALL
                .iter()
                .map(|s| {
                    let label = match s {
                        Shell::Bash => "bash / zsh",
                        Shell::PowerShell => "PowerShell",
                        Shell::Cmd => "cmd.exe",
                    };
                    (s.as_str(), label)
                })
                .collect(),
            Choice::Style => Style::ALL
                .iter()
                .map(|s| {
                    let label = match s {
                        Style::Multiline => "Several lines",
                        Style::Oneline => "One line",
                        Style::JsonFile => "Values in --cli-input-json file",
                        Style::YamlFile => "Values in --cli-input-yaml file (v2)",
                    };
                    (s.as_str(), label)
                })
                .collect(),
            Choice::Sdk => Sdk::ALL.iter().map(|s| (s.as_str(), s.label())).collect(),
        }
    }

    /// The value chosen in `options`.
    pub fn get(self, options: CliOptions) -> &'static str {
        match self {
            Choice::Shell => options.shell.as_str(),
            Choice::Style => options.style.as_str(),
            Choice::Sdk => options.sdk.as_str(),
        }
    }

    /// Chooses `value`; false (and nothing changed) when it is not one of [`Choice::values`].
    pub fn set(self, options: &mut CliOptions, value: &str) -> bool {
        match self {
            Choice::Shell => Shell::parse(value).map(|v| options.shell = v).is_some(),
            Choice::Style => Style::parse(value).map(|v| options.style = v).is_some(),
            Choice::Sdk => Sdk::parse(value).map(|v| options.sdk = v).is_some(),
        }
    }
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

    /// The file name a download button offers.
    pub fn file_name(self, options: CliOptions) -> String {
        let extension = match self {
            Output::Cli => options.shell.extension(),
            Output::Json => "json",
            Output::Yaml => "yaml",
            Output::SkeletonInput => "skeleton.json",
            Output::SkeletonYamlInput => "skeleton.yaml",
            Output::SkeletonOutput => "output-skeleton.json",
            Output::HttpRequest => "http",
            Output::HttpBody => "body.json",
            Output::Sdk => return options.sdk.file_name(),
        };
        format!("{}.{extension}", params::OPERATION.cli_name)
    }

    /// The settings this output offers beside its text (only these outputs are rendered again
    /// when a setting changes).
    pub fn choices(self) -> &'static [Choice] {
        match self {
            Output::Cli => &[Choice::Shell, Choice::Style],
            Output::Sdk => &[Choice::Sdk],
            _ => &[],
        }
    }

    /// False for the outputs that are the same for every form (the skeletons).
    pub fn depends_on_form(self) -> bool {
        !matches!(
            self,
            Output::SkeletonInput | Output::SkeletonYamlInput | Output::SkeletonOutput
        )
    }

    /// The media type a download is offered with.
    pub fn media_type(self, options: CliOptions) -> &'static str {
        match self {
            Output::Sdk => options.sdk.media_type(),
            Output::Json | Output::SkeletonInput | Output::SkeletonOutput | Output::HttpBody => {
                "application/json"
            }
            Output::Yaml | Output::SkeletonYamlInput => "application/yaml",
            Output::Cli | Output::HttpRequest => "text/plain",
        }
    }

    /// True for the outputs whose renderer is not part of the page's first load: the page
    /// loads it when one of them is first shown. These are the ones a visit looks at least and
    /// that are not on the keystroke path of the command and its documents: the SDK programs,
    /// the whole HTTP request (its body is rendered by the page) and the skeletons. The page
    /// renders every other output itself ([`Output::render_first_load`]).
    pub fn loads_on_first_show(self) -> bool {
        matches!(
            self,
            Output::Sdk
                | Output::HttpRequest
                | Output::SkeletonInput
                | Output::SkeletonYamlInput
                | Output::SkeletonOutput
        )
    }

    /// Renders this output for a request.
    pub fn render(self, request: &Request, options: CliOptions) -> Rendered {
        match self {
            Output::SkeletonInput => Rendered::plain(skeleton::input()),
            Output::SkeletonYamlInput => Rendered::plain(skeleton::yaml_input()),
            Output::SkeletonOutput => Rendered::plain(skeleton::output()),
            Output::HttpRequest => http::render(request),
            Output::Sdk => sdk::render(request, options.sdk),
            Output::Cli | Output::Json | Output::Yaml | Output::HttpBody => {
                self.render_first_load(request, options).unwrap_or_default()
            }
        }
    }

    /// Renders this output, unless its renderer loads on first show
    /// ([`Output::loads_on_first_show`]): then `None`. The page calls only this, so the code
    /// of those renderers is not linked into its wasm.
    pub fn render_first_load(self, request: &Request, options: CliOptions) -> Option<Rendered> {
        Some(match self {
            Output::Cli => cli::render(request, options),
            Output::Json => Rendered::plain(json::render(request)),
            Output::Yaml => Rendered::plain(yaml::render(request)),
            Output::HttpBody => Rendered::plain(http::body(request)),
            Output::SkeletonInput
            | Output::SkeletonYamlInput
            | Output::SkeletonOutput
            | Output::HttpRequest
            | Output::Sdk => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_reads_back_each_of_its_values_and_refuses_others() {
        for output in Output::ALL {
            for choice in output.choices() {
                let values = choice.values();
                assert!(!values.is_empty(), "{choice:?}");
                for (value, label) in values {
                    let mut options = CliOptions::default();
                    assert!(choice.set(&mut options, value), "{choice:?} {value}");
                    assert_eq!(choice.get(options), value);
                    assert!(!label.is_empty());
                }
                let mut options = CliOptions::default();
                assert!(!choice.set(&mut options, "fish"));
                assert_eq!(options, CliOptions::default());
            }
        }
        assert_eq!(Choice::Shell.values()[0], ("bash", "bash / zsh"));
        let names: Vec<_> = Output::ALL
            .iter()
            .flat_map(|o| o.choices())
            .map(|c| c.name())
            .collect();
        assert_eq!(names, ["shell", "style", "sdk"]);
    }

    #[test]
    fn the_first_load_renders_every_output_but_those_loaded_on_first_show() {
        let request = Request::default();
        for output in Output::ALL {
            let options = CliOptions::default();
            let first = output.render_first_load(&request, options);
            assert_eq!(first.is_none(), output.loads_on_first_show(), "{output:?}");
            let full = output.render(&request, options);
            assert!(!full.text.is_empty(), "{output:?}");
            if let Some(first) = first {
                assert_eq!(first, full, "{output:?}");
            }
        }
        let later: Vec<_> = Output::ALL
            .into_iter()
            .filter(|o| o.loads_on_first_show())
            .collect();
        assert_eq!(
            later,
            [
                Output::SkeletonInput,
                Output::SkeletonYamlInput,
                Output::SkeletonOutput,
                Output::HttpRequest,
                Output::Sdk
            ]
        );
        // The command, its two documents and the request body stay on the keystroke path.
        assert!(
            [Output::Cli, Output::Json, Output::Yaml, Output::HttpBody]
                .iter()
                .all(|o| !o.loads_on_first_show())
        );
    }

    #[test]
    fn only_the_skeletons_ignore_the_form() {
        let fixed: Vec<_> = Output::ALL
            .into_iter()
            .filter(|o| !o.depends_on_form())
            .map(Output::id)
            .collect();
        assert_eq!(
            fixed,
            ["skeleton-input", "skeleton-yaml-input", "skeleton-output"]
        );
        assert_eq!(
            Output::HttpBody.media_type(CliOptions::default()),
            "application/json"
        );
    }
}
