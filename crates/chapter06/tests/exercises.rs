//! Runs every exercise solution with real values. NumPy's and
//! scikit-learn's values come from `tests/fixtures/exercises.py`.

use std::sync::{Mutex, MutexGuard, PoisonError};

use chapter06::BroadcastError;
use chapter06::exercises::*;
use ndarray::{Array1, Array2, Axis, array, s};
use support::alloc::{CountingAllocator, measure_peak};
use support::fixtures::{array2, assert_allclose};

// Exercise 6 measures its peak memory. The allocator's totals are
// process-wide, so every test holds this lock while it runs, and no other
// test allocates during the measurement.
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(serde::Deserialize)]
struct NumPy {
    wine_centred_first: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    add_outer: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    iris_centroids: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    iris_variances: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    iris_log_likelihood: Array2<f64>,
    iris_naive_bayes_accuracy: f64,
    #[serde(deserialize_with = "array2")]
    wine_cosine_first10: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    iris_cdist_first30: Array2<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

#[test]
fn ex1_centre_in_place() {
    let _lock = one_at_a_time();
    let mut wine = support::load_wine().unwrap().features;
    let buffer = wine.as_ptr();
    centre_in_place(&mut wine).unwrap();
    assert_eq!(wine.as_ptr(), buffer, "centred in the same buffer");
    // The same subtraction of a mean summed in another order: rtol 1e-12.
    let first = Array1::from(numpy().wine_centred_first);
    assert_allclose(&wine.row(0), &first, 1e-12, 1e-12);
    let means = wine.mean_axis(Axis(0)).unwrap();
    assert_allclose(&means, &Array1::zeros(13), 0.0, 1e-10);
    let mut empty = Array2::<f64>::zeros((0, 3));
    assert_eq!(centre_in_place(&mut empty), Err(BroadcastError::Empty));
}

#[test]
fn ex2_addition_table() {
    let _lock = one_at_a_time();
    let table =
        addition_table(array![1.0, 2.0, 3.0].view(), array![10.0, 20.0].view());
    // Exact sums of small whole numbers: `==`.
    assert_eq!(table, numpy().add_outer);
}

#[test]
fn ex3_min_max_per_channel_on_chelsea() {
    let _lock = one_at_a_time();
    let cat = support::load_chelsea().unwrap().mapv(f64::from);
    let scaled = min_max_per_channel(cat.view());
    assert_eq!(scaled.shape(), cat.shape());
    for c in 0..3 {
        let channel = cat.slice(s![.., .., c]);
        let low = channel.fold(f64::INFINITY, |m, &v| m.min(v));
        let high = channel.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        let got = scaled.slice(s![.., .., c]);
        assert_eq!(got.fold(f64::INFINITY, |m, &v| m.min(v)), 0.0);
        assert_eq!(got.fold(f64::NEG_INFINITY, |m, &v| m.max(v)), 1.0);
        // One subtraction and one division per pixel: `==`.
        assert_eq!(
            got[[100_usize, 200]],
            (channel[[100_usize, 200]] - low) / (high - low)
        );
    }
    let flat = Array2::from_elem((2, 2), 5.0).insert_axis(Axis(2));
    assert_eq!(min_max_per_channel(flat.view()).sum(), 0.0);
}

#[test]
fn ex4_gaussian_log_likelihood_on_iris() {
    let _lock = one_at_a_time();
    let numpy = numpy();
    let iris = support::load_iris().unwrap();
    let (means, variances) = (&numpy.iris_centroids, &numpy.iris_variances);
    let got = gaussian_log_likelihood(
        iris.features.view(),
        means.view(),
        variances.view(),
    )
    .unwrap();
    assert_eq!(got.dim(), (150, 3));
    // scipy.stats.norm.logpdf sums the same terms in another order (and
    // divides by sigma instead of sigma^2): rtol 1e-12.
    assert_allclose(&got, &numpy.iris_log_likelihood, 1e-12, 1e-12);
    // The most likely class is Gaussian naive Bayes with equal priors.
    let predicted = got.map_axis(Axis(1), |row| {
        (0..3).fold(0, |best, c| if row[c] > row[best] { c } else { best })
    });
    let correct = predicted.iter().zip(&iris.target).filter(|(p, t)| p == t);
    let accuracy = correct.count() as f64 / 150.0;
    assert_eq!(accuracy, numpy.iris_naive_bayes_accuracy);
    let narrow = means.slice(s![.., ..3]);
    assert_eq!(
        gaussian_log_likelihood(iris.features.view(), narrow, narrow),
        Err(BroadcastError::Features { x: 4, y: 3 })
    );
    assert_eq!(
        gaussian_log_likelihood(iris.features.view(), means.view(), narrow),
        Err(BroadcastError::ClassStats {
            means: vec![3, 4],
            variances: vec![3, 3]
        })
    );
    let mut zero = variances.clone();
    zero[[1, 2]] = 0.0;
    assert_eq!(
        gaussian_log_likelihood(
            iris.features.view(),
            means.view(),
            zero.view()
        ),
        Err(BroadcastError::Variance {
            class: 1,
            feature: 2
        })
    );
}

#[test]
fn ex5_cosine_similarity_on_wine() {
    let _lock = one_at_a_time();
    let wine = support::load_wine().unwrap().features;
    let got = cosine_similarity(wine.slice(s![..10, ..]));
    // A different order of the same sums and roots: rtol 1e-12.
    assert_allclose(&got, &numpy().wine_cosine_first10, 1e-12, 1e-12);
    let with_zero = array![[0.0, 0.0], [3.0, 4.0]];
    assert_eq!(
        cosine_similarity(with_zero.view()),
        array![[0.0, 0.0], [0.0, 1.0]]
    );
}

#[test]
fn ex6_pairwise_within_budget_on_iris() {
    let _lock = one_at_a_time();
    let iris = support::load_iris().unwrap().features;
    let first30 = iris.slice(s![..30, ..]);
    let row = 150 * 4 * 8; // one row's (1, 150, 4) cube: 4800 bytes
    let (got, peak) =
        measure_peak(|| pairwise_within_budget(first30, iris.view(), 5 * row));
    let got = got.unwrap();
    // Direct sums of squared differences, like cdist's: rtol 1e-13.
    assert_allclose(&got, &numpy().iris_cdist_first30, 1e-13, 1e-13);
    // At most 5 rows' cube at once, plus the output and one block of sums.
    assert!(
        peak <= 5 * row + 30 * 150 * 8 + 5 * 150 * 8 + 1024,
        "{peak}"
    );
    assert_eq!(
        pairwise_within_budget(first30, iris.view(), row - 1),
        Err(BroadcastError::Budget {
            needed: row,
            budget: row - 1
        })
    );
}
