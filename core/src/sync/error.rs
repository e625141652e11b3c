//! Why a replication stopped, classified local or remote, retryable or permanent. The UI maps
//! each [`SyncErrorCode`] to a translated message; it never shows `to_string()` to a user.

use crate::store::{Rev, StoreError};

use super::remote::RemoteError;
use super::replicate::ReplicationReport;

/// Why a replication run stopped before the end.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The local store failed (nothing of its failed transaction was written).
    #[error("local store failed")]
    Local(#[from] StoreError),
    /// A request to the remote database failed.
    #[error("remote database request failed")]
    Remote(#[from] RemoteError),
    /// The source listed a revision in its changes feed and then said it does not have it.
    /// The batch is not checkpointed; the next run reads the document's current leaves.
    #[error("the source no longer has revision {rev} of {id}")]
    MissingRevision { id: String, rev: Rev },
    /// The source answered only some of the revisions asked (a response cut short).
    #[error("the source answered {answered} of {asked} revisions")]
    IncompleteFetch { asked: usize, answered: usize },
    /// The target failed to store a revision for a reason other than a refusal. The batch is
    /// not checkpointed, so the next run sends it again.
    #[error("revision {rev} of {id} could not be written: {error} ({reason})")]
    WriteFailed {
        id: String,
        rev: Rev,
        error: String,
        reason: String,
    },
}

/// What went wrong, for the UI to translate and for the retry policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyncErrorCode {
    /// Offline or unreachable server.
    Network,
    Timeout,
    /// The server failed or is overloaded (5xx, 429).
    ServerError,
    /// The server's answer could not be read, or was incomplete.
    InvalidResponse,
    /// Sign in again.
    Unauthorized,
    /// The account lacks access to the database.
    Forbidden,
    /// The server has no such database (wrong address or not set up).
    DatabaseMissing,
    /// The server refused the request as malformed or too large.
    BadRequest,
    /// Another replication wrote the same checkpoint at the same time.
    CheckpointConflict,
    /// A revision vanished from the source between two requests.
    MissingRevision,
    /// The target could not store a revision.
    WriteFailed,
    /// The device's storage is full.
    StorageFull,
    /// Local storage could not be opened or a transaction failed.
    StorageUnavailable,
    /// Local data was written by a newer version of the app.
    StorageTooNew,
    /// Local data could not be read back.
    StorageCorrupt,
}

impl SyncErrorCode {
    /// Whether trying again later, without anyone acting, may succeed.
    pub fn is_retryable(self) -> bool {
        !matches!(
            self,
            Self::Unauthorized
                | Self::Forbidden
                | Self::DatabaseMissing
                | Self::BadRequest
                | Self::StorageFull
                | Self::StorageTooNew
                | Self::StorageCorrupt
        )
    }
}

impl SyncError {
    pub fn code(&self) -> SyncErrorCode {
        match self {
            Self::Local(e) => match e {
                StoreError::QuotaExceeded => SyncErrorCode::StorageFull,
                StoreError::Unavailable(_) | StoreError::Backend(_) => {
                    SyncErrorCode::StorageUnavailable
                }
                StoreError::VersionTooNew => SyncErrorCode::StorageTooNew,
                StoreError::Corrupt { .. } => SyncErrorCode::StorageCorrupt,
            },
            Self::Remote(e) => remote_code(e),
            Self::MissingRevision { .. } => SyncErrorCode::MissingRevision,
            Self::IncompleteFetch { .. } => SyncErrorCode::InvalidResponse,
            Self::WriteFailed { .. } => SyncErrorCode::WriteFailed,
        }
    }

    /// Whether trying again later, without anyone acting, may succeed.
    pub fn is_retryable(&self) -> bool {
        self.code().is_retryable()
    }
}

fn remote_code(e: &RemoteError) -> SyncErrorCode {
    match e {
        RemoteError::Network(_) => SyncErrorCode::Network,
        RemoteError::Timeout => SyncErrorCode::Timeout,
        RemoteError::Server { .. } => SyncErrorCode::ServerError,
        RemoteError::InvalidJson(_) | RemoteError::UnexpectedResponse(_) => {
            SyncErrorCode::InvalidResponse
        }
        RemoteError::Conflict => SyncErrorCode::CheckpointConflict,
        RemoteError::Unauthorized { .. } => SyncErrorCode::Unauthorized,
        RemoteError::Forbidden { .. } => SyncErrorCode::Forbidden,
        RemoteError::DatabaseMissing => SyncErrorCode::DatabaseMissing,
        RemoteError::BadRequest { .. } => SyncErrorCode::BadRequest,
    }
}

/// A run that stopped on `error`, with what it did before: `report` counts only batches that
/// were written and checkpointed, and lists the documents the target refused in them (which
/// will not be sent again, so the app must flag them even though the run failed).
#[derive(Debug, thiserror::Error)]
#[error("replication interrupted")]
pub struct Interrupted<R: std::fmt::Debug = ReplicationReport> {
    #[source]
    pub error: SyncError,
    pub report: R,
}
