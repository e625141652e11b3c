use serde_json::{Value, json};

use super::*;

fn body(v: Value) -> Body {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

fn merge(base: Option<Value>, mine: Value, theirs: Value) -> (Value, Vec<String>) {
    let base = base.map(body);
    let m = three_way_merge(base.as_ref(), &body(mine), &body(theirs));
    (Value::Object(m.merged), m.conflicts)
}

#[test]
fn edits_to_different_fields_merge_without_asking() {
    let base = json!({"name": "Ana", "phone": "600", "city": "Vigo"});
    let (merged, conflicts) = merge(
        Some(base),
        json!({"name": "Ana", "phone": "611", "city": "Vigo"}),
        json!({"name": "Ana", "phone": "600", "city": "Lugo"}),
    );
    assert_eq!(
        merged,
        json!({"name": "Ana", "phone": "611", "city": "Lugo"})
    );
    assert!(conflicts.is_empty());
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_holding_mine() {
    let base = json!({"phone": "600", "email": "a@x.es"});
    let (merged, conflicts) = merge(
        Some(base),
        json!({"phone": "611", "email": "a@x.es"}),
        json!({"phone": "622", "email": "ana@x.es"}),
    );
    assert_eq!(merged, json!({"phone": "611", "email": "ana@x.es"}));
    assert_eq!(conflicts, vec!["phone"]);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let (merged, conflicts) = merge(
        Some(json!({"stage": "lead"})),
        json!({"stage": "won"}),
        json!({"stage": "won"}),
    );
    assert_eq!(merged, json!({"stage": "won"}));
    assert!(conflicts.is_empty());
}

#[test]
fn additions_and_removals_merge_and_null_counts_as_absent() {
    let (merged, conflicts) = merge(
        Some(json!({"fax": "900", "notes": "old", "vat": null})),
        json!({"notes": "old", "web": "x.es", "vat": null}),
        json!({"fax": "900", "notes": "old", "tags": ["vip"]}),
    );
    assert_eq!(
        merged,
        json!({"notes": "old", "web": "x.es", "tags": ["vip"]}),
        "fax removed"
    );
    assert!(conflicts.is_empty());
}

#[test]
fn removal_against_an_edit_is_a_conflict() {
    let (merged, conflicts) = merge(
        Some(json!({"phone": "600"})),
        json!({}),
        json!({"phone": "611"}),
    );
    assert_eq!(merged, json!({}), "mine (removed) held for the user");
    assert_eq!(conflicts, vec!["phone"]);
}

#[test]
fn without_a_base_only_differing_fields_conflict() {
    let (merged, conflicts) = merge(
        None,
        json!({"name": "Ana", "phone": "611"}),
        json!({"name": "Ana", "email": "a@x.es", "phone": "622"}),
    );
    assert_eq!(
        merged,
        json!({"name": "Ana", "email": "a@x.es", "phone": "611"})
    );
    assert_eq!(conflicts, vec!["phone"]);
}

#[test]
fn nested_values_compare_whole() {
    let (merged, conflicts) = merge(
        Some(json!({"address": {"city": "Vigo", "zip": "36201"}})),
        json!({"address": {"city": "Vigo", "zip": "36202"}}),
        json!({"address": {"city": "Lugo", "zip": "36201"}}),
    );
    assert_eq!(merged["address"]["zip"], "36202");
    assert_eq!(
        conflicts,
        vec!["address"],
        "one field, changed on both sides"
    );
}

#[test]
fn bookkeeping_takes_the_later_edit_and_never_conflicts() {
    let (merged, conflicts) = merge(
        Some(json!({"name": "Ana", "updated_at": "2026-01-01T00:00:00.000Z", "updated_by": "eva"})),
        json!({"name": "Ana B", "updated_at": "2026-02-01T10:00:00.000Z", "updated_by": "ana"}),
        json!({"name": "Ana", "phone": "6", "updated_at": "2026-02-01T11:00:00.000Z",
            "updated_by": "luis"}),
    );
    assert!(conflicts.is_empty());
    assert_eq!(
        merged,
        json!({"name": "Ana B", "phone": "6", "updated_at": "2026-02-01T11:00:00.000Z",
            "updated_by": "luis"})
    );
}

#[test]
fn the_merge_is_deterministic_and_symmetric_but_for_conflicting_values() {
    let base = json!({"a": 1, "b": 1, "c": 1, "updated_at": "1", "updated_by": "x"});
    let mine = json!({"a": 2, "b": 1, "c": 3, "updated_at": "2", "updated_by": "m"});
    let theirs = json!({"a": 1, "b": 5, "c": 4, "updated_at": "2", "updated_by": "t"});
    let one = merge(Some(base.clone()), mine.clone(), theirs.clone());
    assert_eq!(one, merge(Some(base.clone()), mine.clone(), theirs.clone()));
    let other = merge(Some(base), theirs, mine);
    assert_eq!(one.1, other.1, "same conflicts");
    let without_c = |v: &Value| {
        let mut m = v.as_object().unwrap().clone();
        m.remove("c");
        m
    };
    assert_eq!(
        without_c(&one.0),
        without_c(&other.0),
        "same merge outside the conflict"
    );
    assert_eq!(
        one.0["updated_by"], "t",
        "a tie goes to the greater updated_by"
    );
}
