//! The import worker: a second, separate wasm that the page loads in a Web Worker the first time
//! something is imported, so the importers stay out of the page's first load.
//!
//! It only moves messages: each request from the page (a plain object, read with
//! `serde-wasm-bindgen`) goes to [`sms_job_builder::core::import::message::answer`] and the
//! reply goes back. Once it listens it says so with the ready message, because messages the
//! page sends before that would be lost.

#[cfg(target_arch = "wasm32")]
fn main() {
    use sms_job_builder::core::import::message::{self, Reply, Request};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let post = move |reply: &Reply| {
        // A reply is plain data and always converts; if the page is gone there is nobody to
        // tell.
        if let Ok(value) = serde_wasm_bindgen::to_value(reply) {
            let _ = answer_to.post_message(&value);
        }
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that is not a request gets a refusal the page can read.
        let reply = match serde_wasm_bindgen::from_value::<Request>(event.data()) {
            Ok(request) => message::answer(&request),
            Err(why) => message::refusal(why),
        };
        post(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    if let Ok(ready) = serde_wasm_bindgen::to_value(&Reply::Ready {
        v: message::VERSION,
    }) {
        let _ = scope.post_message(&ready);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "import-worker runs in the browser, loaded by the app: build it with `trunk build --release`."
    );
}
