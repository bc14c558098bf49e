//! Which operations copy? A counting global allocator answers it for real:
//! views, slices, transposes and most reshapes allocate nothing; `to_owned`,
//! and `as_standard_layout` or `to_shape` of a view whose memory is not in the
//! order asked for, allocate a new buffer.

use ndarray::{Array2, Order, s};
use support::alloc::{Allocations, CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn show(operation: &str, seen: Allocations) {
    println!("{operation:<34} {seen}");
}

fn main() -> Result<(), support::Report> {
    support::output_part("views");
    // ANCHOR: views
    let a = Array2::<f64>::zeros((100, 50)); // 5000 elements, 40000 bytes
    let (view, seen) = count_allocations(|| a.view());
    show("a.view()", seen);
    let (rows, seen) = count_allocations(|| a.slice(s![10..20, ..]));
    show("a.slice(s![10..20, ..])", seen);
    let (transposed, seen) = count_allocations(|| a.t());
    show("a.t()", seen);
    println!(
        "the view and the slice point into a: {} {}",
        view.as_ptr() == a.as_ptr(),
        rows.as_ptr() == a.row(10).as_ptr()
    );
    // ANCHOR_END: views

    support::output_part("copies");
    // ANCHOR: copies
    let (_, seen) = count_allocations(|| rows.to_owned());
    show("rows.to_owned()", seen);
    let (standard, seen) = count_allocations(|| a.as_standard_layout());
    show("a.as_standard_layout()", seen);
    println!("  ... borrowed (no copy): {}", standard.is_view());
    let (standard_t, seen) =
        count_allocations(|| transposed.as_standard_layout());
    show("a.t().as_standard_layout()", seen);
    println!("  ... borrowed (no copy): {}", standard_t.is_view());
    let (_, seen) =
        count_allocations(|| a.to_shape(5000).map(|flat| flat.is_view()));
    show("a.to_shape(5000)", seen);
    let (_, seen) = count_allocations(|| {
        transposed.to_shape(5000).map(|flat| flat.is_view())
    });
    show("a.t().to_shape(5000)", seen);
    // read a.t() column by column
    let in_memory_order = ((5000,), Order::ColumnMajor);
    let (_, seen) = count_allocations(|| {
        transposed
            .to_shape(in_memory_order)
            .map(|flat| flat.is_view())
    });
    show("a.t().to_shape(((5000,), F))", seen);
    let (b, seen) = count_allocations(|| a.into_shape_with_order((50, 100)));
    show("a.into_shape_with_order((50, 100))", seen);
    println!("  ... new shape {:?}", b?.shape());
    // ANCHOR_END: copies
    Ok(())
}
