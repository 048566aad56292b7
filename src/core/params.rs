//! The one parameter table.
//!
//! Every parameter of `aws sms create-replication-job` and every AWS CLI global option the tool
//! offers is one [`Param`] in [`PARAMS`]. The CLI flag spelling and the API member name are
//! written here and nowhere else: the form, the validator, every renderer, every importer and
//! the share-link codec iterate this table.

/// What kind of value a parameter takes; decides validation, the form control and quoting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, sent as a JSON string.
    Text,
    /// A point in time, sent as whole epoch seconds.
    Timestamp,
    /// A whole number.
    Integer,
    /// A three-state boolean: not set, `--flag` or `--no-flag`.
    Boolean,
    /// One of a fixed list of values (the CLI itself does not check the list).
    Choice(&'static [&'static str]),
    /// A global flag with no value that is either given or not (`--debug`).
    Switch,
}

/// Where a parameter belongs: in the API request, or to the CLI itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A member of the `CreateReplicationJob` request, with its API member name.
    Member(&'static str),
    /// An AWS CLI global option; never part of the request body.
    Global,
}

/// The form section a parameter is shown in, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// The two members the API requires.
    Required,
    /// How often the job runs.
    Schedule,
    /// What the produced AMIs look like and how many are kept.
    Ami,
    /// Encryption of the produced AMIs.
    Encryption,
    /// AWS CLI global options.
    Global,
}

impl Group {
    /// Every group, in display order.
    pub const ALL: [Group; 5] = [
        Group::Required,
        Group::Schedule,
        Group::Ami,
        Group::Encryption,
        Group::Global,
    ];

    /// The section heading shown to users.
    pub fn title(self) -> &'static str {
        match self {
            Group::Required => "Required",
            Group::Schedule => "Schedule",
            Group::Ami => "AMIs and licence",
            Group::Encryption => "Encryption",
            Group::Global => "AWS CLI global options",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The CLI option without its leading dashes (`server-id`); also the form control's
    /// `name` and the share-link key. For booleans, the negative form is `no-` + this.
    pub flag: &'static str,
    /// API member or global option.
    pub scope: Scope,
    /// Value type.
    pub kind: Kind,
    /// Whether the API refuses a request without it.
    pub required: bool,
    /// Form section.
    pub group: Group,
    /// A short label for the form.
    pub label: &'static str,
    /// One line shown under the control (an example of a good value).
    pub hint: &'static str,
    /// A short explanation of what the parameter does.
    pub help: &'static str,
    /// True when only AWS CLI v2 knows this option (v1 refuses it as unknown).
    pub v2_only: bool,
}

impl Param {
    /// The API member name, or `None` for a global option.
    pub fn member(&self) -> Option<&'static str> {
        match self.scope {
            Scope::Member(name) => Some(name),
            Scope::Global => None,
        }
    }

    /// True for members of the API request.
    pub fn is_member(&self) -> bool {
        matches!(self.scope, Scope::Member(_))
    }

    /// The allowed values of a choice, or an empty list.
    pub fn choices(&self) -> &'static [&'static str] {
        match self.kind {
            Kind::Choice(values) => values,
            _ => &[],
        }
    }
}

/// Licence types the API knows.
pub const LICENSE_TYPES: &[&str] = &["AWS", "BYOL"];

/// Output formats of the AWS CLI (`yaml` and `yaml-stream` exist in v2 only).
pub const OUTPUT_FORMATS: &[&str] = &["json", "text", "table", "yaml", "yaml-stream"];

