//! The hands-on bottleneck: k-nearest-neighbour prediction of handwritten
//! digits, made faster one step at a time.
//!
//! Every `predict_*` function returns the same labels as [`predict_naive`]:
//! the pixels are whole numbers from 0 to 16, so every squared distance, in
//! `f64` or in `f32`, by loops or by a matrix product, is a whole number
//! below 2^24 and computed exactly; ties between equal distances go to the
//! training row that comes first, and a tied vote to the smallest label.

use std::cmp::Ordering;

use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, s};
use rayon::prelude::*;

/// Why a prediction cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KnnError {
    #[error("the training set is empty")]
    EmptyTraining,
    #[error("k must be at least 1")]
    ZeroK,
    #[error("k = {k} is more than the {n_train} training rows")]
    KTooLarge { k: usize, n_train: usize },
    #[error("{n_train} training rows but {n_labels} labels")]
    Labels { n_train: usize, n_labels: usize },
    #[error("training rows have {train} features, test rows {test}")]
    Features { train: usize, test: usize },
    #[error("{n_test} test rows but room for {n_out} labels")]
    Output { n_test: usize, n_out: usize },
}

/// The digits split into a training and a test set: every fifth image (rows
/// 0, 5, 10, ...) is a test image, the others train.
#[derive(Debug, Clone)]
pub struct Split {
    pub train: Array2<f64>,
    pub train_labels: Array1<usize>,
    pub test: Array2<f64>,
    pub test_labels: Array1<usize>,
}

/// Loads `data/digits.csv.gz` (1797 images of 8x8 pixels) and splits it:
/// 360 test images, 1437 training images.
pub fn digits_split() -> Result<Split, support::data::DataError> {
    let digits = support::data::load_digits()?;
    let n = digits.features.nrows();
    let (test_rows, train_rows): (Vec<usize>, Vec<usize>) =
        (0..n).partition(|i| i % 5 == 0);
    Ok(Split {
        train: digits.features.select(Axis(0), &train_rows),
        train_labels: digits.target.select(Axis(0), &train_rows),
        test: digits.features.select(Axis(0), &test_rows),
        test_labels: digits.target.select(Axis(0), &test_rows),
    })
}

/// Checks the inputs and returns the number of classes (largest label + 1).
fn check(
    train: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    test: ArrayView2<'_, f64>,
    k: usize,
) -> Result<usize, KnnError> {
    let n_train = train.nrows();
    if n_train == 0 {
        return Err(KnnError::EmptyTraining);
    }
    if k == 0 {
        return Err(KnnError::ZeroK);
    }
    if k > n_train {
        return Err(KnnError::KTooLarge { k, n_train });
    }
    if labels.len() != n_train {
        let n_labels = labels.len();
        return Err(KnnError::Labels { n_train, n_labels });
    }
    if test.ncols() != train.ncols() {
        let (train, test) = (train.ncols(), test.ncols());
        return Err(KnnError::Features { train, test });
    }
    Ok(labels.iter().max().map_or(1, |m| m + 1))
}

/// The majority label of the neighbours; a tie goes to the smallest label
/// (NumPy's `np.bincount(...).argmax()` does the same).
fn vote(
    neighbours: impl Iterator<Item = usize>,
    labels: ArrayView1<'_, usize>,
    counts: &mut [usize],
) -> usize {
    counts.fill(0);
    for j in neighbours {
        counts[labels[j]] += 1;
    }
    let mut best = 0;
    for (class, &count) in counts.iter().enumerate() {
        if count > counts[best] {
            best = class;
        }
    }
    best
}

/// Distance first, then training row: the order every version agrees on.
fn by_distance<T: PartialOrd>(a: &(T, usize), b: &(T, usize)) -> Ordering {
    a.0.partial_cmp(&b.0)
        .unwrap_or(Ordering::Equal)
        .then(a.1.cmp(&b.1))
}

