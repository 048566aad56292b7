//! The form's markup, generated from the parameter table: one section per [`Group`], one field
//! per [`Param`], the control chosen by its [`Kind`]. No parameter is written out by hand here.
//!
//! Every control has `name` = the CLI option without dashes and `id` = [`control_id`], its
//! hint and diagnostics tied to it with `aria-describedby`. The markup holds no value the user
//! typed: the UI sets values, checked states, diagnostics and `aria-invalid` afterwards, so
//! what is written here is the same on every load.

use super::escape;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::form::Zone;
use crate::core::params::{self, Group, Kind, Param};

/// The DOM id of a parameter's control (what the error summary links to).
pub fn control_id(flag: &str) -> String {
    format!("f-{flag}")
}

/// `aria-describedby` of a control: its hint and its diagnostics list.
fn described_by(flag: &str) -> String {
    format!("hint-{flag} diag-{flag}")
}

/// The two ways a time typed without a zone can be read, with their labels.
pub const ZONES: [(Zone, &str); 2] = [(Zone::Utc, "UTC"), (Zone::Local, "My local time")];

/// The whole form body: the error summary (empty and hidden) and every group of fields. The
/// global options start open when `globals_open`.
pub fn sections(globals_open: bool) -> String {
    let mut out = String::with_capacity(24 * 1024);
    out.push_str(
        "<div class=\"summary\" id=\"error-summary\" role=\"region\" \
         aria-labelledby=\"error-summary-title\" hidden>\
         <h2 id=\"error-summary-title\"></h2><ul></ul></div>",
    );
    for group in Group::ALL {
        if group == Group::Global {
            out.push_str("<details class=\"group global\"");
            if globals_open {
                out.push_str(" open");
            }
            out.push_str("><summary><h2>");
            escape(group.title(), &mut out);
            out.push_str(
                "</h2></summary><p class=\"group-note\">Options of the AWS CLI itself. \
                 They shape the command, never the request body.</p>",
            );
        } else {
            out.push_str("<fieldset class=\"group\"><legend><h2>");
            escape(group.title(), &mut out);
            out.push_str("</h2></legend>");
        }
        for param in params::in_group(group) {
            field(param, &mut out);
        }
        out.push_str(if group == Group::Global {
            "</details>"
        } else {
            "</fieldset>"
        });
    }
    out
}

/// One parameter: label, control, hint, explanation and its (empty) diagnostics list.
fn field(param: &Param, out: &mut String) {
    let flag = param.flag;
    out.push_str("<div class=\"field");
    if param.kind == Kind::Switch {
        out.push_str(" field-switch");
    }
    out.push_str("\" data-flag=\"");
    out.push_str(flag);
    out.push_str("\">");
    // Booleans are a group of radio buttons: their legend is inside the control.
    if param.kind != Kind::Boolean {
        out.push_str("<label class=\"label\" for=\"");
        out.push_str(&control_id(flag));
        out.push_str("\">");
        escape(param.label, out);
        if param.required {
            out.push_str("<span class=\"required\" aria-hidden=\"true\"> required</span>");
        }
        out.push_str(" <code class=\"flag\">--");
        out.push_str(flag);
        out.push_str("</code>");
        if param.v2_only {
            out.push_str("<span class=\"badge\">CLI v2 only</span>");
        }
        out.push_str("</label>");
    }
    match param.kind {
        Kind::Text | Kind::Integer => out.push_str(&text_control(param, false)),
        Kind::Timestamp => time_control(param, out),
        Kind::Boolean => boolean_control(param, out),
        Kind::Choice(_) => {
            out.push_str("<select");
            control_attributes(param, false, "", out);
            out.push_str(&choice_options(param, ""));
            out.push_str("</select>");
        }
        Kind::Switch => {
            out.push_str("<input type=\"checkbox\" value=\"true\"");
            control_attributes(param, false, "", out);
        }
    }
    out.push_str("<p class=\"hint\" id=\"hint-");
    out.push_str(flag);
    out.push_str("\">");
    escape(param.hint, out);
    out.push_str("</p><details class=\"explain\"><summary>What is this?</summary><p>");
    escape(param.help, out);
    out.push_str("</p></details><ul class=\"diagnostics\" id=\"diag-");
    out.push_str(flag);
    out.push_str("\"></ul></div>");
}

