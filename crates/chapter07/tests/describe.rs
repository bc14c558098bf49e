//! Descriptive statistics of the wine data and every quantile method against
//! NumPy (`tests/fixtures/describe.py`): ndarray's `mean`, `var`, `std`,
//! ndarray-stats' `quantile_mut`, `argmin`/`argmax`, the NaN-skipping
//! versions, and the two selection algorithms of `select.rs`.

use std::collections::BTreeMap;

use chapter07::StatsError;
use chapter07::describe::{
    Method, histogram, mode, nanmean, nanmedian, quantile,
    quantile_nearest_numpy, skew_kurtosis, weighted_mean,
};
use chapter07::select::{
    percentiles_bracket, percentiles_select, splitmix_uniform,
};
use chapter07::stable::{Welford, std_blocked};
use ndarray::{Array1, Axis, array};
use ndarray_stats::QuantileExt;
use support::fixtures::assert_allclose;

/// `|a - e| <= rtol |e|` for one pair of numbers.
#[track_caller]
fn close(actual: f64, expected: f64, rtol: f64) {
    assert_allclose(&[actual][..], &[expected][..], rtol, 0.0);
}

#[derive(serde::Deserialize)]
struct NumPy {
    mean: Vec<f64>,
    median: Vec<f64>,
    var_ddof0: Vec<f64>,
    var_ddof1: Vec<f64>,
    std_ddof0: Vec<f64>,
    std_ddof1: Vec<f64>,
    min: Vec<f64>,
    max: Vec<f64>,
    argmin: Vec<usize>,
    argmax: Vec<usize>,
    qs: Vec<f64>,
    /// method name -> np.quantile at each of `qs`
    quantiles_small: BTreeMap<String, Vec<f64>>,
    /// np.quantile(1..n, 0.5, method="nearest") for n = 2, 4, ..., 12
    nearest_medians: Vec<f64>,
    /// scipy.stats.skew and kurtosis per column (bias=True, fisher=True)
    skew: Vec<f64>,
    kurtosis_fisher: Vec<f64>,
    /// np.average(class means of alcohol, weights=class sizes)
    weighted_alcohol: f64,
    /// scipy.stats.mode: (value, count)
    mode_magnesium: (f64, usize),
    mode_tie: (f64, usize),
    quantiles_alcohol: BTreeMap<String, Vec<f64>>,
    quantiles_proline: BTreeMap<String, Vec<f64>>,
    histogram_alcohol_counts: Vec<usize>,
    histogram_alcohol_edges: Vec<f64>,
    nanmean: f64,
    nanmedian: f64,
    uniform_first: Vec<f64>,
    uniform_percentiles: Vec<f64>,
    uniform_std_ddof0: f64,
    uniform_std_ddof1: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "describe").unwrap()
}

fn wine() -> ndarray::Array2<f64> {
    support::load_wine().unwrap().features
}

/// Sums in a different order than NumPy's pairwise sum: agreement to a few
/// units in the last place, so 1e-12 relative.
const RTOL: f64 = 1e-12;

#[test]
fn column_statistics_match_numpy() {
    let (x, numpy) = (wine(), numpy());
    assert_allclose(&x.mean_axis(Axis(0)).unwrap(), &numpy.mean, RTOL, 0.0);
    assert_allclose(&x.var_axis(Axis(0), 0.0), &numpy.var_ddof0, RTOL, 0.0);
    assert_allclose(&x.var_axis(Axis(0), 1.0), &numpy.var_ddof1, RTOL, 0.0);
    assert_allclose(&x.std_axis(Axis(0), 0.0), &numpy.std_ddof0, RTOL, 0.0);
    assert_allclose(&x.std_axis(Axis(0), 1.0), &numpy.std_ddof1, RTOL, 0.0);
    for (j, column) in x.columns().into_iter().enumerate() {
        let median = quantile(column, 0.5, Method::Linear).unwrap();
        close(median, numpy.median[j], RTOL);
        // Welford, one value at a time, agrees too.
        let w: Welford = column.iter().copied().collect();
        close(w.mean().unwrap(), numpy.mean[j], RTOL);
        close(w.variance(1).unwrap(), numpy.var_ddof1[j], RTOL);
        // min/max are elements: exact.
        assert_eq!(*column.min().unwrap(), numpy.min[j]);
        assert_eq!(*column.max().unwrap(), numpy.max[j]);
        // ties: NumPy returns the first; so does ndarray-stats here.
        assert_eq!(column.argmin().unwrap(), numpy.argmin[j], "column {j}");
        assert_eq!(column.argmax().unwrap(), numpy.argmax[j], "column {j}");
    }
}

