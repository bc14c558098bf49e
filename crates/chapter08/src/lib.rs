//! Chapter 8: random number generation and sampling.
//!
//! The chapter's reusable code; the examples call it, the tests check it.
//!
//! - [`streams`]: independent random streams for parallel work, by jumping a
//!   Xoshiro256++ generator ahead and by seeding children from a parent.
//! - [`montecarlo`]: Monte Carlo integration with a standard error and
//!   confidence interval, antithetic variates, and parallel seeded streams.
//! - [`pcg`]: NumPy's PCG64 rebuilt in Rust from its saved state, for
//!   bit-for-bit parity of raw draws and uniforms.
//! - [`samplers`]: inverse-transform, rejection and weighted sampling.
//! - [`shuffle`]: the Fisher-Yates shuffle written out, and permutations.
//! - [`density`]: the densities and probabilities the sampling figures draw
//!   their histograms against, and a density histogram.
//! - [`resampling`]: the bootstrap (percentile confidence intervals) and the
//!   permutation test for a difference in means.
//! - [`init`]: Xavier/Glorot and He weight initialisation, dropout masks and
//!   shuffled mini-batches.
//! - [`splits`]: random and stratified train/test splits, k-fold and
//!   stratified k-fold cross-validation, written from scratch.
//! - [`exercises`]: the solutions to the chapter's exercises.
//!
//! Every function that draws random numbers takes the generator as
//! `rng: &mut impl Rng` (or `&mut R` with `R: Rng + ?Sized`): the caller owns
//! the generator and its seed, so every result is reproducible.

pub mod density;
// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
pub mod init;
pub mod montecarlo;
pub mod pcg;
pub mod resampling;
pub mod samplers;
pub mod shuffle;
pub mod splits;
pub mod streams;
