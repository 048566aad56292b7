//! HTML text for the parts of the page that are written as markup in one piece rather than
//! built node by node (see ARCHITECTURE.md, "Why some views are markup").
//!
//! Every value that reaches markup goes through [`escape`], the one escaping function: it makes
//! text safe both between tags and inside a double-quoted attribute. Nothing here touches the
//! DOM; the UI sets the strings with `innerHTML` and tests read them natively.

pub mod form;
pub mod import;
pub mod outputs;
pub mod submit;

use crate::core::diagnostic::{Diagnostic, Severity};

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` written as character references.
pub fn escape(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// What a severity is called in front of its message; spelled out, never colour alone.
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

/// One `<li>` per diagnostic: its severity in words, where it is (if known), its sentence.
pub fn diagnostic_items<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str("<li class=\"diag diag-");
        out.push_str(d.severity.as_str());
        out.push_str("\"><span class=\"severity\">");
        out.push_str(severity_label(d.severity));
        out.push_str(":</span>");
        if let Some(location) = &d.location {
            out.push_str("<span class=\"location\"> (");
            escape(location, &mut out);
            out.push_str(")</span>");
        }
        out.push(' ');
        escape(&d.message, &mut out);
        out.push_str("</li>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape(text, &mut out);
        out
    }

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(escaped("plain text"), "plain text");
        assert_eq!(
            escaped(r#"<script>alert("x")</script> & 'q'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"
        );
        assert_eq!(escaped("&amp;"), "&amp;amp;");
        assert_eq!(escaped("é ✓ \u{1F600}<"), "é ✓ \u{1F600}&lt;");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn diagnostics_name_severity_and_place_and_escape_the_sentence() {
        let mut located = Diagnostic::general(Severity::Warning, "a <b> \"c\"");
        located.location = Some("line 3".to_owned());
        let html = diagnostic_items(&[
            Diagnostic::error("server-id", "Required."),
            located,
            Diagnostic::info("role-name", "Read as x."),
        ]);
        assert_eq!(
            html,
            "<li class=\"diag diag-error\"><span class=\"severity\">Error:</span> Required.</li>\
             <li class=\"diag diag-warning\"><span class=\"severity\">Warning:</span>\
             <span class=\"location\"> (line 3)</span> a &lt;b&gt; &quot;c&quot;</li>\
             <li class=\"diag diag-info\"><span class=\"severity\">Note:</span> Read as x.</li>"
        );
        assert_eq!(diagnostic_items(&[]), "");
    }
}
