//! The Rust translations of `np.einsum` against NumPy's own results
//! (fixture `einsum.json`), and against einsum's loops.

use chapter10::einsum::{
    batch, batched_matmul, chain, chain_loops, matmul_loops, matrix, row_dots,
    row_dots_temporary,
};
use ndarray::{Array2, Array3};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Reference {
    chain: Vec<Vec<f64>>,
    batched: Vec<Vec<Vec<f64>>>,
    row_dots: Vec<f64>,
}

fn flat(x: &Array2<f64>) -> Vec<f64> {
    x.iter().copied().collect()
}

#[test]
fn translations_match_numpy() {
    let numpy: Reference =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "einsum").unwrap();
    let (a, b, c) = (matrix(7, 5, 0), matrix(5, 6, 1), matrix(6, 4, 2));
    let rows: Vec<f64> = numpy.chain.iter().flatten().copied().collect();
    let expected = Array2::from_shape_vec((7, 4), rows).unwrap();
    // Sums of a few dozen products of tenths in another order: agreement
    // to a few ulps of values near 1.
    let tol = 1e-13;
    assert_allclose(
        &flat(&chain(a.view(), b.view(), c.view())),
        &flat(&expected),
        0.0,
        tol,
    );
    assert_allclose(
        &flat(&chain_loops(a.view(), b.view(), c.view())),
        &flat(&expected),
        0.0,
        tol,
    );
    // The other order of the two products gives the same values.
    let (ct, bt, at) = (c.t(), b.t(), a.t());
    let transposed = chain(ct, bt, at);
    assert_allclose(
        &flat(&transposed.t().to_owned()),
        &flat(&expected),
        0.0,
        tol,
    );

    let (x, y): (Array3<f64>, Array3<f64>) =
        (batch(4, 3, 5, 0), batch(4, 5, 2, 7));
    let got = batched_matmul(x.view(), y.view());
    let want: Vec<f64> =
        numpy.batched.iter().flatten().flatten().copied().collect();
    assert_eq!(got.dim(), (4, 3, 2));
    assert_allclose(&got.iter().copied().collect::<Vec<_>>(), &want, 0.0, tol);

    let (u, v) = (matrix(9, 6, 0), matrix(9, 6, 5));
    assert_allclose(
        &row_dots(u.view(), v.view()).to_vec(),
        &numpy.row_dots,
        0.0,
        tol,
    );
    assert_allclose(
        &row_dots_temporary(u.view(), v.view()).to_vec(),
        &numpy.row_dots,
        0.0,
        tol,
    );
    let m = matmul_loops(a.view(), b.view());
    assert_allclose(&flat(&m), &flat(&a.dot(&b)), 0.0, tol);
}
