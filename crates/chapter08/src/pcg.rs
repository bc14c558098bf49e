//! NumPy's generator in Rust: PCG64 rebuilt from NumPy's saved state.
//!
//! `np.random.default_rng` wraps a `PCG64` bit generator, the PCG XSL-RR
//! 128/64 algorithm: a 128-bit linear congruential state advanced by
//! `state * M + inc`, and an output that xors the state's two halves and
//! rotates the result by the state's top six bits. rand_pcg's `Pcg64`
//! (`Lcg128Xsl64`) is the same algorithm, with the same multiplier `M` and
//! the same order (advance, then output). Built from NumPy's
//! `bit_generator.state`, it draws the same 64-bit outputs, and rand's
//! `Standard` `f64` (`(u >> 11) * 2^-53`) the same uniforms as
//! `Generator.random`.

use rand_pcg::Pcg64;

/// What can go wrong when rebuilding NumPy's generator from its state.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum StateError {
    /// A PCG increment is always odd; an even one did not come from NumPy.
    #[error("the increment {0:#x} is even: a PCG increment is always odd")]
    EvenIncrement(u128),
    /// The text is not a hexadecimal number of at most 128 bits.
    #[error("not a 128-bit hexadecimal number: {0:?}")]
    NotHex(String),
}

/// Parses NumPy's `hex(...)` form of a state word, `0x` prefix optional.
pub fn parse_hex_u128(text: &str) -> Result<u128, StateError> {
    let digits = text.trim_start_matches("0x");
    u128::from_str_radix(digits, 16)
        .map_err(|_| StateError::NotHex(text.to_string()))
}

// ANCHOR: from_numpy
/// The generator NumPy's `PCG64` would continue with, from the `state` and
/// `inc` of its `bit_generator.state["state"]`.
///
/// `Pcg64::new(s, stream)` is rand_pcg's *seeding* routine, not a setter:
/// it sets the increment to `2 * stream + 1`, adds it to `s` and takes one
/// step. So pass `state - inc` and `inc >> 1`, then step back once: the
/// LCG's period is 2^128, so advancing by 2^128 - 1 steps is one step back.
pub fn pcg64_from_numpy(state: u128, inc: u128) -> Result<Pcg64, StateError> {
    if inc & 1 == 0 {
        return Err(StateError::EvenIncrement(inc));
    }
    let mut rng = Pcg64::new(state.wrapping_sub(inc), inc >> 1);
    rng.advance(u128::MAX); // undo the step `new` took
    Ok(rng)
}
// ANCHOR_END: from_numpy
