//! Documents as the stores keep and exchange them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::DocError;
use super::rev::Rev;
use super::tree::RevTree;
use super::{Change, Seq};

/// A document's own fields, without the underscore metadata (`_id`, `_rev`, `_deleted`, ...).
pub type Body = Map<String, Value>;

/// One revision of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub id: String,
    pub rev: Rev,
    pub deleted: bool,
    pub body: Body,
}

impl Doc {
    /// CouchDB's JSON form: the body with `_id`, `_rev` and (when deleted) `_deleted: true`.
    pub fn to_json(&self) -> Value {
        let mut m = self.body.clone();
        m.insert("_id".into(), Value::String(self.id.clone()));
        m.insert("_rev".into(), Value::String(self.rev.to_string()));
        if self.deleted {
            m.insert("_deleted".into(), Value::Bool(true));
        }
        Value::Object(m)
    }

    /// Reads CouchDB's JSON form. Underscore fields other than `_id`, `_rev`, `_deleted` are
    /// dropped (`_revisions`, `_conflicts`, `_attachments` are handled by their callers).
    pub fn from_json(value: Value) -> Result<Self, DocError> {
        let Value::Object(mut m) = value else {
            return Err(DocError::NotAnObject);
        };
        let id = match m.remove("_id") {
            Some(Value::String(s)) if !s.is_empty() => s,
            _ => return Err(DocError::MissingId),
        };
        let rev = match m.remove("_rev") {
            Some(Value::String(s)) => s.parse().map_err(|_| DocError::BadRev)?,
            _ => return Err(DocError::BadRev),
        };
        let deleted = matches!(m.remove("_deleted"), Some(Value::Bool(true)));
        m.retain(|k, _| !k.starts_with('_'));
        Ok(Self {
            id,
            rev,
            deleted,
            body: m,
        })
    }

    /// The `type` field, when present.
    pub fn doc_type(&self) -> Option<&str> {
        self.body.get("type").and_then(Value::as_str)
    }
}

/// A local edit (`new_edits=true`).
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub id: String,
    /// The revision this edit replaces; `None` to create the document.
    pub prev: Option<Rev>,
    pub deleted: bool,
    pub body: Body,
}

/// A revision received from another store, with its ancestry (`new_edits=false`).
#[derive(Clone, Debug, PartialEq)]
pub struct ReplicatedDoc {
    pub doc: Doc,
    /// Hashes of the revision and its ancestors, newest first, as CouchDB's `_revisions.ids`
    /// (the first is `doc.rev.hash`; position `doc.rev.pos - i` for the i-th).
    pub ancestry: Vec<String>,
}

/// The fields the secondary indexes use, taken from the winning revision's body; all `None`
/// when the winner is deleted, so deleted documents appear in no index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntries {
    /// `type`
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
    /// `owner`
    #[serde(rename = "o", default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// `account_id`
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// `updated_at`
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

impl IndexEntries {
    pub fn from_body(deleted: bool, body: &Body) -> Self {
        if deleted {
            return Self::default();
        }
        let s = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
        Self {
            doc_type: s("type"),
            owner: s("owner"),
            account: s("account_id"),
            updated: s("updated_at"),
        }
    }
}

/// Everything a store keeps about one document besides the bodies kept aside (non-winning
/// leaves and the base): the revision tree, the winner with its body inline (lists read one
/// record per document), the sequence of its latest change, the index entries and which
/// revision is the kept base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    pub id: String,
    pub seq: Seq,
    pub tree: RevTree,
    pub winner: Rev,
    pub deleted: bool,
    pub body: Body,
    #[serde(flatten)]
    pub index: IndexEntries,
    /// The kept base: a revision a local edit replaced, whose body is kept beside the leaf
    /// bodies so that a later conflict can be merged against the common ancestor. At most one
    /// per document, always a proper ancestor of a live leaf (see [`super::plan`]). Records
    /// written before bases were kept have none.
    #[serde(rename = "b", default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Rev>,
    /// The last revision a local edit on this device made (not one received by replication).
    /// While it is the only leaf, no other database can have it except through this device's
    /// pushes: see [`Change::made_here`]. Records written before this was kept have none.
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    pub made_here: Option<Rev>,
}

impl DocRecord {
    /// This document's row of the changes feed.
    pub fn change(&self) -> Change {
        let leaves: Vec<Rev> = self.tree.leaves().into_iter().map(|l| l.rev).collect();
        Change {
            seq: self.seq,
            id: self.id.clone(),
            made_here: self.made_here.is_some()
                && leaves.len() == 1
                && leaves.first() == self.made_here.as_ref(),
            leaves,
            deleted: self.deleted,
        }
    }

    /// The kept base when it is the common ancestor of the winner and of another live leaf:
    /// the revision whose body [`super::DocStore::conflict_base`] returns.
    pub fn conflict_base(&self) -> Option<&Rev> {
        let base = self.base.as_ref()?;
        let shared = |leaf: &Rev| self.tree.common_ancestor(&self.winner, leaf);
        let conflicts = self.tree.conflicts();
        conflicts
            .iter()
            .any(|leaf| shared(leaf).as_ref() == Some(base))
            .then_some(base)
    }

    /// The winning revision as a document.
    pub fn winning_doc(&self) -> Doc {
        Doc {
            id: self.id.clone(),
            rev: self.winner.clone(),
            deleted: self.deleted,
            body: self.body.clone(),
        }
    }
}
