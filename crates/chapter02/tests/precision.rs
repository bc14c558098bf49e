//! Precision: epsilons, f32 integers, running and pairwise sums against NumPy's
//! values, which come from `tests/fixtures/precision.py`.

use chapter02::precision::{allclose, pairwise_sum, running_sum};
use ndarray::{Array1, array};

/// What NumPy gives in `tests/fixtures/precision.py`. f32 results are stored as
/// the f64 of the same value (widening is exact), so every comparison is `==`.
#[derive(serde::Deserialize)]
struct NumPy {
    finfo_float32: Finfo,
    finfo_float64: Finfo,
    /// `np.float64(1.0) + eps / 2` and `+ eps`
    one_plus_half_eps: f64,
    one_plus_eps: f64,
    /// `np.float32(16777216.0) + np.float32(1.0)`
    float32_2_24_plus_1: f64,
    /// `0.1 + 0.2`
    tenth_plus_fifth: f64,
    /// `np.full((10**6, 3), 0.1, dtype=np.float32).sum(axis=0)[0]`
    column_sum_axis0_float32_1e6: f64,
    sums_float32: Vec<Sum>,
    sums_float64: Vec<Sum>,
    /// `np.allclose([0.1 + 0.2, 1 / 3 * 3], [0.3, 1.0], rtol=1e-9, atol=0)`
    allclose_rtol_1e_9: bool,
    /// `np.array_equal` of the same two
    array_equal_computed: bool,
    /// `np.isclose(1e-9, 0.0)` (default rtol=1e-5, atol=1e-8) and with `atol=0`
    isclose_1e_9_0_default: bool,
    isclose_1e_9_0_atol_0: bool,
}

/// `np.finfo(dtype)`
#[derive(serde::Deserialize)]
struct Finfo {
    eps: f64,
    max: f64,
    min: f64,
    smallest_normal: f64,
    smallest_subnormal: f64,
    bits: u32,
    precision: u32,
}

/// For `np.full(n, 0.1, dtype)`: `np.cumsum(x)[-1]` (a running sum) and
/// `np.sum(x)` (pairwise).
#[derive(serde::Deserialize)]
struct Sum {
    n: usize,
    cumsum_last: f64,
    sum: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "precision").unwrap()
}

#[test]
fn epsilons_match_numpy_finfo() {
    let numpy = numpy();
    // np.finfo(np.float32): eps 1.1920929e-07, and its other limits.
    let f32_info = &numpy.finfo_float32;
    assert_eq!(f64::from(f32::EPSILON), f32_info.eps);
    assert_eq!(f64::from(f32::MAX), f32_info.max);
    assert_eq!(f64::from(f32::MIN), f32_info.min);
    assert_eq!(f64::from(f32::MIN_POSITIVE), f32_info.smallest_normal);
    assert_eq!(f64::from(f32::from_bits(1)), f32_info.smallest_subnormal);
    assert_eq!(f32_info.bits, 32);
    assert_eq!(f32_info.precision, f32::DIGITS);
    // np.finfo(np.float64): eps 2.220446049250313e-16, and its other limits.
    let f64_info = &numpy.finfo_float64;
    assert_eq!(f64::EPSILON, f64_info.eps);
    assert_eq!(f64::MAX, f64_info.max);
    assert_eq!(f64::MIN, f64_info.min);
    assert_eq!(f64::MIN_POSITIVE, f64_info.smallest_normal);
    assert_eq!(f64::from_bits(1), f64_info.smallest_subnormal);
    assert_eq!(f64_info.bits, 64);
    assert_eq!(f64_info.precision, f64::DIGITS);

    let one = std::hint::black_box(1.0_f64);
    assert_eq!(one + f64::EPSILON / 2.0, one);
    assert_eq!(one + f64::EPSILON / 2.0, numpy.one_plus_half_eps);
    assert!(one + f64::EPSILON > one);
    assert_eq!(one + f64::EPSILON, numpy.one_plus_eps);
    // np.float32(16777216.0) + np.float32(1.0) == 16777216.0
    let big = std::hint::black_box(16_777_216.0_f32);
    assert_eq!(big + 1.0, big);
    assert_eq!(f64::from(big + 1.0), numpy.float32_2_24_plus_1);
    let tenth = std::hint::black_box(0.1);
    assert_ne!(tenth + 0.2, 0.3);
    assert_eq!(tenth + 0.2, numpy.tenth_plus_fifth); // 0.30000000000000004
}

