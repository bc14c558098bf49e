//! The capstone's MLP: its gradients against finite differences, its steps
//! and epochs against NumPy's (`tests/fixtures/nn_parity.py`), the accuracy
//! target on the digits, and its errors.

use chapter12::nn::{Layer, Mlp, NnError, Stream, Workspace};
use chapter12::nn_train::{
    Optimizer, TrainConfig, Trainer, accuracy, confusion_matrix, prepare,
};
use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Steps {
    losses: Vec<f64>,
    w: Vec<Vec<Vec<f64>>>,
    b: Vec<Vec<f64>>,
}

#[derive(serde::Deserialize)]
struct Parity {
    train: Vec<usize>,
    test: Vec<usize>,
    sgd: Steps,
    adam: Steps,
    init: Vec<Vec<Vec<f64>>>,
    epoch_losses: Vec<f64>,
    test_accuracy: f64,
}

fn numpy() -> Parity {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "nn_parity")
        .expect("tests/fixtures/nn_parity.json")
}

/// The loss of `mlp` on all of `x` and `y` (one batch).
fn loss_on(
    mlp: &Mlp,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, usize>,
    l2: f64,
) -> f64 {
    let mut ws = Workspace::new(mlp, x.nrows());
    ws.acts[0].assign(&x);
    mlp.forward(&mut ws, x.nrows());
    mlp.loss(&ws, y, l2)
}

// ANCHOR: gradient_check
/// `|a - n| / (|a| + |n|)` in the Euclidean norm, the relative error of an
/// analytic gradient `a` against a numerical one `n`.
fn relative_error(a: &[f64], n: &[f64]) -> f64 {
    let norm =
        |v: &mut dyn Iterator<Item = f64>| v.map(|d| d * d).sum::<f64>().sqrt();
    let diff = norm(&mut a.iter().zip(n).map(|(a, n)| a - n));
    diff / (norm(&mut a.iter().copied()) + norm(&mut n.iter().copied()))
}

#[test]
fn backprop_matches_central_differences() {
    // Three hidden layers, 7 samples, an L2 penalty: every code path.
    let mlp = Mlp::new(&[8, 6, 5, 4, 3], 11).expect("valid sizes");
    let mut stream = Stream::new(12, 0);
    let x =
        Array2::from_shape_simple_fn((7, 8), || 2.0 * stream.uniform() - 1.0);
    let y = Array1::from(vec![0, 1, 2, 0, 1, 2, 2]);
    let l2 = 0.1;
    let mut ws = Workspace::new(&mlp, 7);
    ws.acts[0].assign(&x);
    mlp.forward(&mut ws, 7);
    let mut grads = mlp.zeros_like();
    mlp.backward(&mut ws, y.view(), l2, &mut grads);
    // Central differences, one parameter at a time, on copies of the net.
    let h = 1e-5;
    for (l, Layer { w, b }) in grads.iter().enumerate() {
        let analytic: Vec<f64> = w.iter().chain(b).copied().collect();
        let numeric: Vec<f64> = (0..analytic.len())
            .map(|k| {
                let loss_at = |delta: f64| {
                    let mut moved = mlp.clone();
                    let layer = &mut moved.layers[l];
                    let mut params = layer.w.iter_mut().chain(&mut layer.b);
                    *params.nth(k).expect("k < parameters") += delta;
                    loss_on(&moved, x.view(), y.view(), l2)
                };
                (loss_at(h) - loss_at(-h)) / (2.0 * h)
            })
            .collect();
        let error = relative_error(&analytic, &numeric);
        assert!(error < 1e-6, "layer {l}: relative error {error:e}");
    }
}
// ANCHOR_END: gradient_check

