//! Arrays from ranges: `Array::range`, `linspace`, `logspace` and `geomspace`,
//! next to NumPy's `arange`, `linspace`, `logspace` and `geomspace`, and where
//! they differ.

use ndarray::Array1;

fn main() -> Result<(), support::Report> {
    support::output_part("range");
    // ANCHOR: range
    let steps = Array1::range(0.0, 1.0, 0.25); // end excluded, like np.arange
    // 0.1 is not exact: is 1.3 excluded?
    let tenths = Array1::range(1.0, 1.3, 0.1);
    // integer ranges come from iterators
    let integers: Array1<i64> = (0..5).collect();
    println!("range(0.0, 1.0, 0.25) = {steps}");
    println!(
        "range(1.0, 1.3, 0.1)  = {tenths} ({} elements)",
        tenths.len()
    );
    println!("(0..5).collect()      = {integers}");
    // ANCHOR_END: range

    support::output_part("accumulate");
    // ANCHOR: accumulate
    // What a hand-written loop does: add the step again and again.
    let (mut x, mut accumulated) = (0.0_f64, Vec::new());
    for _ in 0..10 {
        accumulated.push(x);
        x += 0.1;
    }
    // start + i * step, one rounding per value
    let computed = Array1::range(0.0, 1.0, 0.1);
    println!("value 9, after nine x += 0.1:   {}", accumulated[9]);
    println!("value 9, Array1::range:         {}", computed[9]);
    // ANCHOR_END: accumulate

    support::output_part("linspace");
    // ANCHOR: linspace
    // both ends included, like np.linspace
    let five = Array1::linspace(0.0, 1.0, 5);
    let uneven = Array1::linspace(-1.0, 0.7, 6);
    println!("linspace(0.0, 1.0, 5)  = {five}");
    println!("linspace(-1.0, 0.7, 6):");
    for x in &uneven {
        println!("    {x}");
    }
    // ANCHOR_END: linspace

    support::output_part("logspace");
    // ANCHOR: logspace
    // ndarray takes the base first: base^start ..= base^end, n values.
    let decades = Array1::logspace(10.0, 0.0, 3.0, 4); // np.logspace(0, 3, 4)
    // np.logspace(0, 4, 5, base=2)
    let powers_of_two = Array1::logspace(2.0, 0.0, 4.0, 5);
    // by endpoints
    let geometric = Array1::geomspace(1.0, 1000.0, 4).ok_or("signs differ")?;
    // a typical grid search
    let learning_rates = Array1::logspace(10.0, -4.0, -1.0, 4);
    println!("logspace(10, 0, 3, 4)  = {decades}");
    println!("logspace(2, 0, 4, 5)   = {powers_of_two}");
    println!("geomspace(1, 1000, 4)  =\n    {geometric}");
    println!("logspace(10, -4, -1, 4) = {learning_rates}");
    // ANCHOR_END: logspace
    Ok(())
}
