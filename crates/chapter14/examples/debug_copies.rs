//! The debugging clinic's silent copy: a helper that takes `&Array1` makes
//! every caller with a view copy it, once per row of a hot loop. The
//! book's counting allocator shows the copies; the fix takes views.

use chapter14::debug::{predict, predict_copying};
use chapter14::perf::uniform;
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() {
    // ANCHOR: copies
    let x = uniform(10_000, 20, 21); // 10,000 samples, 20 features
    let w = uniform(1, 20, 22).row(0).to_owned();
    let (slow, copying) = count_allocations(|| predict_copying(x.view(), &w));
    let (fast, viewing) = count_allocations(|| predict(x.view(), w.view()));
    println!("predict_copying: {copying}");
    println!("predict (views): {viewing}");
    println!("same scores: {}", slow == fast);
    // ANCHOR_END: copies
}
