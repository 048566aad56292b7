//! The `aws sms create-replication-job` command for bash/zsh/sh, PowerShell and cmd.exe.

use crate::core::render::{CliOptions, Rendered};
use crate::core::request::Request;

/// The shell a command is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Shell {
    /// bash, zsh and POSIX sh.
    #[default]
    Bash,
    /// Windows PowerShell 5.1 and PowerShell 7.3+.
    PowerShell,
    /// cmd.exe.
    Cmd,
}

impl Shell {
    /// Every shell, in display order.
    pub const ALL: [Shell; 3] = [Shell::Bash, Shell::PowerShell, Shell::Cmd];

    /// The share-link spelling (`bash`, `powershell`, `cmd`).
    pub fn as_str(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::PowerShell => "powershell",
            Shell::Cmd => "cmd",
        }
    }

    /// Reads [`Shell::as_str`] back.
    pub fn parse(text: &str) -> Option<Shell> {
        Shell::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The file name a downloaded command is saved as.
    pub fn script_name(self) -> &'static str {
        match self {
            Shell::Bash => "create-replication-job.sh",
            Shell::PowerShell => "create-replication-job.ps1",
            Shell::Cmd => "create-replication-job.cmd",
        }
    }
}

/// How the command carries the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Style {
    /// One option per line, joined by the shell's line continuation.
    #[default]
    Multiline,
    /// Everything on one line.
    Oneline,
    /// `--cli-input-json file://create-replication-job.json`.
    JsonFile,
    /// `--cli-input-yaml file://create-replication-job.yaml` (CLI v2 only).
    YamlFile,
}

impl Style {
    /// Every style, in display order.
    pub const ALL: [Style; 4] = [
        Style::Multiline,
        Style::Oneline,
        Style::JsonFile,
        Style::YamlFile,
    ];

    /// The share-link spelling (`multiline`, `oneline`, `json-file`, `yaml-file`).
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Multiline => "multiline",
            Style::Oneline => "oneline",
            Style::JsonFile => "json-file",
            Style::YamlFile => "yaml-file",
        }
    }

    /// Reads [`Style::as_str`] back.
    pub fn parse(text: &str) -> Option<Style> {
        Style::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// Renders the command.
pub fn render(request: &Request, options: CliOptions) -> Rendered {
    let _ = (request, options);
    todo!("render the CLI command")
}
