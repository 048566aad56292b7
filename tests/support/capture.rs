//! A local stand-in for the SMS endpoint (`capture_server.py`) and what the tests that run
//! real clients against it share: the recorded requests, scratch folders, short reports.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

/// One request the capture server recorded.
#[derive(Debug)]
pub struct Captured {
    /// `POST`.
    pub method: String,
    /// `/`.
    pub path: String,
    /// Name and value pairs, as received.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl Captured {
    /// A header by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

/// A header of a list by case-insensitive name.
pub fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// `tests/support/capture_server.py`, running for one worker. It stops by itself once its
/// stdin closes, which dropping this does.
pub struct CaptureServer {
    child: Child,
    stdin: Option<ChildStdin>,
    port: u16,
    log: PathBuf,
    /// How many lines of the log were already taken.
    seen: usize,
}

impl CaptureServer {
    /// Starts a server that logs into `dir`, run by this Python.
    pub fn start(python: &Path, dir: &Path) -> Self {
        let log = dir.join("requests.jsonl");
        std::fs::write(&log, "").unwrap();
        let mut child = Command::new(python)
            .arg(super::script("capture_server.py"))
            .arg(&log)
            .arg("600")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cannot start the capture server");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let port = first
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("capture server said {first:?} instead of a port"));
        Self {
            stdin: child.stdin.take(),
            child,
            port,
            log,
            seen: 0,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The requests recorded since the last call.
    pub fn take_new(&mut self) -> Vec<Captured> {
        let text = std::fs::read_to_string(&self.log).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let new = lines[self.seen..]
            .iter()
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                Captured {
                    method: v["method"].as_str().unwrap().to_owned(),
                    path: v["path"].as_str().unwrap().to_owned(),
                    headers: v["headers"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|h| {
                            (
                                h[0].as_str().unwrap().to_owned(),
                                h[1].as_str().unwrap().to_owned(),
                            )
                        })
                        .collect(),
                    body: base64_decode(v["body_b64"].as_str().unwrap()),
                }
            })
            .collect();
        self.seen = lines.len();
        new
    }
}

impl Drop for CaptureServer {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

/// Standard base64 (with padding), as the capture server writes bodies.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for group in text.as_bytes().chunks(4) {
        let data: Vec<u8> = group.iter().copied().filter(|&c| c != b'=').collect();
        let bits = data
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &c)| acc | (value(c) << (18 - 6 * i)));
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..data.len()]);
    }
    out
}

/// Keeps failure reports readable when a case carries 10,000 characters.
pub fn clip(text: &str) -> String {
    const MAX: usize = 1500;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}… ({} characters in all)", text.chars().count())
    }
}

/// A scratch folder, removed when dropped (also when a test panics).
pub struct Scratch(pub PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh scratch folder for this test process.
pub fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!(
        "smsjb-{name}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// Prints a line the test harness does not swallow.
pub fn report(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}
