//! Unit tests, one file per operation family. Every refusal is checked with `assert_noop!`
//! (the named error, and storage untouched); every test ends with the pallet's invariants.

mod admission;
mod application;
mod attestations;
mod consent;
mod operators;
mod permissions;
mod provider;
mod standing;
mod supervision;
