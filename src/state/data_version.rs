//! A counter bumped after every write, so lists and resources that read it refetch.

use leptos::prelude::*;

/// Bumped after every successful write; read it inside a resource's fetcher to refetch.
#[derive(Clone, Copy, Debug)]
pub struct DataVersion(RwSignal<u64>);

impl DataVersion {
    /// Subscribes the current reactive scope (a resource fetcher, a memo) to data changes.
    pub fn track(&self) -> u64 {
        self.0.get()
    }

    /// The current value, without subscribing.
    pub fn untracked(&self) -> u64 {
        self.0.get_untracked()
    }

    /// Call after every write that succeeded, so every list reads again.
    pub fn bump(&self) {
        self.0.update(|v| *v = v.wrapping_add(1));
    }
}

pub fn provide_data_version() -> DataVersion {
    let version = DataVersion(RwSignal::new(0));
    provide_context(version);
    version
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_data_version() -> DataVersion {
    expect_context::<DataVersion>()
}
