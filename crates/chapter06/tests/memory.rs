//! The peak-tracking allocator and the claims of the memory section: a
//! broadcast view allocates nothing; chunking bounds the peak; the GEMM
//! trick's extra peak is matrixmultiply's packing buffer; the idiomatic
//! standardisation allocates one full-size array. (One test for the peaks:
//! the allocator's totals are process-wide, and tests run in parallel.)

use chapter06::distance::{pairwise_chunked, pairwise_gemm, pairwise_naive};
use chapter06::standardise::standardise_idiomatic;
use ndarray::{Array1, Array2};
use support::alloc::{CountingAllocator, count_allocations, measure_peak};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[test]
fn peaks_and_allocations() {
    peaks_of_views_naive_chunked_and_gemm();
    idiomatic_standardisation_allocates_one_full_size_array();
}

fn peaks_of_views_naive_chunked_and_gemm() {
    // Peaks are process-wide: one test measures them all, in sequence.
    let mean = Array1::<f64>::zeros(3);
    let (view, peak) =
        measure_peak(|| mean.broadcast((1000, 3)).map(|v| v.len()));
    assert_eq!((view, peak), (Some(3000), 0));

    let (n, m, d) = (200, 150, 16);
    let x = Array2::from_shape_fn((n, d), |(i, k)| (i * 3 + k) as f64 / 7.0);
    let y = Array2::from_shape_fn((m, d), |(j, k)| (j * 5 + k) as f64 / 9.0);
    let (naive, naive_peak) =
        measure_peak(|| pairwise_naive(x.view(), y.view()));
    let (chunked, chunked_peak) =
        measure_peak(|| pairwise_chunked(x.view(), y.view(), 10));
    assert_eq!(naive.unwrap(), chunked.unwrap());
    // The naive peak holds the whole (n, m, d) cube; the chunked one a
    // (10, m, d) block, the output and one block of sums.
    assert!(naive_peak >= n * m * d * 8);
    let cube = 10 * m * d * 8;
    assert!(chunked_peak <= cube + n * m * 8 + 10 * m * 8 + 1024);
    assert!(naive_peak > 4 * chunked_peak);

    // The GEMM trick: the output, the two norm vectors, and the packing
    // buffer matrixmultiply allocates inside `dot` (kc x (mc + nc) values,
    // with kc = min(d, 256), mc = min(n, 64), nc = min(m, 1024), each
    // rounded up to the kernel's tile, 8 rows by 4 or 8 columns).
    let (n, m, d) = (2000, 2000, 64);
    let x = Array2::from_shape_fn((n, d), |(i, k)| (i * 3 + k) as f64 / 7.0);
    let y = Array2::from_shape_fn((m, d), |(j, k)| (j * 5 + k) as f64 / 9.0);
    let (gemm, gemm_peak) = measure_peak(|| pairwise_gemm(x.view(), y.view()));
    assert_eq!(gemm.unwrap().dim(), (n, m));
    let (output, norms) = (n * m * 8, (n + m) * 8);
    let packing = d * (64 + 1024) * 8; // 544 KiB
    let extra = gemm_peak - output;
    assert!(extra >= norms + packing, "extra {extra}");
    assert!(extra <= norms + packing + 4096, "extra {extra}");
    // The norms alone are a small part of it.
    assert!(norms * 10 < packing);
}

fn idiomatic_standardisation_allocates_one_full_size_array() {
    // `&x - &mean` allocates the result; `/ &std` divides that owned array
    // in place. The other allocations (the mean, and var_axis's running
    // means and sums) are rows of d values.
    let (n, d) = (1000, 50);
    let x = Array2::from_shape_fn((n, d), |(i, k)| ((i * 7 + k) % 13) as f64);
    let (z, seen) = count_allocations(|| standardise_idiomatic(x.view()));
    assert_eq!(z.unwrap().dim(), (n, d));
    let full = n * d * 8;
    assert!(seen.bytes >= full, "{seen}");
    assert!(seen.bytes - full <= 8 * d * 8, "{seen}");
}
