//! A service model as data: the operations of a JSON-RPC AWS service and the shapes of their
//! inputs and outputs, as botocore describes them (names, kinds, members in model order,
//! `required`, `min`/`max`/`pattern`, enum values), without documentation.
//!
//! The models the app serves are generated Rust statics (`model/sms.rs`, written by
//! `scripts/gen-model.py` from the pinned botocore and checked by `tests/model.rs`), so the
//! page needs no model parser and links only the shapes of the operations it names. Nothing
//! here knows a particular service: [`Service::from_json`] builds the same types from any
//! botocore JSON-1.1 model (the tests build a small one of their own).

#[rustfmt::skip]
pub mod sms;

/// A service: its metadata and its operations, in model order.
#[derive(Debug)]
pub struct Service {
    /// What every request of the service shares.
    pub metadata: &'static Metadata,
    /// Every operation, in model order.
    pub operations: &'static [&'static Operation],
}

/// What every request of a service shares. (Apart from [`Service`], so that a wasm that names
/// one operation links its metadata without every other operation.)
#[derive(Debug)]
pub struct Metadata {
    /// The CLI's name of the service (`aws <cli_name> …`).
    pub cli_name: &'static str,
    /// The model's service id (`SMS`), which the SDKs name their clients after.
    pub service_id: &'static str,
    /// The model's API version.
    pub api_version: &'static str,
    /// What the `X-Amz-Target` header starts with.
    pub target_prefix: &'static str,
    /// The JSON protocol version (`application/x-amz-json-<json_version>`).
    pub json_version: &'static str,
    /// The `SigV4` signing name.
    pub signing_name: &'static str,
    /// The endpoint's host prefix.
    pub endpoint_prefix: &'static str,
    /// True when the model marks the whole service deprecated.
    pub deprecated: bool,
}

/// One operation (always `POST /` in a JSON-RPC model).
#[derive(Debug)]
pub struct Operation {
    /// The service's metadata.
    pub metadata: &'static Metadata,
    /// The API name (`CreateReplicationJob`), also the `X-Amz-Target` suffix.
    pub name: &'static str,
    /// The CLI command (`create-replication-job`).
    pub cli_name: &'static str,
    /// The request shape, if the operation takes one.
    pub input: Option<&'static Shape>,
    /// The response shape, if any.
    pub output: Option<&'static Shape>,
    /// True when the CLI paginates the operation by itself.
    pub paginated: bool,
}

/// A named shape.
#[derive(Debug)]
pub struct Shape {
    /// The model's shape name.
    pub name: &'static str,
    /// What values it holds.
    pub kind: ShapeKind,
}

/// The kinds of shapes a JSON-RPC model uses.
#[derive(Debug)]
pub enum ShapeKind {
    /// A string, possibly limited to a list of values (an enum).
    String(Text),
    /// A 32-bit integer.
    Integer(Range),
    /// A 64-bit integer.
    Long(Range),
    /// A boolean.
    Boolean,
    /// A point in time.
    Timestamp,
    /// Bytes.
    Blob,
    /// A 32-bit float.
    Float,
    /// A 64-bit float.
    Double,
    /// Named members, in model order.
    Structure(&'static [Member]),
    /// A list of values of one shape.
    List(&'static Shape),
    /// A map from keys of one shape to values of another.
    Map(&'static Shape, &'static Shape),
}

/// The constraints of a string shape.
#[derive(Debug)]
pub struct Text {
    /// The least length, in characters.
    pub min: Option<i64>,
    /// The greatest length, in characters.
    pub max: Option<i64>,
    /// A regular expression the service checks.
    pub pattern: Option<&'static str>,
    /// The values of an enum; empty for free text.
    pub values: &'static [&'static str],
}

/// The bounds of a number shape.
#[derive(Debug)]
pub struct Range {
    /// The least value.
    pub min: Option<i64>,
    /// The greatest value.
    pub max: Option<i64>,
}

/// A member of a structure.
#[derive(Debug)]
pub struct Member {
    /// The member's name on the wire (`serverId`).
    pub name: &'static str,
    /// Its CLI option, without dashes (`server-id`), for a member of a request.
    pub flag: &'static str,
    /// Its shape.
    pub shape: &'static Shape,
    /// True when the structure cannot be sent without it.
    pub required: bool,
}

impl Service {
    /// The operation with this CLI name (`create-app`).
    pub fn operation(&self, cli_name: &str) -> Option<&'static Operation> {
        self.operations
            .iter()
            .copied()
            .find(|op| op.cli_name == cli_name)
    }
}

