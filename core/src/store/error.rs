//! Typed errors of the storage layer. The UI maps each variant to a translated message.

/// A document's JSON could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error("document is not a JSON object")]
    NotAnObject,
    #[error("document has no _id")]
    MissingId,
    #[error("document has no valid _rev")]
    BadRev,
}

/// Why one edit of a batch was refused (the rest of the batch still applies).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    /// The edit's parent is not the current winning revision (someone else saved first),
    /// or it creates a document that already exists.
    #[error("document update conflict")]
    Conflict,
    /// Ids must be non-empty and must not start with `_` (reserved, e.g. `_local/`).
    #[error("invalid document id")]
    InvalidId,
    /// A body field starts with `_` (reserved by CouchDB).
    #[error("reserved field name in document body")]
    ReservedField,
}

/// A failure of the store itself; nothing of the batch was written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The browser refused to store more data (QuotaExceededError).
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// The database could not be opened (private mode, blocked upgrade, no IndexedDB).
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// The stored data is newer than this version of the app understands.
    #[error("stored data comes from a newer version of Cartera")]
    VersionTooNew,
    /// A stored record could not be read back.
    #[error("stored record {id} is unreadable: {reason}")]
    Corrupt { id: String, reason: String },
    /// A transaction failed for another reason (aborted, closed database).
    #[error("storage error: {0}")]
    Backend(String),
}

impl StoreError {
    /// Whether trying the same operation again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Backend(_) | Self::Unavailable(_))
    }
}

/// Why a revision could not be added to a revision tree (the planners turn it into
/// [`WriteError::Conflict`]).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    /// The revision is already in the tree.
    #[error("revision already exists")]
    AlreadyExists,
    /// The parent is not in the tree, or is not a leaf (it already has a child).
    #[error("parent revision is not a leaf of the tree")]
    ParentNotALeaf,
    /// The revision's position is not its parent's plus one (or 1 for a first revision).
    #[error("revision position does not follow its parent")]
    BadPosition,
    /// The revision id has position 0 or an empty hash.
    #[error("invalid revision id")]
    InvalidRev,
}
