//! One diagnostic as a list item, the same everywhere a list of problems is shown (under a
//! field, under an output, in the import report, in the send panel).

use leptos::prelude::*;

use crate::core::diagnostic::Diagnostic;
use crate::core::view::severity_label;

/// `<li>` with the severity in words, where it is (if known) and the sentence.
pub fn diagnostic_item(d: Diagnostic) -> impl IntoView {
    let class = format!("diag diag-{}", d.severity.as_str());
    let location = d
        .location
        .map(|l| view! { <span class="location">" (" {l} ")"</span> });
    view! {
        <li class=class>
            <span class="severity">{severity_label(d.severity)} ":"</span>
            {location}
            " "
            {d.message}
        </li>
    }
}
