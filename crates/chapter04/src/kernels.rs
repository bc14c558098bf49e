//! The chapter's two benchmark workloads, `a * b + c` and a polynomial of
//! degree 4 (Horner's rule), each written the ways the chapter compares: as an
//! array expression with temporaries, as an indexed loop, with iterators, with
//! `Zip`, fused into one pass over a buffer the caller reuses, and in parallel
//! with `par_azip!`.
//!
//! Every function computes the same numbers with the same operations in the
//! same order (one multiply, then one add, per element), so all of them agree
//! exactly, with each other and with NumPy's `a * b + c`.

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip, azip, par_azip};

use crate::LengthError;

/// Checks that every operand has the output's length.
fn check(out: usize, inputs: &[usize]) -> Result<(), LengthError> {
    match inputs.iter().find(|&&n| n != out) {
        Some(&found) => Err(LengthError {
            expected: out,
            found,
        }),
        None => Ok(()),
    }
}

// ANCHOR: expression
/// `a * b + c` as an array expression: `&a * &b` allocates the product, and
/// `+ &c` adds `c` into that same buffer (an owned left operand is reused).
/// Two passes over memory and one fresh array per call, like NumPy's
/// `a * b + c` (which, for arrays of 256 KiB or more, also writes the sum
/// into its product's buffer). (A view is `Copy`, so
/// `+ c` would do; `&c` is the form that works for owned arrays too.)
#[allow(clippy::op_ref)]
pub fn mul_add_expression(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Array1<f64> {
    &a * &b + &c
}
// ANCHOR_END: expression

// ANCHOR: indexed
/// `out[i] = a[i] * b[i] + c[i]` with an index loop. Each `x[i]` checks `i`
/// against the length and multiplies it by the stride.
pub fn mul_add_indexed(
    mut out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[a.len(), b.len(), c.len()])?;
    for i in 0..out.len() {
        out[i] = a[i] * b[i] + c[i];
    }
    Ok(())
}
// ANCHOR_END: indexed

// ANCHOR: iterator
/// The same loop with iterators: no index, so no bounds check, but ndarray's
/// element iterator still steps by the stride, which it must read at run time.
pub fn mul_add_iterator(
    mut out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[a.len(), b.len(), c.len()])?;
    let inputs = a.iter().zip(&b).zip(&c);
    for (o, ((&x, &y), &z)) in out.iter_mut().zip(inputs) {
        *o = x * y + z;
    }
    Ok(())
}
// ANCHOR_END: iterator

// ANCHOR: slices
/// The iterator loop over plain slices, `&[f64]`: contiguous memory, known
/// to the compiler as such. Fails (with `None`) on non-contiguous views.
pub fn mul_add_slices(
    mut out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[a.len(), b.len(), c.len()])?;
    let slices = (out.as_slice_mut(), a.as_slice(), b.as_slice(), c.as_slice());
    let (Some(out), Some(a), Some(b), Some(c)) = slices else {
        return mul_add_fused(out, a, b, c); // a strided view: let Zip do it
    };
    for (o, ((&x, &y), &z)) in out.iter_mut().zip(a.iter().zip(b).zip(c)) {
        *o = x * y + z;
    }
    Ok(())
}
// ANCHOR_END: slices

// ANCHOR: zip_collect
/// One pass with `Zip`, into a fresh array: `map_collect` allocates the result
/// and writes each element once, without filling it first.
pub fn mul_add_zip_collect(
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<Array1<f64>, LengthError> {
    check(a.len(), &[b.len(), c.len()])?;
    Ok(Zip::from(&a)
        .and(&b)
        .and(&c)
        .map_collect(|&x, &y, &z| x * y + z))
}
// ANCHOR_END: zip_collect

// ANCHOR: two_pass
/// NumPy's best version, written in Rust: the product into `out`, then `c`
/// added in place. No allocation, but two passes over `out`.
pub fn mul_add_two_pass(
    mut out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[a.len(), b.len(), c.len()])?;
    Zip::from(&mut out)
        .and(&a)
        .and(&b)
        .for_each(|o, &x, &y| *o = x * y);
    out += &c;
    Ok(())
}
// ANCHOR_END: two_pass

// ANCHOR: fused
/// The fused version: one pass, each element of `a`, `b` and `c` read once and
/// each element of `out` written once, into a buffer the caller reuses.
pub fn mul_add_fused(
    mut out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[a.len(), b.len(), c.len()])?;
    Zip::from(&mut out)
        .and(&a)
        .and(&b)
        .and(&c)
        .for_each(|o, &x, &y, &z| *o = x * y + z);
    Ok(())
}
// ANCHOR_END: fused

