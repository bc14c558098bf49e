//! Constructors: values, shapes, the errors of `from_shape_vec`, and parity with NumPy's
//! `arange`, `linspace`, `logspace` and `geomspace`.

use ndarray::{Array, Array1, Array2, Array3, ErrorKind, arr1, arr2, array};

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
    // np.fromfunction(lambda i, j: (i + 1) * (j + 1), (3, 4), dtype=int)
    let table = Array2::from_shape_fn((3, 4), |(i, j)| (i + 1) * (j + 1));
    assert_eq!(table.row(2).to_vec(), vec![3, 6, 9, 12]);
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
    // np.arange(0, 1, 0.25) -> [0., 0.25, 0.5, 0.75]
    assert_eq!(Array1::range(0.0, 1.0, 0.25), array![0.0, 0.25, 0.5, 0.75]);
    // len(np.arange(1, 1.3, 0.1)) == 4: the "excluded" end 1.3 appears, in both libraries.
    let tenths = Array1::range(1.0, 1.3, 0.1);
    assert_eq!(tenths.len(), 4);
    // NumPy's values: [1.0, 1.1, 1.2000000000000002, 1.3000000000000003] (it steps by
    // (start + step) - start); ndarray computes start + i * step.
    assert_eq!(tenths.to_vec(), vec![1.0, 1.1, 1.2, 1.3]);
    // len(np.arange(1, 1.2, 0.1)) == 2: here the end really is excluded.
    assert_eq!(Array1::range(1.0, 1.2, 0.1).to_vec(), vec![1.0, 1.1]);
    // np.arange(0, 0.3, 0.1) has 3 elements: [0.0, 0.1, 0.2]
    assert_eq!(Array1::range(0.0, 0.3, 0.1).len(), 3);
    // np.arange(0.5, 2.0, 0.3).tolist() == [0.5, 0.8, 1.1, 1.4000000000000001, 1.7000000000000002]:
    // same length, but NumPy's step (0.5 + 0.3) - 0.5 = 0.30000000000000004 drifts.
    let ours = Array1::range(0.5, 2.0, 0.3);
    assert_eq!(ours.to_vec(), vec![0.5, 0.8, 1.1, 1.4, 1.7]);
    let numpy: [f64; 5] = [0.5, 0.8, 1.1, 1.4000000000000001, 1.7000000000000002];
    for (a, b) in ours.iter().zip(numpy) {
        assert!((a - b).abs() <= 2.0 * f64::EPSILON * b, "{a} vs {b}");
    }
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
    // np.linspace(0, 1, 5) -> [0., 0.25, 0.5, 0.75, 1.]
    assert_eq!(
        Array1::linspace(0.0, 1.0, 5),
        array![0.0, 0.25, 0.5, 0.75, 1.0]
    );
    // np.linspace(-1.0, 0.7, 6).tolist() ==
    //   [-1.0, -0.66, -0.32000000000000006, 0.020000000000000018, 0.3599999999999999, 0.7]
    let numpy: [f64; 6] = [
        -1.0,
        -0.66,
        -0.32000000000000006,
        0.020000000000000018,
        0.3599999999999999,
        0.7,
    ];
    let ours = Array1::linspace(-1.0, 0.7, 6);
    assert_eq!(ours.slice(ndarray::s![..5]).to_vec(), numpy[..5].to_vec());
    // NumPy overwrites the last value with `stop`; ndarray computes start + 5 * step.
    assert_eq!(ours[5], 0.6999999999999997);
    assert!((ours[5] - numpy[5]).abs() < 4.0 * f64::EPSILON);
    // np.linspace(0, 1, 5, endpoint=False) == np.arange(0, 1, 0.2) has no ndarray constructor;
    // linspace with one more point, minus the last, gives it.
    let without_end = Array1::linspace(0.0, 1.0, 6)
        .slice(ndarray::s![..5])
        .to_owned();
    assert_eq!(
        without_end.to_vec(),
        vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8]
    );
}

#[test]
fn logspace_takes_the_base_first_and_geomspace_rounds() {
    // np.logspace(0, 3, 4) -> [1., 10., 100., 1000.]
    assert_eq!(
        Array1::logspace(10.0, 0.0, 3.0, 4),
        array![1.0, 10.0, 100.0, 1000.0]
    );
    // np.logspace(0, 4, 5, base=2) -> [1., 2., 4., 8., 16.]
    assert_eq!(
        Array1::logspace(2.0, 0.0, 4.0, 5),
        array![1.0, 2.0, 4.0, 8.0, 16.0]
    );
    // np.logspace(-4, -1, 4).tolist() == [0.0001, 0.001, 0.01, 0.1]
    assert_eq!(
        Array1::logspace(10.0, -4.0, -1.0, 4).to_vec(),
        vec![0.0001, 0.001, 0.01, 0.1]
    );
    // np.geomspace(1, 1000, 4).tolist() == [1.0, 10.0, 100.0, 1000.0]; ndarray is a few ulp off.
    let geometric = Array1::geomspace(1.0, 1000.0, 4).unwrap();
    assert_eq!(
        geometric.to_vec(),
        vec![1.0, 9.999999999999998, 99.99999999999996, 999.9999999999998]
    );
    assert!(Array1::<f64>::geomspace(-1.0, 1000.0, 4).is_none());
}
