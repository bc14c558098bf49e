//! Memory layout: strides in NumPy's units and a one-line description of an
//! array's layout.
//!
//! ndarray counts strides in *elements* (`a.strides()`); NumPy counts them in
//! *bytes* (`a.strides`). [`byte_strides`] converts the first to the second, so
//! the two can be compared directly.

use std::mem::size_of;

use ndarray::{Array2, ArrayBase, Data, Dimension, RawData, ShapeBuilder};

// ANCHOR: byte_strides
/// The strides of `a` in bytes, as NumPy's `a.strides` reports them: ndarray's
/// strides (in elements) times the size of one element.
pub fn byte_strides<S, D>(a: &ArrayBase<S, D>) -> Vec<isize>
where
    S: RawData,
    D: Dimension,
{
    let element_size = size_of::<S::Elem>() as isize;
    a.strides().iter().map(|&s| s * element_size).collect()
}
// ANCHOR_END: byte_strides

// ANCHOR: layout_summary
/// One line describing how `a` sits in memory: shape, strides (in elements),
/// whether it is in standard (row-major) layout, and whether its elements fill
/// one contiguous block in some order (`as_slice_memory_order` succeeds).
pub fn layout_summary<S, D>(a: &ArrayBase<S, D>) -> String
where
    S: Data,
    D: Dimension,
{
    format!(
        "shape {:?}, strides {:?}, standard: {}, contiguous: {}",
        a.shape(),
        a.strides(),
        a.is_standard_layout(),
        a.as_slice_memory_order().is_some()
    )
}
// ANCHOR_END: layout_summary

/// For a `(rows, cols)` array in row-major (`fortran == false`) or column-major
/// order, the position in memory of every element: element `[i, j]` of the
/// result is the offset of `a[i, j]` from the start of the buffer.
pub fn memory_positions(
    rows: usize,
    cols: usize,
    fortran: bool,
) -> Array2<usize> {
    // `from_shape_vec` reads the vector in the layout's memory order, so
    // element [i, j] receives the number of the memory slot it occupies.
    Array2::from_shape_vec(
        (rows, cols).set_f(fortran),
        (0..rows * cols).collect(),
    )
    .expect("the vector has exactly rows * cols elements")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn byte_strides_match_numpy() {
        // np.zeros((3, 4)).strides == (32, 8); np.zeros((3, 4),
        // order='F').strides == (8, 24)
        assert_eq!(byte_strides(&Array2::<f64>::zeros((3, 4))), vec![32, 8]);
        assert_eq!(
            byte_strides(&Array2::<f64>::zeros((3, 4).f())),
            vec![8, 24]
        );
        // np.zeros((3, 4), dtype=np.float32).strides == (16, 4)
        assert_eq!(byte_strides(&Array2::<f32>::zeros((3, 4))), vec![16, 4]);
    }

    #[test]
    fn memory_positions_number_the_slots() {
        let c = memory_positions(2, 3, false);
        assert_eq!(c, ndarray::array![[0, 1, 2], [3, 4, 5]]);
        let f = memory_positions(2, 3, true);
        assert_eq!(f, ndarray::array![[0, 2, 4], [1, 3, 5]]);
    }

    #[test]
    fn summary_names_shape_strides_and_layout() {
        let a = Array2::<f64>::zeros((2, 3));
        assert_eq!(
            layout_summary(&a.t()),
            "shape [3, 2], strides [1, 3], standard: false, contiguous: true"
        );
    }
}
