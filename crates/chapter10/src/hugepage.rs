//! A global allocator that asks Linux for 2 MiB pages on large blocks.
//!
//! Linux maps memory in 4 KiB pages unless a program asks for more. With
//! transparent huge pages in `madvise` mode (the setting of the machine
//! that built the book), a region gets 2 MiB pages only after
//! `madvise(ptr, len, MADV_HUGEPAGE)`. NumPy does this for every array of
//! 4 MiB or more; Rust's `Vec` does not. [`HugePageAllocator`] wraps the
//! system allocator: a block of [`THRESHOLD`] bytes or more is aligned to
//! 2 MiB (so that whole huge pages fit in it) and, while huge pages are
//! switched on ([`set_huge_pages`]), advised with `MADV_HUGEPAGE` before
//! anything touches it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

// ANCHOR: allocator
/// The size of a transparent huge page on x86-64 Linux.
pub const HUGE_PAGE: usize = 2 << 20;

/// Blocks at least this large are aligned to [`HUGE_PAGE`] and advised.
pub const THRESHOLD: usize = 4 << 20;

static ENABLED: AtomicBool = AtomicBool::new(true);

/// The system allocator, with `MADV_HUGEPAGE` on blocks of 4 MiB or more.
#[derive(Debug)]
pub struct HugePageAllocator;

/// The layout the system allocator really gets: large blocks start on a
/// 2 MiB boundary. It depends on the size alone, never on the switch, so
/// that `dealloc` always passes `System` the layout `alloc` used.
fn system_layout(layout: Layout) -> Layout {
    if layout.size() >= THRESHOLD {
        layout.align_to(HUGE_PAGE).unwrap_or(layout)
    } else {
        layout
    }
}

/// Asks for huge pages on `len` bytes from `ptr` (only a hint: an error,
/// say on a kernel without huge pages, leaves ordinary pages).
fn advise(ptr: *mut u8, len: usize) {
    if !ptr.is_null() && ENABLED.load(Ordering::Relaxed) {
        // SAFETY: `ptr` starts a live block of at least `len` bytes that
        // the system allocator just returned, aligned to 2 MiB (so to the
        // page size, as `madvise` requires); MADV_HUGEPAGE changes how the
        // kernel backs those pages, never their contents or the mapping.
        unsafe {
            libc::madvise(ptr.cast(), len, libc::MADV_HUGEPAGE);
        }
    }
}

// SAFETY: every method forwards to `System` with a layout of the same size
// and an alignment at least as strict as the caller's, so each block
// satisfies the caller's layout; `dealloc` recomputes the very layout
// `alloc` passed (`system_layout` depends on the size only); `madvise` is
// advice that never moves or changes memory.
unsafe impl GlobalAlloc for HugePageAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let system = system_layout(layout);
        // SAFETY: the caller guarantees a non-zero size; `system` has the
        // same size and a valid (power of two) alignment.
        let ptr = unsafe { System.alloc(system) };
        if system.size() >= THRESHOLD {
            advise(ptr, system.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let system = system_layout(layout);
        if system.size() < THRESHOLD {
            // SAFETY: as in `alloc`.
            return unsafe { System.alloc_zeroed(system) };
        }
        // Advise first, zero after: the zeroing is the first touch, and a
        // page touched before the advice is a 4 KiB page.
        // SAFETY: as in `alloc`.
        let ptr = unsafe { System.alloc(system) };
        advise(ptr, system.size());
        if !ptr.is_null() {
            // SAFETY: `ptr` is a fresh block of `system.size()` bytes.
            unsafe { ptr.write_bytes(0, system.size()) };
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this `layout`, so from
        // `System` with `system_layout(layout)`.
        unsafe { System.dealloc(ptr, system_layout(layout)) }
    }
    // `realloc` keeps its default: a fresh `alloc`, a copy and a `dealloc`,
    // so a block that grows past the threshold is advised too.
}
// ANCHOR_END: allocator

/// Switches the advice on or off for blocks allocated from now on (the
/// 2 MiB alignment stays), and returns the previous setting: the benchmark's
/// 4 KiB-page rows run the same code with the advice off.
pub fn set_huge_pages(on: bool) -> bool {
    ENABLED.swap(on, Ordering::Relaxed)
}

/// The kB of anonymous huge pages backing the mapping that contains `ptr`,
/// read from `/proc/self/smaps` (Linux only); `None` when the file or the
/// mapping cannot be found.
pub fn huge_kb_at(ptr: *const u8) -> Option<usize> {
    let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
    let address = ptr as usize;
    let mut inside = false;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if let Some((start, end)) = first.split_once('-')
            && let (Ok(start), Ok(end)) = (
                usize::from_str_radix(start, 16),
                usize::from_str_radix(end, 16),
            )
        {
            inside = (start..end).contains(&address);
            continue;
        }
        if inside && let Some(rest) = line.strip_prefix("AnonHugePages:") {
            return rest.trim().trim_end_matches("kB").trim().parse().ok();
        }
    }
    None
}
