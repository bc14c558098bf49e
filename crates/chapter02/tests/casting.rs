//! Casts: `as` saturates floats and wraps integers; `From`/`TryFrom` and
//! `to_u8_exact` check. NumPy's `astype` results come from
//! `tests/fixtures/casting.py`.

use chapter02::casting::{NotAByte, to_u8_exact};
use ndarray::{Array1, array};

/// What NumPy's `astype` gives in `tests/fixtures/casting.py`. Casts give exact
/// results (or none), so every comparison with it is `==`.
#[derive(serde::Deserialize)]
struct NumPy {
    /// `[300.7, -5.0, 2.9, -2.9]`: the finite values cast below
    float_values: Vec<f64>,
    /// `.astype(np.uint8)` of those, as NumPy gives it on x86-64 (C leaves
    /// these casts undefined)
    float_to_uint8_x86_64: Vec<u8>,
    /// `.astype(np.int32)` of those (all in range: defined everywhere)
    float_to_int32: Vec<i32>,
    /// The warnings those two casts raised: none
    float_cast_warnings: Vec<String>,
    /// The warnings `np.array([np.nan]).astype(np.uint8)` raised (its value is
    /// undefined, so the fixture does not keep it)
    nan_to_uint8_warnings: Vec<String>,
    /// `np.array([300, -1, 200], dtype=np.int32).astype(np.uint8)`
    int32_to_uint8: Vec<u8>,
    /// `np.array([0.1], dtype=np.float32).astype(np.float64)[0]`
    float32_of_0_1_as_float64: f64,
    /// `np.float32(2.5)`
    float32_of_2_5: f64,
    /// `np.isinf(np.float32(1e40))`
    float32_of_1e40_is_inf: bool,
    /// The warnings that f64 -> f32 cast raised ("overflow encountered in
    /// cast")
    float32_cast_warnings: Vec<String>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "casting").unwrap()
}

#[test]
fn float_to_int_as_casts_truncate_and_saturate() {
    let numpy = numpy();
    let raw = array![300.7, -5.0, 2.9, -2.9, f64::NAN, f64::INFINITY];
    assert_eq!(raw.mapv(|x| x as u8), array![255, 0, 2, 0, 0, 255]);
    assert_eq!(raw.mapv(|x| x as i32), array![300, -5, 2, -2, 0, i32::MAX]);
    // In range, NumPy truncates toward zero just as `as` does.
    let finite = Array1::from(numpy.float_values.clone());
    assert_eq!(finite.to_vec(), raw.slice(ndarray::s![..4]).to_vec());
    assert_eq!(finite.mapv(|x| x as i32).to_vec(), numpy.float_to_int32);
    // Out of range NumPy differs: `astype(np.uint8)` gives [44, 251, 2, 254] on
    // x86-64, silently (NumPy calls these results undefined, but only NaN
    // warns). Rust's `as` saturates instead.
    assert!(numpy.float_cast_warnings.is_empty());
    assert_eq!(numpy.nan_to_uint8_warnings.len(), 1); // "invalid value ..."
    assert_ne!(
        finite.mapv(|x| x as u8).to_vec(),
        numpy.float_to_uint8_x86_64
    );
    // What NumPy did on x86-64: truncate to a wide integer, keep the low byte.
    let low_byte = finite.mapv(|x| x as i64 as u8);
    assert_eq!(low_byte.to_vec(), numpy.float_to_uint8_x86_64);
}

#[test]
fn int_to_int_as_casts_wrap_like_numpy_astype() {
    let counts = array![300_i32, -1, 200];
    // [44, 255, 200]: both keep the low byte.
    assert_eq!(counts.mapv(|x| x as u8).to_vec(), numpy().int32_to_uint8);
}

#[test]
fn f64_to_f32_rounds_and_back_is_exact() {
    let numpy = numpy();
    let single = array![0.1_f64, 2.5, 1e40].mapv(|x| x as f32);
    assert_eq!(single[0], 0.1_f32);
    assert_eq!(f64::from(single[1]), numpy.float32_of_2_5);
    assert_eq!(single[2].is_infinite(), numpy.float32_of_1e40_is_inf);
    assert!(single[2].is_infinite()); // NumPy warns here, `as` does not
    assert_eq!(numpy.float32_cast_warnings.len(), 1);
    // 0.10000000149011612: the f32 nearest 0.1, widened exactly.
    assert_eq!(f64::from(single[0]), numpy.float32_of_0_1_as_float64);
}

#[test]
fn try_from_reports_out_of_range_integers() {
    let labels = array![3_i64, 7, 300];
    let as_bytes: Result<Array1<u8>, _> =
        labels.iter().map(|&x| u8::try_from(x)).collect();
    assert_eq!(
        as_bytes.unwrap_err().to_string(),
        "out of range integral type conversion attempted"
    );
    let fine: Result<Array1<u8>, _> =
        array![3_i64, 7].iter().map(|&x| u8::try_from(x)).collect();
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
        "element 2 (row-major order) is 300.7, not a whole number in 0..=255"
    );
    // Position is in row-major order even for a transposed view.
    let grid = array![[1.0, 2.0], [3.0, 0.5]];
    assert_eq!(to_u8_exact(&grid.t()).unwrap_err().position, 3);
}
