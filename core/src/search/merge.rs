//! Rebuilding the sorted layout: live docs sorted by id, used terms sorted by text, postings
//! grouped by term. Linear in the index size apart from sorting what changed since the last
//! merge.

use std::cmp::Ordering;
use std::mem;

use super::index::{FIELD_BITS, FIELD_MASK, SearchIndex, term_text};

impl SearchIndex {
    /// Folds everything inserted or removed since the last merge into the sorted layout.
    pub(super) fn merge(&mut self) {
        let order = self.live_docs_by_id();
        let mut uses = vec![0u32; self.term_bounds.len() - 1];
        for &d in &order {
            for &tok in self.doc_tokens(d) {
                uses[(tok >> FIELD_BITS) as usize] += 1;
            }
        }
        let remap = self.renumber_terms(&uses);
        let mut counts = vec![0u32; self.main_terms as usize];
        for (old, &new) in remap.iter().enumerate() {
            if let Some(c) = counts.get_mut(new as usize) {
                *c = uses[old];
            }
        }
        self.rebuild_docs(&order, &remap);
        self.rebuild_postings(&counts);
    }

    /// Slots of the live docs in id order: the main docs are sorted already, the recent ones
    /// are sorted and merged in.
    fn live_docs_by_id(&self) -> Vec<u32> {
        let n = u32::try_from(self.doc_ids.len()).unwrap_or(u32::MAX);
        let alive = |d: &u32| !self.dead[*d as usize];
        let mut recent: Vec<u32> = (self.main_docs..n).filter(alive).collect();
        crate::sort::sort_by(&mut recent, |&a, &b| {
            self.doc_ids[a as usize].cmp(&self.doc_ids[b as usize])
        });
        let mut order = Vec::with_capacity(self.len());
        let mut main = (0..self.main_docs).filter(alive).peekable();
        for r in recent {
            while let Some(m) =
                main.next_if(|&m| self.doc_ids[m as usize] < self.doc_ids[r as usize])
            {
                order.push(m);
            }
            order.push(r);
        }
        order.extend(main);
        order
    }

    /// Rewrites the term arena with the used terms in text order; returns old id → new id
    /// (`u32::MAX` for dropped terms).
    fn renumber_terms(&mut self, uses: &[u32]) -> Vec<u32> {
        let old_text = mem::take(&mut self.term_text);
        let old_bounds = mem::replace(&mut self.term_bounds, vec![0]);
        let text = |t: u32| term_text(&old_text, &old_bounds, t);
        let total = u32::try_from(uses.len()).unwrap_or(u32::MAX);
        // Sort the new terms by their first eight bytes as one integer, then by text: zero
        // padding keeps the integers in byte order, and few words share eight bytes.
        let mut recent: Vec<(u64, u32)> = (self.main_terms..total)
            .filter(|&t| uses[t as usize] > 0)
            .map(|t| (prefix_key(text(t)), t))
            .collect();
        crate::sort::sort_by(&mut recent, |a, b| {
            a.0.cmp(&b.0).then_with(|| text(a.1).cmp(text(b.1)))
        });
        let mut remap = vec![u32::MAX; uses.len()];
        let mut push = |t: u32| {
            if uses[t as usize] > 0 {
                remap[t as usize] = u32::try_from(self.term_bounds.len() - 1).unwrap_or(u32::MAX);
                self.term_text.push_str(text(t));
                self.term_bounds
                    .push(u32::try_from(self.term_text.len()).unwrap_or(u32::MAX));
            }
        };
        let mut main = (0..self.main_terms).peekable();
        for &(_, r) in &recent {
            while let Some(m) = main.next_if(|&m| text(m).cmp(text(r)) == Ordering::Less) {
                push(m);
            }
            push(r);
        }
        main.for_each(&mut push);
        self.main_terms = u32::try_from(self.term_bounds.len() - 1).unwrap_or(u32::MAX);
        // Texts did not change, so neither did their hashes: renumber in place.
        self.term_lookup.retain(|t| match remap.get(*t as usize) {
            Some(&new) if new != u32::MAX => {
                *t = new;
                true
            }
            _ => false,
        });
        remap
    }

    /// Rewrites docs in `order` with renumbered terms; dead slots disappear.
    fn rebuild_docs(&mut self, order: &[u32], remap: &[u32]) {
        let mut tokens = Vec::with_capacity(self.tokens.len());
        let mut bounds = Vec::with_capacity(order.len() + 1);
        bounds.push(0);
        for &d in order {
            let start = tokens.len();
            for &tok in self.doc_tokens(d) {
                let new = remap[(tok >> FIELD_BITS) as usize];
                tokens.push(new << FIELD_BITS | (tok & FIELD_MASK));
            }
            tokens[start..].sort_unstable();
            bounds.push(u32::try_from(tokens.len()).unwrap_or(u32::MAX));
        }
        let mut old_ids = mem::take(&mut self.doc_ids);
        let mut new_slot = vec![u32::MAX; old_ids.len()];
        for (new, &old) in (0u32..).zip(order) {
            new_slot[old as usize] = new;
        }
        self.doc_ids = order
            .iter()
            .map(|&d| mem::take(&mut old_ids[d as usize]))
            .collect();
        // Only live docs are in the lookup, and their ids did not change: renumber in place.
        self.id_lookup.retain(|d| match new_slot.get(*d as usize) {
            Some(&new) if new != u32::MAX => {
                *d = new;
                true
            }
            _ => false,
        });
        self.tokens = tokens;
        self.doc_bounds = bounds;
        self.dead = vec![false; order.len()];
        self.dead_count = 0;
        self.main_docs = u32::try_from(order.len()).unwrap_or(u32::MAX);
    }

    /// Postings of every term, grouped by term, docs ascending within a term.
    fn rebuild_postings(&mut self, counts: &[u32]) {
        let mut start = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        start.push(0);
        for &c in counts {
            total += c;
            start.push(total);
        }
        let mut cursor = start.clone();
        let mut post = vec![0u32; total as usize];
        for d in 0..self.main_docs {
            for &tok in self.doc_tokens(d) {
                let slot = &mut cursor[(tok >> FIELD_BITS) as usize];
                post[*slot as usize] = d << FIELD_BITS | (tok & FIELD_MASK);
                *slot += 1;
            }
        }
        self.post_start = start;
        self.post = post;
    }
}

/// The first eight bytes of `s`, zero-padded, big-endian: integers order like the strings
/// except for ties.
fn prefix_key(s: &str) -> u64 {
    let b = s.as_bytes();
    (0..8).fold(0u64, |k, i| {
        k << 8 | u64::from(b.get(i).copied().unwrap_or(0))
    })
}
