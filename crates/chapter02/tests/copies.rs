//! The counting allocator proves which operations copy (counts are per thread,
//! so the test harness's parallel threads do not disturb them).

use chapter02::alloc_count::{
    Allocations, CountingAllocator, count_allocations,
};
use ndarray::{Array2, Order, s};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const NONE: Allocations = Allocations { count: 0, bytes: 0 };

#[test]
fn views_allocate_nothing() {
    let a = Array2::<f64>::zeros((20, 10));
    assert_eq!(count_allocations(|| a.view()).1, NONE);
    assert_eq!(count_allocations(|| a.slice(s![2..5, ..])).1, NONE);
    assert_eq!(count_allocations(|| a.t()).1, NONE);
    assert_eq!(count_allocations(|| a.row(3)).1, NONE);
    assert_eq!(count_allocations(|| a.as_standard_layout()).1, NONE);
    assert_eq!(
        count_allocations(|| a.to_shape(200).map(|r| r.is_view())).1,
        NONE
    );
    let t = a.t();
    let column_major = ((200,), Order::ColumnMajor);
    assert_eq!(
        count_allocations(|| t.to_shape(column_major).map(|r| r.is_view())).1,
        NONE
    );
}

#[test]
fn copies_allocate_one_buffer_of_the_data_size() {
    let a = Array2::<f64>::zeros((20, 10)); // 200 elements, 1600 bytes
    let one_copy = Allocations {
        count: 1,
        bytes: 1600,
    };
    assert_eq!(count_allocations(|| a.to_owned()).1, one_copy);
    assert_eq!(
        count_allocations(|| a.t().as_standard_layout().is_owned()).1,
        one_copy
    );
    assert_eq!(
        count_allocations(|| a.t().to_shape(200).map(|r| r.is_owned())).1,
        one_copy
    );
    assert_eq!(count_allocations(|| a.mapv(|x| x + 1.0)).1, one_copy);
    assert_eq!(count_allocations(|| &a + 1.0).1, one_copy);
    let rows = Allocations {
        count: 1,
        bytes: 3 * 10 * 8,
    };
    assert_eq!(
        count_allocations(|| a.slice(s![2..5, ..]).to_owned()).1,
        rows
    );
}

#[test]
fn in_place_operations_and_owned_reshapes_allocate_nothing() {
    let mut a = Array2::<f64>::zeros((20, 10));
    assert_eq!(count_allocations(|| a += 1.0).1, NONE);
    assert_eq!(count_allocations(|| a.mapv_inplace(|x| x * 2.0)).1, NONE);
    let (reshaped, seen) =
        count_allocations(|| a.into_shape_with_order((10, 20)));
    assert_eq!(seen, NONE);
    assert_eq!(reshaped.unwrap()[[9, 19]], 2.0);
}
