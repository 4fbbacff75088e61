//! Unit tests, one file per part of the lifecycle. Refusals use `assert_noop!` (the named error,
//! storage untouched); every test ends with both pallets' invariants.

mod application;
mod interest;
mod overdue;
mod permissions;
mod repayment;
mod review;
mod supervision;
