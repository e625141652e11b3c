//! Answering queries: prefix ranges, rarest word first, then the best `limit` by rank and id.
//!
//! Cost: the rarest query word's postings (one contiguous range, each entry's rank kept in a
//! per-entry array) plus a scan of the entries inserted since the last merge; then for each
//! other word one range check per token of the surviving candidates; then a linear selection
//! of the best `limit`. A one-letter query costs one pass over its postings, never a sort of
//! every match.

use std::cmp::Ordering;

use super::index::{FIELD_BITS, FIELD_MASK, SearchIndex};
use super::tokens::query_words;

/// About how many tokens an entry has (a contact: names, emails and their parts, phones).
const TOKENS_PER_DOC: usize = 12;

/// Added to a match's rank when the query word is only a prefix of the matched word.
const PREFIX_PENALTY: u16 = FIELD_MASK as u16 + 1;

/// The terms one query word matches.
struct WordMatch {
    /// Main terms `lo..hi` (sorted by text, so a prefix is a range).
    lo: u32,
    hi: u32,
    /// Matching terms created since the last merge: bit `t - main_terms` of each.
    recent: Vec<u64>,
    /// The term equal to the word, if any.
    exact: Option<u32>,
    /// Postings of the main range, plus every recent doc (an upper bound of their matches).
    estimate: usize,
}

impl WordMatch {
    /// The rank of `token` when it matches: its field, plus the prefix penalty.
    fn rank(&self, token: u32, main_terms: u32) -> Option<u16> {
        let t = token >> FIELD_BITS;
        let hit = (self.lo <= t && t < self.hi)
            || t.checked_sub(main_terms)
                .is_some_and(|r| bit(&self.recent, r));
        hit.then(|| field_rank(token, Some(t) == self.exact))
    }
}

fn field_rank(token: u32, exact: bool) -> u16 {
    let field = (token & FIELD_MASK) as u16;
    if exact { field } else { field + PREFIX_PENALTY }
}

