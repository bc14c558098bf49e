//! Every kernel of `kernels` against NumPy's `a * b + c` and Horner's rule,
//! and the generic logistic function against SciPy's `expit`, from
//! `tests/fixtures/elementwise.py`.

use chapter04::LengthError;
use chapter04::kernels::*;
use chapter04::ufunc::{logistic, logistic_inplace};
use ndarray::{Array1, ArrayD, IxDyn};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct NumPy {
    mul_add_30: Vec<f64>,
    horner_30: Vec<f64>,
    scores: Vec<f64>,
    expit: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "elementwise")
        .expect("tests/fixtures/elementwise.json")
}

#[test]
fn every_mul_add_kernel_equals_numpy_exactly() {
    let expected = Array1::from(numpy().mul_add_30);
    let (a, b, c) = bench_inputs(30);
    let (a, b, c) = (a.view(), b.view(), c.view());
    // `==`: one multiply and one add per element, rounded the same way.
    assert_eq!(mul_add_expression(a, b, c), expected);
    assert_eq!(mul_add_zip_collect(a, b, c).unwrap(), expected);
    type Kernel = fn(
        ndarray::ArrayViewMut1<'_, f64>,
        ndarray::ArrayView1<'_, f64>,
        ndarray::ArrayView1<'_, f64>,
        ndarray::ArrayView1<'_, f64>,
    ) -> Result<(), LengthError>;
    let kernels: [Kernel; 5] = [
        mul_add_indexed,
        mul_add_iterator,
        mul_add_two_pass,
        mul_add_fused,
        mul_add_parallel,
    ];
    for kernel in kernels {
        let mut out = Array1::from_elem(30, f64::NAN);
        kernel(out.view_mut(), a, b, c).unwrap();
        assert_eq!(out, expected);
    }
}

#[test]
fn every_horner_kernel_equals_numpy_exactly() {
    let expected = Array1::from(numpy().horner_30);
    let (x, _, _) = bench_inputs(30);
    assert_eq!(horner_expression(&POLY, x.view()), expected);
    assert_eq!(horner_mapv(&POLY, x.view()), expected);
    type Kernel = fn(
        &[f64; 5],
        ndarray::ArrayViewMut1<'_, f64>,
        ndarray::ArrayView1<'_, f64>,
    ) -> Result<(), LengthError>;
    let kernels: [Kernel; 4] = [
        horner_indexed,
        horner_iterator,
        horner_fused,
        horner_parallel,
    ];
    for kernel in kernels {
        let mut out = Array1::from_elem(30, f64::NAN);
        kernel(&POLY, out.view_mut(), x.view()).unwrap();
        assert_eq!(out, expected);
    }
}

#[test]
fn kernels_refuse_operands_of_another_length() {
    let (a, b, c) = bench_inputs(5);
    let mut out = Array1::zeros(4);
    let error = mul_add_fused(out.view_mut(), a.view(), b.view(), c.view());
    assert_eq!(
        error,
        Err(LengthError {
            expected: 4,
            found: 5
        })
    );
    assert!(
        mul_add_zip_collect(a.view(), b.slice(ndarray::s![..3]), c.view())
            .is_err()
    );
}

#[test]
fn logistic_matches_scipy_expit_for_any_number_of_axes() {
    let numpy = numpy();
    let scores = Array1::from(numpy.scores);
    // exp is not correctly rounded (glibc's and NumPy's differ in the last
    // bit), so compare within a few units in the last place.
    assert_allclose(&logistic(&scores), &numpy.expit, 1e-15, 0.0);
    let n = scores.len();
    let dynamic =
        ArrayD::from_shape_vec(IxDyn(&[1, n, 1]), scores.to_vec()).unwrap();
    let expected = Array1::from(numpy.expit.clone());
    assert_allclose(
        logistic(&dynamic).into_shape_with_order(n).unwrap().view(),
        &expected,
        1e-15,
        0.0,
    );
    let mut in_place = scores.clone();
    logistic_inplace(&mut in_place);
    assert_eq!(in_place, logistic(&scores));
    assert!(logistic(&scores).iter().all(|v| v.is_finite()));
}
