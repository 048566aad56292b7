//! The three `--generate-cli-skeleton` outputs.

/// `--generate-cli-skeleton` / `input`.
pub fn input() -> String {
    todo!("skeleton input")
}

/// `--generate-cli-skeleton yaml-input`.
pub fn yaml_input() -> String {
    todo!("skeleton yaml-input")
}

/// `--generate-cli-skeleton output`.
pub fn output() -> String {
    todo!("skeleton output")
}
