mod findings;
mod genesis;
mod permissions;
mod pruning;
mod queries;
mod rules;
mod statistics;
mod workflow;
