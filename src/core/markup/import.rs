//! The import panel's markup: what it holds once opened, the question asked before a filled
//! form is replaced, and the report of what the last import found.

use super::{diagnostic_items, escape};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::import::Format;

/// The closed panel: only its summary. What it holds is added when it is first opened.
pub const PANEL: &str = "<summary>Import a command, JSON or YAML</summary>";

/// What the panel holds once opened: the text box, the button, "Reading…" (hidden until an
/// import is under way) and the place for the question and the report.
pub const CONTENTS: &str = "<label for=\"import-text\" class=\"label\">Paste an \
    <code>aws sms create-replication-job</code> command (bash, PowerShell or cmd), or a \
    --cli-input-json / --cli-input-yaml document</label>\
    <textarea id=\"import-text\" name=\"import-text\" spellcheck=\"false\" autocomplete=\"off\">\
    </textarea><div class=\"row\"><button type=\"button\" id=\"import-run\">Import</button>\
    <span class=\"import-reading\" role=\"status\" hidden>Reading…</span></div>\
    <div class=\"import-result\"></div>";

/// Asked before a form that already holds values is replaced.
pub const CONFIRM: &str = "<div class=\"confirm\" role=\"alert\"><p>The form already holds \
    values. Replace them with what was imported?</p><div class=\"row\"><button type=\"button\" \
    class=\"primary\" id=\"import-replace\">Replace the form</button><button type=\"button\" \
    id=\"import-cancel\">Keep the current form</button></div></div>";

/// How a format is named in the report.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Command => "a command",
        Format::Json => "a --cli-input-json document",
        Format::Yaml => "a --cli-input-yaml document",
    }
}

/// Why the importer could not run, as the one problem of the report.
pub fn failed(why: &str) -> String {
    let sentence = format!(
        "The importer could not run ({why}). The form is unchanged and your text is still \
         here: check the connection (or reload the page) and press Import again."
    );
    format!(
        "<ul class=\"diagnostics\" id=\"import-problems\" role=\"alert\">{}</ul>",
        diagnostic_items(&[Diagnostic::general(Severity::Error, sentence)])
    )
}

/// What the last import found: how the text was read (when it was) and every problem.
pub fn report(read_as: Option<Format>, problems: &[Diagnostic]) -> String {
    let heading = match (read_as, problems.len()) {
        (Some(f), 0) => format!("Read as {}; no problems.", format_name(f)),
        (Some(f), n) => format!(
            "Read as {}; {n} problem{} found:",
            format_name(f),
            if n == 1 { "" } else { "s" }
        ),
        (None, _) => String::new(),
    };
    let mut out = String::from("<p class=\"import-heading\">");
    escape(&heading, &mut out);
    out.push_str("</p><ul class=\"diagnostics\" id=\"import-problems\">");
    out.push_str(&diagnostic_items(problems));
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_the_format_and_counts_problems() {
        assert!(
            report(Some(Format::Json), &[])
                .contains("Read as a --cli-input-json document; no problems.")
        );
        let two = [
            Diagnostic::general(Severity::Error, "x"),
            Diagnostic::general(Severity::Warning, "y"),
        ];
        let html = report(Some(Format::Command), &two);
        assert!(html.contains("Read as a command; 2 problems found:"));
        assert_eq!(html.matches("<li ").count(), 2);
        assert!(report(None, &two[..1]).starts_with("<p class=\"import-heading\"></p>"));
    }

    #[test]
    fn a_failure_keeps_the_reason_escaped() {
        let html = failed("it stopped: <oops>");
        assert!(html.contains("role=\"alert\""));
        assert!(html.contains("(it stopped: &lt;oops&gt;)"));
    }
}
