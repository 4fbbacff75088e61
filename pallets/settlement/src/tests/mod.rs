mod currencies;
mod escrow;
mod payments;
mod permissions;
mod properties;
mod quotes;
mod settle;
mod waterfall;
