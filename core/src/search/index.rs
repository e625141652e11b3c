//! The in-memory search index.
//!
//! Layout (all numbers `u32`, strings in arenas, so 100k contacts stay a few flat arrays):
//! - terms: every distinct normalised word, its text in `term_text`; ids below `main_terms`
//!   are sorted by text, later ids were created since the last merge (a query scans their
//!   texts, contiguous in the arena);
//! - entries ("docs"): slots below `main_docs` are sorted by id, later slots were inserted
//!   since the last merge; each doc's tokens (`term << 4 | field`) are a range of `tokens`;
//! - postings of the main terms over the main docs, grouped by term (`post_start`), so the
//!   words starting with a prefix are one contiguous range of terms and of postings.
//!
//! Removing marks the slot dead. Once the entries inserted or removed since the last merge
//! outnumber an eighth of the index, `merge` rebuilds the sorted layout in one linear pass, so
//! inserting 100k entries one by one stays linear overall; `insert_all` merges once at the end.

use hashbrown::HashTable;

use super::tokens::field_words;

/// Bits of a posting or token that hold the field index; later fields share the last value.
pub(super) const FIELD_BITS: u32 = 4;
pub(super) const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;
/// Term and slot numbers must leave room for the field bits.
const MAX_NUMBER: u32 = 1 << (32 - FIELD_BITS);
/// Entries changed since the last merge that never trigger one.
const MIN_PENDING: usize = 1024;

/// A prefix index over (id, fields) entries: accent- and case-insensitive, every query word a
/// prefix of some word of the entry, phone numbers matched on digits. See the module docs for
/// the layout and [`SearchIndex::search`] for the ranking.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    pub(super) term_text: String,
    /// Term `t` is `term_text[term_bounds[t]..term_bounds[t + 1]]`.
    pub(super) term_bounds: Vec<u32>,
    pub(super) term_lookup: HashTable<u32>,
    pub(super) main_terms: u32,
    /// Postings of main term `t`: `post[post_start[t]..post_start[t + 1]]`, `doc << 4 | field`.
    pub(super) post_start: Vec<u32>,
    pub(super) post: Vec<u32>,
    pub(super) doc_ids: Vec<Box<str>>,
    pub(super) dead: Vec<bool>,
    /// Doc `d`'s tokens: `tokens[doc_bounds[d]..doc_bounds[d + 1]]`, sorted, one per term.
    pub(super) doc_bounds: Vec<u32>,
    pub(super) tokens: Vec<u32>,
    pub(super) id_lookup: HashTable<u32>,
    pub(super) main_docs: u32,
    pub(super) dead_count: usize,
}

impl Default for SearchIndex {
    fn default() -> Self {
        Self {
            term_text: String::new(),
            term_bounds: vec![0],
            term_lookup: HashTable::new(),
            main_terms: 0,
            post_start: vec![0],
            post: Vec::new(),
            doc_ids: Vec::new(),
            dead: Vec::new(),
            doc_bounds: vec![0],
            tokens: Vec::new(),
            id_lookup: HashTable::new(),
            main_docs: 0,
            dead_count: 0,
        }
    }
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes `fields` under `id`, replacing whatever `id` had. Earlier fields rank higher
    /// (put the name first); fields past the 16th rank like the 16th. To load many entries
    /// at once, [`SearchIndex::insert_all`] is faster.
    pub fn insert<S: AsRef<str>>(&mut self, id: &str, fields: &[S]) {
        self.insert_unmerged(id, fields);
        let pending = self.doc_ids.len() - self.main_docs as usize + self.dead_count;
        if pending > MIN_PENDING.max(self.len() / 8) {
            self.merge();
        }
    }

    /// Inserts (or replaces) many entries and merges once: the fast way to build an index or
    /// apply a large batch (a sync).
    pub fn insert_all<I, K, F, S>(&mut self, entries: I)
    where
        I: IntoIterator<Item = (K, F)>,
        K: AsRef<str>,
        F: AsRef<[S]>,
        S: AsRef<str>,
    {
        for (id, fields) in entries {
            self.insert_unmerged(id.as_ref(), fields.as_ref());
        }
        self.compact();
    }

    /// Folds the entries inserted or removed since the last merge into the sorted layout, so
    /// queries stop scanning them. Inserts and removals do this by themselves once an eighth
    /// of the index has changed.
    pub fn compact(&mut self) {
        if self.doc_ids.len() > self.main_docs as usize || self.dead_count > 0 {
            self.merge();
        }
    }

