//! What users type and what they expect to find.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone, Utc};

use crate::domain::phone::split_calling_code;
use crate::domain::sample_data;
use crate::search::*;

fn people() -> SearchIndex {
    let mut ix = SearchIndex::new();
    ix.insert(
        "c1",
        &[
            "José",
            "Muñoz Peña",
            "jose.munoz@ejemplo.es",
            "+34612345678",
            "Construcciones Peña S.L.",
        ],
    );
    ix.insert(
        "c2",
        &[
            "Ana",
            "Núñez",
            "ana.nunez@correo.mx",
            "+525512345678",
            "Andina Logística",
        ],
    );
    ix.insert(
        "c3",
        &["Josefina", "Ibáñez", "jibanez@ejemplo.es", "+34911234567"],
    );
    ix.insert("c4", &["Joaquín", "Muñiz", "", "", "Grupo Levante"]);
    ix
}

#[test]
fn accents_and_case_are_ignored() {
    let ix = people();
    assert_eq!(
        ix.search("jose", 10),
        ["c1", "c3"],
        "the whole word ranks above a longer one"
    );
    assert_eq!(ix.search("munoz", 10), ["c1"]);
    assert_eq!(ix.search("nunez", 10), ["c2"]);
    assert_eq!(ix.search("NÚÑEZ", 10), ["c2"]);
    assert_eq!(ix.search("JOSÉ", 10), ["c1", "c3"]);
    assert_eq!(ix.search("ibáñez", 10), ["c3"]);
}

#[test]
fn every_query_word_must_prefix_some_word() {
    let ix = people();
    assert_eq!(ix.search("jo mu", 10), ["c1", "c4"]);
    assert_eq!(ix.search("mu jo", 10), ["c1", "c4"]);
    assert_eq!(ix.search("jo muñoz", 10), ["c1"]);
    assert_eq!(ix.search("jose pena", 10), ["c1"]);
    assert_eq!(ix.search("jo", 10), ["c1", "c3", "c4"]);
    assert_eq!(ix.search("jose ana", 10), Vec::<String>::new());
    assert_eq!(ix.search("construcciones", 10), ["c1"]);
    assert_eq!(
        ix.search("oseph", 10),
        Vec::<String>::new(),
        "prefixes only, not infixes"
    );
}

#[test]
fn emails_match_by_part_and_as_a_whole() {
    let ix = people();
    assert_eq!(ix.search("ejemplo", 10), ["c1", "c3"]);
    assert_eq!(ix.search("jose.munoz@ej", 10), ["c1"]);
    assert_eq!(ix.search("jose.munoz@ejemplo.es", 10), ["c1"]);
    assert_eq!(ix.search("@correo", 10), ["c2"]);
    assert_eq!(ix.search("jibanez@", 10), ["c3"]);
    assert_eq!(ix.search("jose.munoz@correo", 10), Vec::<String>::new());
}

#[test]
fn phones_match_on_digits_however_typed() {
    let ix = people();
    for q in [
        "612 34",
        "612345678",
        "+34 612",
        "0034 612 34 56 78",
        "34612",
        "612-34-56",
    ] {
        assert_eq!(ix.search(q, 10), ["c1"], "{q}");
    }
    assert_eq!(ix.search("55 1234", 10), ["c2"]);
    assert_eq!(ix.search("91 123", 10), ["c3"]);
    assert_eq!(ix.search("+34", 10), ["c1", "c3"]);
    assert_eq!(ix.search("612 99", 10), Vec::<String>::new());
    // Numbers stored as typed, not normalised, match the same way.
    let mut raw = SearchIndex::new();
    raw.insert("r1", &["Pepe", "612 34 56 78"]);
    raw.insert("r2", &["Lola", "(55) 1234-5678"]);
    assert_eq!(raw.search("612 34", 10), ["r1"]);
    assert_eq!(raw.search("6123456", 10), ["r1"]);
    assert_eq!(raw.search("55 1234 56", 10), ["r2"]);
}

#[test]
fn remove_and_reinsert_update_results() {
    let mut ix = people();
    assert!(ix.remove("c1"));
    assert!(!ix.remove("c1"));
    assert_eq!(ix.search("jose", 10), ["c3"]);
    assert_eq!(ix.search("612", 10), Vec::<String>::new());
    assert_eq!(ix.len(), 3);
    ix.insert("c3", &["Josefa", "Ortega"]);
    assert_eq!(
        ix.search("ibanez", 10),
        Vec::<String>::new(),
        "insert replaces the old fields"
    );
    assert_eq!(ix.search("josefa ortega", 10), ["c3"]);
    ix.insert("c5", &["José", "Muñoz"]);
    assert_eq!(ix.search("jose munoz", 10), ["c5"]);
    assert!(ix.contains("c5") && !ix.contains("c1"));
}

