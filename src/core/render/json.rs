//! The `--cli-input-json` document.

use crate::core::request::Request;

/// Renders the document: 4-space indent, model order, only members that are set, timestamps
/// as ISO 8601 UTC strings.
pub fn render(request: &Request) -> String {
    let _ = request;
    todo!("render the --cli-input-json document")
}
