//! The one parameter table.
//!
//! Every parameter of `aws sms create-replication-job` and every AWS CLI global option the tool
//! offers is one [`Param`] in [`PARAMS`]. The form, the validator, every renderer, every
//! importer and the share-link codec iterate this table.
//!
//! The request members come from the service model ([`crate::core::model`]): a member row is
//! this operation's *overlay*, naming a model member and adding only what the model does not
//! say (the form section, our label, hint and help). Its flag, wire name, kind, allowed values
//! and whether it is required are the model's, looked up when the table is compiled, so a
//! name that is not in the model does not compile. The global options are the CLI's own, not
//! the service's, and are written here in full.

use crate::core::model::{Member, Operation, Service, ShapeKind, sms};

/// The operation this table describes.
pub static OPERATION: &Operation = &sms::CREATE_REPLICATION_JOB;

/// The service whose other operations have plain pages (`?op=…`).
pub static SERVICE: &Service = &sms::SERVICE;

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

/// A parameter of the table, as a typed identity: the form, the request and the rules name
/// parameters by these, never by their flag text. The variants are in table order, and
/// `PARAMS[id as usize]` is that parameter's row (checked when the table is compiled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Id {
    /// `--server-id`.
    ServerId,
    /// `--seed-replication-time`.
    SeedReplicationTime,
    /// `--frequency`.
    Frequency,
    /// `--run-once`.
    RunOnce,
    /// `--license-type`.
    LicenseType,
    /// `--role-name`.
    RoleName,
    /// `--description`.
    Description,
    /// `--number-of-recent-amis-to-keep`.
    NumberOfRecentAmisToKeep,
    /// `--encrypted`.
    Encrypted,
    /// `--kms-key-id`.
    KmsKeyId,
    /// `--region`.
    Region,
    /// `--profile`.
    Profile,
    /// `--output`.
    Output,
    /// `--endpoint-url`.
    EndpointUrl,
    /// `--query`.
    Query,
    /// `--debug`.
    Debug,
    /// `--no-cli-pager`.
    NoCliPager,
    /// `--cli-read-timeout`.
    CliReadTimeout,
    /// `--cli-connect-timeout`.
    CliConnectTimeout,
}

impl Id {
    /// This parameter's row.
    pub fn param(self) -> &'static Param {
        &PARAMS[self as usize]
    }

    /// The CLI option without its dashes.
    pub fn flag(self) -> &'static str {
        self.param().flag
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// Its typed identity (its place in the table).
    pub id: Id,
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

/// The request member of [`OPERATION`] with this name; fails to compile when there is none.
const fn model_member(name: &str) -> &'static Member {
    let members = match OPERATION.input {
        Some(shape) => match &shape.kind {
            ShapeKind::Structure(members) => *members,
            _ => panic!("the request is not a structure"),
        },
        None => panic!("the operation takes no input"),
    };
    let mut i = 0;
    while i < members.len() {
        if same(members[i].name, name) {
            return &members[i];
        }
        i += 1;
    }
    panic!("the overlay names a member the model does not have")
}

/// String equality in a `const fn`.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Kind {
    /// The kind of a scalar member of the model.
    const fn of(member: &Member) -> Kind {
        match &member.shape.kind {
            ShapeKind::String(text) if text.values.is_empty() => Kind::Text,
            ShapeKind::String(text) => Kind::Choice(text.values),
            ShapeKind::Integer(_) => Kind::Integer,
            ShapeKind::Boolean => Kind::Boolean,
            ShapeKind::Timestamp => Kind::Timestamp,
            _ => panic!("the table holds scalar members only"),
        }
    }
}

