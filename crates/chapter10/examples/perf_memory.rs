//! Allocations in a hot loop, counted and measured with the book's
//! counting allocator (`support::alloc`): a fresh result per call against
//! one reused output, a copy only when a view is not contiguous
//! (`CowArray`), and the peak memory of `f64` against `f32`.

use chapter10::memory::{
    standardize, standardize_f32, standardize_into, table,
};
use ndarray::{Array2, ArrayView2, CowArray, Ix2};
use support::alloc::{CountingAllocator, count_allocations, measure_peak};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

// ANCHOR: cow
/// The column sums of a matrix, read row by row: a row-major (C-order)
/// input is used as it is; any other layout is copied once into row-major
/// order first. `as_standard_layout` returns a `CowArray` that borrows in
/// the first case and owns the copy in the second.
fn row_major_sums(x: ArrayView2<'_, f64>) -> Vec<f64> {
    let x: CowArray<'_, f64, Ix2> = x.as_standard_layout();
    let mut sums = vec![0.0; x.ncols()];
    for row in x.rows() {
        let row = row.to_slice().expect("row-major rows are slices");
        for (s, v) in sums.iter_mut().zip(row) {
            *s += v;
        }
    }
    sums
}
// ANCHOR_END: cow

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let x = table(1000, 100); // 800 kB
    support::output_part("loop");
    // ANCHOR: loop
    // 100 standardisations of the same-shaped input, as a training loop
    // would run them: a fresh result each time...
    let (_, fresh) = count_allocations(|| {
        for _ in 0..100 {
            let z = standardize(x.view()).expect("not empty");
            std::hint::black_box(z);
        }
    });
    // ...or one output allocated before the loop and overwritten.
    let mut out = Array2::<f64>::zeros(x.dim());
    let (_, reused) = count_allocations(|| {
        for _ in 0..100 {
            standardize_into(x.view(), out.view_mut()).expect("same shape");
        }
    });
    println!("fresh:  {} allocations, {} bytes", fresh.count, fresh.bytes);
    println!(
        "reused: {} allocations, {} bytes",
        reused.count, reused.bytes
    );
    println!("same values: {}", out == standardize(x.view())?);
    // ANCHOR_END: loop
    support::output_part("cow");
    // ANCHOR: cow_use
    let (c_sums, c_order) = count_allocations(|| row_major_sums(x.view()));
    let f = x.t().as_standard_layout().t().to_owned(); // column-major copy
    let (f_sums, f_order) = count_allocations(|| row_major_sums(f.view()));
    println!("row-major input:    {} allocation(s)", c_order.count);
    println!(
        "column-major input: {} allocation(s), {} bytes",
        f_order.count, f_order.bytes
    );
    println!("same sums: {}", c_sums == f_sums);
    // ANCHOR_END: cow_use
    support::output_part("peak");
    // ANCHOR: peak
    let big = table(2000, 500); // 8 MB of f64
    let big32 = big.mapv(|v| v as f32);
    let (_, peak64) = measure_peak(|| standardize(big.view()));
    let (_, peak32) = measure_peak(|| standardize_f32(big32.view()));
    println!("peak, f64: {:.2} MB", peak64 as f64 / 1e6);
    println!("peak, f32: {:.2} MB", peak32 as f64 / 1e6);
    // ANCHOR_END: peak
    Ok(())
}
