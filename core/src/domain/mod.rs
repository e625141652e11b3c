//! CRM entities and their rules.
