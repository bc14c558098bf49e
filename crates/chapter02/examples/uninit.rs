//! `Array::uninit` and `assume_init`: skipping the fill when every element is
//! about to be written anyway, with the `unsafe` promise written down next to
//! it. The counting allocator shows what each constructor asks for: `zeros`
//! asks for memory that is already zero (`calloc`), `from_elem` and `uninit`
//! for plain memory.

use chapter02::initialise::{product_via_uninit, running_totals};
use ndarray::{Array1, Zip, array};
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() -> Result<(), support::Report> {
    support::output_part("calloc");
    // ANCHOR: calloc
    let n = 1 << 20; // 8 MiB of f64
    let (_, zeros) = count_allocations(|| Array1::<f64>::zeros(n));
    let (_, nan) = count_allocations(|| Array1::from_elem(n, f64::NAN));
    let (_, uninit) = count_allocations(|| Array1::<f64>::uninit(n));
    for (call, seen) in
        [("zeros", zeros), ("from_elem", nan), ("uninit", uninit)]
    {
        println!("{call:<9} {seen}, asked for zeroed memory: {}", seen.zeroed);
    }
    // ANCHOR_END: calloc

    support::output_part("map_collect");
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
