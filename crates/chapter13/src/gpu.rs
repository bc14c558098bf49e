//! GPU arrays, the CuPy role: copies between host and device, an element-wise
//! kernel compiled at run time with NVRTC (CuPy's `ElementwiseKernel`), a
//! reduction, and cuBLAS's SGEMM, each next to the CPU computation that checks
//! it.
//!
//! The CPU half is always compiled and tested. The GPU half needs the `cuda`
//! feature, which pulls in cudarc with dynamic loading: it compiles without
//! CUDA installed, and at run time [`Gpu::open`] returns `Ok(None)` where
//! CUDA's libraries cannot be loaded or there is no device, so a program can
//! say so and carry on.

use ndarray::{Array2, ArrayView1, ArrayView2};

// ANCHOR: cpu
/// `a * x + y`, element by element: the CPU twin of the `saxpy` kernel.
pub fn saxpy_cpu(
    a: f32,
    x: ArrayView1<'_, f32>,
    y: ArrayView1<'_, f32>,
) -> Vec<f32> {
    x.iter().zip(y).map(|(&x, &y)| a * x + y).collect()
}

/// The sum of `x`, accumulated in `f64`: the reference a reduction in
/// `f32` is compared with.
pub fn sum_cpu(x: ArrayView1<'_, f32>) -> f64 {
    x.iter().map(|&v| f64::from(v)).sum()
}

/// `a · b` in `f32` on the CPU: the reference for cuBLAS's SGEMM.
pub fn sgemm_cpu(
    a: ArrayView2<'_, f32>,
    b: ArrayView2<'_, f32>,
) -> Array2<f32> {
    a.dot(&b)
}
// ANCHOR_END: cpu

/// The largest relative difference between two equally long slices, relative to the
/// largest
/// magnitude in `expected` (a GPU result is checked against the CPU's with this).
pub fn max_relative_difference(got: &[f32], expected: &[f32]) -> f32 {
    let scale = expected
        .iter()
        .fold(0.0_f32, |m, v| m.max(v.abs()))
        .max(f32::MIN_POSITIVE);
    got.iter()
        .zip(expected)
        .fold(0.0_f32, |m, (g, e)| m.max((g - e).abs()))
        / scale
}

#[cfg(feature = "cuda")]
pub use device::{Gpu, GpuError};

#[cfg(feature = "cuda")]
mod device {
    use std::sync::Arc;

    use cudarc::cublas::sys::cublasOperation_t;
    use cudarc::cublas::{CudaBlas, Gemm, GemmConfig};
    use cudarc::driver::sys::CUresult;
    use cudarc::driver::{
        CudaContext, CudaFunction, CudaSlice, CudaStream, DriverError,
        LaunchConfig, PushKernelArg,
    };
    use cudarc::nvrtc::{CompileError, compile_ptx};
    use ndarray::{Array2, ArrayView2};

    /// What can fail on the GPU side, each with the library's own message.
    #[derive(Debug, thiserror::Error)]
    pub enum GpuError {
        #[error("CUDA driver: {0}")]
        Driver(#[from] DriverError),
        #[error("NVRTC could not compile the kernels: {0}")]
        Compile(#[from] CompileError),
        #[error("cuBLAS: {0:?}")]
        Blas(cudarc::cublas::result::CublasError),
        #[error(
            "{what}: {got} does not fit the 32-bit sizes CUDA kernels take"
        )]
        TooLarge { what: &'static str, got: usize },
        #[error("sgemm: a is {a_rows}x{a_cols} but b is {b_rows}x{b_cols}")]
        Shapes {
            a_rows: usize,
            a_cols: usize,
            b_rows: usize,
            b_cols: usize,
        },
    }

    // ANCHOR: kernels
    /// CUDA C, compiled to PTX by NVRTC when the program runs.
    const KERNELS: &str = r#"
    extern "C" __global__ void saxpy(float a, const float *x, float *y, int n) {
        int i = blockIdx.x * blockDim.x + threadIdx.x;
        if (i < n) y[i] = a * x[i] + y[i];
    }

    // Each block adds a grid-strided share of x in a shared-memory tree and
    // writes one partial sum; the host adds the partial sums.
    extern "C" __global__ void block_sums(const float *x, float *partial, int n) {
        __shared__ float cache[256];
        float acc = 0.0f;
        for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
             i += gridDim.x * blockDim.x) {
            acc += x[i];
        }
        cache[threadIdx.x] = acc;
        __syncthreads();
        for (int half = blockDim.x / 2; half > 0; half /= 2) {
            if (threadIdx.x < half) cache[threadIdx.x] += cache[threadIdx.x + half];
            __syncthreads();
        }
        if (threadIdx.x == 0) partial[blockIdx.x] = cache[0];
    }
    "#;
    // ANCHOR_END: kernels

    /// The threads per block of `block_sums` (its shared array's length).
    const BLOCK: u32 = 256;
    /// The blocks of `block_sums`: enough to fill a large GPU several times over.
    const REDUCTION_BLOCKS: u32 = 1024;

