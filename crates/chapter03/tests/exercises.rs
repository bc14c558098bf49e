//! Runs every exercise solution with real values. NumPy's values come from
//! `tests/fixtures/exercises.py`.

use chapter03::IndexError;
use chapter03::exercises::*;
use ndarray::{Array1, Array2, array};
use support::fixtures::{array2, assert_allclose};

#[derive(serde::Deserialize)]
struct NumPy {
    #[serde(deserialize_with = "array2")]
    frame_5: Array2<f64>,
    #[serde(deserialize_with = "array2")]
    clip_input: Array2<f64>,
    clip_limit: f64,
    #[serde(deserialize_with = "array2")]
    clipped: Array2<f64>,
    clip_count: usize,
    batch_indices: Vec<usize>,
    #[serde(deserialize_with = "array2")]
    batch_x: Array2<f64>,
    batch_y: Vec<usize>,
    rank_values: Vec<f64>,
    ranks: Vec<usize>,
    by_flipper_then_mass: Vec<usize>,
    wine_nearest_to_0: Vec<usize>,
    wine_nearest_distances: Vec<f64>,
    add_at_indices: Vec<usize>,
    add_at_values: Vec<f64>,
    add_at: Vec<f64>,
    buffered_add: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

#[test]
fn ex1_frame() {
    assert_eq!(frame(5), numpy().frame_5);
    assert_eq!(frame(2), Array2::<f64>::ones((2, 2)));
    assert_eq!(frame(3).sum(), 8.0);
    assert_eq!(frame(0).len(), 0);
}

#[test]
fn ex2_clip_above() {
    let numpy = numpy();
    let mut x = numpy.clip_input.clone();
    let count = clip_above(x.view_mut(), numpy.clip_limit);
    // `==`: the values are copied or replaced, never computed.
    assert_eq!(x, numpy.clipped);
    assert_eq!(count, numpy.clip_count);
    // Through a view: only the second column is clipped.
    let mut y = numpy.clip_input.clone();
    assert_eq!(clip_above(y.slice_mut(ndarray::s![.., 1..2]), 2.0), 1);
    assert_eq!(y[[0, 1]], 2.0);
    assert_eq!(y[[1, 0]], 7.5);
}

#[test]
fn ex3_minibatch() {
    let numpy = numpy();
    let iris = support::data::load_iris().unwrap();
    let (x, y) = (iris.features.view(), iris.target.view());
    let (xb, yb) = minibatch(x, y, &numpy.batch_indices).unwrap();
    assert_eq!(xb, numpy.batch_x);
    assert_eq!(yb.to_vec(), numpy.batch_y);
    assert_eq!(
        minibatch(x, y, &[0, 150]).unwrap_err(),
        IndexError::OutOfBounds {
            index: 150,
            len: 150
        }
    );
    let short = y.slice(ndarray::s![..100]);
    assert!(matches!(
        minibatch(x, short, &[0]),
        Err(IndexError::Shape(_))
    ));
}

#[test]
fn ex4_ranks() {
    let numpy = numpy();
    let values = Array1::from(numpy.rank_values.clone());
    assert_eq!(ranks(values.view()), numpy.ranks);
    assert_eq!(ranks(array![3.0, 1.0, 2.0].view()), vec![2, 0, 1]);
    assert!(ranks(Array1::zeros(0).view()).is_empty());
}

#[test]
fn ex5_sort_by_two_keys() {
    let numpy = numpy();
    let x = support::data::load_penguins().unwrap().measurements;
    let (flipper, mass) = (x.column(2), x.column(3));
    // `==`: an order; ties in both keys keep row order, NaN rows go last.
    let order = sort_by_two_keys(flipper, mass).unwrap();
    assert_eq!(order, numpy.by_flipper_then_mass);
    let ties = array![1.0, 0.0, 1.0, 0.0];
    let order = sort_by_two_keys(ties.view(), Array1::zeros(4).view());
    assert_eq!(order.unwrap(), vec![1, 3, 0, 2]);
    assert!(matches!(
        sort_by_two_keys(flipper, mass.slice(ndarray::s![..3])),
        Err(IndexError::Shape(_))
    ));
}

#[test]
fn ex6_nearest_wines() {
    let numpy = numpy();
    let x = support::data::load_wine().unwrap().features;
    let z = chapter03::filter::zscores(x.view()).unwrap();
    let nearest = nearest_rows(z.view(), z.row(0), 5).unwrap();
    let (rows, distances): (Vec<usize>, Vec<f64>) = nearest.into_iter().unzip();
    assert_eq!(rows, numpy.wine_nearest_to_0);
    // The distances the solution returns, not ones recomputed here: a
    // squared distance has the same order but not the same values. rtol
    // 1e-12: z-scores and sums of squares rounded in different orders.
    assert_allclose(
        &Array1::from(distances),
        &numpy.wine_nearest_distances,
        1e-12,
        1e-15,
    );
    assert!(
        nearest_rows(z.view(), z.row(0).slice(ndarray::s![..3]), 1).is_err()
    );
}

#[test]
fn ex7_scatter_add() {
    let numpy = numpy();
    let values = Array1::from(numpy.add_at_values.clone());
    let added = scatter_add(4, &numpy.add_at_indices, values.view()).unwrap();
    // `==`: small whole numbers.
    assert_eq!(added.to_vec(), numpy.add_at);
    assert_ne!(added.to_vec(), numpy.buffered_add);
    assert_eq!(
        scatter_add(2, &[0, 2], array![1.0, 1.0].view()).unwrap_err(),
        IndexError::OutOfBounds { index: 2, len: 2 }
    );
    assert!(scatter_add(2, &[0], array![1.0, 1.0].view()).is_err());
}
