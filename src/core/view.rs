//! What the views show, as plain values: the ids that tie labels, hints and diagnostics to
//! their controls, the labels of choices, headings that count things, and the sentences of the
//! import and send panels. The components in `ui` only lay these out; everything here is
//! tested natively.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Zone;
use crate::core::import::Format;
use crate::core::params::{self, Id, Kind, Param};
use crate::core::render::Output;
use crate::core::timestamp::{self, LocalZone};

/// What a severity is called in front of its message; spelled out, never colour alone.
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

/// The DOM id of a parameter's control (what the error summary links to). For a three-state
/// boolean it is the id of its first radio button.
pub fn control_id(flag: &str) -> String {
    format!("f-{flag}")
}

/// The id of a parameter's hint line.
pub fn hint_id(flag: &str) -> String {
    format!("hint-{flag}")
}

/// The id of a parameter's diagnostics list.
pub fn diagnostics_id(flag: &str) -> String {
    format!("diag-{flag}")
}

/// The id of the line under a time that shows the instant that will be sent.
pub fn instant_id(flag: &str) -> String {
    format!("instant-{flag}")
}

/// `aria-describedby` of a control: its hint and its diagnostics list, and for a time also
/// the line with the instant.
pub fn described_by(param: &Param) -> String {
    let flag = param.flag;
    let mut ids = format!("{} {}", hint_id(flag), diagnostics_id(flag));
    if param.kind == Kind::Timestamp {
        ids.push(' ');
        ids.push_str(&instant_id(flag));
    }
    ids
}

/// The two ways a time typed without a zone can be read, with their labels.
pub const ZONES: [(Zone, &str); 2] = [(Zone::Utc, "UTC"), (Zone::Local, "My local time")];

/// The id of a zone's radio button.
pub fn zone_id(zone: Zone) -> String {
    format!("zone-{}", zone.as_str())
}

/// One radio button of a three-state boolean: its value, its id and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BooleanChoice {
    /// `""` (not set), `"true"` or `"false"`.
    pub value: &'static str,
    /// The first carries the field's [`control_id`], so the error summary can focus it.
    pub id: String,
    /// `Not set`, `--flag`, `--no-flag`.
    pub label: String,
}

/// The three values of a boolean, in display order.
pub fn boolean_choices(flag: &str) -> [BooleanChoice; 3] {
    [
        BooleanChoice {
            value: "",
            id: control_id(flag),
            label: "Not set".to_owned(),
        },
        BooleanChoice {
            value: "true",
            id: format!("{}-true", control_id(flag)),
            label: format!("--{flag}"),
        },
        BooleanChoice {
            value: "false",
            id: format!("{}-false", control_id(flag)),
            label: format!("--no-{flag}"),
        },
    ]
}

/// The options of a fixed list as (value, text): "not set", then the allowed values, then the
/// current value when it is not one of them (from an import or a link), marked as not valid,
/// so it stays selected and visible until the user picks another.
pub fn choice_options(param: &Param, current: &str) -> Vec<(String, String)> {
    let unset = if param.id == Id::LicenseType {
        "Not set (the service decides)"
    } else {
        "Not set"
    };
    let mut options = vec![(String::new(), unset.to_owned())];
    options.extend(
        param
            .choices()
            .iter()
            .map(|v| ((*v).to_owned(), (*v).to_owned())),
    );
    if !current.is_empty() && !param.choices().contains(&current) {
        options.push((current.to_owned(), format!("{current} (not valid)")));
    }
    options
}

/// True when a text control must be a `<textarea>`: an `<input>` would silently drop a line
/// break (only an import or a link can bring one) from what the user sees and edits.
pub fn needs_textarea(text: &str) -> bool {
    text.bytes().any(|b| b == b'\n' || b == b'\r')
}

/// The line under the seed time: the instant that will be sent, in UTC and in epoch seconds;
/// for an empty field, the forms it accepts with examples from the clock (`now`).
pub fn instant_line(text: &str, zone: Zone, local: &dyn LocalZone, now: i64) -> String {
    if text.trim().is_empty() {
        return timestamp::accepted_forms(now);
    }
    match timestamp::parse(text) {
        Ok(parsed) => {
            let seconds = parsed.resolve(zone, local);
            format!(
                "Sent as {} (epoch {seconds}).",
                timestamp::format_utc(seconds)
            )
        }
        Err(_) => "Not a time the CLI can read yet.".to_owned(),
    }
}

