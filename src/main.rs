//! Entry point: on `wasm32` it mounts the app; natively it only points at the tests.

#[cfg(target_arch = "wasm32")]
fn main() {
    sms_job_builder::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "sms-job-builder is a browser app: build it with `trunk build --release` (see README.md)."
    );
}
