//! ndarray's array types: one struct, `ArrayBase<S, D>`, with a storage type
//! `S` (owned, borrowed, borrowed mutably, copy-on-write, reference-counted)
//! and a dimension type `D`; and which arithmetic forms allocate, counted by
//! the support crate's counting allocator.

use ndarray::{
    ArcArray2, Array, Array1, Array2, ArrayD, ArrayView2, ArrayViewMut2,
    CowArray, Ix2, Ix3, IxDyn, array,
};
use support::alloc::{Allocations, CountingAllocator, count_allocations};

// ANCHOR: install
#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;
// ANCHOR_END: install

fn show(operation: &str, seen: Allocations) {
    println!("{operation:<30} {seen}");
}

fn main() -> Result<(), support::Report> {
    support::output_part("kinds");
    // ANCHOR: kinds
    let mut a: Array2<f64> = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    let (view, seen) = count_allocations(|| a.view());
    let view: ArrayView2<'_, f64> = view; // borrows a, read-only
    show("a.view()", seen);
    println!("  same buffer as a: {}", view.as_ptr() == a.as_ptr());
    let mut writer: ArrayViewMut2<'_, f64> = a.view_mut(); // borrows a
    writer[[0, 0]] = 10.0;
    println!("  a[[0, 0]] after writing through view_mut: {}", a[[0, 0]]);

    let data = vec![0.5; 6];
    let (from_slice, seen) =
        count_allocations(|| ArrayView2::from_shape((2, 3), &data));
    show("ArrayView2::from_shape(.., &v)", seen);
    println!(
        "  borrows the Vec: {}",
        from_slice?.as_ptr() == data.as_ptr()
    );

    let cow: CowArray<'_, f64, Ix2> = a.as_standard_layout();
    println!("as_standard_layout(): a view? {}", cow.is_view());

    let owned = a.clone();
    let (shared, seen) = count_allocations(|| owned.into_shared());
    let shared: ArcArray2<f64> = shared;
    show("owned.into_shared()", seen);
    let (mut other, seen) = count_allocations(|| shared.clone());
    show("shared.clone()", seen);
    println!("  same buffer: {}", other.as_ptr() == shared.as_ptr());
    let ((), seen) = count_allocations(|| other[[0, 0]] = -1.0);
    show("other[[0, 0]] = -1.0", seen);
    println!("  same buffer: {}", other.as_ptr() == shared.as_ptr());
    println!("  shared[[0, 0]] is still {}", shared[[0, 0]]);
    // ANCHOR_END: kinds

    support::output_part("dims");
    // ANCHOR: dims
    let batch = Array::<f32, _>::zeros((10, 28, 28)); // Array3<f32>
    let dynamic: ArrayD<f32> = batch.into_dyn(); // Array<f32, IxDyn>
    println!("ndim {}, shape {:?}", dynamic.ndim(), dynamic.shape());
    let image = &dynamic.slice(ndarray::s![0, .., ..]); // still IxDyn
    println!("one image: ndim {}", image.ndim());
    let back = dynamic.clone().into_dimensionality::<Ix3>()?;
    println!("back to Ix3: shape {:?}", back.dim());
    let wrong = dynamic.into_dimensionality::<Ix2>();
    println!("to Ix2: {:?}", wrong.map(|m| m.dim()));
    let made = Array::<f64, _>::zeros(IxDyn(&[2, 3, 4, 5]));
    println!("IxDyn(&[2, 3, 4, 5]): ndim {}", made.ndim());
    // ANCHOR_END: dims

    support::output_part("arithmetic");
    // ANCHOR: arithmetic
    let a = Array1::<f64>::ones(1000); // 8000 bytes
    let b = Array1::<f64>::ones(1000);
    let (_, seen) = count_allocations(|| &a + &b);
    show("&a + &b", seen);

    let (a2, b2) = (a.clone(), b.clone());
    let buffer = a2.as_ptr();
    let (sum, seen) = count_allocations(|| a2 + &b2);
    show("a + &b", seen);
    println!("  result in a's buffer: {}", sum.as_ptr() == buffer);

    let (a2, b2) = (a.clone(), b.clone());
    let buffer = b2.as_ptr();
    let (sum, seen) = count_allocations(|| &a + b2);
    show("&a + b", seen);
    println!("  result in b's buffer: {}", sum.as_ptr() == buffer);

    let (_, seen) = count_allocations(|| a2 * 2.0);
    show("a * 2.0", seen);
    let (_, seen) = count_allocations(|| &b * 2.0);
    show("&b * 2.0", seen);

    let mut c = b.clone();
    let ((), seen) = count_allocations(|| c += &b);
    show("c += &b", seen);

    let row = Array1::<f64>::ones(3);
    let table = Array2::<f64>::ones((2, 3));
    let (_, seen) = count_allocations(|| row + &table);
    show("row + &table (row broadcast)", seen);
    // ANCHOR_END: arithmetic
    Ok(())
}
