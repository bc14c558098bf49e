//! Percentiles by selection, not sorting: NumPy's default (`linear`)
//! percentiles with the standard library's `select_nth_unstable`, and with
//! a sampled bracket that reads the data once and selects among a few
//! percent of it.

use crate::StatsError;

// ANCHOR: lerp
/// NumPy's interpolation between neighbours `a <= b` at fraction `t`: from
/// the nearer end, so that `t = 1` gives exactly `b`.
pub fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

/// Where percentile `p` (0 to 100) of `n` sorted values lies: the index
/// below it and the fraction of the way to the next one, `(n - 1) p / 100`.
pub fn position(n: usize, p: f64) -> (usize, f64) {
    let index = (n - 1) as f64 * (p / 100.0);
    let below = index.floor();
    (below as usize, index - below)
}
// ANCHOR_END: lerp

/// Rejects empty data and percentiles outside `[0, 100]`.
fn check(x: &[f64], ps: &[f64]) -> Result<(), StatsError> {
    if x.is_empty() {
        return Err(StatsError::Empty("percentile"));
    }
    match ps.iter().find(|p| !(0.0..=100.0).contains(*p)) {
        Some(&p) => Err(StatsError::InvalidQuantile(p / 100.0)),
        None => Ok(()),
    }
}

/// The first NaN's index as an error.
fn no_nan(x: &[f64]) -> Result<(), StatsError> {
    match x.iter().position(|v| v.is_nan()) {
        Some(i) => Err(StatsError::NaN(i)),
        None => Ok(()),
    }
}

// ANCHOR: select_nth
/// The value at fractional rank `k + t` of `data`, which this reorders:
/// `select_nth_unstable` moves the value of rank `k` into place, smaller
/// values before it and larger ones after, in linear time; the next rank is
/// then the smallest value after it.
fn select_rank(data: &mut [f64], k: usize, t: f64) -> f64 {
    let (_, low, above) = data.select_nth_unstable_by(k, f64::total_cmp);
    let low = *low;
    if t > 0.0 {
        let high = above.iter().copied().fold(f64::INFINITY, f64::min);
        lerp(low, high, t)
    } else {
        low
    }
}

/// `np.percentile(x, ps)` by selection on a copy of `x`.
pub fn percentiles_select(
    x: &[f64],
    ps: &[f64],
) -> Result<Vec<f64>, StatsError> {
    check(x, ps)?;
    no_nan(x)?;
    let mut data = x.to_vec();
    Ok(ps
        .iter()
        .map(|&p| {
            let (k, t) = position(data.len(), p);
            select_rank(&mut data, k, t)
        })
        .collect())
}
// ANCHOR_END: select_nth

// ANCHOR: bracket
/// Values sampled to place the brackets.
const SAMPLE: usize = 16_384;
/// Values per block of the pass: 4096 `f64`s (32 KiB) stay in cache while
/// each bracket scans them.
const BLOCK: usize = 4096;

