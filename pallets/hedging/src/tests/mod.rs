//! Unit tests, by concern: offers and acceptance, settlement at the value date (and the
//! default rule), close-out, the regulator's margin rates, and what supervision hears.

mod close_out;
mod designation;
mod margin;
mod offers;
mod real_demand;
mod settlement;
mod supervision;
