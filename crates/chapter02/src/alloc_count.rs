//! A global allocator that counts heap allocations, to prove which array
//! operations copy.
//!
//! A view (`a.view()`, `a.t()`, `a.slice(...)`) should allocate nothing;
//! `to_owned()` should allocate exactly one buffer of `len * size_of::<A>()`
//! bytes. Rather than trust the documentation, a program can install
//! [`CountingAllocator`] as its global allocator and wrap the operation in
//! [`count_allocations`]:
//!
//! ```
//! use chapter02::alloc_count::{CountingAllocator, count_allocations};
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
//! }
//! ```
//!
//! Only allocations made by the calling thread while the closure runs are
//! counted, so the numbers do not depend on what other threads (other tests,
//! say) are doing at the same time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

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

// ANCHOR: allocator
/// The system allocator, plus a count of the allocations (and bytes requested)
/// made by the current thread inside [`count_allocations`].
#[derive(Debug)]
pub struct CountingAllocator;

// SAFETY: every method forwards to `System`, which upholds the `GlobalAlloc`
// contract; the extra bookkeeping only touches thread-locals that never
// allocate, so it cannot recurse into the allocator or change what the caller
// receives.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), false);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract; we pass
        // it on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), true);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
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
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
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
