//! The index against a brute-force reference: same ids, same order, whatever the history of
//! inserts, removals and merges.

use chrono::{TimeZone, Utc};

use crate::domain::{Contact, sample_data};
use crate::search::tokens::{field_words, query_words};
use crate::search::{SearchIndex, contact_fields};

type Entries = Vec<(String, Vec<String>)>;

/// Each entry's words with their field, as the index sees them.
type Tokens = Vec<(String, Vec<(String, u16)>)>;

fn tokens_of(entries: &Entries) -> Tokens {
    let tokens = |fields: &Vec<String>| {
        let mut out = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            field_words(f, |w| out.push((w.to_owned(), (i as u16).min(15))));
        }
        out
    };
    entries
        .iter()
        .map(|(id, fields)| (id.clone(), tokens(fields)))
        .collect()
}

/// Every entry, every word, no index: the definition of a match and of the order.
fn reference(tokens: &Tokens, query: &str) -> Vec<String> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u16, &str)> = Vec::new();
    for (id, tokens) in tokens {
        let ranks: Option<Vec<u16>> = (words.iter())
            .map(|w| {
                (tokens.iter())
                    .filter(|(t, _)| t.starts_with(w.as_str()))
                    .map(|(t, f)| f + if t == w { 0 } else { 16 })
                    .min()
            })
            .collect();
        if let Some(ranks) = ranks {
            scored.push((ranks.iter().sum(), id));
        }
    }
    scored.sort();
    scored.into_iter().map(|(_, id)| id.to_owned()).collect()
}

fn fields_of(c: &Contact) -> Vec<String> {
    contact_fields(
        c,
        Some("Construcciones Núñez S.L.").filter(|_| c.account_id.is_some()),
    )
    .into_iter()
    .map(|f| f.into_owned())
    .collect()
}

fn queries(entries: &Entries) -> Vec<String> {
    let mut q: Vec<String> = [
        "a", "c", "jo", "jose m", "ma ga", "6", "612", "+34 6", "55 1", "gmail", "@hotmail",
    ]
    .into_iter()
    .chain([
        "mu",
        "nunez",
        "núñez const",
        "madrid",
        "x",
        "zz",
        "a e i",
        "",
        "com",
        "9",
    ])
    .map(str::to_owned)
    .collect();
    for (_, fields) in entries.iter().step_by(301) {
        q.extend(fields.iter().filter(|f| !f.is_empty()).take(3).cloned());
        q.push(
            fields
                .iter()
                .take(2)
                .map(|f| f.chars().take(2).collect::<String>())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    q
}

fn as_refs(f: &[String]) -> Vec<&str> {
    f.iter().map(String::as_str).collect()
}

fn assert_same(ix: &SearchIndex, entries: &Entries, label: &str) {
    assert_eq!(ix.len(), entries.len(), "{label}");
    let tokens = tokens_of(entries);
    for q in queries(entries) {
        let expected = reference(&tokens, &q);
        for limit in [1, 7, 100, usize::MAX] {
            let top = &expected[..limit.min(expected.len())];
            assert_eq!(ix.search(&q, limit), top, "{label}: {q:?} limit {limit}");
        }
    }
}

#[test]
fn bulk_incremental_and_edited_indexes_answer_like_the_reference() {
    let now = Utc
        .with_ymd_and_hms(2025, 6, 1, 0, 0, 0)
        .single()
        .expect("date");
    let data = sample_data(21, 3000, now);
    let mut entries: Entries = data
        .contacts
        .iter()
        .map(|c| (c.id.clone(), fields_of(c)))
        .collect();

    let mut bulk = SearchIndex::new();
    bulk.insert_all(entries.iter().map(|(id, f)| (id.as_str(), as_refs(f))));
    assert_same(&bulk, &entries, "insert_all");

    // One by one, newest first: merges happen on the way and the last ~1000 stay unmerged.
    let mut one_by_one = SearchIndex::new();
    for (id, f) in entries.iter().rev() {
        one_by_one.insert(id, &as_refs(f));
    }
    assert_same(&one_by_one, &entries, "insert");

    // Removals and edits, in the merged part and in the recent part.
    for (i, (id, fields)) in entries.iter_mut().enumerate().filter(|(i, _)| i % 11 == 0) {
        fields[0] = if i % 2 == 0 {
            "Íñigo".into()
        } else {
            format!("Zoe{i}")
        };
        fields.push("+52 55 1234 5678".into());
        one_by_one.insert(id, &as_refs(fields));
        bulk.insert(id, &as_refs(fields));
    }
    let removed: Vec<String> = entries
        .iter()
        .step_by(7)
        .map(|(id, _)| id.clone())
        .collect();
    for id in &removed {
        assert!(one_by_one.remove(id) && bulk.remove(id));
    }
    entries.retain(|(id, _)| !removed.contains(id));
    assert_same(&one_by_one, &entries, "edited");
    assert_same(&bulk, &entries, "bulk edited");
    assert_eq!(
        bulk.search("inigo", 5),
        reference(&tokens_of(&entries), "inigo")[..5]
    );
    assert!(!bulk.search("55 1234", usize::MAX).is_empty());
}
