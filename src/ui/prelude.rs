//! The reactive primitives the UI is built from: Leptos's reactive system, `reactive_graph`
//! (signals, memos, render effects, owners and contexts), gathered for one glob import.

pub use reactive_graph::computed::Memo;
pub use reactive_graph::effect::{Effect, RenderEffect};
pub use reactive_graph::graph::untrack;
pub use reactive_graph::owner::{
    LocalStorage, Owner, StoredValue, expect_context, provide_context,
};
pub use reactive_graph::prelude::*;
pub use reactive_graph::signal::RwSignal;
pub use reactive_graph::wrappers::read::Signal;
