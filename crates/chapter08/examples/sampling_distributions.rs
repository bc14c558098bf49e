//! Sampling arrays from distributions with ndarray-rand's `random_using` and
//! rand_distr: sample means and variances next to the theory, Dirichlet rows,
//! and the errors a bad parameter gives.

use ndarray::{Array1, Array2};
use ndarray_rand::RandomExt;
use rand::SeedableRng;
use rand_distr::{
    Binomial, Dirichlet, Distribution, Exp, Normal, Poisson, Uniform,
};
use rand_xoshiro::Xoshiro256PlusPlus;

fn summary(name: &str, x: &Array1<f64>, mean: f64, var: f64) {
    let (m, v) = (x.mean().unwrap_or(f64::NAN), x.var(1.0));
    println!("{name:<18} {m:>8.4} {mean:>8.4} {v:>9.4} {var:>9.4}");
}

fn main() -> Result<(), support::Report> {
    support::output_part("random_using");
    // ANCHOR: random_using
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
    let n = 100_000;
    let uniform = Array1::random_using(n, Uniform::new(0.0, 10.0), &mut rng);
    let normal = Array1::random_using(n, Normal::new(5.0, 2.0)?, &mut rng);
    let exp = Array1::random_using(n, Exp::new(0.5)?, &mut rng);
    // Binomial and Poisson count events: u64 and f64 (rand_distr 0.4).
    let binomial = Array1::random_using(n, Binomial::new(20, 0.3)?, &mut rng)
        .mapv(|k| k as f64);
    let poisson = Array1::random_using(n, Poisson::new(3.5)?, &mut rng);
    // A 2-D array works the same way: the shape is a tuple.
    let noise: Array2<f32> =
        Array2::random_using((2, 3), Normal::new(0.0, 1.0)?, &mut rng);
    println!(
        "{:<18} {:>8} {:>8} {:>9} {:>9}",
        "", "mean", "theory", "variance", "theory"
    );
    summary("uniform(0, 10)", &uniform, 5.0, 100.0 / 12.0);
    summary("normal(5, 2)", &normal, 5.0, 4.0);
    summary("exponential(0.5)", &exp, 2.0, 4.0);
    summary("binomial(20, 0.3)", &binomial, 6.0, 4.2);
    summary("poisson(3.5)", &poisson, 3.5, 3.5);
    println!("f32 noise:\n{noise:.4}");
    // ANCHOR_END: random_using

    support::output_part("dirichlet");
    // ANCHOR: dirichlet
    // Each Dirichlet draw is a whole vector of proportions that sums to 1.
    let dirichlet = Dirichlet::new(&[1.0, 2.0, 7.0])?;
    let mut rows = Array2::zeros((3, 3));
    for mut row in rows.rows_mut() {
        let draw: Vec<f64> = dirichlet.sample(&mut rng);
        row.assign(&Array1::from(draw));
    }
    println!("Dirichlet(1, 2, 7) rows:\n{rows:.4}");
    println!("row sums: {:.12}", rows.sum_axis(ndarray::Axis(1)));
    // ANCHOR_END: dirichlet

    support::output_part("errors");
    // The panic below is caught and printed; keep stderr quiet.
    std::panic::set_hook(Box::new(|_| {}));
    // ANCHOR: errors
    // The same bad parameters as the NumPy listing below:
    println!("Normal::new(0, NaN): {:?}", Normal::new(0.0, f64::NAN));
    println!("Normal::new(0, -1):  {:?}", Normal::new(0.0, -1.0));
    println!("Exp::new(NaN):       {:?}", Exp::new(f64::NAN));
    println!("Exp::new(-1):        {:?}", Exp::new(-1.0));
    println!("Poisson::new(0):     {:?}", Poisson::new(0.0));
    println!("Binomial::new(5, 2): {:?}", Binomial::new(5, 2.0));
    // ... and Uniform::new panics when low >= high:
    let caught = std::panic::catch_unwind(|| Uniform::new(1.0, 1.0));
    if let Err(payload) = caught {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned());
        println!("Uniform::new(1, 1) panicked: {message:?}");
    }
    // ANCHOR_END: errors
    Ok(())
}