/// Every method at every q, on three data sets; NumPy's `nearest` rounds half
/// to even and ndarray-stats' rounds half up, so that method is checked
/// separately.
#[test]
fn every_quantile_method_matches_numpy() {
    let (x, numpy) = (wine(), numpy());
    let small = array![7.0, 1.0, 3.0, 9.0, 4.0, 6.0];
    let sets = [
        (small.view(), &numpy.quantiles_small),
        (x.column(0), &numpy.quantiles_alcohol),
        (x.column(12), &numpy.quantiles_proline),
    ];
    for (data, expected) in sets {
        for method in Method::ALL {
            let numpy_values = &expected[method.numpy_name()];
            let ours: Vec<f64> = numpy
                .qs
                .iter()
                .map(|&q| quantile(data, q, method).unwrap())
                .collect();
            if method == Method::Nearest {
                let fixed: Vec<f64> = numpy
                    .qs
                    .iter()
                    .map(|&q| quantile_nearest_numpy(data, q).unwrap())
                    .collect();
                assert_eq!(fixed, *numpy_values);
                continue;
            }
            assert_allclose(&ours, numpy_values, RTOL, 0.0);
        }
    }
}

/// Where the position `(n - 1) q` ends in exactly one half, ndarray-stats'
/// `Nearest` takes the higher neighbour and NumPy the even one.
#[test]
fn nearest_differs_from_numpy_exactly_at_ties() {
    let numpy = numpy();
    let small = array![7.0, 1.0, 3.0, 9.0, 4.0, 6.0];
    let expected = &numpy.quantiles_small["nearest"];
    for (i, &q) in numpy.qs.iter().enumerate() {
        let stats = quantile(small.view(), q, Method::Nearest).unwrap();
        let position = 5.0 * q;
        let is_tie = position.fract() == 0.5;
        let even_below = (position.floor() as usize).is_multiple_of(2);
        // A tie whose lower index is even: NumPy rounds down, stats up.
        assert_eq!(stats != expected[i], is_tie && even_below, "q = {q}");
    }
    // The median of 6 values: position 2.5, NumPy takes index 2.
    assert_eq!(quantile(small.view(), 0.5, Method::Nearest).unwrap(), 6.0);
    assert_eq!(quantile_nearest_numpy(small.view(), 0.5).unwrap(), 4.0);
    // Medians of an even number n of values: they differ exactly when
    // n % 4 == 2 (the lower neighbour's position (n - 2) / 2 is even).
    for (k, &expected) in numpy.nearest_medians.iter().enumerate() {
        let n = 2 * (k + 1);
        let x = ndarray::Array1::range(1.0, n as f64 + 1.0, 1.0);
        assert_eq!(quantile_nearest_numpy(x.view(), 0.5).unwrap(), expected);
        let stats = quantile(x.view(), 0.5, Method::Nearest).unwrap();
        assert_eq!(stats != expected, n % 4 == 2, "n = {n}");
    }
}

#[test]
fn nan_skipping_statistics_match_numpy() {
    let numpy = numpy();
    let x = array![2.0, f64::NAN, 5.0, 1.0, f64::NAN, 4.0];
    close(nanmean(x.view()).unwrap(), numpy.nanmean, RTOL);
    assert_eq!(nanmedian(x.view()).unwrap(), numpy.nanmedian);
    assert_eq!(nanmean(array![f64::NAN].view()), None);
    assert_eq!(nanmedian(array![f64::NAN].view()), None);
    // The ordered statistics refuse NaN, naming where it is.
    assert_eq!(
        quantile(x.view(), 0.5, Method::Linear),
        Err(StatsError::NaN(1))
    );
    assert!(x.min().is_err());
}

#[test]
fn bad_arguments_are_errors() {
    let x = array![1.0, 2.0];
    assert_eq!(
        quantile(x.view(), 1.5, Method::Linear),
        Err(StatsError::InvalidQuantile(1.5))
    );
    let empty = Array1::<f64>::zeros(0);
    assert_eq!(
        quantile(empty.view(), 0.5, Method::Linear),
        Err(StatsError::Empty("quantile"))
    );
    assert_eq!(
        percentiles_select(&[1.0], &[101.0]),
        Err(StatsError::InvalidQuantile(1.01))
    );
    assert_eq!(
        percentiles_bracket(&[], &[50.0]),
        Err(StatsError::Empty("percentile"))
    );
    let mut with_nan = splitmix_uniform(100_000);
    with_nan[77_777] = f64::NAN;
    assert_eq!(
        percentiles_bracket(&with_nan, &[50.0]),
        Err(StatsError::NaN(77_777))
    );
}

