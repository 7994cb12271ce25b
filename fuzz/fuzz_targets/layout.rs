//! cargo-fuzz entry for the `layout` target; what it checks is
//! `hamish_fuzz::layout` (fuzz/src/lib.rs), which tests/fuzz_regressions.rs
//! also runs on the saved inputs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hamish_fuzz::layout(data));
