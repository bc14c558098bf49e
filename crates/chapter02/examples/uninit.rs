//! `Array::uninit` and `assume_init`: skipping the zero-fill when every element
//! is about to be written anyway, with the `unsafe` promise written down next
//! to it.

use chapter02::initialise::{product_via_uninit, running_totals};
use ndarray::{Zip, array};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let deposits = array![100.0, -20.0, 35.5, 10.0];
    println!("running totals: {}", running_totals(deposits.view()));

    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let b = array![[10.0, 20.0], [30.0, 40.0]];
    let product = product_via_uninit(a.view(), b.view())?;
    println!("a * b written into uninit memory:\n{product}");

    // ANCHOR: map_collect
    // The same without `unsafe`: map_collect allocates uninitialised memory
    // internally and initialises every element for you.
    let product_safe = Zip::from(&a).and(&b).map_collect(|&x, &y| x * y);
    println!("map_collect gives the same: {}", product_safe == product);
    // ANCHOR_END: map_collect
    Ok(())
}
