//! Constructors: values, shapes, the errors of `from_shape_vec`, and parity
//! with NumPy's `arange`, `linspace`, `logspace` and `geomspace` (NumPy's
//! values come from `tests/fixtures/creating.py`).

use ndarray::{Array, Array1, Array2, Array3, ErrorKind, arr1, arr2, array};
use support::fixtures::assert_allclose;

/// NumPy's grids from `tests/fixtures/creating.py`; the key names the call,
/// with `p` for a decimal point and `m` for a minus sign.
#[derive(serde::Deserialize)]
struct NumPy {
    fromfunction_row2: Vec<usize>,
    arange_0_1_0p25: Vec<f64>,
    arange_1_1p3_0p1: Vec<f64>,
    arange_1_1p2_0p1: Vec<f64>,
    arange_0_0p3_0p1: Vec<f64>,
    arange_0p5_2_0p3: Vec<f64>,
    linspace_0_1_5: Vec<f64>,
    linspace_m1_0p7_6: Vec<f64>,
    linspace_0_1_5_no_endpoint: Vec<f64>,
    arange_0_1_0p2: Vec<f64>,
    logspace_0_3_4: Vec<f64>,
    logspace_0_4_5_base2: Vec<f64>,
    logspace_m4_m1_4: Vec<f64>,
    geomspace_1_1000_4: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "creating").unwrap()
}

