//! Criterion benchmark of Arabic-aware search over a 10 MB document: the
//! whole flow searched for "اكتوبر" (October) with folding, and exactly.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hamish::search::{find_in_items, Mode};

fn bench_search(c: &mut Criterion) {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/003_5eac0dfd78b8d8c0.txt"
    ))
    .expect("seed");
    let seed0 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_888738dd473cd04e.txt"
    ))
    .expect("seed");
    // Paragraphs as the reader holds them: ~10 MB of the essays' lines.
    let unit: Vec<String> = seed
        .lines()
        .chain(seed0.lines())
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let mut items = Vec::new();
    let mut size = 0;
    while size < 10_000_000 {
        for p in &unit {
            size += p.len();
            items.push(p.clone());
        }
    }
    let query = "\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}"; // اكتوبر
    let mut group = c.benchmark_group("search_10MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(size as u64));
    group.bench_function("folded", |b| {
        b.iter(|| find_in_items(items.iter().map(String::as_str), query, Mode::Folded).len())
    });
    group.bench_function("exact", |b| {
        b.iter(|| find_in_items(items.iter().map(String::as_str), query, Mode::Exact).len())
    });
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
