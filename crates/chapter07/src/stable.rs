//! Numerically stable statistics: Welford's online mean and variance, the
//! one-pass formula that cancels catastrophically, naive and pairwise `f32`
//! sums, and a fast one-pass standard deviation over cache-sized blocks.

// ANCHOR: welford
/// Welford's online mean and variance: one value at a time, in one pass,
/// without the cancellation of `E[x²] - E[x]²`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Welford {
    count: u64,
    mean: f64,
    /// The sum of squared deviations from the current mean.
    m2: f64,
}

impl Welford {
    /// Adds one value.
    pub fn push(&mut self, x: f64) {
        self.count += 1;
        let delta = x - self.mean;
        self.mean += delta / self.count as f64;
        // The old deviation times the new one: no subtraction of squares.
        self.m2 += delta * (x - self.mean);
    }

    /// Combines two summaries of disjoint data (Chan et al.'s formula), so
    /// that chunks can be summarised separately, even on other threads.
    pub fn merge(&self, other: &Welford) -> Welford {
        if other.count == 0 {
            return *self;
        }
        let count = self.count + other.count;
        let delta = other.mean - self.mean;
        let weight = other.count as f64 / count as f64;
        Welford {
            count,
            mean: self.mean + delta * weight,
            m2: self.m2 + other.m2 + delta * delta * self.count as f64 * weight,
        }
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// The mean, `None` before the first value.
    pub fn mean(&self) -> Option<f64> {
        (self.count > 0).then_some(self.mean)
    }

    /// The variance with `ddof` degrees of freedom removed (0: NumPy's
    /// default; 1: pandas' and the unbiased sample variance); `None` unless
    /// there are more than `ddof` values.
    pub fn variance(&self, ddof: u64) -> Option<f64> {
        (self.count > ddof).then(|| self.m2 / (self.count - ddof) as f64)
    }
}
// ANCHOR_END: welford

impl Welford {
    /// The summary of `count` values from their mean and their population
    /// variance (`ddof = 0`, what `np.var` reports), for data summarised
    /// elsewhere: `m2` is the variance times the count.
    pub fn from_moments(count: u64, mean: f64, variance: f64) -> Welford {
        Welford {
            count,
            mean: if count == 0 { 0.0 } else { mean },
            m2: variance * count as f64,
        }
    }
}

impl FromIterator<f64> for Welford {
    fn from_iter<I: IntoIterator<Item = f64>>(iter: I) -> Self {
        let mut w = Welford::default();
        iter.into_iter().for_each(|x| w.push(x));
        w
    }
}

// ANCHOR: textbook
/// The population variance by the textbook one-pass formula
/// `E[x²] - E[x]²`: correct algebra, catastrophic in floating point when the
/// mean is large next to the spread.
pub fn textbook_variance(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let sum: f64 = x.iter().sum();
    let sum_sq: f64 = x.iter().map(|v| v * v).sum();
    sum_sq / n - (sum / n) * (sum / n)
}

/// The population variance in two passes: the mean first, then the mean of
/// the squared deviations from it.
pub fn two_pass_variance(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n
}
// ANCHOR_END: textbook

// ANCHOR: sums
/// A running sum, left to right, in `f32`: every addition rounds to the
/// accumulated total's precision, so the error grows with `n`.
pub fn naive_sum_f32(x: &[f32]) -> f32 {
    x.iter().fold(0.0, |total, &v| total + v)
}

/// Pairwise summation in `f32`: sum each half and add the two sums, so each
/// value passes through about `log2(n)` additions instead of `n`. Below eight
/// values a plain loop finishes (NumPy stops recursing at 128).
pub fn pairwise_sum_f32(x: &[f32]) -> f32 {
    if x.len() <= 8 {
        return naive_sum_f32(x);
    }
    let (left, right) = x.split_at(x.len() / 2);
    pairwise_sum_f32(left) + pairwise_sum_f32(right)
}
// ANCHOR_END: sums

// ANCHOR: blocked
/// Values per block: 1024 `f64`s (8 KiB) stay in the fastest cache between
/// the block's two passes.
const BLOCK: usize = 1024;
/// Independent partial sums per pass, so that the compiler can use vector
/// registers and the additions do not wait for each other.
const LANES: usize = 8;

/// The sum of a slice with `LANES` independent accumulators.
fn lane_sum(x: &[f64], f: impl Fn(f64) -> f64) -> f64 {
    let mut acc = [0.0; LANES];
    let chunks = x.chunks_exact(LANES);
    let tail: f64 = chunks.remainder().iter().map(|&v| f(v)).sum();
    for chunk in chunks {
        for (a, &v) in acc.iter_mut().zip(chunk) {
            *a += f(v);
        }
    }
    acc.iter().sum::<f64>() + tail
}

/// The standard deviation with `ddof` degrees of freedom removed, reading
/// memory once: each block gets an exact two-pass mean and sum of squared
/// deviations while it sits in cache, and the blocks are merged with
/// Chan's formula (as [`Welford::merge`] does). `None` unless there are
/// more than `ddof` values.
pub fn std_blocked(x: &[f64], ddof: usize) -> Option<f64> {
    if x.len() <= ddof {
        return None;
    }
    let (mut count, mut mean, mut m2) = (0.0_f64, 0.0_f64, 0.0_f64);
    for block in x.chunks(BLOCK) {
        let n = block.len() as f64;
        let block_mean = lane_sum(block, |v| v) / n;
        let block_m2 = lane_sum(block, |v| (v - block_mean) * (v - block_mean));
        // Chan et al.: merge (count, mean, m2) with (n, block_mean, block_m2).
        let total = count + n;
        let delta = block_mean - mean;
        mean += delta * n / total;
        m2 += block_m2 + delta * delta * count * n / total;
        count = total;
    }
    Some((m2 / (count - ddof as f64)).sqrt())
}
// ANCHOR_END: blocked
