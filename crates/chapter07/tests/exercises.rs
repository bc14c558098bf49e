//! Runs every exercise solution with real values; NumPy's and SciPy's values
//! come from `tests/fixtures/exercises.py`.

use chapter07::exercises::*;
use ndarray::{Array2, array};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    cv_small: f64,
    ptp: Vec<f64>,
    magnesium_outliers_3: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    class_means: Array2<f64>,
    /// (count, mean, np.var) of three chunks of the proline column
    proline_summaries: Vec<(u64, f64, f64)>,
    proline_var_ddof0: f64,
    proline_var_ddof1: f64,
    /// the same chunks plus 1e9
    shifted_summaries: Vec<(u64, f64, f64)>,
    shifted_var_ddof1: f64,
    spearman_phenols_flavanoids: f64,
    spearman_alcohol_hue: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

#[track_caller]
fn close(actual: f64, expected: f64, rtol: f64) {
    assert_allclose(&[actual][..], &[expected][..], rtol, 0.0);
}

#[test]
fn ex1_coefficient_of_variation() {
    let x = array![2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
    close(
        coefficient_of_variation(x.view()).unwrap(),
        numpy().cv_small,
        1e-12,
    );
    assert_eq!(coefficient_of_variation(array![3.0].view()), None);
    assert_eq!(coefficient_of_variation(array![-1.0, 1.0].view()), None);
}

#[test]
fn ex2_column_ranges_of_wine() {
    let wine = support::load_wine().unwrap().features;
    // largest minus smallest: one rounding, the same as NumPy's
    assert_eq!(column_ranges(wine.view()).to_vec(), numpy().ptp);
}

#[test]
fn ex3_magnesium_outliers() {
    let wine = support::load_wine().unwrap().features;
    let outliers = z_score_outliers(wine.column(4), 3.0);
    assert_eq!(outliers, numpy().magnesium_outliers_3);
    assert!(!outliers.is_empty());
    assert!(z_score_outliers(array![2.0, 2.0].view(), 1.0).is_empty());
}

#[test]
fn ex4_class_means_of_wine() {
    let wine = support::load_wine().unwrap();
    let means = class_means(wine.features.view(), wine.target.view(), 3);
    assert_allclose(&means, &numpy().class_means, 1e-12, 0.0);
    let empty_class = class_means(array![[1.0]].view(), array![0].view(), 2);
    assert!(empty_class[[1, 0]].is_nan());
}

#[test]
fn ex5_variance_merged_from_summaries() {
    let numpy = numpy();
    let parts = &numpy.proline_summaries;
    // Chan's merge reorders the arithmetic of np.var's two passes: rtol
    // 1e-12. The chunks' means differ (the rows are sorted by class), so
    // a count-weighted mean of the variances is far off.
    close(
        merged_variance(parts, 0).unwrap(),
        numpy.proline_var_ddof0,
        1e-12,
    );
    close(
        merged_variance(parts, 1).unwrap(),
        numpy.proline_var_ddof1,
        1e-12,
    );
    // Far from zero, rebuilding sums of squares, n (var + mean^2), cancels
    // to about 1e-3; the merge keeps the digits of the chunks' means
    // (rounded to 1e-7 of 1e9): rtol 1e-8.
    close(
        merged_variance(&numpy.shifted_summaries, 1).unwrap(),
        numpy.shifted_var_ddof1,
        1e-8,
    );
    assert_eq!(merged_variance(&[(1, 5.0, 0.0)], 1), None);
    assert_eq!(merged_variance(&[], 0), None);
    // An empty chunk changes nothing.
    let mut with_empty = parts.clone();
    with_empty.insert(1, (0, 0.0, 0.0));
    assert_eq!(merged_variance(&with_empty, 0), merged_variance(parts, 0));
}

#[test]
fn ex6_spearman_on_wine() {
    let wine = support::load_wine().unwrap().features;
    let numpy = numpy();
    let rho = spearman(wine.column(5), wine.column(6)).unwrap();
    close(rho, numpy.spearman_phenols_flavanoids, 1e-12);
    let rho = spearman(wine.column(0), wine.column(10)).unwrap();
    close(rho, numpy.spearman_alcohol_hue, 1e-12);
    assert_eq!(spearman(array![1.0, 2.0].view(), array![1.0].view()), None);
    assert_eq!(
        spearman(array![1.0, 2.0].view(), array![3.0, 3.0].view()),
        None
    );
}