#[test]
fn empty_queries_and_misses_return_nothing() {
    let ix = people();
    for q in ["", "   ", ",.;", "zzz", "jose zzz"] {
        assert_eq!(ix.search(q, 10), Vec::<String>::new(), "{q:?}");
    }
    assert_eq!(ix.search("jose", 0), Vec::<String>::new());
    assert_eq!(SearchIndex::new().search("jose", 10), Vec::<String>::new());
}

#[test]
fn earlier_fields_rank_first_then_ids_break_ties() {
    let mut ix = SearchIndex::new();
    ix.insert("b", &["Ana", "León"]);
    ix.insert("a", &["Pedro", "León"]);
    ix.insert("c", &["Leonor", "Ruiz"]);
    ix.insert("d", &["Marta", "Gil", "", "", "Leoncio Hermanos"]);
    assert_eq!(
        ix.search("leon", 10),
        ["a", "b", "c", "d"],
        "whole words (tie by id), then prefixes by field"
    );
    assert_eq!(
        ix.search("le", 2),
        ["c", "a"],
        "given-name prefix first, then the best of the rest"
    );
}

fn june() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0)
        .single()
        .expect("date")
}

/// A sample set: every contact is found by its own name, email and phone typed the way
/// people type them, and results respect the limit and come out the same on every call.
/// (Insertion order, merges and edits are covered by the oracle tests.)
#[test]
fn a_sample_set_finds_every_contact_by_what_users_type() {
    let data = sample_data(5, 12_000, june());
    let names: HashMap<&str, &str> = data
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let mut ix = SearchIndex::new();
    for c in &data.contacts {
        let account = c
            .account_id
            .as_deref()
            .and_then(|id| names.get(id).copied());
        ix.insert(&c.id, &contact_fields(c, account));
    }
    assert_eq!(ix.len(), data.contacts.len());
    for c in data.contacts.iter().step_by(97) {
        let found = |q: &str| ix.search(q, usize::MAX).contains(&c.id);
        assert!(
            found(&format!("{} {}", c.given_name, c.family_name)),
            "{c:?}"
        );
        let short: String = c.family_name.chars().take(3).collect();
        let shouted = normalize(&c.given_name).to_uppercase();
        assert!(found(&format!("{shouted} {short}")), "{c:?}");
        if let Some(e) = c.emails.first() {
            assert!(found(e), "{e}");
        }
        if let Some((_, national)) = c.phones.first().and_then(|p| split_calling_code(&p[1..])) {
            assert!(
                found(&format!("{} {}", &national[..3], &national[3..6])),
                "{national}"
            );
        }
    }
    let first = ix.search("a", 50);
    assert_eq!(first.len(), 50);
    assert_eq!(first, ix.search("a", 50));
    assert_eq!(ix.search("ma", 20)[..10], ix.search("ma", 10)[..]);
}

#[test]
fn accounts_are_found_by_name_tax_id_website_and_city() {
    let data = sample_data(8, 100, june());
    let mut ix = SearchIndex::new();
    ix.insert_all(
        data.accounts
            .iter()
            .map(|a| (a.id.as_str(), account_fields(a))),
    );
    assert_eq!(ix.len(), data.accounts.len());
    for a in &data.accounts {
        let found = |q: &str| ix.search(q, usize::MAX).contains(&a.id);
        assert!(found(&a.name), "{}", a.name);
        assert!(found(&a.tax_id), "{}", a.tax_id);
        assert!(found(&a.addresses[0].city), "{}", a.addresses[0].city);
        assert!(found(&a.industry), "{}", a.industry);
        if let Some(domain) = a.website.strip_prefix("https://www.") {
            assert!(found(domain), "{domain}");
        }
    }
    assert!(ix.search("www", 10).is_empty() && ix.search("https", 10).is_empty());
}

#[test]
fn a_batch_replaces_entries_and_compact_keeps_answers() {
    let mut ix = people();
    ix.insert_all([
        ("c1", vec!["Pilar", "Ortega"]),
        ("c9", vec!["Rocío", "Durán"]),
    ]);
    assert_eq!(ix.len(), 5);
    assert_eq!(ix.search("jose", 10), ["c3"]);
    assert_eq!(ix.search("rocio duran", 10), ["c9"]);
    ix.remove("c2");
    let before = ix.search("o", 10);
    ix.compact();
    assert_eq!(ix.search("o", 10), before);
    assert_eq!(ix.search("nunez", 10), Vec::<String>::new());
}
