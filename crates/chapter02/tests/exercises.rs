//! Runs every exercise solution with real values (and, for exercise 3, counts
//! its allocations). NumPy's values come from
//! `tests/fixtures/exercises.py` and (the f32 sums)
//! `tests/fixtures/precision.py`.

use chapter02::exercises::*;
use ndarray::{Array, Array1, Array2, IxDyn, ShapeBuilder, array, s};
use support::alloc::{Allocations, CountingAllocator, count_allocations};
use support::fixtures::{array2, assert_allclose};

/// NumPy's versions of the exercises' values, from
/// `tests/fixtures/exercises.py`.
#[derive(serde::Deserialize)]
struct NumPy {
    /// `np.linspace(0, np.pi, 3)` and `np.sin` of it
    linspace_0_pi_3: Vec<f64>,
    sin_linspace_0_pi_3: Vec<f64>,
    /// `np.linspace(0, 1, 5)` and its squares
    linspace_0_1_5: Vec<f64>,
    squares_linspace_0_1_5: Vec<f64>,
    /// a small image and `(x - x.min()) / (x.max() - x.min())`
    #[serde(deserialize_with = "array2")]
    min_max_input: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    min_max_scaled: Array2<f64>,
    /// `np.outer([1., 2., 3.], [1., 10.])`
    #[serde(deserialize_with = "array2")]
    outer: Array2<f64>,
}

/// The sums of a million f32 tenths, from `tests/fixtures/precision.py`.
#[derive(serde::Deserialize)]
struct Sums {
    sums_float32: Vec<Sum>,
    /// The exact sum (`math.fsum`) of 10**6 copies of `np.float32(0.1)` ...
    exact_sum_1e6_float32_tenths: f64,
    /// ... and the f32 nearest to it.
    nearest_float32_to_exact_sum: f64,
}

#[derive(serde::Deserialize)]
struct Sum {
    n: usize,
    /// `np.cumsum(np.full(n, 0.1, dtype=np.float32))[-1]`
    cumsum_last: f64,
    /// `np.sum(np.full(n, 0.1, dtype=np.float32))`
    sum: f64,
}

// Exercise 3 counts its allocations.
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

#[test]
fn ex1_checkerboard() {
    assert_eq!(checkerboard(3), array![[0, 1, 0], [1, 0, 1], [0, 1, 0]]);
    let board = checkerboard(8);
    assert_eq!(board.sum(), 32);
    assert_eq!(checkerboard(0).len(), 0);
}

#[test]
fn ex2_function_table() {
    let numpy = numpy();
    let table = function_table(|x| x * x, 0.0, 1.0, 5);
    assert_eq!(table.shape(), &[5, 2]);
    // `==`: quarters and their squares are exact on both sides.
    assert_eq!(table.column(0).to_vec(), numpy.linspace_0_1_5);
    assert_eq!(table.column(1).to_vec(), numpy.squares_linspace_0_1_5);
    // np.sin(np.linspace(0, np.pi, 3)) -> [0., 1., 1.2246467991473532e-16]
    let sines = function_table(f64::sin, 0.0, std::f64::consts::PI, 3);
    assert_eq!(sines.column(0).to_vec(), numpy.linspace_0_pi_3);
    // atol 1e-16 (rtol 0): less than one ulp of 1.0, so sin(pi/2) must be
    // exactly 1.0 as NumPy's is; and sin(pi) (not 0: pi is rounded) must be
    // within 1e-16 of NumPy's 1.2246467991473532e-16. Rust's sin comes from the
    // system libm, NumPy's from its own SIMD code, hence no `==`.
    assert_allclose(sines.column(1), &numpy.sin_linspace_0_pi_3, 0.0, 1e-16);
}

#[test]
fn ex3_min_max_scale_in_place() {
    let numpy = numpy();
    let pixels = numpy.min_max_input;
    let buffer = pixels.as_ptr();
    let (scaled, seen) = count_allocations(|| min_max_scale(pixels));
    // `==`: the same subtraction and division as NumPy's, element by element.
    assert_eq!(scaled, numpy.min_max_scaled);
    assert_eq!(seen, Allocations::NONE, "min_max_scale allocated");
    assert_eq!(scaled.as_ptr(), buffer, "the result is not in x's buffer");
    let constant = Array2::from_elem((2, 2), 7.0);
    assert_eq!(min_max_scale(constant), Array2::<f64>::zeros((2, 2)));
    assert_eq!(min_max_scale(Array2::zeros((0, 3))).shape(), &[0, 3]);
}

