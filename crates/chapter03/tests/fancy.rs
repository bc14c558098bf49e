//! Integer-array selection, stable argsort and scatter agree with NumPy
//! (`tests/fixtures/fancy.py`). Copies and orders, so `==` throughout.

use chapter03::IndexError;
use chapter03::gather::{
    argsort, gather_rows, gather_rows_into, inverse_permutation, pick_per_row,
    scatter_rows,
};
use ndarray::{Array1, Array2, Axis, array};
use support::fixtures::array2;

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    x: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    rows_3_0_3: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    columns_2_0: Array2<f64>,
    argsort_scores: Vec<usize>,
    argsort_ties: Vec<usize>,
    argsort_with_nan: Vec<usize>,
    argsort_descending: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    scatter_3_0_3: Array2<f64>,
    inverse_permutation: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    p: Array2<f64>,
    y: Vec<usize>,
    p_of_y: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "fancy").unwrap()
}

#[test]
fn select_and_gather_rows() {
    let numpy = numpy();
    let x = Array2::from_shape_fn((5, 3), |(i, j)| (10 * i + j) as f64);
    assert_eq!(x, numpy.x);
    assert_eq!(x.select(Axis(0), &[3, 0, 3]), numpy.rows_3_0_3);
    assert_eq!(x.select(Axis(1), &[2, 0]), numpy.columns_2_0);
    assert_eq!(gather_rows(x.view(), &[3, 0, 3]).unwrap(), numpy.rows_3_0_3);
    // A transposed (column-major) input takes the general path.
    let xt = x.t().to_owned();
    let from_t = gather_rows(xt.t(), &[3, 0, 3]).unwrap();
    assert_eq!(from_t, numpy.rows_3_0_3);
    assert_eq!(
        gather_rows(x.view(), &[4, 7]).unwrap_err(),
        IndexError::OutOfBounds { index: 7, len: 5 }
    );
    let mut out = Array2::zeros((2, 3));
    let err = gather_rows_into(x.view(), &[1, 2, 3], out.view_mut());
    assert!(matches!(err, Err(IndexError::Shape(_))));
    assert_eq!(gather_rows(x.view(), &[]).unwrap().shape(), &[0, 3]);
    let no_columns = gather_rows(x.slice(ndarray::s![.., ..0]), &[1, 1]);
    assert_eq!(no_columns.unwrap().shape(), &[2, 0]);
}

#[test]
fn argsort_is_numpys_stable_argsort() {
    let numpy = numpy();
    let scores = array![0.7, 0.2, 0.9, 0.2, 0.5];
    assert_eq!(argsort(scores.view()), numpy.argsort_scores);
    let ties = Array1::from_iter(
        std::iter::repeat_n([3.0, 1.0, 2.0, 1.0, 3.0, 2.0], 4).flatten(),
    );
    assert_eq!(argsort(ties.view()), numpy.argsort_ties);
    let with_nan = array![2.0, f64::NAN, -1.0, 2.0, f64::NAN, 0.5];
    assert_eq!(argsort(with_nan.view()), numpy.argsort_with_nan);
    assert_eq!(argsort((-&scores).view()), numpy.argsort_descending);
    assert_eq!(
        chapter03::filter::top_k(scores.view(), 5),
        numpy.argsort_descending
    );
}

#[test]
fn scatter_rows_and_inverse_permutation() {
    let numpy = numpy();
    let mut out = Array2::<f64>::zeros((4, 2));
    let rows = array![[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
    scatter_rows(out.view_mut(), &[3, 0, 3], rows.view()).unwrap();
    assert_eq!(out, numpy.scatter_3_0_3);
    assert!(scatter_rows(out.view_mut(), &[4, 0, 1], rows.view()).is_err());
    assert!(scatter_rows(out.view_mut(), &[0, 1], rows.view()).is_err());

    let inverse = inverse_permutation(&numpy.argsort_scores).unwrap();
    assert_eq!(inverse, numpy.inverse_permutation);
    assert_eq!(
        inverse_permutation(&[0, 3]).unwrap_err(),
        IndexError::OutOfBounds { index: 3, len: 2 }
    );
    assert!(matches!(
        inverse_permutation(&[1, 1, 0]),
        Err(IndexError::Shape(_))
    ));
}

#[test]
fn pick_per_row_is_the_pointwise_gather() {
    let numpy = numpy();
    let y = Array1::from(numpy.y.clone());
    // `==`: the values are copied, never computed.
    let picked = pick_per_row(numpy.p.view(), y.view()).unwrap();
    assert_eq!(picked.to_vec(), numpy.p_of_y);
    let bad = Array1::from(vec![0, 3, 0, 0]);
    assert_eq!(
        pick_per_row(numpy.p.view(), bad.view()).unwrap_err(),
        IndexError::OutOfBounds { index: 3, len: 3 }
    );
    let short = Array1::from(vec![0, 1]);
    assert!(matches!(
        pick_per_row(numpy.p.view(), short.view()),
        Err(IndexError::Shape(_))
    ));
}
