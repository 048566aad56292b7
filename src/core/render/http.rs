//! The HTTP request the API receives, as a plain value independent of any HTTP library.

use std::fmt;

use crate::core::request::Request;

/// A prepared request: what a proxy receives and signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Always `POST`.
    pub method: &'static str,
    /// Always `/`.
    pub path: &'static str,
    /// Header name and value pairs, in the order shown.
    pub headers: Vec<(String, String)>,
    /// The body, byte-identical to what the CLI sends.
    pub body: String,
}

impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!("print the request")
    }
}

/// Prepares the request.
pub fn prepare(request: &Request) -> HttpRequest {
    let _ = request;
    todo!("prepare the HTTP request")
}

/// The body alone, exactly as the CLI serializes it.
pub fn body(request: &Request) -> String {
    let _ = request;
    todo!("serialize the body")
}
