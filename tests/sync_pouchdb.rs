//! The replicator (`cartera_core::sync`) through `HttpRemote` against a REAL PouchDB Server,
//! with the IndexedDB store on the local side, in headless Chromium.
//!
//! The server comes from the build environment (see `sync_support`): scripts/test.sh starts a
//! patched PouchDB Server on a free port with CORS open to the test page's origin, runs
//! server/setup.mjs with server/dev-users.json, and builds the tests with
//! `CARTERA_TEST_SYNC_URL` and `CARTERA_TEST_SYNC_ADMIN` set. Without them every test fails
//! with a message saying so. By hand (`P` the server's port, `W` a free port for the page):
//!
//! ```text
//! WASM_BINDGEN_TEST_ADDRESS=127.0.0.1:W WASM_BINDGEN_TEST_TIMEOUT=600 \
//! CARTERA_TEST_SYNC_URL=http://127.0.0.1:P CARTERA_TEST_SYNC_ADMIN=name:password \
//! CHROMEDRIVER=/usr/bin/chromedriver TMPDIR=.tmp/wbt \
//!   cargo test --target wasm32-unknown-unknown --test sync_pouchdb -- --nocapture
//! ```
#![cfg(target_arch = "wasm32")]

mod sync_support;

use std::time::Duration;

use cartera::remote::{Auth, HttpRemote, json_request, login, logout, session};
use cartera_core::store::{DocStore, Edit, Rev};
use cartera_core::sync::testing::Op;
use cartera_core::sync::{Direction, Remote, RemoteError, SyncErrorCode, pull, push, sync};
use serde_json::json;
use sync_support::faulty::{Fault, Faulty, assert_resumed, until_done};
use sync_support::{
    Snapshot, TestDb, admin, body, contact, drop_store, fresh_store, local_leaves, now, password,
    replication, server, user,
};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Documents of the round trip (about 300 bytes of JSON each).
const DOCS: usize = 10_000;

fn remote(db: &TestDb, auth: Auth) -> HttpRemote {
    HttpRemote::new(&db.url, auth).expect("a valid database URL")
}

#[wasm_bindgen_test]
async fn pull_then_push_keeps_every_document_revision_and_history() {
    let source = TestDb::create("roundtrip-src").await;
    let edited = source.seed_contacts(DOCS).await;
    let (store, name) = fresh_store("roundtrip").await;

    let t = now();
    let from = remote(&source, Auth::Basic(admin()));
    let pulled = pull(&store, &from, &replication(&source.url, &name), &mut |_| {}).await;
    let pull_ms = now() - t;
    let pulled = pulled.expect("pull");
    assert_eq!(pulled.docs_written, DOCS as u64);
    let on_server = Snapshot::of_server(&source).await;
    on_server.assert_same_as(&Snapshot::of_store(&store).await, "after the pull");

    let target = TestDb::create("roundtrip-dst").await;
    let t = now();
    let to = remote(&target, Auth::Basic(admin()));
    let pushed = push(&store, &to, &replication(&name, &target.url), &mut |_| {}).await;
    let push_ms = now() - t;
    assert_eq!(pushed.expect("push").docs_written, DOCS as u64);
    on_server.assert_same_as(&Snapshot::of_server(&target).await, "after the push");
    // The pushed revisions kept their ancestry: the server holds the same history.
    for id in edited.iter().step_by(edited.len() / 5) {
        let history = |db: &TestDb| {
            let url = format!("{}?revs=true", db.doc_url(id));
            async move { sync_support::request("GET", &url, None, &Auth::Basic(admin())).await }
        };
        let (a, b) = (history(&source).await.body, history(&target).await.body);
        assert_eq!(
            a["_revisions"]["ids"].as_array().map(Vec::len),
            Some(2),
            "{id}"
        );
        assert_eq!(a["_revisions"], b["_revisions"], "{id}");
    }
    let rate = |ms: f64| DOCS as f64 / ms * 1000.0;
    console_log!(
        "{DOCS} docs: pull {pull_ms:.0} ms ({:.0} docs/s), push {push_ms:.0} ms ({:.0} docs/s)",
        rate(pull_ms),
        rate(push_ms)
    );
    drop_store(store, &name).await;
    source.delete().await;
    target.delete().await;
}

