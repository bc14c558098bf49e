//! Arrays filled with a constant: `zeros`, `ones`, `eye`, `from_elem` (NumPy's
//! `full`), `from_diag` (NumPy's `diag`), and the `*_like` constructors,
//! spelled with `raw_dim()`.

use ndarray::{Array, Array1, Array2, ShapeBuilder, array};

fn main() -> Result<(), support::Report> {
    support::output_part("constants");
    // ANCHOR: constants
    let zeros = Array2::<f64>::zeros((2, 3)); // np.zeros((2, 3))
    let ones = Array1::<i32>::ones(4); // np.ones(4, dtype=np.int32)
    let identity = Array2::<f64>::eye(3); // np.eye(3)
    let filled = Array2::from_elem((2, 2), -1.5); // np.full((2, 2), -1.5)
    // np.diag([1.0, 2.0, 3.0])
    let diagonal = Array2::from_diag(&array![1.0, 2.0, 3.0]);
    // np.zeros((2, 3), order='F')
    let column_major = Array2::<f64>::zeros((2, 3).f());
    println!("zeros((2, 3)):\n{zeros}");
    println!("ones(4): {ones}");
    println!("eye(3):\n{identity}");
    println!("from_elem((2, 2), -1.5):\n{filled}");
    println!("from_diag(&array![1.0, 2.0, 3.0]):\n{diagonal}");
    println!("zeros((2, 3).f()): strides {:?}", column_major.strides());
    // ANCHOR_END: constants

    support::output_part("like");
    // ANCHOR: like
    let weights = Array2::from_shape_fn((3, 2), |(i, j)| (i * 2 + j) as f64);
    let gradient = Array::zeros(weights.raw_dim()); // np.zeros_like(weights)
    // np.full_like(weights, 0.5)
    let halves = Array::from_elem(weights.raw_dim(), 0.5);
    // np.full_like(weights, True, dtype=bool)
    let mask = Array::from_elem(weights.raw_dim(), true);
    let copied = weights.clone(); // np.copy(weights)
    let summed: Array2<f64> = gradient + &weights;
    println!("zeros_like: shape {:?}", summed.shape());
    println!("full_like, 0.5:\n{halves}");
    println!("mask all true: {}", mask.iter().all(|&m| m));
    println!("copy equals original: {}", copied == weights);
    // ANCHOR_END: like

    support::output_part("like_layout");
    // ANCHOR: like_layout
    // raw_dim() carries the shape only: the new array is row-major even when
    // `a` is not, where NumPy's zeros_like keeps a Fortran-ordered input
    // Fortran-ordered.
    let fortran = Array2::<f64>::zeros((3, 2).f());
    let like = Array2::<f64>::zeros(fortran.raw_dim());
    let like_kept = Array2::<f64>::zeros(fortran.raw_dim().f());
    println!(
        "input strides {:?}, zeros(raw_dim) {:?}, zeros(raw_dim.f()) {:?}",
        fortran.strides(),
        like.strides(),
        like_kept.strides()
    );
    // ANCHOR_END: like_layout
    Ok(())
}
