//! Broadcasting pitfalls from real runs: a `(n,)` target minus an `(n, 1)`
//! prediction, the error message of shapes that do not broadcast, and a
//! silent huge intermediate caught before it is allocated.

use chapter06::shapes::{array_bytes, broadcast_shape};
use ndarray::{Array1, Array2, array};

fn main() -> Result<(), support::Report> {
    // Panics are caught and printed below, not reported on stderr.
    std::panic::set_hook(Box::new(|_| {}));
    support::output_part("column");
    // ANCHOR: column
    let y = array![1.0, 2.0, 3.0, 4.0]; // targets, (4,)
    let pred = array![[1.5], [2.0], [2.5], [4.0]]; // model output, (4, 1)
    let residual = &y - &pred; // co-broadcasts, like NumPy: no error
    println!("{:?} is an Array{}", residual.shape(), residual.ndim());
    let wrong = residual.mapv(|r| r * r).mean().ok_or("empty")?;
    println!("wrong MSE: {wrong}");
    let pred: Array1<f64> = pred.remove_axis(ndarray::Axis(1)); // (4,)
    let right = (&y - &pred).mapv(|r| r * r).mean().ok_or("empty")?;
    println!("right MSE: {right}");
    // ANCHOR_END: column

    support::output_part("error");
    // ANCHOR: error
    let x = Array2::<f64>::ones((4, 3));
    let weights = array![1.0, 2.0, 3.0, 4.0]; // (4,): one per row, not column
    let result = std::panic::catch_unwind(|| &x * &weights);
    if let Err(payload) = result {
        let message = payload.downcast_ref::<String>().ok_or("no message")?;
        println!("panicked:\n{}", message.replace("value: ", "value:\n"));
    }
    // The checked forms return the error instead of panicking:
    match weights.broadcast((4, 3)) {
        Some(view) => println!("broadcast to {:?}", view.shape()),
        None => println!("(4,) does not broadcast to (4, 3)"),
    }
    match broadcast_shape(x.shape(), weights.shape()) {
        Ok(shape) => println!("{shape:?}"),
        Err(error) => println!("error:\n{error}"),
    }
    // ANCHOR_END: error

    support::output_part("huge");
    // ANCHOR: huge
    // Before x[:, None, :] - y[None, :, :] for 2000 and 1500 points in 64-D:
    let inputs = array_bytes(&[2000, 64], 8) + array_bytes(&[1500, 64], 8);
    let shape = broadcast_shape(&[2000, 1, 64], &[1, 1500, 64])?;
    let bytes = array_bytes(&shape, 8);
    println!("inputs {inputs} bytes -> intermediate {shape:?}");
    println!(
        "{bytes} bytes = {:.2} GiB",
        bytes as f64 / (1u64 << 30) as f64
    );
    const BUDGET: usize = 256 << 20; // refuse more than 256 MiB
    if bytes > BUDGET {
        println!("over the budget: compute it in chunks instead");
    }
    // ANCHOR_END: huge
    Ok(())
}
