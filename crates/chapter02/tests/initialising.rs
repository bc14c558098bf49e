//! Constant-filled constructors, the `*_like` idiom, and `uninit` +
//! `assume_init`. NumPy's values come from `tests/fixtures/initialising.py`.

use chapter02::initialise::{product_via_uninit, running_totals};
use chapter02::layout::byte_strides;
use ndarray::{Array, Array1, Array2, ShapeBuilder, Zip, array};

/// What NumPy gives in `tests/fixtures/initialising.py`.
#[derive(serde::Deserialize)]
struct NumPy {
    /// `np.zeros((2, 3), order='F').strides`
    f_order_2x3_f64_strides: Vec<isize>,
    /// `np.cumsum([100.0, -20.0, 35.5, 10.0])`
    cumsum: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "initialising").unwrap()
}

#[test]
fn zeros_ones_eye_and_full() {
    assert_eq!(Array2::<f64>::zeros((2, 3)).sum(), 0.0);
    assert_eq!(Array1::<i32>::ones(4), array![1, 1, 1, 1]);
    assert_eq!(
        Array2::<f64>::eye(3),
        array![[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    );
    assert_eq!(
        Array2::from_elem((2, 2), -1.5),
        array![[-1.5, -1.5], [-1.5, -1.5]]
    );
    // np.zeros((2, 3), order='F').strides == (8, 16): in elements, (1, 2)
    let fortran = Array2::<f64>::zeros((2, 3).f());
    assert_eq!(fortran.strides(), &[1, 2]);
    assert_eq!(byte_strides(&fortran), numpy().f_order_2x3_f64_strides);
}

#[test]
fn zeros_like_keeps_the_shape_but_not_the_layout() {
    let fortran = Array2::<f64>::zeros((3, 2).f());
    let like = Array2::<f64>::zeros(fortran.raw_dim());
    assert_eq!(like.shape(), fortran.shape());
    assert!(like.is_standard_layout());
    assert!(!fortran.is_standard_layout());
    let like_kept = Array2::<f64>::zeros(fortran.raw_dim().f());
    assert_eq!(like_kept.strides(), fortran.strides());
    let mask = Array::from_elem(fortran.raw_dim(), true);
    assert!(mask.iter().all(|&m| m));
}

#[test]
fn uninit_arrays_filled_completely_equal_safe_versions() {
    // np.cumsum([100.0, -20.0, 35.5, 10.0]) -> [100., 80., 115.5, 125.5]; `==`:
    // the same additions in the same order (and exact ones).
    let totals = running_totals(array![100.0, -20.0, 35.5, 10.0].view());
    assert_eq!(totals.to_vec(), numpy().cumsum);

    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let b = array![[10.0, 20.0], [30.0, 40.0]];
    let product = product_via_uninit(a.view(), b.view()).expect("same shapes");
    assert_eq!(product, &a * &b);
    assert_eq!(product, Zip::from(&a).and(&b).map_collect(|&x, &y| x * y));
}
