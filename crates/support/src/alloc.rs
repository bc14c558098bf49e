//! The book's measuring allocator: a global allocator that counts heap
//! allocations, to prove which array operations copy (chapters 2 and 4), and
//! keeps the peak of live heap bytes, to measure how much memory a computation
//! needed at its worst moment (chapter 6, and any program that installs it).
//!
//! A view (`a.view()`, `a.t()`, `a.slice(...)`) should allocate nothing;
//! `to_owned()` should allocate exactly one buffer of `len * size_of::<A>()`
//! bytes. Rather than trust the documentation, a program installs
//! [`CountingAllocator`] as its global allocator and wraps the operation in
//! [`count_allocations`] or [`measure_peak`]:
//!
//! ```
//! use support::alloc::{CountingAllocator, count_allocations, measure_peak};
//!
//! #[global_allocator]
//! static ALLOCATOR: CountingAllocator = CountingAllocator;
//!
//! fn main() {
//!     let a = ndarray::Array1::<f64>::zeros(10);
//!     let (_, seen) = count_allocations(|| a.view());
//!     assert_eq!((seen.count, seen.bytes), (0, 0));
//!     let (_, seen) = count_allocations(|| a.to_owned());
//!     assert_eq!((seen.count, seen.bytes), (1, 80));
//!     // A thousand 1 MiB buffers, each freed at once: 1 GiB allocated in all,
//!     // but never more than 1 MiB in use.
//!     let (_, peak) = measure_peak(|| {
//!         for _ in 0..1000 {
//!             drop(vec![0u8; 1 << 20]);
//!         }
//!     });
//!     assert_eq!(peak, 1 << 20);
//! }
//! ```
//!
//! The two measures differ in scope. [`count_allocations`] counts only the
//! allocations the calling thread makes while the closure runs, so its numbers
//! do not depend on what other threads (other tests, say) are doing at the same
//! time. The peak is a property of the whole process (atomics), so measure it
//! in a program that runs one thing at a time, as the book's examples do.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: bookkeeping
thread_local! {
    // `const` initialisers with no destructor: these thread-locals never
    // allocate, which matters, because they are used from inside the allocator
    // itself.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
    static ZEROED: Cell<usize> = const { Cell::new(0) };
}

fn record(bytes: usize, zeroed: bool) {
    // `try_with` rather than `with`: never panic inside the allocator, not even
    // while a thread is shutting down.
    let counting = COUNTING.try_with(Cell::get).unwrap_or(false);
    if counting {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        let _ = BYTES.try_with(|b| b.set(b.get() + bytes));
        if zeroed {
            let _ = ZEROED.try_with(|z| z.set(z.get() + 1));
        }
    }
}
// ANCHOR_END: bookkeeping

// ANCHOR: peak_bookkeeping
// Live heap bytes of the whole process, and the largest value they reached.
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}
// ANCHOR_END: peak_bookkeeping

// ANCHOR: allocator
/// The system allocator, plus a count of the allocations (and bytes requested)
/// made by the current thread inside [`count_allocations`], and a running
/// total of the process's live heap bytes with its peak ([`measure_peak`]).
#[derive(Debug)]
pub struct CountingAllocator;

// SAFETY: every method forwards to `System`, which upholds the `GlobalAlloc`
// contract, and returns what it returned; the bookkeeping only touches
// thread-locals that never allocate and two atomics, so it cannot recurse into
// the allocator or change what the caller receives.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), false);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract; we pass
        // it on unchanged.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), true);
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
        record(new_size, false);
        // SAFETY: `ptr` was allocated by `System` (every allocation goes
        // through this type), and the caller upholds the rest of
        // `GlobalAlloc::realloc`'s contract.
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
// ANCHOR_END: allocator

/// What [`count_allocations`] saw: the number of allocations (including
/// reallocations), the total bytes they requested, and how many of them asked
/// for memory that is already zero (`alloc_zeroed`, C's `calloc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Allocations {
    pub count: usize,
    pub bytes: usize,
    pub zeroed: usize,
}

impl Allocations {
    /// No allocation at all.
    pub const NONE: Self = Self {
        count: 0,
        bytes: 0,
        zeroed: 0,
    };
}

impl std::fmt::Display for Allocations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} allocation(s), {} bytes", self.count, self.bytes)
    }
}

// ANCHOR: count_allocations
/// Runs `operation` and returns its result with the allocations the current
/// thread made while it ran. Counts are only collected when
/// [`CountingAllocator`] is the program's global allocator; otherwise they are
/// zero.
pub fn count_allocations<R>(operation: impl FnOnce() -> R) -> (R, Allocations) {
    ALLOCATIONS.set(0);
    BYTES.set(0);
    ZEROED.set(0);
    COUNTING.set(true);
    let result = operation();
    COUNTING.set(false);
    let seen = Allocations {
        count: ALLOCATIONS.get(),
        bytes: BYTES.get(),
        zeroed: ZEROED.get(),
    };
    (result, seen)
}
// ANCHOR_END: count_allocations

// ANCHOR: measure_peak
/// Runs `operation` and returns its result with the peak number of heap bytes
/// in use during the call, above what was in use when it started (so the
/// result it returns counts, the inputs do not). Zero unless
/// [`CountingAllocator`] is the program's global allocator.
pub fn measure_peak<R>(operation: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let result = operation();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    (result, peak)
}
// ANCHOR_END: measure_peak

/// Heap bytes in use now (zero unless [`CountingAllocator`] is installed).
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}