/// What a summary item of a value that is still needed says after the parameter's label.
pub const STILL_NEEDED: &str = "still needed.";

/// What the error summary lists: every error and warning (notes stay at their fields), except
/// the errors of the parameters that are only still needed (`needed`, by flag); then one
/// [`Severity::Info`] item per value still needed ([`STILL_NEEDED`]).
pub fn summary_problems(diagnostics: &[Diagnostic], needed: &[&'static str]) -> Vec<Diagnostic> {
    let mut listed: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .filter(|d| {
            !(d.severity == Severity::Error && d.param.is_some_and(|f| needed.contains(&f)))
        })
        .cloned()
        .collect();
    listed.extend(needed.iter().map(|f| Diagnostic::info(f, STILL_NEEDED)));
    listed
}

/// The heading of the error summary ([`summary_problems`]'s list): how many errors and
/// warnings there are, and how many values are still needed; when values are all that is
/// missing, it names them ("2 values still needed: Server ID, Seed replication time").
pub fn summary_heading(listed: &[Diagnostic]) -> String {
    summary_heading_of(listed, |flag| {
        params::by_flag(flag).map_or("Form", |p| p.label)
    })
}

/// [`summary_heading`] for any page: `label` names a parameter by its flag.
pub fn summary_heading_of(listed: &[Diagnostic], label: impl Fn(&str) -> &'static str) -> String {
    let count = |severity| listed.iter().filter(|d| d.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let needed: Vec<&str> = listed
        .iter()
        .filter(|d| d.severity == Severity::Info)
        .filter_map(|d| d.param)
        .collect();
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!("{} to fix", plural(errors, "error")));
    }
    if warnings > 0 {
        let check = if errors > 0 { "" } else { " to check" };
        parts.push(format!("{}{check}", plural(warnings, "warning")));
    }
    if !needed.is_empty() {
        let values = if needed.len() == 1 {
            "1 value still needed".to_owned()
        } else {
            format!("{} values still needed", needed.len())
        };
        if parts.is_empty() {
            let labels: Vec<&str> = needed.iter().map(|f| label(f)).collect();
            return format!("{values}: {}", labels.join(", "));
        }
        parts.push(values);
    }
    parts.join(", ")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The name a summary item links with: its parameter's label, or "Form".
pub fn summary_label(d: &Diagnostic) -> &'static str {
    d.param
        .and_then(params::by_flag)
        .map_or("Form", |p| p.label)
}

/// The id of an output's tab.
pub fn tab_id(output: Output) -> String {
    format!("tab-{}", output.id())
}

/// The id of an output's panel.
pub fn panel_id(output: Output) -> String {
    format!("panel-{}", output.id())
}

/// The id of the element holding an output's text (a contract: tests and users' automation
/// read `#out-cli`, `#out-json`, …).
pub fn text_id(output: Output) -> String {
    format!("out-{}", output.id())
}

/// The id of a choice's control beside an output.
pub fn choice_id(name: &str) -> String {
    format!("opt-{name}")
}

/// The note shown above an output left incomplete by errors in the form.
pub const INCOMPLETE: &str = "Incomplete: the form has errors, so parameters with errors are \
    left out. Fix them before using this.";

/// How a format is named in the import report.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Command => "a command",
        Format::Json => "a --cli-input-json document",
        Format::Yaml => "a --cli-input-yaml document",
    }
}

/// Why the importer could not run, as the one problem of the import report.
pub fn import_failed(why: &str) -> Diagnostic {
    Diagnostic::general(
        Severity::Error,
        format!(
            "The importer could not run ({why}). The form is unchanged and your text is still \
             here: check the connection (or reload the page) and press Import again."
        ),
    )
}

/// Why the import panel's own code could not be loaded, as the one problem shown in its place.
pub fn import_panel_failed(why: &str) -> Diagnostic {
    Diagnostic::general(
        Severity::Error,
        format!("The import panel could not be loaded: {why} The form is unchanged."),
    )
}