/// A text control: an `<input>`, or a `<textarea>` when the value holds a line break (an
/// `<input>` would silently drop the break from what the user sees and edits). Integers get a
/// numeric keyboard but stay text, so nothing typed is lost.
pub fn text_control(param: &Param, multiline: bool) -> String {
    let mut out = String::new();
    out.push_str(if multiline {
        "<textarea rows=\"3\""
    } else {
        "<input type=\"text\" autocomplete=\"off\""
    });
    if !multiline && param.kind == Kind::Integer {
        out.push_str(" inputmode=\"numeric\"");
    }
    control_attributes(param, true, "", &mut out);
    if multiline {
        out.push_str("</textarea>");
    }
    out
}

/// What every control has: id, name, its hint and diagnostics (and `more` ids) as
/// description, and not invalid (until an effect says so); a control `typed` into also gets no
/// spell checking and its required-ness. Closes the start tag.
fn control_attributes(param: &Param, typed: bool, more: &str, out: &mut String) {
    let flag = param.flag;
    out.push_str(" id=\"");
    out.push_str(&control_id(flag));
    out.push_str("\" name=\"");
    out.push_str(flag);
    out.push('"');
    if typed {
        out.push_str(" spellcheck=\"false\"");
        if param.required {
            out.push_str(" aria-required=\"true\"");
        }
    }
    out.push_str(" aria-describedby=\"");
    out.push_str(&described_by(flag));
    out.push_str(more);
    out.push_str("\" aria-invalid=\"false\">");
}

/// The seed time: free text, a zone choice for times typed without one, and a line for the
/// UTC instant that will be sent.
fn time_control(param: &Param, out: &mut String) {
    let flag = param.flag;
    out.push_str("<input type=\"text\" autocomplete=\"off\"");
    control_attributes(param, true, &format!(" instant-{flag}"), out);
    out.push_str(
        "<fieldset class=\"segmented zone\"><legend>A time typed without a zone is</legend>",
    );
    for (zone, text) in ZONES {
        let id = format!("zone-{}", zone.as_str());
        radio(&id, "zone", zone.as_str(), text, out);
    }
    out.push_str("</fieldset><p class=\"instant\" id=\"instant-");
    out.push_str(flag);
    out.push_str("\" aria-live=\"polite\"></p>");
}

