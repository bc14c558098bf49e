//! NumPy's PCG64, rebuilt from its saved state, draws the same raw outputs
//! and uniforms in Rust (`tests/fixtures/pcg_parity.py`), bit for bit; its
//! normals differ: the two ziggurats share their tables' values but number
//! the strips in opposite orders and read the bits differently.

use chapter08::pcg::{StateError, parse_hex_u128, pcg64_from_numpy};
use rand::{Rng, RngCore};
use rand_distr::StandardNormal;

#[derive(serde::Deserialize)]
struct NumPy {
    bit_generator: String,
    state: String,
    inc: String,
    raw: Vec<String>,
    uniforms: Vec<f64>,
    normals: Vec<f64>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "pcg_parity").unwrap()
}

fn rebuilt(np: &NumPy) -> rand_pcg::Pcg64 {
    let state = parse_hex_u128(&np.state).unwrap();
    let inc = parse_hex_u128(&np.inc).unwrap();
    pcg64_from_numpy(state, inc).unwrap()
}

#[test]
fn raw_outputs_match_numpy_exactly() {
    let np = numpy();
    assert_eq!(np.bit_generator, "PCG64");
    let mut rng = rebuilt(&np);
    for expected in &np.raw {
        // integers: `==`, every bit
        let expected = parse_hex_u128(expected).unwrap() as u64;
        assert_eq!(rng.next_u64(), expected);
    }
}

#[test]
fn uniforms_match_numpy_exactly() {
    // Both sides compute (u >> 11) * 2^-53, one exact multiplication: `==`.
    let np = numpy();
    let mut rng = rebuilt(&np);
    let ours: Vec<f64> = np.uniforms.iter().map(|_| rng.r#gen()).collect();
    assert_eq!(ours, np.uniforms);
}

#[test]
fn normals_do_not_match_numpy() {
    // The same bits land in different strips of the same ziggurat (NumPy
    // numbers them the other way and reads other bits), so the normals differ.
    let np = numpy();
    let mut rng = rebuilt(&np);
    let ours: Vec<f64> = np
        .normals
        .iter()
        .map(|_| rng.sample::<f64, _>(StandardNormal))
        .collect();
    assert!(ours.iter().zip(&np.normals).all(|(a, b)| a != b));
}

#[test]
fn rand_pcg_new_is_a_seeding_routine_not_a_setter() {
    // The plausible mistake: Pcg64::new(state, inc >> 1) with NumPy's state
    // gives a generator one step (plus an added increment) away.
    let np = numpy();
    let state = parse_hex_u128(&np.state).unwrap();
    let inc = parse_hex_u128(&np.inc).unwrap();
    let mut naive = rand_pcg::Pcg64::new(state, inc >> 1);
    let first = parse_hex_u128(&np.raw[0]).unwrap() as u64;
    assert_ne!(naive.next_u64(), first);
}

#[test]
fn bad_state_is_an_error() {
    assert_eq!(
        pcg64_from_numpy(1, 2).err(),
        Some(StateError::EvenIncrement(2))
    );
    assert!(matches!(
        parse_hex_u128("0xnot-hex"),
        Err(StateError::NotHex(_))
    ));
}
