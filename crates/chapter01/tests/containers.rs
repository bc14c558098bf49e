//! The three containers give the same standardised table, bit for bit, and the
//! values NumPy gives (from `tests/fixtures/containers.py`); bad shapes are
//! errors, not panics; conversions copy only when they must.

use chapter01::{
    LayoutError, array_to_flat, benchmark_table, check_rectangular,
    flat_to_array, flat_to_rows, rows_to_array, standardize_flat,
    standardize_ndarray, standardize_vec_of_vec,
};
use ndarray::{Array2, array};
use support::fixtures::{array2, assert_allclose};

/// What NumPy computes in `tests/fixtures/containers.py`.
#[derive(serde::Deserialize)]
struct Containers {
    /// `benchmark_table(5, 3)`
    #[serde(deserialize_with = "array2")]
    table_5x3: Array2<f64>,
    /// `(A - A.mean(axis=0)) / A.std(axis=0)`
    #[serde(deserialize_with = "array2")]
    standardized_5x3: Array2<f64>,
    /// `B = benchmark_table(4, 2); B[:, 1] = 7.0`
    #[serde(deserialize_with = "array2")]
    constant_column_4x2: Array2<f64>,
    /// `(B - B.mean(0)) / np.where(B.std(0) == 0, 1, B.std(0))`, which is also
    /// what scikit-learn's `StandardScaler` gives
    #[serde(deserialize_with = "array2")]
    standardized_constant_column: Array2<f64>,
}

fn numpy() -> Containers {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "containers").unwrap()
}

#[test]
fn the_benchmark_table_is_the_one_numpy_builds() {
    // `==`: whole numbers times 0.5 plus a whole number are exact on both
    // sides.
    let expected = numpy().table_5x3;
    assert_eq!(flat_to_array(benchmark_table(5, 3), 3).unwrap(), expected);
    assert_eq!(benchmark_table(1000, 1000).len(), 1_000_000);
}

#[test]
fn three_containers_agree_bit_for_bit_and_match_numpy() {
    let flat = benchmark_table(5, 3);
    let rows = flat_to_rows(&flat, 3).unwrap();
    let array = flat_to_array(flat.clone(), 3).unwrap();

    let z_rows =
        rows_to_array(&standardize_vec_of_vec(&rows).unwrap()).unwrap();
    let z_flat = flat_to_array(standardize_flat(&flat, 3).unwrap(), 3).unwrap();
    let z_array = standardize_ndarray(array.view()).unwrap();
    // Same additions in the same order: identical results, not merely close
    // ones.
    assert_eq!(z_rows, z_array);
    assert_eq!(z_flat, z_array);

    // atol 1e-14 (a few dozen ulp of values below 2): NumPy's std squares and
    // sums the deviations in its own order, so the last bits may differ.
    assert_allclose(&z_array, &numpy().standardized_5x3, 0.0, 1e-14);
}

#[test]
fn the_three_versions_agree_on_a_bigger_table() {
    let (n_rows, n_cols) = (60, 17);
    let flat = benchmark_table(n_rows, n_cols);
    let by_rows = rows_to_array(
        &standardize_vec_of_vec(&flat_to_rows(&flat, n_cols).unwrap()).unwrap(),
    );
    let by_flat =
        flat_to_array(standardize_flat(&flat, n_cols).unwrap(), n_cols)
            .unwrap();
    let by_ndarray =
        standardize_ndarray(flat_to_array(flat, n_cols).unwrap().view())
            .unwrap();
    assert_eq!(by_rows.unwrap(), by_ndarray);
    assert_eq!(by_flat, by_ndarray);
    // Every column now has mean 0 and population standard deviation 1.
    for column in by_ndarray.columns() {
        assert!(column.mean().unwrap().abs() < 1e-12);
        assert!((column.std(0.0) - 1.0).abs() < 1e-12);
    }
}

