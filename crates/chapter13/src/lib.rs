//! Chapter 13: advanced topics.
//!
//! - [`mapped`]: arrays viewed over memory-mapped files, raw (`bytemuck`)
//!   and `.npy` (ndarray-npy), with typed errors for every bad file.
//! - [`outofcore`]: column statistics and a standardisation streamed over a
//!   file one chunk at a time, and the process's resident memory.
//! - [`records`]: a NumPy structured dtype as a `#[repr(C)]` `Pod` struct,
//!   record files, and array-of-structs against struct-of-arrays.
//! - [`sparse`]: CSR matrices with sprs on MNIST's pixels.
//! - [`masked`]: masked statistics, NumPy's `np.ma`.
//! - [`ffi`]: calling C from Rust and Rust from C.
//! - [`gpu`]: arrays on a GPU with CUDA (the CuPy role), behind the `cuda` feature.
//! - [`exercises`]: the solutions to the chapter's exercises.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod ffi;
pub mod gpu;
pub mod mapped;
pub mod masked;
pub mod outofcore;
pub mod records;
pub mod sparse;
