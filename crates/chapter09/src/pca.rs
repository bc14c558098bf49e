//! Principal component analysis from scratch: centre the data, take its thin
//! SVD, and read the components, their variances and the projection off it.

use crate::Error;
use ndarray::{Array1, Array2, ArrayView2, Axis, s};
use ndarray_linalg::{JobSvd, SVDDC};

/// A fitted PCA with `k` components.
#[derive(Debug, Clone)]
pub struct Pca {
    /// The column means subtracted before projecting.
    pub mean: Array1<f64>,
    /// The components, one per row (`k × d`), like scikit-learn's
    /// `components_`.
    pub components: Array2<f64>,
    /// The variance of the data along each component.
    pub explained_variance: Array1<f64>,
    /// Each component's share of the total variance.
    pub explained_variance_ratio: Array1<f64>,
}

// ANCHOR: fit
impl Pca {
    /// Fits `k` components to the rows of `x` (`n × d`, one sample a row).
    pub fn fit(x: ArrayView2<'_, f64>, k: usize) -> Result<Self, Error> {
        let (n, d) = x.dim();
        if n < 2 {
            let what = "PCA";
            return Err(Error::TooFewRows {
                rows: n,
                needed: 2,
                what,
            });
        }
        if k == 0 || k > n.min(d) {
            return Err(Error::Components { k, max: n.min(d) });
        }
        let mean = x.mean_axis(Axis(0)).expect("n >= 2 rows");
        let centred = &x - &mean;
        // Thin SVD: centred = U S Vᵀ, the rows of Vᵀ are the components.
        let (_, sigma, vt) = centred.svddc(JobSvd::Some)?;
        let mut vt = vt.expect("JobSvd::Some returns Vᵀ");
        flip_signs(&mut vt);
        let variance = sigma.mapv(|s| s * s / (n - 1) as f64);
        let ratio = &variance / variance.sum();
        Ok(Pca {
            mean,
            components: vt.slice(s![..k, ..]).to_owned(),
            explained_variance: variance.slice(s![..k]).to_owned(),
            explained_variance_ratio: ratio.slice(s![..k]).to_owned(),
        })
    }

    /// Projects the rows of `x` onto the components: `(x − mean) · Vₖ`.
    pub fn transform(
        &self,
        x: ArrayView2<'_, f64>,
    ) -> Result<Array2<f64>, Error> {
        if x.ncols() != self.mean.len() {
            let (fitted, got) = (self.mean.len(), x.ncols());
            return Err(Error::Features { fitted, got });
        }
        Ok((&x - &self.mean).dot(&self.components.t()))
    }
}
// ANCHOR_END: fit

/// scikit-learn's sign convention (`svd_flip` on `Vᵀ`): each component's
/// entry of largest magnitude is positive. An SVD's signs are arbitrary, so
/// fixing them makes results comparable between libraries.
fn flip_signs(vt: &mut Array2<f64>) {
    for mut row in vt.rows_mut() {
        let largest = row
            .iter()
            .copied()
            .fold(0.0_f64, |m, v| if v.abs() > m.abs() { v } else { m });
        if largest < 0.0 {
            row.mapv_inplace(|v| -v);
        }
    }
}
