//! Views over memory-mapped files: a raw file and an `.npy` read back
//! exactly, and each bad file rejected with its own typed error.

use std::fs;

use chapter13::mapped::{
    MapError, map_file, view_npy_f32_1d, view_npy_f64, view_raw_f64,
    write_raw_f64,
};
use ndarray::{Array2, ArrayView2};
use ndarray_npy::ViewNpyError;

fn table() -> Array2<f64> {
    Array2::from_shape_fn((5, 3), |(i, j)| i as f64 * 10.0 + j as f64 + 0.25)
}

#[test]
fn raw_file_is_viewed_without_copy_and_in_row_major_order() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("x.f64");
    let x = table();
    // A transposed (column-major) view is written in logical order too.
    write_raw_f64(&path, x.t().t()).unwrap();
    let map = map_file(&path).unwrap();
    let view = view_raw_f64(&map, 5, 3).unwrap();
    assert_eq!(view, x);
    assert_eq!(view.as_ptr().cast::<u8>(), map.as_ptr()); // no copy
    // Unmapped before the file is rewritten (map_file's safety contract).
    drop(map);
    // Written from the transpose, the file holds the 3 x 5 array.
    write_raw_f64(&path, x.t()).unwrap();
    let map = map_file(&path).unwrap();
    assert_eq!(view_raw_f64(&map, 3, 5).unwrap(), x.t());
    // Little-endian on disk: the first value's bytes.
    assert_eq!(&map[..8], &0.25_f64.to_le_bytes());
}

#[test]
fn raw_errors_are_typed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("x.f64");
    write_raw_f64(&path, table().view()).unwrap();
    let map = map_file(&path).unwrap();
    assert!(matches!(
        view_raw_f64(&map[..112], 5, 3),
        Err(MapError::WrongLength {
            expected: 120,
            found: 112,
            ..
        })
    ));
    assert!(matches!(
        view_raw_f64(&map, 4, 3),
        Err(MapError::WrongLength {
            expected: 96,
            found: 120,
            ..
        })
    ));
    assert!(matches!(
        view_raw_f64(&map[4..100], 4, 3),
        Err(MapError::Misaligned)
    ));
    assert!(matches!(
        view_raw_f64(&map, usize::MAX, 2),
        Err(MapError::Overflow { .. })
    ));
    assert!(matches!(
        map_file(&dir.path().join("missing.f64")),
        Err(MapError::Io(_))
    ));
}

#[test]
fn npy_view_matches_and_bad_npy_files_are_typed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("x.npy");
    let x = table();
    ndarray_npy::write_npy(&path, &x).unwrap();
    let map = map_file(&path).unwrap();
    let view: ArrayView2<'_, f64> = view_npy_f64(&map).unwrap();
    assert_eq!(view, x);
    // The header is padded so that the data starts 64-byte aligned.
    assert_eq!((map.len() - 120) % 64, 0);

    let bytes = fs::read(&path).unwrap();
    let cut = dir.path().join("cut.npy");
    fs::write(&cut, &bytes[..bytes.len() - 5]).unwrap();
    assert!(matches!(
        view_npy_f64(&map_file(&cut).unwrap()),
        Err(MapError::Npy(ViewNpyError::MissingBytes(5)))
    ));
    let f32_path = dir.path().join("f32.npy");
    ndarray_npy::write_npy(&f32_path, &x.mapv(|v| v as f32)).unwrap();
    let map32 = map_file(&f32_path).unwrap();
    assert!(matches!(
        view_npy_f64(&map32),
        Err(MapError::Npy(ViewNpyError::WrongDescriptor(_)))
    ));
    assert!(matches!(
        view_npy_f32_1d(&map32),
        Err(MapError::Npy(ViewNpyError::WrongNdim(Some(1), 2)))
    ));
    let mut big = bytes.clone();
    let at = big.windows(3).position(|w| w == b"<f8").unwrap();
    big[at] = b'>';
    let big_path = dir.path().join("big.npy");
    fs::write(&big_path, &big).unwrap();
    assert!(matches!(
        view_npy_f64(&map_file(&big_path).unwrap()),
        Err(MapError::Npy(ViewNpyError::NonNativeEndian))
    ));
}
