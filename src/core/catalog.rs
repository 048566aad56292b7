//! The service's operations as the operation picker shows them: grouped the way people use
//! them, each with a one-line description in our words.
//!
//! Like `params.rs` for `create-replication-job`, this is an overlay over the model: an entry
//! names a model operation by its CLI name and adds only what the model does not say (its
//! section and description). A test checks that every operation of the model has exactly one
//! entry and that every entry names one.

use crate::core::model::{Operation, Service};

/// A section of the picker, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// Replicating one server.
    ReplicationJobs,
    /// Applications: groups of servers migrated together.
    Applications,
    /// How an application's servers are replicated.
    AppReplication,
    /// How an application is launched in AWS.
    AppLaunch,
    /// How a launched application is validated.
    AppValidation,
    /// The server catalog and the connectors that fill it.
    Catalog,
}

impl Section {
    /// Every section, in display order.
    pub const ALL: [Section; 6] = [
        Section::ReplicationJobs,
        Section::Applications,
        Section::AppReplication,
        Section::AppLaunch,
        Section::AppValidation,
        Section::Catalog,
    ];

    /// The heading shown above the section.
    pub fn title(self) -> &'static str {
        match self {
            Section::ReplicationJobs => "Replication jobs",
            Section::Applications => "Applications",
            Section::AppReplication => "Application replication",
            Section::AppLaunch => "Application launch",
            Section::AppValidation => "Application validation",
            Section::Catalog => "Server catalog and connectors",
        }
    }
}

/// One operation in the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The operation's CLI name (`create-replication-job`).
    pub cli_name: &'static str,
    /// Where it is listed.
    pub section: Section,
    /// What it does, in one line.
    pub summary: &'static str,
}

const fn entry(cli_name: &'static str, section: Section, summary: &'static str) -> Entry {
    Entry {
        cli_name,
        section,
        summary,
    }
}

/// Every operation, by section and then in the order a migration goes through them.
pub static ENTRIES: &[Entry] = &[
    entry(
        "create-replication-job",
        Section::ReplicationJobs,
        "Start replicating one catalogued server on a schedule, making an AMI each run.",
    ),
    entry(
        "get-replication-jobs",
        Section::ReplicationJobs,
        "List replication jobs, or show one by its ID.",
    ),
    entry(
        "update-replication-job",
        Section::ReplicationJobs,
        "Change a job's schedule, role, licence, AMI retention or encryption.",
    ),
    entry(
        "start-on-demand-replication-run",
        Section::ReplicationJobs,
        "Run a job once now, outside its schedule.",
    ),
    entry(
        "get-replication-runs",
        Section::ReplicationJobs,
        "List the runs of one replication job.",
    ),
    entry(
        "delete-replication-job",
        Section::ReplicationJobs,
        "Stop a job and remove it; the AMIs it made stay.",
    ),
    entry(
        "create-app",
        Section::Applications,
        "Group servers into an application, in server groups, with tags.",
    ),
    entry(
        "list-apps",
        Section::Applications,
        "List applications and their status.",
    ),
    entry(
        "get-app",
        Section::Applications,
        "Show one application with its server groups and tags.",
    ),
    entry(
        "update-app",
        Section::Applications,
        "Rename an application or replace its server groups or tags.",
    ),
    entry(
        "import-app-catalog",
        Section::Applications,
        "Import applications discovered by AWS Application Discovery Service.",
    ),
    entry(
        "generate-template",
        Section::Applications,
        "Write a CloudFormation template of an application to S3.",
    ),
    entry(
        "generate-change-set",
        Section::Applications,
        "Write a CloudFormation change set of an application to S3.",
    ),
    entry(
        "delete-app",
        Section::Applications,
        "Remove an application, optionally stopping its replication and its stack.",
    ),
    entry(
        "put-app-replication-configuration",
        Section::AppReplication,
        "Set how each server of an application is replicated.",
    ),
    entry(
        "get-app-replication-configuration",
        Section::AppReplication,
        "Show how an application's servers are replicated.",
    ),
    entry(
        "start-app-replication",
        Section::AppReplication,
        "Start replicating every server of an application.",
    ),
    entry(
        "start-on-demand-app-replication",
        Section::AppReplication,
        "Replicate every server of an application once now.",
    ),
    entry(
        "stop-app-replication",
        Section::AppReplication,
        "Stop replicating an application's servers.",
    ),
    entry(
        "delete-app-replication-configuration",
        Section::AppReplication,
        "Remove an application's replication settings.",
    ),
    entry(
        "put-app-launch-configuration",
        Section::AppLaunch,
        "Set how each server of an application is launched: order, instance, network, scripts.",
    ),
    entry(
        "get-app-launch-configuration",
        Section::AppLaunch,
        "Show how an application is launched.",
    ),
    entry(
        "launch-app",
        Section::AppLaunch,
        "Launch an application in AWS from its latest replicas.",
    ),
    entry(
        "terminate-app",
        Section::AppLaunch,
        "Terminate the stack a launch created.",
    ),
    entry(
        "delete-app-launch-configuration",
        Section::AppLaunch,
        "Remove an application's launch settings.",
    ),
    entry(
        "put-app-validation-configuration",
        Section::AppValidation,
        "Set the checks run on a launched application: SSM scripts per server, or a Lambda.",
    ),
    entry(
        "get-app-validation-configuration",
        Section::AppValidation,
        "Show an application's validation checks.",
    ),
    entry(
        "get-app-validation-output",
        Section::AppValidation,
        "Show the results of an application's validation checks.",
    ),
    entry(
        "notify-app-validation-output",
        Section::AppValidation,
        "Report the result of a validation check that runs elsewhere.",
    ),
    entry(
        "delete-app-validation-configuration",
        Section::AppValidation,
        "Remove an application's validation checks.",
    ),
    entry(
        "get-servers",
        Section::Catalog,
        "List the servers the connectors discovered, with their VM details.",
    ),
    entry(
        "import-server-catalog",
        Section::Catalog,
        "Refresh the server catalog from the connectors.",
    ),
    entry(
        "delete-server-catalog",
        Section::Catalog,
        "Empty the server catalog.",
    ),
    entry(
        "get-connectors",
        Section::Catalog,
        "List the Server Migration Connectors and their health.",
    ),
    entry(
        "disassociate-connector",
        Section::Catalog,
        "Detach a connector from the service.",
    ),
];

