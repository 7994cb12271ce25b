//! The reader's state and its changes: actions, the key table, the reading
//! flow, and `App::update`, the one place state changes.

pub mod action;
pub mod flow;
pub mod keymap;
pub mod parallel;
pub mod state;

pub use action::Action;
pub use state::App;
pub mod reading_state;
pub mod search;
