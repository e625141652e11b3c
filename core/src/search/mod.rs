//! Accent- and case-insensitive search.