/// The heading of the import report: how the text was read (when it was) and how many
/// problems were found.
pub fn import_heading(read_as: Option<Format>, problems: usize) -> String {
    match (read_as, problems) {
        (Some(f), 0) => format!("Read as {}; no problems.", format_name(f)),
        (Some(f), n) => format!(
            "Read as {}; {n} problem{} found:",
            format_name(f),
            if n == 1 { "" } else { "s" }
        ),
        (None, _) => String::new(),
    }
}

/// The sentence shown when the send panel's code could not be loaded; `why` says what
/// happened.
pub fn send_panel_failed(why: &str) -> String {
    format!("The send panel could not be loaded: {why} The rest of the app is not affected.")
}

/// The line in an output's panel while the code that writes it is loading (outputs that load
/// on first show, [`Output::loads_on_first_show`]).
pub fn output_loading(output: Output) -> String {
    format!("Loading the {}…", output.title())
}

/// The line in an output's panel when the code that writes it could not be loaded, with why.
pub fn output_failed(output: Output, why: &str) -> String {
    format!(
        "The {} cannot be shown: {why} The other outputs are not affected.",
        output.title()
    )
}

/// What copy and download say for an output that has no text yet (its code is loading).
pub fn not_written_yet(output: Output) -> String {
    format!(
        "The {} is not written yet: its code is still loading.",
        output.title()
    )
}

/// One paragraph of an explanation: its lead text and the items of its list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// The lines before the list, joined by spaces (empty when there are none).
    pub lead: String,
    /// Lines that started with `• `, without it.
    pub items: Vec<String>,
}

