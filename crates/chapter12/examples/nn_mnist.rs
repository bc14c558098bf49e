//! The digits code, unchanged, on 28x28 MNIST (5000 images): a wider input
//! layer, the same training loop and metrics, and the first misclassified
//! test images.

use chapter12::nn::Mlp;
use chapter12::nn_plot;
use chapter12::nn_train::{Optimizer, TrainConfig, Trainer, accuracy, prepare};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // ANCHOR: mnist
    let mnist = support::data::load_mnist_5k()?;
    let split = prepare(&mnist, 255.0, 0.2, 1)?; // pixels 0..=255 -> [0, 1]
    println!(
        "{} training and {} test images of {} pixels",
        split.y_train.len(),
        split.y_test.len(),
        split.x_train.ncols()
    );
    let mut mlp = Mlp::new(&[784, 128, 10], 2)?;
    let config = TrainConfig {
        optimizer: Optimizer::adam(1e-3),
        batch_size: 32,
        l2: 1e-4,
        batch_seed: 3,
    };
    let mut trainer = Trainer::new(&mlp, config)?;
    let (x, y) = (split.x_train.view(), split.y_train.view());
    let (x_test, y_test) = (split.x_test.view(), split.y_test.view());
    for epoch in 0..20 {
        let loss = trainer.epoch(&mut mlp, x, y, epoch)?;
        if (epoch + 1) % 5 == 0 {
            let train_acc = accuracy(&mlp, x, y)?;
            let test_acc = accuracy(&mlp, x_test, y_test)?;
            println!(
                "epoch {:2}: loss {loss:.4}, train accuracy {train_acc:.4}, \
                 test accuracy {test_acc:.4}",
                epoch + 1
            );
        }
    }
    // ANCHOR_END: mnist
    let predicted = mlp.predict(x_test)?;
    let wrong: Vec<_> = (0..y_test.len())
        .filter(|&i| predicted[i] != y_test[i])
        .take(16)
        .map(|i| (x_test.row(i), format!("{} as {}", y_test[i], predicted[i])))
        .collect();
    println!(
        "wrote {}",
        nn_plot::digits("nn_mnist_wrong.svg", &wrong, 28, 8)?
    );
    Ok(())
}