#[test]
fn from_data_constructors_agree() {
    let expected = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let v = vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    assert_eq!(Array2::from_shape_vec((2, 3), v.clone()).unwrap(), expected);
    assert_eq!(arr2(&[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), expected);
    assert_eq!(Array1::from_vec(v.clone()), arr1(&v));
    assert_eq!(Array1::from(v.clone()).len(), 6);
}

#[test]
fn from_vec_takes_the_buffer_without_copying() {
    let v = vec![1.0_f64, 2.0, 3.0];
    let address = v.as_ptr();
    let a = Array1::from_vec(v);
    assert_eq!(a.as_ptr(), address);
}

#[test]
fn from_shape_vec_reports_too_few_and_too_many_values() {
    let too_few = Array2::from_shape_vec((2, 3), vec![0; 5]).unwrap_err();
    assert_eq!(too_few.kind(), ErrorKind::OutOfBounds);
    assert_eq!(
        too_few.to_string(),
        "ShapeError/OutOfBounds: out of bounds indexing"
    );
    let too_many = Array2::from_shape_vec((2, 3), vec![0; 7]).unwrap_err();
    assert_eq!(too_many.kind(), ErrorKind::IncompatibleShape);
    assert_eq!(
        too_many.to_string(),
        "ShapeError/IncompatibleShape: incompatible shapes"
    );
}

#[test]
fn from_functions_and_iterators() {
    // np.fromfunction(lambda i, j: (i + 1) * (j + 1), (3, 4), dtype=int)[2]
    let table = Array2::from_shape_fn((3, 4), |(i, j)| (i + 1) * (j + 1));
    assert_eq!(table.row(2).to_vec(), numpy().fromfunction_row2);
    let sevens = Array3::from_elem((2, 2, 2), 7_u8);
    assert_eq!(sevens.sum(), 56);
    let squares = Array::from_iter((0..6).map(|x| x * x));
    assert_eq!(squares, array![0, 1, 4, 9, 16, 25]);
    let evens: Array1<i32> = (0..12).filter(|x| x % 2 == 0).collect();
    assert_eq!(evens, array![0, 2, 4, 6, 8, 10]);
    let grid = Array::from_iter(0..12)
        .into_shape_with_order((3, 4))
        .unwrap();
    assert_eq!(grid[[2, 1]], 9);
}

#[test]
fn range_matches_numpy_arange_in_length_and_nearly_in_value() {
    let numpy = numpy();
    // np.arange(0, 1, 0.25): exact multiples of a power of two, `==` on both
    // sides.
    let quarters = Array1::range(0.0, 1.0, 0.25);
    assert_eq!(quarters.to_vec(), numpy.arange_0_1_0p25);
    // np.arange(1, 1.3, 0.1) has 4 elements: the "excluded" end 1.3 appears, in
    // both libraries.
    let tenths = Array1::range(1.0, 1.3, 0.1);
    assert_eq!(tenths.len(), numpy.arange_1_1p3_0p1.len());
    // ndarray computes start + i * step ...
    assert_eq!(tenths.to_vec(), vec![1.0, 1.1, 1.2, 1.3]);
    // ... NumPy steps by (start + step) - start, which is not 0.1 exactly, and
    // gets [1.0, 1.1, 1.2000000000000002, 1.3000000000000003]. `==`: the same
    // IEEE operations as NumPy's fill loop, in the same order.
    let step = (1.0 + 0.1) - 1.0;
    let by_step: Vec<_> = (0..4).map(|i| 1.0 + f64::from(i) * step).collect();
    assert_eq!(by_step, numpy.arange_1_1p3_0p1);
    // rtol 2 eps: the two ways differ by about one ulp per element.
    assert_allclose(&tenths, &numpy.arange_1_1p3_0p1, 2.0 * f64::EPSILON, 0.0);
    // np.arange(1, 1.2, 0.1) has 2 elements: here the end really is excluded.
    assert_eq!(
        Array1::range(1.0, 1.2, 0.1).to_vec(),
        numpy.arange_1_1p2_0p1
    );
    // np.arange(0, 0.3, 0.1) has 3 elements: [0.0, 0.1, 0.2]
    let thirds = Array1::range(0.0, 0.3, 0.1);
    assert_eq!(thirds.len(), numpy.arange_0_0p3_0p1.len());
    assert_eq!(thirds.to_vec(), numpy.arange_0_0p3_0p1);
    // np.arange(0.5, 2.0, 0.3): same length, but NumPy's step
    // (0.5 + 0.3) - 0.5 = 0.30000000000000004 drifts:
    // [0.5, 0.8, 1.1, 1.4000000000000001, 1.7000000000000002].
    let ours = Array1::range(0.5, 2.0, 0.3);
    assert_eq!(ours.to_vec(), vec![0.5, 0.8, 1.1, 1.4, 1.7]);
    assert_eq!(ours.len(), numpy.arange_0p5_2_0p3.len());
    // rtol 2 eps, as above.
    assert_allclose(&ours, &numpy.arange_0p5_2_0p3, 2.0 * f64::EPSILON, 0.0);
    assert_ne!(ours.to_vec(), numpy.arange_0p5_2_0p3);
}

#[test]
fn range_does_not_accumulate_the_step() {
    let mut x = 0.0_f64;
    for _ in 0..9 {
        x += 0.1;
    }
    assert_eq!(x, 0.8999999999999999);
    assert_eq!(Array1::range(0.0, 1.0, 0.1)[9], 0.9);
}

#[test]
fn linspace_matches_numpy_except_the_forced_endpoint() {
    let numpy = numpy();
    // np.linspace(0, 1, 5): [0., 0.25, 0.5, 0.75, 1.], exact on both sides.
    let quarters = Array1::linspace(0.0, 1.0, 5);
    assert_eq!(quarters.to_vec(), numpy.linspace_0_1_5);
    // np.linspace(-1.0, 0.7, 6): both compute start + i * step with the same
    // step, so `==` holds for all but the last value ...
    let ours = Array1::linspace(-1.0, 0.7, 6);
    assert_eq!(
        ours.slice(ndarray::s![..5]).to_vec(),
        numpy.linspace_m1_0p7_6[..5]
    );
    // ... which NumPy overwrites with `stop` (0.7); ndarray computes
    // start + 5 * step.
    assert_eq!(ours[5], 0.6999999999999997);
    assert_eq!(numpy.linspace_m1_0p7_6[5], 0.7);
    // atol 4 eps: the two differ by 3 ulp of 0.7.
    assert_allclose(&ours, &numpy.linspace_m1_0p7_6, 0.0, 4.0 * f64::EPSILON);
    // np.linspace(0, 1, 5, endpoint=False) == np.arange(0, 1, 0.2) has no
    // ndarray constructor; linspace with one more point, minus the last, gives
    // it, `==` (the same multiplications by the same step).
    let without_end = Array1::linspace(0.0, 1.0, 6)
        .slice(ndarray::s![..5])
        .to_owned();
    assert_eq!(without_end.to_vec(), numpy.linspace_0_1_5_no_endpoint);
    assert_eq!(without_end.to_vec(), numpy.arange_0_1_0p2);
    assert_eq!(without_end[3], 0.6000000000000001);
}

#[test]
fn logspace_takes_the_base_first_and_geomspace_rounds() {
    let numpy = numpy();
    // `==` for logspace: both raise the base to the same linspace exponents,
    // and both powers give the nearest f64 here.
    // np.logspace(0, 3, 4): [1., 10., 100., 1000.]
    assert_eq!(
        Array1::logspace(10.0, 0.0, 3.0, 4).to_vec(),
        numpy.logspace_0_3_4
    );
    // np.logspace(0, 4, 5, base=2): [1., 2., 4., 8., 16.]
    assert_eq!(
        Array1::logspace(2.0, 0.0, 4.0, 5).to_vec(),
        numpy.logspace_0_4_5_base2
    );
    // np.logspace(-4, -1, 4): [0.0001, 0.001, 0.01, 0.1]
    assert_eq!(
        Array1::logspace(10.0, -4.0, -1.0, 4).to_vec(),
        numpy.logspace_m4_m1_4
    );
    // np.geomspace(1, 1000, 4) is [1.0, 10.0, 100.0, 1000.0]; ndarray is a few
    // ulp off (rtol 4 eps).
    let geometric = Array1::geomspace(1.0, 1000.0, 4).unwrap();
    assert_eq!(
        geometric.to_vec(),
        vec![1.0, 9.999999999999998, 99.99999999999996, 999.9999999999998]
    );
    assert_allclose(
        &geometric,
        &numpy.geomspace_1_1000_4,
        4.0 * f64::EPSILON,
        0.0,
    );
    assert!(Array1::<f64>::geomspace(-1.0, 1000.0, 4).is_none());
}
