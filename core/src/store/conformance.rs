//! DocStore conformance suite.
