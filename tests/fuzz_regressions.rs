//! The fuzz targets' checks (fuzz/src/lib.rs, compiled here as well so an
//! API change breaks CI and not only the fuzzer) replayed on every input
//! the fuzzers found worth keeping (fuzz/regressions/TARGET/) and on the
//! seeds, so a crash once found stays fixed.

use std::path::Path;

#[path = "../fuzz/src/lib.rs"]
mod fuzz_bodies;

mod common;

#[test]
fn saved_fuzz_inputs_pass_every_check() {
    let saved = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for &(target, check) in fuzz_bodies::TARGETS {
        for input in fuzz_bodies::saved_inputs(&saved, target) {
            let data = std::fs::read(&input).unwrap();
            // Printed first, so a failure names its input.
            eprintln!("{target}: {}", input.display());
            check(&data);
            replayed += 1;
        }
    }
    assert!(
        replayed >= 15,
        "only {replayed} saved inputs found in {saved:?}"
    );
}

#[test]
fn the_seeds_pass_every_check() {
    for seed in [common::SEED_000, common::SEED_003] {
        let text = std::fs::read(seed).unwrap();
        for &(target, check) in fuzz_bodies::TARGETS {
            eprintln!("{target}: {seed}");
            match target {
                // Width 60, shaping, alignment and reordering on, auto
                // direction: the first paragraph of the seed.
                "layout" => {
                    let first = text.split(|&b| b == b'\n').next().unwrap();
                    check(&[&[60, 7][..], first].concat());
                }
                // A first byte of 0 names the file essay.txt.
                "detect" | "file" => check(&[&[0][..], &text].concat()),
                _ => check(&text),
            }
        }
    }
}
