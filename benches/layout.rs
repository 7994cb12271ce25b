//! Criterion benchmark of the layout engine on the bundled essays:
//! throughput of `layout_paragraph` (wrap + reorder + shape) at width 80,
//! and with shaping off. The whole-file comparison with fribidi on 1, 10 and
//! 100 MB is bench/layout.sh.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use hamish::layout::{layout_paragraph, LayoutOptions};

fn essays() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    [
        "seeds/000_888738dd473cd04e.txt",
        "seeds/003_5eac0dfd78b8d8c0.txt",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(format!("{root}/{p}")).expect("seed"))
    .collect()
}

fn bench_layout(c: &mut Criterion) {
    let text = essays();
    let paragraphs: Vec<&str> = text.split('\n').collect();
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, shape) in [("essays_w80_shaped", true), ("essays_w80_unshaped", false)] {
        let options = LayoutOptions {
            width: 80,
            shape,
            ..LayoutOptions::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                paragraphs
                    .iter()
                    .map(|p| layout_paragraph(p, &options, &[]).cells.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
