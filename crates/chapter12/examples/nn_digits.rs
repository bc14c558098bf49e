//! The capstone: an MLP trained on the 8x8 digits with Adam, a progress bar
//! (on a terminal only), one line per tenth epoch, and three figures: the
//! training curves, the confusion matrix and the misclassified test digits.

use std::io::IsTerminal;

use chapter12::nn::Mlp;
use chapter12::nn_plot;
use chapter12::nn_train::{
    Optimizer, TrainConfig, Trainer, accuracy, confusion_matrix, prepare,
};
use indicatif::{ProgressBar, ProgressStyle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("train");
    // ANCHOR: train
    let digits = support::data::load_digits()?;
    let split = prepare(&digits, 16.0, 0.2, 1)?; // pixels 0..=16 -> [0, 1]
    let mut mlp = Mlp::new(&[64, 64, 10], 2)?;
    let config = TrainConfig {
        optimizer: Optimizer::adam(1e-3),
        batch_size: 32,
        l2: 1e-4,
        batch_seed: 3,
    };
    let mut trainer = Trainer::new(&mlp, config)?;
    let epochs = 50;
    let bar = progress_bar(epochs);
    let (mut losses, mut accuracies) = (Vec::new(), Vec::new());
    for epoch in 0..epochs {
        let (x, y) = (split.x_train.view(), split.y_train.view());
        let loss = trainer.epoch(&mut mlp, x, y, epoch)?;
        let acc = accuracy(&mlp, split.x_test.view(), split.y_test.view())?;
        bar.set_message(format!("loss {loss:.4}, test accuracy {acc:.4}"));
        bar.inc(1);
        if epoch == 0 || (epoch + 1) % 10 == 0 {
            bar.suspend(|| {
                println!(
                    "epoch {:2}: loss {loss:.4}, test accuracy {acc:.4}",
                    epoch + 1
                )
            });
        }
        losses.push(loss);
        accuracies.push(acc);
    }
    bar.finish_and_clear();
    // ANCHOR_END: train

    support::output_part("figures");
    // ANCHOR: figures
    let (x_test, y_test) = (split.x_test.view(), split.y_test.view());
    let counts = confusion_matrix(&mlp, x_test, y_test)?;
    let predicted = mlp.predict(x_test)?;
    let wrong: Vec<_> = (0..y_test.len())
        .filter(|&i| predicted[i] != y_test[i])
        .map(|i| (x_test.row(i), format!("{} as {}", y_test[i], predicted[i])))
        .collect();
    println!("misclassified: {} of {}", wrong.len(), y_test.len());
    let names = &digits.target_names;
    for figure in [
        nn_plot::curves(
            "nn_digits_curves.svg",
            "MLP on the digits, Adam",
            &losses,
            &accuracies,
        )?,
        nn_plot::confusion(
            "nn_digits_confusion.svg",
            "Digits: confusion matrix (test set)",
            &counts,
            names,
        )?,
        nn_plot::digits("nn_digits_wrong.svg", &wrong, 8, 8)?,
    ] {
        println!("wrote {figure}");
    }
    // ANCHOR_END: figures
    Ok(())
}

// ANCHOR: progress
/// A bar of `epochs` steps on stderr when it is a terminal; hidden (and
/// `suspend` just runs its closure) when the output is captured.
fn progress_bar(epochs: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(epochs as u64);
    let template = "{bar:30} epoch {pos}/{len} {msg}";
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}
// ANCHOR_END: progress
