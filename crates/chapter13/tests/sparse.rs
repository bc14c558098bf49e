//! Sparse matrices: sprs' CSR of MNIST holds exactly SciPy's arrays, the
//! sparse x dense product equals SciPy's bit for bit, and the
//! nearest-centroid predictions equal NumPy's.

use chapter13::sparse::{
    SparseError, checked_mul, class_centroids, compressed_bytes, eighths,
    nearest_centroid, to_csr,
};
use ndarray::{Array2, array, s};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Scipy {
    nnz: usize,
    indptr: Vec<u32>,
    column_nnz: Vec<usize>,
    bytes_int32: usize,
    #[serde(deserialize_with = "support::fixtures::array2")]
    product_head: Array2<f64>,
    centroids_row0: Vec<f64>,
    predicted: Vec<usize>,
}

fn scipy() -> Scipy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "sparse").unwrap()
}

#[test]
fn csr_of_mnist_equals_scipys() {
    let scipy = scipy();
    let mnist = support::data::load_mnist_5k().unwrap();
    let x = to_csr(mnist.features.view());
    assert_eq!(x.nnz(), scipy.nnz);
    assert_eq!(x.indptr().raw_storage(), &scipy.indptr[..]);
    assert_eq!(compressed_bytes(&x), scipy.bytes_int32);
    let csc = x.to_csc();
    let counts: Vec<usize> = csc.outer_iterator().map(|c| c.nnz()).collect();
    assert_eq!(counts, scipy.column_nnz);
    // Back to dense: nothing lost.
    assert_eq!(x.to_dense(), mnist.features);
}

#[test]
fn product_and_predictions_equal_scipys() {
    let scipy = scipy();
    let mnist = support::data::load_mnist_5k().unwrap();
    let x = to_csr(mnist.features.view());
    let out = checked_mul(&x, eighths(784, 10).view()).unwrap();
    // Integers times multiples of 1/8: exact in f64, in any order.
    assert_eq!(out.slice(s![..100, ..]), scipy.product_head);
    let centroids = class_centroids(&x, mnist.target.view(), 10).unwrap();
    assert_allclose(centroids.row(0), &scipy.centroids_row0, 1e-12, 1e-12);
    let predicted = nearest_centroid(&x, centroids.view()).unwrap();
    assert_eq!(predicted.to_vec(), scipy.predicted);
}

#[test]
fn bad_shapes_and_labels_are_typed_errors() {
    let x = to_csr(array![[1.0, 0.0], [0.0, 2.0]].view());
    assert_eq!(
        checked_mul(&x, Array2::zeros((3, 1)).view()),
        Err(SparseError::Shape {
            left: (2, 2),
            right: (3, 1)
        })
    );
    assert_eq!(
        class_centroids(&x, array![0].view(), 2),
        Err(SparseError::Labels { labels: 1, rows: 2 })
    );
    assert_eq!(
        class_centroids(&x, array![0, 2].view(), 2),
        Err(SparseError::Label {
            label: 2,
            classes: 2
        })
    );
    assert_eq!(
        class_centroids(&x, array![0, 0].view(), 2),
        Err(SparseError::EmptyClass(1))
    );
    // sprs drops NaN when converting (NaN > 0 is false): the pitfall.
    let with_nan = to_csr(array![[f64::NAN, 1.0]].view());
    assert_eq!(with_nan.nnz(), 1);
}