/// An explanation split into paragraphs (separated by a blank line) whose lines starting with
/// `• ` form a list.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    text.split("\n\n")
        .map(|paragraph| {
            let mut lead = Vec::new();
            let mut items = Vec::new();
            for line in paragraph.lines() {
                match line.strip_prefix("• ") {
                    Some(item) => items.push(item.to_owned()),
                    None => lead.push(line),
                }
            }
            Paragraph {
                lead: lead.join(" "),
                items,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::timestamp::FixedOffset;

    fn param(flag: &str) -> &'static Param {
        params::by_flag(flag).unwrap()
    }

    #[test]
    fn every_control_is_described_by_its_hint_and_diagnostics() {
        assert_eq!(
            described_by(param("server-id")),
            "hint-server-id diag-server-id"
        );
        assert_eq!(
            described_by(param("seed-replication-time")),
            "hint-seed-replication-time diag-seed-replication-time instant-seed-replication-time"
        );
        let ids: Vec<_> = params::PARAMS.iter().map(|p| control_id(p.flag)).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn a_boolean_is_not_set_flag_or_no_flag_and_its_first_button_has_the_field_id() {
        let [unset, on, off] = boolean_choices("run-once");
        assert_eq!((unset.value, unset.id.as_str()), ("", "f-run-once"));
        assert_eq!((on.value, on.label.as_str()), ("true", "--run-once"));
        assert_eq!(
            (off.id.as_str(), off.label.as_str()),
            ("f-run-once-false", "--no-run-once")
        );
    }

    #[test]
    fn a_stray_choice_stays_and_is_marked() {
        let licence = param("license-type");
        let plain = choice_options(licence, "AWS");
        assert_eq!(plain.len(), 3);
        assert_eq!(plain[0].1, "Not set (the service decides)");
        let stray = choice_options(licence, "<b>");
        assert_eq!(
            stray.last().unwrap(),
            &("<b>".to_owned(), "<b> (not valid)".to_owned())
        );
        assert_eq!(choice_options(param("output"), "")[0].1, "Not set");
    }

    #[test]
    fn the_instant_line_says_what_is_sent() {
        let tokyo = FixedOffset(9 * 3600);
        // 2026-11-25T09:00:00Z; the examples are the next morning.
        let now = 1_795_597_200;
        assert_eq!(
            instant_line(" ", Zone::Utc, &tokyo, now),
            timestamp::accepted_forms(now)
        );
        assert_eq!(
            instant_line("2026-12-01 09:00", Zone::Local, &tokyo, now),
            "Sent as 2026-12-01T00:00:00Z (epoch 1796083200)."
        );
        assert_eq!(
            instant_line("soon", Zone::Utc, &tokyo, now),
            "Not a time the CLI can read yet."
        );
        assert!(needs_textarea("a\nb") && needs_textarea("a\rb") && !needs_textarea("a b"));
    }

    #[test]
    fn summary_counts_and_names() {
        let problems = [
            Diagnostic::error("server-id", "Required."),
            Diagnostic::warning("role-name", "Odd."),
            Diagnostic::general(Severity::Error, "Whole form."),
            Diagnostic::info("frequency", "Read as 12."),
        ];
        let listed = summary_problems(&problems, &[]);
        assert_eq!(listed.len(), 3);
        assert_eq!(summary_heading(&listed), "2 errors to fix, 1 warning");
        assert_eq!(summary_heading(&listed[..1]), "1 error to fix");
        assert_eq!(summary_heading(&listed[1..2]), "1 warning to check");
        assert_eq!(summary_label(&listed[0]), "Server ID");
        assert_eq!(summary_label(&listed[2]), "Form");
        assert_eq!(severity_label(Severity::Info), "Note");
    }

    #[test]
    fn an_untouched_form_says_what_is_still_needed() {
        let problems = [
            Diagnostic::error("server-id", "Server ID is required."),
            Diagnostic::error(
                "seed-replication-time",
                "Seed replication time is required.",
            ),
        ];
        let needed = ["server-id", "seed-replication-time"];
        let listed = summary_problems(&problems, &needed);
        // No error: one item per value still needed, each linking to its field.
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(|d| d.severity == Severity::Info));
        assert_eq!(summary_label(&listed[0]), "Server ID");
        assert_eq!(listed[0].message, STILL_NEEDED);
        assert_eq!(
            summary_heading(&listed),
            "2 values still needed: Server ID, Seed replication time"
        );
        assert_eq!(
            summary_heading(&summary_problems(&problems[1..], &needed[1..])),
            "1 value still needed: Seed replication time"
        );
        // Once one is touched its error counts, and the other is still only needed.
        let listed = summary_problems(&problems, &needed[1..]);
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].severity, Severity::Error);
        assert_eq!(
            summary_heading(&listed),
            "1 error to fix, 1 value still needed"
        );
        let warning = [Diagnostic::warning("role-name", "Odd.")];
        assert_eq!(
            summary_heading(&summary_problems(&warning, &needed)),
            "1 warning to check, 2 values still needed"
        );
    }

    #[test]
    fn output_ids_follow_the_registry() {
        for output in Output::ALL {
            assert_eq!(text_id(output), format!("out-{}", output.id()));
            assert_eq!(tab_id(output), format!("tab-{}", output.id()));
            assert_eq!(panel_id(output), format!("panel-{}", output.id()));
        }
        assert_eq!(text_id(Output::HttpBody), "out-http-body");
    }

    #[test]
    fn import_sentences() {
        assert_eq!(
            import_heading(Some(Format::Json), 0),
            "Read as a --cli-input-json document; no problems."
        );
        assert_eq!(
            import_heading(Some(Format::Command), 2),
            "Read as a command; 2 problems found:"
        );
        assert_eq!(import_heading(None, 1), "");
        let failed = import_failed("it stopped");
        assert!(failed.message.contains("(it stopped)") && failed.message.contains("unchanged"));
        assert!(send_panel_failed("it <stopped>.").contains("it <stopped>. The rest"));
        assert_eq!(
            not_written_yet(Output::Sdk),
            "The SDK code is not written yet: its code is still loading."
        );
        assert_eq!(output_loading(Output::Sdk), "Loading the SDK code…");
        assert_eq!(
            output_failed(Output::Sdk, "it did not start within 15 seconds."),
            "The SDK code cannot be shown: it did not start within 15 seconds. The other outputs \
             are not affected."
        );
        let panel = import_panel_failed("its code could not be fetched.");
        assert_eq!(panel.severity, Severity::Error);
        assert!(
            panel
                .message
                .ends_with("could not be fetched. The form is unchanged.")
        );
    }

    #[test]
    fn explanations_become_paragraphs_and_lists() {
        assert_eq!(
            paragraphs("First line\nsame paragraph.\n\nLead:\n• one\n• two & three"),
            [
                Paragraph {
                    lead: "First line same paragraph.".into(),
                    items: vec![]
                },
                Paragraph {
                    lead: "Lead:".into(),
                    items: vec!["one".into(), "two & three".into()]
                },
            ]
        );
    }
}
