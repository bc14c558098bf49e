//! The capstone's model: a multilayer perceptron with ReLU hidden layers and a
//! softmax output, its forward and backward passes as matrix products into
//! preallocated buffers, He initialisation, and the seeded streams that give
//! Rust and NumPy (`numpy/nn_mlp.py`) the same split, weights and batches.
//!
//! Training (optimisers, epochs, metrics) is in [`crate::nn_train`].

use std::fmt;

use ndarray::linalg::general_mat_mul;
use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, Zip, s};

/// What can go wrong building or feeding a network.
#[derive(Debug, Clone, PartialEq)]
pub enum NnError {
    /// A network needs an input and an output layer, each at least 1 wide.
    Layers(Vec<usize>),
    /// An input or label array does not have the shape the network expects.
    Shape {
        what: &'static str,
        expected: usize,
        got: usize,
    },
    /// A class id at or beyond the network's number of outputs.
    Label { label: usize, classes: usize },
    /// A hyperparameter outside its range (a learning rate of 0, a batch of
    /// 0 samples, a dropout rate of 1).
    Hyperparameter { name: &'static str, value: f64 },
    /// A loader from `support::data` failed.
    Data(String),
}

impl fmt::Display for NnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NnError::Layers(sizes) => write!(
                f,
                "layer sizes {sizes:?}: need at least an input and an \
                 output layer, none of width 0"
            ),
            NnError::Shape {
                what,
                expected,
                got,
            } => write!(f, "{what}: expected {expected}, got {got}"),
            NnError::Label { label, classes } => write!(
                f,
                "label {label} is not a class of a network with {classes} \
                 outputs"
            ),
            NnError::Hyperparameter { name, value } => {
                write!(f, "hyperparameter {name} = {value} is out of range")
            }
            NnError::Data(message) => write!(f, "loading data: {message}"),
        }
    }
}

impl std::error::Error for NnError {}

impl From<support::data::DataError> for NnError {
    fn from(e: support::data::DataError) -> Self {
        NnError::Data(e.to_string())
    }
}

// ANCHOR: stream
/// Seeded uniforms in [0, 1): draw `i` of stream `seed` is SplitMix64 of the
/// counter `seed * 2^32 + i + 1`, top 53 bits. NumPy computes the same
/// numbers, vectorised (`stream` in `numpy/nn_mlp.py`).
#[derive(Debug, Clone)]
pub struct Stream {
    counter: u64,
}

impl Stream {
    /// The stream `seed`, from draw `start` on.
    pub fn new(seed: u64, start: u64) -> Self {
        Stream {
            counter: (seed << 32).wrapping_add(start),
        }
    }

    /// The next uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        self.counter = self.counter.wrapping_add(1);
        let mut z = self.counter.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// The indices `0..n` ordered by `n` fresh uniforms: NumPy's
    /// `np.argsort(stream(...), kind="stable")`.
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let keys: Vec<f64> = (0..n).map(|_| self.uniform()).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
        order
    }
}
// ANCHOR_END: stream

// ANCHOR: split
/// A stratified split: per class, a seeded shuffle of its sample indices,
/// of which the first `round(test_fraction * n_class)` go to the test set.
/// Returns `(train, test)` indices. Every class keeps its share in both.
pub fn stratified_split(
    y: ArrayView1<'_, usize>,
    test_fraction: f64,
    seed: u64,
) -> Result<(Vec<usize>, Vec<usize>), NnError> {
    if !(0.0..1.0).contains(&test_fraction) {
        return Err(NnError::Hyperparameter {
            name: "test_fraction",
            value: test_fraction,
        });
    }
    let classes = y.iter().max().map_or(0, |&m| m + 1);
    let (mut train, mut test) = (Vec::new(), Vec::new());
    let mut stream = Stream::new(seed, 0);
    for c in 0..classes {
        let members: Vec<usize> = (0..y.len()).filter(|&i| y[i] == c).collect();
        let order = stream.permutation(members.len());
        let n_test = (test_fraction * members.len() as f64 + 0.5).floor();
        for (rank, &k) in order.iter().enumerate() {
            let target = if rank < n_test as usize {
                &mut test
            } else {
                &mut train
            };
            target.push(members[k]);
        }
    }
    Ok((train, test))
}
// ANCHOR_END: split

/// The weights `w` (`fan_in x fan_out`) and biases `b` of one layer; the
/// gradients and optimiser states have the same shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
}

/// A multilayer perceptron: ReLU after every layer but the last, softmax
/// after the last.
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    pub layers: Vec<Layer>,
}

