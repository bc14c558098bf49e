//! Precision: epsilons, f32 integers, running and pairwise sums against NumPy's values.

use chapter02::precision::{allclose, pairwise_sum, running_sum};
use ndarray::{Array1, array};

#[test]
fn epsilons_match_numpy_finfo() {
    // np.finfo(np.float32).eps == 1.1920929e-07; np.finfo(np.float64).eps == 2.220446049250313e-16
    assert_eq!(f32::EPSILON, 1.1920929e-7);
    assert_eq!(f64::EPSILON, 2.220446049250313e-16);
    let one = std::hint::black_box(1.0_f64);
    assert_eq!(one + f64::EPSILON / 2.0, one);
    assert!(one + f64::EPSILON > one);
    // np.float32(16777216.0) + np.float32(1.0) == 16777216.0
    let big = std::hint::black_box(16_777_216.0_f32);
    assert_eq!(big + 1.0, big);
    assert_ne!(0.1 + 0.2, 0.3);
}

#[test]
fn running_sum_matches_numpy_cumsum_in_f32() {
    // np.cumsum(np.full(n, 0.1, dtype=np.float32))[-1] for n = 10, 100, 1000, 12345, 10**6
    let expected = [
        (10, 1.0000001192092896),
        (100, 10.000001907348633),
        (1000, 99.9990463256836),
        (12345, 1234.345703125),
        (1_000_000, 100958.34375),
    ];
    for (n, numpy) in expected {
        assert_eq!(f64::from(running_sum(&vec![0.1_f32; n])), numpy, "n = {n}");
    }
}

#[test]
fn pairwise_sum_reproduces_numpy_sum_in_f32() {
    // np.sum(np.full(n, 0.1, dtype=np.float32)) for n = 10, 100, 1000, 12345, 10**6
    let expected = [
        (10, 1.0),
        (100, 10.00000286102295),
        (1000, 100.00001525878906),
        (12345, 1234.500244140625),
        (1_000_000, 100000.0078125),
    ];
    for (n, numpy) in expected {
        assert_eq!(f64::from(pairwise_sum(&vec![0.1_f32; n])), numpy, "n = {n}");
    }
}

#[test]
fn f64_running_sum_matches_numpy_cumsum() {
    // np.cumsum(np.full(10**6, 0.1))[-1] == 100000.00000133288
    assert_eq!(running_sum(&vec![0.1_f64; 1_000_000]), 100000.00000133288);
    // np.sum(np.full(10**6, 0.1)) == 100000.00000000003
    assert_eq!(pairwise_sum(&vec![0.1_f64; 1_000_000]), 100000.00000000003);
}

#[test]
fn ndarray_sum_lies_between_running_and_pairwise() {
    let values = vec![0.1_f32; 1_000_000];
    let exact = 100_000.0_f64;
    let error = |s: f32| (f64::from(s) - exact).abs();
    let ndarray_sum = Array1::from(values.clone()).sum();
    assert!(error(ndarray_sum) < error(running_sum(&values)));
    assert!(error(ndarray_sum) > error(pairwise_sum(&values)));
}

#[test]
fn allclose_compares_with_tolerances_and_rejects_shape_mismatch() {
    let computed = array![0.1 + 0.2, 1.0 / 3.0 * 3.0];
    let expected = array![0.3, 1.0];
    assert_ne!(computed, expected);
    assert!(allclose(&computed, &expected, 1e-9, 0.0).unwrap());
    // np.isclose(1e-9, 0.0) is True only because of the default atol=1e-8
    assert!(allclose(&array![1e-9], &array![0.0], 1e-5, 1e-8).unwrap());
    assert!(!allclose(&array![1e-9], &array![0.0], 1e-5, 0.0).unwrap());
    let err = allclose(&computed, &array![0.3], 1e-9, 0.0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot compare arrays of shapes [2] and [1]"
    );
}
