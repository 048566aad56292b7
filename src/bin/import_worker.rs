//! The import worker: a second, separate wasm that the page loads in a Web Worker the first time
//! something is imported, so the importers stay out of the page's first load.
//!
//! It only moves text: each message from the page goes to
//! [`sms_job_builder::core::import_message::answer`] and the answer goes back. Once it listens
//! it says so with the ready message, because messages the page sends before that would be lost.

#[cfg(target_arch = "wasm32")]
fn main() {
    use sms_job_builder::core::import_message::{self, Reply};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that is not text gets a refusal the page can read.
        let request = event.data().as_string().unwrap_or_default();
        let answer = import_message::answer(&request);
        // Posting a string cannot fail; if the page is gone there is nobody to tell.
        let _ = answer_to.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&Reply::Ready.encode()));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "import-worker runs in the browser, loaded by the app: build it with `trunk build --release`."
    );
}
