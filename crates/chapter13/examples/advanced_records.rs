//! Structured records: the penguins as an `Array1` of a `#[repr(C)]` `Pod`
//! struct with NumPy's layout, a record file written and read back, and the
//! same means over an array of structs and a struct of arrays.

use std::fs;
use std::mem::{align_of, offset_of};

use chapter13::records::{
    Penguin, PenguinColumns, mean_mass_aos, mean_mass_soa, penguin_records,
    read_records, records_from_bytes, write_records,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    support::output_part("layout");
    // ANCHOR: layout
    println!(
        "size: {} alignment: {}",
        size_of::<Penguin>(),
        align_of::<Penguin>()
    );
    let offsets = [
        offset_of!(Penguin, bill_length_mm),
        offset_of!(Penguin, bill_depth_mm),
        offset_of!(Penguin, flipper_length_mm),
        offset_of!(Penguin, body_mass_g),
        offset_of!(Penguin, year),
        offset_of!(Penguin, species),
        offset_of!(Penguin, sex),
    ];
    println!("offsets: {offsets:?}");
    // ANCHOR_END: layout

    support::output_part("records");
    // ANCHOR: records
    let penguins = penguin_records(&support::data::load_penguins()?)?;
    for p in penguins.iter().take(2) {
        let Penguin {
            bill_length_mm: l,
            bill_depth_mm: d,
            ..
        } = *p;
        let (f, m) = (p.flipper_length_mm, p.body_mass_g);
        println!("({l}, {d}, {f}, {m}, {}, {}, {})", p.year, p.species, p.sex);
    }
    let means = mean_mass_aos(penguins.as_slice().ok_or("not contiguous")?);
    for (name, mean) in ["Adelie", "Chinstrap", "Gentoo"].iter().zip(means) {
        println!("{name:<10} mean mass {mean:.2} g");
    }
    // ANCHOR_END: records

    support::output_part("columns");
    // ANCHOR: columns
    let records = penguins.as_slice().ok_or("not contiguous")?;
    let columns = PenguinColumns::from_records(records);
    // Bit for bit the same: the same additions in the same order.
    println!("same means: {}", mean_mass_soa(&columns) == means);
    // ANCHOR_END: columns

    support::output_part("file");
    // ANCHOR: file
    let dir = std::env::temp_dir()
        .join(format!("scml-ch13-rec-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let path = dir.join("penguins.rec");
    write_records(&path, records)?; // penguins.tofile(path)
    let back = read_records(&path)?; // np.fromfile(path, PENGUIN_DTYPE)
    let len = fs::metadata(&path)?.len();
    println!(
        "file: {len} bytes = {} x {}",
        back.len(),
        size_of::<Penguin>()
    );
    // `==` on f64 fields: NaN != NaN, so compare the bytes, as NumPy did.
    let same = bytemuck::cast_slice::<Penguin, u8>(&back)
        == bytemuck::cast_slice::<Penguin, u8>(records);
    println!("identical: {same}");
    // A file that stops in the middle of a record.
    let bytes = fs::read(&path)?;
    match records_from_bytes(&bytes[..bytes.len() - 3]) {
        Ok(r) => println!("{} records", r.len()),
        Err(e) => println!("cut file: {e}"),
    }
    // ANCHOR_END: file
    fs::remove_dir_all(&dir)?;
    Ok(())
}
