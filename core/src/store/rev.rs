//! Revision identifiers: `N-hash`, where N is the depth in the revision tree.

use std::fmt;
use std::str::FromStr;

use md5::{Digest, Md5};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::doc::Body;

/// A revision id. Ordered as CouchDB orders them for the winner: by position, then by hash
/// (plain string comparison).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rev {
    pub pos: u64,
    pub hash: String,
}

/// A revision id that does not have the form `N-hash`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid revision id")]
pub struct InvalidRev;

impl Rev {
    pub fn new(pos: u64, hash: impl Into<String>) -> Self {
        Self {
            pos,
            hash: hash.into(),
        }
    }

    /// The revision that follows `parent` for this content: deterministic, so the same edit
    /// made twice yields the same id (md5 over parent, deletion flag and canonical JSON body).
    pub fn next(parent: Option<&Rev>, deleted: bool, body: &Body) -> Self {
        let mut h = Md5::new();
        match parent {
            Some(p) => h.update(p.to_string().as_bytes()),
            None => h.update(b"-"),
        }
        h.update(if deleted { b"\x01" } else { b"\x00" });
        // serde_json::Map is a BTreeMap (no preserve_order feature): keys serialise sorted.
        // Serialising a Map of Values cannot fail, so an empty fallback never changes a hash.
        h.update(serde_json::to_vec(body).unwrap_or_default());
        let hash = h
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        Self {
            pos: parent.map_or(1, |p| p.pos + 1),
            hash,
        }
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.pos, self.hash)
    }
}

impl FromStr for Rev {
    type Err = InvalidRev;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (pos, hash) = s.split_once('-').ok_or(InvalidRev)?;
        let pos: u64 = pos.parse().map_err(|_| InvalidRev)?;
        if pos == 0 || hash.is_empty() {
            return Err(InvalidRev);
        }
        Ok(Self {
            pos,
            hash: hash.to_owned(),
        })
    }
}

impl Serialize for Rev {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rev {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let r: Rev = "3-abc".parse().unwrap();
        assert_eq!(r, Rev::new(3, "abc"));
        assert_eq!(r.to_string(), "3-abc");
        assert!("abc".parse::<Rev>().is_err());
        assert!("0-abc".parse::<Rev>().is_err());
        assert!("x-abc".parse::<Rev>().is_err());
        assert!("2-".parse::<Rev>().is_err());
    }

    #[test]
    fn next_is_deterministic_and_depends_on_content_and_parent() {
        let mut body = Body::new();
        body.insert("name".into(), "Ana".into());
        let a = Rev::next(None, false, &body);
        assert_eq!(a, Rev::next(None, false, &body));
        assert_eq!(a.pos, 1);
        assert_eq!(a.hash.len(), 32);
        let b = Rev::next(Some(&a), false, &body);
        assert_eq!(b.pos, 2);
        assert_ne!(a.hash, b.hash);
        assert_ne!(Rev::next(None, true, &body), a);
        body.insert("name".into(), "Eva".into());
        assert_ne!(Rev::next(None, false, &body), a);
    }

    #[test]
    fn orders_by_position_then_hash() {
        assert!(Rev::new(2, "a") > Rev::new(1, "z"));
        assert!(Rev::new(2, "b") > Rev::new(2, "a"));
    }
}
