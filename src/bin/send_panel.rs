//! The send panel: a second wasm on the page's main thread, loaded by the page the first time
//! the user asks to send, so the code that reads `config.json`, sends and explains the answer
//! stays out of the first load. Everything it does is [`sms_job_builder::ui::send_panel`].

#[cfg(target_arch = "wasm32")]
fn main() {
    sms_job_builder::ui::send_panel::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "send-panel runs in the browser, loaded by the app: build it with `trunk build --release`."
    );
}