/// `np.percentile(x, ps)` with one read of `x`: a sorted random sample
/// predicts, for each wanted rank, a narrow value range `[lo, hi]` that
/// holds it; one pass counts the values below each `lo` and copies the few
/// inside each range; a selection among those copies finishes. When a
/// prediction misses (rare, and checked), that percentile falls back to
/// [`percentiles_select`]; the result is exact either way.
pub fn percentiles_bracket(
    x: &[f64],
    ps: &[f64],
) -> Result<Vec<f64>, StatsError> {
    check(x, ps)?;
    let n = x.len();
    if n < 4 * SAMPLE {
        return percentiles_select(x, ps);
    }
    let brackets = brackets(x, ps);
    // 3. One pass over memory, block by block; each block, while it sits
    //    in cache, is scanned once per bracket without a branch: count the
    //    values below, and write every value at the end of the kept ones,
    //    advancing the end only for values inside.
    let mut below = vec![0usize; ps.len()];
    let mut kept: Vec<Vec<f64>> = vec![Vec::new(); ps.len()];
    let mut len = vec![0usize; ps.len()];
    let mut nan = false;
    for block in x.chunks(BLOCK) {
        nan |= block.iter().any(|v| v.is_nan());
        for (j, &(lo, hi)) in brackets.iter().enumerate() {
            if kept[j].len() < len[j] + block.len() {
                let grown = 2 * kept[j].len() + block.len();
                kept[j].resize(grown, 0.0);
            }
            // A loop the compiler turns into vector compares.
            below[j] += block.iter().filter(|&&v| v < lo).count();
            let room = &mut kept[j][len[j]..len[j] + block.len()];
            let mut end = 0;
            for &v in block {
                room[end] = v; // end <= values seen so far: in bounds
                end += usize::from(v >= lo && v <= hi);
            }
            len[j] += end;
        }
    }
    if nan {
        no_nan(x)?;
    }
    // 4. Select inside each bracket, if it holds every rank needed.
    let mut out = Vec::with_capacity(ps.len());
    for ((&p, &count), (kept, &len)) in
        ps.iter().zip(&below).zip(kept.iter_mut().zip(&len))
    {
        let kept = &mut kept[..len];
        let (k, t) = position(n, p);
        let last = if t > 0.0 { k + 1 } else { k };
        if k >= count && last < count + kept.len() {
            out.push(select_rank(kept, k - count, t));
        } else {
            out.push(percentiles_select(x, &[p])?[0]); // the sample missed
        }
    }
    Ok(out)
}
/// Steps 1 and 2 of [`percentiles_bracket`]: for each percentile in `ps`, a
/// value range `[lo, hi]` that holds its rank with high probability, read
/// from a sorted random sample of `x` (which must not be empty).
pub fn brackets(x: &[f64], ps: &[f64]) -> Vec<(f64, f64)> {
    // 1. A sorted sample, at positions from a fixed-seed generator.
    let mut state = 0x5EED_u64;
    let mut sample: Vec<f64> = (0..SAMPLE)
        .map(|_| x[(splitmix64(&mut state) % x.len() as u64) as usize])
        .collect();
    sample.sort_unstable_by(f64::total_cmp);
    // 2. Each rank's bracket: the sample values some 4 standard deviations
    //    of the sample rank on either side of where the rank should fall.
    ps.iter()
        .map(|&p| {
            let f = p / 100.0;
            let centre = f * (SAMPLE - 1) as f64;
            let spread = 4.0 * (SAMPLE as f64 * f * (1.0 - f)).sqrt() + 8.0;
            let lo = (centre - spread).max(0.0) as usize;
            let hi = ((centre + spread) as usize).min(SAMPLE - 1);
            (sample[lo], sample[hi])
        })
        .collect()
}

/// SplitMix64: a tiny, fixed-seed generator for the sample positions.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
// ANCHOR_END: bracket

/// `n` values uniform in `[0, 100)`, the same in Rust and NumPy (the
/// benchmarks and tests rebuild them with `splitmix_uniform` in Python): the
/// `i`-th is SplitMix64's `i`-th output from seed 0, top 53 bits, times
/// `100 / 2**53`.
pub fn splitmix_uniform(n: usize) -> Vec<f64> {
    let mut state = 0;
    (0..n)
        .map(|_| {
            (splitmix64(&mut state) >> 11) as f64
                * (100.0 / (1u64 << 53) as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Data built against the sample: every sampled position holds 0 and
    /// every other position 1, so the brackets predicted from the sample are
    /// `[0, 0]` and miss the median; the fallback still answers exactly.
    #[test]
    fn a_missed_bracket_falls_back_to_selection() {
        let n = 100_000;
        let mut x = vec![1.0; n];
        let mut state = 0x5EED_u64;
        for _ in 0..SAMPLE {
            x[(splitmix64(&mut state) % n as u64) as usize] = 0.0;
        }
        assert_eq!(brackets(&x, &[50.0]), vec![(0.0, 0.0)]);
        let expected = percentiles_select(&x, &[0.0, 50.0, 100.0]).unwrap();
        assert_eq!(expected, [0.0, 1.0, 1.0]);
        let got = percentiles_bracket(&x, &[0.0, 50.0, 100.0]).unwrap();
        assert_eq!(got, expected);
    }
}
