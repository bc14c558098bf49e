//! Out-of-core statistics over a raw little-endian `f64` file (the layout of
//! [`crate::mapped::write_raw_f64`]): column means and standard deviations
//! one chunk of rows at a time, and a streaming standardisation that writes
//! its output chunk by chunk, so that neither needs more memory than one
//! chunk however large the file. [`Residency`] reads the process's resident
//! memory from `/proc/self/status` to show it.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::mapped::MapError;

// ANCHOR: moments
/// Per-column count, mean and sum of squared deviations (`m2`), merged one
/// chunk at a time with Chan et al.'s formula, so that no chunk needs the
/// others' values.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMoments {
    pub n: usize,
    pub mean: Array1<f64>,
    pub m2: Array1<f64>,
}

impl ColumnMoments {
    pub fn new(cols: usize) -> Self {
        let zeros = Array1::zeros(cols);
        Self {
            n: 0,
            mean: zeros.clone(),
            m2: zeros,
        }
    }

    /// Adds a chunk of rows: its own two-pass mean and `m2`, then the merge.
    pub fn update(&mut self, chunk: ArrayView2<'_, f64>) {
        let k = chunk.nrows();
        let Some(chunk_mean) = chunk.mean_axis(Axis(0)) else {
            return; // an empty chunk changes nothing
        };
        let centred = &chunk - &chunk_mean;
        let chunk_m2 = (&centred * &centred).sum_axis(Axis(0));
        let (n, k_f) = (self.n as f64, k as f64);
        let total = n + k_f;
        let delta = &chunk_mean - &self.mean;
        self.mean += &(&delta * (k_f / total));
        self.m2 += &(chunk_m2 + &delta * &delta * (n * k_f / total));
        self.n += k;
    }

    /// The standard deviations with NumPy's `ddof` (0 for `np.std`).
    pub fn std(&self, ddof: usize) -> Result<Array1<f64>, MapError> {
        if self.n <= ddof {
            return Err(MapError::NoRows);
        }
        Ok(self.m2.mapv(|m2| (m2 / (self.n - ddof) as f64).sqrt()))
    }
}
// ANCHOR_END: moments

/// Checks that `path` holds exactly `rows x cols` little-endian `f64`s, as
/// [`crate::mapped::view_raw_f64`] does for mapped bytes, with the same check.
fn check_length(path: &Path, rows: usize, cols: usize) -> Result<(), MapError> {
    let found = usize::try_from(fs::metadata(path)?.len())
        .map_err(|_| MapError::Overflow { rows, cols })?;
    crate::mapped::check_raw_length(rows, cols, found)
}

