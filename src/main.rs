//! Entry point: on `wasm32` it mounts the app; natively it only points at the tests.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(sms_job_builder::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "sms-job-builder is a browser app: build it with `trunk build --release` (see README.md)."
    );
}
