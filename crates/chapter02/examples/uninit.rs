//! `Array::uninit` and `assume_init`: skipping the zero-fill when every element is about to
//! be written anyway, with the `unsafe` promise written down next to it.

use chapter02::initialise::running_totals;
use ndarray::{Array2, Zip, array};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let deposits = array![100.0, -20.0, 35.5, 10.0];
    println!("running totals: {}", running_totals(deposits.view()));

    // ANCHOR: zip_write
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    let b = array![[10.0, 20.0], [30.0, 40.0]];
    let mut product = Array2::<f64>::uninit(a.raw_dim());
    Zip::from(&mut product)
        .and(&a)
        .and(&b)
        .for_each(|out, &x, &y| {
            out.write(x * y);
        });
    // SAFETY: `Zip` visited every element of `product` (it has the same shape as `a` and
    // `b`, which Zip checks) and wrote each one, so all of them are initialised.
    let product = unsafe { product.assume_init() };
    println!("a * b written into uninit memory:\n{product}");
    // ANCHOR_END: zip_write

    // ANCHOR: map_collect
    // The same without `unsafe`: map_collect allocates uninitialised memory internally
    // and initialises every element for you.
    let product_safe = Zip::from(&a).and(&b).map_collect(|&x, &y| x * y);
    println!("map_collect gives the same: {}", product_safe == product);
    // ANCHOR_END: map_collect
    Ok(())
}
