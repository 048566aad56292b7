//! The import panel: a wasm on the page's main thread, loaded by the page the first time the
//! import panel is opened, so the panel and its messages to the import worker stay out of the
//! first load. Everything it does is [`sms_job_builder::ui::import_panel`].

#[cfg(target_arch = "wasm32")]
fn main() {
    sms_job_builder::ui::import_panel::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "import-panel runs in the browser, loaded by the app: build it with `trunk build --release`."
    );
}
