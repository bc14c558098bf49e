//! Memory-efficient broadcasting, measured with a peak-tracking allocator:
//! a broadcast view allocates nothing, the chunked pairwise distances need a
//! fraction of the naive broadcast's peak, and in-place updates allocate
//! nothing.

use chapter06::distance::{pairwise_chunked, pairwise_gemm, pairwise_naive};
use ndarray::{Array1, Array2, Axis};
use support::alloc::{CountingAllocator, measure_peak};

// ANCHOR: install
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;
// ANCHOR_END: install

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1u64 << 20) as f64
}

fn main() -> Result<(), support::Report> {
    support::output_part("views");
    // ANCHOR: views
    let mean = Array1::from_vec(vec![0.0, 1.0, 2.0]); // 24 bytes
    let (wide, peak) = measure_peak(|| mean.broadcast((1_000_000, 3)));
    let wide = wide.ok_or("does not broadcast")?;
    println!(
        "{:?} strides {:?}: {peak} bytes",
        wide.shape(),
        wide.strides()
    );
    println!("same memory: {}", wide.as_ptr() == mean.as_ptr());
    // ANCHOR_END: views

    support::output_part("peak");
    // ANCHOR: peak
    let (n, d) = (2000, 64); // the benchmark's size
    let x = Array2::from_shape_fn((n, d), |(i, k)| {
        ((7 * i + 3 * k) % 101) as f64 / 101.0
    });
    let y = Array2::from_shape_fn((n, d), |(j, k)| {
        ((5 * j + 11 * k) % 97) as f64 / 97.0
    });
    let output = n * n * 8;
    println!(
        "inputs {:.1} MiB each, output {:.1} MiB",
        mib(n * d * 8),
        mib(output)
    );
    let (naive, naive_peak) =
        measure_peak(|| pairwise_naive(x.view(), y.view()));
    let (chunked, chunked_peak) =
        measure_peak(|| pairwise_chunked(x.view(), y.view(), 64));
    let (gemm, gemm_peak) = measure_peak(|| pairwise_gemm(x.view(), y.view()));
    let (naive, chunked, gemm) = (naive?, chunked?, gemm?);
    println!("naive broadcast  peak {:8.1} MiB", mib(naive_peak));
    println!("chunked, 64 rows peak {:8.1} MiB", mib(chunked_peak));
    println!("GEMM trick       peak {:8.1} MiB", mib(gemm_peak));
    println!(
        "GEMM beyond its output: {:.0} KiB (norms {:.0} KiB)",
        (gemm_peak - output) as f64 / 1024.0,
        (2 * n * 8) as f64 / 1024.0
    );
    println!(
        "naive / chunked: {:.1}x",
        naive_peak as f64 / chunked_peak as f64
    );
    println!("same distances: {}", naive == chunked);
    let gap = (&gemm - &naive)
        .mapv(f64::abs)
        .fold(0.0, |m: f64, &v| m.max(v));
    println!("GEMM trick vs naive: max abs difference {gap:.1e}");
    // ANCHOR_END: peak

    support::output_part("in_place");
    // ANCHOR: in_place
    let wine = support::load_wine()?.features; // (178, 13)
    let centre = wine.mean_axis(Axis(0)).ok_or("no rows")?;
    let (centred, peak) = measure_peak(|| &wine - &centre);
    println!("&wine - &centre: new array, peak {peak} bytes");
    let mut wine = wine;
    let ((), peak) = measure_peak(|| wine -= &centre);
    println!("wine -= &centre: in place, peak {peak} bytes");
    println!("same values: {}", wine == centred);
    // ANCHOR_END: in_place
    Ok(())
}
