//! Helpers shared by the integration tests, written once: running the
//! binary hermetically, scratch paths, the seeds, the pseudo-terminal
//! session, random documents, and the Arabic words the tests look for.
//!
//! Every file under tests/ is a crate of its own and uses only some of
//! these, so the helpers it leaves unused are not warnings.
#![allow(dead_code, unused_imports)]

pub mod cli;
pub mod outline;
pub mod pty;
pub mod seeds;
pub mod strategies;
pub mod words;

pub use cli::{command, hamish, hamish_within, scratch, stderr};
pub use seeds::{seed000, seed003, visual, SEED_000, SEED_003};
pub use strategies::{doc_text, PIECES};