impl Entry {
    /// The model's operation this entry shows.
    pub fn operation(&self, service: &'static Service) -> Option<&'static Operation> {
        service
            .operations
            .iter()
            .copied()
            .find(|op| op.cli_name == self.cli_name)
    }

    /// True when the entry matches what was typed into the picker's filter: every word typed
    /// is part of the CLI name or the description, ignoring case (`repl job`, `launch`,
    /// `createreplication`).
    pub fn matches(&self, typed: &str) -> bool {
        let name = self.cli_name;
        let squashed = name.replace('-', "");
        let summary = self.summary.to_lowercase();
        typed.split_whitespace().all(|word| {
            let word = word.to_lowercase();
            name.contains(&word) || squashed.contains(&word) || summary.contains(&word)
        })
    }
}

/// The entries that match what was typed, in picker order.
pub fn filter(typed: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    ENTRIES.iter().filter(move |e| e.matches(typed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::sms;

    #[test]
    fn every_operation_of_the_model_is_listed_once() {
        for operation in sms::SERVICE.operations {
            let listed = ENTRIES
                .iter()
                .filter(|e| e.cli_name == operation.cli_name)
                .count();
            assert_eq!(listed, 1, "{}", operation.cli_name);
        }
        for entry in ENTRIES {
            assert!(
                entry.operation(&sms::SERVICE).is_some(),
                "{}",
                entry.cli_name
            );
            assert!(entry.summary.ends_with('.') && entry.summary.len() < 100);
        }
        assert_eq!(ENTRIES.len(), sms::SERVICE.operations.len());
        // Sections are listed in display order, none empty.
        assert!(ENTRIES.windows(2).all(|w| w[0].section <= w[1].section));
        for section in Section::ALL {
            assert!(ENTRIES.iter().any(|e| e.section == section), "{section:?}");
        }
    }

    #[test]
    fn typing_part_of_a_name_or_what_it_does_finds_it() {
        let names = |typed| filter(typed).map(|e| e.cli_name).collect::<Vec<_>>();
        assert_eq!(
            names("start-on-demand-replication"),
            ["start-on-demand-replication-run"]
        );
        let launch = names("LAUNCH APP");
        assert!(launch.contains(&"launch-app") && launch.contains(&"put-app-launch-configuration"));
        assert!(!launch.contains(&"create-app"));
        assert_eq!(names("createreplication"), ["create-replication-job"]);
        assert!(names("repl job").contains(&"get-replication-jobs"));
        assert_eq!(names("lambda"), ["put-app-validation-configuration"]);
        assert!(names("nothing-like-this").is_empty());
        assert_eq!(names("  ").len(), ENTRIES.len());
    }
}