#[wasm_bindgen_test]
async fn conflicting_edits_keep_both_leaves_and_the_same_winner_on_both_sides() {
    let db = TestDb::create("conflicts").await;
    let (store, name) = fresh_store("conflicts").await;
    let far = remote(&db, Auth::Basic(admin()));
    let reps = || (replication(&name, &db.url), replication(&db.url, &name));
    let deal = |by: &str| json!({"type": "deal", "stage": "open", "by": by});

    // One document both sides share, then edited on each; and one created on both.
    let shared = db
        .save(vec![json!({"_id": "deal-shared", "stage": "open"})])
        .await;
    let (push_rep, pull_rep) = reps();
    sync(&store, &far, &push_rep, &pull_rep, &mut |_| {})
        .await
        .expect("first sync");
    let edit = |id: &str, prev: Option<Rev>, stage: &str| Edit {
        id: id.into(),
        prev,
        deleted: false,
        body: body(json!({"type": "deal", "stage": stage, "by": "phone"})),
    };
    let local = store
        .bulk_docs(vec![
            edit("deal-shared", shared.get("deal-shared").cloned(), "won"),
            edit("deal-twin", None, "won"),
        ])
        .await
        .expect("local edits");
    assert!(local.iter().all(Result::is_ok), "{local:?}");
    let mut server_edit = deal("server");
    server_edit["_id"] = json!("deal-shared");
    server_edit["_rev"] = json!(shared["deal-shared"].to_string());
    let mut twin = deal("server");
    twin["_id"] = json!("deal-twin");
    db.save(vec![server_edit, twin]).await;

    let (push_rep, pull_rep) = reps();
    let report = sync(&store, &far, &push_rep, &pull_rep, &mut |_| {}).await;
    let report = report.expect("sync both ways");
    assert_eq!((report.push.docs_written, report.pull.docs_written), (2, 2));
    for id in ["deal-shared", "deal-twin"] {
        let (local_winner, local_leaves) = local_leaves(&store, id).await;
        let (remote_winner, remote_leaves) = db.leaves(id).await;
        assert_eq!(local_leaves.len(), 2, "{id}: both edits are leaves");
        assert_eq!(
            local_leaves, remote_leaves,
            "{id}: same leaves on both sides"
        );
        assert_eq!(
            local_winner, remote_winner,
            "{id}: same winner on both sides"
        );
    }
    Snapshot::of_server(&db)
        .await
        .assert_same_as(&Snapshot::of_store(&store).await, "after the sync");
    drop_store(store, &name).await;
    db.delete().await;
}

#[wasm_bindgen_test]
async fn a_second_sync_resumes_from_its_checkpoint_and_reads_nothing_new() {
    let db = TestDb::create("resume").await;
    let docs = (0..50)
        .map(|i| contact(&format!("c-{i}"), "ana", i))
        .collect();
    db.save(docs).await;
    let (store, name) = fresh_store("resume").await;
    let far = Faulty::new(remote(&db, Auth::Basic(admin())));
    let run = || async {
        let (push_rep, pull_rep) = (replication(&name, &db.url), replication(&db.url, &name));
        sync(&store, &far, &push_rep, &pull_rep, &mut |_| {}).await
    };

    let first = run().await.expect("first sync");
    assert_eq!(first.pull.docs_written, 50);
    let fetches = far.calls(Op::BulkGet);

    // The push examines the 50 pulled documents once (the server has them all), the pull
    // starts where the first one stopped: nothing is fetched or written.
    let second = run().await.expect("second sync");
    assert_eq!(second.pull.start_seq, first.pull.last_seq);
    assert_eq!((second.pull.docs_checked, second.pull.docs_read), (0, 0));
    assert_eq!((second.push.docs_read, second.push.docs_written), (0, 0));
    assert_eq!(far.calls(Op::BulkGet), fetches);
    assert_eq!(far.calls(Op::BulkDocs), 0);

    let diffs = far.calls(Op::RevsDiff);
    let third = run().await.expect("third sync");
    assert_eq!((third.push.docs_checked, third.pull.docs_checked), (0, 0));
    assert_eq!(far.calls(Op::RevsDiff), diffs, "nothing left to compare");

    db.save(vec![contact("c-new", "ana", 99)]).await;
    let fourth = run().await.expect("fourth sync");
    assert_eq!((fourth.pull.docs_checked, fourth.pull.docs_written), (1, 1));
    assert!(store.get("c-new").await.expect("get").is_some());
    drop_store(store, &name).await;
    db.delete().await;
}

