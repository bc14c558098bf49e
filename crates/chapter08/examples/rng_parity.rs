//! NumPy's PCG64 continued in Rust from its saved state (the same raw bits
//! and uniforms, different normals), and saving, restoring and recording a
//! ChaCha12 generator's state.

use chapter08::pcg::{parse_hex_u128, pcg64_from_numpy};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha12Rng;
use rand_distr::StandardNormal;

/// What `tests/fixtures/pcg_parity.py` saved from NumPy's `default_rng(42)`.
#[derive(serde::Deserialize)]
struct NumPy {
    state: String,
    inc: String,
    raw: Vec<String>,
    uniforms: Vec<f64>,
    normals: Vec<f64>,
}

fn main() -> Result<(), support::Report> {
    let np: NumPy =
        support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "pcg_parity")?;
    support::output_part("parity");
    // ANCHOR: parity
    // NumPy's bit_generator.state["state"], saved as hex by the fixture
    let (state, inc) = (parse_hex_u128(&np.state)?, parse_hex_u128(&np.inc)?);
    let mut rng = pcg64_from_numpy(state, inc)?;
    for numpy_raw in &np.raw[..3] {
        let ours = rng.next_u64();
        let same = ours == parse_hex_u128(numpy_raw)? as u64;
        println!("raw  {ours:#018x}  NumPy {numpy_raw}  same: {same}");
    }
    let mut rng = pcg64_from_numpy(state, inc)?; // start again
    for &numpy_u in &np.uniforms[..3] {
        let ours: f64 = rng.r#gen(); // (u >> 11) * 2^-53, as NumPy
        println!(
            "unif {ours:<18}  NumPy {numpy_u:<18}  same: {}",
            ours == numpy_u
        );
    }
    let mut rng = pcg64_from_numpy(state, inc)?;
    for &numpy_z in &np.normals[..2] {
        let ours: f64 = rng.sample(StandardNormal); // another ziggurat
        println!("norm {ours:+.6}  NumPy {numpy_z:+.6}");
    }
    // ANCHOR_END: parity

    support::output_part("save_restore");
    // ANCHOR: save_restore
    // An unseeded run: take the seed from the OS, and record it.
    let mut rng = ChaCha12Rng::from_entropy();
    let recorded = rng.get_seed(); // 32 bytes: write them in the log
    let _warm_up: f64 = rng.r#gen();
    // Save the position, draw, restore, draw again.
    let (stream, word) = (rng.get_stream(), rng.get_word_pos());
    let first: Vec<u32> = (0..3).map(|_| rng.gen_range(0..100)).collect();
    let mut restored = ChaCha12Rng::from_seed(recorded);
    restored.set_stream(stream);
    restored.set_word_pos(word);
    let again: Vec<u32> = (0..3).map(|_| restored.gen_range(0..100)).collect();
    println!(
        "recorded seed: {} bytes, restored draws identical: {}",
        recorded.len(),
        first == again
    );
    // Independent streams of one seed: 2^64 of them, one per worker.
    let mut worker = |k| {
        let mut r = ChaCha12Rng::seed_from_u64(42);
        r.set_stream(k);
        r.gen_range(0..100u32)
    };
    println!(
        "streams 0..4 of seed 42: {:?}",
        (0..4).map(&mut worker).collect::<Vec<_>>()
    );
    // ANCHOR_END: save_restore
    Ok(())
}
