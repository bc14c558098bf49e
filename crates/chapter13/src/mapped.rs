//! Arrays over memory-mapped files: a raw little-endian `f64` file viewed as
//! an `ArrayView2` through bytemuck, and an `.npy` file viewed through
//! ndarray-npy's `ViewNpyExt`. Both borrow the mapped bytes: nothing is read
//! into the heap, and every check (length, alignment, byte order, element
//! type, number of axes) becomes a variant of [`MapError`].

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use memmap2::Mmap;
use ndarray::{ArrayView1, ArrayView2, ArrayViewD};
use ndarray_npy::{ViewNpyError, ViewNpyExt};

/// What can go wrong when an array is viewed over mapped bytes.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("cannot open or map the file: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "the file holds {found} bytes, a {rows} x {cols} f64 array needs \
         {expected}"
    )]
    WrongLength {
        rows: usize,
        cols: usize,
        expected: usize,
        found: usize,
    },
    #[error("the bytes start at an address that is not 8-byte aligned")]
    Misaligned,
    #[error("the file is little-endian, this machine is big-endian")]
    BigEndianHost,
    #[error("shape {rows} x {cols} overflows the address space")]
    Overflow { rows: usize, cols: usize },
    #[error("not a valid .npy of the requested type: {0}")]
    Npy(#[from] ViewNpyError),
    #[error("a chunk must hold at least one row")]
    EmptyChunk,
    #[error("the file holds no rows: its statistics are undefined")]
    NoRows,
    #[error("column {column} is constant: it cannot be standardised")]
    ConstantColumn { column: usize },
}

/// Maps `path` read-only.
pub fn map_file(path: &Path) -> Result<Mmap, MapError> {
    let file = File::open(path)?;
    // SAFETY: the mapping is read-only and this program never writes the
    // file while it is mapped. Another process truncating or rewriting it
    // would change memory behind our `&[u8]`: that is the contract every
    // memory-mapped read accepts (see the chapter's pitfalls).
    let map = unsafe { Mmap::map(&file)? };
    Ok(map)
}

// ANCHOR: view_raw
/// Views `bytes`, a raw little-endian `f64` file in C order (no header), as
/// a `rows x cols` array. Borrows the bytes; copies nothing.
pub fn view_raw_f64(
    bytes: &[u8],
    rows: usize,
    cols: usize,
) -> Result<ArrayView2<'_, f64>, MapError> {
    check_raw_length(rows, cols, bytes.len())?;
    // bytemuck checks the alignment (and the length is a multiple of 8).
    let values: &[f64] =
        bytemuck::try_cast_slice(bytes).map_err(|_| MapError::Misaligned)?;
    let view = ArrayView2::from_shape((rows, cols), values)
        .map_err(|_| MapError::Overflow { rows, cols })?;
    Ok(view)
}

/// Checks that `found` bytes are exactly a `rows x cols` table of
/// little-endian `f64`s (the chunked reader of `outofcore` checks its files
/// with it too).
pub(crate) fn check_raw_length(
    rows: usize,
    cols: usize,
    found: usize,
) -> Result<(), MapError> {
    // The file says nothing about byte order: its format is ours, and we
    // define it as little-endian.
    if cfg!(target_endian = "big") {
        return Err(MapError::BigEndianHost);
    }
    let expected = rows
        .checked_mul(cols)
        .and_then(|n| n.checked_mul(size_of::<f64>()))
        .ok_or(MapError::Overflow { rows, cols })?;
    if found != expected {
        return Err(MapError::WrongLength {
            rows,
            cols,
            expected,
            found,
        });
    }
    Ok(())
}
// ANCHOR_END: view_raw

// ANCHOR: view_npy
/// Views an `.npy` file's bytes as a 2-D `f64` array; ndarray-npy parses
/// the header and checks the dtype, byte order, length and alignment.
pub fn view_npy_f64(bytes: &[u8]) -> Result<ArrayView2<'_, f64>, MapError> {
    Ok(ArrayView2::<f64>::view_npy(bytes)?)
}
// ANCHOR_END: view_npy

/// Views an `.npy` file of any number of axes (to report its shape).
pub fn view_npy_dyn(bytes: &[u8]) -> Result<ArrayViewD<'_, f64>, MapError> {
    Ok(ArrayViewD::<f64>::view_npy(bytes)?)
}

/// Views an `.npy` file's bytes as a 1-D `f32` array.
pub fn view_npy_f32_1d(bytes: &[u8]) -> Result<ArrayView1<'_, f32>, MapError> {
    Ok(ArrayView1::<f32>::view_npy(bytes)?)
}

// ANCHOR: write_raw
/// Writes `x` as raw little-endian `f64` values in C (row-major) order, the
/// layout of NumPy's `x.astype('<f8').tofile(path)`.
pub fn write_raw_f64(
    path: &Path,
    x: ArrayView2<'_, f64>,
) -> Result<(), MapError> {
    let mut out = BufWriter::new(File::create(path)?);
    for v in x.iter() {
        // `iter` walks in logical (row-major) order whatever the strides.
        out.write_all(&v.to_le_bytes())?;
    }
    out.flush()?;
    Ok(())
}
// ANCHOR_END: write_raw
