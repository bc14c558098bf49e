//! A borrow conflict with views: a mutable view of one column and a shared
//! view of another column of the same array, alive at the same time.

use ndarray::Array2;

fn main() {
    let mut a = Array2::<f64>::zeros((3, 2));
    a.column_mut(1).fill(7.0);
    // ANCHOR: debug_borrow_views
    // Copy column 1 into column 0.
    let source = a.column(1); // borrows all of `a`, immutably
    a.column_mut(0).assign(&source); // ...so `a` cannot be borrowed mutably
    // ANCHOR_END: debug_borrow_views
    println!("{a}");
}
