//! The same `.npy` file in both languages: Rust maps and views the bytes
//! `np.save` wrote (C order, Fortran order), refuses NumPy's big-endian and
//! `float32` files with typed errors, and writes the bytes that `np.save`
//! writes but for one trailing comma in the header, bytes that the fixture
//! script has checked `np.load` reads.

use std::fs;

use chapter13::mapped::{MapError, map_file, view_npy_f64};
use ndarray::Array2;
use ndarray_npy::ViewNpyError;

#[derive(serde::Deserialize)]
struct Numpy {
    #[serde(deserialize_with = "support::fixtures::array2")]
    x: Array2<f64>,
    c_order: String,
    fortran_order: String,
    big_endian: String,
    float32: String,
    /// NumPy's bytes with ndarray-npy's header style, which np.load read.
    rust_style: RustStyle,
}

#[derive(serde::Deserialize)]
struct RustStyle {
    c_order: String,
    fortran_order: String,
}

fn numpy() -> Numpy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "npy").unwrap()
}

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// Writes `bytes` to a temporary file, maps it and runs `f` on the mapping.
fn with_mapped<R>(name: &str, bytes: &[u8], f: impl FnOnce(&[u8]) -> R) -> R {
    let dir = std::env::temp_dir()
        .join(format!("scml-ch13-test-npy-{name}-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("x.npy");
    fs::write(&path, bytes).unwrap();
    let map = map_file(&path).unwrap();
    let result = f(&map);
    drop(map);
    let _ = fs::remove_dir_all(&dir);
    result
}

#[test]
fn rust_views_the_files_numpy_saved() {
    let numpy = numpy();
    let c = with_mapped("c", &from_hex(&numpy.c_order), |b| {
        let v = view_npy_f64(b).unwrap();
        assert!(v.is_standard_layout());
        v.to_owned()
    });
    assert_eq!(c, numpy.x);
    let f = with_mapped("f", &from_hex(&numpy.fortran_order), |b| {
        let v = view_npy_f64(b).unwrap();
        assert!(v.t().is_standard_layout()); // Fortran strides
        v.to_owned()
    });
    assert_eq!(f, numpy.x);
}

#[test]
fn numpys_big_endian_and_float32_files_are_typed_errors() {
    let numpy = numpy();
    with_mapped("big", &from_hex(&numpy.big_endian), |b| {
        assert!(matches!(
            view_npy_f64(b),
            Err(MapError::Npy(ViewNpyError::NonNativeEndian))
        ));
    });
    with_mapped("f32", &from_hex(&numpy.float32), |b| {
        assert!(matches!(
            view_npy_f64(b),
            Err(MapError::Npy(ViewNpyError::WrongDescriptor(_)))
        ));
    });
}

#[test]
fn rust_writes_a_file_np_load_reads() {
    let numpy = numpy();
    let dir = std::env::temp_dir()
        .join(format!("scml-ch13-test-npy-w-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("x.npy");
    ndarray_npy::write_npy(&path, &numpy.x).unwrap();
    let c = fs::read(&path).unwrap();
    // A Fortran-order array is written with `fortran_order: True`, as NumPy
    // does for `np.asfortranarray(x)`.
    let fortran = numpy
        .x
        .t()
        .as_standard_layout()
        .into_owned()
        .reversed_axes();
    assert!(fortran.t().is_standard_layout());
    ndarray_npy::write_npy(&path, &fortran).unwrap();
    let f = fs::read(&path).unwrap();
    let _ = fs::remove_dir_all(&dir);
    // The same length and the same data bytes as NumPy's files...
    let (numpy_c, numpy_f) =
        (from_hex(&numpy.c_order), from_hex(&numpy.fortran_order));
    assert_eq!((c.len(), &c[128..]), (numpy_c.len(), &numpy_c[128..]));
    assert_eq!((f.len(), &f[128..]), (numpy_f.len(), &numpy_f[128..]));
    // ...and exactly the bytes the fixture script had np.load read back.
    assert_eq!(c, from_hex(&numpy.rust_style.c_order));
    assert_eq!(f, from_hex(&numpy.rust_style.fortran_order));
}
