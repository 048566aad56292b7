//! The proxy address: where the request goes, worked out from the page's own address.
//!
//! The config may give the proxy URL relative to the page (`./aws/sms/`), so the core resolves
//! it itself, the way a browser does (RFC 3986 reference resolution), instead of asking the DOM.
//! To be sure the browser lands on the same address, anything the browser would rewrite on its
//! own (spaces, backslashes, non-ASCII text) is refused with a message rather than guessed at.

use std::fmt;

/// An absolute `http`/`https` address, split into the parts resolution needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// `http` or `https`, lower case.
    scheme: String,
    /// `host` or `host:port`, host in lower case, the scheme's default port left out.
    authority: String,
    /// Starts with `/`.
    path: String,
    /// Without the `?`.
    query: Option<String>,
}

impl Url {
    /// Reads an absolute address. Only `http` and `https` are accepted; a fragment is dropped.
    pub fn parse(text: &str) -> Result<Url, String> {
        check_characters(text)?;
        let Some((scheme, rest)) = split_scheme(text) else {
            return Err(format!(
                "\"{text}\" is not an absolute address (it should start with https:// or http://)."
            ));
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(scheme_refused(&scheme));
        }
        let Some(rest) = rest.strip_prefix("//") else {
            return Err(format!(
                "\"{text}\" has no host: after {scheme}: there must be // and a host name."
            ));
        };
        let (authority, path, query) = split_after_authority(rest);
        let authority = normalize_authority(&scheme, authority)?;
        Ok(Url {
            scheme,
            authority,
            path: if path.is_empty() {
                "/".to_owned()
            } else {
                remove_dot_segments(path)
            },
            query: query.map(str::to_owned),
        })
    }

    /// Resolves `reference` (absolute, or relative to this address) the way a browser does.
    pub fn join(&self, reference: &str) -> Result<Url, String> {
        check_characters(reference)?;
        let reference = strip_fragment(reference);
        if reference.is_empty() {
            return Err("the address is empty.".to_owned());
        }
        if let Some((scheme, _)) = split_scheme(reference) {
            let lower = scheme.to_ascii_lowercase();
            if lower != "http" && lower != "https" {
                return Err(scheme_refused(&lower));
            }
            return Url::parse(reference);
        }
        if let Some(rest) = reference.strip_prefix("//") {
            return Url::parse(&format!("{}://{rest}", self.scheme));
        }
        let (path, query) = match reference.split_once('?') {
            Some((p, q)) => (p, Some(q.to_owned())),
            None => (reference, None),
        };
        // An empty path (the reference is only `?query`) keeps the page's path.
        let path = if path.is_empty() {
            self.path.clone()
        } else if path.starts_with('/') {
            remove_dot_segments(path)
        } else {
            let base_dir = &self.path[..=self.path.rfind('/').unwrap_or(0)];
            remove_dot_segments(&format!("{base_dir}{path}"))
        };
        Ok(Url {
            scheme: self.scheme.clone(),
            authority: self.authority.clone(),
            path,
            query,
        })
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host without a port (an IPv6 address keeps its brackets).
    pub fn host(&self) -> &str {
        match self.authority.rfind(':') {
            Some(i) if !self.authority[i..].contains(']') => &self.authority[..i],
            _ => &self.authority,
        }
    }

    /// `scheme://host[:port]`: two addresses with the same origin need no CORS.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }

    /// True for hosts a browser treats as secure even over plain `http` (this machine).
    pub fn is_loopback(&self) -> bool {
        let host = self.host();
        host == "localhost"
            || host.ends_with(".localhost")
            || host == "[::1]"
            || host
                .strip_prefix("127.")
                .is_some_and(|rest| rest.split('.').count() == 3)
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority, self.path)?;
        if let Some(query) = &self.query {
            write!(f, "?{query}")?;
        }
        Ok(())
    }
}

fn scheme_refused(scheme: &str) -> String {
    format!(
        "addresses starting with {scheme}: are refused; the proxy address must use https or http."
    )
}

/// Refuses what a browser would silently rewrite, so the core and the browser never disagree.
fn check_characters(text: &str) -> Result<(), String> {
    if text.trim() != text {
        return Err("the address starts or ends with spaces; remove them.".to_owned());
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || *c == '\\' || !c.is_ascii())
    {
        return Err(format!(
            "the address contains {}, which a browser would rewrite; percent-encode it (or use /).",
            describe_char(c)
        ));
    }
    Ok(())
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\\' => "a backslash".to_owned(),
        c if c.is_control() || c.is_whitespace() => format!("the character U+{:04X}", u32::from(c)),
        c => format!("\"{c}\""),
    }
}

/// `scheme:rest` when the text starts with a scheme (letters, then letters, digits, `+-.`).
fn split_scheme(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| (scheme, &text[colon + 1..]))
}

fn strip_fragment(text: &str) -> &str {
    text.split_once('#').map_or(text, |(before, _)| before)
}

/// Splits what follows `//` into authority, path and query (the fragment is dropped).
fn split_after_authority(rest: &str) -> (&str, &str, Option<&str>) {
    let rest = strip_fragment(rest);
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match tail.split_once('?') {
        Some((path, query)) => (authority, path, Some(query)),
        None => (authority, tail, None),
    }
}

