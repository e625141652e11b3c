//! Errors of the domain layer.

use thiserror::Error;

/// The JSON kind a stored field should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    String,
    Array,
    Object,
    /// An RFC 3339 timestamp string.
    Timestamp,
}

/// A stored document that cannot be read as the entity asked for. Every variant is permanent
/// (retrying reads the same data) and local (it describes data already in the store).
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DomainError {
    /// The winning revision is a deletion.
    #[error("document {id} is deleted")]
    Deleted { id: String },
    /// The document's `type` is not the entity's.
    #[error("document {id} has type {found:?}, expected {expected}")]
    WrongType {
        id: String,
        expected: &'static str,
        found: Option<String>,
    },
    /// A field holds a value of the wrong JSON kind.
    #[error("document {id}: field {field} should be {expected:?}")]
    BadField {
        id: String,
        field: &'static str,
        expected: JsonKind,
    },
}

impl DomainError {
    /// Domain errors never go away by retrying.
    pub fn is_retryable(&self) -> bool {
        false
    }
}
