//! Benchmark: standardising every column of a table held in three containers, a
//! `Vec<Vec<f64>>`, one flat `Vec<f64>` and an `ndarray::Array2<f64>`, at the
//! size of iris (150 x 4), at 1000 x 1000 (8 MB: it fits in this machine's
//! last-level cache) and at 8192 x 8192 (512 MiB: it does not, so memory
//! bandwidth limits it). `containers.py` times the same computation on the same
//! numbers with NumPy (idiomatic and best) and Python lists; `cargo xtask bench`
//! puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter01::{
    benchmark_table, flat_to_array, flat_to_rows, standardize_flat,
    standardize_ndarray, standardize_vec_of_vec,
};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};

/// (rows, columns, the SIZE label shared with the NumPy script).
const SIZES: [(usize, usize, &str); 3] = [
    (150, 4, "150x4_f64"),
    (1000, 1000, "1000x1000_f64"),
    (8192, 8192, "8192x8192_f64"),
];

/// Above this many elements a call takes most of a second: criterion times
/// ten single calls instead of its growing batches.
const LARGE: usize = 10_000_000;

fn standardize(c: &mut Criterion) {
    let mut group = c.benchmark_group("standardize");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (n_rows, n_cols, label) in SIZES {
        let flat = benchmark_table(n_rows, n_cols);
        let rows = flat_to_rows(&flat, n_cols).expect("a whole number of rows");
        let array = flat_to_array(flat.clone(), n_cols)
            .expect("a whole number of rows");
        let n = n_rows * n_cols;
        if n > LARGE {
            group.sampling_mode(SamplingMode::Flat).sample_size(10);
        }
        // Bytes read and written: the input once per pass (the fastest
        // version makes three) and the output once.
        group.throughput(Throughput::ElementsAndBytes {
            elements: n as u64,
            bytes: (4 * n * size_of::<f64>()) as u64,
        });
        group.bench_with_input(
            BenchmarkId::new("vec_of_vec", label),
            &rows,
            |b, rows| b.iter(|| standardize_vec_of_vec(black_box(rows))),
        );
        group.bench_with_input(
            BenchmarkId::new("flat", label),
            &flat,
            |b, flat| b.iter(|| standardize_flat(black_box(flat), n_cols)),
        );
        group.bench_with_input(
            BenchmarkId::new("ndarray", label),
            &array,
            |b, array| b.iter(|| standardize_ndarray(black_box(array.view()))),
        );
    }
    group.finish();
}

criterion_group!(benches, standardize);
criterion_main!(benches);
