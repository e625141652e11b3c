//! Revision trees and CouchDB's winning-revision rule.
//!
//! A tree holds every known revision of one document with its parent link and deletion flag.
//! Leaves are the current versions; more than one live leaf is a conflict. The winner is chosen
//! exactly as CouchDB (and pouchdb's `winningRev.js`) does: live leaves beat deleted ones, then
//! the higher position wins, then the greater hash (plain string comparison).

use std::collections::HashSet;

use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::TreeError;
use super::rev::Rev;

/// How many revisions of each branch a tree keeps, counted from its leaf (CouchDB's default
/// `_revs_limit`).
pub const DEFAULT_REVS_LIMIT: usize = 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
struct Node {
    rev: Rev,
    /// Index of the parent in `RevTree::nodes`; `None` for a root (a first revision, or one
    /// whose older ancestry is unknown or was stemmed).
    parent: Option<usize>,
    deleted: bool,
}

/// The revision tree of one document.
///
/// Invariants: revisions are unique; a parent comes before its children in `nodes`; a child's
/// position is its parent's plus one. Serialised compactly as a list of
/// `[pos, hash, parent_offset, deleted]` tuples, where `parent_offset` is how many entries back
/// the parent is (0 for a root) and `deleted` is 0 or 1.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevTree {
    nodes: Vec<Node>,
}

/// A leaf of a revision tree: a current version of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaf {
    pub rev: Rev,
    pub deleted: bool,
}

impl Leaf {
    /// CouchDB's winning order: live before deleted, then higher position, then greater hash.
    fn rank(&self) -> (bool, &Rev) {
        (!self.deleted, &self.rev)
    }
}

impl RevTree {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many revisions the tree holds.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Every revision in the tree, parents before children.
    pub fn revs(&self) -> impl Iterator<Item = &Rev> {
        self.nodes.iter().map(|n| &n.rev)
    }

    pub fn contains(&self, rev: &Rev) -> bool {
        self.index_of(rev).is_some()
    }

    /// Whether `rev` is a deletion; `None` when the tree does not hold it.
    pub fn is_deleted(&self, rev: &Rev) -> Option<bool> {
        self.index_of(rev).map(|i| self.nodes[i].deleted)
    }

    /// Whether `rev` is in the tree and has no child.
    pub fn is_leaf(&self, rev: &Rev) -> bool {
        self.index_of(rev)
            .is_some_and(|i| !self.nodes.iter().any(|n| n.parent == Some(i)))
    }

    /// Every leaf, in CouchDB's winning order (the winner first).
    pub fn leaves(&self) -> Vec<Leaf> {
        let has_child = self.has_child();
        let mut leaves: Vec<Leaf> = self
            .nodes
            .iter()
            .zip(has_child)
            .filter(|(_, has_child)| !has_child)
            .map(|(n, _)| Leaf {
                rev: n.rev.clone(),
                deleted: n.deleted,
            })
            .collect();
        crate::sort::sort_by(&mut leaves, |a, b| b.rank().cmp(&a.rank()));
        leaves
    }

    /// The winning revision; `None` only for an empty tree.
    pub fn winner(&self) -> Option<Leaf> {
        self.leaves().into_iter().next()
    }

    /// The live leaves other than the winner (CouchDB's `_conflicts`), in winning order.
    pub fn conflicts(&self) -> Vec<Rev> {
        self.leaves()
            .into_iter()
            .skip(1)
            .filter(|l| !l.deleted)
            .map(|l| l.rev)
            .collect()
    }

    /// The hashes of `rev` and its known ancestors, newest first (CouchDB's `_revisions.ids`;
    /// `_revisions.start` is `rev.pos`). `None` when the tree does not hold `rev`.
    pub fn path(&self, rev: &Rev) -> Option<Vec<String>> {
        let mut at = self.index_of(rev);
        let mut hashes = Vec::new();
        while let Some(i) = at {
            hashes.push(self.nodes[i].rev.hash.clone());
            at = self.nodes[i].parent;
        }
        (!hashes.is_empty()).then_some(hashes)
    }

    /// The parent of `rev`, when the tree holds both.
    pub fn parent(&self, rev: &Rev) -> Option<&Rev> {
        let i = self.index_of(rev)?;
        self.nodes[i].parent.map(|p| &self.nodes[p].rev)
    }

    /// Whether `ancestor` is a proper ancestor of `rev` (both in the tree).
    pub fn is_ancestor(&self, ancestor: &Rev, rev: &Rev) -> bool {
        let mut at = self.index_of(rev).and_then(|i| self.nodes[i].parent);
        while let Some(i) = at {
            if self.nodes[i].rev == *ancestor {
                return true;
            }
            at = self.nodes[i].parent;
        }
        false
    }

