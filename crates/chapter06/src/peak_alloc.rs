//! A global allocator that records the *peak* of live heap bytes, to measure
//! how much memory a computation needed at its worst moment.
//!
//! Chapter 2's counting allocator adds up every allocation; a computation that
//! allocates and frees a 1 MB buffer a thousand times "allocates" 1 GB but
//! never needs more than 1 MB. What bounds a program is the high-water mark of
//! memory in use, which this allocator tracks: every allocation adds its size
//! to a running total of live bytes, every deallocation subtracts it, and the
//! largest total seen is kept.
//!
//! ```
//! use chapter06::peak_alloc::{PeakAllocator, measure_peak};
//!
//! #[global_allocator]
//! static ALLOCATOR: PeakAllocator = PeakAllocator;
//!
//! fn main() {
//!     let (_, peak) = measure_peak(|| {
//!         for _ in 0..1000 {
//!             drop(vec![0u8; 1 << 20]); // 1 MiB, freed at once
//!         }
//!     });
//!     assert_eq!(peak, 1 << 20);
//! }
//! ```
//!
//! The totals are process-wide (atomics), so measure in a program that runs
//! one thing at a time, as the chapter's examples do.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

/// The system allocator, plus a running total of live bytes and its peak.
#[derive(Debug)]
pub struct PeakAllocator;

// SAFETY: every method forwards to `System`, which upholds the `GlobalAlloc`
// contract; the bookkeeping only updates two atomics, which never allocate.
unsafe impl GlobalAlloc for PeakAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
        // SAFETY: `ptr` came from `System` with `layout`; the caller upholds
        // the rest of `GlobalAlloc::realloc`'s contract.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            grew(new_size);
            shrank(layout.size());
        }
        new
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }
}

/// Runs `operation` and returns its result with the peak number of heap bytes
/// in use during the call, above what was in use when it started (so the
/// result it returns counts, the inputs do not). Zero unless
/// [`PeakAllocator`] is the program's global allocator.
pub fn measure_peak<R>(operation: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let result = operation();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    (result, peak)
}

/// Heap bytes in use now (zero unless [`PeakAllocator`] is installed).
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}