impl Mlp {
    // ANCHOR: init
    /// He initialisation, uniform form: `W ~ U(-a, a)` with
    /// `a = sqrt(6 / fan_in)`, so that `Var W = 2 / fan_in`; biases 0. The
    /// weights are drawn from stream `seed` in row-major order, layer by
    /// layer, as `he_init` in `numpy/nn_mlp.py` draws them.
    pub fn new(sizes: &[usize], seed: u64) -> Result<Self, NnError> {
        if sizes.len() < 2 || sizes.contains(&0) {
            return Err(NnError::Layers(sizes.to_vec()));
        }
        let mut stream = Stream::new(seed, 0);
        let layers = sizes
            .windows(2)
            .map(|pair| {
                let (fan_in, fan_out) = (pair[0], pair[1]);
                let limit = (6.0 / fan_in as f64).sqrt();
                let w = Array2::from_shape_simple_fn((fan_in, fan_out), || {
                    (2.0 * stream.uniform() - 1.0) * limit
                });
                Layer {
                    w,
                    b: Array1::zeros(fan_out),
                }
            })
            .collect();
        Ok(Mlp { layers })
    }
    // ANCHOR_END: init

    /// The widths of the layers, input first.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![self.n_inputs()];
        sizes.extend(self.layers.iter().map(|l| l.w.ncols()));
        sizes
    }

    /// The number of inputs (0 for a network without layers).
    pub fn n_inputs(&self) -> usize {
        self.layers.first().map_or(0, |l| l.w.nrows())
    }

    /// The number of classes, the outputs (0 without layers).
    pub fn n_classes(&self) -> usize {
        self.layers.last().map_or(0, |l| l.w.ncols())
    }

    /// Zeros shaped like the parameters: gradients and optimiser states.
    pub fn zeros_like(&self) -> Vec<Layer> {
        self.layers
            .iter()
            .map(|l| Layer {
                w: Array2::zeros(l.w.raw_dim()),
                b: Array1::zeros(l.b.len()),
            })
            .collect()
    }

    /// `(l2 / 2) * sum of every W^2` (the biases are not penalised).
    pub fn penalty(&self, l2: f64) -> f64 {
        let squares: f64 = self
            .layers
            .iter()
            .map(|l| match l.w.as_slice_memory_order() {
                Some(w) => ArrayView1::from(w).dot(&ArrayView1::from(w)),
                None => l.w.iter().map(|v| v * v).sum(),
            })
            .sum();
        0.5 * l2 * squares
    }

    /// Checks that `x` has the network's width and `y` its rows and classes.
    pub fn check(
        &self,
        x: ArrayView2<'_, f64>,
        y: Option<ArrayView1<'_, usize>>,
    ) -> Result<(), NnError> {
        let chained = self
            .layers
            .windows(2)
            .all(|p| p[0].w.ncols() == p[1].w.nrows());
        let biased = self.layers.iter().all(|l| l.b.len() == l.w.ncols());
        if self.layers.is_empty() || !chained || !biased {
            return Err(NnError::Layers(self.sizes()));
        }
        if x.ncols() != self.n_inputs() {
            return Err(NnError::Shape {
                what: "input columns",
                expected: self.n_inputs(),
                got: x.ncols(),
            });
        }
        if let Some(y) = y {
            if y.len() != x.nrows() {
                return Err(NnError::Shape {
                    what: "labels",
                    expected: x.nrows(),
                    got: y.len(),
                });
            }
            let classes = self.n_classes();
            if let Some(&label) = y.iter().find(|&&label| label >= classes) {
                return Err(NnError::Label { label, classes });
            }
        }
        Ok(())
    }

    /// The softmax probabilities of every row of `x` (allocates; for
    /// evaluation, not the training loop).
    pub fn predict_proba(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array2<f64>, NnError> {
        self.check(x, None)?;
        let mut ws = Workspace::new(self, x.nrows());
        ws.acts[0].assign(&x);
        self.forward(&mut ws, x.nrows());
        Ok(ws.acts.pop().unwrap_or_default())
    }

    /// The most probable class of every row of `x`.
    pub fn predict(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array1<usize>, NnError> {
        let p = self.predict_proba(x)?;
        Ok(p.map_axis(Axis(1), argmax))
    }

    // ANCHOR: forward
    /// The forward pass over the first `rows` rows of `ws.acts[0]`: each
    /// layer's activations into its buffer, `A = relu(A_prev W + b)`, the
    /// last through a stable softmax.
    pub fn forward(&self, ws: &mut Workspace, rows: usize) {
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let (done, todo) = ws.acts.split_at_mut(l + 1);
            let a_prev = done[l].slice(s![..rows, ..]);
            let mut z = todo[0].slice_mut(s![..rows, ..]);
            z.assign(&layer.b.broadcast(z.raw_dim()).expect("b is 1 x n"));
            general_mat_mul(1.0, &a_prev, &layer.w, 1.0, &mut z);
            if l < last {
                z.mapv_inplace(|v| v.max(0.0));
            } else {
                for mut row in z.rows_mut() {
                    let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
                    row.mapv_inplace(|v| (v - max).exp());
                    let sum = row.sum();
                    row /= sum;
                }
            }
        }
    }
    // ANCHOR_END: forward

    /// The mean cross-entropy of the softmax output in `ws` for labels `y`,
    /// plus the L2 penalty.
    pub fn loss(
        &self,
        ws: &Workspace,
        y: ArrayView1<'_, usize>,
        l2: f64,
    ) -> f64 {
        let p = &ws.acts[ws.acts.len() - 1];
        let nll: f64 =
            y.iter().enumerate().map(|(i, &c)| -p[(i, c)].ln()).sum();
        nll / y.len() as f64 + self.penalty(l2)
    }

    // ANCHOR: backward
    /// The backward pass after [`Mlp::forward`] on the same rows: the
    /// gradient of [`Mlp::loss`] for every layer, into `grads`.
    pub fn backward(
        &self,
        ws: &mut Workspace,
        y: ArrayView1<'_, usize>,
        l2: f64,
        grads: &mut [Layer],
    ) {
        let rows = y.len();
        let last = self.layers.len() - 1;
        // The output layer's delta: (P - Y) / B.
        let mut delta = ws.deltas[last].slice_mut(s![..rows, ..]);
        delta.assign(&ws.acts[last + 1].slice(s![..rows, ..]));
        for (i, &c) in y.iter().enumerate() {
            delta[(i, c)] -= 1.0;
        }
        delta /= rows as f64;
        for l in (0..=last).rev() {
            let (w, g) = (&self.layers[l].w, &mut grads[l]);
            let (below, here) = ws.deltas.split_at_mut(l);
            let delta = here[0].slice(s![..rows, ..]);
            let a_prev = ws.acts[l].slice(s![..rows, ..]);
            // dW = A_prev^T delta + l2 W;  db = column sums of delta.
            g.w.assign(w);
            general_mat_mul(1.0, &a_prev.t(), &delta, l2, &mut g.w);
            g.b.fill(0.0);
            for row in delta.rows() {
                g.b += &row;
            }
            if l > 0 {
                // delta_prev = (delta W^T) * relu'(Z_prev).
                let mut prev = below[l - 1].slice_mut(s![..rows, ..]);
                general_mat_mul(1.0, &delta, &w.t(), 0.0, &mut prev);
                let relu_grad = |d: &mut f64, &a: &f64| {
                    *d = if a > 0.0 { *d } else { 0.0 };
                };
                match (prev.as_slice_mut(), a_prev.as_slice()) {
                    (Some(d), Some(a)) => {
                        d.iter_mut().zip(a).for_each(|(d, a)| relu_grad(d, a))
                    }
                    _ => Zip::from(&mut prev).and(&a_prev).for_each(relu_grad),
                }
            }
        }
    }
    // ANCHOR_END: backward
}

/// The buffers of one pass: the activations of every layer (`acts[0]` is the
/// input batch) and the deltas of every layer, `capacity` rows each. A pass
/// over fewer rows uses the first rows.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub acts: Vec<Array2<f64>>,
    pub deltas: Vec<Array2<f64>>,
}

impl Workspace {
    /// Buffers for batches of up to `capacity` rows through `mlp`.
    pub fn new(mlp: &Mlp, capacity: usize) -> Self {
        let sizes = mlp.sizes();
        Workspace {
            acts: sizes
                .iter()
                .map(|&n| Array2::zeros((capacity, n)))
                .collect(),
            deltas: sizes[1..]
                .iter()
                .map(|&n| Array2::zeros((capacity, n)))
                .collect(),
        }
    }

    /// How many rows the buffers hold.
    pub fn capacity(&self) -> usize {
        self.acts[0].nrows()
    }
}

/// The index of the largest value (the first of equal ones), as NumPy's
/// `argmax`.
pub fn argmax(row: ArrayView1<'_, f64>) -> usize {
    let mut best = 0;
    for (i, &v) in row.iter().enumerate() {
        if v > row[best] {
            best = i;
        }
    }
    best
}