// ANCHOR: for_each_chunk
/// Calls `f` on each block of at most `chunk_rows` rows of the raw file, in
/// order, reading each into one reused buffer: the memory used is one
/// chunk's, whatever the file's size.
pub fn for_each_chunk(
    path: &Path,
    (rows, cols): (usize, usize),
    chunk_rows: usize,
    mut f: impl FnMut(ArrayView2<'_, f64>) -> Result<(), MapError>,
) -> Result<(), MapError> {
    if chunk_rows == 0 {
        return Err(MapError::EmptyChunk);
    }
    check_length(path, rows, cols)?;
    let mut file = File::open(path)?;
    let mut buffer = vec![0.0_f64; chunk_rows.min(rows) * cols];
    let mut start = 0;
    while start < rows {
        let k = chunk_rows.min(rows - start);
        let values = &mut buffer[..k * cols];
        // Read the bytes straight into the f64 buffer (an f64 slice is
        // always suitably aligned for u8): no second copy.
        file.read_exact(bytemuck::cast_slice_mut(values))?;
        let view = ArrayView2::from_shape((k, cols), &*values)
            .map_err(|_| MapError::Overflow { rows, cols })?;
        f(view)?;
        start += k;
    }
    Ok(())
}
// ANCHOR_END: for_each_chunk

// ANCHOR: column_moments
/// Column means and `m2` of the raw file, one chunk at a time.
pub fn column_moments_chunked(
    path: &Path,
    shape: (usize, usize),
    chunk_rows: usize,
) -> Result<ColumnMoments, MapError> {
    let mut moments = ColumnMoments::new(shape.1);
    for_each_chunk(path, shape, chunk_rows, |chunk| {
        moments.update(chunk);
        Ok(())
    })?;
    if moments.n == 0 {
        return Err(MapError::NoRows);
    }
    Ok(moments)
}
// ANCHOR_END: column_moments

/// The same moments from an array already in memory or mapped, by the same
/// chunked merge (so the two agree to the last bit).
pub fn column_moments_view(
    x: ArrayView2<'_, f64>,
    chunk_rows: usize,
) -> Result<ColumnMoments, MapError> {
    if chunk_rows == 0 {
        return Err(MapError::EmptyChunk);
    }
    let mut moments = ColumnMoments::new(x.ncols());
    for chunk in x.axis_chunks_iter(Axis(0), chunk_rows) {
        moments.update(chunk);
    }
    if moments.n == 0 {
        return Err(MapError::NoRows);
    }
    Ok(moments)
}

/// Means and population standard deviations (`ddof = 0`), with an error
/// for a constant column rather than a division by zero.
fn mean_and_std(
    moments: &ColumnMoments,
) -> Result<(Array1<f64>, Array1<f64>), MapError> {
    let std = moments.std(0)?;
    if let Some(column) = std.iter().position(|&s| s == 0.0) {
        return Err(MapError::ConstantColumn { column });
    }
    Ok((moments.mean.clone(), std))
}

// ANCHOR: standardise_chunked
/// Standardises the raw file `input` column by column into the raw file
/// `output`, `(x - mean) / std` with `ddof = 0` (scikit-learn's
/// `StandardScaler`), in two streaming passes: the moments, then the
/// rewrite. Returns the moments used.
pub fn standardise_chunked(
    input: &Path,
    output: &Path,
    shape: (usize, usize),
    chunk_rows: usize,
) -> Result<ColumnMoments, MapError> {
    let moments = column_moments_chunked(input, shape, chunk_rows)?;
    let (mean, std) = mean_and_std(&moments)?;
    let mut out = BufWriter::new(File::create(output)?);
    for_each_chunk(input, shape, chunk_rows, |chunk| {
        let z = (&chunk - &mean) / &std;
        for v in z.iter() {
            out.write_all(&v.to_le_bytes())?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(moments)
}
// ANCHOR_END: standardise_chunked

// ANCHOR: in_memory
/// The in-memory version: read the whole file into one array, then
/// standardise it there.
pub fn standardise_in_memory(
    input: &Path,
    shape: (usize, usize),
) -> Result<Array2<f64>, MapError> {
    let x = read_raw_f64(input, shape)?;
    let moments = column_moments_view(x.view(), shape.0.max(1))?;
    let (mean, std) = mean_and_std(&moments)?;
    Ok((x - &mean) / &std)
}
// ANCHOR_END: in_memory

/// Reads the whole raw file into an `Array2` (one allocation of its size).
pub fn read_raw_f64(
    path: &Path,
    (rows, cols): (usize, usize),
) -> Result<Array2<f64>, MapError> {
    check_length(path, rows, cols)?;
    let mut values = vec![0.0_f64; rows * cols];
    File::open(path)?.read_exact(bytemuck::cast_slice_mut(&mut values))?;
    Array2::from_shape_vec((rows, cols), values)
        .map_err(|_| MapError::Overflow { rows, cols })
}

// ANCHOR: residency
/// The process's memory as Linux reports it in `/proc/self/status`, in KiB:
/// resident now (`VmRSS`), its peak (`VmHWM`), and the resident part that is
/// anonymous (heap, stacks) or file-backed (mapped files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Residency {
    pub rss_kib: u64,
    pub peak_kib: u64,
    pub anon_kib: u64,
    pub file_kib: u64,
}

impl Residency {
    /// Reads `/proc/self/status`; `None` off Linux.
    pub fn now() -> Option<Self> {
        let status = fs::read_to_string("/proc/self/status").ok()?;
        let field = |name: &str| -> Option<u64> {
            let line = status.lines().find(|l| l.starts_with(name))?;
            line[name.len()..]
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()
        };
        Some(Self {
            rss_kib: field("VmRSS:")?,
            peak_kib: field("VmHWM:")?,
            anon_kib: field("RssAnon:")?,
            file_kib: field("RssFile:")?,
        })
    }
}
// ANCHOR_END: residency
