//! The send panel's markup: the status before sending is possible, the ready panel, and each
//! stage of the one-request cycle (confirm, sending, outcome). The UI swaps these strings in
//! as the state changes and fills the parts that follow the form (the preview) itself.

use super::{diagnostic_items, escape};
use crate::core::submit::outcome::SEND_AGAIN_WARNING;
use crate::core::submit::{Availability, HOW_TO_ENABLE, Outcome, config};

/// The panel's frame: its heading and the body that follows the availability.
pub const SECTION: &str = "<h2 id=\"submit-title\">Send</h2><div class=\"submit-body\">\
    <p class=\"submit-status\" id=\"submit-status\" data-state=\"loading\">\
    Looking for a send configuration…</p></div>";

/// The panel while `config.json` is being fetched.
pub const LOADING: &str = "<p class=\"submit-status\" id=\"submit-status\" data-state=\"loading\">\
    Looking for a send configuration…</p>";

/// The panel when `config.json` exists, before the send panel's code is loaded: it is read,
/// checked and used only once the user asks to send (see `ui::submit`).
pub const CONFIGURED: &str = "<p class=\"submit-status\" id=\"submit-status\" \
    data-state=\"configured\">This page can send the request through the signing proxy named in \
    config.json. You confirm what is sent first.</p>\
    <p><button type=\"button\" id=\"submit-send\" class=\"send\">Send…</button></p>";

/// While the send panel's code loads.
pub const PANEL_LOADING: &str = "<p class=\"submit-status\" id=\"submit-status\" \
    data-state=\"loading\">Loading the send panel…</p>";

/// When the send panel's code could not be loaded; `why` says what happened.
pub fn panel_failed(why: &str) -> String {
    let mut out = String::from(
        "<div class=\"submit-status\" id=\"submit-status\" data-state=\"broken\">\
         <p>The send panel could not be loaded: ",
    );
    escape(why, &mut out);
    out.push_str(" The rest of the app is not affected.</p></div>");
    out
}

/// The panel for an availability: the status sentence when sending is off, or the send
/// button (`button_text`), its notes, the hint shown while the form has errors, and an empty
/// stage for confirm, progress and outcome.
pub fn availability(availability: &Availability) -> String {
    let mut out = String::new();
    match availability {
        Availability::NotConfigured { reason } => {
            out.push_str("<p class=\"submit-status\" id=\"submit-status\" data-state=\"off\">");
            escape(reason, &mut out);
            out.push(' ');
            escape(HOW_TO_ENABLE, &mut out);
            out.push_str("</p>");
        }
        Availability::Broken { problems } => {
            out.push_str(
                "<div class=\"submit-status\" id=\"submit-status\" data-state=\"broken\">\
                 <p>Sending is off: ",
            );
            escape(config::FILE_NAME, &mut out);
            out.push_str(
                " has problems. The rest of the app is not affected.</p>\
                 <ul class=\"diagnostics\">",
            );
            out.push_str(&diagnostic_items(problems));
            out.push_str("</ul></div>");
        }
        Availability::Ready(target) => {
            out.push_str("<ul class=\"diagnostics notes\">");
            out.push_str(&diagnostic_items(&target.warnings));
            out.push_str("</ul><p><button type=\"button\" id=\"submit-send\" class=\"send\">");
            escape(&target.button_text(), &mut out);
            out.push_str(
                "</button></p><p class=\"submit-hint\" id=\"submit-blocked\" hidden>\
                 Fix the errors in the form first; only a complete request can be sent.</p>\
                 <div class=\"submit-stage\"></div>",
            );
        }
    }
    out
}

/// The confirmation step; `again` when a request was already sent from this page. The
/// preview and its notes are filled in by the UI, which keeps them in step with the form.
pub fn confirm(again: bool) -> String {
    let mut out = String::from(
        "<div class=\"submit-confirm\" id=\"submit-confirm-box\" role=\"group\" \
         aria-label=\"Confirm sending\">",
    );
    if again {
        out.push_str("<p class=\"warning\" id=\"submit-again-warning\">");
        escape(SEND_AGAIN_WARNING, &mut out);
        out.push_str("</p>");
    }
    out.push_str(
        "<p>This request will be sent. Check it, then confirm:</p>\
         <pre class=\"code\" id=\"submit-preview\"></pre>\
         <ul class=\"diagnostics notes\"></ul>\
         <button type=\"button\" id=\"submit-confirm\" class=\"send\">Confirm and send</button> \
         <button type=\"button\" id=\"submit-back\">Do not send</button></div>",
    );
    out
}

/// While waiting for the answer.
pub const SENDING: &str = "<div class=\"submit-progress\" id=\"submit-progress\" role=\"status\" \
    aria-live=\"polite\"><span class=\"spinner\" aria-hidden=\"true\"></span>\
    Sending… waiting for the answer.<button type=\"button\" id=\"submit-cancel\">Cancel</button>\
    </div>";