    /// The deepest revision that is an ancestor of both `a` and `b` (or one of them, when one
    /// descends from the other); `None` when their known histories do not meet.
    pub fn common_ancestor(&self, a: &Rev, b: &Rev) -> Option<Rev> {
        let mut seen = vec![false; self.nodes.len()];
        let mut at = self.index_of(a);
        while let Some(i) = at {
            seen[i] = true;
            at = self.nodes[i].parent;
        }
        let mut at = self.index_of(b);
        while let Some(i) = at {
            if seen[i] {
                return Some(self.nodes[i].rev.clone());
            }
            at = self.nodes[i].parent;
        }
        None
    }

    /// Adds a local edit: `rev` becomes a child of the leaf `parent`, or a new root when
    /// `parent` is `None`.
    pub fn insert(
        &mut self,
        parent: Option<&Rev>,
        rev: Rev,
        deleted: bool,
    ) -> Result<(), TreeError> {
        check_rev(&rev)?;
        if self.contains(&rev) {
            return Err(TreeError::AlreadyExists);
        }
        let parent = match parent {
            None => None,
            Some(p) => match self.index_of(p) {
                Some(i) if self.is_leaf(p) => Some(i),
                _ => return Err(TreeError::ParentNotALeaf),
            },
        };
        let expected_pos = parent.map_or(1, |i| self.nodes[i].rev.pos + 1);
        if rev.pos != expected_pos {
            return Err(TreeError::BadPosition);
        }
        self.nodes.push(Node {
            rev,
            parent,
            deleted,
        });
        Ok(())
    }

    /// Adds a replicated revision with its ancestry (hashes newest first, the first being
    /// `rev.hash`, as CouchDB's `_revisions.ids`), merging with the revisions already known.
    /// Returns whether the tree changed: grafting a known revision changes nothing.
    ///
    /// An ancestry that is empty or does not start with `rev.hash` is treated as unknown
    /// (`rev` becomes a root), and it is cut at the first empty hash. When the oldest known
    /// revision of the ancestry is a root whose parent was unknown (stemmed), the older part of
    /// the ancestry is linked above it, as CouchDB's merge does.
    pub fn graft(
        &mut self,
        rev: &Rev,
        deleted: bool,
        ancestry: &[String],
    ) -> Result<bool, TreeError> {
        check_rev(rev)?;
        if self.contains(rev) {
            return Ok(false);
        }
        let chain = chain_of(rev, ancestry);
        let known = chain.iter().position(|r| self.contains(r));
        let (mut parent, unknown) = match known {
            Some(k) => (self.index_of(&chain[k]), &chain[..k]),
            None => (None, &chain[..]),
        };
        for r in unknown.iter().rev() {
            self.nodes.push(Node {
                rev: r.clone(),
                parent,
                deleted: false,
            });
            parent = Some(self.nodes.len() - 1);
        }
        // The newest node pushed is `rev` itself (it was unknown): it carries the deletion flag.
        if let Some(last) = self.nodes.last_mut() {
            last.deleted = deleted;
        }
        if let Some(k) = known {
            self.link_older(&chain[k], &chain[k + 1..]);
        }
        Ok(true)
    }

    /// Drops, on every branch, the revisions more than `limit` (at least 1) steps from its leaf,
    /// as CouchDB's stemming does. Returns the dropped revisions (never a leaf).
    pub fn stem(&mut self, limit: usize) -> Vec<Rev> {
        let limit = limit.max(1);
        let n = self.nodes.len();
        let has_child = self.has_child();
        // Distance from each node to its nearest leaf; children come after parents, so a
        // reverse walk sees every child before its parent.
        let mut dist = vec![usize::MAX; n];
        for i in (0..n).rev() {
            if !has_child[i] {
                dist[i] = 0;
            }
            if let Some(p) = self.nodes[i].parent {
                dist[p] = dist[p].min(dist[i].saturating_add(1));
            }
        }
        let keep: Vec<bool> = dist.iter().map(|d| *d < limit).collect();
        let removed = self
            .nodes
            .iter()
            .zip(&keep)
            .filter(|(_, k)| !**k)
            .map(|(n, _)| n.rev.clone());
        let removed: Vec<Rev> = removed.collect();
        if !removed.is_empty() {
            let order: Vec<usize> = (0..n).filter(|i| keep[*i]).collect();
            self.rebuild(&order);
        }
        removed
    }

    fn index_of(&self, rev: &Rev) -> Option<usize> {
        self.nodes.iter().position(|n| n.rev == *rev)
    }