impl Param {
    /// The row of the request member `name`: flag, wire name, kind and `required` from the
    /// model, the rest from the overlay.
    const fn of_member(
        id: Id,
        name: &str,
        group: Group,
        label: &'static str,
        hint: &'static str,
        help: &'static str,
    ) -> Param {
        let member = model_member(name);
        Param {
            id,
            flag: member.flag,
            scope: Scope::Member(member.name),
            kind: Kind::of(member),
            required: member.required,
            group,
            label,
            hint,
            help,
            v2_only: false,
        }
    }

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

/// Output formats of the AWS CLI (`yaml` and `yaml-stream` exist in v2 only).
pub const OUTPUT_FORMATS: &[&str] = &["json", "text", "table", "yaml", "yaml-stream"];

/// The rows, in the order of [`Id`].
const TABLE: [Param; 19] = [
    Param::of_member(
        Id::ServerId,
        "serverId",
        Group::Required,
        "Server ID",
        "From the SMS server catalog, e.g. s-12345678",
        "Which catalogued on-premises server to replicate. Run `aws sms get-servers` to list the IDs the connector has discovered.",
    ),
    Param::of_member(
        Id::SeedReplicationTime,
        "seedReplicationTime",
        Group::Required,
        "Seed replication time",
        "When the first full copy starts: a date and time (UTC unless a zone is given) or epoch seconds",
        "The moment the initial (seed) replication begins. Later runs follow at the chosen frequency. The CLI reads a time without a zone as UTC, so the tool always writes UTC.",
    ),
    Param::of_member(
        Id::Frequency,
        "frequency",
        Group::Schedule,
        "Frequency (hours)",
        "Hours between incremental runs, 1 to 24",
        "How many hours pass between one incremental replication run and the next.",
    ),
    Param::of_member(
        Id::RunOnce,
        "runOnce",
        Group::Schedule,
        "Run once",
        "Replicate a single time instead of on a schedule",
        "When set, the job performs one replication and stops rather than repeating at the frequency.",
    ),
    Param::of_member(
        Id::LicenseType,
        "licenseType",
        Group::Ami,
        "Licence type",
        "AWS-provided licence or bring your own",
        "The licensing model for the AMI each run produces: AWS supplies the licence, or BYOL uses one you already own. Left unset, the service picks.",
    ),
    Param::of_member(
        Id::RoleName,
        "roleName",
        Group::Ami,
        "IAM role name",
        "A role name, not an ARN, e.g. sms",
        "The IAM role the migration service assumes to act in your account. Give the name only.",
    ),
    Param::of_member(
        Id::Description,
        "description",
        Group::Ami,
        "Description",
        "Free text to recognise the job later",
        "A note stored with the replication job.",
    ),
    Param::of_member(
        Id::NumberOfRecentAmisToKeep,
        "numberOfRecentAmisToKeep",
        Group::Ami,
        "AMIs to keep",
        "How many recent AMIs to retain, 1 to 270",
        "Once more AMIs exist than this number, the oldest one the job made is removed.",
    ),
    Param::of_member(
        Id::Encrypted,
        "encrypted",
        Group::Encryption,
        "Encrypted AMIs",
        "Encrypt the AMIs the job produces",
        "When set, the produced AMIs are encrypted, with the KMS key below or else the account's default EBS key.",
    ),
    Param::of_member(
        Id::KmsKeyId,
        "kmsKeyId",
        Group::Encryption,
        "KMS key",
        "Key ID, alias/name, key ARN or alias ARN",
        "The KMS key used to encrypt the AMIs. Only used together with encrypted AMIs.",
    ),
    Param {
        id: Id::Region,
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
        id: Id::Profile,
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
        id: Id::Output,
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
        id: Id::EndpointUrl,
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
        id: Id::Query,
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
        id: Id::Debug,
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
        id: Id::NoCliPager,
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
        id: Id::CliReadTimeout,
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
        id: Id::CliConnectTimeout,
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

/// The table. Members come first, in the service model's order (which is also the order the
/// CLI serializes them in); global options follow.
pub static PARAMS: &[Param] = &TABLE;

// Each row sits at its identity's place.
const _: () = {
    let mut i = 0;
    while i < TABLE.len() {
        assert!(
            TABLE[i].id as usize == i,
            "a row is not at its identity's place"
        );
        i += 1;
    }
};

/// Whose rules the stricter checks of this operation follow (its console rules).
pub const CONSOLE: &str = "the SMS console";

/// The smallest and largest frequency the SMS console offers, in hours.
pub const FREQUENCY_RANGE: (i64, i64) = (1, 24);
/// The smallest and largest number of AMIs the SMS console lets a job keep.
pub const AMIS_TO_KEEP_RANGE: (i64, i64) = (1, 270);
/// How far ahead the SMS console lets a seed time be, in seconds.
pub const SEED_HORIZON: i64 = 30 * 86_400;

/// What the operation does, in a sentence without its full stop (the SDK programs' first line).
pub const SUMMARY: &str = "Creates an AWS Server Migration Service (SMS) replication job";

/// The one member of the operation's answer (a string): the new job's ID.
pub const RESPONSE_MEMBER: &str = match OPERATION.output {
    Some(shape) => match &shape.kind {
        ShapeKind::Structure([only]) => only.name,
        _ => panic!("the answer has one member"),
    },
    None => panic!("the operation answers"),
};

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

/// The sentence shown next to "Send again".
pub const SEND_AGAIN_WARNING: &str = "Sending again makes a new create call. If the first one \
    reached AWS, this can create a second replication job for the same server (or fail with \
    ReplicationJobAlreadyExistsException). Check the existing jobs first.";

/// What an answer lost on the way means for this operation.
pub const MAY_OR_MAY_NOT: &str = "The job may or may not have been created: the request may have \
    reached AWS before the answer was lost. Check the replication jobs (e.g. aws sms \
    get-replication-jobs) before sending again; nothing is retried automatically.";

/// What each error type of a send usually means and what to check. The operation's own errors come
/// first (the test checks they match the service model); then errors a signing proxy or AWS's
/// front door produce.
pub const ERROR_MEANINGS: &[(&str, &str)] = &[
    (
        "InvalidParameterException",
        "A value is not acceptable to the service, for example a server id that does not exist \
         in this account and region, a role name that is not an IAM role, or a KMS key it \
         cannot use. Check the values named in the message.",
    ),
    (
        "MissingRequiredParameterException",
        "The service did not find a required value (serverId or seedReplicationTime). Since the \
         app refuses to send without them, a layer between the page and AWS probably changed \
         the body.",
    ),
    (
        "UnauthorizedOperationException",
        "The account the proxy signs for is not allowed to do this. Check the IAM policy of the \
         proxy's credentials (it needs sms:CreateReplicationJob) and any organization policy.",
    ),
    (
        "OperationNotPermittedException",
        "The service does not allow this for the server right now, for example because the \
         server is already being replicated or is in a state that forbids it.",
    ),
    (
        "ServerCannotBeReplicatedException",
        "This server cannot be replicated: it may be of an unsupported type or operating \
         system, or the connector reports it as not replicable. Check the server catalog.",
    ),
    (
        "ReplicationJobAlreadyExistsException",
        "A replication job already exists for this server. It may be the one an earlier send \
         created; look it up instead of creating another.",
    ),
    (
        "NoConnectorsAvailableException",
        "No healthy Server Migration Connector can handle this server. Check that the \
         connector is running, registered and associated with the server's vCenter or host.",
    ),
    (
        "InternalError",
        "AWS failed on its side while handling the call.",
    ),
    (
        "TemporarilyUnavailableException",
        "The service was temporarily unable to handle the call. Wait a while, and check the \
         jobs before sending again.",
    ),
    (
        "AccessDeniedException",
        "The credentials the proxy signs with are not allowed to call \
         sms:CreateReplicationJob. Add it to their IAM policy (see docs/deploy.md).",
    ),
    (
        "UnrecognizedClientException",
        "AWS does not know the access key the proxy signs with. Check the proxy's credentials \
         (a deleted key, or a key from another partition).",
    ),
    (
        "InvalidClientTokenId",
        "AWS does not know the access key the proxy signs with. Check the proxy's credentials.",
    ),
    (
        "InvalidSignatureException",
        "The signature does not match the request AWS received. Usually the signing proxy signs \
         for another host, region or service name than the request goes to (start it with \
         --name sms --region R --host sms.R.amazonaws.com), or something after it changes the \
         request.",
    ),
    (
        "SignatureDoesNotMatch",
        "The signature does not match the request AWS received. Check the signing proxy's \
         host, region and service name, and that nothing after it changes the request.",
    ),
    (
        "IncompleteSignatureException",
        "The request's signature is malformed; the signing proxy is misconfigured.",
    ),
    (
        "MissingAuthenticationTokenException",
        "The request reached AWS without a signature: it did not pass through the signing \
         proxy, or the proxy has no credentials.",
    ),
    (
        "ExpiredTokenException",
        "The temporary credentials the proxy signs with have expired. Refresh them (or give \
         the proxy a role it can renew).",
    ),
    (
        "InvalidSignatureExpiredException",
        "The signature is too old, usually because the proxy machine's clock is wrong. Check \
         its time synchronisation.",
    ),
    (
        "ThrottlingException",
        "Too many calls in a short time; nothing was created. Wait before sending again.",
    ),
    (
        "SerializationException",
        "AWS could not read the body. A layer between the page and AWS probably changed it.",
    ),
    (
        "UnknownOperationException",
        "AWS did not recognise the operation: the request probably went to another service \
         than SMS (check the signing proxy's --host and --name).",
    ),
];

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
    fn the_page_shell_names_the_operation_of_this_table() {
        // boot.js starts the plain page of another operation when `?op=` names one that is
        // not this page's: index.html says which is this page's.
        let html =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        let attribute = format!(
            "<html lang=\"en\" data-operation=\"{}\">",
            OPERATION.cli_name
        );
        assert!(html.contains(&attribute), "index.html lacks {attribute}");
        assert!(
            SERVICE
                .operations
                .iter()
                .any(|op| std::ptr::eq(*op, OPERATION))
        );
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
