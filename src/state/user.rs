//! The current user: a local profile (id and display name) kept in localStorage until
//! sign-in arrives with sync.

use leptos::prelude::*;

const NAME_KEY: &str = "cartera.user.name";
const ID_KEY: &str = "cartera.user.id";

/// Who is using this device. `id` is stable (stamped on records as `owner`); `name` is
/// editable in Settings.
#[derive(Clone, Copy, Debug)]
pub struct CurrentUser {
    id: StoredValue<String>,
    name: RwSignal<String>,
}

impl CurrentUser {
    /// Who owns what this user creates (a record's `owner`): the sync server's user name once
    /// signed in (the server's validate_doc_update checks ownership by that name), otherwise a
    /// stable local id (a UUID) for a device that has never signed in.
    pub fn id(&self) -> String {
        crate::state::sync::load_config()
            .map(|c| c.user)
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| self.id.get_value())
    }

    /// The roles the server gave this user at sign-in (empty before any sign-in).
    pub fn roles(&self) -> Vec<String> {
        crate::state::sync::load_config().map_or_else(Vec::new, |c| c.roles)
    }

    /// True when this user may set up the team (pipelines, scoring and routing rules): a
    /// manager or an admin, or a device that has never signed in (its data is its own until it
    /// syncs, and then the server decides). Not reactive: read when a page opens.
    pub fn configures_team(&self) -> bool {
        crate::state::sync::load_config().is_none_or(|c| c.configures_team())
    }

    /// The display name; reactive. Empty until the user sets one.
    pub fn name(&self) -> String {
        self.name.get()
    }

    /// The display name, without subscribing the caller (for initial values).
    pub fn name_untracked(&self) -> String {
        self.name.get_untracked()
    }

    /// Sets and remembers the display name (trimmed).
    pub fn set_name(&self, name: &str) {
        let name = name.trim().to_owned();
        if let Some(storage) = local_storage() {
            // Not being able to remember it (private mode) only costs retyping it later.
            let _ = storage.set_item(NAME_KEY, &name);
        }
        self.name.set(name);
    }
}

pub fn provide_current_user() -> CurrentUser {
    let storage = local_storage();
    let saved = |key: &str| {
        storage
            .as_ref()
            .and_then(|s| s.get_item(key).ok().flatten())
    };
    let id = saved(ID_KEY).unwrap_or_else(|| {
        let id = uuid::Uuid::now_v7().to_string();
        if let Some(s) = &storage {
            let _ = s.set_item(ID_KEY, &id);
        }
        id
    });
    let user = CurrentUser {
        id: StoredValue::new(id),
        name: RwSignal::new(saved(NAME_KEY).unwrap_or_default()),
    };
    provide_context(user);
    user
}

/// Panics only when the app root did not provide it (a programming error).
pub fn expect_current_user() -> CurrentUser {
    expect_context::<CurrentUser>()
}

/// Forgets the local profile (used by "Delete all local data").
pub fn forget_profile() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(NAME_KEY);
        let _ = storage.remove_item(ID_KEY);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
