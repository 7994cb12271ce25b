//! cargo-fuzz entry for the `pdf` target; what it checks is
//! `hamish_fuzz::pdf_file` (fuzz/src/lib.rs), which tests/fuzz_regressions.rs
//! also runs on the saved inputs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hamish_fuzz::pdf_file(data));
