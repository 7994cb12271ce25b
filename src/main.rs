//! The `hamish` command line.
#![forbid(unsafe_code)]

fn main() {}
