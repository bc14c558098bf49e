//! Training the capstone's [`Mlp`]: SGD with momentum and Adam, mini-batch
//! epochs over seeded permutations, and the metrics (accuracy, confusion
//! matrix). `numpy/nn_mlp.py` does the same steps in NumPy.

use ndarray::{Array, Array2, ArrayView1, ArrayView2, Dimension, s};

use crate::nn::{Layer, Mlp, NnError, Stream, Workspace, stratified_split};

// ANCHOR: optimiser
/// The update rule and its hyperparameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Optimizer {
    /// `v = momentum * v + g;  w -= lr * v`.
    Sgd { lr: f64, momentum: f64 },
    /// Adam with bias-corrected moving averages of `g` and `g^2`.
    Adam {
        lr: f64,
        beta1: f64,
        beta2: f64,
        eps: f64,
    },
}

impl Optimizer {
    /// Adam with the usual betas (0.9, 0.999) and epsilon (1e-8).
    pub fn adam(lr: f64) -> Self {
        Optimizer::Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
        }
    }
}
// ANCHOR_END: optimiser

/// The hyperparameters of a training run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    pub optimizer: Optimizer,
    pub batch_size: usize,
    /// The L2 penalty's `lambda`: the loss gains `lambda / 2 * sum W^2`.
    pub l2: f64,
    /// The stream of the epochs' permutations.
    pub batch_seed: u64,
}

impl TrainConfig {
    fn validate(&self) -> Result<(), NnError> {
        let bad =
            |name, value: f64| Err(NnError::Hyperparameter { name, value });
        let (lr, momentum) = match self.optimizer {
            Optimizer::Sgd { lr, momentum } => (lr, momentum),
            Optimizer::Adam {
                lr, beta1, beta2, ..
            } => {
                if !(0.0..1.0).contains(&beta2) {
                    return bad("beta2", beta2);
                }
                (lr, beta1)
            }
        };
        if !(lr > 0.0 && lr.is_finite()) {
            return bad("lr", lr);
        }
        if !(0.0..1.0).contains(&momentum) {
            return bad("momentum/beta1", momentum);
        }
        if self.batch_size == 0 {
            return bad("batch_size", 0.0);
        }
        if !(self.l2 >= 0.0 && self.l2.is_finite()) {
            return bad("l2", self.l2);
        }
        Ok(())
    }
}

/// A training run's state: the optimiser's moments, the step count, and the
/// preallocated buffers of one mini-batch.
#[derive(Debug, Clone)]
pub struct Trainer {
    pub config: TrainConfig,
    ws: Workspace,
    grads: Vec<Layer>,
    first: Vec<Layer>,
    second: Vec<Layer>,
    labels: Vec<usize>,
    steps: i32,
}

impl Trainer {
    /// A trainer for `mlp`, with its moments at 0.
    pub fn new(mlp: &Mlp, config: TrainConfig) -> Result<Self, NnError> {
        config.validate()?;
        Ok(Trainer {
            config,
            ws: Workspace::new(mlp, config.batch_size),
            grads: mlp.zeros_like(),
            first: mlp.zeros_like(),
            second: mlp.zeros_like(),
            labels: Vec::with_capacity(config.batch_size),
            steps: 0,
        })
    }

    /// The gradients of the last step.
    pub fn gradients(&self) -> &[Layer] {
        &self.grads
    }

    /// Sets the learning rate (for a schedule).
    pub fn set_lr(&mut self, new: f64) -> Result<(), NnError> {
        if !(new > 0.0 && new.is_finite()) {
            return Err(NnError::Hyperparameter {
                name: "lr",
                value: new,
            });
        }
        match &mut self.config.optimizer {
            Optimizer::Sgd { lr, .. } | Optimizer::Adam { lr, .. } => *lr = new,
        }
        Ok(())
    }

    // ANCHOR: step
    /// One optimisation step on the rows `batch` of `x` and `y`: gather
    /// them into the input buffer, forward, backward, update. Returns the
    /// batch's loss before the update. The hot path checks nothing: it
    /// panics on a batch larger than `batch_size`, an index outside `x`, or
    /// a network other than the trainer's ([`Trainer::epoch`] checks all
    /// three and returns errors).
    pub fn step(
        &mut self,
        mlp: &mut Mlp,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, usize>,
        batch: &[usize],
    ) -> f64 {
        let rows = batch.len();
        let mut input = self.ws.acts[0].slice_mut(s![..rows, ..]);
        for (mut row, &i) in input.rows_mut().into_iter().zip(batch) {
            row.assign(&x.row(i));
        }
        self.labels.clear();
        self.labels.extend(batch.iter().map(|&i| y[i]));
        let labels = ArrayView1::from(&self.labels);
        mlp.forward(&mut self.ws, rows);
        let loss = mlp.loss(&self.ws, labels, self.config.l2);
        mlp.backward(&mut self.ws, labels, self.config.l2, &mut self.grads);
        self.update(mlp);
        loss
    }
    // ANCHOR_END: step

