//! Out-of-core statistics: chunked moments equal NumPy's on real data for
//! any chunk size, the streamed standardisation equals the in-memory one,
//! and bad files or inputs give typed errors.

use std::fs;

use chapter13::mapped::{MapError, map_file, view_raw_f64, write_raw_f64};
use chapter13::outofcore::{
    Residency, column_moments_chunked, column_moments_view,
    standardise_chunked, standardise_in_memory,
};
use ndarray::{Array2, s};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Wine {
    shape: (usize, usize),
    mean: Vec<f64>,
    std: Vec<f64>,
    #[serde(deserialize_with = "support::fixtures::array2")]
    z_head: Array2<f64>,
}

fn wine() -> (Array2<f64>, Wine) {
    let data = support::data::load_wine_quality_red().unwrap();
    let numpy: Wine =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "outofcore")
            .unwrap();
    assert_eq!(data.features.dim(), numpy.shape);
    (data.features, numpy)
}

#[test]
fn chunked_moments_equal_numpys_for_every_chunk_size() {
    let (x, numpy) = wine();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("wine.f64");
    write_raw_f64(&path, x.view()).unwrap();
    // 1599 rows: chunks of 1, 7, 100 (a short last chunk), 1599 and more.
    for chunk in [1, 7, 100, 1599, 5000] {
        let m = column_moments_chunked(&path, x.dim(), chunk).unwrap();
        assert_eq!(m.n, 1599);
        // Different summation orders from NumPy's pairwise sums: 1e-12.
        assert_allclose(&m.mean, &numpy.mean, 1e-12, 0.0);
        assert_allclose(&m.std(0).unwrap(), &numpy.std, 1e-12, 0.0);
    }
}

#[test]
fn streamed_standardisation_equals_in_memory_and_numpy() {
    let (x, numpy) = wine();
    let dir = tempfile::tempdir().expect("temporary folder");
    let (input, output) =
        (dir.path().join("in.f64"), dir.path().join("out.f64"));
    write_raw_f64(&input, x.view()).unwrap();
    standardise_chunked(&input, &output, x.dim(), 64).unwrap();
    let map = map_file(&output).unwrap();
    let z = view_raw_f64(&map, 1599, 11).unwrap();
    let in_memory = standardise_in_memory(&input, x.dim()).unwrap();
    assert_allclose(&z, &in_memory, 1e-12, 1e-12);
    assert_allclose(&z.slice(s![..10, ..]), &numpy.z_head, 1e-11, 1e-12);
}

#[test]
fn mapped_and_chunked_moments_are_identical() {
    let (x, _) = wine();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("wine.f64");
    write_raw_f64(&path, x.view()).unwrap();
    let map = map_file(&path).unwrap();
    let mapped =
        column_moments_view(view_raw_f64(&map, 1599, 11).unwrap(), 50).unwrap();
    assert_eq!(mapped, column_moments_chunked(&path, x.dim(), 50).unwrap());
}

#[test]
fn bad_inputs_are_typed_errors() {
    let (x, _) = wine();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("wine.f64");
    write_raw_f64(&path, x.view()).unwrap();
    assert!(matches!(
        column_moments_chunked(&path, (1600, 11), 64),
        Err(MapError::WrongLength { .. })
    ));
    assert!(matches!(
        column_moments_chunked(&path, x.dim(), 0),
        Err(MapError::EmptyChunk)
    ));
    let empty = dir.path().join("empty.f64");
    fs::write(&empty, []).unwrap();
    assert!(matches!(
        column_moments_chunked(&empty, (0, 11), 8),
        Err(MapError::NoRows)
    ));
    // A constant column (all ones) cannot be standardised: no NaN output.
    let mut constant = x.clone();
    constant.column_mut(3).fill(1.0);
    write_raw_f64(&path, constant.view()).unwrap();
    assert!(matches!(
        standardise_chunked(&path, &dir.path().join("out"), x.dim(), 64),
        Err(MapError::ConstantColumn { column: 3 })
    ));
}

#[test]
fn residency_reads_proc_status_on_linux() {
    if cfg!(target_os = "linux") {
        let r = Residency::now().unwrap();
        assert!(r.rss_kib > 0 && r.peak_kib >= r.rss_kib);
        assert!(r.anon_kib + r.file_kib <= r.rss_kib);
    }
}