#[test]
fn ex4_contiguous_strides_agree_with_ndarray() {
    for shape in [
        vec![3, 4],
        vec![2, 3, 4],
        vec![5],
        vec![2, 1, 3],
        vec![0, 3],
    ] {
        let c = Array::<f64, _>::zeros(IxDyn(&shape));
        let f = Array::<f64, _>::zeros(IxDyn(&shape).f());
        let as_usize =
            |s: &[isize]| s.iter().map(|&x| x as usize).collect::<Vec<_>>();
        assert_eq!(
            contiguous_strides(&shape, false),
            as_usize(c.strides()),
            "{shape:?}"
        );
        assert_eq!(
            contiguous_strides(&shape, true),
            as_usize(f.strides()),
            "{shape:?}"
        );
    }
    assert_eq!(contiguous_strides(&[2, 3, 4], false), vec![12, 4, 1]);
    assert_eq!(contiguous_strides(&[2, 3, 4], true), vec![1, 2, 6]);
}

#[test]
fn ex5_outer_product() {
    // np.outer([1., 2., 3.], [1., 10.]) -> [[1, 10], [2, 20], [3, 30]]; `==`:
    // one exact product per element on both sides.
    let a = array![1.0, 2.0, 3.0];
    let b = array![1.0, 10.0];
    assert_eq!(outer_product(a.view(), b.view()), numpy().outer);
    assert_eq!(
        outer_product(a.view(), Array1::zeros(0).view()).shape(),
        &[3, 0]
    );
}

#[test]
fn ex6_kahan_beats_the_running_sum() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let sums: Sums = support::fixtures::load(dir, "precision").unwrap();
    let numpy = sums
        .sums_float32
        .iter()
        .find(|s| s.n == 1_000_000)
        .expect("n = 10**6 in the fixture");
    let values = vec![0.1_f32; 1_000_000];
    let kahan = kahan_sum(&values);
    // The exact sum of one million copies of f32's 0.1 is 100000.00149..., and
    // the nearest f32 is 100000.0: Kahan's sum is that, `==`.
    assert_eq!(f64::from(kahan), sums.nearest_float32_to_exact_sum);
    // np.sum (pairwise) gives 100000.0078125, one f32 step off: Kahan does
    // better.
    let exact = sums.exact_sum_1e6_float32_tenths;
    assert!((f64::from(kahan) - exact).abs() < (numpy.sum - exact).abs());
    // np.cumsum gives 100958.34375, the running sum's value, `==`: the same f32
    // additions in the same order.
    let naive = chapter02::precision::running_sum(&values);
    assert_eq!(f64::from(naive), numpy.cumsum_last);
    assert_eq!(kahan_sum(&[]), 0.0);
    assert_eq!(kahan_sum(&[1.0, 2.0, 3.5]), 6.5);
}

#[test]
fn ex7_reshape_copies() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    assert!(!reshape_copies(a.view(), 2, 6).unwrap());
    assert!(reshape_copies(a.t(), 2, 6).unwrap());
    assert!(reshape_copies(a.slice(s![.., ..2]), 2, 3).unwrap());
    assert!(!reshape_copies(a.slice(s![..2, ..]), 4, 2).unwrap());
    assert!(reshape_copies(a.view(), 5, 5).is_err());
}

#[test]
fn ex8_shared_element_count() {
    let base = Array2::from_shape_fn((4, 5), |(i, j)| (5 * i + j) as f64);
    let parent = base.view();
    assert_eq!(shared_element_count(parent, base.slice(s![1..3, ..])), 10);
    assert_eq!(shared_element_count(parent, base.slice(s![.., ..;2])), 12);
    assert_eq!(shared_element_count(parent, base.t()), 20);
    let copy = base.to_owned();
    assert_eq!(shared_element_count(parent, copy.view()), 0);
    // Two overlapping slices of the same buffer share one row.
    let top = base.slice(s![..2, ..]);
    let bottom = base.slice(s![1.., ..]);
    assert_eq!(shared_element_count(top, bottom), 5);
    // A strided parent: every other column; the overlap counts only the columns
    // it holds.
    assert_eq!(
        shared_element_count(
            base.slice(s![.., ..;2]),
            base.slice(s![0, ..]).insert_axis(ndarray::Axis(0))
        ),
        3
    );
}
