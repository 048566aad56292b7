//! SMS Job Builder: builds `aws sms create-replication-job` from one validated form.
//!
//! The crate has two layers. [`core`] is plain Rust: the parameter table, validation, every
//! renderer and importer, share-link encoding and the HTTP request. It never touches the DOM
//! and is tested natively. `ui` (compiled only for `wasm32`) is a thin layer over it, reactive with
//! Leptos signals.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
