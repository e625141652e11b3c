//! Duplicate detection: the same email or phone, or a near-identical name at a near-identical
//! company (accents, punctuation, courtesy titles and legal forms ignored).

use crate::sort;
use std::collections::BTreeMap;

use super::super::contact::Contact;
use super::lead::Lead;
use super::names::{company_key, person_key, similar_company, similar_person};

/// Why two records look like the same person, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    SameEmail,
    SamePhone,
    SimilarNameCompany,
}

/// Which kind of record matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Lead,
    Contact,
}

/// A record that looks like the candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateMatch {
    pub id: String,
    pub record: RecordKind,
    /// The strongest reason.
    pub kind: MatchKind,
    /// 0-100: 100 for a shared email, 90 a shared phone, 75 the same name and company
    /// (60 with typos), plus 5 for each further reason.
    pub score: u8,
}

/// What a record is compared by.
struct Keys {
    emails: Vec<String>,
    phones: Vec<String>,
    person: Vec<String>,
    company: String,
}

impl Keys {
    fn of_lead(l: &Lead) -> Self {
        Self::new(
            &l.emails,
            &l.phones,
            person_key(&l.given_name, &l.family_name),
            &l.company,
        )
    }

    fn of_contact(c: &Contact) -> Self {
        Self::new(
            &c.emails,
            &c.phones,
            person_key(&c.given_name, &c.family_name),
            "",
        )
    }

    fn new(emails: &[String], phones: &[String], person: Vec<String>, company: &str) -> Self {
        Self {
            emails: emails.iter().map(|e| e.trim().to_lowercase()).collect(),
            phones: phones.iter().filter_map(|p| phone_key(p)).collect(),
            person,
            company: company_key(company),
        }
    }
}

/// The last nine digits of a phone number, so "+34 612 34 56 78" and "612345678" (or a
/// Mexican number with and without +52) compare equal; `None` below seven digits.
pub(crate) fn phone_key(raw: &str) -> Option<String> {
    let digits: Vec<char> = raw.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(9)..].iter().collect())
}

/// Near-identical name and company; two records without a person's name compare by
/// company alone. Returns whether the match is exact (no typos).
fn similar(a: &Keys, b: &Keys) -> Option<bool> {
    let ok = match (a.person.is_empty(), b.person.is_empty()) {
        (true, true) => similar_company(&a.company, &b.company),
        (false, false) => {
            similar_person(&a.person, &b.person) && similar_company(&a.company, &b.company)
        }
        _ => false,
    };
    ok.then(|| a.person == b.person && a.company == b.company)
}

fn compare(a: &Keys, b: &Keys) -> Option<(MatchKind, u8)> {
    let shares = |x: &[String], y: &[String]| x.iter().any(|v| y.contains(v));
    let mut found: Vec<(MatchKind, u8)> = Vec::new();
    if shares(&a.emails, &b.emails) {
        found.push((MatchKind::SameEmail, 100));
    }
    if shares(&a.phones, &b.phones) {
        found.push((MatchKind::SamePhone, 90));
    }
    if let Some(exact) = similar(a, b) {
        found.push((MatchKind::SimilarNameCompany, if exact { 75 } else { 60 }));
    }
    let (kind, base) = *found.first()?;
    let extra = u8::try_from(found.len() - 1).unwrap_or(0) * 5;
    Some((kind, base.saturating_add(extra).min(100)))
}

/// The leads and contacts that look like `candidate` (itself excluded by id), best match
/// first, then by id. Contacts have no company of their own, so they match by email or
/// phone only.
pub fn find_duplicates(
    candidate: &Lead,
    existing: &[Lead],
    contacts: &[Contact],
) -> Vec<DuplicateMatch> {
    let keys = Keys::of_lead(candidate);
    let found = |id: &str, record, other: &Keys| {
        compare(&keys, other).map(|(kind, score)| DuplicateMatch {
            id: id.to_owned(),
            record,
            kind,
            score,
        })
    };
    let mut out: Vec<DuplicateMatch> = (existing.iter())
        .filter(|l| l.id != candidate.id)
        .filter_map(|l| found(&l.id, RecordKind::Lead, &Keys::of_lead(l)))
        .chain(
            contacts
                .iter()
                .filter_map(|c| found(&c.id, RecordKind::Contact, &Keys::of_contact(c))),
        )
        .collect();
    sort::sort_by(&mut out, |a, b| {
        b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// Disjoint sets (path halving, union by index) over lead positions.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

fn prefix(s: &str, n: usize) -> String {
    s.chars().filter(|c| *c != ' ').take(n).collect()
}

/// Blocks where near-identical names and companies meet: by company prefix and initial, and
/// by name prefixes, so a typo early in one of the two still meets its twin in the other.
fn blocking_keys(k: &Keys) -> Vec<String> {
    let word = |i: usize, n: usize| k.person.get(i).map_or(String::new(), |w| prefix(w, n));
    let mut keys = Vec::new();
    if !k.company.is_empty() {
        keys.push(format!("c:{}|{}", prefix(&k.company, 4), word(0, 1)));
    }
    if !k.person.is_empty() && !k.company.is_empty() {
        keys.push(format!("n:{}|{}", word(0, 2), word(1, 3)));
    }
    keys
}

/// Every group of leads that look like the same person, each group's ids sorted and the
/// groups sorted by first id. Emails and phones are indexed; names and companies are
/// compared only within blocks sharing a key prefix, so the work grows with the leads and
/// the size of blocks, not with every pair.
pub fn duplicate_groups(leads: &[Lead]) -> Vec<Vec<String>> {
    let keys: Vec<Keys> = leads.iter().map(Keys::of_lead).collect();
    let mut sets = Sets((0..leads.len()).collect());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        let exact = (k.emails.iter().map(|e| format!("e:{e}")))
            .chain(k.phones.iter().map(|p| format!("p:{p}")));
        for key in exact {
            match seen.get(&key) {
                Some(&j) => sets.union(i, j),
                None => {
                    seen.insert(key, i);
                }
            }
        }
        for key in blocking_keys(k) {
            blocks.entry(key).or_default().push(i);
        }
    }
    for members in blocks.values() {
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                if sets.find(i) != sets.find(j) && similar(&keys[i], &keys[j]).is_some() {
                    sets.union(i, j);
                }
            }
        }
    }
    groups(leads, &mut sets)
}

fn groups(leads: &[Lead], sets: &mut Sets) -> Vec<Vec<String>> {
    let mut by_root: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, l) in leads.iter().enumerate() {
        by_root.entry(sets.find(i)).or_default().push(l.id.clone());
    }
    let mut out: Vec<Vec<String>> = (by_root.into_values())
        .filter(|g| g.len() > 1)
        .map(|mut g| {
            sort::sort(&mut g);
            g
        })
        .collect();
    sort::sort(&mut out);
    out
}
