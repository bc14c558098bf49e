//! rayon with ndarray: `par_azip!`, `axis_iter(..).into_par_iter()` and
//! `par_mapv_inplace`, each checked against its serial twin, in a pool of a
//! chosen size; and OpenBLAS's own thread count.

use chapter10::memory::factors;
use chapter10::parallel::{blas_threads, pool, set_blas_threads};
use ndarray::parallel::prelude::*;
use ndarray::{Array1, Array2, Axis, Zip, par_azip};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("rayon");
    // ANCHOR: rayon
    let (a, b) = factors(1_000_000);
    let mut serial = Array1::zeros(a.len());
    Zip::from(&mut serial)
        .and(&a)
        .and(&b)
        .for_each(|o, &x, &y| *o = x * y);
    let mut parallel = Array1::zeros(a.len());
    // The same loop, its index range split among the pool's threads.
    par_azip!((o in &mut parallel, &x in &a, &y in &b) *o = x * y);
    println!("par_azip! == Zip: {}", parallel == serial);

    let x = Array2::from_shape_fn((500, 64), |(i, j)| ((i * j) % 17) as f64);
    // One task per row: each returns its own value, collected in order.
    let norms: Vec<f64> = x
        .axis_iter(Axis(0))
        .into_par_iter()
        .map(|row| row.dot(&row).sqrt())
        .collect();
    let serial_norms = x.map_axis(Axis(1), |row| row.dot(&row).sqrt());
    println!("row norms equal: {}", Array1::from(norms) == serial_norms);

    let mut y = x.clone();
    y.par_mapv_inplace(f64::sqrt); // element-wise, in place
    println!("par_mapv_inplace == mapv: {}", y == x.mapv(f64::sqrt));
    // ANCHOR_END: rayon
    support::output_part("pools");
    // ANCHOR: pools
    // A pool of exactly two threads for this work, whatever
    // RAYON_NUM_THREADS says; `install` runs the closure inside it.
    let two = pool(2)?;
    let inside = two.install(rayon::current_num_threads);
    println!("threads inside the pool: {inside}");
    // OpenBLAS keeps its own pool: one setting for the whole process.
    set_blas_threads(1);
    println!("OpenBLAS threads: {}", blas_threads());
    // ANCHOR_END: pools
    Ok(())
}
