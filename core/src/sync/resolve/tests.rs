use serde_json::{Value, json};

use super::*;

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

fn rev(s: &str) -> Rev {
    s.parse().unwrap()
}

fn doc(r: &str, v: Value) -> Doc {
    Doc {
        id: "c".into(),
        rev: rev(r),
        deleted: false,
        body: body(v),
    }
}

/// 1-a, then two branches 2-b and 2-c; and 2-q under 1-p, which shares nothing with them.
fn tree() -> RevTree {
    let mut t = RevTree::new();
    t.insert(None, rev("1-a"), false).unwrap();
    t.insert(Some(&rev("1-a")), rev("2-b"), false).unwrap();
    t.graft(&rev("2-c"), false, &["c".into(), "a".into()])
        .unwrap();
    t.graft(&rev("2-q"), false, &["q".into(), "p".into()])
        .unwrap();
    t
}

fn base() -> Doc {
    doc(
        "1-a",
        json!({"job": "Compras", "phone": "611", "notes": ""}),
    )
}

#[test]
fn different_fields_against_the_kept_base_merge_without_asking() {
    let winner = doc(
        "2-c",
        json!({"job": "Compras", "phone": "600", "notes": ""}),
    );
    let other = doc(
        "2-b",
        json!({"job": "Compras", "phone": "611", "notes": "WhatsApp"}),
    );
    let m = merge_leaves(&tree(), Some(&base()), &winner, &[other]);
    assert_eq!(
        Value::Object(m.merged.clone()),
        json!({"job": "Compras", "phone": "600", "notes": "WhatsApp"})
    );
    assert!(m.conflicts.is_empty());
    assert_eq!(m.base, Some(base().body));
    assert!(m.is_automatic());
}

#[test]
fn a_field_both_changed_needs_the_user_and_the_rest_is_merged() {
    let winner = doc("2-c", json!({"job": "Jefa", "phone": "600", "notes": ""}));
    let other = doc(
        "2-b",
        json!({"job": "Directora", "phone": "611", "notes": "WhatsApp"}),
    );
    let m = merge_leaves(&tree(), Some(&base()), &winner, &[other]);
    assert_eq!(m.conflicts, vec!["job"]);
    assert_eq!(
        Value::Object(m.merged.clone()),
        json!({"job": "Jefa", "phone": "600", "notes": "WhatsApp"}),
        "the winner's value held for the user; one-sided changes merged"
    );
    assert!(m.base.is_some(), "the base is there to show");
    assert!(!m.is_automatic());
}

#[test]
fn without_the_common_ancestor_nothing_is_automatic() {
    let winner = doc(
        "2-c",
        json!({"job": "Compras", "phone": "600", "notes": ""}),
    );
    let other = doc(
        "2-b",
        json!({"job": "Compras", "phone": "611", "notes": "WhatsApp"}),
    );
    let m = merge_leaves(&tree(), None, &winner, std::slice::from_ref(&other));
    assert_eq!(
        m.conflicts,
        vec!["notes", "phone"],
        "no base: every differing field"
    );
    assert!(!m.is_automatic());

    let not_shared = doc(
        "2-b",
        json!({"job": "Compras", "phone": "611", "notes": ""}),
    );
    let m = merge_leaves(&tree(), Some(&not_shared), &winner, &[other]);
    assert_eq!(
        m.base, None,
        "a body that is not the common ancestor is not used"
    );
    assert!(!m.is_automatic());

    let stranger = doc(
        "2-q",
        json!({"job": "Compras", "phone": "611", "notes": ""}),
    );
    let m = merge_leaves(&tree(), Some(&base()), &winner, &[stranger]);
    assert_eq!(
        m.base, None,
        "a leaf from another history shares no ancestor"
    );
    assert!(
        !m.is_automatic(),
        "even with nothing differing but the phone"
    );
}

#[test]
fn three_versions_merge_when_each_meets_the_winner_at_the_base() {
    let mut t = tree();
    t.graft(&rev("2-d"), false, &["d".into(), "a".into()])
        .unwrap();
    let winner = doc(
        "2-d",
        json!({"job": "Compras", "phone": "611", "notes": "", "city": "Vigo"}),
    );
    let b = doc(
        "2-b",
        json!({"job": "Compras", "phone": "600", "notes": ""}),
    );
    let c = doc(
        "2-c",
        json!({"job": "Compras", "phone": "611", "notes": "WhatsApp"}),
    );
    let m = merge_leaves(&t, Some(&base()), &winner, &[c, b]);
    assert!(m.is_automatic(), "{m:?}");
    assert_eq!(
        Value::Object(m.merged.clone()),
        json!({"job": "Compras", "phone": "600", "notes": "WhatsApp", "city": "Vigo"})
    );
}

/// Every combination of a field's value in the base, the winner and the other version (absent,
/// 1 or 2): an automatic merge keeps a value of one of the versions, and drops a version's
/// value only when it is the base's (that version did not change it): nothing saved is lost.
#[test]
fn an_automatic_merge_only_drops_values_the_base_already_had() {
    let values = [None, Some(json!(1)), Some(json!(2))];
    let with = |v: &Option<Value>| {
        let mut b = Body::new();
        if let Some(v) = v {
            b.insert("f".into(), v.clone());
        }
        b
    };
    let mut automatic = 0;
    for b in &values {
        for w in &values {
            for o in &values {
                let base = Doc {
                    body: with(b),
                    ..doc("1-a", json!({}))
                };
                let winner = Doc {
                    body: with(w),
                    ..doc("2-c", json!({}))
                };
                let other = Doc {
                    body: with(o),
                    ..doc("2-b", json!({}))
                };
                let m = merge_leaves(&tree(), Some(&base), &winner, &[other]);
                let kept = m.merged.get("f").cloned();
                assert!(kept == *w || kept == *o, "{b:?} {w:?} {o:?}: kept {kept:?}");
                if m.is_automatic() {
                    automatic += 1;
                    for side in [w, o] {
                        assert!(
                            kept == *side || side == b,
                            "{b:?} {w:?} {o:?}: lost {side:?}"
                        );
                    }
                } else {
                    assert!(
                        w != b && o != b && w != o,
                        "asked only when both changed it"
                    );
                }
            }
        }
    }
    assert_eq!(
        automatic,
        27 - 6,
        "only both-changed-differently is asked (6 of 27)"
    );
}