#[test]
fn running_sum_matches_numpy_cumsum_in_f32() {
    // np.cumsum(np.full(n, 0.1, dtype=np.float32))[-1] for n = 10, 100, 1000,
    // 12345, 10**6. `==`: the same f32 additions in the same order.
    let numpy = numpy();
    assert_eq!(numpy.sums_float32.len(), 5);
    for sum in &numpy.sums_float32 {
        let n = sum.n;
        let ours = f64::from(running_sum(&vec![0.1_f32; n]));
        assert_eq!(ours, sum.cumsum_last, "n = {n}");
    }
}

#[test]
fn numpys_axis_0_sum_of_a_c_ordered_matrix_is_a_running_sum() {
    // The column sum of a (10**6, 3) float32 matrix of 0.1s: NumPy adds the
    // rows one after another, so each column gets the running sum (bit for
    // bit), not the pairwise sum its 1-D `np.sum` uses.
    let numpy = numpy();
    let tenths = vec![0.1_f32; 1_000_000];
    let running = f64::from(running_sum(&tenths));
    assert_eq!(numpy.column_sum_axis0_float32_1e6, running);
    assert_ne!(
        numpy.column_sum_axis0_float32_1e6,
        f64::from(pairwise_sum(&tenths))
    );
}

#[test]
fn pairwise_sum_reproduces_numpy_sum_in_f32() {
    // np.sum(np.full(n, 0.1, dtype=np.float32)) for n = 10, 100, 1000, 12345,
    // 10**6. `==`: pairwise_sum splits and unrolls exactly as NumPy's pairwise
    // sum does.
    let numpy = numpy();
    assert_eq!(numpy.sums_float32.len(), 5);
    for sum in &numpy.sums_float32 {
        let n = sum.n;
        let ours = f64::from(pairwise_sum(&vec![0.1_f32; n]));
        assert_eq!(ours, sum.sum, "n = {n}");
    }
}

#[test]
fn f64_running_sum_matches_numpy_cumsum() {
    let numpy = numpy();
    let [sum] = &numpy.sums_float64[..] else {
        panic!("one f64 case in the fixture");
    };
    let values = vec![0.1_f64; sum.n]; // 10**6
    // np.cumsum(np.full(10**6, 0.1))[-1] == 100000.00000133288; `==` as above.
    assert_eq!(running_sum(&values), sum.cumsum_last);
    // np.sum(np.full(10**6, 0.1)) == 100000.00000000003
    assert_eq!(pairwise_sum(&values), sum.sum);
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
    let numpy = numpy();
    let computed = array![0.1 + 0.2, 1.0 / 3.0 * 3.0];
    let expected = array![0.3, 1.0];
    assert_ne!(computed, expected);
    assert!(!numpy.array_equal_computed);
    let close = allclose(&computed, &expected, 1e-9, 0.0).unwrap();
    assert!(close);
    assert_eq!(close, numpy.allclose_rtol_1e_9);
    // np.isclose(1e-9, 0.0) is True only because of the default atol=1e-8
    let with_atol = allclose(&array![1e-9], &array![0.0], 1e-5, 1e-8).unwrap();
    assert!(with_atol);
    assert_eq!(with_atol, numpy.isclose_1e_9_0_default);
    let without = allclose(&array![1e-9], &array![0.0], 1e-5, 0.0).unwrap();
    assert!(!without);
    assert_eq!(without, numpy.isclose_1e_9_0_atol_0);
    let err = allclose(&computed, &array![0.3], 1e-9, 0.0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot compare arrays of shapes [2] and [1]"
    );
}
