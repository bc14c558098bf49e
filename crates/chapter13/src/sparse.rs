//! Sparse matrices with sprs: MNIST's pixels as a CSR matrix with 32-bit
//! indices (SciPy's default), its memory next to the dense array's, a
//! shape-checked sparse x dense product, and a nearest-centroid classifier
//! whose scores are one such product.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use sprs::CsMatI;

/// A CSR (or CSC) matrix of `f64` with `u32` indices and index pointers,
/// the layout of `scipy.sparse.csr_array` for fewer than 2^31 entries.
pub type Csr = CsMatI<f64, u32>;

/// What can go wrong with the chapter's sparse products.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SparseError {
    #[error("cannot multiply a {left:?} matrix by a {right:?} one")]
    Shape {
        left: (usize, usize),
        right: (usize, usize),
    },
    #[error("{labels} labels for {rows} rows")]
    Labels { labels: usize, rows: usize },
    #[error("label {label} is not below the number of classes, {classes}")]
    Label { label: usize, classes: usize },
    #[error("class {0} has no sample: its centroid is undefined")]
    EmptyClass(usize),
}

// ANCHOR: to_csr
/// The nonzero entries of `x` as CSR. sprs keeps the entries whose absolute
/// value is above the threshold (0 here): a `NaN` fails `abs() > 0` and is
/// dropped silently, so check for `NaN` before converting.
pub fn to_csr(x: ArrayView2<'_, f64>) -> Csr {
    CsMatI::csr_from_dense(x, 0.0)
}

/// Bytes held by the three arrays of a compressed matrix.
pub fn compressed_bytes(m: &Csr) -> usize {
    let indptr = size_of_val(m.indptr().raw_storage());
    indptr + m.nnz() * (size_of::<u32>() + size_of::<f64>())
}
// ANCHOR_END: to_csr

// ANCHOR: checked_mul
/// `m @ w`, with a typed error where sprs' `&m * &w` would panic on a shape
/// mismatch (it asserts).
pub fn checked_mul(
    m: &Csr,
    w: ArrayView2<'_, f64>,
) -> Result<Array2<f64>, SparseError> {
    if m.cols() != w.nrows() {
        return Err(SparseError::Shape {
            left: m.shape(),
            right: w.dim(),
        });
    }
    Ok(m * &w)
}
// ANCHOR_END: checked_mul

/// A deterministic `rows x cols` weight matrix of multiples of 1/8 in
/// [-5/8, 5/8], shared with the NumPy side: products of these with integer
/// pixels are exact in `f64`, so the two libraries agree bit for bit.
pub fn eighths(rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        ((i * 7 + j * 3) % 11) as f64 / 8.0 - 5.0 / 8.0
    })
}

// ANCHOR: centroids
/// Each class's mean row (centroid) from a CSR matrix, summing only the
/// stored entries.
pub fn class_centroids(
    x: &Csr,
    labels: ArrayView1<'_, usize>,
    classes: usize,
) -> Result<Array2<f64>, SparseError> {
    if labels.len() != x.rows() {
        return Err(SparseError::Labels {
            labels: labels.len(),
            rows: x.rows(),
        });
    }
    let mut sums = Array2::<f64>::zeros((classes, x.cols()));
    let mut counts = vec![0usize; classes];
    for (row, &label) in x.outer_iterator().zip(labels) {
        if label >= classes {
            return Err(SparseError::Label { label, classes });
        }
        counts[label] += 1;
        for (col, &v) in row.iter() {
            sums[[label, col]] += v;
        }
    }
    for (c, (mut sum, &n)) in sums.outer_iter_mut().zip(&counts).enumerate() {
        if n == 0 {
            return Err(SparseError::EmptyClass(c));
        }
        sum /= n as f64;
    }
    Ok(sums)
}

/// Nearest-centroid predictions: the class minimising `|x - c|^2`, that is
/// maximising `2 x.c - |c|^2`; the `x.c` for every row and class are one
/// sparse x dense product, `x @ centroids.T`.
pub fn nearest_centroid(
    x: &Csr,
    centroids: ArrayView2<'_, f64>,
) -> Result<Array1<usize>, SparseError> {
    let dots = checked_mul(x, centroids.t())?;
    let norms = centroids.map_axis(Axis(1), |c| c.dot(&c));
    let scores = dots * 2.0 - &norms;
    Ok(scores.map_axis(Axis(1), |row| {
        let mut best = 0;
        for (j, &s) in row.iter().enumerate() {
            if s > row[best] {
                best = j;
            }
        }
        best
    }))
}
// ANCHOR_END: centroids

/// `rows x cols` matrix with about `density` of its entries nonzero (values
/// in (0, 1]), from SplitMix64, for the benchmark's second workload.
pub fn random_sparse(rows: usize, cols: usize, density: f64) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        let z = crate::records::splitmix64((i * cols + j) as u64);
        let u = (z >> 11) as f64 / (1u64 << 53) as f64;
        if u < density { 1.0 - u / density } else { 0.0 }
    })
}
