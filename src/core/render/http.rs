//! The HTTP request the API receives, as a plain value independent of any HTTP library.
//!
//! The shown request carries no signature, date or credentials: whoever sends it (the CLI, or
//! the tool's proxy) signs it. Only the headers the service routes on are listed.

use std::fmt;

use super::json::{self, Times};
use crate::core::diagnostic::Diagnostic;
use crate::core::params::{Id, OPERATION};
use crate::core::render::Rendered;
use crate::core::request::{Request, Value};

/// The `X-Amz-Target` header value that selects the operation: the model's target prefix and
/// operation name.
pub fn target() -> String {
    format!("{}.{}", OPERATION.metadata.target_prefix, OPERATION.name)
}

/// The `Content-Type` of the request (and of the answer): the model's JSON version.
pub fn content_type() -> String {
    format!("application/x-amz-json-{}", OPERATION.metadata.json_version)
}

/// The service's endpoint prefix in host names (`sms.us-east-1.amazonaws.com`).
const ENDPOINT_PREFIX: &str = OPERATION.metadata.endpoint_prefix;

/// Shown as the host when no Region and no endpoint URL are given.
pub fn host_placeholder() -> String {
    format!("{ENDPOINT_PREFIX}.<region>.amazonaws.com")
}

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

impl HttpRequest {
    /// The value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Prints an HTTP/1.1 message: request line, headers, a blank line, the body. Lines end in
/// `\n` rather than CRLF because the text is meant to be read and copied, not piped to a socket.
impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {} HTTP/1.1", self.method, self.path)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {value}")?;
        }
        writeln!(f)?;
        f.write_str(&self.body)
    }
}

/// The `Host` header: from `--endpoint-url` when given, else the Region's default endpoint,
/// else [`host_placeholder`].
pub fn host(request: &Request) -> String {
    if let Some(Value::Text(url)) = request.get(Id::EndpointUrl) {
        return host_of_url(url);
    }
    match request.get(Id::Region) {
        Some(Value::Text(region)) => {
            let suffix = if region.starts_with("cn-") {
                "amazonaws.com.cn"
            } else {
                "amazonaws.com"
            };
            format!("{ENDPOINT_PREFIX}.{region}.{suffix}")
        }
        _ => host_placeholder(),
    }
}

/// The authority of a URL as a client sends it in `Host`: no user info, host in lower case,
/// and the port only when it is not the scheme's default.
fn host_of_url(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let (name, port) = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
        _ => (authority, None),
    };
    let default_port = match scheme.to_ascii_lowercase().as_str() {
        "http" => Some("80"),
        "https" => Some("443"),
        _ => None,
    };
    let name = name.to_ascii_lowercase();
    match port {
        Some(p) if !p.is_empty() && Some(p) != default_port => format!("{name}:{p}"),
        _ => name,
    }
}

/// Prepares the request.
pub fn prepare(request: &Request) -> HttpRequest {
    let body = body(request);
    HttpRequest {
        method: "POST",
        path: "/",
        headers: vec![
            ("Host".to_owned(), host(request)),
            ("Content-Type".to_owned(), content_type()),
            ("X-Amz-Target".to_owned(), target()),
            ("Content-Length".to_owned(), body.len().to_string()),
        ],
        body,
    }
}

/// The whole request as shown, with a note when the host is only a placeholder.
pub fn render(request: &Request) -> Rendered {
    let mut rendered = Rendered::plain(prepare(request).to_string());
    if request.get(Id::EndpointUrl).is_none() && request.get(Id::Region).is_none() {
        rendered.notes.push(Diagnostic::info(
            Id::Region.flag(),
            "No Region is set, so the host is a placeholder; the CLI would use your profile's \
             Region.",
        ));
    }
    rendered
}

/// The body alone, exactly as the CLI serializes it: Python's `json.dumps` defaults, members
/// in model order, timestamps as whole epoch seconds.
pub fn body(request: &Request) -> String {
    json::one_line(request, Times::Epoch, &[], true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::params;

    fn request(entries: &[(&str, &str)]) -> Request {
        Request::new(entries.iter().map(|(flag, v)| {
            let p = params::by_flag(flag).unwrap();
            (p, Value::Text((*v).to_owned()))
        }))
    }

    #[test]
    fn body_matches_the_reference_example() {
        let r = Request::new([
            (
                params::by_flag("seed-replication-time").unwrap(),
                Value::Time(1_795_600_800),
            ),
            (
                params::by_flag("server-id").unwrap(),
                Value::Text("s-1".into()),
            ),
            (params::by_flag("run-once").unwrap(), Value::Bool(true)),
            (params::by_flag("debug").unwrap(), Value::Switch),
        ]);
        assert_eq!(
            body(&r),
            r#"{"serverId": "s-1", "seedReplicationTime": 1795600800, "runOnce": true}"#
        );
        assert_eq!(body(&Request::default()), "{}");
    }

    #[test]
    fn host_follows_endpoint_then_region() {
        assert_eq!(host(&Request::default()), "sms.<region>.amazonaws.com");
        assert_eq!(
            host(&request(&[("region", "eu-west-1")])),
            "sms.eu-west-1.amazonaws.com"
        );
        assert_eq!(
            host(&request(&[("region", "cn-north-1")])),
            "sms.cn-north-1.amazonaws.com.cn"
        );
        for (url, want) in [
            ("http://127.0.0.1:8080/x", "127.0.0.1:8080"),
            ("https://Proxy.Example:443", "proxy.example"),
            ("http://u:p@h:80/", "h"),
            ("http://[::1]:9000", "[::1]:9000"),
            ("https://[::1]", "[::1]"),
        ] {
            assert_eq!(
                host(&request(&[("region", "us-east-1"), ("endpoint-url", url)])),
                want
            );
        }
    }

    #[test]
    fn shown_request_has_headers_and_byte_length() {
        let r = request(&[("server-id", "é"), ("region", "us-east-1")]);
        let prepared = prepare(&r);
        assert_eq!(prepared.body, r#"{"serverId": "\u00e9"}"#);
        assert_eq!(prepared.header("content-length"), Some("22"));
        assert_eq!(
            prepared.to_string(),
            "POST / HTTP/1.1\nHost: sms.us-east-1.amazonaws.com\nContent-Type: \
             application/x-amz-json-1.1\nX-Amz-Target: \
             AWSServerMigrationService_V2016_10_24.CreateReplicationJob\nContent-Length: 22\n\n\
             {\"serverId\": \"\\u00e9\"}"
        );
        assert!(render(&r).notes.is_empty());
        assert_eq!(render(&Request::default()).notes.len(), 1);
    }
}