#[wasm_bindgen_test]
async fn an_interrupted_sync_reruns_without_loss_or_duplicates() {
    const N: usize = 1000;
    let source = TestDb::create("faults-src").await;
    // A third of each hundred edited again right away: every page of the feed holds first
    // revisions (taken from the rows) and second ones (fetched with _bulk_get).
    for start in (0..N).step_by(100) {
        let docs = (start..start + 100).map(|i| contact(&format!("c-{i:04}"), "ana", i));
        let revs = source.save(docs.collect()).await;
        let again = revs.iter().enumerate().filter(|(i, _)| i % 3 == 0);
        let again = again.map(|(i, (id, rev))| {
            let mut doc = contact(id, "ana", start + i);
            doc["_rev"] = json!(rev.to_string());
            doc["notes"] = json!("llamar el lunes");
            doc
        });
        source.save(again.collect()).await;
    }
    let (store, name) = fresh_store("faults").await;

    let far = Faulty::new(remote(&source, Auth::Basic(admin())));
    far.inject(Op::Changes, 3, Fault::Truncated);
    far.inject(Op::BulkGet, 5, Fault::ShortAnswer);
    far.inject(Op::BulkGet, 8, Fault::Network);
    far.inject(Op::PutLocal, 4, Fault::LostAnswer);
    let rep_id = format!("pull-{name}");
    let (failed, done) = until_done(Direction::Pull, &store, &far, &rep_id).await;
    // Every fault struck; a run stops at its first one, or at two when they hit the two
    // pipeline stages (write batch k, read batch k+1) of the same step.
    assert_eq!(far.pending(), 0, "every fault struck");
    assert!(
        (2..=4).contains(&failed.len()),
        "{} interrupted runs",
        failed.len()
    );
    let codes: Vec<SyncErrorCode> = failed.iter().map(|f| f.error.code()).collect();
    assert!(codes.contains(&SyncErrorCode::InvalidResponse), "{codes:?}");
    assert_resumed(&failed, &done);
    let on_server = Snapshot::of_server(&source).await;
    let local = Snapshot::of_store(&store).await;
    on_server.assert_same_as(&local, "pull after faults");
    local.assert_no_conflicts("pull after faults");

    let target = TestDb::create("faults-dst").await;
    let far = Faulty::new(remote(&target, Auth::Basic(admin())));
    far.inject(Op::BulkDocs, 2, Fault::LostAnswer);
    far.inject(Op::PutLocal, 3, Fault::Network);
    far.inject(Op::RevsDiff, 5, Fault::Network);
    far.inject(Op::BulkDocs, 6, Fault::Truncated);
    let rep_id = format!("push-{name}");
    let (failed, done) = until_done(Direction::Push, &store, &far, &rep_id).await;
    // Every fault struck; a run stops at its first one, or at two when they hit the two
    // pipeline stages (write batch k, read batch k+1) of the same step.
    assert_eq!(far.pending(), 0, "every fault struck");
    assert!(
        (2..=4).contains(&failed.len()),
        "{} interrupted runs",
        failed.len()
    );
    assert_resumed(&failed, &done);
    let pushed = Snapshot::of_server(&target).await;
    on_server.assert_same_as(&pushed, "push after faults");
    pushed.assert_no_conflicts("push after faults");
    let info = far.info().await.expect("info");
    assert_eq!(info.doc_count, Some(N as u64));
    drop_store(store, &name).await;
    source.delete().await;
    target.delete().await;
}

