use chrono::{TimeZone, Utc};

use crate::domain::*;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0)
        .single()
        .expect("date")
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let a = sample_data(42, 200, now());
    assert_eq!(a, sample_data(42, 200, now()));
    assert_ne!(a.contacts[0].id, sample_data(43, 200, now()).contacts[0].id);
    assert_eq!((a.contacts.len(), a.accounts.len()), (200, 40));
    assert_eq!(sample_data(1, 0, now()), SampleData::default());
    assert_eq!(sample_data(1, 1, now()).accounts.len(), 1);
}

#[test]
fn ids_are_uuid_v7_in_creation_order() {
    let d = sample_data(42, 500, now());
    for ids in [
        d.contacts.iter().map(|c| &c.id).collect::<Vec<_>>(),
        d.accounts.iter().map(|a| &a.id).collect(),
    ] {
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        for id in ids {
            assert_eq!(
                uuid::Uuid::parse_str(id).expect("uuid").get_version_num(),
                7
            );
        }
    }
    let created: Vec<_> = d.contacts.iter().map(|c| c.meta.created_at).collect();
    assert!(created.windows(2).all(|w| w[0] < w[1]));
    assert!(
        d.contacts
            .iter()
            .all(|c| c.meta.created_at <= c.meta.updated_at && c.meta.updated_at <= now())
    );
}

#[test]
fn contacts_belong_to_accounts_created_before_them() {
    let d = sample_data(9, 1000, now());
    let linked: Vec<_> = d
        .contacts
        .iter()
        .filter(|c| c.account_id.is_some())
        .collect();
    assert!(
        linked.len() > 800 && linked.len() < 980,
        "about nine in ten: {}",
        linked.len()
    );
    for c in linked {
        let a = d
            .accounts
            .iter()
            .find(|a| Some(&a.id) == c.account_id.as_ref())
            .expect("account exists");
        assert!(a.meta.created_at < c.meta.created_at);
        assert_eq!(a.addresses[0].country, c.address.country);
    }
}

#[test]
fn the_data_looks_spanish_and_latin_american() {
    let d = sample_data(3, 2000, now());
    let countries: std::collections::BTreeSet<_> = d
        .contacts
        .iter()
        .map(|c| c.address.country.as_str())
        .collect();
    assert_eq!(
        countries.into_iter().collect::<Vec<_>>(),
        ["AR", "CL", "CO", "ES", "MX", "PE"]
    );
    assert!(
        d.contacts
            .iter()
            .any(|c| c.given_name.chars().any(|ch| "áéíóúñÁÉÍÓÚÑ".contains(ch)))
    );
    assert!(
        d.contacts
            .iter()
            .flat_map(|c| &c.emails)
            .all(|e| e.is_ascii()),
        "emails strip accents"
    );
    let owners: std::collections::BTreeSet<_> =
        d.contacts.iter().map(|c| c.owner.as_str()).collect();
    assert!(
        owners.iter().all(|o| SAMPLE_OWNERS.contains(o)) && owners.len() == SAMPLE_OWNERS.len()
    );
}

/// Every sample record is what the forms would have produced: validating its own form gives
/// back the same record, with no warnings (Spanish CIFs are valid).
#[test]
fn sample_records_pass_the_validators_unchanged() {
    let d = sample_data(11, 3000, now());
    for c in &d.contacts {
        let v = validate_contact(&ContactInput::from(c), "ES")
            .unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
        assert!(v.warnings.is_empty());
        assert_eq!(
            &update_contact(c, v, c.meta.updated_at, &c.meta.updated_by),
            c
        );
    }
    for a in &d.accounts {
        let v = validate_account(&AccountInput::from(a), "ES")
            .unwrap_or_else(|e| panic!("{a:?}: {e:?}"));
        assert!(v.warnings.is_empty(), "{a:?}");
        assert_eq!(
            &update_account(a, v, a.meta.updated_at, &a.meta.updated_by),
            a
        );
    }
}

#[test]
fn a_hundred_thousand_contacts_generate() {
    let d = sample_data(1, 100_000, now());
    assert_eq!((d.contacts.len(), d.accounts.len()), (100_000, 20_000));
}
