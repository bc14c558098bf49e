//! Benchmark: the transpose of an n x n f64 matrix copied into row-major
//! memory, the copy a model makes when it needs `X.T` contiguous, at two
//! sizes: n = 4096 (128 MiB), where every row starts exactly 32 KiB after the
//! previous one and a column's cache lines fall into a few cache sets, and
//! n = 4104 (about 128.5 MiB), where the rows are 64 bytes more apart and a
//! column's lines spread over every set. The same implementations run at both:
//!
//! - `as_standard_layout`: ndarray's one-liner, `x.t().as_standard_layout()`.
//! - `index_loop`: two index loops, the output row by row, so that every read
//!   jumps a whole row of the input ahead.
//! - `blocked_32`: the copy tile by tile, 32 x 32 elements a tile
//!   (`chapter05::transpose::transpose_blocked`).
//!
//! The first three allocate a fresh output each time, as NumPy's
//! `np.ascontiguousarray(X.T)` does. The next four write into a preallocated
//! output, as `np.copyto(out, X.T)` does:
//!
//! - `assign_into`: ndarray's `out.assign(&x.t())`.
//! - `blocked_16_into`, `blocked_32_into`, `blocked_64_into`: the blocked copy
//!   (`transpose_blocked_into`) for three tile sizes.
//!
//! Each moves 2 x n x n x 8 bytes (one read and one write per element), the
//! throughput declared. `transpose.py` times NumPy; `cargo xtask bench
//! chapter05` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter05::transpose::{
    transpose_blocked, transpose_blocked_into, transpose_loop,
    transpose_to_owned,
};
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ndarray::Array2;

/// The input, as `transpose.py` builds it: element `[i, j]` is
/// `i * n + j`, so every element is distinct and a misplaced one is seen.
fn matrix(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| (i * n + j) as f64)
}

fn transpose(c: &mut Criterion) {
    let mut group = c.benchmark_group("transpose_copy");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    // A power of two, and the same size plus one 64-byte cache line a row.
    for (n, label) in [(4096, "4096x4096_f64"), (4104, "4104x4104_f64")] {
        let x = matrix(n);
        let expected = x.t().as_standard_layout().into_owned();
        assert!(expected.is_standard_layout());
        // Read once and written once.
        group.throughput(Throughput::Bytes(
            (2 * n * n * size_of::<f64>()) as u64,
        ));
        // `==`: every path copies the same values.
        assert_eq!(transpose_to_owned(x.view()), expected);
        group.bench_with_input(
            BenchmarkId::new("as_standard_layout", label),
            &x,
            |b, x| b.iter(|| transpose_to_owned(black_box(x.view()))),
        );
        assert_eq!(transpose_loop(x.view()), expected);
        group.bench_with_input(
            BenchmarkId::new("index_loop", label),
            &x,
            |b, x| b.iter(|| transpose_loop(black_box(x.view()))),
        );
        let blocked = transpose_blocked(x.view(), 32).expect("row-major");
        assert_eq!(blocked, expected);
        group.bench_with_input(
            BenchmarkId::new("blocked_32", label),
            &x,
            |b, x| b.iter(|| transpose_blocked(black_box(x.view()), 32)),
        );
        // Into a preallocated output, as np.copyto(out, X.T) does.
        let mut out = Array2::zeros((n, n));
        out.assign(&x.t());
        assert_eq!(out, expected);
        group.bench_with_input(
            BenchmarkId::new("assign_into", label),
            &x,
            |b, x| b.iter(|| out.assign(&black_box(x).t())),
        );
        for block in [16, 32, 64] {
            out.fill(0.0);
            transpose_blocked_into(x.view(), &mut out, block)
                .expect("row-major");
            assert_eq!(out, expected);
            group.bench_with_input(
                BenchmarkId::new(format!("blocked_{block}_into"), label),
                &x,
                |b, x| {
                    b.iter(|| {
                        transpose_blocked_into(
                            black_box(x.view()),
                            &mut out,
                            block,
                        )
                    })
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, transpose);
criterion_main!(benches);
