//! Project 2: k-means from scratch. Lloyd's algorithm with k-means++
//! seeding, the assignment step as one matrix product (the GEMM distance
//! trick), relocation of empty clusters, a tolerance on the centroids'
//! movement, and several restarts keeping the lowest inertia.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::Error;

/// The settings of [`fit`]. [`Default`] has scikit-learn's defaults except
/// `n_init`: ten restarts, where scikit-learn 1.4 and later make one run
/// from k-means++ seeds (`n_init="auto"`).
#[derive(Debug, Clone, Copy)]
pub struct KMeansConfig {
    /// The number of clusters.
    pub k: usize,
    /// The most Lloyd iterations per restart.
    pub max_iter: usize,
    /// Stop when the centroids' total squared movement is at most `tol`
    /// times the mean variance of the features (scikit-learn's rule).
    pub tol: f64,
    /// Restarts from fresh k-means++ seeds; the lowest inertia wins.
    pub n_init: usize,
    /// Seeds the k-means++ draws of every restart.
    pub seed: u64,
}

impl Default for KMeansConfig {
    fn default() -> Self {
        Self {
            k: 8,
            max_iter: 300,
            tol: 1e-4,
            n_init: 10,
            seed: 0,
        }
    }
}

/// A fitted k-means model.
#[derive(Debug, Clone)]
pub struct KMeansFit {
    /// One row per cluster.
    pub centroids: Array2<f64>,
    /// The cluster of each row of the data.
    pub labels: Array1<usize>,
    /// The sum of squared distances of the rows to their centroids.
    pub inertia: f64,
    /// The inertia after each assignment step of the winning restart.
    pub history: Vec<f64>,
    /// The number of Lloyd iterations of the winning restart.
    pub n_iter: usize,
}

fn check_data(x: ArrayView2<'_, f64>, k: usize) -> Result<(), Error> {
    if k == 0 || x.nrows() < k {
        return Err(Error::Parameter(format!(
            "k = {k} clusters need at least k rows, the data has {}",
            x.nrows()
        )));
    }
    if x.ncols() == 0 {
        return Err(Error::TooShort("the rows have no features".into()));
    }
    if !x.iter().all(|v| v.is_finite()) {
        return Err(Error::NonFinite("the data".into()));
    }
    Ok(())
}

fn squared_distance(a: ArrayView1<'_, f64>, b: ArrayView1<'_, f64>) -> f64 {
    a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum()
}

// ANCHOR: plus_plus
/// k-means++ seeding: the first centroid is a uniformly drawn row, each next
/// one a row drawn with probability proportional to its squared distance to
/// the nearest centroid so far (Arthur and Vassilvitskii, 2007).
pub fn kmeans_plus_plus<R: Rng>(
    x: ArrayView2<'_, f64>,
    k: usize,
    rng: &mut R,
) -> Result<Array2<f64>, Error> {
    check_data(x, k)?;
    let n = x.nrows();
    let mut centroids = Array2::zeros((k, x.ncols()));
    let first = rng.gen_range(0..n);
    centroids.row_mut(0).assign(&x.row(first));
    let mut d2: Array1<f64> = x
        .rows()
        .into_iter()
        .map(|r| squared_distance(r, x.row(first)))
        .collect();
    for c in 1..k {
        let total = d2.sum();
        // All rows coincide with a centroid: any row will do.
        let chosen = if total > 0.0 {
            let mut target = rng.r#gen::<f64>() * total;
            d2.iter()
                .position(|&d| {
                    target -= d;
                    target < 0.0
                })
                .unwrap_or(n - 1)
        } else {
            rng.gen_range(0..n)
        };
        centroids.row_mut(c).assign(&x.row(chosen));
        for (d, row) in d2.iter_mut().zip(x.rows()) {
            *d = d.min(squared_distance(row, x.row(chosen)));
        }
    }
    Ok(centroids)
}
// ANCHOR_END: plus_plus

// ANCHOR: assign
/// The assignment step: the nearest centroid of every row, and the squared
/// distance to it. `‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖²`, so the `n × k` cross
/// terms are one matrix product (`x cᵀ`, a GEMM) instead of `n k` separate
/// subtractions. `x_sq` holds `‖x‖²` of each row, computed once per fit.
pub fn assign(
    x: ArrayView2<'_, f64>,
    x_sq: ArrayView1<'_, f64>,
    centroids: ArrayView2<'_, f64>,
) -> (Array1<usize>, Array1<f64>) {
    let c_sq: Array1<f64> =
        centroids.rows().into_iter().map(|c| c.dot(&c)).collect();
    let cross = x.dot(&centroids.t()); // n × k, the GEMM
    let mut labels = Array1::zeros(x.nrows());
    let mut d2 = Array1::zeros(x.nrows());
    for (i, row) in cross.rows().into_iter().enumerate() {
        let (mut best, mut best_d) = (0, f64::INFINITY);
        for (j, (&xc, &cc)) in row.iter().zip(&c_sq).enumerate() {
            let d = cc - 2.0 * xc; // ‖x‖² is the same for every j
            if d < best_d {
                (best, best_d) = (j, d);
            }
        }
        labels[i] = best;
        // Rounding can leave a tiny negative for a row on its centroid.
        d2[i] = (x_sq[i] + best_d).max(0.0);
    }
    (labels, d2)
}
// ANCHOR_END: assign

