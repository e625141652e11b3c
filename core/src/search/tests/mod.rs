//! Host tests of the search index (correctness only; timing is benchmarked elsewhere).

mod basics;
mod oracle;
