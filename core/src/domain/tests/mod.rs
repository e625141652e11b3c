//! Host tests of the domain.

mod body;
mod phone;
mod sample;
mod validate;
