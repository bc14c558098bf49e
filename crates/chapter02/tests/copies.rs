//! The counting allocator proves which operations copy and which arithmetic
//! forms allocate (counts are per thread, so the test harness's parallel
//! threads do not disturb them).

use ndarray::{Array1, Array2, ArrayView2, Order, s};
use support::alloc::{Allocations, CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const NONE: Allocations = Allocations::NONE;

/// One allocation of `bytes` bytes, not asked to be zeroed.
fn one(bytes: usize) -> Allocations {
    Allocations {
        count: 1,
        bytes,
        zeroed: 0,
    }
}

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
    let one_copy = one(1600);
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
    let rows = one(3 * 10 * 8);
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

#[test]
fn arithmetic_allocates_only_when_no_operand_is_given_up() {
    let a = Array1::<f64>::ones(100); // 800 bytes
    let b = Array1::<f64>::ones(100);
    assert_eq!(count_allocations(|| &a + &b).1, one(800));
    assert_eq!(count_allocations(|| &a * 2.0).1, one(800));
    let (a2, b2) = (a.clone(), b.clone());
    let (left, right) = (a2.as_ptr(), b2.as_ptr());
    let (sum, seen) = count_allocations(|| a2 + &b);
    assert_eq!((seen, sum.as_ptr()), (NONE, left));
    let (sum, seen) = count_allocations(|| &a + b2);
    assert_eq!((seen, sum.as_ptr()), (NONE, right));
    let (a2, b2) = (a.clone(), b.clone());
    assert_eq!(count_allocations(|| a2 + b2).1, NONE);
    let mut c = a.clone();
    assert_eq!(count_allocations(|| c += &b).1, NONE);
    assert_eq!(c, Array1::from_elem(100, 2.0));
    // A broadcast left operand cannot hold the result: a new array.
    let row = Array1::<f64>::ones(3);
    let table = Array2::<f64>::ones((2, 3));
    assert_eq!(count_allocations(|| row + &table).1, one(48));
}

#[test]
fn shared_arrays_copy_on_the_first_write() {
    let a = Array2::<f64>::ones((4, 5)); // 160 bytes
    let shared = a.into_shared();
    let (mut other, seen) = count_allocations(|| shared.clone());
    assert_eq!(seen, NONE);
    assert_eq!(other.as_ptr(), shared.as_ptr());
    let ((), seen) = count_allocations(|| other[[0, 0]] = 5.0);
    // The data (160 bytes) and a new reference count.
    assert_eq!(seen.count, 2);
    assert!(seen.bytes > 160, "{seen}");
    assert_ne!(other.as_ptr(), shared.as_ptr());
    assert_eq!(shared[[0, 0]], 1.0);
}

#[test]
fn views_of_slices_and_zeroed_memory() {
    let data = vec![1.0; 6];
    let (view, seen) =
        count_allocations(|| ArrayView2::from_shape((2, 3), &data));
    assert_eq!(seen, NONE);
    assert_eq!(view.unwrap().as_ptr(), data.as_ptr());
    // zeros asks the allocator for zeroed memory (calloc); from_elem and
    // uninit for plain memory.
    let zeroed = Allocations {
        zeroed: 1,
        ..one(8000)
    };
    assert_eq!(count_allocations(|| Array1::<f64>::zeros(1000)).1, zeroed);
    let (_, seen) = count_allocations(|| Array1::from_elem(1000, f64::NAN));
    assert_eq!(seen, one(8000));
    assert_eq!(
        count_allocations(|| Array1::<f64>::uninit(1000)).1,
        one(8000)
    );
}
