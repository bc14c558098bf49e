//! Quantiles with the five interpolation methods of ndarray-stats, and
//! where its `Nearest` differs from NumPy's `method="nearest"`.

use chapter07::describe::{Method, quantile, quantile_nearest_numpy};
use ndarray::{Array1, array};

fn main() -> Result<(), support::Report> {
    support::output_part("methods");
    // ANCHOR: methods
    let x = array![7.0, 1.0, 3.0, 9.0, 4.0, 6.0]; // sorted: 1 3 4 6 7 9
    let qs = [0.1, 0.25, 0.5, 0.9];
    print!("{:>9}", "q");
    for q in qs {
        print!("{q:>7}");
    }
    println!();
    for method in Method::ALL {
        print!("{:>9}", method.numpy_name());
        for q in qs {
            print!("{:>7.3}", quantile(x.view(), q, method)?);
        }
        println!();
    }
    // ANCHOR_END: methods

    support::output_part("nearest");
    // ANCHOR: nearest
    for q in qs {
        let position = (x.len() - 1) as f64 * q;
        let stats = quantile(x.view(), q, Method::Nearest)?;
        let numpy = quantile_nearest_numpy(x.view(), q)?;
        println!(
            "q = {q:<4}  position {position:<4}  ndarray-stats {stats}  \
             NumPy {numpy}"
        );
    }
    // ANCHOR_END: nearest

    support::output_part("medians");
    // ANCHOR: medians
    // Medians of 1, 2, ..., n: NumPy's rule and ndarray-stats' disagree
    // only when n % 4 == 2, where the lower neighbour's position is even.
    for n in (2..=12).step_by(2) {
        let x = Array1::range(1.0, n as f64 + 1.0, 1.0);
        let stats = quantile(x.view(), 0.5, Method::Nearest)?;
        let numpy = quantile_nearest_numpy(x.view(), 0.5)?;
        let verdict = if stats == numpy { "agree" } else { "differ" };
        println!(
            "n = {n:<2} (n % 4 = {})  ndarray-stats {stats}  NumPy {numpy}  \
             {verdict}",
            n % 4
        );
    }
    // ANCHOR_END: medians
    Ok(())
}
