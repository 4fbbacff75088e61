mod currencies;
mod escrow;
mod payments;
mod properties;
mod quotes;
mod settle;
mod waterfall;
