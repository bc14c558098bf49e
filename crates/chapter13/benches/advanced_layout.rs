//! Benchmark: array of structs against struct of arrays. The mean body mass
//! of each species over 10M synthetic penguin records (`synthetic_penguins`,
//! the numbers `advanced_layout.py` builds): `aos` walks the 40-byte records
//! (400 MB) and uses 9 bytes of each; `soa` reads two contiguous columns
//! (80 MB of masses, 10 MB of species codes).
//!
//! `advanced_layout.py` times the same with NumPy: a structured array's
//! strided fields (idiomatic) and `np.bincount` over contiguous columns
//! (best); `cargo xtask bench chapter13` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter13::records::{
    PenguinColumns, mean_mass_aos, mean_mass_soa, synthetic_penguins,
};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};

const N: usize = 10_000_000;
const LABEL: &str = "10M_records";

fn layout_group(c: &mut Criterion) {
    let records = synthetic_penguins(N);
    let columns = PenguinColumns::from_records(&records);
    let expected = mean_mass_aos(&records);
    assert_eq!(mean_mass_soa(&columns), expected);
    let mut group = c.benchmark_group("mean_mass");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(N as u64));
    group.bench_with_input(BenchmarkId::new("aos", LABEL), &records, |b, r| {
        b.iter(|| mean_mass_aos(black_box(r)))
    });
    group.bench_with_input(BenchmarkId::new("soa", LABEL), &columns, |b, c| {
        b.iter(|| mean_mass_soa(black_box(c)))
    });
    group.finish();
}

criterion_group!(benches, layout_group);
criterion_main!(benches);
