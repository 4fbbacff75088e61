#![doc = include_str!("../README.md")]
//!
//! This library is the analytics: typed [`records`] (what the indexer decodes from the chain
//! and what the [`simulate`]d population generates, in one shape), the [`detectors`] that find
//! what the on-chain rules miss, the [`statistics`] and forecast, and the [`evaluate`]d quality
//! of every detector on a labelled population; the service around it: the [`indexer`], the
//! [`findings`] filed back on chain and the [`dashboard`].

pub mod dashboard;
pub mod detectors;
pub mod evaluate;
pub mod findings;
#[cfg(test)]
mod fixtures;
pub mod hedging;
pub mod indexer;
pub mod live;
pub mod records;
pub mod simulate;
pub mod statistics;
pub mod stats;
