//! The bootstrap and the permutation test against NumPy on the same
//! resamples (`tests/fixtures/resampling.py` draws them with NumPy, the test
//! replays them through the chapter's functions), `percentile` against
//! `np.percentile`, and statistical checks of the self-drawing versions.

use chapter08::density::mean_and_variance;
use chapter08::resampling::{
    ResampleError, bootstrap, bootstrap_from_indices, median, percentile,
    percentile_interval, permutation_test, permutation_test_from_orders,
};
use ndarray::{Array1, Array2, ArrayView1};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    bootstrap_indices: Array2<usize>,
    bootstrap_medians: Vec<f64>,
    bootstrap_interval_95: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    permutation_orders: Array2<usize>,
    permutation_observed: f64,
    permutation_p_value: f64,
    percentile_qs: Vec<f64>,
    percentiles_of_sepal_length: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "resampling").unwrap()
}

fn iris() -> support::data::Classification {
    support::data::load_iris().unwrap()
}

#[test]
fn percentile_matches_numpy_linear_method() {
    let numpy = numpy();
    let sepal = iris().features.column(0).to_vec();
    let ours: Vec<f64> = numpy
        .percentile_qs
        .iter()
        .map(|&q| percentile(&sepal, q).unwrap())
        .collect();
    // The same formula, a + f (b - a), as NumPy's "linear" method; the
    // position q/100 (n-1) may round differently: 1e-14 relative.
    assert_allclose(&ours, &numpy.percentiles_of_sepal_length, 1e-14, 0.0);
}

#[test]
fn bootstrap_interval_matches_numpy_on_the_same_resamples() {
    let numpy = numpy();
    let sepal = iris().features.column(0).to_owned();
    let medians = bootstrap_from_indices(
        sepal.view(),
        numpy.bootstrap_indices.view(),
        median,
    )
    .unwrap();
    // Medians of the same values: exact (a middle value or the mean of two).
    assert_eq!(medians.to_vec(), numpy.bootstrap_medians);
    let (lo, hi) =
        percentile_interval(medians.as_slice().unwrap(), 0.95).unwrap();
    assert_allclose(&[lo, hi][..], &numpy.bootstrap_interval_95, 1e-14, 0.0);
}

#[test]
fn permutation_test_matches_numpy_on_the_same_relabellings() {
    let numpy = numpy();
    let data = iris();
    let width = |class: usize| -> Vec<f64> {
        (0..data.target.len())
            .filter(|&i| data.target[i] == class)
            .map(|i| data.features[[i, 1]])
            .collect()
    };
    let (a, b) = (width(1), width(2));
    let test =
        permutation_test_from_orders(&a, &b, numpy.permutation_orders.view())
            .unwrap();
    // Means of 50 values summed in the same order as NumPy's pairwise sum
    // only up to rounding: 1e-12 relative on the difference.
    assert_allclose(
        &[test.observed][..],
        &[numpy.permutation_observed][..],
        1e-12,
        0.0,
    );
    // A count over 100 relabellings: equal exactly.
    assert_eq!(test.p_value, numpy.permutation_p_value);
}

#[test]
fn bootstrap_standard_error_of_the_mean_is_s_over_root_n() {
    // Diabetes progression: the bootstrap standard error of the mean should
    // be s sqrt((n-1)/n) / sqrt(n). With B = 4000 replicates its relative
    // Monte Carlo error is about 1 / sqrt(2 (B - 1)) = 1.1%; allow 5 of
    // those (5.6%).
    let y = support::data::load_diabetes().unwrap().target;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(20);
    let mean = |x: ArrayView1<'_, f64>| x.mean().unwrap();
    let means = bootstrap(y.view(), 4000, mean, &mut rng).unwrap();
    let (_, boot_var) = mean_and_variance(means.as_slice().unwrap());
    let (_, var) = mean_and_variance(y.as_slice().unwrap());
    let n = y.len() as f64;
    let expected = (var * (n - 1.0) / n / n).sqrt();
    let relative = (boot_var.sqrt() - expected).abs() / expected;
    assert!(
        relative < 5.0 / (2.0 * 3999.0_f64).sqrt(),
        "relative error {relative}"
    );
}

#[test]
fn permutation_test_p_values_are_uniform_under_the_null() {
    // Two groups drawn from one population: p <= 0.05 should happen in 5% of
    // 400 experiments, 20 +- 4.4 (binomial sd); allow 5 sd: 0..=42.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(21);
    let mut rejections = 0;
    for _ in 0..400 {
        let x =
            Array1::from_shape_fn(30, |_| rand::Rng::r#gen::<f64>(&mut rng));
        let (a, b) = x.as_slice().unwrap().split_at(15);
        let test = permutation_test(a, b, 199, &mut rng).unwrap();
        if test.p_value <= 0.05 {
            rejections += 1;
        }
    }
    assert!(rejections <= 42, "{rejections} rejections of 400");
    assert!(rejections >= 1, "{rejections} rejections of 400");
}

#[test]
fn bad_input_is_an_error() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(0);
    let empty = Array1::<f64>::zeros(0);
    assert_eq!(
        bootstrap(empty.view(), 10, median, &mut rng).unwrap_err(),
        ResampleError::Empty
    );
    assert_eq!(
        percentile_interval(&[1.0], 1.5),
        Err(ResampleError::Level(1.5))
    );
    assert_eq!(
        permutation_test(&[1.0], &[2.0], 0, &mut rng),
        Err(ResampleError::NoResamples)
    );
    let indices = Array2::from_elem((1, 2), 5usize);
    assert_eq!(
        bootstrap_from_indices(Array1::zeros(3).view(), indices.view(), median)
            .unwrap_err(),
        ResampleError::Index { index: 5, len: 3 }
    );
}
