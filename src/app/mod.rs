//! The reader: its state (`App`), the one way in (`App::handle` taking an
//! `Input`, giving back `Effect`s for the event loop), the commands and
//! their keys, the reading flow, and the rooms of its behaviour (reading,
//! footnotes, lists, side by side, search, marks, saved positions).

pub mod action;
pub mod event;
pub mod flow;
mod footnotes;
mod handle;
pub mod help;
pub mod keymap;
mod lists;
pub mod marks;
mod pages;
pub mod parallel;
pub mod prompt;
mod reader;
pub mod reading_state;
pub mod search;
mod side_by_side;
pub mod state;
pub mod view;

pub use action::Action;
pub use event::{Effect, Input, Opened, Ticket};
pub use reading_state::SaveSnapshot;
pub use state::App;
pub use view::{Group, LibraryEntry, Source, View};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_comfort;
