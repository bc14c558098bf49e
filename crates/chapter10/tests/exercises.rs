//! Runs every exercise solution with real values; each test fails a
//! plausible wrong answer (named in its comments).

use chapter10::exercises::*;
use ndarray::{Array2, Array3, array};
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

#[test]
fn ex1_min_max_scale_into() {
    let x = array![[1.0, 5.0, 2.0], [3.0, 5.0, -2.0], [2.0, 5.0, 0.0]];
    let mut out = Array2::from_elem((3, 3), f64::NAN);
    min_max_scale_into(x.view(), out.view_mut()).unwrap();
    // A constant column gives zeros, not NaN (0 / 0).
    assert_eq!(
        out,
        array![[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.5, 0.0, 0.5]]
    );
    // Into the caller's memory: a version that builds the scaled matrix and
    // then assigns it allocates 8 * 200 * 50 bytes at least.
    let big = Array2::from_shape_fn((200, 50), |(i, j)| ((i * j) % 7) as f64);
    let mut out = Array2::zeros((200, 50));
    let (r, seen) =
        count_allocations(|| min_max_scale_into(big.view(), out.view_mut()));
    r.unwrap();
    assert!(
        seen.bytes < 200 * 50 * 8 / 4,
        "{} bytes allocated",
        seen.bytes
    );
    let mut wrong = Array2::zeros((3, 2));
    assert!(matches!(
        min_max_scale_into(x.view(), wrong.view_mut()),
        Err(ExerciseError::Shape(..))
    ));
}

#[test]
fn ex2_k_smallest() {
    // Ties: the three zeros come in index order; sorting by value alone
    // (an unstable selection) can return them in any order.
    let values = [3.0, 0.0, 2.0, 0.0, 5.0, 0.0, -1.0, 0.0];
    assert_eq!(k_smallest(&values, 4).unwrap(), vec![6, 1, 3, 5]);
    assert_eq!(k_smallest(&values, 0).unwrap(), Vec::<usize>::new());
    assert_eq!(
        k_smallest(&values, 9),
        Err(ExerciseError::K { k: 9, available: 8 })
    );
    let many: Vec<f32> = (0..1000).map(|i| ((i * 37) % 11) as f32).collect();
    let got = k_smallest(&many, 150).unwrap();
    let mut want: Vec<usize> = (0..1000).collect();
    want.sort_by(|&a, &b| many[a].total_cmp(&many[b]).then(a.cmp(&b)));
    assert_eq!(got, want[..150]);
}

#[test]
fn ex3_pairwise_sq_distances() {
    // Whole numbers: exactly the loop's values.
    let s = chapter10::knn::digits_split().unwrap();
    let (a, b) = (s.test.slice(ndarray::s![..20, ..]), s.train.view());
    let d = pairwise_sq_distances(a, b).unwrap();
    for ((i, j), &v) in d.indexed_iter() {
        let loop_d: f64 = a
            .row(i)
            .iter()
            .zip(b.row(j))
            .map(|(x, y)| (x - y) * (x - y))
            .sum();
        assert_eq!(v, loop_d);
    }
    // This point's distance to itself rounds to -1.8e-12 without the clamp
    // (with matrixmultiply's FMA kernel): its square root, a Euclidean
    // distance, would be NaN.
    let x = array![
        [0.5, 2.0, 3.0],
        [70.86228686058173, 11.183249749247743, 51.80812437311936]
    ];
    let d = pairwise_sq_distances(x.view(), x.view()).unwrap();
    assert!(d.iter().all(|&v| v >= 0.0), "{d}");
    assert!(d[[0, 0]] < 1e-9 && d[[1, 1]] < 1e-9);
    let bad = Array2::<f64>::zeros((2, 4));
    assert!(pairwise_sq_distances(x.view(), bad.view()).is_err());
}

#[test]
fn ex4_batched_products() {
    let a =
        Array3::from_shape_fn((3, 2, 4), |(b, i, j)| (b + 2 * i + j) as f64);
    let b =
        Array3::from_shape_fn((3, 4, 5), |(b, i, j)| (b * i) as f64 - j as f64);
    let got = batched_products(a.view(), b.view()).unwrap();
    assert_eq!(got.dim(), (3, 2, 5));
    for k in 0..3 {
        let want = a
            .index_axis(ndarray::Axis(0), k)
            .dot(&b.index_axis(ndarray::Axis(0), k));
        assert_eq!(got.index_axis(ndarray::Axis(0), k), want);
    }
    let wrong_inner = Array3::<f64>::zeros((3, 5, 5));
    let wrong_batch = Array3::<f64>::zeros((2, 4, 5));
    assert!(batched_products(a.view(), wrong_inner.view()).is_err());
    assert!(batched_products(a.view(), wrong_batch.view()).is_err());
}

#[test]
fn ex5_par_row_max() {
    let x = array![[1.0, 7.0, -2.0], [f64::NAN, 3.0, 4.0], [-5.0, -6.0, -4.5]];
    let got = par_row_max(x.view()).unwrap();
    assert_eq!(got[0], 7.0);
    // `f64::max` skips NaN (it returns 4 here); np.max returns NaN.
    assert!(got[1].is_nan());
    assert_eq!(got[2], -4.5);
    let big = Array2::from_shape_fn((3000, 40), |(i, j)| {
        ((i * 31 + j * 17) % 101) as f64
    });
    let serial =
        big.map_axis(ndarray::Axis(1), |r| r.fold(f64::MIN, |m, &v| m.max(v)));
    assert_eq!(par_row_max(big.view()).unwrap(), serial);
    assert_eq!(
        par_row_max(Array2::zeros((2, 0)).view()),
        Err(ExerciseError::Empty)
    );
}

#[derive(serde::Deserialize)]
struct Loo {
    k1: f64,
    k5: f64,
}

#[test]
fn ex6_leave_one_out_accuracy() {
    let numpy: Loo =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "loo").unwrap();
    let digits = support::data::load_digits().unwrap();
    let (x, y) = (digits.features.view(), digits.target.view());
    // An image left among its own neighbours is its own nearest: k = 1
    // would score 1.0 instead of NumPy's value. `==`: exact distances.
    assert_eq!(leave_one_out_accuracy(x, y, 1).unwrap(), numpy.k1);
    assert_eq!(leave_one_out_accuracy(x, y, 5).unwrap(), numpy.k5);
    assert!(leave_one_out_accuracy(x, y, 0).is_err());
}
