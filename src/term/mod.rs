//! The terminal room: everything hamish knows about and does to the
//! terminal. What kind of terminal this is (`kind`), every control sequence
//! hamish sends (`escape`), what mlterm's bidi was set to (`mlterm`), taking the terminal over and giving it back on
//! every way out (`guard`), input and signals as one queue of events
//! (`events`, decoded by `keys`), and painting frames with as few bytes as
//! possible (`paint`, told about scrolling by `scroll`), and whether tmux
//! lets the BiDi switches through (`tmux`). Nothing here knows
//! about documents or the reader's state.

pub mod escape;
pub mod events;
pub mod guard;
pub mod keys;
pub mod kind;
pub mod mlterm;
pub mod out;
pub mod paint;
pub mod scroll;
pub mod tmux;

pub use escape::{Modes, Route};
pub use events::{is_suspend_key, Events, TermEvent};
pub use guard::TerminalGuard;
pub use kind::TerminalKind;
pub use paint::Screen;
pub use scroll::{RowTracker, ScrollHint};
