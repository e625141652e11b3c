//! Accent- and case-insensitive prefix search over contacts and accounts.
//!
//! Invariants: every query word must be a prefix of some word of an entry; results are
//! deterministic (rank, then id); the work of one query is bounded by the postings of its
//! rarest word, never by the whole index.

mod fields;
mod index;
mod merge;
mod normalize;
mod query;
mod tokens;

pub use fields::{account_fields, contact_fields};
pub use index::SearchIndex;
pub use normalize::normalize;

#[cfg(test)]
mod tests;
