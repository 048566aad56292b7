//! The renderers of the outputs that are not in the first load (the SDK programs, the whole
//! HTTP request and the three skeletons, see `Output::loads_on_first_show`): a wasm on the
//! page's main thread that the page loads the first time one of those outputs is shown.
//! Everything it does is [`sms_job_builder::ui::deferred`].

#[cfg(target_arch = "wasm32")]
fn main() {
    sms_job_builder::ui::deferred::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "deferred-outputs runs in the browser, loaded by the app: build it with `trunk build --release`."
    );
}