    // ANCHOR: update
    fn update(&mut self, mlp: &mut Mlp) {
        self.steps += 1;
        let layers = mlp.layers.iter_mut().zip(&self.grads);
        let moments = self.first.iter_mut().zip(self.second.iter_mut());
        for ((layer, g), (m, v)) in layers.zip(moments) {
            update(
                self.config.optimizer,
                self.steps,
                &mut layer.w,
                &g.w,
                &mut m.w,
                &mut v.w,
            );
            update(
                self.config.optimizer,
                self.steps,
                &mut layer.b,
                &g.b,
                &mut m.b,
                &mut v.b,
            );
        }
    }
    // ANCHOR_END: update

    /// One epoch (number `epoch`, from 0) over `x` and `y` in the order of
    /// stream `batch_seed`'s permutation; returns the mean batch loss,
    /// weighted by batch size.
    pub fn epoch(
        &mut self,
        mlp: &mut Mlp,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, usize>,
        epoch: usize,
    ) -> Result<f64, NnError> {
        mlp.check(x, Some(y))?;
        let (sizes, expected) = (mlp.sizes(), self.grads.len());
        if sizes.len() != expected + 1
            || sizes
                .iter()
                .zip(&self.ws.acts)
                .any(|(&n, a)| n != a.ncols())
        {
            return Err(NnError::Layers(sizes));
        }
        let n = y.len();
        let mut stream =
            Stream::new(self.config.batch_seed, (epoch * n) as u64);
        let order = stream.permutation(n);
        let mut total = 0.0;
        for batch in order.chunks(self.config.batch_size) {
            total += self.step(mlp, x, y, batch) * batch.len() as f64;
        }
        Ok(total / n as f64)
    }
}

// ANCHOR: update_rule
/// The update of one parameter array `p` from its gradient `g` and moments
/// `m` and `v` (`v` unused by SGD), at step `t` (from 1), as flat slices
/// that the compiler turns into SIMD loops.
fn update<D: Dimension>(
    optimizer: Optimizer,
    t: i32,
    p: &mut Array<f64, D>,
    g: &Array<f64, D>,
    m: &mut Array<f64, D>,
    v: &mut Array<f64, D>,
) {
    if !p.is_standard_layout() {
        *p = p.as_standard_layout().into_owned(); // our moments' layout
    }
    let (Some(p), Some(g), Some(m), Some(v)) = (
        p.as_slice_mut(),
        g.as_slice(),
        m.as_slice_mut(),
        v.as_slice_mut(),
    ) else {
        unreachable!("parameters, gradients and moments are contiguous")
    };
    match optimizer {
        Optimizer::Sgd { lr, momentum } => {
            for ((p, &g), m) in p.iter_mut().zip(g).zip(m) {
                *m = momentum * *m + g;
                *p -= lr * *m;
            }
        }
        Optimizer::Adam {
            lr,
            beta1,
            beta2,
            eps,
        } => {
            // lr * m_hat / (sqrt(v_hat) + eps), with the bias corrections
            // 1 - beta^t folded into two scalars: one sqrt, one division.
            // powf is the C library's pow, as Python's `**`; powi multiplies
            // and can differ from it in the last bit.
            let t = f64::from(t);
            let step = lr / (1.0 - beta1.powf(t));
            let scale = 1.0 / (1.0 - beta2.powf(t)).sqrt();
            let elements = p.iter_mut().zip(g).zip(m.iter_mut().zip(v));
            for ((p, &g), (m, v)) in elements {
                *m = beta1 * *m + (1.0 - beta1) * g;
                *v = beta2 * *v + (1.0 - beta2) * g * g;
                *p -= step * *m / (v.sqrt() * scale + eps);
            }
        }
    }
}
// ANCHOR_END: update_rule

/// The share of rows of `x` whose predicted class is `y`'s.
pub fn accuracy(
    mlp: &Mlp,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
) -> Result<f64, NnError> {
    mlp.check(x, Some(y))?;
    let predicted = mlp.predict(x)?;
    let right = predicted.iter().zip(y).filter(|(p, t)| p == t).count();
    Ok(right as f64 / y.len() as f64)
}

/// `counts[(true, predicted)]`: how many samples of each class went where.
pub fn confusion_matrix(
    mlp: &Mlp,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
) -> Result<Array2<usize>, NnError> {
    mlp.check(x, Some(y))?;
    let k = mlp.n_classes();
    let mut counts = Array2::zeros((k, k));
    for (&p, &t) in mlp.predict(x)?.iter().zip(y) {
        counts[(t, p)] += 1;
    }
    Ok(counts)
}

/// A dataset split for training: rows of scaled pixels and their classes.
#[derive(Debug, Clone)]
pub struct Split {
    pub x_train: Array2<f64>,
    pub y_train: ndarray::Array1<usize>,
    pub x_test: Array2<f64>,
    pub y_test: ndarray::Array1<usize>,
}

/// The pixels of `data` divided by `scale` (16 for the digits, 255 for
/// MNIST), split by [`stratified_split`] with `test_fraction` and `seed`.
pub fn prepare(
    data: &support::data::Classification,
    scale: f64,
    test_fraction: f64,
    seed: u64,
) -> Result<Split, NnError> {
    let (train, test) =
        stratified_split(data.target.view(), test_fraction, seed)?;
    let x = &data.features / scale;
    Ok(Split {
        x_train: x.select(ndarray::Axis(0), &train),
        y_train: data.target.select(ndarray::Axis(0), &train),
        x_test: x.select(ndarray::Axis(0), &test),
        y_test: data.target.select(ndarray::Axis(0), &test),
    })
}
