//! Broadcasting in ndarray: arithmetic between arrays of different shapes
//! (both operands stretched, since ndarray 0.15), `broadcast()` views with a
//! stride of zero, the rule itself, and what ndarray does not do that NumPy
//! does.

use std::panic;

use chapter04::broadcast::{Shape, broadcast_shape};
use ndarray::{Array1, Array2, ArrayD, IxDyn, Zip, array};
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() -> Result<(), support::Report> {
    support::output_part("co_broadcast");
    // ANCHOR: co_broadcast
    let column = array![[0.0], [10.0], [20.0]]; // shape (3, 1)
    let row = array![1.0, 2.0, 3.0, 4.0]; // shape (4,)
    let grid = &column + &row; // both stretched: (3, 4)
    println!("(3, 1) + (4,) -> {:?}\n{grid}", grid.shape());
    let table = Array2::<f64>::ones((3, 4));
    let centred = &table - &row; // row stretched down: (3, 4)
    println!("(3, 4) - (4,) -> {:?}", centred.shape());
    // ANCHOR_END: co_broadcast

    support::output_part("views");
    // ANCHOR: views
    let (stretched, seen) = count_allocations(|| row.broadcast((3, 4)));
    let stretched = stretched.ok_or("(4,) broadcasts to (3, 4)")?;
    println!("row.broadcast((3, 4)): shape {:?}", stretched.shape());
    println!("  strides {:?}", stretched.strides());
    println!(
        "  same memory as row: {}",
        stretched.as_ptr() == row.as_ptr()
    );
    println!("  allocated: {seen}");
    println!("  row 2 of the view: {}", stretched.row(2));
    // ANCHOR_END: views

    support::output_part("rule");
    // The loop catches ndarray's panic; this hook keeps it from printing too.
    panic::set_hook(Box::new(|_| {}));
    // ANCHOR: rule
    let pairs: [(&[usize], &[usize]); 6] = [
        (&[3, 4], &[4]),
        (&[3, 1], &[4]),
        (&[3, 1], &[1, 4]),
        (&[5, 1, 4], &[3, 1]),
        (&[0, 4], &[1, 4]),
        (&[3, 4], &[3]),
    ];
    for (a, b) in pairs {
        let rule = broadcast_shape(a, b);
        // What ndarray's `+` really does with arrays of these shapes:
        let (x, y) = (ArrayD::<f64>::zeros(a), ArrayD::<f64>::zeros(b));
        let added = panic::catch_unwind(|| (&x + &y).shape().to_vec());
        let agree = rule.as_ref().ok() == added.as_ref().ok();
        match rule {
            Ok(shape) => {
                print!("{} + {} -> {}", Shape(a), Shape(b), Shape(&shape))
            }
            Err(_) => print!("{} + {} -> error", Shape(a), Shape(b)),
        }
        println!("   (ndarray's + agrees: {agree})");
    }
    // ANCHOR_END: rule
    let _ = panic::take_hook();

    support::output_part("differences");
    // ANCHOR: differences
    let a = array![1.0, 5.0, 3.0];
    let b = array![1.0, 2.0, 3.0];
    // `==` compares whole arrays (shape and every element): one bool.
    println!("a == b: {}", a == b);
    // Element-wise comparisons are a map, written out:
    let equal: Array1<bool> = Zip::from(&a).and(&b).map_collect(|x, y| x == y);
    let above: Array1<bool> = a.mapv(|x| x > 2.0);
    println!("element-wise a == b: {equal}");
    println!("a > 2: {above}");
    // `Zip` does not broadcast unless asked to, operand by operand:
    let mut out = Array2::<f64>::zeros((3, 3));
    Zip::from(&mut out)
        .and_broadcast(&a) // (3,) stretched to (3, 3)
        .and_broadcast(b.view().insert_axis(ndarray::Axis(1))) // (3, 1)
        .for_each(|o, &x, &y| *o = x * y);
    println!("Zip with and_broadcast:\n{out}");
    // `assign` broadcasts its argument, like NumPy's `out[...] = a`:
    out.assign(&a);
    println!("out.assign(&a): row 2 = {}", out.row(2));
    // A dynamic number of axes, decided at run time as in NumPy:
    let dynamic = ArrayD::<f64>::zeros(IxDyn(&[2, 1, 3])) + &a;
    println!("(2, 1, 3) + (3,) -> {:?}", dynamic.shape());
    // ANCHOR_END: differences
    Ok(())
}
