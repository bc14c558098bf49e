//! Records: the bytes Rust writes for the penguins are the bytes NumPy
//! writes with `tofile` for the same structured dtype, and NumPy's bytes
//! read back into the same records.

use std::fs;

use chapter13::records::{
    Penguin, PenguinColumns, RecordError, mean_mass_aos, mean_mass_soa,
    penguin_records, read_records, records_from_bytes, synthetic_penguins,
    write_records,
};

#[derive(serde::Deserialize)]
struct Numpy {
    hex: String,
    itemsize: usize,
    mean_mass: Vec<f64>,
}

fn numpy() -> Numpy {
    support::fixtures::load(env!("CARGO_MANIFEST_DIR"), "records").unwrap()
}

fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

fn penguins() -> Vec<Penguin> {
    let p = support::data::load_penguins().unwrap();
    penguin_records(&p).unwrap().to_vec()
}

#[test]
fn rust_writes_the_bytes_numpy_writes() {
    let numpy = numpy();
    assert_eq!(size_of::<Penguin>(), numpy.itemsize);
    let dir = std::env::temp_dir()
        .join(format!("scml-ch13-test-rec-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("penguins.rec");
    write_records(&path, &penguins()).unwrap();
    let written = fs::read(&path).unwrap();
    let _ = fs::remove_dir_all(&dir);
    // Byte for byte: every offset, the NaNs' bit pattern, the zero padding.
    assert_eq!(written, from_hex(&numpy.hex));
}

#[test]
fn rust_reads_numpys_bytes() {
    let records = records_from_bytes(&from_hex(&numpy().hex)).unwrap();
    let ours = penguins();
    assert_eq!(records.len(), 344);
    assert_eq!(
        bytemuck::cast_slice::<Penguin, u8>(&records),
        bytemuck::cast_slice::<Penguin, u8>(&ours)
    );
    // Spot-check fields, so that a shifted layout cannot pass by symmetry.
    assert_eq!(records[0].body_mass_g, 3750.0);
    assert_eq!((records[0].year, records[0].species), (2007, 0));
    assert_eq!(records[0].sex, 2);
    assert!(records[3].body_mass_g.is_nan()); // the row of NAs
    assert_eq!(records[343].species, 1); // the last row is a Chinstrap
}

#[test]
fn means_equal_numpys_and_aos_equals_soa() {
    let records = penguins();
    let aos = mean_mass_aos(&records);
    support::fixtures::assert_allclose(
        &aos[..],
        &numpy().mean_mass,
        1e-13,
        0.0,
    );
    assert_eq!(mean_mass_soa(&PenguinColumns::from_records(&records)), aos);
    let synthetic = synthetic_penguins(1000);
    assert_eq!(
        mean_mass_soa(&PenguinColumns::from_records(&synthetic)),
        mean_mass_aos(&synthetic)
    );
}

#[test]
fn partial_records_and_missing_files_are_typed_errors() {
    let bytes = from_hex(&numpy().hex);
    assert!(matches!(
        records_from_bytes(&bytes[..41]),
        Err(RecordError::PartialRecord { len: 41, size: 40 })
    ));
    assert!(matches!(
        read_records(std::path::Path::new("/no/such/file.rec")),
        Err(RecordError::Io(_))
    ));
    assert!(matches!(
        chapter13::records::species_code("Emperor"),
        Err(RecordError::UnknownCode {
            field: "species",
            ..
        })
    ));
}