// ANCHOR: update
/// The update step: each centroid becomes the mean of its rows. A cluster
/// left empty takes the row farthest from its centroid (`d2`, from the
/// assignment) that no other empty cluster took, as scikit-learn does; that
/// row changes label first, so its old cluster's mean is computed without it.
/// Returns the number of relocated clusters.
pub fn update(
    x: ArrayView2<'_, f64>,
    labels: &mut Array1<usize>,
    d2: ArrayView1<'_, f64>,
    centroids: &mut Array2<f64>,
) -> usize {
    let k = centroids.nrows();
    let mut counts = vec![0usize; k];
    labels.iter().for_each(|&l| counts[l] += 1);
    let empty: Vec<usize> = (0..k).filter(|&c| counts[c] == 0).collect();
    if !empty.is_empty() {
        let mut far: Vec<usize> = (0..x.nrows()).collect();
        far.sort_by(|&a, &b| d2[b].total_cmp(&d2[a]));
        for (&cluster, &row) in empty.iter().zip(&far) {
            counts[labels[row]] -= 1;
            labels[row] = cluster;
            counts[cluster] = 1;
        }
    }
    centroids.fill(0.0);
    for (row, &l) in x.rows().into_iter().zip(labels.iter()) {
        let mut c = centroids.row_mut(l);
        c += &row;
    }
    for (mut c, &count) in centroids.rows_mut().into_iter().zip(&counts) {
        if count > 0 {
            c /= count as f64;
        }
    }
    empty.len()
}
// ANCHOR_END: update

/// The exact inertia of `labels` against `centroids`: the sum of squared
/// distances, each computed by subtraction (no GEMM rounding).
pub fn inertia(
    x: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    centroids: ArrayView2<'_, f64>,
) -> f64 {
    x.rows()
        .into_iter()
        .zip(labels)
        .map(|(row, &l)| squared_distance(row, centroids.row(l)))
        .sum()
}

/// One Lloyd iteration from `centroids`: assignment, then update. The
/// benchmark times exactly this.
pub fn lloyd_iteration(
    x: ArrayView2<'_, f64>,
    x_sq: ArrayView1<'_, f64>,
    centroids: &mut Array2<f64>,
) -> Array1<usize> {
    let (mut labels, d2) = assign(x, x_sq, centroids.view());
    update(x, &mut labels, d2.view(), centroids);
    labels
}

// ANCHOR: lloyd
/// Lloyd's algorithm from `init`: alternate assignment and update until the
/// labels stop changing, the centroids move less than `tol_abs` (squared,
/// summed), or `max_iter` iterations. Records the inertia after every
/// assignment; it never increases.
pub fn lloyd(
    x: ArrayView2<'_, f64>,
    init: Array2<f64>,
    max_iter: usize,
    tol_abs: f64,
) -> KMeansFit {
    let x_sq: Array1<f64> = x.rows().into_iter().map(|r| r.dot(&r)).collect();
    let mut centroids = init;
    let mut previous: Option<Array1<usize>> = None;
    let mut history = Vec::new();
    let mut n_iter = 0;
    while n_iter < max_iter {
        let (mut labels, d2) = assign(x, x_sq.view(), centroids.view());
        history.push(inertia(x, labels.view(), centroids.view()));
        if previous.as_ref() == Some(&labels) {
            break; // strict convergence: the update would change nothing
        }
        let old = centroids.clone();
        update(x, &mut labels, d2.view(), &mut centroids);
        n_iter += 1;
        let shift = (&centroids - &old).mapv(|v| v * v).sum();
        previous = Some(labels);
        if shift <= tol_abs {
            break;
        }
    }
    // A last assignment, so that the labels belong to the final centroids.
    let (labels, _) = assign(x, x_sq.view(), centroids.view());
    let final_inertia = inertia(x, labels.view(), centroids.view());
    if history.last() != Some(&final_inertia) {
        history.push(final_inertia);
    }
    KMeansFit {
        centroids,
        labels,
        inertia: final_inertia,
        history,
        n_iter,
    }
}
// ANCHOR_END: lloyd

// ANCHOR: fit
/// k-means: `n_init` restarts of Lloyd's algorithm, each from its own
/// k-means++ seeds, keeping the one of lowest inertia.
pub fn fit(
    x: ArrayView2<'_, f64>,
    config: KMeansConfig,
) -> Result<KMeansFit, Error> {
    check_data(x, config.k)?;
    if config.n_init == 0
        || config.max_iter == 0
        || config.tol.is_nan()
        || config.tol < 0.0
    {
        return Err(Error::Parameter(format!(
            "n_init {} and max_iter {} must be positive, tol {} not negative",
            config.n_init, config.max_iter, config.tol
        )));
    }
    let mean_variance = x.var_axis(Axis(0), 0.0).mean().unwrap_or(0.0);
    let tol_abs = config.tol * mean_variance;
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(config.seed);
    let mut best: Option<KMeansFit> = None;
    for _ in 0..config.n_init {
        let init = kmeans_plus_plus(x, config.k, &mut rng)?;
        let run = lloyd(x, init, config.max_iter, tol_abs);
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
    }
    best.ok_or(Error::Parameter("no restart ran".into()))
}
// ANCHOR_END: fit

/// `n` points in `d` dimensions around `k` centres, the same numbers as the
/// benchmark's NumPy twin builds: centre `i % k` (uniform in `[0, 10)` per
/// coordinate, from SplitMix64 counters `0..k d`) plus uniform noise in
/// `[-2, 2)` (counters from `k d` on).
pub fn synthetic_blobs(n: usize, d: usize, k: usize) -> Array2<f64> {
    let centres = crate::splitmix_unit(0, k * d);
    let noise = crate::splitmix_unit((k * d) as u64, n * d);
    Array2::from_shape_fn((n, d), |(i, j)| {
        10.0 * centres[(i % k) * d + j] + 4.0 * noise[i * d + j] - 2.0
    })
}
