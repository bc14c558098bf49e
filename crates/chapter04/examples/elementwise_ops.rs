//! Element-wise operations: arithmetic with arrays and scalars, `mapv` and
//! `mapv_inplace`, `Zip` and `azip!`, the temporaries an expression allocates
//! (counted by chapter 2's counting allocator), and a ufunc of our own that
//! takes arrays of any number of axes.

use chapter04::ufunc::{logistic, logistic_inplace};
use ndarray::{Array1, ArrayD, IxDyn, Zip, array, azip};
use support::alloc::{CountingAllocator, count_allocations};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() {
    support::output_part("scalars");
    // ANCHOR: scalars
    let a = array![1.0, 2.0, 3.0, 4.0];
    let b = array![0.5, 0.25, 2.0, -1.0];
    println!("&a + &b     = {}", &a + &b);
    println!("&a * &b     = {}", &a * &b); // element-wise, not a dot product
    println!("&a * 2.0    = {}", &a * 2.0);
    println!("1.0 / &a    = {}", 1.0 / &a); // a scalar on the left works too
    println!("a.dot(&b)   = {}", a.dot(&b)); // the dot product is a method
    // ANCHOR_END: scalars

    support::output_part("mapv");
    // ANCHOR: mapv
    let roots = a.mapv(f64::sqrt); // a new array
    let mut z = array![-1.5, 0.0, 2.5];
    z.mapv_inplace(|v: f64| v.max(0.0)); // ReLU, in z's own buffer
    println!("a.mapv(sqrt)        = {roots:.4}");
    println!("ReLU, mapv_inplace  = {z}");
    // ANCHOR_END: mapv

    support::output_part("zip");
    // ANCHOR: zip
    let c = array![10.0, 20.0, 30.0, 40.0];
    let mut out = Array1::<f64>::zeros(4);
    Zip::from(&mut out)
        .and(&a)
        .and(&b)
        .and(&c)
        .for_each(|o, &x, &y, &z| *o = x * y + z);
    println!("Zip:   {out}");
    // azip! is the same Zip, with a pattern per operand:
    azip!((o in &mut out, &x in &a, &y in &b) *o = x * y);
    println!("azip!: {out}");
    // ANCHOR_END: zip

    support::output_part("temporaries");
    // ANCHOR: temporaries
    let n = 1000;
    let (a, b, c) = (
        Array1::<f64>::ones(n),
        Array1::<f64>::ones(n),
        Array1::<f64>::ones(n),
    );
    let (_, seen) = count_allocations(|| &a * &b + &c);
    println!("&a * &b + &c           {seen}");
    let a2 = a.clone();
    let (_, seen) = count_allocations(|| a2 * &b + &c); // a2 consumed
    println!("a2 * &b + &c (owned)   {seen}");
    let mut out = Array1::<f64>::zeros(n);
    let (_, seen) = count_allocations(
        || azip!((o in &mut out, &x in &a, &y in &b, &z in &c) *o = x * y + z),
    );
    println!("azip! into out         {seen}");
    // ANCHOR_END: temporaries

    support::output_part("ufunc");
    // ANCHOR: ufunc
    let scores = array![-800.0, -2.0, 0.0, 2.0, 800.0];
    println!("1-D: {:.4}", logistic(&scores));
    let table = array![[0.0, 1.0], [-1.0, 3.0]];
    println!("2-D view:\n{:.4}", logistic(&table.view()));
    let cube = ArrayD::<f64>::zeros(IxDyn(&[2, 2, 2]));
    println!("dynamic: shape {:?}", logistic(&cube).shape());
    let mut logits = table.clone();
    logistic_inplace(&mut logits);
    println!("in place: {:.4}", logits.row(1));
    // ANCHOR_END: ufunc
}
