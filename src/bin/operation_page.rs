//! The plain page of every other operation: a wasm that `boot.js` starts instead of the main
//! page when the address names another operation (`?op=…`), so none of it is in the main
//! page's first load. Everything it does is [`sms_job_builder::ui::operation_page`].

#[cfg(target_arch = "wasm32")]
fn main() {
    sms_job_builder::ui::operation_page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "operation-page runs in the browser, started by boot.js: build it with `trunk build --release`."
    );
}