    /// One GPU: its context, a stream, the compiled kernels and a cuBLAS handle.
    pub struct Gpu {
        context: Arc<CudaContext>,
        stream: Arc<CudaStream>,
        saxpy: CudaFunction,
        block_sums: CudaFunction,
        blas: CudaBlas,
    }

    impl std::fmt::Debug for Gpu {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Gpu")
                .field("name", &self.name().ok())
                .finish()
        }
    }

    fn int(what: &'static str, got: usize) -> Result<i32, GpuError> {
        i32::try_from(got).map_err(|_| GpuError::TooLarge { what, got })
    }

    impl Gpu {
        // ANCHOR: open
        /// The first GPU, with the kernels compiled; `Ok(None)` where the
        /// driver, NVRTC or cuBLAS library cannot be loaded, or the driver
        /// finds no device.
        pub fn open() -> Result<Option<Gpu>, GpuError> {
            // SAFETY: each call only tries to load a library (libcuda,
            // libnvrtc, libcublas) by name; cudarc panics on the first call
            // into a library it cannot load. The driver can be installed
            // without the toolkit's NVRTC and cuBLAS, so all three are checked.
            let loadable = unsafe {
                cudarc::driver::sys::is_culib_present()
                    && cudarc::nvrtc::sys::is_culib_present()
                    && cudarc::cublas::sys::is_culib_present()
            };
            if !loadable {
                return Ok(None);
            }
            let context = match CudaContext::new(0) {
                Err(DriverError(CUresult::CUDA_ERROR_NO_DEVICE)) => {
                    return Ok(None);
                }
                opened => opened?,
            };
            let stream = context.default_stream();
            let module = context.load_module(compile_ptx(KERNELS)?)?;
            let saxpy = module.load_function("saxpy")?;
            let block_sums = module.load_function("block_sums")?;
            let blas = CudaBlas::new(stream.clone()).map_err(GpuError::Blas)?;
            Ok(Some(Gpu {
                context,
                stream,
                saxpy,
                block_sums,
                blas,
            }))
        }
        // ANCHOR_END: open

        /// The device's name, as the driver reports it.
        pub fn name(&self) -> Result<String, GpuError> {
            Ok(self.context.name()?)
        }

        /// Copies `host` to a new device buffer.
        pub fn upload(&self, host: &[f32]) -> Result<CudaSlice<f32>, GpuError> {
            Ok(self.stream.clone_htod(host)?)
        }

        /// Copies a device buffer back to a new `Vec`.
        pub fn download(
            &self,
            device: &CudaSlice<f32>,
        ) -> Result<Vec<f32>, GpuError> {
            Ok(self.stream.clone_dtoh(device)?)
        }

        /// Waits until every operation queued on the stream has finished.
        pub fn synchronize(&self) -> Result<(), GpuError> {
            Ok(self.stream.synchronize()?)
        }

        // ANCHOR: saxpy
        /// `y = a * x + y` on the device, one thread per element.
        pub fn saxpy(
            &self,
            a: f32,
            x: &CudaSlice<f32>,
            y: &mut CudaSlice<f32>,
        ) -> Result<(), GpuError> {
            let n = int("saxpy length", x.len().min(y.len()))?;
            let config = LaunchConfig::for_num_elems(n as u32);
            let mut launch = self.stream.launch_builder(&self.saxpy);
            launch.arg(&a).arg(x).arg(y).arg(&n);
            // SAFETY: the arguments match the kernel's (float, const float*,
            // float*, int) in order, and both buffers hold at least n floats.
            unsafe { launch.launch(config) }?;
            Ok(())
        }
        // ANCHOR_END: saxpy

        // ANCHOR: sum
        /// The sum of `x`: one partial sum per block on the device, added on
        /// the host in `f64`.
        pub fn sum(&self, x: &CudaSlice<f32>) -> Result<f64, GpuError> {
            let n = int("sum length", x.len())?;
            let mut partial =
                self.stream.alloc_zeros::<f32>(REDUCTION_BLOCKS as usize)?;
            let config = LaunchConfig {
                grid_dim: (REDUCTION_BLOCKS, 1, 1),
                block_dim: (BLOCK, 1, 1),
                shared_mem_bytes: 0,
            };
            let mut launch = self.stream.launch_builder(&self.block_sums);
            launch.arg(x).arg(&mut partial).arg(&n);
            // SAFETY: the arguments match (const float*, float*, int); x holds
            // n floats, partial one per block, and the block size is the
            // kernel's shared array length.
            unsafe { launch.launch(config) }?;
            let partial = self.stream.clone_dtoh(&partial)?;
            Ok(partial.iter().map(|&v| f64::from(v)).sum())
        }
        // ANCHOR_END: sum

        // ANCHOR: sgemm
        /// `a · b` with cuBLAS's SGEMM, for row-major `a` (m x k) and `b`
        /// (k x n). cuBLAS reads column-major matrices, and a row-major matrix
        /// is its transpose in column-major order, so it computes
        /// `cᵀ = bᵀ aᵀ`, which leaves `c` row-major.
        pub fn sgemm(
            &self,
            a: ArrayView2<'_, f32>,
            b: ArrayView2<'_, f32>,
        ) -> Result<Array2<f32>, GpuError> {
            let ((m, k), (k2, n)) = (a.dim(), b.dim());
            if k != k2 {
                return Err(GpuError::Shapes {
                    a_rows: m,
                    a_cols: k,
                    b_rows: k2,
                    b_cols: n,
                });
            }
            let (m32, k32, n32) =
                (int("rows", m)?, int("inner size", k)?, int("columns", n)?);
            // Standard layout first (a copy only if the view is not).
            let a_dev = self.upload(
                a.as_standard_layout().as_slice().unwrap_or_default(),
            )?;
            let b_dev = self.upload(
                b.as_standard_layout().as_slice().unwrap_or_default(),
            )?;
            let mut c_dev = self.stream.alloc_zeros::<f32>(m * n)?;
            let config = GemmConfig {
                transa: cublasOperation_t::CUBLAS_OP_N,
                transb: cublasOperation_t::CUBLAS_OP_N,
                m: n32,
                n: m32,
                k: k32,
                alpha: 1.0,
                lda: n32,
                ldb: k32,
                beta: 0.0,
                ldc: n32,
            };
            // SAFETY: the sizes and leading dimensions describe the three
            // buffers exactly: b as n x k (ld n), a as k x m (ld k), c as n x m.
            unsafe { self.blas.gemm(config, &b_dev, &a_dev, &mut c_dev) }
                .map_err(GpuError::Blas)?;
            let c = self.stream.clone_dtoh(&c_dev)?;
            Array2::from_shape_vec((m, n), c).map_err(|_| GpuError::Shapes {
                a_rows: m,
                a_cols: k,
                b_rows: k2,
                b_cols: n,
            })
        }
        // ANCHOR_END: sgemm
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array1, array};

    #[test]
    fn cpu_references_compute_what_they_say() {
        let x = array![1.0_f32, 2.0, 3.0];
        let y = array![10.0_f32, 20.0, 30.0];
        assert_eq!(saxpy_cpu(2.0, x.view(), y.view()), vec![12.0, 24.0, 36.0]);
        // 0.1 is not exact in f32: the f64 accumulation keeps its f32 value's digits.
        let tenths = Array1::from_elem(10, 0.1_f32);
        assert!(
            (sum_cpu(tenths.view()) - 10.0 * f64::from(0.1_f32)).abs() < 1e-12
        );
        let a = array![[1.0_f32, 2.0], [3.0, 4.0], [5.0, 6.0]];
        let b = array![[1.0_f32, 0.0, 2.0], [0.0, 1.0, 3.0]];
        assert_eq!(
            sgemm_cpu(a.view(), b.view()),
            array![[1.0, 2.0, 8.0], [3.0, 4.0, 18.0], [5.0, 6.0, 28.0]]
        );
        assert_eq!(max_relative_difference(&[1.0, 2.0], &[1.0, 4.0]), 0.5);
    }

    #[cfg(feature = "cuda")]
    #[test]
    fn gpu_results_equal_the_cpu_references_where_a_gpu_is_present()
    -> Result<(), GpuError> {
        let Some(gpu) = Gpu::open()? else {
            eprintln!(
                "no usable CUDA GPU on this machine: the GPU half is skipped"
            );
            return Ok(());
        };
        let n = 1_000_003;
        let x: Vec<f32> = (0..n).map(|i| (i % 97) as f32 * 0.25).collect();
        let y: Vec<f32> = (0..n).map(|i| (i % 13) as f32).collect();
        let (x_dev, mut y_dev) = (gpu.upload(&x)?, gpu.upload(&y)?);
        gpu.saxpy(3.0, &x_dev, &mut y_dev)?;
        let expected =
            saxpy_cpu(3.0, ArrayView1::from(&x), ArrayView1::from(&y));
        assert_eq!(gpu.download(&y_dev)?, expected); // one fma or mul+add: exact here
        let sum = gpu.sum(&x_dev)?;
        assert!((sum - sum_cpu(ArrayView1::from(&x))).abs() < 1e-6 * sum);
        let a = Array2::from_shape_fn((37, 53), |(i, j)| {
            ((i * 7 + j * 3) % 11) as f32 - 5.0
        });
        let b = Array2::from_shape_fn((53, 29), |(i, j)| {
            ((i * 5 + j) % 7) as f32 - 3.0
        });
        let c = gpu.sgemm(a.view(), b.view())?;
        assert_eq!(c, sgemm_cpu(a.view(), b.view())); // small integers: exact in f32
        Ok(())
    }
}
