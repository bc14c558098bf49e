//! The hands-on's filters on the real iris data agree with NumPy
//! (`tests/fixtures/iris.py`).

use chapter03::filter::{class_rows, outlier_mask, top_k, zscores};
use chapter03::mask::{rows_where_copy, true_indices};
use ndarray::{Array2, Axis, s};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    class_counts: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    class_means: Array2<f64>,
    outliers_2_5: Vec<usize>,
    outliers_3: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    zscores_of_outliers: Array2<f64>,
    inlier_count: usize,
    top5_petal_length: Vec<usize>,
    long_petals_count: usize,
    #[serde(deserialize_with = "array2")]
    long_petals_columns_0_2: Array2<f64>,
    long_petals_mean_petal_length: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "iris").unwrap()
}

#[test]
fn per_class_subsets_and_means() {
    let numpy = numpy();
    let iris = support::data::load_iris().unwrap();
    for class in 0..3 {
        let subset =
            class_rows(iris.features.view(), iris.target.view(), class)
                .unwrap();
        assert_eq!(subset.nrows(), numpy.class_counts[class]);
        // rtol 1e-14: NumPy adds the 50 values pairwise, ndarray row by row;
        // both round each addition, in a different order.
        let mean = subset.mean_axis(Axis(0)).unwrap();
        assert_allclose(&mean, numpy.class_means.row(class), 1e-14, 0.0);
    }
}

#[test]
fn zscore_outliers() {
    let numpy = numpy();
    let x = support::data::load_iris().unwrap().features;
    let mask = outlier_mask(x.view(), 2.5);
    let rows = true_indices(mask.view());
    assert_eq!(rows, numpy.outliers_2_5);
    assert_eq!(
        true_indices(outlier_mask(x.view(), 3.0).view()),
        numpy.outliers_3
    );
    // rtol 1e-12: the mean and the standard deviation are sums in different
    // orders (ndarray's std_axis is a one-pass update, NumPy's two passes).
    let z = zscores(x.view()).unwrap().select(Axis(0), &rows);
    assert_allclose(&z, &numpy.zscores_of_outliers, 1e-12, 0.0);
    let inliers = rows_where_copy(x.view(), (!&mask).view()).unwrap();
    assert_eq!(inliers.nrows(), numpy.inlier_count);
    assert_eq!(outlier_mask(x.slice(s![..0, ..]), 2.5).len(), 0);
}

#[test]
fn top_k_and_combined_selection() {
    let numpy = numpy();
    let x = support::data::load_iris().unwrap().features;
    assert_eq!(top_k(x.column(2), 5), numpy.top5_petal_length);
    assert_eq!(top_k(x.column(2), 500).len(), 150);
    let long_petals = x.column(2).mapv(|v| v > 5.0);
    let chosen = x
        .select(Axis(0), &true_indices(long_petals.view()))
        .select(Axis(1), &[0, 2]);
    assert_eq!(chosen.nrows(), numpy.long_petals_count);
    assert_eq!(chosen, numpy.long_petals_columns_0_2); // copies: `==`
    let petals = rows_where_copy(x.view(), long_petals.view())
        .unwrap()
        .slice_move(s![.., 2..]);
    // rtol 1e-14: a sum of 42 values in NumPy's pairwise order vs in order.
    let mean = petals.column(0).mean().unwrap();
    assert_allclose(
        &ndarray::arr1(&[mean]),
        &ndarray::arr1(&[numpy.long_petals_mean_petal_length]),
        1e-14,
        0.0,
    );
}
