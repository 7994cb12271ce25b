//! Criterion benchmark of the pdftext importer on 1 MB and 10 MB made from
//! seed 000 repeated, and on 10 MB of a pdftotext extraction from the
//! corpus (bidi controls, form feeds, numbered notes) repeated. Each copy's long lines get the copy number appended,
//! so no body line recurs across copies (a line recurring on many pages is
//! what a running header looks like, and would be dropped as one), while
//! headings and page numbers stay recognisable.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hamish::document::import::pdftext;

fn corpus(bytes: usize) -> String {
    repeated(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_888738dd473cd04e.txt"
        ),
        bytes,
    )
}

fn repeated(path: &str, bytes: usize) -> String {
    let seed = std::fs::read_to_string(path).expect("seed");
    let mut out = String::with_capacity(bytes + seed.len() * 2);
    let mut copy = 0;
    while out.len() < bytes {
        copy += 1;
        for line in seed.lines() {
            out.push_str(line);
            if line.trim().chars().count() >= 25 {
                out.push_str(&format!(" {copy}"));
            }
            out.push('\n');
        }
    }
    out
}

fn bench_import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_pdftext");
    group.sample_size(10);
    for mb in [1usize, 10] {
        let text = corpus(mb * 1_000_000);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, text| b.iter(|| pdftext::import(text).notes.len()),
        );
    }
    let text = repeated(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/text/pdftotext/01_water.lo.txt"
        ),
        10_000_000,
    );
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::from_parameter("10MB pdftotext corpus"),
        &text,
        |b, text| b.iter(|| pdftext::import(text).notes.len()),
    );
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
