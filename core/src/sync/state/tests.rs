use chrono::TimeZone;

use super::*;
use crate::sync::replicate::Direction;

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

#[test]
fn backoff_doubles_from_one_second_up_to_five_minutes() {
    for seed in [0, 1, 42, u64::MAX] {
        let mut previous = Duration::ZERO;
        for attempt in 0..40 {
            let d = backoff_delay(attempt, seed);
            let full = (1u64 << attempt.min(20)).min(300) as f64;
            assert!(
                secs(d) <= full && secs(d) >= full * 0.75,
                "attempt {attempt}: {d:?} within a quarter below {full} s"
            );
            if attempt > 0 && full < 300.0 {
                assert!(d > previous, "keeps growing until the cap");
            }
            previous = d;
        }
    }
    assert!(
        backoff_delay(u32::MAX, 7) <= BACKOFF_CAP,
        "no overflow at any attempt"
    );
}

#[test]
fn backoff_jitter_is_deterministic_and_spreads_devices() {
    assert_eq!(backoff_delay(5, 99), backoff_delay(5, 99));
    let delays: std::collections::BTreeSet<Duration> =
        (0..20).map(|seed| backoff_delay(8, seed)).collect();
    assert!(
        delays.len() > 10,
        "different seeds give different delays: {delays:?}"
    );
}

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, h, 0, 0).unwrap()
}

#[test]
fn a_run_goes_from_syncing_to_up_to_date() {
    let mut m = SyncMachine::new(true, 1);
    assert_eq!(m.state, SyncState::Syncing { progress: None });
    assert_eq!(m.on(SyncEvent::Started), Next::Wait);
    let progress = Progress {
        direction: Direction::Pull,
        done: 100,
        total: Some(250),
    };
    m.on(SyncEvent::Progressed(progress));
    assert_eq!(
        m.state,
        SyncState::Syncing {
            progress: Some(progress)
        }
    );
    assert_eq!(
        m.on(SyncEvent::Finished {
            at: at(9),
            more: true
        }),
        Next::RunNow,
        "more to do"
    );
    assert_eq!(
        m.on(SyncEvent::Finished {
            at: at(9),
            more: false
        }),
        Next::Wait
    );
    assert_eq!(
        m.state,
        SyncState::UpToDate {
            last_synced_at: at(9)
        }
    );
    assert_eq!(
        m.on(SyncEvent::Changed),
        Next::RunNow,
        "a local edit starts a run"
    );
}

#[test]
fn an_edit_during_a_run_runs_again_afterwards() {
    let mut m = SyncMachine::new(true, 1);
    m.on(SyncEvent::Started);
    assert_eq!(m.on(SyncEvent::Changed), Next::Wait);
    assert_eq!(
        m.on(SyncEvent::Finished {
            at: at(9),
            more: false
        }),
        Next::RunNow
    );
    m.on(SyncEvent::Started);
    assert_eq!(
        m.on(SyncEvent::Finished {
            at: at(10),
            more: false
        }),
        Next::Wait
    );
}

#[test]
fn retryable_failures_back_off_and_a_success_resets() {
    let mut m = SyncMachine::new(true, 3);
    let mut delays = Vec::new();
    for _ in 0..3 {
        m.on(SyncEvent::Started);
        match m.on(SyncEvent::Failed(SyncErrorCode::Network)) {
            Next::RetryAfter(d) => delays.push(d),
            other => panic!("a network error retries, got {other:?}"),
        }
    }
    assert_eq!(
        delays,
        vec![
            backoff_delay(0, 3),
            backoff_delay(1, 3),
            backoff_delay(2, 3)
        ]
    );
    assert_eq!(
        m.state,
        SyncState::Error {
            code: SyncErrorCode::Network,
            retry_in: Some(delays[2])
        }
    );
    assert_eq!(
        m.on(SyncEvent::Changed),
        Next::Wait,
        "the retry timer brings the edit"
    );
    m.on(SyncEvent::Started);
    m.on(SyncEvent::Finished {
        at: at(11),
        more: false,
    });
    assert_eq!(m.failures, 0);
    m.on(SyncEvent::Started);
    assert_eq!(
        m.on(SyncEvent::Failed(SyncErrorCode::Timeout)),
        Next::RetryAfter(backoff_delay(0, 3)),
        "the backoff starts over after a success"
    );
}

#[test]
fn a_permanent_failure_waits_for_the_user() {
    let mut m = SyncMachine::new(true, 1);
    m.on(SyncEvent::Started);
    assert_eq!(
        m.on(SyncEvent::Failed(SyncErrorCode::Unauthorized)),
        Next::WaitForUser
    );
    assert_eq!(
        m.state,
        SyncState::Error {
            code: SyncErrorCode::Unauthorized,
            retry_in: None
        }
    );
    assert_eq!(
        m.on(SyncEvent::Changed),
        Next::WaitForUser,
        "edits wait too"
    );
    assert_eq!(
        m.on(SyncEvent::RetryRequested),
        Next::RunNow,
        "signing in again runs"
    );
}

#[test]
fn going_offline_stops_and_coming_back_runs() {
    let mut m = SyncMachine::new(false, 1);
    assert_eq!(m.state, SyncState::Offline);
    assert_eq!(
        m.on(SyncEvent::Changed),
        Next::WaitForOnline,
        "edits are kept locally"
    );
    assert_eq!(m.on(SyncEvent::Online), Next::RunNow);
    m.on(SyncEvent::Started);
    assert_eq!(m.on(SyncEvent::Offline), Next::WaitForOnline);
    assert_eq!(
        m.on(SyncEvent::Failed(SyncErrorCode::Network)),
        Next::WaitForOnline,
        "the dropped run's error is explained by being offline"
    );
    assert_eq!(m.state, SyncState::Offline);
    assert_eq!(m.failures, 0, "being offline is not a failure");
}

#[test]
fn error_codes_say_whether_waiting_helps() {
    for code in [
        SyncErrorCode::Network,
        SyncErrorCode::ServerError,
        SyncErrorCode::InvalidResponse,
        SyncErrorCode::StorageUnavailable,
        SyncErrorCode::MissingRevision,
    ] {
        assert!(code.is_retryable(), "{code:?}");
    }
    for code in [
        SyncErrorCode::Unauthorized,
        SyncErrorCode::Forbidden,
        SyncErrorCode::DatabaseMissing,
        SyncErrorCode::StorageFull,
    ] {
        assert!(!code.is_retryable(), "{code:?}");
    }
}
