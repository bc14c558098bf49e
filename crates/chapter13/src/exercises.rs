//! Solutions to the exercises of chapter 13 (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them.

use std::num::NonZeroUsize;
use std::ops::Range;

use crate::ffi::erfc;
use crate::masked::Masked;
use crate::records::RecordError;
use crate::sparse::Csr;

/// One column's count, mean and sum of squared deviations from the mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    pub n: usize,
    pub mean: f64,
    pub m2: f64,
}

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The row ranges of the chunks that cover `n_rows` rows, `chunk` at a
/// time, in order; the last chunk may be shorter.
pub fn row_chunks(n_rows: usize, chunk: NonZeroUsize) -> Vec<Range<usize>> {
    // ANCHOR_END: ex1_signature
    let step = chunk.get();
    (0..n_rows)
        .step_by(step)
        .map(|start| start..(start + step).min(n_rows))
        .collect()
}
// ANCHOR_END: ex1_solution

// ANCHOR: ex2_solution
// ANCHOR: ex2_signature
/// The moments of two chunks' values together, from each chunk's moments
/// alone (Chan, Golub and LeVeque's merge).
pub fn merge_moments(a: Moments, b: Moments) -> Moments {
    // ANCHOR_END: ex2_signature
    let n = a.n + b.n;
    if n == 0 {
        return a;
    }
    let (na, nb, total) = (a.n as f64, b.n as f64, n as f64);
    let delta = b.mean - a.mean;
    Moments {
        n,
        mean: a.mean + delta * nb / total,
        m2: a.m2 + b.m2 + delta * delta * na * nb / total,
    }
}
// ANCHOR_END: ex2_solution

// ANCHOR: ex3_solution
// ANCHOR: ex3_signature
/// Decodes the bytes NumPy writes for the packed structured dtype
/// `np.dtype([("id", "<u4"), ("value", "<f8")])` (no padding, 12 bytes a
/// record) into `(id, value)` pairs.
pub fn decode_packed(bytes: &[u8]) -> Result<Vec<(u32, f64)>, RecordError> {
    // ANCHOR_END: ex3_signature
    const SIZE: usize = 12;
    if !bytes.len().is_multiple_of(SIZE) {
        return Err(RecordError::PartialRecord { len: bytes.len(), size: SIZE });
    }
    let records = bytes.chunks_exact(SIZE).map(|r| {
        let (id, value) = r.split_at(4);
        let id = u32::from_le_bytes([id[0], id[1], id[2], id[3]]);
        let mut v = [0u8; 8];
        v.copy_from_slice(value);
        (id, f64::from_le_bytes(v))
    });
    Ok(records.collect())
}
// ANCHOR_END: ex3_solution

// ANCHOR: ex4_solution
// ANCHOR: ex4_signature
/// Divides every row of `m` by the sum of its entries, so that each row
/// sums to 1 (a graph's transition matrix); a row whose entries sum to zero
/// is left as it is.
pub fn row_normalise(m: &Csr) -> Csr {
    // ANCHOR_END: ex4_signature
    let mut out = m.clone();
    let indptr = out.indptr().raw_storage().to_vec();
    let data = out.data_mut();
    for w in indptr.windows(2) {
        let row = &mut data[w[0] as usize..w[1] as usize];
        let sum: f64 = row.iter().sum();
        if sum != 0.0 {
            row.iter_mut().for_each(|v| *v /= sum);
        }
    }
    out
}
// ANCHOR_END: ex4_solution

// ANCHOR: ex5_solution
// ANCHOR: ex5_signature
/// The median of the unmasked values, as `np.ma.median` computes it (the
/// mean of the two middle values for an even count); `None` if all are
/// masked.
pub fn masked_median(x: &Masked) -> Option<f64> {
    // ANCHOR_END: ex5_signature
    let mut values = x.compressed();
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some(0.5 * (values[n / 2 - 1] + values[n / 2])),
    }
}
// ANCHOR_END: ex5_solution

// ANCHOR: ex6_solution
// ANCHOR: ex6_signature
/// The `k` columns of `x` with the most stored entries (for MNIST, the
/// pixels inked in the most images), most first; ties go to the lower
/// column index.
pub fn most_filled_columns(x: &Csr, k: usize) -> Vec<usize> {
    // ANCHOR_END: ex6_signature
    let mut counts = vec![0usize; x.cols()];
    for &j in x.indices() {
        counts[j as usize] += 1;
    }
    let mut order: Vec<usize> = (0..x.cols()).collect();
    // A stable sort keeps equal counts in increasing column order.
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]));
    order.truncate(k);
    order
}
// ANCHOR_END: ex6_solution

// ANCHOR: ex7_solution
// ANCHOR: ex7_signature
/// The two-sided p-value of a standard normal score, `P(|Z| >= |z|)`
/// (SciPy's `2 * ndtr(-abs(z))`), accurate far into the tails.
pub fn two_sided_p_value(z: f64) -> f64 {
    // ANCHOR_END: ex7_signature
    erfc(z.abs() / std::f64::consts::SQRT_2)
}
// ANCHOR_END: ex7_solution
