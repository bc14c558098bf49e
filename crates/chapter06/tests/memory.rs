//! The peak-tracking allocator and the claims of the memory section: a
//! broadcast view allocates nothing; chunking bounds the peak. (One test:
//! the allocator's totals are process-wide, and tests run in parallel.)

use chapter06::distance::{pairwise_chunked, pairwise_naive};
use ndarray::{Array1, Array2};
use support::alloc::{CountingAllocator, measure_peak};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[test]
fn peaks_of_views_naive_and_chunked() {
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
}
