//! The outputs section as markup: the heading, one tab per [`Output`] and one panel each, with
//! the command's shell and style choices and the SDK program's language choice.
//!
//! [`section`] is the section's fixed structure, written once. What depends on the form (each
//! text, its notes, the "Incomplete" note, the chosen shell, style and language, the command's
//! and the program's file names,
//! which tab is chosen after the first) is set on these elements by the UI afterwards, so the
//! string holds no user value. The tabs and panels carry `data-output` (an [`Output::id`]) so
//! one listener on the section can tell which output an event is about ([`output_named`]).

use crate::core::markup::escape;
use crate::core::render::{CliOptions, Output, Sdk, Shell, Style};

/// The note shown above a text left incomplete by errors in the form.
pub const INCOMPLETE: &str = "<p class=\"incomplete\" role=\"note\">Incomplete: the form has \
     errors, so parameters with errors are left out. Fix them before using this.</p>";

/// The id of an output's tab.
pub fn tab_id(output: Output) -> String {
    format!("tab-{}", output.id())
}

/// The id of the element holding an output's text.
pub fn text_id(output: Output) -> String {
    format!("out-{}", output.id())
}

/// The output whose [`Output::id`] is `id` (what `data-output` holds).
pub fn output_named(id: &str) -> Option<Output> {
    Output::ALL.into_iter().find(|o| o.id() == id)
}

/// What the shell choice shows for a shell.
pub fn shell_label(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "bash / zsh",
        Shell::PowerShell => "PowerShell",
        Shell::Cmd => "cmd.exe",
    }
}

/// What the style choice shows for a style.
pub fn style_label(style: Style) -> &'static str {
    match style {
        Style::Multiline => "Several lines",
        Style::Oneline => "One line",
        Style::JsonFile => "Values in --cli-input-json file",
        Style::YamlFile => "Values in --cli-input-yaml file (v2)",
    }
}

/// The content of `<section class="outputs">`: the first tab chosen, every text and notes
/// list empty, the command's and the program's file names empty (they depend on the shell and
/// the language).
pub fn section() -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(
        "<h2 id=\"outputs-title\">Outputs</h2>\
         <div class=\"tabs\" role=\"tablist\" aria-label=\"Output formats\">",
    );
    for (i, output) in Output::ALL.into_iter().enumerate() {
        tab(&mut out, output, i == 0);
    }
    out.push_str("</div>");
    for (i, output) in Output::ALL.into_iter().enumerate() {
        panel(&mut out, output, i == 0);
    }
    out
}

fn tab(out: &mut String, output: Output, chosen: bool) {
    let id = output.id();
    out.push_str("<button type=\"button\" role=\"tab\" id=\"tab-");
    escape(id, out);
    out.push_str("\" aria-controls=\"panel-");
    escape(id, out);
    out.push_str(if chosen {
        "\" aria-selected=\"true\" tabindex=\"0\""
    } else {
        "\" aria-selected=\"false\" tabindex=\"-1\""
    });
    out.push_str(" data-output=\"");
    escape(id, out);
    out.push_str("\">");
    escape(output.title(), out);
    out.push_str("</button>");
}

fn panel(out: &mut String, output: Output, shown: bool) {
    let id = output.id();
    out.push_str("<div class=\"panel\" role=\"tabpanel\" id=\"panel-");
    escape(id, out);
    out.push_str("\" aria-labelledby=\"tab-");
    escape(id, out);
    out.push_str("\" data-output=\"");
    escape(id, out);
    out.push_str(if shown { "\">" } else { "\" hidden>" });
    out.push_str("<div class=\"panel-bar\">");
    match output {
        Output::Cli => cli_controls(out),
        Output::Sdk => sdk_controls(out),
        _ => {}
    }
    out.push_str(
        "<div class=\"actions\"><button type=\"button\" class=\"copy\">Copy</button>\
         <button type=\"button\" class=\"download\">Download <span class=\"file-name\">",
    );
    if !output.uses_options() {
        escape(output.file_name(CliOptions::default()), out);
    }
    out.push_str("</span></button></div></div><pre class=\"code\" id=\"out-");
    escape(id, out);
    out.push_str("\" tabindex=\"0\" aria-label=\"");
    escape(output.title(), out);
    out.push_str("\"></pre><ul class=\"diagnostics notes\"></ul></div>");
}

/// The language choice of the SDK program (`#opt-sdk`, values [`Sdk::as_str`]).
fn sdk_controls(out: &mut String) {
    out.push_str("<div class=\"sdk-controls\">");
    select(
        out,
        "sdk",
        "Language",
        &Sdk::ALL.map(|s| (s.as_str(), s.label())),
    );
    out.push_str("</div>");
}

fn cli_controls(out: &mut String) {
    out.push_str("<div class=\"cli-controls\">");
    select(
        out,
        "shell",
        "Shell",
        &Shell::ALL.map(|s| (s.as_str(), shell_label(s))),
    );
    select(
        out,
        "style",
        "Style",
        &Style::ALL.map(|s| (s.as_str(), style_label(s))),
    );
    out.push_str("</div>");
}

