//! The pure core: everything the app computes, with no browser dependency.
//!
//! Data flows one way: [`form::Form`] (what the user typed, as text) is checked by
//! [`validate::check`] into a [`request::Request`] plus [`diagnostic::Diagnostic`]s; each
//! renderer in [`render`] is a pure function of the checked request; each importer in
//! [`import`] turns a pasted document back into a [`form::Form`].

pub mod call;
pub mod catalog;
pub mod diagnostic;
pub mod form;
pub mod import;
pub mod model;
pub mod params;
pub mod render;
pub mod request;
pub mod share;
pub mod shorthand;
pub mod submit;
pub mod timestamp;
pub mod validate;
pub mod value;
pub mod view;

/// The read-only reference folder (`../shared/reference` beside the clone, or
/// `$SMSJB_REFERENCE_DIR`) that tests compare against.
#[cfg(test)]
pub(crate) fn reference_dir() -> std::path::PathBuf {
    std::env::var_os("SMSJB_REFERENCE_DIR").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference"),
        std::path::PathBuf::from,
    )
}
