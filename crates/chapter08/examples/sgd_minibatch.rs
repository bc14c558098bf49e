//! Randomness during training: shuffled mini-batches, an inverted-dropout
//! mask, and mini-batch stochastic gradient descent for a linear model on the
//! diabetes data.

use chapter08::init::{dropout_mask, minibatches};
use ndarray::{Array1, Array2, Axis};
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// Columns scaled to mean 0 and standard deviation 1.
fn standardise(x: &Array2<f64>) -> Array2<f64> {
    let mean = x.mean_axis(Axis(0)).expect("rows");
    let std = x.std_axis(Axis(0), 0.0);
    (x - &mean) / &std
}

fn mse(x: &Array2<f64>, y: &Array1<f64>, w: &Array1<f64>, b: f64) -> f64 {
    let residual = x.dot(w) + b - y;
    residual.dot(&residual) / y.len() as f64
}

fn main() -> Result<(), support::Report> {
    support::output_part("batches");
    // ANCHOR: batches
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    for epoch in 0..2 {
        let batches = minibatches(10, 4, &mut rng)?;
        println!("epoch {epoch}: {batches:?}");
    }
    // ANCHOR_END: batches

    support::output_part("dropout");
    // ANCHOR: dropout
    let mask = dropout_mask((3, 8), 0.5, &mut rng)?;
    println!("{mask}");
    let big = dropout_mask((1000, 1000), 0.5, &mut rng)?;
    let dropped = big.iter().filter(|&&m| m == 0.0).count();
    println!(
        "dropped {dropped} of 1000000, mask mean {:.4}",
        big.mean().unwrap_or(0.0)
    );
    // ANCHOR_END: dropout

    support::output_part("sgd");
    // ANCHOR: sgd
    let diabetes = support::data::load_diabetes()?;
    let x = standardise(&diabetes.features);
    let y = &diabetes.target;
    let (mut w, mut b) = (Array1::<f64>::zeros(x.ncols()), 0.0);
    let (rate, batch_size) = (0.05, 32);
    for epoch in 1..=30 {
        for batch in minibatches(x.nrows(), batch_size, &mut rng)? {
            let (xb, yb) =
                (x.select(Axis(0), &batch), y.select(Axis(0), &batch));
            let error = xb.dot(&w) + b - &yb; // prediction - target
            let m = batch.len() as f64;
            w.scaled_add(-rate * 2.0 / m, &xb.t().dot(&error));
            b -= rate * 2.0 * error.sum() / m;
        }
        if epoch % 10 == 0 {
            println!("epoch {epoch:>2}: training MSE {:.1}", mse(&x, y, &w, b));
        }
    }
    println!(
        "intercept {b:.2} (mean target {:.2})",
        y.mean().unwrap_or(0.0)
    );
    // ANCHOR_END: sgd
    Ok(())
}
