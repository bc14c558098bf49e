//! Project 2: the GEMM trick assigns as the direct distances do, inertia
//! never increases, empty clusters are refilled, and the best of 10
//! restarts on iris is within 0.5% of scikit-learn's.

use chapter12::Error;
use chapter12::kmeans::*;
use ndarray::{Array1, array, s};
use support::fixtures::{assert_allclose, load};

#[derive(serde::Deserialize)]
struct Sklearn {
    best_of_10_inertia: f64,
    labels_from_rows_0_50_100: Vec<usize>,
    min_d2_from_rows_0_50_100: Vec<f64>,
}

fn iris() -> ndarray::Array2<f64> {
    support::data::load_iris().unwrap().features
}

#[test]
fn gemm_trick_assigns_like_direct_distances() {
    let sk: Sklearn = load(env!("CARGO_MANIFEST_DIR"), "kmeans").unwrap();
    let x = iris();
    let c = x.select(ndarray::Axis(0), &[0, 50, 100]);
    let x_sq: Array1<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
    let (labels, d2) = assign(x.view(), x_sq.view(), c.view());
    assert_eq!(labels.to_vec(), sk.labels_from_rows_0_50_100);
    // ‖x‖² − 2x·c + ‖c‖² cancels about 2 digits of ‖x‖² ≈ 100.
    assert_allclose(&d2, &sk.min_d2_from_rows_0_50_100, 0.0, 1e-11);
}

#[test]
fn best_of_ten_restarts_matches_sklearn_on_iris() {
    let sk: Sklearn = load(env!("CARGO_MANIFEST_DIR"), "kmeans").unwrap();
    let config = KMeansConfig {
        k: 3,
        n_init: 10,
        seed: 1,
        ..Default::default()
    };
    let fit = fit(iris().view(), config).unwrap();
    assert!(
        (fit.inertia - sk.best_of_10_inertia).abs()
            <= 0.005 * sk.best_of_10_inertia
    );
    // The reported inertia is that of the returned labels and centroids.
    let exact = inertia(iris().view(), fit.labels.view(), fit.centroids.view());
    assert_eq!(fit.inertia, exact);
}

#[test]
fn inertia_never_increases_per_iteration() {
    let x = synthetic_blobs(3000, 5, 6);
    for seed in 0..20 {
        let config = KMeansConfig {
            k: 9,
            n_init: 1,
            seed,
            tol: 0.0,
            ..Default::default()
        };
        let fit = fit(x.view(), config).unwrap();
        assert!(fit.history.len() >= 2, "seed {seed}: no iteration recorded");
        for w in fit.history.windows(2) {
            assert!(
                w[1] <= w[0],
                "seed {seed}: inertia rose {} -> {}",
                w[0],
                w[1]
            );
        }
    }
}

#[test]
fn an_empty_cluster_takes_the_farthest_point() {
    // Two tight groups and a third centroid far from everything: it gets no
    // point, and must take the one farthest from its own centroid.
    let x = array![[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 3.0]];
    let mut centroids = array![[0.0, 0.5], [10.0, 1.0], [100.0, 100.0]];
    let x_sq: Array1<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
    let (mut labels, d2) = assign(x.view(), x_sq.view(), centroids.view());
    assert_eq!(labels.to_vec(), vec![0, 0, 1, 1]);
    let moved = update(x.view(), &mut labels, d2.view(), &mut centroids);
    assert_eq!(moved, 1);
    assert_eq!(labels.to_vec(), vec![0, 0, 1, 2]);
    assert_eq!(centroids, array![[0.0, 0.5], [10.0, 0.0], [10.0, 3.0]]);
}

#[test]
fn restarts_are_reproducible_from_the_seed() {
    let x = synthetic_blobs(2000, 4, 5);
    let config = KMeansConfig {
        k: 5,
        n_init: 3,
        seed: 9,
        ..Default::default()
    };
    let a = fit(x.view(), config).unwrap();
    let b = fit(x.view(), config).unwrap();
    assert_eq!(a.centroids, b.centroids);
    assert_eq!(a.labels, b.labels);
}

#[test]
fn one_lloyd_iteration_moves_centroids_to_the_means() {
    let x = synthetic_blobs(1000, 3, 4);
    let mut c = x.slice(s![..4, ..]).to_owned();
    let x_sq: Array1<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
    let labels = lloyd_iteration(x.view(), x_sq.view(), &mut c);
    for k in 0..4 {
        let rows: Vec<usize> = (0..1000).filter(|&i| labels[i] == k).collect();
        let mean = x
            .select(ndarray::Axis(0), &rows)
            .mean_axis(ndarray::Axis(0))
            .unwrap();
        assert_allclose(&c.row(k), &mean, 1e-12, 0.0);
    }
}

#[test]
fn bad_input_is_an_error() {
    let x = array![[1.0, 2.0], [3.0, 4.0]];
    let config = KMeansConfig {
        k: 3,
        ..Default::default()
    };
    assert!(matches!(fit(x.view(), config), Err(Error::Parameter(_))));
    let x = array![[1.0, 2.0], [f64::NAN, 4.0]];
    let config = KMeansConfig {
        k: 1,
        ..Default::default()
    };
    assert!(matches!(fit(x.view(), config), Err(Error::NonFinite(_))));
}
