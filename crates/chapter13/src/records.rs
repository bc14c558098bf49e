//! Structured records: NumPy's structured dtypes as `#[repr(C)]` structs
//! that bytemuck may reinterpret as bytes (`Pod`), a record file written and
//! read with that explicit layout, and the same data as a struct of arrays.

use std::fs;
use std::path::Path;

use bytemuck::{Pod, Zeroable};
use ndarray::Array1;
use support::data::Penguins;

// ANCHOR: record
/// One penguin, laid out byte for byte as the NumPy dtype
/// `PENGUIN_DTYPE` of `numpy/records.py`: four `<f8` at offsets 0, 8, 16 and
/// 24, a `<u2` year at 32, two `u1` codes at 34 and 35, and four bytes of
/// explicit padding up to 40, a multiple of the 8-byte alignment.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Pod, Zeroable)]
pub struct Penguin {
    pub bill_length_mm: f64,
    pub bill_depth_mm: f64,
    pub flipper_length_mm: f64,
    pub body_mass_g: f64,
    pub year: u16,
    /// 0 Adelie, 1 Chinstrap, 2 Gentoo.
    pub species: u8,
    /// 0 not recorded, 1 female, 2 male.
    pub sex: u8,
    /// `Pod` forbids hidden padding: it must be a named field, and zero.
    pub _pad: [u8; 4],
}
// ANCHOR_END: record

/// What can go wrong reading records.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("cannot read or write the record file: {0}")]
    Io(#[from] std::io::Error),
    #[error("{len} bytes is not a whole number of {size}-byte records")]
    PartialRecord { len: usize, size: usize },
    #[error("unknown {field} `{value}`")]
    UnknownCode { field: &'static str, value: String },
    #[error("year {0} does not fit in a u16")]
    Year(i32),
}

/// The code the record stores for a species name.
pub fn species_code(name: &str) -> Result<u8, RecordError> {
    match name {
        "Adelie" => Ok(0),
        "Chinstrap" => Ok(1),
        "Gentoo" => Ok(2),
        _ => Err(RecordError::UnknownCode {
            field: "species",
            value: name.to_owned(),
        }),
    }
}

fn sex_code(sex: Option<&str>) -> Result<u8, RecordError> {
    match sex {
        None => Ok(0),
        Some("female") => Ok(1),
        Some("male") => Ok(2),
        Some(other) => Err(RecordError::UnknownCode {
            field: "sex",
            value: other.to_owned(),
        }),
    }
}

// ANCHOR: from_penguins
/// The penguins table as an `Array1<Penguin>`, one record per row (missing
/// measurements stay `NaN`, as in NumPy).
pub fn penguin_records(p: &Penguins) -> Result<Array1<Penguin>, RecordError> {
    let rows = p.measurements.rows().into_iter().enumerate();
    rows.map(|(i, m)| {
        Ok(Penguin {
            bill_length_mm: m[0],
            bill_depth_mm: m[1],
            flipper_length_mm: m[2],
            body_mass_g: m[3],
            year: u16::try_from(p.year[i])
                .map_err(|_| RecordError::Year(p.year[i]))?,
            species: species_code(&p.species[i])?,
            sex: sex_code(p.sex[i].as_deref())?,
            _pad: [0; 4],
        })
    })
    .collect()
}
// ANCHOR_END: from_penguins

// ANCHOR: write_read
/// Writes the records' bytes as they are in memory: NumPy's `tofile` of an
/// array with `PENGUIN_DTYPE` (little-endian machines only, as the dtype's
/// `<` says).
pub fn write_records(
    path: &Path,
    records: &[Penguin],
) -> Result<(), RecordError> {
    fs::write(path, bytemuck::cast_slice::<Penguin, u8>(records))?;
    Ok(())
}

/// Reads a record file. `fs::read` returns a `Vec<u8>`, aligned for `u8`
/// only, so the bytes are copied into properly aligned records
/// (`pod_collect_to_vec`) rather than reinterpreted in place.
pub fn read_records(path: &Path) -> Result<Vec<Penguin>, RecordError> {
    records_from_bytes(&fs::read(path)?)
}

/// The records in `bytes`, checking that they are whole records.
pub fn records_from_bytes(bytes: &[u8]) -> Result<Vec<Penguin>, RecordError> {
    let size = size_of::<Penguin>();
    if !bytes.len().is_multiple_of(size) {
        return Err(RecordError::PartialRecord {
            len: bytes.len(),
            size,
        });
    }
    Ok(bytemuck::pod_collect_to_vec(bytes))
}
// ANCHOR_END: write_read

// ANCHOR: soa
/// The same table as a struct of arrays: one contiguous column per field.
#[derive(Debug, Clone, PartialEq)]
pub struct PenguinColumns {
    pub body_mass_g: Array1<f64>,
    pub flipper_length_mm: Array1<f64>,
    pub species: Array1<u8>,
}

impl PenguinColumns {
    pub fn from_records(records: &[Penguin]) -> Self {
        let column = |f: fn(&Penguin) -> f64| -> Array1<f64> {
            records.iter().map(f).collect()
        };
        Self {
            body_mass_g: column(|p| p.body_mass_g),
            flipper_length_mm: column(|p| p.flipper_length_mm),
            species: records.iter().map(|p| p.species).collect(),
        }
    }
}
// ANCHOR_END: soa

// ANCHOR: mean_by_species
/// Mean body mass of each species, skipping `NaN`s, over an array of
/// structs: each step reads one record (40 bytes) to use 9 of them.
pub fn mean_mass_aos(records: &[Penguin]) -> [f64; 3] {
    let mut sum = [0.0; 3];
    let mut count = [0usize; 3];
    for p in records {
        let s = usize::from(p.species.min(2));
        if !p.body_mass_g.is_nan() {
            sum[s] += p.body_mass_g;
            count[s] += 1;
        }
    }
    std::array::from_fn(|s| sum[s] / count[s] as f64)
}

/// The same over a struct of arrays: two contiguous columns.
pub fn mean_mass_soa(columns: &PenguinColumns) -> [f64; 3] {
    let mut sum = [0.0; 3];
    let mut count = [0usize; 3];
    let pairs = columns.species.iter().zip(&columns.body_mass_g);
    for (&species, &mass) in pairs {
        let s = usize::from(species.min(2));
        if !mass.is_nan() {
            sum[s] += mass;
            count[s] += 1;
        }
    }
    std::array::from_fn(|s| sum[s] / count[s] as f64)
}
// ANCHOR_END: mean_by_species

/// `n` synthetic penguins for the benchmark, from SplitMix64 (the
/// `scml_data.splitmix64` twin): uniform masses in [2700, 6300) g, a
/// species from the low bits, no missing values.
pub fn synthetic_penguins(n: usize) -> Vec<Penguin> {
    (0..n as u64)
        .map(|i| {
            let z = splitmix64(i);
            let u = (z >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            Penguin {
                bill_length_mm: 40.0,
                bill_depth_mm: 17.0,
                flipper_length_mm: 200.0,
                body_mass_g: 2700.0 + 3600.0 * u,
                year: 2007,
                species: (z % 3) as u8,
                sex: 0,
                _pad: [0; 4],
            }
        })
        .collect()
}

/// SplitMix64 of the counter `i` (output `i + 1` from seed 0).
pub fn splitmix64(i: u64) -> u64 {
    let mut z = (i.wrapping_add(1)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
