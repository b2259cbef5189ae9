//! Cross-crate tests: the architecture's invariants and user journeys through maskcheck-app.

mod architecture;
mod journeys;