/// The three values of a boolean, with the label each radio button shows.
pub fn boolean_choices(flag: &str) -> [(&'static str, String); 3] {
    [
        ("", "Not set".to_owned()),
        ("true", format!("--{flag}")),
        ("false", format!("--no-{flag}")),
    ]
}

/// A three-state boolean: not set, `--flag` or `--no-flag`.
fn boolean_control(param: &Param, out: &mut String) {
    let flag = param.flag;
    out.push_str("<fieldset class=\"segmented\" aria-describedby=\"");
    out.push_str(&described_by(flag));
    out.push_str("\" aria-invalid=\"false\"><legend class=\"label\">");
    escape(param.label, out);
    out.push_str(" <code class=\"flag\">--");
    out.push_str(flag);
    out.push_str("</code></legend>");
    for (i, (value, text)) in boolean_choices(flag).into_iter().enumerate() {
        // The first button carries the field's id so the error summary can focus it.
        let id = if i == 0 {
            control_id(flag)
        } else {
            format!("{}-{value}", control_id(flag))
        };
        radio(&id, flag, value, &text, out);
    }
    out.push_str("</fieldset>");
}

fn radio(id: &str, name: &str, value: &str, text: &str, out: &mut String) {
    out.push_str("<label class=\"seg\" for=\"");
    out.push_str(id);
    out.push_str("\"><input type=\"radio\" id=\"");
    out.push_str(id);
    out.push_str("\" name=\"");
    out.push_str(name);
    out.push_str("\" value=\"");
    out.push_str(value);
    out.push_str("\"><span>");
    escape(text, out);
    out.push_str("</span></label>");
}

/// The options of a fixed list, `current` selected. A value that is not in the list (from an
/// import or a link) stays selected and visible, marked as not valid, until the user picks
/// another.
pub fn choice_options(param: &Param, current: &str) -> String {
    let mut out = String::new();
    let unset = if param.flag == "license-type" {
        "Not set (the service decides)"
    } else {
        "Not set"
    };
    let option = |value: &str, text: &str, out: &mut String| {
        out.push_str("<option value=\"");
        escape(value, out);
        out.push('"');
        if value == current {
            out.push_str(" selected");
        }
        out.push('>');
        escape(text, out);
        out.push_str("</option>");
    };
    option("", unset, &mut out);
    for value in param.choices() {
        option(value, value, &mut out);
    }
    if !current.is_empty() && !param.choices().contains(&current) {
        option(current, &format!("{current} (not valid)"), &mut out);
    }
    out
}

/// The heading of the error summary: how many errors and warnings there are.
pub fn summary_heading(problems: &[Diagnostic]) -> String {
    let errors = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (errors, warnings) {
        (0, w) => format!("{} to check", plural(w, "warning")),
        (e, 0) => format!("{} to fix", plural(e, "error")),
        (e, w) => format!("{} to fix, {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// The error summary's items: each problem with a link to its field's control.
pub fn summary_items(problems: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in problems {
        let label = params::PARAMS
            .iter()
            .find(|p| Some(p.flag) == d.param)
            .map_or("Form", |p| p.label);
        out.push_str("<li class=\"diag diag-");
        out.push_str(d.severity.as_str());
        out.push_str("\"><a");
        if let Some(flag) = d.param {
            out.push_str(" href=\"#");
            out.push_str(&control_id(flag));
            out.push('"');
        }
        out.push('>');
        escape(label, &mut out);
        out.push_str("</a>: ");
        escape(&d.message, &mut out);
        out.push_str("</li>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn every_parameter_has_one_control_hint_and_diagnostics_list() {
        let html = sections(false);
        for param in params::PARAMS {
            let flag = param.flag;
            assert_eq!(count(&html, &format!("id=\"f-{flag}\"")), 1, "{flag}");
            assert_eq!(count(&html, &format!("id=\"hint-{flag}\"")), 1, "{flag}");
            assert_eq!(count(&html, &format!("id=\"diag-{flag}\"")), 1, "{flag}");
            assert_eq!(count(&html, &format!("data-flag=\"{flag}\"")), 1, "{flag}");
            assert!(
                html.contains(&format!("aria-describedby=\"hint-{flag} diag-{flag}")),
                "{flag}"
            );
        }
        assert_eq!(
            count(&html, "<fieldset class=\"group\">"),
            Group::ALL.len() - 1
        );
        assert!(html.contains("<details class=\"group global\">"));
        assert!(sections(true).contains("<details class=\"group global\" open>"));
    }

    #[test]
    fn markup_is_balanced() {
        let html = sections(false);
        for tag in [
            "div", "fieldset", "details", "label", "select", "ul", "p", "legend",
        ] {
            assert_eq!(
                count(&html, &format!("<{tag}>")) + count(&html, &format!("<{tag} ")),
                count(&html, &format!("</{tag}>")),
                "{tag}"
            );
        }
    }

    #[test]
    fn booleans_are_three_radios_and_text_controls_switch_to_textarea() {
        let html = sections(false);
        let boolean = params::PARAMS
            .iter()
            .find(|p| p.kind == Kind::Boolean)
            .expect("a boolean parameter");
        let flag = boolean.flag;
        assert!(html.contains(&format!(
            "id=\"f-{flag}-true\" name=\"{flag}\" value=\"true\""
        )));
        assert!(html.contains(&format!("<span>--no-{flag}</span>")));
        let text = params::PARAMS
            .iter()
            .find(|p| p.kind == Kind::Text)
            .expect("a text parameter");
        assert!(text_control(text, false).starts_with("<input type=\"text\""));
        let area = text_control(text, true);
        assert!(area.starts_with("<textarea rows=\"3\"") && area.ends_with("></textarea>"));
    }

    #[test]
    fn a_stray_choice_stays_selected_and_escaped() {
        let choice = params::PARAMS
            .iter()
            .find(|p| matches!(p.kind, Kind::Choice(_)))
            .expect("a choice parameter");
        let first = choice.choices()[0];
        let html = choice_options(choice, first);
        assert_eq!(count(&html, " selected"), 1);
        assert!(html.contains(&format!("value=\"{first}\" selected")));
        let stray = choice_options(choice, "<b>\"x\"");
        assert!(stray.contains(
            "<option value=\"&lt;b&gt;&quot;x&quot;\" selected>&lt;b&gt;&quot;x&quot; (not valid)</option>"
        ));
        assert!(choice_options(choice, "").starts_with("<option value=\"\" selected>"));
    }

    #[test]
    fn summary_counts_and_links() {
        let problems = [
            Diagnostic::error("server-id", "Required <here>."),
            Diagnostic::warning("role-name", "Odd."),
            Diagnostic::general(Severity::Error, "Whole form."),
        ];
        assert_eq!(summary_heading(&problems), "2 errors to fix, 1 warning");
        assert_eq!(summary_heading(&problems[..1]), "1 error to fix");
        assert_eq!(summary_heading(&problems[1..2]), "1 warning to check");
        let items = summary_items(&problems);
        assert!(items.contains("<a href=\"#f-server-id\">"));
        assert!(items.contains("Required &lt;here&gt;."));
        assert!(items.contains("<li class=\"diag diag-error\"><a>Form</a>: Whole form.</li>"));
    }
}