// ANCHOR: naive
/// Step 0, as first written: for each test image, the Euclidean distance to
/// every training image (element by element, with `[[i, j]]` indexing), a
/// full sort, and a vote among the first `k`.
pub fn predict_naive(
    train: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    test: ArrayView2<'_, f64>,
    k: usize,
) -> Result<Array1<usize>, KnnError> {
    let n_classes = check(train, labels, test, k)?;
    let mut predictions = Array1::zeros(test.nrows());
    for i in 0..test.nrows() {
        let mut distances = Vec::new();
        for j in 0..train.nrows() {
            let mut sum = 0.0;
            for f in 0..train.ncols() {
                let d = test[[i, f]] - train[[j, f]];
                sum += d * d;
            }
            distances.push((f64::sqrt(sum), j));
        }
        distances.sort_by(by_distance);
        let mut counts = vec![0; n_classes];
        let nearest = distances[..k].iter().map(|&(_, j)| j);
        predictions[i] = vote(nearest, labels, &mut counts);
    }
    Ok(predictions)
}
// ANCHOR_END: naive

// ANCHOR: select
/// Step 1, the algorithm: squared distances (the same order, no square
/// root) and a selection of the `k` nearest in linear time instead of a sort.
pub fn predict_select(
    train: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    test: ArrayView2<'_, f64>,
    k: usize,
) -> Result<Array1<usize>, KnnError> {
    let n_classes = check(train, labels, test, k)?;
    let mut predictions = Array1::zeros(test.nrows());
    for (i, x) in test.outer_iter().enumerate() {
        let mut distances: Vec<(f64, usize)> = train
            .outer_iter()
            .enumerate()
            .map(|(j, t)| {
                let d = (&x - &t).mapv(|d| d * d).sum();
                (d, j)
            })
            .collect();
        distances.select_nth_unstable_by(k - 1, by_distance);
        let mut counts = vec![0; n_classes];
        let nearest = distances[..k].iter().map(|&(_, j)| j);
        predictions[i] = vote(nearest, labels, &mut counts);
    }
    Ok(predictions)
}
// ANCHOR_END: select

// ANCHOR: layout
/// The rows of `x` as one contiguous row-major `f32` buffer.
fn to_f32_rows(x: ArrayView2<'_, f64>) -> Vec<f32> {
    x.iter().map(|&v| v as f32).collect()
}