/// The outcome: title, the job id with a copy button, the explanation (paragraphs separated by
/// a blank line; lines starting with `• ` become a list), the start of the answer's body, and
/// a guarded "send again".
pub fn outcome(outcome: &Outcome) -> String {
    let tone = outcome.tone().as_str();
    let mut out = format!(
        "<div class=\"submit-outcome outcome-{tone}\" id=\"submit-outcome\" data-tone=\"{tone}\" \
         role=\"alert\"><h3 class=\"outcome-title\">"
    );
    escape(&outcome.title(), &mut out);
    out.push_str("</h3>");
    if let Some(id) = outcome.job_id() {
        out.push_str("<p class=\"job-id\">Replication job id: <code id=\"submit-job-id\">");
        escape(id, &mut out);
        out.push_str(
            "</code> <button type=\"button\" id=\"submit-copy-id\" class=\"copy\">Copy</button></p>",
        );
    }
    out.push_str("<div class=\"outcome-text\">");
    explanation(&outcome.explanation(), &mut out);
    if let Some(excerpt) = outcome.excerpt() {
        out.push_str("<p>Its body:</p><pre class=\"code answer-body\">");
        escape(&excerpt.display(), &mut out);
        out.push_str("</pre>");
    }
    out.push_str(
        "</div><p><button type=\"button\" id=\"submit-again\">Send again…</button> \
         <span class=\"submit-hint\">",
    );
    escape(SEND_AGAIN_WARNING, &mut out);
    out.push_str("</span></p></div>");
    out
}

/// Paragraphs (blank-line separated) become `<p>`; lines starting with `• ` become a list.
fn explanation(text: &str, out: &mut String) {
    for paragraph in text.split("\n\n") {
        let mut lead = Vec::new();
        let mut items = Vec::new();
        for line in paragraph.lines() {
            match line.strip_prefix("• ") {
                Some(item) => items.push(item),
                None => lead.push(line),
            }
        }
        if !lead.is_empty() {
            out.push_str("<p>");
            escape(&lead.join(" "), out);
            out.push_str("</p>");
        }
        if !items.is_empty() {
            out.push_str("<ul>");
            for item in items {
                out.push_str("<li>");
                escape(item, out);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::submit::{Fetched, availability as availability_of};

    const PAGE: &str = "https://tools.example.com/sms/";

    #[test]
    fn each_availability_has_its_status_or_button() {
        let off = availability(&availability_of(Fetched::Status(404), PAGE));
        let mut how = String::new();
        escape(HOW_TO_ENABLE, &mut how);
        assert!(
            off.contains("data-state=\"off\"") && off.contains(&how),
            "{off}"
        );
        let broken = availability(&availability_of(Fetched::Text("{not json"), PAGE));
        assert!(broken.contains("data-state=\"broken\"") && broken.contains("diag-error"));
        let ready = availability(&availability_of(
            Fetched::Text(r#"{"proxy": {"url": "/aws/sms/", "label": "<Team> proxy"}}"#),
            PAGE,
        ));
        assert!(ready.contains("id=\"submit-send\""), "{ready}");
        assert!(ready.contains("&lt;Team&gt; proxy"), "{ready}");
        assert!(ready.contains("<div class=\"submit-stage\"></div>"));
    }

    #[test]
    fn before_the_panel_loads_there_is_one_send_button_and_failures_are_escaped() {
        assert!(CONFIGURED.contains("id=\"submit-send\"") && CONFIGURED.contains("config.json"));
        let failed = panel_failed("it <stopped>.");
        assert!(failed.contains("it &lt;stopped&gt;.") && failed.contains("data-state=\"broken\""));
        assert!(
            !failed.contains("<button"),
            "a reload is the way to try again: {failed}"
        );
    }

    #[test]
    fn confirm_warns_only_when_sending_again() {
        assert!(!confirm(false).contains("submit-again-warning"));
        assert!(confirm(true).contains("submit-again-warning"));
        assert!(confirm(true).contains("id=\"submit-preview\""));
    }

    #[test]
    fn explanations_become_paragraphs_and_lists_and_are_escaped() {
        let mut out = String::new();
        explanation(
            "First <line>\nsame paragraph.\n\nLead:\n• one\n• two & three",
            &mut out,
        );
        assert_eq!(
            out,
            "<p>First &lt;line&gt; same paragraph.</p><p>Lead:</p>\
             <ul><li>one</li><li>two &amp; three</li></ul>"
        );
    }

    #[test]
    fn outcomes_carry_tone_title_and_send_again() {
        let html = outcome(&Outcome::Cancelled);
        assert!(html.contains("id=\"submit-outcome\""));
        assert!(html.contains(&format!(
            "data-tone=\"{}\"",
            Outcome::Cancelled.tone().as_str()
        )));
        assert!(html.contains("id=\"submit-again\""));
        assert!(!html.contains("submit-job-id"));
    }
}
