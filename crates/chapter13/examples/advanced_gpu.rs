//! Arrays on a GPU (the CuPy role): copies to and from the device, a kernel
//! compiled at run time, a reduction and cuBLAS's SGEMM, each timed and
//! checked against the CPU. Needs the `cuda` feature, a GPU and CUDA's driver,
//! NVRTC and cuBLAS libraries; without them it says so and exits successfully.
//!
//! `cargo run --release -p chapter13 --features cuda --example advanced_gpu`

#[cfg(not(feature = "cuda"))]
fn main() {
    println!("built without the `cuda` feature: to run it on a GPU,");
    println!(
        "cargo run --release -p chapter13 --features cuda --example advanced_gpu"
    );
}

#[cfg(feature = "cuda")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    use std::time::Instant;

    use chapter13::gpu::{
        Gpu, max_relative_difference, saxpy_cpu, sgemm_cpu, sum_cpu,
    };
    use ndarray::{Array2, ArrayView1};

    // ANCHOR: run
    let Some(gpu) = Gpu::open()? else {
        println!("no CUDA GPU, driver, NVRTC or cuBLAS here: nothing to run");
        return Ok(());
    };
    println!("GPU: {}", gpu.name()?);

    // Host -> device and back: 64 Mi floats (256 MiB) each way.
    let n = 64 << 20;
    let x: Vec<f32> = (0..n).map(|i| (i % 1000) as f32 * 1e-3).collect();
    let y: Vec<f32> = (0..n).map(|i| (i % 7) as f32).collect();
    let start = Instant::now();
    let x_dev = gpu.upload(&x)?;
    gpu.synchronize()?;
    let upload = start.elapsed().as_secs_f64();
    let mut y_dev = gpu.upload(&y)?;
    let start = Instant::now();
    let back = gpu.download(&x_dev)?;
    let download = start.elapsed().as_secs_f64();
    assert_eq!(back, x);
    let gb = (n * 4) as f64 / 1e9;
    println!(
        "upload   {:6.1} GB/s, download {:6.1} GB/s",
        gb / upload,
        gb / download
    );

    // saxpy reads x and y and writes y: 12 bytes per element.
    gpu.saxpy(2.0, &x_dev, &mut y_dev)?; // warm-up
    gpu.synchronize()?;
    let start = Instant::now();
    gpu.saxpy(2.0, &x_dev, &mut y_dev)?;
    gpu.synchronize()?;
    let seconds = start.elapsed().as_secs_f64();
    println!("saxpy    {:6.1} GB/s", 3.0 * gb / seconds);
    let expected = saxpy_cpu(2.0, ArrayView1::from(&x), ArrayView1::from(&y));
    let expected =
        saxpy_cpu(2.0, ArrayView1::from(&x), ArrayView1::from(&expected));
    let error = max_relative_difference(&gpu.download(&y_dev)?, &expected);
    println!("         max relative difference from the CPU: {error:.1e}");

    let sum = gpu.sum(&x_dev)?;
    let reference = sum_cpu(ArrayView1::from(&x));
    println!("sum      {sum:.6e} (CPU in f64: {reference:.6e})");

    // SGEMM at 4096 x 4096 x 4096: 2 n^3 floating-point operations.
    let size = 4096;
    let a = Array2::from_shape_fn((size, size), |(i, j)| {
        ((i + 2 * j) % 17) as f32 - 8.0
    });
    let b = Array2::from_shape_fn((size, size), |(i, j)| {
        ((3 * i + j) % 13) as f32 - 6.0
    });
    gpu.sgemm(a.view(), b.view())?; // warm-up: cuBLAS picks its kernel
    let start = Instant::now();
    let c = gpu.sgemm(a.view(), b.view())?;
    let seconds = start.elapsed().as_secs_f64();
    let flops = 2.0 * (size as f64).powi(3);
    println!(
        "sgemm    {:6.1} TFLOP/s including both uploads and the download",
        flops / seconds / 1e12
    );
    let cpu = sgemm_cpu(a.view(), b.view());
    let error = max_relative_difference(
        c.as_slice().unwrap_or_default(),
        cpu.as_slice().unwrap_or_default(),
    );
    println!("         max relative difference from the CPU: {error:.1e}");
    // ANCHOR_END: run
    Ok(())
}