#[test]
fn split_is_numpys_and_stratified() {
    let numpy = numpy();
    let digits = support::data::load_digits().expect("data/digits.csv.gz");
    let (train, test) =
        chapter12::nn::stratified_split(digits.target.view(), 0.2, 1)
            .expect("0.2");
    assert_eq!(train, numpy.train);
    assert_eq!(test, numpy.test);
    assert_eq!((train.len(), test.len()), (1438, 359), "the page's sizes");
    // Every class keeps its share: round(0.2 * n_class) test samples.
    for c in 0..10 {
        let n = digits.target.iter().filter(|&&t| t == c).count();
        let in_test = test.iter().filter(|&&i| digits.target[i] == c).count();
        assert_eq!(in_test, (0.2 * n as f64).round() as usize, "class {c}");
    }
}

#[test]
fn he_init_is_numpys_bit_for_bit() {
    // The same uniforms, (2u - 1) * sqrt(6 / fan_in) in the same order,
    // and sqrt is correctly rounded on both sides: `==`, not a tolerance.
    let numpy = numpy();
    let mlp = Mlp::new(&[64, 16, 10], 2).expect("valid sizes");
    for (layer, w) in mlp.layers.iter().zip(&numpy.init) {
        let w: Vec<f64> = w.iter().flatten().copied().collect();
        assert_eq!(layer.w.as_slice().expect("contiguous"), &w[..]);
        assert!(layer.b.iter().all(|&b| b == 0.0));
    }
}

/// Three steps of `optimizer` on a [64, 16, 10] network, as the fixture.
fn three_steps(optimizer: Optimizer, numpy: &Steps) {
    let digits = support::data::load_digits().expect("data/digits.csv.gz");
    let split = prepare(&digits, 16.0, 0.2, 1).expect("a valid split");
    let mut mlp = Mlp::new(&[64, 16, 10], 2).expect("valid sizes");
    let config = TrainConfig {
        optimizer,
        batch_size: 32,
        l2: 0.01,
        batch_seed: 3,
    };
    let mut trainer = Trainer::new(&mlp, config).expect("valid config");
    let order = Stream::new(3, 0).permutation(split.y_train.len());
    let (x, y) = (split.x_train.view(), split.y_train.view());
    let losses: Vec<f64> = order
        .chunks(32)
        .take(3)
        .map(|batch| trainer.step(&mut mlp, x, y, batch))
        .collect();
    // Both sides do the same operations, but matrixmultiply and OpenBLAS
    // sum the products in different orders, and NumPy's exp and log are
    // not the C library's: agreement to rounding. Measured: 2e-16 on the
    // losses (relative), 2e-16 on the weights (absolute), whatever OpenBLAS
    // kernel (OPENBLAS_CORETYPE) NumPy ran; 1e-12 leaves a wide margin.
    assert_allclose(&losses, &numpy.losses, 1e-12, 0.0);
    for (layer, (w, b)) in mlp.layers.iter().zip(numpy.w.iter().zip(&numpy.b)) {
        let w: Vec<f64> = w.iter().flatten().copied().collect();
        assert_allclose(
            layer.w.as_slice().expect("contiguous"),
            &w,
            1e-12,
            1e-15,
        );
        assert_allclose(
            layer.b.as_slice().expect("contiguous"),
            b,
            1e-12,
            1e-15,
        );
    }
}

#[test]
fn sgd_momentum_steps_match_numpy() {
    let numpy = numpy();
    three_steps(
        Optimizer::Sgd {
            lr: 0.1,
            momentum: 0.9,
        },
        &numpy.sgd,
    );
}

#[test]
fn adam_steps_match_numpy() {
    let numpy = numpy();
    three_steps(Optimizer::adam(0.01), &numpy.adam);
}

