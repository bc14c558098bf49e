//! Masks, counts, boolean selections and `np.where` agree with NumPy
//! (`tests/fixtures/masks.py`). Selections copy values, so `==`.

use chapter03::IndexError;
use chapter03::mask::{
    rows_where_copy, rows_where_into, rows_where_select, true_indices, where_,
};
use ndarray::{Array1, Array2, Zip, s};
use support::fixtures::array2;

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    x: Array2<f64>,
    positive: Vec<bool>,
    rising: Vec<bool>,
    both: Vec<bool>,
    neither: Vec<bool>,
    count_positive: usize,
    flatnonzero_positive: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    rows_positive: Array2<f64>,
    where_positive_x0_else_0: Vec<f64>,
    #[serde(deserialize_with = "array2")]
    clipped_below_0: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    positive_rows_column_1_set: Array2<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "masks").unwrap()
}

#[test]
fn masks_and_counts() {
    let numpy = numpy();
    let x = &numpy.x;
    let positive = x.column(0).mapv(|v| v > 0.0);
    let rising = Zip::from(x.column(1))
        .and(x.column(2))
        .map_collect(|&a, &b| a < b);
    assert_eq!(positive.to_vec(), numpy.positive);
    assert_eq!(rising.to_vec(), numpy.rising);
    assert_eq!((&positive & &rising).to_vec(), numpy.both);
    assert_eq!((!&(&positive | &rising)).to_vec(), numpy.neither);
    let count = positive.iter().filter(|&&p| p).count();
    assert_eq!(count, numpy.count_positive);
    assert_eq!(true_indices(positive.view()), numpy.flatnonzero_positive);
}

#[test]
fn selecting_rows_with_a_mask() {
    let numpy = numpy();
    let x = &numpy.x;
    let positive = Array1::from(numpy.positive.clone());
    let expected = &numpy.rows_positive;
    assert_eq!(
        &rows_where_select(x.view(), positive.view()).unwrap(),
        expected
    );
    assert_eq!(
        &rows_where_copy(x.view(), positive.view()).unwrap(),
        expected
    );
    let mut out = Array2::zeros(expected.dim());
    rows_where_into(x.view(), positive.view(), out.view_mut()).unwrap();
    assert_eq!(&out, expected);
    // A column-major copy and a strided view take the general path.
    let fortran = x.t().as_standard_layout().into_owned().reversed_axes();
    assert_eq!(
        &rows_where_copy(fortran.view(), positive.view()).unwrap(),
        expected
    );
    let first_two = rows_where_copy(x.slice(s![.., ..2]), positive.view());
    assert_eq!(first_two.unwrap(), expected.slice(s![.., ..2]));
    let no_columns = rows_where_copy(x.slice(s![.., ..0]), positive.view());
    assert_eq!(no_columns.unwrap().shape(), &[4, 0]);
}

#[test]
fn bad_masks_and_outputs_are_errors() {
    let numpy = numpy();
    let x = &numpy.x;
    let short = Array1::from_elem(5, true);
    assert_eq!(
        rows_where_copy(x.view(), short.view()).unwrap_err(),
        IndexError::MaskLength { mask: 5, len: 6 }
    );
    assert!(rows_where_select(x.view(), short.view()).is_err());
    let positive = Array1::from(numpy.positive.clone());
    let mut wrong = Array2::zeros((3, 3)); // 4 rows are selected
    let err = rows_where_into(x.view(), positive.view(), wrong.view_mut());
    assert!(matches!(err, Err(IndexError::Shape(_))));
}

#[test]
fn where_and_masked_assignment() {
    let numpy = numpy();
    let x = &numpy.x;
    let positive = Array1::from(numpy.positive.clone());
    let zeros = Array1::zeros(x.nrows());
    let chosen = where_(positive.view(), x.column(0), zeros.view()).unwrap();
    assert_eq!(chosen.to_vec(), numpy.where_positive_x0_else_0);
    assert!(
        where_(positive.view(), x.column(0), zeros.slice(s![..3])).is_err()
    );

    let mut y = x.clone();
    y.mapv_inplace(|v| if v < 0.0 { 0.0 } else { v });
    assert_eq!(y, numpy.clipped_below_0);
    let mut z = x.clone();
    Zip::from(z.column_mut(1)).and(&positive).for_each(|v, &p| {
        if p {
            *v = -1.0
        }
    });
    assert_eq!(z, numpy.positive_rows_column_1_set);
}
