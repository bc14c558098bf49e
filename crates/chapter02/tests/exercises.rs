//! Runs every exercise solution with real values.

use chapter02::exercises::*;
use ndarray::{Array, Array1, Array2, IxDyn, ShapeBuilder, array, s};

#[test]
fn ex1_checkerboard() {
    assert_eq!(checkerboard(3), array![[0, 1, 0], [1, 0, 1], [0, 1, 0]]);
    let board = checkerboard(8);
    assert_eq!(board.sum(), 32);
    assert_eq!(checkerboard(0).len(), 0);
}

#[test]
fn ex2_function_table() {
    let table = function_table(|x| x * x, 0.0, 1.0, 5);
    assert_eq!(table.shape(), &[5, 2]);
    assert_eq!(table.column(0).to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert_eq!(
        table.column(1).to_vec(),
        vec![0.0, 0.0625, 0.25, 0.5625, 1.0]
    );
    // np.sin(np.linspace(0, np.pi, 3)) -> [0., 1., 1.2246468e-16]
    let sines = function_table(f64::sin, 0.0, std::f64::consts::PI, 3);
    assert_eq!(sines[[1, 1]], 1.0);
    assert!(sines[[2, 1]].abs() < 1e-15);
}

#[test]
fn ex3_rows_to_array2() {
    let rows = vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]];
    assert_eq!(
        rows_to_array2(&rows).unwrap(),
        array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
    );
    let ragged = vec![vec![1.0, 2.0], vec![3.0]];
    let err = rows_to_array2(&ragged).unwrap_err();
    assert_eq!(
        err,
        RaggedRows {
            row: 1,
            expected: 2,
            found: 1
        }
    );
    assert_eq!(err.to_string(), "row 1 has 1 values, but row 0 has 2");
    assert_eq!(rows_to_array2(&[]).unwrap().shape(), &[0, 0]);
}

#[test]
fn ex4_contiguous_strides_agree_with_ndarray() {
    for shape in [
        vec![3, 4],
        vec![2, 3, 4],
        vec![5],
        vec![2, 1, 3],
        vec![0, 3],
    ] {
        let c = Array::<f64, _>::zeros(IxDyn(&shape));
        let f = Array::<f64, _>::zeros(IxDyn(&shape).f());
        let as_usize = |s: &[isize]| s.iter().map(|&x| x as usize).collect::<Vec<_>>();
        assert_eq!(
            contiguous_strides(&shape, false),
            as_usize(c.strides()),
            "{shape:?}"
        );
        assert_eq!(
            contiguous_strides(&shape, true),
            as_usize(f.strides()),
            "{shape:?}"
        );
    }
    assert_eq!(contiguous_strides(&[2, 3, 4], false), vec![12, 4, 1]);
    assert_eq!(contiguous_strides(&[2, 3, 4], true), vec![1, 2, 6]);
}

#[test]
fn ex5_outer_product() {
    // np.outer([1., 2., 3.], [1., 10.]) -> [[1, 10], [2, 20], [3, 30]]
    let a = array![1.0, 2.0, 3.0];
    let b = array![1.0, 10.0];
    assert_eq!(
        outer_product(a.view(), b.view()),
        array![[1.0, 10.0], [2.0, 20.0], [3.0, 30.0]]
    );
    assert_eq!(
        outer_product(a.view(), Array1::zeros(0).view()).shape(),
        &[3, 0]
    );
}

#[test]
fn ex6_kahan_beats_the_running_sum() {
    let values = vec![0.1_f32; 1_000_000];
    let kahan = kahan_sum(&values);
    // The exact sum of one million copies of f32's 0.1 is 100000.00149..., and the nearest
    // f32 is 100000.0; np.cumsum gives 100958.34375 and np.sum 100000.0078125.
    assert_eq!(kahan, 100_000.0);
    let naive = chapter02::precision::running_sum(&values);
    assert_eq!(naive, 100_958.34);
    assert_eq!(kahan_sum(&[]), 0.0);
    assert_eq!(kahan_sum(&[1.0, 2.0, 3.5]), 6.5);
}

#[test]
fn ex7_reshape_copies() {
    let a = Array2::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    assert!(!reshape_copies(a.view(), 2, 6).unwrap());
    assert!(reshape_copies(a.t(), 2, 6).unwrap());
    assert!(reshape_copies(a.slice(s![.., ..2]), 2, 3).unwrap());
    assert!(!reshape_copies(a.slice(s![..2, ..]), 4, 2).unwrap());
    assert!(reshape_copies(a.view(), 5, 5).is_err());
}

#[test]
fn ex8_shared_element_count() {
    let base = Array2::from_shape_fn((4, 5), |(i, j)| (5 * i + j) as f64);
    let parent = base.view();
    assert_eq!(shared_element_count(parent, base.slice(s![1..3, ..])), 10);
    assert_eq!(shared_element_count(parent, base.slice(s![.., ..;2])), 12);
    assert_eq!(shared_element_count(parent, base.t()), 20);
    let copy = base.to_owned();
    assert_eq!(shared_element_count(parent, copy.view()), 0);
    // Two overlapping slices of the same buffer share one row.
    let top = base.slice(s![..2, ..]);
    let bottom = base.slice(s![1.., ..]);
    assert_eq!(shared_element_count(top, bottom), 5);
    // A strided parent: every other column; the overlap counts only the columns it holds.
    assert_eq!(
        shared_element_count(
            base.slice(s![.., ..;2]),
            base.slice(s![0, ..]).insert_axis(ndarray::Axis(0))
        ),
        3
    );
}
