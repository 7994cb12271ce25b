//! hamish: a terminal reader for essays that mix Arabic and English.
//!
//! The crate is a library (layout engine, document model, reader) so that tests
//! and benchmarks use exactly what the binary uses. Data flows one way:
//! import → document → layout → view.
#![forbid(unsafe_code)]

pub mod app;
pub mod bundled;
pub mod cli;
pub mod config;
pub mod document;
pub mod layout;
pub mod library;
pub mod message;
pub mod open;
pub mod persist;
pub mod print;
pub mod search;
pub mod settings;
pub mod source_file;
pub mod term;
pub mod terminal_check;
pub mod ui;
