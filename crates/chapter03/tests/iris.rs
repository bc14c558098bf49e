//! Selections on the real iris data agree with NumPy
//! (`tests/fixtures/iris.py`): column means of masked rows, bitwise, and the
//! chapter's combined selection.

use chapter03::mask::{rows_where_copy, true_indices};
use ndarray::{Axis, s};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    class_means: ndarray::Array2<f64>,
    long_petals_count: usize,
    #[serde(deserialize_with = "array2")]
    long_petals_columns_0_2: ndarray::Array2<f64>,
    long_petals_mean_petal_length: f64,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "iris").unwrap()
}

#[test]
fn column_means_of_masked_rows_are_bitwise_numpys() {
    let numpy = numpy();
    let iris = support::data::load_iris().unwrap();
    for class in 0..3 {
        let is_class = iris.target.mapv(|t| t == class);
        let rows =
            rows_where_copy(iris.features.view(), is_class.view()).unwrap();
        // `==`: NumPy's `mean(axis=0)` of C-ordered rows adds them row by
        // row, and so does ndarray's `sum_axis(Axis(0))` (one `res + row`
        // per row, in order); both then divide by 50.
        let mean = rows.mean_axis(Axis(0)).unwrap();
        assert_eq!(mean, numpy.class_means.row(class));
    }
}

#[test]
fn combined_selection() {
    let numpy = numpy();
    let x = support::data::load_iris().unwrap().features;
    let long_petals = x.column(2).mapv(|v| v > 5.0);
    let chosen = x
        .select(Axis(0), &true_indices(long_petals.view()))
        .select(Axis(1), &[0, 2]);
    assert_eq!(chosen.nrows(), numpy.long_petals_count);
    assert_eq!(chosen, numpy.long_petals_columns_0_2); // copies: `==`
    let petals = rows_where_copy(x.view(), long_petals.view())
        .unwrap()
        .slice_move(s![.., 2..]);
    // rtol 1e-14: NumPy sums a contiguous 1-D array of up to 128 values in
    // eight interleaved partial sums (the base case of its pairwise sum),
    // while ndarray's `mean` of this strided column adds the 42 values in
    // order. The two roundings differ in the last bits.
    let mean = petals.column(0).mean().unwrap();
    assert_allclose(
        &ndarray::arr1(&[mean]),
        &ndarray::arr1(&[numpy.long_petals_mean_petal_length]),
        1e-14,
        0.0,
    );
}