#[wasm_bindgen_test]
async fn a_document_the_server_refuses_is_reported_and_the_others_are_written() {
    let db = TestDb::with_cartera_rules("refused").await;
    let bruno_doc = contact("contact-bruno", "bruno", 1);
    let put = sync_support::request(
        "PUT",
        &db.doc_url("contact-bruno"),
        Some(bruno_doc.clone()),
        &Auth::Basic(user("bruno")),
    )
    .await;
    assert_eq!(put.status, 201, "bruno writes his contact: {:?}", put.body);
    let bruno_rev: Rev = put.body["rev"].as_str().expect("rev").parse().expect("rev");

    // Ana pulls, edits Bruno's contact (reps may only edit their own) and adds three of hers.
    let (store, name) = fresh_store("refused").await;
    let far = remote(&db, Auth::Basic(user("ana")));
    let pulled = pull(&store, &far, &replication(&db.url, &name), &mut |_| {}).await;
    assert_eq!(pulled.expect("ana pulls").docs_written, 1);
    let mut hijack = bruno_doc;
    hijack["given_name"] = json!("Lucía María");
    hijack["updated_by"] = json!("ana");
    let mut edits = vec![Edit {
        id: "contact-bruno".into(),
        prev: Some(bruno_rev.clone()),
        deleted: false,
        body: body(hijack),
    }];
    for i in 0..3 {
        let id = format!("contact-ana-{i}");
        edits.push(Edit {
            body: body(contact(&id, "ana", i)),
            id,
            prev: None,
            deleted: false,
        });
    }
    let written = store.bulk_docs(edits).await.expect("local edits");
    let Ok(hijack_rev) = written[0].clone() else {
        panic!("local edit: {written:?}")
    };

    let push_rep = replication(&name, &db.url);
    let report = push(&store, &far, &push_rep, &mut |_| {}).await;
    let report = report.expect("the push completes");
    assert_eq!(report.docs_written, 3);
    assert_eq!(report.refused.len(), 1, "{:?}", report.refused);
    let refused = &report.refused[0];
    assert_eq!(
        (refused.id.as_str(), &refused.rev),
        ("contact-bruno", &hijack_rev)
    );
    assert!(refused.reason.contains("not_owner"), "{}", refused.reason);

    let on_server = Snapshot::of_server(&db).await;
    assert_eq!(
        on_server.live["contact-bruno"].0, bruno_rev,
        "Bruno's contact unchanged"
    );
    assert_eq!(on_server.leaves["contact-bruno"].0.len(), 1);
    for i in 0..3 {
        assert!(on_server.live.contains_key(&format!("contact-ana-{i}")));
    }
    // The refusal is checkpointed past, not retried in a loop.
    let again = push(&store, &far, &replication(&name, &db.url), &mut |_| {}).await;
    let again = again.expect("second push");
    assert_eq!((again.docs_read, again.refused.len()), (0, 0));
    drop_store(store, &name).await;
    db.delete().await;
}

fn is_denied(e: &RemoteError) -> bool {
    matches!(
        e,
        RemoteError::Unauthorized { .. } | RemoteError::Forbidden { .. }
    )
}

#[wasm_bindgen_test]
async fn someone_without_a_cartera_role_reads_nothing() {
    let db = TestDb::with_cartera_rules("members").await;
    db.save(vec![contact("contact-1", "ana", 1)]).await;
    let outsider = format!("outsider-{}", uuid::Uuid::now_v7());
    let user_doc = json!({"name": outsider, "password": "pw-1", "roles": [], "type": "user"});
    let path = format!("_users/org.couchdb.user:{outsider}");
    let created = sync_support::as_admin("PUT", &path, Some(user_doc)).await;
    assert_eq!(created.status, 201, "{:?}", created.body);

    let wrong_password = cartera::remote::Credentials::new("ana", "not-her-password");
    for auth in [
        Auth::Basic(cartera::remote::Credentials::new(&outsider, "pw-1")),
        Auth::Anonymous,
        Auth::Basic(wrong_password),
    ] {
        let far = remote(&db, auth.clone());
        let info = far.info().await;
        assert!(info.as_ref().is_err_and(is_denied), "{auth:?}: {info:?}");
        let (store, name) = fresh_store("members").await;
        let pulled = pull(&store, &far, &replication(&db.url, &name), &mut |_| {}).await;
        let error = pulled.expect_err("the pull is refused").error;
        assert!(!error.is_retryable(), "{auth:?}: {error:?}");
        let code = error.code();
        assert!(
            matches!(code, SyncErrorCode::Unauthorized | SyncErrorCode::Forbidden),
            "{code:?}"
        );
        assert_eq!(store.info().await.expect("info").doc_count, 0);
        drop_store(store, &name).await;
    }
    db.delete().await;
}

