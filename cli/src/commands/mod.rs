//! The commands, by what they concern.

pub mod alerts;
pub mod consent;
pub mod documents;
pub mod escrow;
pub mod figures;
pub mod finance;
pub mod hedge;
pub mod lines;
pub mod money;
pub mod participants;
pub mod pay;
pub mod quote;
pub mod show;
