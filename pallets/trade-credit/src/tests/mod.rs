//! Unit tests, one file per operation family. Every refusal is checked with `assert_noop!`
//! (the named error, and storage untouched); every test ends with the pallet's invariants.

mod documents;
mod exposure;
mod goods;
mod ledger;
mod lines;
mod permissions;
mod properties;
mod record;
mod review;
mod supervision;
mod trades;
