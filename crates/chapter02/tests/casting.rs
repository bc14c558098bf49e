//! Casts: `as` saturates floats and wraps integers; `From`/`TryFrom` and `to_u8_exact` check.

use chapter02::casting::{NotAByte, to_u8_exact};
use ndarray::{Array1, array};

#[test]
fn float_to_int_as_casts_truncate_and_saturate() {
    let raw = array![300.7, -5.0, 2.9, -2.9, f64::NAN, f64::INFINITY];
    assert_eq!(raw.mapv(|x| x as u8), array![255, 0, 2, 0, 0, 255]);
    assert_eq!(raw.mapv(|x| x as i32), array![300, -5, 2, -2, 0, i32::MAX]);
    // NumPy differs here: np.array([300.7, -5.0, 2.9, -2.9, np.nan]).astype(np.uint8)
    // gave [44, 251, 2, 254, 0] on x86-64 with NumPy 2.4, with
    // "RuntimeWarning: invalid value encountered in cast"; NumPy calls the result undefined.
}

#[test]
fn int_to_int_as_casts_wrap_like_numpy_astype() {
    // np.array([300, -1, 200], dtype=np.int32).astype(np.uint8) -> [44, 255, 200]
    let counts = array![300_i32, -1, 200];
    assert_eq!(counts.mapv(|x| x as u8), array![44, 255, 200]);
}

#[test]
fn f64_to_f32_rounds_and_back_is_exact() {
    let single = array![0.1_f64, 2.5, 1e40].mapv(|x| x as f32);
    assert_eq!(single[0], 0.1_f32);
    assert!(single[2].is_infinite());
    // np.array([0.1], dtype=np.float32).astype(np.float64)[0] == 0.10000000149011612
    assert_eq!(f64::from(single[0]), 0.10000000149011612);
}

#[test]
fn try_from_reports_out_of_range_integers() {
    let labels = array![3_i64, 7, 300];
    let as_bytes: Result<Array1<u8>, _> = labels.iter().map(|&x| u8::try_from(x)).collect();
    assert_eq!(
        as_bytes.unwrap_err().to_string(),
        "out of range integral type conversion attempted"
    );
    let fine: Result<Array1<u8>, _> = array![3_i64, 7].iter().map(|&x| u8::try_from(x)).collect();
    assert_eq!(fine.unwrap(), array![3_u8, 7]);
}

#[test]
fn to_u8_exact_accepts_whole_bytes_and_names_the_first_bad_value() {
    assert_eq!(
        to_u8_exact(&array![0.0, 16.0, 255.0]).unwrap(),
        array![0_u8, 16, 255]
    );
    let err = to_u8_exact(&array![0.0, 16.0, 300.7]).unwrap_err();
    assert_eq!(
        err,
        NotAByte {
            position: 2,
            value: 300.7
        }
    );
    assert_eq!(
        err.to_string(),
        "element 2 (in row-major order) is 300.7, which is not a whole number in 0..=255"
    );
    // Position is in row-major order even for a transposed view.
    let grid = array![[1.0, 2.0], [3.0, 0.5]];
    assert_eq!(to_u8_exact(&grid.t()).unwrap_err().position, 3);
}
