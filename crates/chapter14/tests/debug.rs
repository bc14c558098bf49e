//! The debugging clinic's fixes, each tested on the input that broke the
//! original code and on one that the original got right.

use chapter14::debug::*;
use chapter14::perf::uniform;
use ndarray::{Array1, Array2, array, s};
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[test]
fn scores_multiply_by_the_transpose_and_reject_other_widths() {
    let x = array![[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]];
    let w = array![[1.0, 0.0, -1.0]];
    assert_eq!(scores(x.view(), w.view()), Ok(array![[-2.0], [0.0]]));
    let err = scores(x.view(), x.t()).unwrap_err();
    assert_eq!(
        err,
        DebugError::Shape("samples [2, 3], weights [3, 2]".into())
    );
}

#[test]
fn rows_are_centred_on_their_own_means() {
    let x = array![[1.0, 2.0, 6.0], [10.0, 10.0, 10.0]];
    let c = centre_rows(x.view()).unwrap();
    assert_eq!(c, array![[-2.0, -1.0, 3.0], [0.0, 0.0, 0.0]]);
    assert!(centre_rows(Array2::<f64>::zeros((2, 0)).view()).is_none());
}

#[test]
fn flatten_reads_any_view_in_row_major_order() {
    let x = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    let expected: Array1<f64> = x.t().iter().copied().collect();
    assert_eq!(flatten(x.t()), expected); // a transpose: copied
    assert_eq!(flatten(x.view()), Array1::range(0.0, 12.0, 1.0)); // as is
    let stepped = x.slice(s![.., ..;2]); // columns 0 and 2
    assert_eq!(flatten(stepped), array![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
}

#[test]
fn a_column_is_copied_with_two_disjoint_views() {
    let mut a = array![[1.0, 2.0], [3.0, 4.0]];
    copy_column(&mut a, 1, 0).unwrap();
    assert_eq!(a, array![[2.0, 2.0], [4.0, 4.0]]);
    copy_column(&mut a, 1, 1).unwrap(); // the same column: nothing to do
    assert!(copy_column(&mut a, 2, 0).is_err());
}

#[test]
fn pixels_are_summed_without_wrapping() {
    // 300 pixels of 255: the u8 sum wraps (76500 mod 256 = 212) in the
    // release profile the book builds with, where overflow is unchecked.
    let img = Array2::<u8>::from_elem((10, 30), 255);
    assert_eq!(img.sum(), 212);
    assert_eq!(mean_pixel(img.view()), Some(255.0));
    assert_eq!(mean_pixel(Array2::<u8>::zeros((0, 3)).view()), None);
}

#[test]
fn nan_mean_skips_and_counts_the_gaps() {
    let t = array![21.5, 22.0, f64::NAN, 23.5, 22.5];
    assert_eq!(nan_mean(t.view()), Some((22.375, 1)));
    assert_eq!(nan_mean(array![f64::NAN].view()), None);
}

#[test]
fn an_f32_sum_in_f64_is_exact_here() {
    let x = vec![0.1_f32; 10_000_000];
    let plain: f32 = x.iter().sum();
    assert!((plain - 1.0e6).abs() > 8.0e4); // the drift the clinic shows
    assert_eq!(sum_f32(&x), 1.0e6);
}

#[test]
fn standardise_works_down_the_columns_even_on_a_square() {
    let sq = array![[1.0, 10.0, 100.0], [2.0, 20.0, 200.0], [3.0, 30.0, 300.0]];
    let z = standardise(sq.view()).unwrap();
    let r = 1.5_f64.sqrt(); // (x - mean) / std for 1, 2, 3
    for col in z.columns() {
        support::fixtures::assert_allclose(
            &col.to_vec(),
            &[-r, 0.0, r],
            0.0,
            1e-15,
        );
    }
}

#[test]
fn a_singular_system_falls_back_to_the_minimum_norm_solution() {
    let a = array![[1.0, 2.0], [3.0, 6.0]];
    let (x, fell_back) =
        solve_or_lstsq(a.view(), array![5.0, 15.0].view()).unwrap();
    assert!(fell_back);
    // x1 + 2 x2 = 5 with the least |x|: x = (1, 2).
    support::fixtures::assert_allclose(&x.to_vec(), &[1.0, 2.0], 0.0, 1e-12);
    let b = array![[2.0, 1.0], [1.0, 3.0]];
    let (x, fell_back) =
        solve_or_lstsq(b.view(), array![3.0, 4.0].view()).unwrap();
    assert!(!fell_back);
    support::fixtures::assert_allclose(&x.to_vec(), &[1.0, 1.0], 0.0, 1e-14);
}

#[test]
fn there_are_n_minus_w_plus_one_windows() {
    let x = Array1::range(1.0, 7.0, 1.0);
    assert_eq!(window_sums(x.view(), 3), Ok(array![6.0, 9.0, 12.0, 15.0]));
    assert_eq!(window_sums(x.view(), 6), Ok(array![21.0]));
    assert!(window_sums(x.view(), 0).is_err());
    assert!(window_sums(x.view(), 7).is_err());
}

#[test]
fn predicting_with_views_allocates_only_the_result() {
    let x = uniform(500, 8, 1);
    let w = uniform(1, 8, 2).row(0).to_owned();
    let (slow, copying) = count_allocations(|| predict_copying(x.view(), &w));
    let (fast, viewing) = count_allocations(|| predict(x.view(), w.view()));
    assert_eq!(slow, fast);
    assert_eq!(copying.count, 501); // a copy per row, and the result
    assert_eq!(viewing.count, 1);
}