/// The table. Members come first, in the service model's order (which is also the order the
/// CLI serializes them in); global options follow.
pub const PARAMS: &[Param] = &[
    Param {
        flag: "server-id",
        scope: Scope::Member("serverId"),
        kind: Kind::Text,
        required: true,
        group: Group::Required,
        label: "Server ID",
        hint: "From the SMS server catalog, e.g. s-12345678",
        help: "Which catalogued on-premises server to replicate. Run `aws sms get-servers` to list the IDs the connector has discovered.",
        v2_only: false,
    },
    Param {
        flag: "seed-replication-time",
        scope: Scope::Member("seedReplicationTime"),
        kind: Kind::Timestamp,
        required: true,
        group: Group::Required,
        label: "Seed replication time",
        hint: "When the first full copy starts: a date and time (UTC unless a zone is given) or epoch seconds",
        help: "The moment the initial (seed) replication begins. Later runs follow at the chosen frequency. The CLI reads a time without a zone as UTC, so the tool always writes UTC.",
        v2_only: false,
    },
    Param {
        flag: "frequency",
        scope: Scope::Member("frequency"),
        kind: Kind::Integer,
        required: false,
        group: Group::Schedule,
        label: "Frequency (hours)",
        hint: "Hours between incremental runs, 1 to 24",
        help: "How many hours pass between one incremental replication run and the next.",
        v2_only: false,
    },
    Param {
        flag: "run-once",
        scope: Scope::Member("runOnce"),
        kind: Kind::Boolean,
        required: false,
        group: Group::Schedule,
        label: "Run once",
        hint: "Replicate a single time instead of on a schedule",
        help: "When set, the job performs one replication and stops rather than repeating at the frequency.",
        v2_only: false,
    },
    Param {
        flag: "license-type",
        scope: Scope::Member("licenseType"),
        kind: Kind::Choice(LICENSE_TYPES),
        required: false,
        group: Group::Ami,
        label: "Licence type",
        hint: "AWS-provided licence or bring your own",
        help: "The licensing model for the AMI each run produces: AWS supplies the licence, or BYOL uses one you already own. Left unset, the service picks.",
        v2_only: false,
    },
    Param {
        flag: "role-name",
        scope: Scope::Member("roleName"),
        kind: Kind::Text,
        required: false,
        group: Group::Ami,
        label: "IAM role name",
        hint: "A role name, not an ARN, e.g. sms",
        help: "The IAM role the migration service assumes to act in your account. Give the name only.",
        v2_only: false,
    },
    Param {
        flag: "description",
        scope: Scope::Member("description"),
        kind: Kind::Text,
        required: false,
        group: Group::Ami,
        label: "Description",
        hint: "Free text to recognise the job later",
        help: "A note stored with the replication job.",
        v2_only: false,
    },
    Param {
        flag: "number-of-recent-amis-to-keep",
        scope: Scope::Member("numberOfRecentAmisToKeep"),
        kind: Kind::Integer,
        required: false,
        group: Group::Ami,
        label: "AMIs to keep",
        hint: "How many recent AMIs to retain, 1 to 270",
        help: "Once more AMIs exist than this number, the oldest one the job made is removed.",
        v2_only: false,
    },
    Param {
        flag: "encrypted",
        scope: Scope::Member("encrypted"),
        kind: Kind::Boolean,
        required: false,
        group: Group::Encryption,
        label: "Encrypted AMIs",
        hint: "Encrypt the AMIs the job produces",
        help: "When set, the produced AMIs are encrypted, with the KMS key below or else the account's default EBS key.",
        v2_only: false,
    },
    Param {
        flag: "kms-key-id",
        scope: Scope::Member("kmsKeyId"),
        kind: Kind::Text,
        required: false,
        group: Group::Encryption,
        label: "KMS key",
        hint: "Key ID, alias/name, key ARN or alias ARN",
        help: "The KMS key used to encrypt the AMIs. Only used together with encrypted AMIs.",
        v2_only: false,
    },
    Param {
        flag: "region",
        scope: Scope::Global,
        kind: Kind::Text,
        required: false,
        group: Group::Global,
        label: "Region",
        hint: "e.g. us-east-1; else your profile's region",
        help: "The AWS Region to send the request to. Without it the CLI uses the profile or AWS_DEFAULT_REGION.",
        v2_only: false,
    },
    Param {
        flag: "profile",
        scope: Scope::Global,
        kind: Kind::Text,
        required: false,
        group: Group::Global,
        label: "Profile",
        hint: "A named profile from your AWS config",
        help: "Which named profile's credentials and settings the CLI uses.",
        v2_only: false,
    },
    Param {
        flag: "output",
        scope: Scope::Global,
        kind: Kind::Choice(OUTPUT_FORMATS),
        required: false,
        group: Group::Global,
        label: "Output format",
        hint: "How the CLI prints the answer",
        help: "The format of the CLI's answer. yaml and yaml-stream exist in CLI v2 only.",
        v2_only: false,
    },
    Param {
        flag: "endpoint-url",
        scope: Scope::Global,
        kind: Kind::Text,
        required: false,
        group: Group::Global,
        label: "Endpoint URL",
        hint: "Override the service URL, e.g. for a proxy",
        help: "Sends the request to this URL instead of the Region's default SMS endpoint.",
        v2_only: false,
    },
    Param {
        flag: "query",
        scope: Scope::Global,
        kind: Kind::Text,
        required: false,
        group: Group::Global,
        label: "Query",
        hint: "A JMESPath filter, e.g. replicationJobId",
        help: "A JMESPath expression the CLI applies to the answer before printing it.",
        v2_only: false,
    },
    Param {
        flag: "debug",
        scope: Scope::Global,
        kind: Kind::Switch,
        required: false,
        group: Group::Global,
        label: "Debug log",
        hint: "Print the CLI's debug log to stderr",
        help: "Makes the CLI log every step, including the raw request and answer.",
        v2_only: false,
    },
    Param {
        flag: "no-cli-pager",
        scope: Scope::Global,
        kind: Kind::Switch,
        required: false,
        group: Group::Global,
        label: "No pager",
        hint: "Print straight to the terminal (CLI v2)",
        help: "Stops CLI v2 from piping its answer through a pager. CLI v1 has no pager and rejects this option.",
        v2_only: true,
    },
    Param {
        flag: "cli-read-timeout",
        scope: Scope::Global,
        kind: Kind::Integer,
        required: false,
        group: Group::Global,
        label: "Read timeout (s)",
        hint: "Seconds to wait for the answer; 0 waits forever",
        help: "The longest time, in seconds, the CLI waits for data from the endpoint. 0 means no limit.",
        v2_only: false,
    },
    Param {
        flag: "cli-connect-timeout",
        scope: Scope::Global,
        kind: Kind::Integer,
        required: false,
        group: Group::Global,
        label: "Connect timeout (s)",
        hint: "Seconds to wait for a connection; 0 waits forever",
        help: "The longest time, in seconds, the CLI waits to open a connection. 0 means no limit.",
        v2_only: false,
    },
];