// ANCHOR: par_azip
/// The fused pass split across rayon's thread pool (`RAYON_NUM_THREADS`
/// threads): `par_azip!` cuts the arrays into pieces and runs `Zip` on each.
pub fn mul_add_parallel(
    mut out: ArrayViewMut1<'_, f64>,
    a: ArrayView1<'_, f64>,
    b: ArrayView1<'_, f64>,
    c: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[a.len(), b.len(), c.len()])?;
    par_azip!((o in &mut out, &x in &a, &y in &b, &z in &c) *o = x * y + z);
    Ok(())
}
// ANCHOR_END: par_azip

/// The coefficients of the benchmark's polynomial, lowest degree first:
/// `p(x) = 0.5 - 1.5 x + 2 x^2 + 0.25 x^3 - 0.75 x^4`.
pub const POLY: [f64; 5] = [0.5, -1.5, 2.0, 0.25, -0.75];

// ANCHOR: horner
/// `p(x)` by Horner's rule, `(((c4 x + c3) x + c2) x + c1) x + c0`: four
/// multiplies and four adds, in the order NumPy's version uses.
#[inline]
pub fn horner(coefficients: &[f64; 5], x: f64) -> f64 {
    let [c0, c1, c2, c3, c4] = *coefficients;
    (((c4 * x + c3) * x + c2) * x + c1) * x + c0
}
// ANCHOR_END: horner

// ANCHOR: horner_expression
/// Horner's rule as array expressions, the way NumPy code writes it: every
/// operator makes a pass over the whole array (the first allocates, the
/// others reuse that buffer): four multiplies and four adds, eight passes.
#[allow(clippy::op_ref)] // `&x`, as for an owned array (see above)
pub fn horner_expression(
    coefficients: &[f64; 5],
    x: ArrayView1<'_, f64>,
) -> Array1<f64> {
    let [c0, c1, c2, c3, c4] = *coefficients;
    ((((&x * c4 + c3) * &x + c2) * &x + c1) * &x) + c0
}
// ANCHOR_END: horner_expression

/// Horner's rule with an index loop.
pub fn horner_indexed(
    coefficients: &[f64; 5],
    mut out: ArrayViewMut1<'_, f64>,
    x: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[x.len()])?;
    for i in 0..out.len() {
        out[i] = horner(coefficients, x[i]);
    }
    Ok(())
}

/// Horner's rule with iterators.
pub fn horner_iterator(
    coefficients: &[f64; 5],
    mut out: ArrayViewMut1<'_, f64>,
    x: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[x.len()])?;
    for (o, &v) in out.iter_mut().zip(&x) {
        *o = horner(coefficients, v);
    }
    Ok(())
}

/// Horner's rule with `mapv`: one pass, into a fresh array.
pub fn horner_mapv(
    coefficients: &[f64; 5],
    x: ArrayView1<'_, f64>,
) -> Array1<f64> {
    x.mapv(|v| horner(coefficients, v))
}

/// Horner's rule fused into one pass over a reused buffer, with `azip!`.
pub fn horner_fused(
    coefficients: &[f64; 5],
    mut out: ArrayViewMut1<'_, f64>,
    x: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[x.len()])?;
    azip!((o in &mut out, &v in &x) *o = horner(coefficients, v));
    Ok(())
}

/// Horner's rule in parallel, with `par_azip!`.
pub fn horner_parallel(
    coefficients: &[f64; 5],
    mut out: ArrayViewMut1<'_, f64>,
    x: ArrayView1<'_, f64>,
) -> Result<(), LengthError> {
    check(out.len(), &[x.len()])?;
    par_azip!((o in &mut out, &v in &x) *o = horner(coefficients, v));
    Ok(())
}

/// The benchmark's inputs, as `benches/vectorize.py` builds them: three
/// vectors of `n` values with a short period, exact in binary, so that both
/// languages start from the same numbers.
pub fn bench_inputs(n: usize) -> (Array1<f64>, Array1<f64>, Array1<f64>) {
    let a = Array1::from_shape_fn(n, |i| (i % 7) as f64 * 0.25 - 0.5);
    let b = Array1::from_shape_fn(n, |i| (i % 5) as f64 * 0.5 + 1.0);
    let c = Array1::from_shape_fn(n, |i| (i % 3) as f64 * 0.125);
    (a, b, c)
}
