//! The Leptos user interface, a thin layer over [`crate::core`].

use leptos::prelude::*;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <main><h1>"SMS Job Builder"</h1></main> });
}
