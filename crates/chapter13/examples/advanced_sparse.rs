//! Sparse matrices with sprs: MNIST's 5000 x 784 pixels as CSR, its memory
//! against the dense array's, a sparse x dense product, and a
//! nearest-centroid classifier built on one.

use chapter13::sparse::{
    checked_mul, class_centroids, compressed_bytes, eighths, nearest_centroid,
    to_csr,
};
use ndarray::{Array2, s};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("build");
    // ANCHOR: build
    let mnist = support::data::load_mnist_5k()?;
    let dense = &mnist.features; // 5000 x 784, pixel values 0..=255
    let x = to_csr(dense.view()); // scipy.sparse.csr_array(dense)
    println!(
        "shape {:?}, nnz {}, density {:.4}",
        x.shape(),
        x.nnz(),
        x.density()
    );
    let dense_mb = (dense.len() * size_of::<f64>()) as f64 / 1e6;
    let csr_mb = compressed_bytes(&x) as f64 / 1e6;
    println!("dense {dense_mb:.2} MB, CSR {csr_mb:.2} MB");
    let csc = x.to_csc(); // x.tocsc(): the same entries, column by column
    let empty = csc.outer_iterator().filter(|c| c.nnz() == 0).count();
    println!("pixels never inked: {empty} of {}", csc.cols());
    // ANCHOR_END: build

    support::output_part("product");
    // ANCHOR: product
    let w = eighths(784, 10); // a linear layer's weights
    let sparse_out = checked_mul(&x, w.view())?; // x @ w
    let dense_out = dense.dot(&w);
    println!(
        "x @ w: shape {:?}, equal to dense: {}",
        sparse_out.dim(),
        sparse_out == dense_out
    );
    println!("row 0, first 5: {}", sparse_out.slice(s![0, ..5]));
    match checked_mul(&x, Array2::zeros((10, 784)).view()) {
        Ok(_) => println!("no error"),
        Err(e) => println!("x @ w.T: {e}"),
    }
    // ANCHOR_END: product

    support::output_part("centroids");
    // ANCHOR: centroids
    let centroids = class_centroids(&x, mnist.target.view(), 10)?;
    let predicted = nearest_centroid(&x, centroids.view())?;
    let right = predicted
        .iter()
        .zip(&mnist.target)
        .filter(|(p, t)| p == t)
        .count();
    println!(
        "nearest centroid: {right} of {} right on the training set",
        predicted.len()
    );
    // ANCHOR_END: centroids
    Ok(())
}