impl Operation {
    /// The members of the request, in model order (none for an operation without input).
    pub fn members(&self) -> &'static [Member] {
        match self.input.map(|shape| &shape.kind) {
            Some(ShapeKind::Structure(members)) => members,
            _ => &[],
        }
    }

    /// The request member with this name.
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members().iter().find(|m| m.name == name)
    }
}

impl Shape {
    /// The members of a structure, in model order; empty for any other kind.
    pub fn members(&self) -> &'static [Member] {
        match self.kind {
            ShapeKind::Structure(members) => members,
            _ => &[],
        }
    }

    /// The values of an enum; empty for any other shape.
    pub fn values(&self) -> &'static [&'static str] {
        match &self.kind {
            ShapeKind::String(text) => text.values,
            _ => &[],
        }
    }
}

/// A camel-case name as a CLI spelling (`serverId` → `server-id`, `EC2KeyName` →
/// `ec2-key-name`): a dash before a capital that follows a lower-case letter or a digit, and
/// before the last capital of a run that a lower-case letter follows. (botocore's
/// `xform_name`, for the names models use; the generated models carry botocore's own.)
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let before = chars[i - 1];
            let after = chars.get(i + 1).copied();
            let starts_word = before.is_ascii_lowercase()
                || before.is_ascii_digit()
                || (before.is_ascii_uppercase() && after.is_some_and(|a| a.is_ascii_lowercase()));
            if starts_word && !out.ends_with('-') {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
mod json;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sms_model_has_its_35_operations_in_model_order() {
        let ops = sms::SERVICE.operations;
        assert_eq!(ops.len(), 35);
        assert!(ops.windows(2).all(|w| w[0].name < w[1].name));
        assert_eq!(
            sms::SERVICE
                .operation("create-replication-job")
                .map(|o| o.name),
            Some("CreateReplicationJob")
        );
        let without_input: Vec<_> = ops
            .iter()
            .filter(|o| o.members().is_empty())
            .map(|o| o.cli_name)
            .collect();
        assert_eq!(
            without_input,
            ["delete-server-catalog", "import-server-catalog"]
        );
        let paginated = ops.iter().filter(|o| o.paginated).count();
        assert_eq!(paginated, 5);
    }

    #[test]
    fn nested_members_reach_the_shared_timestamp() {
        let op = sms::SERVICE
            .operation("put-app-replication-configuration")
            .unwrap();
        let groups = op.member("serverGroupReplicationConfigurations").unwrap();
        let ShapeKind::List(group) = groups.shape.kind else {
            panic!("a list")
        };
        let servers = group
            .members()
            .iter()
            .find(|m| m.name == "serverReplicationConfigurations")
            .unwrap();
        let ShapeKind::List(server) = servers.shape.kind else {
            panic!("a list")
        };
        let params = server
            .members()
            .iter()
            .find(|m| m.name == "serverReplicationParameters")
            .unwrap();
        let seed = &params.shape.members()[0];
        assert_eq!(seed.name, "seedTime");
        assert!(matches!(seed.shape.kind, ShapeKind::Timestamp));
        assert!(std::ptr::eq(
            seed.shape,
            sms::SERVICE
                .operation("create-replication-job")
                .unwrap()
                .member("seedReplicationTime")
                .unwrap()
                .shape
        ));
    }
}