// ANCHOR: accuracy_target
#[test]
fn digits_reach_97_percent_in_50_epochs_as_numpy_does() {
    let numpy = numpy();
    let digits = support::data::load_digits().expect("data/digits.csv.gz");
    let split = prepare(&digits, 16.0, 0.2, 1).expect("a valid split");
    let mut mlp = Mlp::new(&[64, 64, 10], 2).expect("valid sizes");
    let config = TrainConfig {
        optimizer: Optimizer::adam(1e-3),
        batch_size: 32,
        l2: 1e-4,
        batch_seed: 3,
    };
    let mut trainer = Trainer::new(&mlp, config).expect("valid config");
    let (x, y) = (split.x_train.view(), split.y_train.view());
    let losses: Vec<f64> = (0..50)
        .map(|epoch| trainer.epoch(&mut mlp, x, y, epoch).expect("shapes"))
        .collect();
    // 2250 steps later the two runs still agree to rounding: the largest
    // relative difference measured was 6e-16, so the rounding differences
    // do not snowball.
    assert_allclose(&losses, &numpy.epoch_losses, 1e-12, 0.0);
    let (x_test, y_test) = (split.x_test.view(), split.y_test.view());
    let acc = accuracy(&mlp, x_test, y_test).expect("shapes");
    assert!(acc >= 0.97, "test accuracy {acc}");
    assert_eq!(acc, numpy.test_accuracy);
    let counts = confusion_matrix(&mlp, x_test, y_test).expect("shapes");
    assert_eq!(counts.sum(), y_test.len());
    let right: usize = (0..10).map(|c| counts[(c, c)]).sum();
    assert_eq!(right as f64 / y_test.len() as f64, acc);
}
// ANCHOR_END: accuracy_target

#[test]
fn bad_inputs_are_errors() {
    assert_eq!(Mlp::new(&[64], 0), Err(NnError::Layers(vec![64])));
    assert!(matches!(Mlp::new(&[64, 0, 10], 0), Err(NnError::Layers(_))));
    let mlp = Mlp::new(&[4, 3, 2], 0).expect("valid sizes");
    let x = Array2::<f64>::zeros((5, 3));
    let err = mlp.predict(x.view()).expect_err("3 columns, not 4");
    assert_eq!(
        err,
        NnError::Shape {
            what: "input columns",
            expected: 4,
            got: 3
        }
    );
    let x = Array2::<f64>::zeros((2, 4));
    let y = Array1::from(vec![0, 2]);
    let err = accuracy(&mlp, x.view(), y.view()).expect_err("class 2 of 2");
    assert_eq!(
        err,
        NnError::Label {
            label: 2,
            classes: 2
        }
    );
    assert_eq!(
        err.to_string(),
        "label 2 is not a class of a network with 2 outputs"
    );
    let config = TrainConfig {
        optimizer: Optimizer::Sgd {
            lr: 0.0,
            momentum: 0.9,
        },
        batch_size: 32,
        l2: 0.0,
        batch_seed: 0,
    };
    assert!(matches!(
        Trainer::new(&mlp, config),
        Err(NnError::Hyperparameter { name: "lr", .. })
    ));
    let no_batch = TrainConfig {
        batch_size: 0,
        optimizer: Optimizer::adam(1e-3),
        ..config
    };
    assert!(matches!(
        Trainer::new(&mlp, no_batch),
        Err(NnError::Hyperparameter {
            name: "batch_size",
            ..
        })
    ));
    // A network the trainer was not made for, or one without layers.
    let mut trainer = Trainer::new(
        &mlp,
        TrainConfig {
            optimizer: Optimizer::adam(1e-3),
            ..config
        },
    )
    .expect("valid config");
    let mut other = Mlp::new(&[4, 5, 2], 0).expect("valid sizes");
    let y = Array1::from(vec![0, 1]);
    let err = trainer.epoch(&mut other, x.view(), y.view(), 0);
    assert_eq!(err, Err(NnError::Layers(vec![4, 5, 2])));
    let empty = Mlp { layers: Vec::new() };
    assert!(matches!(empty.predict(x.view()), Err(NnError::Layers(_))));
    let labels = Array1::from(vec![0usize, 1]);
    assert!(chapter12::nn::stratified_split(labels.view(), 1.0, 0).is_err());
}
