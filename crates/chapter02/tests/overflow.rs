//! Integer overflow in both build profiles: `+` panics in debug builds and wraps in release
//! builds (the default `overflow-checks` setting follows `debug-assertions`); the explicit
//! methods behave the same in both.

use std::hint::black_box;
use std::panic::catch_unwind;

use ndarray::array;

fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn plain_addition_panics_in_debug_and_wraps_in_release() {
    let level = black_box(250_u8);
    let result = catch_unwind(|| level + black_box(10));
    if cfg!(debug_assertions) {
        let message = panic_text(result.expect_err("debug builds check for overflow"));
        assert_eq!(message, "attempt to add with overflow");
    } else {
        // np.array([250], dtype=np.uint8) + 10 -> array([4], dtype=uint8)
        assert_eq!(result.expect("release builds wrap"), 4);
    }
}

#[test]
fn array_arithmetic_inherits_the_element_behaviour() {
    let pixels = array![250_u8, 100, 5];
    let result = catch_unwind(|| pixels.sum());
    if cfg!(debug_assertions) {
        assert!(panic_text(result.unwrap_err()).contains("attempt to add with overflow"));
    } else {
        assert_eq!(result.unwrap(), 99); // 355 mod 256
    }
    // np.sum(np.array([250, 100, 5], dtype=np.uint8)) == 355 (NumPy widens the accumulator)
    assert_eq!(pixels.mapv(u32::from).sum(), 355);
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
    assert_eq!(black_box(i32::MAX).wrapping_add(1), i32::MIN);
    let pixels = array![250_u8, 100, 5];
    assert_eq!(pixels.mapv(|p| p.wrapping_add(10)), array![4, 110, 15]);
    assert_eq!(pixels.mapv(|p| p.saturating_add(10)), array![255, 110, 15]);
    let checked: Option<Vec<u8>> = pixels.iter().map(|p| p.checked_add(10)).collect();
    assert_eq!(checked, None);
}
