//! Runs the Rust programs `tests/sdk.rs` generated, compiled together as one binary.
//!
//! The generated file (its path is `SMSJB_SDK_RUST_CASES` at build time) holds one module per
//! case: the program exactly as the app wrote it, then a `run` function calling its `main`;
//! `CASES` lists those functions and `LITERALS` the strings whose literals are checked.
//! `sdk-rust-check N` runs case N; `sdk-rust-check literals` prints each literal's value as
//! UTF-8 hex, one per line.

include!(env!("SMSJB_SDK_RUST_CASES"));

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    if arg == "literals" {
        for text in LITERALS {
            let hex: String = text.bytes().map(|b| format!("{b:02x}")).collect();
            println!("{hex}");
        }
        return;
    }
    let case: usize = arg.parse().expect("a case number or `literals`");
    if let Err(error) = CASES[case]() {
        eprintln!("{error:?}");
        std::process::exit(1);
    }
}
