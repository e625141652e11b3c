//! Two devices edit the same record offline, then sync through the server: edits to different
//! fields merge by themselves (the device that kept the common ancestor resolves the conflict,
//! the other receives the resolution); a field both changed stays for the user, alone.

use serde_json::json;

use crate::store::Doc;
use crate::sync::testing::MemoryRemote;
use crate::sync::{auto_merge_since, merge_leaves, replication_id, resolve_conflict};

use super::*;

const LAPTOP: &str = "laptop-1";
const PHONE: &str = "phone-2";

/// One sync run of `device` (push, then pull), with its own replication ids.
async fn run(device: &str, store: &MemoryStore, remote: &MemoryRemote, session: &str) {
    let push_r = Replication::new(replication_id(device, SERVER, None), session);
    let pull_r = Replication::new(replication_id(SERVER, device, None), session);
    crate::sync::sync(store, remote, &push_r, &pull_r, &mut quiet())
        .await
        .unwrap();
}

/// What the app's loop does: a run, the automatic merges of what it brought, and another run
/// to push them. Returns how many conflicts merged.
async fn sync_and_merge(
    device: &str,
    store: &MemoryStore,
    remote: &MemoryRemote,
    session: &str,
) -> usize {
    let before = store.info().await.unwrap().update_seq;
    run(device, store, remote, session).await;
    let merged = auto_merge_since(store, before).await.unwrap();
    if merged > 0 {
        run(device, store, remote, &format!("{session}-merged")).await;
    }
    merged
}

fn contact(job: &str, phone: &str, notes: &str, at: &str, by: &str) -> Value {
    json!({
        "type": "contact", "given_name": "Lucía", "family_name": "Ferrer",
        "job_title": job, "phones": [phone], "notes": notes,
        "updated_at": at, "updated_by": by,
    })
}

/// The contact on both devices as the laptop created it, then each device's offline edit.
async fn edited_offline(
    laptop: &MemoryStore,
    phone: &MemoryStore,
    remote: &MemoryRemote,
    on_laptop: Value,
    on_phone: Value,
) {
    let first = contact(
        "Compras",
        "+34611222333",
        "",
        "2026-03-01T09:00:00.000Z",
        "ana",
    );
    create(laptop, "lucia", first).await;
    sync_and_merge(LAPTOP, laptop, remote, "l0").await;
    sync_and_merge(PHONE, phone, remote, "p0").await;
    update(laptop, "lucia", on_laptop).await;
    update(phone, "lucia", on_phone).await;
}

/// The one live version of `id` on a store, failing when it is still in conflict.
async fn only_version(store: &MemoryStore, id: &str) -> Doc {
    let mut leaves = store.get_conflicts(id).await.unwrap();
    assert_eq!(leaves.len(), 1, "{id} has no conflict left: {leaves:?}");
    leaves.remove(0)
}

#[test]
fn edits_to_different_fields_offline_merge_by_themselves_on_both_devices() {
    pollster::block_on(async {
        let (laptop, phone, remote) = (MemoryStore::new(), MemoryStore::new(), MemoryRemote::new());
        let on_laptop = contact(
            "Compras",
            "+34600111222",
            "",
            "2026-03-02T10:00:00.000Z",
            "ana",
        );
        let on_phone = contact(
            "Compras",
            "+34611222333",
            "WhatsApp",
            "2026-03-02T11:00:00.000Z",
            "ana",
        );
        edited_offline(&laptop, &phone, &remote, on_laptop, on_phone).await;

        assert_eq!(
            sync_and_merge(LAPTOP, &laptop, &remote, "l1").await,
            0,
            "nothing to merge yet"
        );
        assert_eq!(
            sync_and_merge(PHONE, &phone, &remote, "p1").await,
            1,
            "the phone pulls the laptop's edit and merges it"
        );
        assert_eq!(
            sync_and_merge(LAPTOP, &laptop, &remote, "l2").await,
            0,
            "it gets the merge"
        );

        assert_identical(&laptop, &remote).await;
        assert_identical(&phone, &remote).await;
        let server = only_version(remote.store(), "lucia").await;
        assert_eq!(only_version(&laptop, "lucia").await, server);
        assert_eq!(only_version(&phone, "lucia").await, server);
        assert_eq!(
            Value::Object(server.body),
            contact(
                "Compras",
                "+34600111222",
                "WhatsApp",
                "2026-03-02T11:00:00.000Z",
                "ana"
            ),
            "both changes, and the later edit's time"
        );
    });
}

