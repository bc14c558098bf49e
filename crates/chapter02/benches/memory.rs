//! Benchmark: the two speed claims of chapter 2.
//!
//! - `running_totals`: a fresh array whose every element a loop then writes
//!   (the running totals of the input, NumPy's `np.cumsum`), created four
//!   ways: `zeros` (asks the allocator for zeroed memory, `calloc`),
//!   `from_elem_nan` (a non-zero fill value: a full pass of writes),
//!   `uninit` (no fill at all, `assume_init` after the loop) and `vec_push`
//!   (a `Vec` filled by `push`, then `Array1::from_vec`: no fill, no
//!   `unsafe`). 1M values (8 MB) is memory the allocator recycles from one
//!   call to the next; 16M values (128 MB) is above glibc's largest `mmap`
//!   threshold (32 MiB), so every call gets fresh pages from the kernel.
//! - `column_sums`: the column sums of a row-major matrix (`X.sum(axis=0)`),
//!   with two index loops that differ only in which index is innermost, and
//!   with ndarray's `sum_axis`, on the row-major matrix and on a column-major
//!   copy of it.
//!
//! `memory.py` times the same workloads with NumPy; `cargo xtask bench
//! chapter02` puts both in one table.

use std::hint::black_box;
use std::time::Duration;

use chapter02::initialise::product_via_uninit;
use criterion::{
    BenchmarkId, Criterion, Throughput, criterion_group, criterion_main,
};
use ndarray::{
    Array1, Array2, ArrayView1, ArrayView2, Axis, ShapeBuilder, Zip,
};

/// The inputs of `product`: the same numbers as `memory.py` builds,
/// `(i mod 7) * 0.25` and `(i mod 5) * 0.5`, exact in binary.
fn factors(n: usize) -> (Array1<f64>, Array1<f64>) {
    let a = Array1::from_shape_fn(n, |i| (i % 7) as f64 * 0.25);
    let b = Array1::from_shape_fn(n, |i| (i % 5) as f64 * 0.5);
    (a, b)
}

/// `zeros` first, then `Zip` overwrites every element with `a * b`.
fn product_zeros(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Array1<f64> {
    let mut out = Array1::<f64>::zeros(a.len());
    Zip::from(&mut out)
        .and(&a)
        .and(&b)
        .for_each(|o, &x, &y| *o = x * y);
    out
}

/// A non-zero fill first (NaN for "not computed yet"), then the same `Zip`.
fn product_nan(a: ArrayView1<'_, f64>, b: ArrayView1<'_, f64>) -> Array1<f64> {
    let mut out = Array1::from_elem(a.len(), f64::NAN);
    Zip::from(&mut out)
        .and(&a)
        .and(&b)
        .for_each(|o, &x, &y| *o = x * y);
    out
}

/// `product_via_uninit` takes 2-D views; the workload is 1-D.
fn product_uninit(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Array1<f64> {
    let n = a.len();
    let a2 = a.into_shape_with_order((1, n)).expect("contiguous");
    let b2 = b.into_shape_with_order((1, n)).expect("contiguous");
    let product = product_via_uninit(a2, b2).expect("same shapes");
    product.into_shape_with_order(n).expect("one row")
}

/// ndarray's own `&a * &b`: `map_collect` into memory it never fills first.
fn product_operator(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
) -> Array1<f64> {
    &a * &b
}

fn fill(c: &mut Criterion) {
    let mut group = c.benchmark_group("product");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (n, label) in [(1 << 20, "1M_f64"), (1 << 24, "16M_f64")] {
        let (a, b) = factors(n);
        // Two reads and one write per element.
        group.throughput(Throughput::Bytes((3 * n * size_of::<f64>()) as u64));
        type Product =
            fn(ArrayView1<'_, f64>, ArrayView1<'_, f64>) -> Array1<f64>;
        let impls: [(&str, Product); 4] = [
            ("zeros", product_zeros),
            ("from_elem_nan", product_nan),
            ("uninit", product_uninit),
            ("operator", product_operator),
        ];
        let expected = product_operator(a.view(), b.view());
        for (name, f) in impls {
            // `==`: one rounding per element, the same on every path.
            assert_eq!(f(a.view(), b.view()), expected, "{name}");
            group.bench_with_input(
                BenchmarkId::new(name, label),
                &(&a, &b),
                |bench, (a, b)| {
                    bench.iter(|| f(black_box(a.view()), black_box(b.view())))
                },
            );
        }
    }
    group.finish();
}

/// The input of `column_sums`, as `memory.py` builds it: `(i + 2 j) mod 5`.
fn matrix(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| ((i + 2 * j) % 5) as f64)
}

// ANCHOR: loops
/// Column sums with the column index `j` innermost: on a row-major matrix the
/// loop walks memory in order, one element after the next.
fn column_sums_j_inner(x: ArrayView2<'_, f64>) -> Array1<f64> {
    let (n_rows, n_cols) = x.dim();
    let mut sums = Array1::<f64>::zeros(n_cols);
    for i in 0..n_rows {
        for j in 0..n_cols {
            sums[j] += x[[i, j]];
        }
    }
    sums
}

/// The same sums with the row index `i` innermost: on a row-major matrix each
/// step jumps a whole row ahead in memory.
fn column_sums_i_inner(x: ArrayView2<'_, f64>) -> Array1<f64> {
    let (n_rows, n_cols) = x.dim();
    let mut sums = Array1::<f64>::zeros(n_cols);
    for j in 0..n_cols {
        for i in 0..n_rows {
            sums[j] += x[[i, j]];
        }
    }
    sums
}
// ANCHOR_END: loops

fn traversal(c: &mut Criterion) {
    let mut group = c.benchmark_group("column_sums");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (n, label) in [(1000, "1000x1000_f64"), (4096, "4096x4096_f64")] {
        let c_order = matrix(n);
        let mut f_order = Array2::<f64>::zeros((n, n).f());
        f_order.assign(&c_order);
        let expected = c_order.sum_axis(Axis(0));
        // `==`: whole numbers, exact in any order of addition.
        assert_eq!(column_sums_j_inner(c_order.view()), expected);
        assert_eq!(column_sums_i_inner(c_order.view()), expected);
        assert_eq!(f_order.sum_axis(Axis(0)), expected);
        group.throughput(Throughput::Bytes((n * n * size_of::<f64>()) as u64));
        group.bench_with_input(
            BenchmarkId::new("loops_j_inner", label),
            &c_order,
            |b, x| b.iter(|| column_sums_j_inner(black_box(x.view()))),
        );
        group.bench_with_input(
            BenchmarkId::new("loops_i_inner", label),
            &c_order,
            |b, x| b.iter(|| column_sums_i_inner(black_box(x.view()))),
        );
        group.bench_with_input(
            BenchmarkId::new("sum_axis", label),
            &c_order,
            |b, x| b.iter(|| black_box(x).sum_axis(Axis(0))),
        );
        group.bench_with_input(
            BenchmarkId::new("sum_axis_f_order", label),
            &f_order,
            |b, x| b.iter(|| black_box(x).sum_axis(Axis(0))),
        );
    }
    group.finish();
}

criterion_group!(benches, fill, traversal);
criterion_main!(benches);