/// The one member of the operation's answer (a string): the new job's ID.
pub const RESPONSE_MEMBER: &str = "replicationJobId";

/// The parameter with this flag (without dashes), if any.
pub fn by_flag(flag: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.flag == flag)
}

/// The parameter with this API member name, if any.
pub fn by_member(member: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.member() == Some(member))
}

/// The request members, in model order.
pub fn members() -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(|p| p.is_member())
}

/// The global options, in table order.
pub fn globals() -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(|p| !p.is_member())
}

/// The parameters of one form section, in table order.
pub fn in_group(group: Group) -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(move |p| p.group == group)
}

/// The member names in model order, joined as the CLI lists them in its messages.
pub fn member_list() -> String {
    members()
        .filter_map(Param::member)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The service model's request shape, from the shared reference folder beside the clone.
    fn model() -> serde_json::Value {
        let path = crate::core::reference_dir().join("model-constraints.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn members_match_the_service_model_in_order_type_and_required() {
        let model = model();
        let input = &model["input"];
        let model_members: Vec<(&String, &serde_json::Value)> =
            input["members"].as_object().unwrap().iter().collect();
        let ours: Vec<&Param> = members().collect();
        assert_eq!(ours.len(), model_members.len());
        let required: Vec<&str> = input["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for (param, (name, shape)) in ours.iter().zip(model_members) {
            assert_eq!(param.member(), Some(name.as_str()));
            let expected_kind = match shape["type"].as_str().unwrap() {
                "string" if shape.get("enum").is_some() => "choice",
                "string" => "text",
                "timestamp" => "timestamp",
                "integer" => "integer",
                "boolean" => "boolean",
                other => panic!("unexpected model type {other}"),
            };
            let kind = match param.kind {
                Kind::Text => "text",
                Kind::Timestamp => "timestamp",
                Kind::Integer => "integer",
                Kind::Boolean => "boolean",
                Kind::Choice(values) => {
                    let model_values: Vec<&str> = shape["enum"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap())
                        .collect();
                    assert_eq!(values, model_values.as_slice());
                    "choice"
                }
                Kind::Switch => "switch",
            };
            assert_eq!(kind, expected_kind, "{name}");
            assert_eq!(param.required, required.contains(&name.as_str()), "{name}");
        }
    }

    #[test]
    fn flags_and_members_are_unique_and_documented() {
        let mut flags = HashSet::new();
        for p in PARAMS {
            assert!(flags.insert(p.flag), "duplicate flag {}", p.flag);
            assert!(!p.flag.starts_with('-'), "{} keeps its dashes", p.flag);
            assert!(!p.label.is_empty() && !p.hint.is_empty() && !p.help.is_empty());
            if p.kind == Kind::Boolean {
                assert!(
                    by_flag(&format!("no-{}", p.flag)).is_none(),
                    "no-{} would clash",
                    p.flag
                );
            }
        }
    }

    #[test]
    fn members_come_before_globals_and_groups_are_in_display_order() {
        let first_global = PARAMS.iter().position(|p| !p.is_member()).unwrap();
        assert!(PARAMS[first_global..].iter().all(|p| !p.is_member()));
        assert!(PARAMS.windows(2).all(|w| w[0].group <= w[1].group));
        for group in Group::ALL {
            assert!(in_group(group).next().is_some(), "{group:?} is empty");
        }
    }

    #[test]
    fn the_issue_lists_every_global_option_a_user_needs() {
        for flag in [
            "region",
            "profile",
            "output",
            "endpoint-url",
            "query",
            "debug",
            "no-cli-pager",
            "cli-read-timeout",
            "cli-connect-timeout",
        ] {
            assert_eq!(
                by_flag(flag).map(|p| p.scope),
                Some(Scope::Global),
                "{flag}"
            );
        }
    }
}
