mod findings;
mod permissions;
mod pruning;
mod queries;
mod rules;
mod statistics;
mod workflow;
