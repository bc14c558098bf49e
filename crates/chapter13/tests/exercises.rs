//! Runs every exercise solution with real values; each test names the
//! plausible wrong answer it rules out.

use std::num::NonZeroUsize;

use chapter13::exercises::*;
use chapter13::masked::Masked;
use chapter13::records::RecordError;
use chapter13::sparse::{Csr, to_csr};
use ndarray::{Array1, array};
use support::fixtures::assert_allclose;

#[derive(serde::Deserialize)]
struct Numpy {
    packed_hex: String,
    packed_itemsize: usize,
    most_inked: Vec<usize>,
    z: Vec<f64>,
    p: Vec<f64>,
    median_data: Vec<f64>,
    median_masks: Vec<Vec<u8>>,
    medians: Vec<f64>,
}

fn numpy() -> Numpy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "exercises").unwrap()
}

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn ex1_row_chunks() {
    let four = NonZeroUsize::new(4).unwrap();
    // The short last chunk must be there: 10 / 4 whole chunks would stop at 8.
    assert_eq!(row_chunks(10, four), vec![0..4, 4..8, 8..10]);
    assert_eq!(row_chunks(8, four), vec![0..4, 4..8]);
    assert_eq!(row_chunks(0, four), vec![]);
    assert_eq!(row_chunks(3, NonZeroUsize::new(5).unwrap()), vec![0..3]);
}

#[test]
fn ex2_merge_moments() {
    let moments = |v: &[f64]| {
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        let m2 = v.iter().map(|x| (x - mean) * (x - mean)).sum();
        Moments {
            n: v.len(),
            mean,
            m2,
        }
    };
    // Unequal sizes and far-apart means: an unweighted mean of means (8.5)
    // or m2 without the between-chunk term (2 + 50) both fail.
    let merged =
        merge_moments(moments(&[1.0, 2.0, 3.0]), moments(&[10.0, 20.0]));
    let whole = moments(&[1.0, 2.0, 3.0, 10.0, 20.0]);
    assert_eq!(merged.n, 5);
    assert_allclose(
        &[merged.mean, merged.m2][..],
        &[whole.mean, whole.m2][..],
        1e-14,
        0.0,
    );
    // An empty side changes nothing (no 0/0).
    let empty = Moments {
        n: 0,
        mean: 0.0,
        m2: 0.0,
    };
    assert_eq!(merge_moments(empty, whole), whole);
    assert_eq!(merge_moments(whole, empty), whole);
    assert_eq!(merge_moments(empty, empty).n, 0);
}

#[test]
fn ex3_decode_packed() {
    let numpy = numpy();
    assert_eq!(numpy.packed_itemsize, 12);
    let bytes = from_hex(&numpy.packed_hex);
    // A 16-byte (repr(C)) stride would misread every record after the first.
    assert_eq!(
        decode_packed(&bytes).unwrap(),
        vec![(1, 0.5), (7, -2.25), (u32::MAX, 1e300)]
    );
    assert!(matches!(
        decode_packed(&bytes[..30]),
        Err(RecordError::PartialRecord { len: 30, size: 12 })
    ));
    assert_eq!(decode_packed(&[]).unwrap(), vec![]);
}

#[test]
fn ex4_row_normalise() {
    let m: Csr = to_csr(
        array![[1.0, 3.0, 0.0], [0.0, 0.0, 0.0], [2.0, 0.0, 2.0]].view(),
    );
    let n = row_normalise(&m);
    // Rows sum to 1 (columns would not), and the empty row stays empty
    // rather than becoming NaN.
    assert_eq!(
        n.to_dense(),
        array![[0.25, 0.75, 0.0], [0.0, 0.0, 0.0], [0.5, 0.0, 0.5]]
    );
    assert_eq!(n.nnz(), 4);
    let zero_sum: Csr = to_csr(array![[1.0, -1.0]].view());
    assert_eq!(row_normalise(&zero_sum).to_dense(), array![[1.0, -1.0]]);
}

#[test]
fn ex5_masked_median() {
    let numpy = numpy();
    let data = Array1::from(numpy.median_data.clone());
    for (mask, expected) in numpy.median_masks.iter().zip(&numpy.medians) {
        let x = Masked {
            data: data.clone(),
            mask: mask.iter().map(|&m| m == 1).collect(),
        };
        // Even counts need the mean of the two middle values (3.5, not 4).
        assert_eq!(masked_median(&x), Some(*expected), "mask {mask:?}");
    }
    let all = Masked {
        data: array![1.0, 2.0],
        mask: array![true, true],
    };
    assert_eq!(masked_median(&all), None);
}

#[test]
fn ex6_most_filled_columns() {
    let mnist = support::data::load_mnist_5k().unwrap();
    let x = to_csr(mnist.features.view());
    // Row counts, the least-filled columns or another tie order all fail.
    assert_eq!(most_filled_columns(&x, 10), numpy().most_inked);
    let small: Csr = to_csr(array![[0.0, 1.0, 1.0], [0.0, 1.0, 1.0]].view());
    assert_eq!(most_filled_columns(&small, 3), vec![1, 2, 0]);
}

#[test]
fn ex7_two_sided_p_value() {
    let numpy = numpy();
    let p: Vec<f64> = numpy.z.iter().map(|&z| two_sided_p_value(z)).collect();
    // 1 - erf(|z|/√2) cancels to 0 at z = 10 and 20: relative 1e-13 fails it.
    assert_allclose(&p, &numpy.p, 1e-13, 0.0);
}
