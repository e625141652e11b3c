//! Values shared by the entities.

use chrono::{DateTime, Utc};

/// A postal address. Every part may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub street: String,
    pub city: String,
    /// Province, state or region.
    pub region: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2, upper case ("ES", "MX"), or empty.
    pub country: String,
}

impl Address {
    /// True when every part is empty.
    pub fn is_empty(&self) -> bool {
        self.street.is_empty()
            && self.city.is_empty()
            && self.region.is_empty()
            && self.postal_code.is_empty()
            && self.country.is_empty()
    }
}

/// Who created and last changed a record, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

impl Meta {
    /// Metadata of a record created by `user` at `now`.
    pub fn created(now: DateTime<Utc>, user: &str) -> Self {
        Self {
            created_at: now,
            created_by: user.to_owned(),
            updated_at: now,
            updated_by: user.to_owned(),
        }
    }

    /// The same record, changed by `user` at `now`.
    pub fn touched(&self, now: DateTime<Utc>, user: &str) -> Self {
        Self {
            updated_at: now,
            updated_by: user.to_owned(),
            ..self.clone()
        }
    }
}

impl Default for Meta {
    /// The Unix epoch and no user: what a stored record without metadata reads as.
    fn default() -> Self {
        Self {
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            created_by: String::new(),
            updated_at: DateTime::<Utc>::UNIX_EPOCH,
            updated_by: String::new(),
        }
    }
}