fn normalize_authority(scheme: &str, authority: &str) -> Result<String, String> {
    if authority.contains('@') {
        return Err(
            "the address holds a user name or password (before @); credentials never belong in \
             config.json, which anyone can download. Let the signing proxy hold them."
                .to_owned(),
        );
    }
    let (host, port) = match authority.rfind(':') {
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
        _ => (authority, None),
    };
    if host.is_empty() {
        return Err("the address has no host name.".to_owned());
    }
    let host_ok = if host.starts_with('[') {
        host.ends_with(']')
            && host[1..host.len() - 1]
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        host.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
    };
    if !host_ok {
        return Err(format!("\"{host}\" is not a host name."));
    }
    let host = host.to_ascii_lowercase();
    let default_port = if scheme == "https" { "443" } else { "80" };
    match port {
        None | Some("") => Ok(host),
        Some(p) if !p.bytes().all(|b| b.is_ascii_digit()) || p.parse::<u16>().is_err() => {
            Err(format!("\"{p}\" is not a port number (1 to 65535)."))
        }
        Some(p) => {
            let p = p.trim_start_matches('0');
            if p == default_port {
                Ok(host)
            } else if p.is_empty() {
                Err("port 0 cannot be used.".to_owned())
            } else {
                Ok(format!("{host}:{p}"))
            }
        }
    }
}

/// RFC 3986 section 5.2.4: removes `.` and `..` segments from an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." | ".." => {
                if *segment == ".." {
                    out.pop();
                }
                // A trailing dot segment still leaves the path ending in `/`.
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://tools.example.com/sms/index.html?x=1#top";

    fn check(reference: &str, expect: &str) {
        let page = Url::parse(PAGE).unwrap();
        let got = page.join(reference).map(|u| u.to_string());
        assert_eq!(got.as_deref(), Ok(expect), "resolving {reference:?}");
    }

    fn refused(reference: &str, needle: &str) {
        let page = Url::parse(PAGE).unwrap();
        let err = page.join(reference).unwrap_err();
        assert!(err.contains(needle), "{reference:?} gave {err:?}");
    }

    #[test]
    fn relative_addresses_resolve_against_the_page_directory() {
        check("./aws/sms/", "https://tools.example.com/sms/aws/sms/");
        check("aws/sms/", "https://tools.example.com/sms/aws/sms/");
        check("../aws/", "https://tools.example.com/aws/");
        check("../../../aws", "https://tools.example.com/aws");
        check("/aws/sms/", "https://tools.example.com/aws/sms/");
        check("./", "https://tools.example.com/sms/");
        check(".", "https://tools.example.com/sms/");
        check("..", "https://tools.example.com/");
        check("a/./b/../c", "https://tools.example.com/sms/a/c");
        check(
            "proxy?stage=prod#x",
            "https://tools.example.com/sms/proxy?stage=prod",
        );
        check("?q", "https://tools.example.com/sms/index.html?q");
    }

    #[test]
    fn absolute_and_scheme_relative_addresses() {
        check(
            "https://proxy.example.net/sms/",
            "https://proxy.example.net/sms/",
        );
        check("HTTPS://Proxy.Example.NET", "https://proxy.example.net/");
        check(
            "//proxy.example.net:8443/x",
            "https://proxy.example.net:8443/x",
        );
        check(
            "https://proxy.example.net:443/x",
            "https://proxy.example.net/x",
        );
        check("http://127.0.0.1:8080/aws/", "http://127.0.0.1:8080/aws/");
        check("http://[::1]:9000/", "http://[::1]:9000/");
    }

    #[test]
    fn other_schemes_and_odd_characters_are_refused() {
        refused("javascript:alert(1)", "javascript:");
        refused("JavaScript:alert(1)", "javascript:");
        refused("data:text/plain,hi", "data:");
        refused("file:///etc/passwd", "file:");
        refused("ftp://example.com/", "ftp:");
        refused("", "empty");
        refused(" ./aws/", "spaces");
        refused("./a b/", "a space");
        refused("./a\\b/", "backslash");
        refused("./é/", "\"é\"");
        refused("https:///path", "no host");
        refused("https://h:99999/", "port");
        refused("https://h:x/", "port");
        refused("https://user:pass@h/", "credentials");
        refused("https://exa mple.com/", "a space");
        refused("https://exa_mple!.com/", "host name");
    }

    #[test]
    fn origin_host_and_loopback() {
        let u = Url::parse("http://LOCALHOST:8080/a?b").unwrap();
        assert_eq!(u.origin(), "http://localhost:8080");
        assert_eq!(u.host(), "localhost");
        assert!(u.is_loopback());
        assert!(Url::parse("http://127.0.0.1/").unwrap().is_loopback());
        assert!(Url::parse("http://[::1]:80/").unwrap().is_loopback());
        assert_eq!(Url::parse("http://[::1]:80/").unwrap().host(), "[::1]");
        assert!(
            !Url::parse("http://127.0.0.1.nip.io/")
                .unwrap()
                .is_loopback()
        );
        assert!(!Url::parse("http://example.com/").unwrap().is_loopback());
        assert_eq!(
            Url::parse("https://a.example:443").unwrap().origin(),
            "https://a.example"
        );
    }
}