    fn has_child(&self) -> Vec<bool> {
        let mut has_child = vec![false; self.nodes.len()];
        for p in self.nodes.iter().filter_map(|n| n.parent) {
            has_child[p] = true;
        }
        has_child
    }

    /// Walks up from `start` along the ancestry `older` (newest first) and, where our line ends
    /// in a root, links the rest of `older` above it, reusing known revisions and adding
    /// unknown ones.
    fn link_older(&mut self, start: &Rev, older: &[Rev]) {
        let Some(mut child) = self.index_of(start) else {
            return;
        };
        let mut changed = false;
        for r in older {
            if let Some(p) = self.nodes[child].parent {
                // Already linked: follow our own ancestry while it agrees with the one given.
                if self.nodes[p].rev != *r {
                    break;
                }
                child = p;
                continue;
            }
            let parent = match self.index_of(r) {
                Some(p) => p,
                None => {
                    self.nodes.push(Node {
                        rev: r.clone(),
                        parent: None,
                        deleted: false,
                    });
                    self.nodes.len() - 1
                }
            };
            self.nodes[child].parent = Some(parent);
            child = parent;
            changed = true;
        }
        if changed {
            // Parents were added after their children: restore parents-first order. Positions
            // grow by one from parent to child, so ordering by position is enough.
            let mut order: Vec<usize> = (0..self.nodes.len()).collect();
            crate::sort::sort_by_key(&mut order, |i| self.nodes[*i].rev.pos);
            self.rebuild(&order);
        }
    }

    /// Keeps the nodes at `order` (old indexes, parents first) in that order; a parent not kept
    /// makes its child a root.
    fn rebuild(&mut self, order: &[usize]) {
        let mut new_index = vec![None; self.nodes.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old] = Some(new);
        }
        let nodes = order
            .iter()
            .map(|old| {
                let n = &self.nodes[*old];
                Node {
                    rev: n.rev.clone(),
                    parent: n.parent.and_then(|p| new_index[p]),
                    deleted: n.deleted,
                }
            })
            .collect();
        self.nodes = nodes;
    }
}

fn check_rev(rev: &Rev) -> Result<(), TreeError> {
    if rev.pos == 0 || rev.hash.is_empty() {
        return Err(TreeError::InvalidRev);
    }
    Ok(())
}

/// The revisions of an ancestry, newest first, starting with `rev`.
fn chain_of(rev: &Rev, ancestry: &[String]) -> Vec<Rev> {
    let ids = match ancestry.first() {
        Some(first) if *first == rev.hash => ancestry,
        _ => std::slice::from_ref(&rev.hash),
    };
    let max_len = usize::try_from(rev.pos).unwrap_or(usize::MAX);
    ids.iter()
        .take(max_len)
        .take_while(|h| !h.is_empty())
        .zip(0u64..)
        .map(|(h, i)| Rev::new(rev.pos - i, h.clone()))
        .collect()
}

/// One node in the stored form: `[pos, hash, parent_offset, deleted]`.
type StoredNode = (u64, String, usize, u8);

impl Serialize for RevTree {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.nodes.len()))?;
        for (i, n) in self.nodes.iter().enumerate() {
            let offset = n.parent.map_or(0, |p| i - p);
            seq.serialize_element(&(n.rev.pos, &n.rev.hash, offset, u8::from(n.deleted)))?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for RevTree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let stored = Vec::<StoredNode>::deserialize(d)?;
        from_stored(stored).map_err(serde::de::Error::custom)
    }
}

/// Rebuilds a tree from its stored form, checking every invariant (the data comes from disk).
fn from_stored(stored: Vec<StoredNode>) -> Result<RevTree, String> {
    let mut nodes: Vec<Node> = Vec::with_capacity(stored.len());
    let mut seen = HashSet::with_capacity(stored.len());
    for (i, (pos, hash, offset, deleted)) in stored.into_iter().enumerate() {
        let rev = Rev::new(pos, hash);
        check_rev(&rev).map_err(|_| format!("revision {i} has an invalid id"))?;
        let parent = match offset {
            0 => None,
            o if o <= i => Some(i - o),
            _ => {
                return Err(format!(
                    "revision {rev} points to a parent outside the tree"
                ));
            }
        };
        if parent.is_some_and(|p| nodes[p].rev.pos + 1 != pos) {
            return Err(format!("revision {rev} does not follow its parent"));
        }
        if !seen.insert(rev.clone()) {
            return Err(format!("revision {rev} appears twice"));
        }
        let deleted = match deleted {
            0 => false,
            1 => true,
            _ => return Err(format!("revision {rev} has an invalid deleted flag")),
        };
        nodes.push(Node {
            rev,
            parent,
            deleted,
        });
    }
    Ok(RevTree { nodes })
}

#[cfg(test)]
mod tests;
