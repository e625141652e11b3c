//! The sync status the UI shows, and what the app's live loop should do next, as a pure state
//! machine: the loop feeds it events (online/offline, a run started, progressed, finished or
//! failed, something changed, the user asked to retry) and carries out the [`Next`] step it
//! answers. Timers, browser events and the runs themselves live in the app crate.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::error::SyncErrorCode;
use super::replicate::Progress;

/// What the UI shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncState {
    /// The device is offline; edits are kept locally.
    Offline,
    /// A run is under way; `progress` after its first batch.
    Syncing { progress: Option<Progress> },
    /// Everything was exchanged at `last_synced_at`.
    UpToDate { last_synced_at: DateTime<Utc> },
    /// The last run failed. `retry_in` is when the loop tries again by itself; `None` when it
    /// will not (a permanent error: the user must act, e.g. sign in again).
    Error {
        code: SyncErrorCode,
        retry_in: Option<Duration>,
    },
}

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncEvent {
    Online,
    Offline,
    /// The loop started a run.
    Started,
    Progressed(Progress),
    /// A run ended without error; `more` when it stopped at its batch limit.
    Finished {
        at: DateTime<Utc>,
        more: bool,
    },
    Failed(SyncErrorCode),
    /// A local edit was saved, or the server's feed announced a change.
    Changed,
    /// The user pressed "retry" (or signed in again).
    RetryRequested,
}

/// What the loop should do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Start a run.
    RunNow,
    /// Start a run after this delay (unless an event comes first).
    RetryAfter(Duration),
    /// Nothing until the next event (a run is going, or everything is exchanged).
    Wait,
    /// Stop any run (dropping it is safe: checkpoints never pass unwritten data) and wait for
    /// the browser's `online` event.
    WaitForOnline,
    /// Wait for the user (a permanent error).
    WaitForUser,
}

/// The sync status with what decides the next step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncMachine {
    pub state: SyncState,
    /// Runs failed in a row (the backoff's attempt number).
    pub failures: u32,
    /// Something changed during a run: run again once it ends.
    pub dirty: bool,
    /// Seeds the retry jitter, so devices that lost the server together do not return together.
    pub seed: u64,
}

impl SyncMachine {
    /// The machine at app start; the first step is to run when online.
    pub fn new(online: bool, seed: u64) -> Self {
        let state = if online {
            SyncState::Syncing { progress: None }
        } else {
            SyncState::Offline
        };
        Self {
            state,
            failures: 0,
            dirty: false,
            seed,
        }
    }

    /// Applies `event` and says what the loop should do next.
    pub fn on(&mut self, event: SyncEvent) -> Next {
        match event {
            SyncEvent::Offline => {
                self.state = SyncState::Offline;
                Next::WaitForOnline
            }
            SyncEvent::Online | SyncEvent::RetryRequested => self.start_over(),
            SyncEvent::Started => {
                self.dirty = false;
                self.state = SyncState::Syncing { progress: None };
                Next::Wait
            }
            SyncEvent::Progressed(progress) => {
                self.state = SyncState::Syncing {
                    progress: Some(progress),
                };
                Next::Wait
            }
            SyncEvent::Finished { at, more } => self.finished(at, more),
            SyncEvent::Failed(code) => self.failed(code),
            SyncEvent::Changed => self.changed(),
        }
    }

    fn start_over(&mut self) -> Next {
        self.failures = 0;
        self.state = SyncState::Syncing { progress: None };
        Next::RunNow
    }

    fn finished(&mut self, at: DateTime<Utc>, more: bool) -> Next {
        self.failures = 0;
        if self.state == SyncState::Offline {
            return Next::WaitForOnline;
        }
        if more || self.dirty {
            return Next::RunNow;
        }
        self.state = SyncState::UpToDate { last_synced_at: at };
        Next::Wait
    }

    fn failed(&mut self, code: SyncErrorCode) -> Next {
        if self.state == SyncState::Offline {
            // A run that was still ending when the device went offline: offline explains it.
            return Next::WaitForOnline;
        }
        if !code.is_retryable() {
            self.state = SyncState::Error {
                code,
                retry_in: None,
            };
            return Next::WaitForUser;
        }
        let delay = backoff_delay(self.failures, self.seed);
        self.failures = self.failures.saturating_add(1);
        self.state = SyncState::Error {
            code,
            retry_in: Some(delay),
        };
        Next::RetryAfter(delay)
    }

    fn changed(&mut self) -> Next {
        match self.state {
            SyncState::UpToDate { .. } => {
                self.state = SyncState::Syncing { progress: None };
                Next::RunNow
            }
            SyncState::Syncing { .. } => {
                self.dirty = true;
                Next::Wait
            }
            // Offline: the edit waits for the network. Error: the retry timer (or the user)
            // brings the next run, which carries the change.
            SyncState::Offline => Next::WaitForOnline,
            SyncState::Error { retry_in: None, .. } => Next::WaitForUser,
            SyncState::Error { .. } => Next::Wait,
        }
    }
}

/// The first retry delay.
pub const BACKOFF_BASE: Duration = Duration::from_secs(1);
/// The longest retry delay.
pub const BACKOFF_CAP: Duration = Duration::from_secs(5 * 60);

/// How long to wait before retry number `attempt` (0 for the first): 1 s, 2 s, 4 s … doubling
/// up to 5 minutes, each shortened by a jitter of up to a quarter derived from `seed` and
/// `attempt` (deterministic: the same inputs give the same delay).
pub fn backoff_delay(attempt: u32, seed: u64) -> Duration {
    let base = BACKOFF_BASE.as_millis() as u64;
    let cap = BACKOFF_CAP.as_millis() as u64;
    // 2^20 s is far past the cap: shifting no further keeps the arithmetic from overflowing.
    let full = (base << attempt.min(20)).min(cap);
    let jitter = mix(seed ^ u64::from(attempt)) % (full / 4 + 1);
    Duration::from_millis(full - jitter)
}

/// SplitMix64's finaliser: spreads nearby inputs over the whole range.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests;