/// The squared distance of two rows, with eight independent partial sums
/// that the compiler keeps in vector registers (in the baseline x86-64
/// build, two 128-bit SSE registers: `subps`, `mulps`, `addps`).
fn squared_distance(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = (a8.remainder().iter().zip(b8.remainder()))
        .map(|(x, y)| (x - y) * (x - y))
        .sum();
    for (a, b) in a8.zip(b8) {
        for l in 0..8 {
            lanes[l] += (a[l] - b[l]) * (a[l] - b[l]);
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// Step 2, the layout: `f32` (half the bytes; exact for these whole
/// numbers), rows as contiguous slices, a loop the compiler vectorises, and
/// no temporary array per pair of rows.
pub fn predict_layout(
    train: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    test: ArrayView2<'_, f64>,
    k: usize,
) -> Result<Array1<usize>, KnnError> {
    let n_classes = check(train, labels, test, k)?;
    let n_features = train.ncols().max(1);
    let (train32, test32) = (to_f32_rows(train), to_f32_rows(test));
    let mut predictions = Array1::zeros(test.nrows());
    for (i, x) in test32.chunks_exact(n_features).enumerate() {
        let mut distances: Vec<(f32, usize)> = train32
            .chunks_exact(n_features)
            .enumerate()
            .map(|(j, t)| (squared_distance(x, t), j))
            .collect();
        distances.select_nth_unstable_by(k - 1, by_distance);
        let mut counts = vec![0; n_classes];
        let nearest = distances[..k].iter().map(|&(_, j)| j);
        predictions[i] = vote(nearest, labels, &mut counts);
    }
    Ok(predictions)
}
// ANCHOR_END: layout

// ANCHOR: gemm
/// The squared norm of every row.
fn row_norms(x: ArrayView2<'_, f32>) -> Array1<f32> {
    x.map_axis(Axis(1), |row| row.dot(&row))
}

/// Step 3, the GEMM formulation: |a - b|^2 = |a|^2 + |b|^2 - 2 a.b, with
/// every dot product a.b at once in one matrix product (`f32`), then the
/// selection row by row: what NumPy's best version does.
pub fn predict_gemm(
    train: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    test: ArrayView2<'_, f64>,
    k: usize,
) -> Result<Array1<usize>, KnnError> {
    let n_classes = check(train, labels, test, k)?;
    let (train32, test32) = (train.mapv(|v| v as f32), test.mapv(|v| v as f32));
    let (train_sq, test_sq) =
        (row_norms(train32.view()), row_norms(test32.view()));
    // (n_test, n_train): the whole distance matrix, as NumPy builds it.
    let mut distances = test32.dot(&train32.t());
    distances *= -2.0;
    distances += &train_sq;
    distances += &test_sq.insert_axis(Axis(1));
    let mut predictions = Array1::zeros(test.nrows());
    let mut counts = vec![0; n_classes];
    for (i, row) in distances.outer_iter().enumerate() {
        let mut row: Vec<(f32, usize)> =
            row.iter().enumerate().map(|(j, &d)| (d, j)).collect();
        row.select_nth_unstable_by(k - 1, by_distance);
        let nearest = row[..k].iter().map(|&(_, j)| j);
        predictions[i] = vote(nearest, labels, &mut counts);
    }
    Ok(predictions)
}
// ANCHOR_END: gemm

// ANCHOR: fused
/// The `k` nearest seen so far, sorted, nearest first. A candidate enters
/// only if strictly nearer than the last, so that, scanning the training
/// rows in order, an equal distance keeps the earlier row.
#[derive(Debug, Clone)]
struct Nearest {
    k: usize,
    best: Vec<(f32, usize)>,
}

impl Nearest {
    fn new(k: usize) -> Self {
        Nearest {
            k,
            best: Vec::with_capacity(k + 1),
        }
    }

    fn clear(&mut self) {
        self.best.clear();
    }

    fn offer(&mut self, d: f32, j: usize) {
        if self.best.len() == self.k {
            if d >= self.best[self.k - 1].0 {
                return; // the usual case: one comparison, rejected
            }
            self.best.pop();
        }
        let at = self.best.partition_point(|&(b, _)| b <= d);
        self.best.insert(at, (d, j));
    }
}

/// How many test rows share one matrix product (the block of distances,
/// 32 x n_train `f32`, stays in the L2 cache).
pub const BLOCK: usize = 32;

/// Step 4, fusion: for a block of test rows, one matrix product, and the
/// selection reads each product straight from the cache, adding |b|^2 on
/// the way; |a|^2 is the same for every candidate of a row, so it is left
/// out. No distance matrix is ever written out.
pub fn predict_fused(
    train: ArrayView2<'_, f64>,
    labels: ArrayView1<'_, usize>,
    test: ArrayView2<'_, f64>,
    k: usize,
) -> Result<Array1<usize>, KnnError> {
    let n_classes = check(train, labels, test, k)?;
    let (train32, test32) = (train.mapv(|v| v as f32), test.mapv(|v| v as f32));
    let train_sq = row_norms(train32.view());
    let mut predictions = Array1::zeros(test.nrows());
    for (b, block) in test32.axis_chunks_iter(Axis(0), BLOCK).enumerate() {
        let products = block.dot(&train32.t()); // a fresh block each time
        for (r, row) in products.outer_iter().enumerate() {
            let mut nearest = Nearest::new(k);
            let mut counts = vec![0; n_classes];
            for (j, (&p, &sq)) in row.iter().zip(&train_sq).enumerate() {
                nearest.offer(sq - 2.0 * p, j);
            }
            let ids = nearest.best.iter().map(|&(_, j)| j);
            predictions[b * BLOCK + r] = vote(ids, labels, &mut counts);
        }
    }
    Ok(predictions)
}
// ANCHOR_END: fused

// ANCHOR: reuse
/// The prepared model: the training rows in `f32`, their squared norms and
/// the labels, computed once and reused by every prediction.
#[derive(Debug, Clone)]
pub struct Knn {
    train: Array2<f32>,
    train_sq: Array1<f32>,
    labels: Array1<usize>,
    n_classes: usize,
    k: usize,
}

/// The buffers one thread needs for one block: reused, never reallocated.
#[derive(Debug, Clone)]
pub struct Workspace {
    block: Array2<f32>,
    products: Array2<f32>,
    nearest: Nearest,
    counts: Vec<usize>,
}

impl Knn {
    /// Checks the inputs and prepares the model.
    pub fn fit(
        train: ArrayView2<'_, f64>,
        labels: ArrayView1<'_, usize>,
        k: usize,
    ) -> Result<Knn, KnnError> {
        let n_classes = check(train, labels, train, k)?;
        let train = train.mapv(|v| v as f32);
        let train_sq = row_norms(train.view());
        let labels = labels.to_owned();
        Ok(Knn {
            train,
            train_sq,
            labels,
            n_classes,
            k,
        })
    }

    /// A workspace for blocks of up to [`BLOCK`] test rows.
    pub fn workspace(&self) -> Workspace {
        let (n_train, n_features) = self.train.dim();
        Workspace {
            block: Array2::zeros((BLOCK, n_features)),
            products: Array2::zeros((BLOCK, n_train)),
            nearest: Nearest::new(self.k),
            counts: vec![0; self.n_classes],
        }
    }

    /// Predicts one block of test rows into `out`. Its own code allocates
    /// nothing; `general_mat_mul` (matrixmultiply) allocates its packing
    /// buffers inside each product.
    fn predict_block(
        &self,
        test: ArrayView2<'_, f64>,
        ws: &mut Workspace,
        out: &mut [usize],
    ) {
        let rows = test.nrows();
        let mut block = ws.block.slice_mut(s![..rows, ..]);
        block.zip_mut_with(&test, |b, &t| *b = t as f32);
        let mut products = ws.products.slice_mut(s![..rows, ..]);
        general_mat_mul(1.0, &block, &self.train.t(), 0.0, &mut products);
        for (row, out) in products.outer_iter().zip(out.iter_mut()) {
            ws.nearest.clear();
            for (j, (&p, &sq)) in row.iter().zip(&self.train_sq).enumerate() {
                ws.nearest.offer(sq - 2.0 * p, j);
            }
            let ids = ws.nearest.best.iter().map(|&(_, j)| j);
            *out = vote(ids, self.labels.view(), &mut ws.counts);
        }
    }

    /// Step 5, allocation: the labels of `test` written into `out`, block
    /// by block, through one reused workspace.
    pub fn predict_into(
        &self,
        test: ArrayView2<'_, f64>,
        ws: &mut Workspace,
        out: &mut [usize],
    ) -> Result<(), KnnError> {
        self.check_test(test, out.len())?;
        let blocks = test.axis_chunks_iter(Axis(0), BLOCK);
        for (block, out) in blocks.zip(out.chunks_mut(BLOCK)) {
            self.predict_block(block, ws, out);
        }
        Ok(())
    }
    // ANCHOR_END: reuse

    // ANCHOR: parallel
    /// Step 6, parallelism: the blocks shared among the threads of the
    /// current rayon pool, one workspace per rayon job (`for_each_init`: a
    /// job is a run of consecutive blocks), not one per block.
    pub fn predict_par_into(
        &self,
        test: ArrayView2<'_, f64>,
        out: &mut [usize],
    ) -> Result<(), KnnError> {
        self.check_test(test, out.len())?;
        out.par_chunks_mut(BLOCK).enumerate().for_each_init(
            || self.workspace(),
            |ws, (b, out)| {
                let rows = s![b * BLOCK..b * BLOCK + out.len(), ..];
                self.predict_block(test.slice(rows), ws, out);
            },
        );
        Ok(())
    }
    // ANCHOR_END: parallel

    /// The test rows must have the training rows' features, and `out` one
    /// place per test row.
    fn check_test(
        &self,
        test: ArrayView2<'_, f64>,
        n_out: usize,
    ) -> Result<(), KnnError> {
        if test.ncols() != self.train.ncols() {
            let (train, test) = (self.train.ncols(), test.ncols());
            return Err(KnnError::Features { train, test });
        }
        if n_out != test.nrows() {
            let n_test = test.nrows();
            return Err(KnnError::Output { n_test, n_out });
        }
        Ok(())
    }
}
