//! Masked arrays: NumPy's `np.ma` as data plus an explicit boolean mask
//! (`true` = masked, NumPy's convention), and the same statistics over
//! `Option<f64>`. Masked statistics ignore the masked entries; a statistic
//! with nothing left to summarise is `None` (NumPy's `masked`), never `NaN`.

use ndarray::{Array1, ArrayView1, Zip};

// ANCHOR: masked
/// Values with a mask: `mask[i]` is `true` where `data[i]` is missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Masked {
    pub data: Array1<f64>,
    pub mask: Array1<bool>,
}

impl Masked {
    /// Masks the `NaN`s and infinities: NumPy's `np.ma.masked_invalid`.
    pub fn masked_invalid(data: ArrayView1<'_, f64>) -> Self {
        Self {
            data: data.to_owned(),
            mask: data.mapv(|v| !v.is_finite()),
        }
    }

    /// The unmasked values, in order (`x.compressed()`).
    pub fn compressed(&self) -> Vec<f64> {
        let pairs = self.data.iter().zip(&self.mask);
        pairs.filter(|(_, m)| !**m).map(|(v, _)| *v).collect()
    }

    /// The number of unmasked values (`x.count()`).
    pub fn count(&self) -> usize {
        self.mask.iter().filter(|m| !**m).count()
    }

    /// The mean of the unmasked values, `None` if all are masked.
    pub fn mean(&self) -> Option<f64> {
        let n = self.count();
        let mut sum = 0.0;
        Zip::from(&self.data).and(&self.mask).for_each(|&v, &m| {
            if !m {
                sum += v;
            }
        });
        (n > 0).then(|| sum / n as f64)
    }

    /// The variance with NumPy's `ddof`, `None` without more than `ddof`
    /// unmasked values.
    pub fn var(&self, ddof: usize) -> Option<f64> {
        let n = self.count();
        let mean = self.mean()?;
        let mut ss = 0.0;
        Zip::from(&self.data).and(&self.mask).for_each(|&v, &m| {
            if !m {
                ss += (v - mean) * (v - mean);
            }
        });
        (n > ddof).then(|| ss / (n - ddof) as f64)
    }

    /// The unmasked minimum and maximum, `None` if all are masked.
    pub fn min_max(&self) -> Option<(f64, f64)> {
        self.compressed()
            .into_iter()
            .fold(None, |acc, v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            })
    }

    /// The values with the masked ones replaced by `fill` (`x.filled(fill)`).
    pub fn filled(&self, fill: f64) -> Array1<f64> {
        Zip::from(&self.data)
            .and(&self.mask)
            .map_collect(|&v, &m| if m { fill } else { v })
    }
}
// ANCHOR_END: masked

// ANCHOR: option
/// The same mean over `Option<f64>`: the type itself is the mask.
pub fn mean_of_present(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let n = present.len();
    (n > 0).then(|| present.iter().sum::<f64>() / n as f64)
}
// ANCHOR_END: option