/// A labelled `<select>` with id `opt-` + `name`; `options` are (value, text) pairs, none
/// marked as selected (that depends on the form).
fn select(out: &mut String, name: &str, label: &str, options: &[(&str, &str)]) {
    out.push_str("<label for=\"opt-");
    escape(name, out);
    out.push_str("\">");
    escape(label, out);
    out.push_str("</label><select id=\"opt-");
    escape(name, out);
    out.push_str("\" name=\"");
    escape(name, out);
    out.push_str("\">");
    for (value, text) in options {
        out.push_str("<option value=\"");
        escape(value, out);
        out.push_str("\">");
        escape(text, out);
        out.push_str("</option>");
    }
    out.push_str("</select>");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start tags in `html` whose text contains `needle`.
    fn tags_with<'a>(html: &'a str, needle: &str) -> Vec<&'a str> {
        html.split('<')
            .filter(|t| t.contains(needle))
            .map(|t| t.split('>').next().unwrap_or(t))
            .collect()
    }

    #[test]
    fn one_tab_and_one_panel_per_output_and_the_first_is_chosen() {
        let html = section();
        let tabs = tags_with(&html, "role=\"tab\"");
        let panels = tags_with(&html, "role=\"tabpanel\"");
        assert_eq!(tabs.len(), Output::ALL.len());
        assert_eq!(panels.len(), Output::ALL.len());
        for (i, output) in Output::ALL.into_iter().enumerate() {
            let id = output.id();
            assert!(tabs[i].contains(&format!("id=\"{}\"", tab_id(output))));
            assert!(tabs[i].contains(&format!("aria-controls=\"panel-{id}\"")));
            assert!(tabs[i].contains(&format!("data-output=\"{id}\"")));
            assert!(panels[i].contains(&format!("id=\"panel-{id}\"")));
            assert!(panels[i].contains(&format!("aria-labelledby=\"tab-{id}\"")));
            assert!(panels[i].contains(&format!("data-output=\"{id}\"")));
            let chosen = i == 0;
            assert_eq!(
                tabs[i].contains("aria-selected=\"true\" tabindex=\"0\""),
                chosen
            );
            assert_eq!(
                tabs[i].contains("aria-selected=\"false\" tabindex=\"-1\""),
                !chosen
            );
            assert_eq!(panels[i].ends_with(" hidden"), !chosen);
            assert_eq!(
                tags_with(&html, &format!("id=\"{}\"", text_id(output))).len(),
                1
            );
            assert_eq!(output_named(id), Some(output));
        }
        assert_eq!(output_named("nope"), None);
        assert_eq!(html.matches("class=\"copy\"").count(), Output::ALL.len());
        assert_eq!(
            html.matches("class=\"download\"").count(),
            Output::ALL.len()
        );
        assert_eq!(
            html.matches("<ul class=\"diagnostics notes\"></ul>")
                .count(),
            Output::ALL.len()
        );
        assert!(!html.contains("incomplete"));
    }

    #[test]
    fn titles_are_escaped_and_texts_start_empty() {
        let html = section();
        assert!(html.contains(
            "<pre class=\"code\" id=\"out-json\" tabindex=\"0\" \
             aria-label=\"--cli-input-json\"></pre>"
        ));
        assert!(html.contains("data-output=\"http\">HTTP request</button>"));
        // The command's and the program's file names depend on the shell and the language;
        // the others are fixed.
        assert_eq!(
            html.matches("Download <span class=\"file-name\"></span>")
                .count(),
            2
        );
        assert!(
            html.contains("Download <span class=\"file-name\">create-replication-job.json</span>")
        );
    }

    #[test]
    fn the_sdk_panel_alone_has_the_language_choice() {
        let html = section();
        let sdk = &html[html.find("id=\"panel-sdk\"").unwrap()..];
        assert!(sdk.contains(
            "<div class=\"sdk-controls\"><label for=\"opt-sdk\">Language</label>\
             <select id=\"opt-sdk\" name=\"sdk\"><option value=\"python\">Python (boto3)</option>\
             <option value=\"javascript\">JavaScript (SDK v3, ES module)</option>\
             <option value=\"rust\">Rust (AWS SDK for Rust, tokio)</option></select></div>"
        ));
        assert_eq!(html.matches("id=\"opt-sdk\"").count(), 1);
        assert!(html.contains("id=\"out-sdk\""));
    }

    #[test]
    fn the_command_panel_alone_has_the_shell_and_style_choices() {
        let html = section();
        assert_eq!(html.matches("<select").count(), 3);
        let cli =
            &html[html.find("id=\"panel-cli\"").unwrap()..html.find("id=\"panel-json\"").unwrap()];
        assert!(cli.contains(
            "<div class=\"cli-controls\"><label for=\"opt-shell\">Shell</label>\
             <select id=\"opt-shell\" name=\"shell\"><option value=\"bash\">bash / zsh</option>\
             <option value=\"powershell\">PowerShell</option>\
             <option value=\"cmd\">cmd.exe</option></select>\
             <label for=\"opt-style\">Style</label><select id=\"opt-style\" name=\"style\">"
        ));
        for style in Style::ALL {
            assert!(cli.contains(&format!(
                "<option value=\"{}\">{}</option>",
                style.as_str(),
                style_label(style)
            )));
            assert_eq!(Style::parse(style.as_str()), Some(style));
        }
        for shell in Shell::ALL {
            assert_eq!(Shell::parse(shell.as_str()), Some(shell));
        }
        assert!(!html.contains(" selected"));
    }
}
