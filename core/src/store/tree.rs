//! Revision trees and CouchDB's winning-revision rule.

use serde::{Deserialize, Serialize};

/// The revision tree of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevTree {}
