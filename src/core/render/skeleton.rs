//! The three `--generate-cli-skeleton` outputs, generated from the parameter table.
//!
//! Placeholders follow the value kind as the CLI picks them: an empty string for text, `0` for
//! numbers, `true` for booleans, the first allowed value for a choice and the epoch start for
//! the timestamp. The YAML comments are the first sentence of each parameter's help text.

use std::fmt::Write as _;

use super::json;
use super::yaml;
use crate::core::params::{self, Kind, Param};

/// The JSON placeholder of a member.
fn json_placeholder(param: &Param) -> String {
    match param.kind {
        Kind::Text | Kind::Switch => "\"\"".to_owned(),
        Kind::Timestamp => "\"1970-01-01T00:00:00\"".to_owned(),
        Kind::Integer => "0".to_owned(),
        Kind::Boolean => "true".to_owned(),
        Kind::Choice(values) => {
            let mut out = String::new();
            json::push_string(&mut out, values.first().copied().unwrap_or(""), &[]);
            out
        }
    }
}

/// The YAML placeholder of a member (the timestamp is an unquoted YAML date-time here, as the
/// CLI writes it).
fn yaml_placeholder(param: &Param) -> String {
    match param.kind {
        Kind::Text | Kind::Switch => "''".to_owned(),
        Kind::Timestamp => "1970-01-01 00:00:00".to_owned(),
        Kind::Integer => "0".to_owned(),
        Kind::Boolean => "true".to_owned(),
        Kind::Choice(values) => yaml::scalar(values.first().copied().unwrap_or("")),
    }
}

/// The one-line comment of a member: `[REQUIRED] ` when required, the first sentence of its
/// help, and the allowed values of a choice.
pub fn comment(param: &Param) -> String {
    let help = param.help;
    let sentence = help.find(". ").map_or(help, |end| &help[..=end]);
    let mut out = String::new();
    if param.required {
        out.push_str("[REQUIRED] ");
    }
    out.push_str(sentence);
    let values = param.choices();
    if !values.is_empty() {
        let _ = write!(out, " Valid values are: {}.", values.join(", "));
    }
    out
}

/// `--generate-cli-skeleton` / `input`.
pub fn input() -> String {
    json::indented(params::members().filter_map(|p| p.member().map(|m| (m, json_placeholder(p)))))
}

/// `--generate-cli-skeleton yaml-input`. Like the CLI, the first line has two spaces before
/// its `#` and every other line one.
pub fn yaml_input() -> String {
    let mut out = String::new();
    for (i, param) in params::members().enumerate() {
        let member = param.member().unwrap_or(param.flag);
        let gap = if i == 0 { "  " } else { " " };
        let _ = writeln!(
            out,
            "{member}: {}{gap}# {}",
            yaml_placeholder(param),
            comment(param)
        );
    }
    out
}

/// `--generate-cli-skeleton output`.
pub fn output() -> String {
    let mut value = String::new();
    json::push_string(&mut value, params::RESPONSE_MEMBER, &[]);
    json::indented([(params::RESPONSE_MEMBER, value)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(name: &str) -> String {
        let path = crate::core::reference_dir().join(name);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    #[test]
    fn json_skeletons_are_byte_identical_to_the_cli() {
        assert_eq!(input(), reference("skeleton-input.json"));
        assert_eq!(output(), reference("skeleton-output.json"));
    }

    #[test]
    fn yaml_skeleton_has_the_cli_shape_in_our_words() {
        let ours = yaml_input();
        let theirs = reference("skeleton-yaml-input.yaml");
        assert!(ours.ends_with('\n') && !ours.ends_with("\n\n"));
        assert_eq!(ours.lines().count(), theirs.lines().count());
        for (mine, cli) in ours.lines().zip(theirs.lines()) {
            let (my_value, my_comment) = mine.split_once("# ").unwrap();
            let (cli_value, cli_comment) = cli.split_once("# ").unwrap();
            assert_eq!(my_value, cli_value, "key, placeholder and gap");
            assert_eq!(
                my_comment.starts_with("[REQUIRED] "),
                cli_comment.starts_with("[REQUIRED] "),
                "{mine}"
            );
            let values = "Valid values are: AWS, BYOL.";
            assert_eq!(my_comment.ends_with(values), cli_comment.ends_with(values));
            assert!(
                (my_comment.ends_with('.') && !my_comment.contains(". "))
                    || my_comment.ends_with(values)
            );
            assert_ne!(my_comment, cli_comment, "the comment must be in our words");
        }
        // The skeleton is valid YAML that reads back with the placeholders.
        let map: serde_yaml::Mapping = serde_yaml::from_str(&ours).unwrap();
        assert_eq!(map.len(), params::members().count());
        assert_eq!(map["serverId"], serde_yaml::Value::String(String::new()));
        assert_eq!(map["licenseType"], serde_yaml::Value::String("AWS".into()));
    }
}