impl SearchIndex {
    /// Ids of the best `limit` entries in which every word of `query` is a prefix of some word
    /// (accents and case ignored, digit groups joined so "612 34" finds "+34 612 34 56 78").
    ///
    /// Rank, lower first: for each query word, its best match's field index, plus 16 when it
    /// matched only a prefix of a longer word (so whole words beat prefixes, then earlier
    /// fields beat later ones); summed over the words. Ties go by id (creation order for
    /// UUID v7 ids). An empty query matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<String> {
        let words = query_words(query);
        if words.is_empty() || limit == 0 || self.is_empty() {
            return Vec::new();
        }
        let mut matches: Vec<WordMatch> = words.iter().map(|w| self.word_match(w)).collect();
        let Some(rarest) = (0..matches.len()).min_by_key(|&i| matches[i].estimate) else {
            return Vec::new();
        };
        let driver = matches.swap_remove(rarest);
        let mut hits = Vec::new();
        let ranks = self.ranks_of(&driver, Some(&mut hits));
        let mut scored: Vec<(u16, u32)> =
            hits.into_iter().map(|d| (ranks[d as usize], d)).collect();
        for word in &matches {
            if scored.is_empty() {
                break;
            }
            // Scanning the word's postings beats checking each candidate's ~15 tokens when
            // the postings are fewer.
            let ranks = (word.estimate < scored.len().saturating_mul(TOKENS_PER_DOC))
                .then(|| self.ranks_of(word, None));
            scored.retain_mut(|(score, doc)| {
                let rank = match &ranks {
                    Some(r) => Some(r[*doc as usize]).filter(|&r| r != u16::MAX),
                    None => self.best_rank(word, *doc),
                };
                *score = score.saturating_add(rank.unwrap_or(u16::MAX));
                rank.is_some()
            });
        }
        self.best(scored, limit)
    }

    fn word_match(&self, word: &str) -> WordMatch {
        let lo = partition(0, self.main_terms, |t| self.text(t) < word);
        let hi = partition(lo, self.main_terms, |t| self.text(t).starts_with(word));
        // Terms created since the last merge are few (a merge follows an eighth of the index
        // changing) and contiguous in the arena: scan them.
        let total = u32::try_from(self.term_bounds.len() - 1).unwrap_or(u32::MAX);
        let mut recent = vec![0u64; (total - self.main_terms).div_ceil(64) as usize];
        let mut exact = Some(lo).filter(|&t| t < hi && self.text(t) == word);
        for t in self.main_terms..total {
            let text = self.text(t);
            if text.starts_with(word) {
                let r = t - self.main_terms;
                recent[(r / 64) as usize] |= 1 << (r % 64);
                if text.len() == word.len() {
                    exact = Some(t);
                }
            }
        }
        let main_postings = self.post_start[hi as usize] - self.post_start[lo as usize];
        let recent_docs = self.doc_ids.len() - self.main_docs as usize;
        WordMatch {
            lo,
            hi,
            recent,
            exact,
            estimate: main_postings as usize + recent_docs,
        }
    }

    /// The best rank of `word` in every doc (`u16::MAX`: no match); pushes the matching docs
    /// to `hits` when given.
    fn ranks_of(&self, word: &WordMatch, mut hits: Option<&mut Vec<u32>>) -> Vec<u16> {
        let mut best = vec![u16::MAX; self.doc_ids.len()];
        let (start, end) = (
            self.post_start[word.lo as usize],
            self.post_start[word.hi as usize],
        );
        let exact_end = match word.exact {
            Some(t) if t == word.lo && t < self.main_terms => self.post_start[t as usize + 1],
            _ => start,
        };
        let check_dead = self.dead_count > 0;
        for (i, &p) in (start..end).zip(&self.post[start as usize..end as usize]) {
            let doc = (p >> FIELD_BITS) as usize;
            if check_dead && self.dead[doc] {
                continue;
            }
            let rank = field_rank(p, i < exact_end);
            if best[doc] == u16::MAX
                && let Some(h) = hits.as_mut()
            {
                h.push(p >> FIELD_BITS);
            }
            best[doc] = best[doc].min(rank);
        }
        let n = u32::try_from(self.doc_ids.len()).unwrap_or(u32::MAX);
        for doc in self.main_docs..n {
            if let Some(rank) = self.best_rank(word, doc) {
                if let Some(h) = hits.as_mut() {
                    h.push(doc);
                }
                best[doc as usize] = rank;
            }
        }
        best
    }

    /// The best rank of `word` over the tokens of a live `doc`.
    fn best_rank(&self, word: &WordMatch, doc: u32) -> Option<u16> {
        if self.dead[doc as usize] {
            return None;
        }
        self.doc_tokens(doc)
            .iter()
            .filter_map(|&tok| word.rank(tok, self.main_terms))
            .min()
    }

    /// The ids of the best `limit` by (rank, id), in that order.
    fn best(&self, scored: Vec<(u16, u32)>, limit: usize) -> Vec<String> {
        let ids = |ranked: &[(u16, u32)]| {
            ranked
                .iter()
                .map(|&(_, d)| self.doc_ids[d as usize].to_string())
                .collect()
        };
        if self.main_docs as usize == self.doc_ids.len() {
            // Every doc is in the main part, sorted by id: (rank, slot) as one integer orders
            // like (rank, id).
            let mut keys: Vec<u64> = scored
                .iter()
                .map(|&(r, d)| u64::from(r) << 32 | u64::from(d))
                .collect();
            select(&mut keys, limit, Ord::cmp);
            let ranked: Vec<(u16, u32)> =
                keys.iter().map(|&k| ((k >> 32) as u16, k as u32)).collect();
            return ids(&ranked);
        }
        let by_id = |a: u32, b: u32| match a < self.main_docs && b < self.main_docs {
            true => a.cmp(&b),
            false => self.doc_ids[a as usize].cmp(&self.doc_ids[b as usize]),
        };
        let mut scored = scored;
        select(&mut scored, limit, |a, b| {
            a.0.cmp(&b.0).then_with(|| by_id(a.1, b.1))
        });
        ids(&scored)
    }
}

/// Keeps the first `limit` of `items` by `cmp`, sorted.
fn select<T>(items: &mut Vec<T>, limit: usize, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() > limit {
        items.select_nth_unstable_by(limit - 1, &cmp);
        items.truncate(limit);
    }
    crate::sort::sort_by(items, cmp);
}

fn bit(bits: &[u64], i: u32) -> bool {
    bits.get((i / 64) as usize)
        .is_some_and(|w| w >> (i % 64) & 1 == 1)
}

/// The first `t` in `lo..hi` for which `pred` is false, `pred` being true then false.
fn partition(mut lo: u32, mut hi: u32, pred: impl Fn(u32) -> bool) -> u32 {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) { lo = mid + 1 } else { hi = mid }
    }
    lo
}
