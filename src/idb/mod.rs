//! The IndexedDB `DocStore`.