#[wasm_bindgen_test]
async fn a_cookie_session_signs_in_syncs_and_signs_out() {
    let db = TestDb::with_cartera_rules("cookie").await;
    db.save(vec![contact("contact-1", "bruno", 1)]).await;
    let wrong = login(server(), "marta", "not-her-password").await;
    assert!(
        matches!(wrong, Err(RemoteError::Unauthorized { .. })),
        "{wrong:?}"
    );

    let signed_in = login(server(), "marta", &password("marta")).await;
    let signed_in = signed_in.expect("marta signs in");
    assert_eq!(signed_in.name, "marta");
    assert_eq!(signed_in.roles, vec!["manager".to_owned()]);
    let current = session(server()).await.expect("session");
    assert_eq!(current.map(|s| s.name).as_deref(), Some("marta"));

    let far = remote(&db, Auth::Cookie);
    let (store, name) = fresh_store("cookie").await;
    let pulled = pull(&store, &far, &replication(&db.url, &name), &mut |_| {}).await;
    assert_eq!(pulled.expect("pull with the cookie").docs_written, 1);

    logout(server()).await.expect("sign out");
    assert_eq!(session(server()).await.expect("session"), None);
    let info = far.info().await;
    assert!(info.as_ref().is_err_and(is_denied), "{info:?}");
    drop_store(store, &name).await;
    db.delete().await;
}

#[wasm_bindgen_test]
async fn without_bulk_get_revisions_come_one_document_at_a_time() {
    let db = TestDb::create("open-revs").await;
    db.save(
        (0..30)
            .map(|i| contact(&format!("c-{i}"), "ana", i))
            .collect(),
    )
    .await;
    // A conflict and a tombstone, as another replicator would leave them.
    let leaf = |rev: &str, parent: &str, deleted: bool| {
        let (pos, hash) = rev.split_once('-').expect("rev");
        json!({"_id": "deal-x", "_rev": rev, "_deleted": deleted, "stage": rev,
            "_revisions": {"start": pos.parse::<u64>().expect("pos"), "ids": [hash, parent]}})
    };
    let docs = vec![leaf("2-aaa", "111", false), leaf("2-bbb", "111", false)];
    let body = json!({"docs": docs, "new_edits": false});
    let path = format!("{}/_bulk_docs", db.name);
    sync_support::as_admin("POST", &path, Some(body)).await;
    let gone = db.save(vec![json!({"_id": "gone"})]).await;
    let tomb = json!({"_id": "gone", "_rev": gone["gone"].to_string(), "_deleted": true});
    db.save(vec![tomb]).await;

    let far = remote(&db, Auth::Basic(admin())).without_bulk_get();
    let (store, name) = fresh_store("open-revs").await;
    let pulled = pull(&store, &far, &replication(&db.url, &name), &mut |_| {}).await;
    assert_eq!(pulled.expect("pull").docs_written, 33);
    Snapshot::of_server(&db)
        .await
        .assert_same_as(&Snapshot::of_store(&store).await, "open_revs pull");
    drop_store(store, &name).await;
    db.delete().await;
}

#[wasm_bindgen_test]
async fn requests_end_at_their_deadline_and_failures_are_typed() {
    let db = TestDb::create("deadlines").await;
    let far = remote(&db, Auth::Basic(admin()));
    let since = far.info().await.expect("info").update_seq;

    // PouchDB Server ignores `timeout` on a longpoll: our own deadline ends it.
    let t = now();
    let waited = far
        .wait_for_changes(&since, 10, Duration::from_millis(500))
        .await;
    let waited = waited.expect("nothing new is not an error");
    assert!(waited.results.is_empty() && waited.last_seq == since);
    assert!(now() - t < 10_000.0, "took {} ms", now() - t);

    let url = format!("{}/_changes?feed=longpoll&since=now", db.url);
    let auth = Auth::Basic(admin());
    let hung = json_request("GET", &url, None, &auth, Duration::from_millis(300)).await;
    assert!(matches!(hung, Err(RemoteError::Timeout)), "{hung:?}");

    let closed = HttpRemote::new("http://127.0.0.1:9/cartera", Auth::Anonymous).expect("url");
    let refused = closed.info().await;
    assert!(
        matches!(refused, Err(RemoteError::Network(_))),
        "{refused:?}"
    );

    let missing_url = format!("{}/test-missing-{}", server(), uuid::Uuid::now_v7());
    let missing = HttpRemote::new(&missing_url, Auth::Basic(admin())).expect("url");
    let info = missing.info().await;
    assert!(
        matches!(info, Err(RemoteError::DatabaseMissing)),
        "{info:?}"
    );
    let local = missing.get_local("_local/x").await;
    assert!(
        matches!(local, Err(RemoteError::DatabaseMissing)),
        "{local:?}"
    );
    assert_eq!(
        far.get_local("_local/none").await.expect("no checkpoint"),
        None
    );
    db.delete().await;
}