    /// Forgets `id`; true when it was indexed.
    pub fn remove(&mut self, id: &str) -> bool {
        let ids = &self.doc_ids;
        let Ok(entry) = self
            .id_lookup
            .find_entry(hash_str(id), |&d| *ids[d as usize] == *id)
        else {
            return false;
        };
        let (slot, _) = entry.remove();
        if let Some(dead) = self.dead.get_mut(slot as usize) {
            *dead = true;
        }
        self.dead_count += 1;
        true
    }

    /// True when `id` is indexed.
    pub fn contains(&self, id: &str) -> bool {
        self.slot_of(id).is_some()
    }

    /// Number of indexed entries.
    pub fn len(&self) -> usize {
        self.id_lookup.len()
    }

    pub fn is_empty(&self) -> bool {
        self.id_lookup.is_empty()
    }

    fn slot_of(&self, id: &str) -> Option<u32> {
        self.id_lookup
            .find(hash_str(id), |&d| *self.doc_ids[d as usize] == *id)
            .copied()
    }

    fn insert_unmerged<S: AsRef<str>>(&mut self, id: &str, fields: &[S]) {
        self.remove(id);
        let Some(slot) = u32::try_from(self.doc_ids.len())
            .ok()
            .filter(|&s| s < MAX_NUMBER)
        else {
            return;
        };
        let start = self.tokens.len();
        for (i, field) in fields.iter().enumerate() {
            let f = u32::try_from(i).unwrap_or(FIELD_MASK).min(FIELD_MASK);
            field_words(field.as_ref(), |w| {
                if let Some(t) = self.term(w) {
                    self.tokens.push(t << FIELD_BITS | f);
                }
            });
        }
        // Sorted by term then field: keeping the first of each term keeps its best field.
        let doc = &mut self.tokens[start..];
        doc.sort_unstable();
        let mut kept = 0;
        for i in 0..doc.len() {
            if kept == 0 || doc[kept - 1] >> FIELD_BITS != doc[i] >> FIELD_BITS {
                doc[kept] = doc[i];
                kept += 1;
            }
        }
        self.tokens.truncate(start + kept);
        self.doc_bounds
            .push(u32::try_from(self.tokens.len()).unwrap_or(u32::MAX));
        self.doc_ids.push(id.into());
        self.dead.push(false);
        let ids = &self.doc_ids;
        self.id_lookup
            .insert_unique(hash_str(id), slot, |&d| hash_str(&ids[d as usize]));
    }

    /// The id of term `text`, created when new; `None` when the index is full.
    fn term(&mut self, text: &str) -> Option<u32> {
        let h = hash_str(text);
        let (arena, bounds) = (&self.term_text, &self.term_bounds);
        if let Some(&t) = self
            .term_lookup
            .find(h, |&t| term_text(arena, bounds, t) == text)
        {
            return Some(t);
        }
        let t = u32::try_from(self.term_bounds.len() - 1)
            .ok()
            .filter(|&t| t < MAX_NUMBER)?;
        let end = u32::try_from(self.term_text.len() + text.len()).ok()?;
        self.term_text.push_str(text);
        self.term_bounds.push(end);
        let (arena, bounds) = (&self.term_text, &self.term_bounds);
        self.term_lookup
            .insert_unique(h, t, |&t| hash_str(term_text(arena, bounds, t)));
        Some(t)
    }

    /// The text of term `t`.
    pub(super) fn text(&self, t: u32) -> &str {
        term_text(&self.term_text, &self.term_bounds, t)
    }

    /// The tokens of doc `d`.
    pub(super) fn doc_tokens(&self, d: u32) -> &[u32] {
        let (start, end) = (self.doc_bounds[d as usize], self.doc_bounds[d as usize + 1]);
        &self.tokens[start as usize..end as usize]
    }
}

pub(super) fn term_text<'a>(arena: &'a str, bounds: &[u32], t: u32) -> &'a str {
    let t = t as usize;
    match (bounds.get(t), bounds.get(t + 1)) {
        (Some(&start), Some(&end)) => arena.get(start as usize..end as usize).unwrap_or(""),
        _ => "",
    }
}

/// A fast 64-bit string hash (word-at-a-time multiply, then a murmur3 finaliser so both the
/// low bits (bucket) and the top bits (hashbrown's tag) are mixed). Not DoS-resistant: the
/// index only holds the user's own data.
pub(super) fn hash_str(s: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = s.len() as u64;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let w = c.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let tail = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |w, &b| w << 8 | u64::from(b));
    h = (h.rotate_left(5) ^ tail).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}
