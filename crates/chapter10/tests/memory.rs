//! The memory module: `standardize_into` writes what `standardize` returns,
//! into the caller's memory, and the huge-page allocator hands out usable,
//! 2 MiB-aligned large blocks.

use chapter10::hugepage::{HUGE_PAGE, HugePageAllocator, set_huge_pages};
use chapter10::memory::{
    MemoryError, standardize, standardize_f32, standardize_into, table,
};
use ndarray::Array2;

#[global_allocator]
static ALLOCATOR: HugePageAllocator = HugePageAllocator;

#[test]
fn into_matches_the_fresh_result() {
    let x = table(300, 7);
    let mut out = Array2::from_elem((300, 7), f64::NAN);
    standardize_into(x.view(), out.view_mut()).unwrap();
    // `==`: the same operations in the same order.
    assert_eq!(out, standardize(x.view()).unwrap());
    let col = out.column(3);
    assert!(col.mean().unwrap().abs() < 1e-12);
    assert!((col.std(0.0) - 1.0).abs() < 1e-12);
    let z32 = standardize_f32(x.mapv(|v| v as f32).view()).unwrap();
    let diff = (&z32.mapv(f64::from) - &out).mapv(f64::abs);
    assert!(diff.iter().all(|&d| d < 1e-5));
}

#[test]
fn shapes_and_empty_inputs_are_errors() {
    let x = table(4, 3);
    let mut small = Array2::zeros((4, 2));
    assert_eq!(
        standardize_into(x.view(), small.view_mut()),
        Err(MemoryError::Shape {
            input: (4, 3),
            out: (4, 2)
        })
    );
    let empty = Array2::<f64>::zeros((0, 3));
    assert_eq!(standardize(empty.view()), Err(MemoryError::Empty));
}

#[test]
fn large_blocks_are_aligned_and_keep_their_contents() {
    for huge in [true, false] {
        set_huge_pages(huge);
        let mut v: Vec<u64> = (0..1_000_000).collect(); // 8 MB
        assert_eq!(v.as_ptr() as usize % HUGE_PAGE, 0);
        v.extend(0..1_000_000); // realloc: a larger aligned block, copied
        assert_eq!(v.as_ptr() as usize % HUGE_PAGE, 0);
        assert_eq!(
            (v[999_999], v[1_000_000], v.len()),
            (999_999, 0, 2_000_000)
        );
        let zeroed = vec![0u8; 6 << 20]; // alloc_zeroed
        assert!(zeroed.iter().all(|&b| b == 0));
        let small: Vec<u8> = std::iter::repeat_n(1, 100).collect();
        assert_eq!(small.iter().map(|&b| usize::from(b)).sum::<usize>(), 100);
    }
    set_huge_pages(true);
}
