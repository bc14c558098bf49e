//! Integer overflow in both build profiles: `+` panics in debug builds and
//! wraps in release builds (the default `overflow-checks` setting follows
//! `debug-assertions`); the explicit methods behave the same in both.

use std::hint::black_box;
use std::panic::catch_unwind;

use ndarray::array;

/// What NumPy gives in `tests/fixtures/overflow.py`.
#[derive(serde::Deserialize)]
struct NumPy {
    /// `np.array([250], dtype=np.uint8) + 10` and its dtype
    uint8_250_plus_10: Vec<u8>,
    uint8_250_plus_10_dtype: String,
    /// `pixels + 10` for `pixels = np.array([250, 100, 5], dtype=np.uint8)`
    pixels_plus_10: Vec<u8>,
    /// `pixels.sum()` and its dtype (NumPy widens the accumulator) ...
    pixels_sum: u64,
    pixels_sum_dtype: String,
    /// ... unless told not to: `pixels.sum(dtype=np.uint8)`
    pixels_sum_uint8: u8,
    /// `np.array([2**31 - 1], dtype=np.int32) + np.int32(1)`
    int32_max_plus_1: Vec<i32>,
}

fn numpy() -> NumPy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "overflow").unwrap()
}

fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn plain_addition_panics_in_debug_and_wraps_in_release() {
    let numpy = numpy();
    // NumPy keeps uint8 and wraps silently: [4], dtype uint8.
    assert_eq!(numpy.uint8_250_plus_10_dtype, "uint8");
    let level = black_box(250_u8);
    let result = catch_unwind(|| level + black_box(10));
    if cfg!(debug_assertions) {
        let message =
            panic_text(result.expect_err("debug builds check for overflow"));
        assert_eq!(message, "attempt to add with overflow");
    } else {
        // np.array([250], dtype=np.uint8) + 10 -> array([4], dtype=uint8)
        let wrapped = result.expect("release builds wrap");
        assert_eq!(vec![wrapped], numpy.uint8_250_plus_10);
    }
}

#[test]
fn array_arithmetic_inherits_the_element_behaviour() {
    let numpy = numpy();
    let pixels = array![250_u8, 100, 5];
    let result = catch_unwind(|| pixels.sum());
    if cfg!(debug_assertions) {
        assert!(
            panic_text(result.unwrap_err())
                .contains("attempt to add with overflow")
        );
    } else {
        // 355 mod 256, as NumPy's pixels.sum(dtype=np.uint8)
        assert_eq!(result.unwrap(), numpy.pixels_sum_uint8); // 99
    }
    // np.sum(pixels) == 355: NumPy widens the accumulator to uint64; so does
    // this.
    assert_eq!(numpy.pixels_sum_dtype, "uint64");
    assert_eq!(pixels.mapv(u64::from).sum(), numpy.pixels_sum);
}

#[test]
fn explicit_methods_do_the_same_in_every_profile() {
    let level = black_box(250_u8);
    assert_eq!(level.wrapping_add(10), 4);
    assert_eq!(level.checked_add(10), None);
    assert_eq!(level.checked_add(5), Some(255));
    assert_eq!(level.saturating_add(10), 255);
    assert_eq!(level.overflowing_add(10), (4, true));
    assert_eq!(black_box(5_u8).saturating_sub(10), 0);
    // NumPy's array arithmetic wraps silently, as wrapping_add does.
    let numpy = numpy();
    let wrapped = black_box(i32::MAX).wrapping_add(1);
    assert_eq!(wrapped, i32::MIN);
    assert_eq!(vec![wrapped], numpy.int32_max_plus_1);
    let pixels = array![250_u8, 100, 5];
    let plus_10 = pixels.mapv(|p| p.wrapping_add(10));
    assert_eq!(plus_10.to_vec(), numpy.pixels_plus_10); // [4, 110, 15]
    assert_eq!(pixels.mapv(|p| p.saturating_add(10)), array![255, 110, 15]);
    let checked: Option<Vec<u8>> =
        pixels.iter().map(|p| p.checked_add(10)).collect();
    assert_eq!(checked, None);
}