#[test]
fn a_constant_column_becomes_zeros_as_in_scikit_learn() {
    let numpy = numpy();
    let mut flat = benchmark_table(4, 2);
    flat.iter_mut().skip(1).step_by(2).for_each(|v| *v = 7.0);
    assert_eq!(
        flat_to_array(flat.clone(), 2).unwrap(),
        numpy.constant_column_4x2
    );
    let z = standardize_ndarray(flat_to_array(flat.clone(), 2).unwrap().view())
        .unwrap();
    // atol 1e-14, as above; the constant column is exactly 0.0 on both sides.
    assert_allclose(&z, &numpy.standardized_constant_column, 0.0, 1e-14);
    assert!(z.column(1).iter().all(|&v| v == 0.0));
    let z_flat = flat_to_array(standardize_flat(&flat, 2).unwrap(), 2).unwrap();
    let z_rows = rows_to_array(
        &standardize_vec_of_vec(&flat_to_rows(&flat, 2).unwrap()).unwrap(),
    );
    assert_eq!(z_flat, z);
    assert_eq!(z_rows.unwrap(), z);
}

#[test]
fn bad_shapes_are_errors_with_a_useful_message() {
    let ragged = vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0]];
    let err = standardize_vec_of_vec(&ragged).unwrap_err();
    assert_eq!(
        err,
        LayoutError::RaggedRow {
            row: 2,
            expected: 2,
            found: 1
        }
    );
    assert_eq!(err.to_string(), "row 2 has 1 values, but row 0 has 2");
    assert_eq!(rows_to_array(&ragged).unwrap_err(), err);
    assert_eq!(check_rectangular(&ragged[..2]), Ok(2));

    assert_eq!(standardize_vec_of_vec(&[]), Err(LayoutError::Empty));
    assert_eq!(standardize_vec_of_vec(&[vec![]]), Err(LayoutError::Empty));
    assert_eq!(standardize_flat(&[], 3), Err(LayoutError::Empty));
    assert_eq!(standardize_flat(&[1.0, 2.0], 0), Err(LayoutError::Empty));
    let err = standardize_flat(&[1.0; 7], 3).unwrap_err();
    assert_eq!(err, LayoutError::NotRectangular { len: 7, n_cols: 3 });
    assert_eq!(err.to_string(), "7 values cannot be split into rows of 3");
    assert!(flat_to_array(vec![1.0; 7], 3).is_err());
    assert!(flat_to_rows(&[1.0; 7], 3).is_err());
    assert!(flat_to_rows(&[1.0], 0).is_err());
    assert!(flat_to_array(vec![1.0; 6], 0).is_err());
    assert_eq!(
        standardize_ndarray(Array2::<f64>::zeros((0, 3)).view()),
        Err(LayoutError::Empty)
    );
}

#[test]
fn flat_buffers_move_in_and_out_of_arrays_without_a_copy() {
    let buffer: Vec<f64> = (1..=6).map(f64::from).collect();
    let address = buffer.as_ptr();
    let matrix = flat_to_array(buffer, 3).unwrap();
    assert_eq!(matrix.shape(), &[2, 3]);
    assert_eq!(matrix.strides(), &[3, 1]);
    assert_eq!(matrix[[1, 0]], 4.0);
    assert_eq!(matrix.as_ptr(), address);
    let back = array_to_flat(matrix);
    assert_eq!(back.as_ptr(), address);
    assert_eq!(back, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);

    // A transposed array is not row-major: giving it back as a Vec reorders
    // (copies) it.
    let transposed = flat_to_array(back, 3).unwrap().reversed_axes();
    assert!(!transposed.is_standard_layout());
    assert_eq!(array_to_flat(transposed), [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);

    // Rows of a Vec<Vec<f64>> live in separate allocations, so the array is a
    // copy.
    let rows = vec![vec![1.0, 2.0], vec![3.0, 4.0]];
    let copied = rows_to_array(&rows).unwrap();
    assert_eq!(copied, array![[1.0, 2.0], [3.0, 4.0]]);
    assert_ne!(copied.as_ptr(), rows[0].as_ptr());
}