#[test]
fn two_devices_merging_the_same_conflict_write_the_same_revisions() {
    pollster::block_on(async {
        let (laptop, phone, remote) = (MemoryStore::new(), MemoryStore::new(), MemoryRemote::new());
        let on_laptop = contact(
            "Compras",
            "+34600111222",
            "",
            "2026-03-02T10:00:00.000Z",
            "ana",
        );
        let on_phone = contact(
            "Compras",
            "+34611222333",
            "WhatsApp",
            "2026-03-02T11:00:00.000Z",
            "ana",
        );
        edited_offline(&laptop, &phone, &remote, on_laptop, on_phone).await;

        run(LAPTOP, &laptop, &remote, "l1").await;
        // The phone pulls the conflict but closes before merging it.
        run(PHONE, &phone, &remote, "p1").await;
        assert_eq!(phone.get_conflicts("lucia").await.unwrap().len(), 2);
        assert_eq!(
            sync_and_merge(LAPTOP, &laptop, &remote, "l2").await,
            1,
            "the laptop merges"
        );
        // Reopened, the phone merges it too before it pulls the laptop's merge.
        assert_eq!(auto_merge_since(&phone, 0).await.unwrap(), 1);
        run(PHONE, &phone, &remote, "p2").await;
        run(LAPTOP, &laptop, &remote, "l3").await;

        assert_identical(&laptop, &remote).await;
        assert_identical(&phone, &remote).await;
        assert_eq!(
            remote.store().get_conflicts("lucia").await.unwrap().len(),
            1,
            "the same merge twice is the same revision: no new conflict"
        );
    });
}

#[test]
fn a_field_both_devices_changed_stays_for_the_user_and_only_it() {
    pollster::block_on(async {
        let (laptop, phone, remote) = (MemoryStore::new(), MemoryStore::new(), MemoryRemote::new());
        let on_laptop = contact(
            "Jefa de compras",
            "+34600111222",
            "",
            "2026-03-02T10:00:00.000Z",
            "ana",
        );
        let on_phone = contact(
            "Directora comercial",
            "+34611222333",
            "WhatsApp",
            "2026-03-02T11:00:00.000Z",
            "ana",
        );
        edited_offline(&laptop, &phone, &remote, on_laptop, on_phone).await;

        sync_and_merge(LAPTOP, &laptop, &remote, "l1").await;
        assert_eq!(
            sync_and_merge(PHONE, &phone, &remote, "p1").await,
            0,
            "not without the user"
        );
        let leaves = phone.get_conflicts("lucia").await.unwrap();
        assert_eq!(leaves.len(), 2, "the conflict stays");
        let record = phone.record("lucia").await.unwrap().unwrap();
        let base = phone.conflict_base("lucia").await.unwrap();
        let merge = merge_leaves(&record.tree, base.as_ref(), &leaves[0], &leaves[1..]);
        assert_eq!(
            merge.conflicts,
            vec!["job_title"],
            "only the job title is asked about"
        );
        assert_eq!(
            merge.merged["phones"],
            json!(["+34600111222"]),
            "the laptop's phone"
        );
        assert_eq!(merge.merged["notes"], "WhatsApp", "the phone's notes");
        assert_eq!(
            merge.base.as_ref().map(|b| &b["job_title"]),
            Some(&json!("Compras"))
        );

        let mut chosen = merge.merged;
        chosen.insert("job_title".into(), json!("Directora comercial"));
        let resolved = resolve_conflict(&phone, &leaves[0], &leaves[1..], chosen).await;
        assert!(matches!(resolved, Ok(Ok(_))), "{resolved:?}");
        run(PHONE, &phone, &remote, "p2").await;
        assert_eq!(sync_and_merge(LAPTOP, &laptop, &remote, "l2").await, 0);

        assert_identical(&laptop, &remote).await;
        assert_identical(&phone, &remote).await;
        let server = only_version(remote.store(), "lucia").await;
        assert_eq!(
            (
                &server.body["job_title"],
                &server.body["phones"],
                &server.body["notes"]
            ),
            (
                &json!("Directora comercial"),
                &json!(["+34600111222"]),
                &json!("WhatsApp")
            )
        );
    });
}