/// Both selection algorithms compute NumPy's `linear` percentiles with the
/// same operations: equal, not merely close.
#[test]
fn selection_percentiles_equal_numpy() {
    let numpy = numpy();
    let x = splitmix_uniform(100_003);
    assert_eq!(x[..3], numpy.uniform_first);
    let ps = [0.0, 5.0, 50.0, 95.0, 100.0];
    assert_eq!(
        percentiles_select(&x, &ps).unwrap(),
        numpy.uniform_percentiles
    );
    assert_eq!(
        percentiles_bracket(&x, &ps).unwrap(),
        numpy.uniform_percentiles
    );
    // The one-pass blocked standard deviation.
    close(std_blocked(&x, 0).unwrap(), numpy.uniform_std_ddof0, RTOL);
    close(std_blocked(&x, 1).unwrap(), numpy.uniform_std_ddof1, RTOL);
    assert_eq!(std_blocked(&[1.0], 1), None);
}

/// `np.histogram`'s counts with its own edges: the last bin holds the
/// maximum, which ndarray-stats' half-open bins alone would drop.
#[test]
fn histogram_matches_numpy() {
    let numpy = numpy();
    let x = wine();
    let counts =
        histogram(x.column(0), &numpy.histogram_alcohol_edges).unwrap();
    assert_eq!(counts.to_vec(), numpy.histogram_alcohol_counts);
    assert_eq!(counts.sum(), 178);
    assert_eq!(
        histogram(x.column(0), &[1.0]),
        Err(StatsError::Empty("histogram bins"))
    );
}

#[test]
fn shape_weights_and_mode_match_scipy() {
    let numpy = numpy();
    let wine = support::load_wine().unwrap();
    let x = &wine.features;
    for j in 0..x.ncols() {
        // Both sides form the same central moments; the sums are ordered
        // differently (ndarray-stats' corrected two-pass, NumPy's pairwise
        // mean): rtol 1e-12.
        let (skew, excess) = skew_kurtosis(x.column(j)).unwrap();
        close(skew, numpy.skew[j], 1e-12);
        close(excess, numpy.kurtosis_fisher[j], 1e-12);
    }
    let mut sums = Array1::<f64>::zeros(3);
    let mut counts = Array1::<f64>::zeros(3);
    for (&v, &c) in x.column(0).iter().zip(&wine.target) {
        sums[c] += v;
        counts[c] += 1.0;
    }
    let means = &sums / &counts;
    let weighted = weighted_mean(means.view(), counts.view()).unwrap();
    close(weighted, numpy.weighted_alcohol, 1e-14);
    assert_eq!(mode(x.column(4)).unwrap(), numpy.mode_magnesium);
    let tie = array![3.0, 1.0, 3.0, 1.0, 2.0];
    assert_eq!(mode(tie.view()).unwrap(), numpy.mode_tie);
}

#[test]
fn shape_weights_and_mode_refuse_bad_input() {
    let empty = Array1::<f64>::zeros(0);
    assert_eq!(
        skew_kurtosis(array![2.0, 2.0, 2.0].view()),
        Err(StatsError::Constant("skewness"))
    );
    assert_eq!(
        skew_kurtosis(empty.view()),
        Err(StatsError::Empty("skewness"))
    );
    assert_eq!(
        skew_kurtosis(array![1.0, f64::NAN].view()),
        Err(StatsError::NaN(1))
    );
    let x = array![1.0, 2.0, 3.0];
    assert_eq!(
        weighted_mean(x.view(), array![1.0, 1.0].view()),
        Err(StatsError::WeightsLength {
            values: 3,
            weights: 2
        })
    );
    assert_eq!(
        weighted_mean(x.view(), array![1.0, -1.0, 0.0].view()),
        Err(StatsError::WeightsSumToZero)
    );
    assert_eq!(
        weighted_mean(empty.view(), empty.view()),
        Err(StatsError::Empty("weighted mean"))
    );
    assert_eq!(mode(empty.view()), Err(StatsError::Empty("mode")));
    assert_eq!(mode(array![1.0, f64::NAN].view()), Err(StatsError::NaN(1)));
}
