//! Small dense ids for the rep names of a slice of deals, so 50 000-deal totals index arrays
//! instead of comparing strings in maps.

use crate::sort;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: fast for the short keys used here (user names, currency codes); not DoS-resistant,
/// which does not matter for the app's own data.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Names seen so far, each with the index of its first appearance.
#[derive(Default)]
pub(crate) struct Interner<'a> {
    ids: HashMap<&'a str, usize, BuildHasherDefault<Fnv>>,
    pub names: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    /// The id of `name`, new ones numbered from 0 in order of appearance.
    pub fn id(&mut self, name: &'a str) -> usize {
        let next = self.names.len();
        let id = *self.ids.entry(name).or_insert(next);
        if id == next {
            self.names.push(name);
        }
        id
    }

    /// Ids in name order.
    pub fn sorted(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.names.len()).collect();
        sort::sort_by_key(&mut order, |i| {
            self.names.get(*i).copied().unwrap_or_default()
        });
        order
    }
}
