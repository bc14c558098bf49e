//! Installs the huge-page allocator and shows what a large block gets: its
//! alignment, and how much of it the kernel backs with 2 MiB pages (read
//! from /proc/self/smaps, so the number depends on the machine's settings).

use chapter10::hugepage::{
    HUGE_PAGE, HugePageAllocator, huge_kb_at, set_huge_pages,
};

// ANCHOR: install
#[global_allocator]
static ALLOCATOR: HugePageAllocator = HugePageAllocator;
// ANCHOR_END: install

fn main() {
    // ANCHOR: blocks
    let thp =
        std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled");
    println!("THP setting: {}", thp.as_deref().unwrap_or("none").trim());
    for huge in [true, false] {
        set_huge_pages(huge);
        let mut v = vec![0.0f64; 8 << 20]; // 64 MiB
        v.iter_mut().enumerate().for_each(|(i, x)| *x = i as f64);
        let ptr = v.as_ptr().cast::<u8>();
        println!(
            "advice {}: 2 MiB aligned: {}, huge pages: {} kB of 65536",
            if huge { "on " } else { "off" },
            (ptr as usize).is_multiple_of(HUGE_PAGE),
            huge_kb_at(ptr).unwrap_or(0),
        );
    }
    set_huge_pages(true);
    // ANCHOR_END: blocks
}
