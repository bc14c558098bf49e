//! Loaders for the real datasets in `data/`.
//!
//! Every loader returns typed `ndarray` values and a [`DataError`] that names
//! the file, the line and the column when the input is bad, so a reader who
//! points a loader at their own CSV gets a message they can act on instead of a
//! panic.

use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use ndarray::{Array1, Array2, Array3};

/// What went wrong while reading a dataset. Its `Display` is a one-line
/// message that starts with the file (relative to the current folder when the
/// file is under it), as compilers write them: `data/iris.csv:5:2: ...`.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", shown(.path))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A field could not be parsed. `line` and `column` are 1-based, as an
    /// editor shows them; `column` counts fields, not characters.
    #[error("{}:{line}:{column}: {message}", shown(.path))]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The header has no column of the name the loader asked for.
    #[error(
        "{}: no column `{column}` (the header has: {})",
        shown(.path),
        names(.header)
    )]
    MissingColumn {
        path: PathBuf,
        column: String,
        header: Vec<String>,
    },
    /// The header has too few columns for this kind of dataset, e.g. a
    /// regression file with a target column but no feature column.
    #[error("{}: {message}", shown(.path))]
    Columns { path: PathBuf, message: String },
    /// The file has no header or no data rows.
    #[error("{}: {message}", shown(.path))]
    Empty { path: PathBuf, message: String },
    /// A PNG file could not be decoded, or is not the expected kind of image.
    #[error("{}: {message}", shown(.path))]
    Image { path: PathBuf, message: String },
}

/// `path` as a message shows it: relative to the current folder when it is
/// under it (`data/iris.csv`), as given otherwise.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let relative = cwd.as_deref().and_then(|cwd| path.strip_prefix(cwd).ok());
    relative.unwrap_or(path).display().to_string()
}

/// The header's names for a message: all of them, or the first ten of a wide
/// file (digits has 65 columns).
fn names(header: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut list = header[..header.len().min(SHOWN)].join(", ");
    if header.len() > SHOWN {
        list += &format!(", ... ({} columns)", header.len());
    }
    list
}

/// The folder that holds the book's datasets: `$SCML_DATA_DIR` when set,
/// otherwise the repository's `data/` folder.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("SCML_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        // crates/support -> the repository root
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .expect("crates/support is two folders below the root")
            .join("data"),
    }
}

/// A CSV file split into its header and its data rows, each row remembering its
/// line number.
///
/// The `csv` crate does the reading, so quoted fields are read as the CSV
/// format (RFC 4180) says: `"1,5"` is one field, and `""` inside quotes is one
/// `"`. Fields are trimmed of surrounding spaces, blank lines are skipped, and
/// a `.gz` file is decompressed as it is read.
#[derive(Debug, Clone)]
pub struct CsvTable {
    pub path: PathBuf,
    pub header: Vec<String>,
    rows: Vec<(usize, csv::StringRecord)>,
}

impl CsvTable {
    /// Reads `path` (plain or `.gz`) and checks that every row has as many
    /// fields as the header.
    pub fn read(path: &Path) -> Result<Self, DataError> {
        let file = fs::File::open(path).map_err(|source| DataError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let is_gzip = path.extension().is_some_and(|ext| ext == "gz");
        let input: Box<dyn Read> = if is_gzip {
            Box::new(GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(input);
        // The header is the first record that is not a blank line.
        let mut header: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, e))?;
            if record.len() == 1 && record[0].is_empty() {
                continue; // a line of spaces
            }
            let Some(header) = &header else {
                header = Some(record.iter().map(str::to_owned).collect());
                continue;
            };
            let line = record.position().map_or(0, |p| p.line() as usize);
            if record.len() != header.len() {
                return Err(DataError::Parse {
                    path: path.to_path_buf(),
                    line,
                    column: 1,
                    message: format!(
                        "expected {} fields (as in the header), found {}",
                        header.len(),
                        record.len()
                    ),
                });
            }
            rows.push((line, record));
        }
        let empty = |message: &str| DataError::Empty {
            path: path.to_path_buf(),
            message: message.into(),
        };
        let header = header.ok_or_else(|| {
            empty("the file is empty (expected a header row)")
        })?;
        if rows.is_empty() {
            return Err(empty("the file has a header but no data rows"));
        }
        Ok(Self {
            path: path.to_path_buf(),
            header,
            rows,
        })
    }

    /// Number of data rows.
    pub fn n_rows(&self) -> usize {
        self.rows.len()
    }

    /// The index of the column called `name`.
    pub fn column_index(&self, name: &str) -> Result<usize, DataError> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            DataError::MissingColumn {
                path: self.path.clone(),
                column: name.to_owned(),
                header: self.header.clone(),
            }
        })
    }

    /// The error for field `col` (0-based) of the row on `line`.
    fn field_error(
        &self,
        line: usize,
        col: usize,
        message: String,
    ) -> DataError {
        DataError::Parse {
            path: self.path.clone(),
            line,
            column: col + 1,
            message: format!("column `{}`: {message}", self.header[col]),
        }
    }

    /// Parses column `col` of every row with `parse`, which returns an error
    /// message on failure.
    pub fn parse_column<T>(
        &self,
        col: usize,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, DataError> {
        self.rows
            .iter()
            .map(|(line, fields)| {
                parse(&fields[col])
                    .map_err(|message| self.field_error(*line, col, message))
            })
            .collect()
    }

    /// Parses the columns `cols` as `f64` into a `(rows, cols.len())` matrix.
    /// With `missing = Some(token)`, fields equal to `token` become `NaN`. It
    /// reads row by row, so the error is about the first bad field of the file.
    pub fn f64_matrix(
        &self,
        cols: &[usize],
        missing: Option<&str>,
    ) -> Result<Array2<f64>, DataError> {
        let mut out = Array2::zeros((self.rows.len(), cols.len()));
        for (mut row, (line, fields)) in
            out.rows_mut().into_iter().zip(&self.rows)
        {
            for (value, &col) in row.iter_mut().zip(cols) {
                *value = parse_f64(&fields[col], missing)
                    .map_err(|message| self.field_error(*line, col, message))?;
            }
        }
        Ok(out)
    }
}

/// A `csv` crate error as a [`DataError`]: an I/O error (a broken `.gz` stream
/// too) stays an I/O error; text that is not UTF-8 is a parse error at its line
/// and field.
fn csv_error(path: &Path, err: csv::Error) -> DataError {
    let line = err.position().map_or(0, |p| p.line() as usize);
    let text = err.to_string();
    let (column, message) = match err.into_kind() {
        csv::ErrorKind::Io(source) => {
            return DataError::Io {
                path: path.to_path_buf(),
                source,
            };
        }
        csv::ErrorKind::Utf8 { err, .. } => (
            err.field() + 1,
            format!("the field is not UTF-8 text ({err})"),
        ),
        // Not produced when reading records without serde, but the enum is
        // open.
        _ => (1, text),
    };
    DataError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

fn parse_f64(s: &str, missing: Option<&str>) -> Result<f64, String> {
    if missing == Some(s) {
        return Ok(f64::NAN);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(v) => {
            Err(format!("`{s}` parses to {v}, which is not a finite number"))
        }
        Err(_) if s.is_empty() => {
            Err("empty field where a number was expected".into())
        }
        Err(_) => Err(format!("`{s}` is not a number")),
    }
}

fn parse_label(s: &str, n_classes: usize) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(v) if v < n_classes => Ok(v),
        Ok(v) => Err(format!(
            "class id {v} is out of range (expected 0..{n_classes})"
        )),
        Err(_) => Err(format!("`{s}` is not a class id (a whole number)")),
    }
}

/// A labelled classification dataset: one row of `features` per sample.
#[derive(Debug, Clone)]
pub struct Classification {
    pub features: Array2<f64>,
    pub target: Array1<usize>,
    pub feature_names: Vec<String>,
    pub target_names: Vec<&'static str>,
}

/// A regression dataset: one row of `features` per sample and a real-valued
/// `target`.
#[derive(Debug, Clone)]
pub struct Regression {
    pub features: Array2<f64>,
    pub target: Array1<f64>,
    pub feature_names: Vec<String>,
}

/// The index of the target column (the last one) of a table whose other
/// columns are the features; an error when there is no feature column, rather
/// than an `n x 0` feature matrix.
fn features_then_target(
    table: &CsvTable,
    kind: &str,
) -> Result<usize, DataError> {
    match table.header.as_slice() {
        [only] => Err(DataError::Columns {
            path: table.path.clone(),
            message: format!(
                "a {kind} file needs feature columns and then a target \
                 column; the header has one column, `{only}`"
            ),
        }),
        header => Ok(header.len() - 1),
    }
}

/// Reads a CSV whose last column is an integer class id in
/// `0..target_names.len()`.
pub fn load_classification_csv(
    path: &Path,
    target_names: &[&'static str],
) -> Result<Classification, DataError> {
    let table = CsvTable::read(path)?;
    let last = features_then_target(&table, "classification")?;
    let cols: Vec<usize> = (0..last).collect();
    let features = table.f64_matrix(&cols, None)?;
    let target =
        table.parse_column(last, |s| parse_label(s, target_names.len()))?;
    Ok(Classification {
        features,
        target: Array1::from(target),
        feature_names: table.header[..last].to_vec(),
        target_names: target_names.to_vec(),
    })
}

/// Reads a CSV whose last column is a real-valued target.
pub fn load_regression_csv(path: &Path) -> Result<Regression, DataError> {
    let table = CsvTable::read(path)?;
    let last = features_then_target(&table, "regression")?;
    let cols: Vec<usize> = (0..last).collect();
    let features = table.f64_matrix(&cols, None)?;
    let target = table.f64_matrix(&[last], None)?.column(0).to_owned();
    Ok(Regression {
        features,
        target,
        feature_names: table.header[..last].to_vec(),
    })
}

const DIGIT_NAMES: [&str; 10] =
    ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Fisher's iris: 150 flowers × 4 measurements (cm), 3 species.
pub fn load_iris() -> Result<Classification, DataError> {
    load_classification_csv(
        &data_dir().join("iris.csv"),
        &["setosa", "versicolor", "virginica"],
    )
}

/// UCI wine: 178 wines × 13 chemical measurements, 3 cultivars.
pub fn load_wine() -> Result<Classification, DataError> {
    load_classification_csv(
        &data_dir().join("wine.csv"),
        &["class_0", "class_1", "class_2"],
    )
}

/// Breast cancer Wisconsin (diagnostic): 569 samples × 30 features; 0 =
/// malignant, 1 = benign.
pub fn load_breast_cancer() -> Result<Classification, DataError> {
    load_classification_csv(
        &data_dir().join("breast_cancer.csv"),
        &["malignant", "benign"],
    )
}

/// Handwritten digits: 1797 images of 8×8 pixels (values 0..=16), flattened
/// row-major.
pub fn load_digits() -> Result<Classification, DataError> {
    load_classification_csv(&data_dir().join("digits.csv.gz"), &DIGIT_NAMES)
}

/// 5000 MNIST digits (500 per class), 28×28 pixels with values 0..=255,
/// flattened row-major.
pub fn load_mnist_5k() -> Result<Classification, DataError> {
    load_classification_csv(&data_dir().join("mnist_5k.csv.gz"), &DIGIT_NAMES)
}

/// 2000 Fashion-MNIST images (200 per class), 28×28 pixels with values 0..=255.
pub fn load_fashion_mnist_2k() -> Result<Classification, DataError> {
    load_classification_csv(
        &data_dir().join("fashion_mnist_2k.csv.gz"),
        &[
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot",
        ],
    )
}

/// The diabetes study of Efron et al. (2004) in its raw units: 442 patients ×
/// 10 baseline variables; the target is disease progression one year later.
pub fn load_diabetes() -> Result<Regression, DataError> {
    load_regression_csv(&data_dir().join("diabetes.csv"))
}

/// Red wine quality: 1599 wines × 11 physicochemical measurements; the target
/// is the tasters' quality score (3 to 8).
pub fn load_wine_quality_red() -> Result<Regression, DataError> {
    load_regression_csv(&data_dir().join("winequality_red.csv"))
}

/// A calendar date, as written `YYYY-MM-DD` in the time-series files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD` (four, two and two digits) and checks the date
    /// against the calendar: 31 April or 29 February 1900 are errors.
    fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let number = |digits: &str, width: usize| {
            let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
            match digits.parse::<u32>() {
                Ok(n) if all_digits && digits.len() == width => Ok(n),
                _ => Err(bad()),
            }
        };
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let (year, month, day) = (number(y, 4)?, number(m, 2)?, number(d, 2)?);
        let year = year as i32; // at most 9999
        if !(1..=12).contains(&month) {
            return Err(format!("`{s}` is not a date: there is no month {m}"));
        }
        let days = days_in_month(year, month);
        if !(1..=days).contains(&day) {
            return Err(format!(
                "`{s}` is not a date: {} {year} has {days} days",
                MONTH_NAMES[month as usize - 1]
            ));
        }
        Ok(Date { year, month, day })
    }

    /// The date as a fractional year (e.g. 1958.24), for plotting and
    /// regression on time.
    pub fn decimal_year(&self) -> f64 {
        let days_before: u32 =
            (1..self.month).map(|m| days_in_month(self.year, m)).sum();
        let days_in_year = if is_leap_year(self.year) {
            366.0
        } else {
            365.0
        };
        let day_of_year = days_before + self.day - 1;
        f64::from(self.year) + f64::from(day_of_year) / days_in_year
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Gregorian leap years: every fourth year, except centuries not divisible by
/// 400 (1900 was not a leap year, 2000 was).
fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1 to 12) of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Weekly atmospheric CO2 at Mauna Loa, 1958-2001. Missing weeks are `NaN` in
/// `ppm`.
#[derive(Debug, Clone)]
pub struct Co2Weekly {
    pub dates: Vec<Date>,
    pub ppm: Array1<f64>,
}

/// Reads the weekly CO2 series (empty `co2_ppm` fields become `NaN`).
pub fn load_co2_weekly() -> Result<Co2Weekly, DataError> {
    read_co2_weekly(&data_dir().join("co2_weekly.csv"))
}

fn read_co2_weekly(path: &Path) -> Result<Co2Weekly, DataError> {
    let table = CsvTable::read(path)?;
    let dates = table.parse_column(table.column_index("date")?, Date::parse)?;
    let ppm = table.f64_matrix(&[table.column_index("co2_ppm")?], Some(""))?;
    Ok(Co2Weekly {
        dates,
        ppm: ppm.column(0).to_owned(),
    })
}

/// Yearly mean sunspot numbers, 1700-2008.
#[derive(Debug, Clone)]
pub struct Sunspots {
    pub years: Array1<i32>,
    pub activity: Array1<f64>,
}

/// Reads the yearly sunspot series.
pub fn load_sunspots_yearly() -> Result<Sunspots, DataError> {
    let table = CsvTable::read(&data_dir().join("sunspots_yearly.csv"))?;
    let years = table.parse_column(table.column_index("year")?, |s| {
        s.parse::<i32>().map_err(|_| format!("`{s}` is not a year"))
    })?;
    let activity =
        table.f64_matrix(&[table.column_index("sunactivity")?], None)?;
    Ok(Sunspots {
        years: Array1::from(years),
        activity: activity.column(0).to_owned(),
    })
}

/// The Palmer penguins: mixed text and numeric columns with missing values.
#[derive(Debug, Clone)]
pub struct Penguins {
    pub species: Vec<String>,
    pub island: Vec<String>,
    /// `None` where the sex was not recorded (`NA`).
    pub sex: Vec<Option<String>>,
    /// bill length (mm), bill depth (mm), flipper length (mm), body mass (g);
    /// `NaN` for `NA`.
    pub measurements: Array2<f64>,
    pub measurement_names: Vec<String>,
    pub year: Array1<i32>,
}

/// Reads `penguins.csv`, keeping missing values as `NaN` (numbers) or `None`
/// (sex).
pub fn load_penguins() -> Result<Penguins, DataError> {
    let table = CsvTable::read(&data_dir().join("penguins.csv"))?;
    let text = |name: &str| -> Result<Vec<String>, DataError> {
        table.parse_column(table.column_index(name)?, |s| Ok(s.to_owned()))
    };
    let names = [
        "bill_length_mm",
        "bill_depth_mm",
        "flipper_length_mm",
        "body_mass_g",
    ];
    let cols = names
        .iter()
        .map(|n| table.column_index(n))
        .collect::<Result<Vec<_>, _>>()?;
    let sex = table.parse_column(table.column_index("sex")?, |s| {
        Ok((s != "NA").then(|| s.to_owned()))
    })?;
    let year = table.parse_column(table.column_index("year")?, |s| {
        s.parse::<i32>().map_err(|_| format!("`{s}` is not a year"))
    })?;
    Ok(Penguins {
        species: text("species")?,
        island: text("island")?,
        sex,
        measurements: table.f64_matrix(&cols, Some("NA"))?,
        measurement_names: names.iter().map(|s| s.to_string()).collect(),
        year: Array1::from(year),
    })
}

fn decode_png(path: &Path) -> Result<(png::OutputInfo, Vec<u8>), DataError> {
    let image_err = |message: String| DataError::Image {
        path: path.to_path_buf(),
        message,
    };
    let file = fs::File::open(path).map_err(|source| DataError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(
        png::Transformations::EXPAND | png::Transformations::STRIP_16,
    );
    let mut reader = decoder
        .read_info()
        .map_err(|e| image_err(format!("not a readable PNG: {e}")))?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| image_err(format!("cannot decode PNG data: {e}")))?;
    buf.truncate(info.buffer_size());
    Ok((info, buf))
}

/// Reads an 8-bit greyscale PNG as a `(height, width)` array.
pub fn load_png_gray(path: &Path) -> Result<Array2<u8>, DataError> {
    let (info, buf) = decode_png(path)?;
    if info.color_type != png::ColorType::Grayscale {
        return Err(DataError::Image {
            path: path.to_path_buf(),
            message: format!(
                "expected a greyscale PNG, found {:?}",
                info.color_type
            ),
        });
    }
    let shape = (info.height as usize, info.width as usize);
    Array2::from_shape_vec(shape, buf).map_err(|e| DataError::Image {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Reads an 8-bit RGB PNG as a `(height, width, 3)` array (an alpha channel is
/// dropped).
pub fn load_png_rgb(path: &Path) -> Result<Array3<u8>, DataError> {
    let (info, buf) = decode_png(path)?;
    let channels = match info.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => {
            return Err(DataError::Image {
                path: path.to_path_buf(),
                message: format!("expected an RGB PNG, found {other:?}"),
            });
        }
    };
    let shape = (info.height as usize, info.width as usize, channels);
    let image =
        Array3::from_shape_vec(shape, buf).map_err(|e| DataError::Image {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    Ok(image.slice(ndarray::s![.., .., 0..3]).to_owned())
}

/// The "camera" photograph from scikit-image: 512 × 512, 8-bit grey (CC0).
pub fn load_camera() -> Result<Array2<u8>, DataError> {
    load_png_gray(&data_dir().join("camera.png"))
}

/// Chelsea the cat from scikit-image: 300 × 451 × RGB, 8-bit (CC0).
pub fn load_chelsea() -> Result<Array3<u8>, DataError> {
    load_png_rgb(&data_dir().join("chelsea.png"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    /// Writes `contents` to a fresh file in the temp folder, whose name ends
    /// in `name`; the file is removed when the returned path is dropped.
    fn temp_file(name: &str, contents: &[u8]) -> tempfile::TempPath {
        let mut file = tempfile::Builder::new()
            .suffix(&format!("-{name}"))
            .tempfile()
            .expect("temp file");
        file.write_all(contents).expect("write temp file");
        file.into_temp_path()
    }

    /// What scikit-learn's loader gives for a dataset that `data/` holds a copy
    /// of.
    #[derive(serde::Deserialize)]
    struct Published {
        shape: (usize, usize),
        row0: Vec<f64>,
        target0: f64,
        max: f64,
    }

    #[derive(serde::Deserialize)]
    struct Iris {
        #[serde(flatten)]
        published: Published,
        mean: Vec<f64>,
        class_counts: Vec<usize>,
    }

    /// The reference values of `tests/fixtures/datasets.py`, which checks first
    /// that each file in `data/` equals scikit-learn's array.
    #[derive(serde::Deserialize)]
    struct Datasets {
        iris: Iris,
        wine: Published,
        breast_cancer: Published,
        digits: Published,
        diabetes: Published,
    }

    fn datasets() -> Datasets {
        crate::fixtures::load(env!("CARGO_MANIFEST_DIR"), "datasets").unwrap()
    }

    /// Shape, first row, first target and largest feature value are what
    /// sklearn gives. `==` throughout: both sides parse the same decimal text
    /// to the nearest f64.
    fn assert_published(c: &Classification, expected: &Published) {
        assert_eq!(c.features.dim(), expected.shape);
        assert_eq!(c.target.len(), expected.shape.0);
        assert_eq!(c.features.row(0).to_vec(), expected.row0);
        assert_eq!(c.target[0] as f64, expected.target0);
        assert_eq!(c.features.fold(f64::MIN, |m, &v| m.max(v)), expected.max);
    }

    #[test]
    fn iris_has_the_published_shape_and_values() {
        let expected = datasets().iris;
        let iris = load_iris().expect("iris loads");
        assert_published(&iris, &expected.published);
        for (class, &count) in expected.class_counts.iter().enumerate() {
            let found = iris.target.iter().filter(|&&t| t == class).count();
            assert_eq!(found, count);
        }
        // sklearn: load_iris().data.mean(axis=0). atol 1e-12: NumPy sums each
        // column pairwise, ndarray's mean_axis row by row, so the last bits may
        // differ.
        let means = iris
            .features
            .mean_axis(ndarray::Axis(0))
            .expect("non-empty");
        crate::fixtures::assert_allclose(&means, &expected.mean, 0.0, 1e-12);
    }

    #[test]
    fn every_tabular_dataset_loads_with_its_documented_shape() {
        let expected = datasets();
        assert_published(&load_wine().unwrap(), &expected.wine);
        let breast_cancer = load_breast_cancer().unwrap();
        assert_published(&breast_cancer, &expected.breast_cancer);
        assert_published(&load_digits().unwrap(), &expected.digits);
        let diabetes = load_diabetes().unwrap();
        let published = &expected.diabetes;
        assert_eq!(diabetes.features.dim(), published.shape);
        assert_eq!(diabetes.features.row(0).to_vec(), published.row0);
        assert_eq!(diabetes.target[0], published.target0);
        let max = diabetes.features.fold(f64::MIN, |m, &v| m.max(v));
        assert_eq!(max, published.max);
        // Not in scikit-learn: subsets of OpenML's MNIST and Fashion-MNIST, and
        // UCI's wine quality.
        let shape = |c: &Classification| (c.features.dim(), c.target.len());
        assert_eq!(shape(&load_mnist_5k().unwrap()), ((5000, 784), 5000));
        assert_eq!(
            shape(&load_fashion_mnist_2k().unwrap()),
            ((2000, 784), 2000)
        );
        assert_eq!(load_wine_quality_red().unwrap().features.dim(), (1599, 11));
    }

    #[test]
    fn time_series_keep_their_gaps() {
        let co2 = load_co2_weekly().unwrap();
        assert_eq!(co2.dates.len(), 2284);
        assert_eq!(co2.dates[0].to_string(), "1958-03-29");
        assert_eq!(co2.ppm.iter().filter(|v| v.is_nan()).count(), 59);
        assert_eq!(co2.ppm[0], 316.1);
        let sun = load_sunspots_yearly().unwrap();
        assert_eq!(sun.years.len(), 309);
        assert_eq!((sun.years[0], sun.years[308]), (1700, 2008));
    }

    #[test]
    fn penguins_keep_missing_values() {
        let p = load_penguins().unwrap();
        assert_eq!(p.measurements.dim(), (344, 4));
        assert_eq!(p.sex.iter().filter(|s| s.is_none()).count(), 11);
        for col in p.measurements.columns() {
            assert_eq!(col.iter().filter(|v| v.is_nan()).count(), 2);
        }
        assert_eq!(p.species.iter().filter(|s| *s == "Gentoo").count(), 124);
    }

    #[test]
    fn images_have_their_documented_shapes() {
        let camera = load_camera().unwrap();
        assert_eq!(camera.dim(), (512, 512));
        let chelsea = load_chelsea().unwrap();
        assert_eq!(chelsea.dim(), (300, 451, 3));
    }

    #[test]
    fn decimal_year_counts_days() {
        let d = Date::parse("2000-12-31").unwrap();
        assert!((d.decimal_year() - (2000.0 + 365.0 / 366.0)).abs() < 1e-12);
        assert_eq!(Date::parse("1958-01-01").unwrap().decimal_year(), 1958.0);
        assert!(Date::parse("1958-13-01").is_err());
    }

    #[test]
    fn a_bad_number_is_reported_with_file_line_and_column() {
        let path = temp_file("bad_number.csv", b"a,b,target\n1,2,0\n3,x4,1\n");
        let err = load_classification_csv(&path, &["no", "yes"]).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.ends_with(
                "bad_number.csv:3:2: column `b`: `x4` is not a number"
            ),
            "{msg}"
        );
        assert!(matches!(
            err,
            DataError::Parse {
                line: 3,
                column: 2,
                ..
            }
        ));
    }

    #[test]
    fn a_short_row_and_a_bad_label_are_reported() {
        let path = temp_file("short_row.csv", b"a,b,target\n1,2,0\n3,1\n");
        let err = load_classification_csv(&path, &["no", "yes"]).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("short_row.csv:3:1: expected 3 fields (as in the header), found 2"),
            "{err}"
        );
        let path = temp_file("bad_label.csv", b"a,target\n1,0\n2,7\n");
        let err = load_classification_csv(&path, &["no", "yes"]).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "bad_label.csv:3:2: column `target`: class id 7 is out of range (expected 0..2)"
            ),
            "{err}"
        );
    }

    #[test]
    fn empty_missing_and_non_image_files_are_errors_not_panics() {
        let empty = temp_file("empty.csv", b"");
        assert!(matches!(
            load_regression_csv(&empty),
            Err(DataError::Empty { .. })
        ));
        let header_only = temp_file("header_only.csv", b"a,b\n");
        assert!(matches!(
            load_regression_csv(&header_only),
            Err(DataError::Empty { .. })
        ));
        let missing = Path::new("/nonexistent/iris.csv");
        let err = load_regression_csv(missing).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/nonexistent/iris.csv: cannot read")
        );
        let not_png = temp_file("not_a.png", b"hello");
        assert!(matches!(
            load_png_gray(&not_png),
            Err(DataError::Image { .. })
        ));
        // A quoted field is read as CSV says: `"2"` is the number 2.
        let quoted = temp_file("quoted.csv", b"a,b\n1,\"2\"\n");
        let data = load_regression_csv(&quoted).unwrap();
        assert_eq!(data.features, ndarray::array![[1.0]]);
        assert_eq!(data.target, ndarray::array![2.0]);
    }

    #[test]
    fn a_quoted_comma_is_part_of_its_field() {
        let path = temp_file(
            "quoted_comma.csv",
            b"species,island,mass\n\"Adelie\",\"Torgersen, north\",3750\n\
              Gentoo,\"Biscoe \"\"B\"\"\",\"4,5\"\n",
        );
        let table = CsvTable::read(&path).unwrap();
        assert_eq!(table.header, ["species", "island", "mass"]);
        let island = table.parse_column(1, |s| Ok(s.to_owned())).unwrap();
        assert_eq!(island, ["Torgersen, north", "Biscoe \"B\""]);
        // The comma inside `"4,5"` does not shift the column count: the bad
        // field is column 3 of line 3.
        let err = table.f64_matrix(&[2], None).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "quoted_comma.csv:3:3: column `mass`: `4,5` is not a number"
            ),
            "{err}"
        );
    }

    #[test]
    fn bad_bytes_and_a_broken_gzip_are_errors_not_panics() {
        let latin1 = temp_file("latin1.csv", b"a,b\n1,2\n3,caf\xe9\n");
        let err = load_regression_csv(&latin1).unwrap_err();
        assert!(
            matches!(
                err,
                DataError::Parse {
                    line: 3,
                    column: 2,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("not UTF-8"), "{err}");
        let broken = temp_file("broken.csv.gz", b"a,b\n1,2\n");
        let err = load_regression_csv(&broken).unwrap_err();
        assert!(matches!(err, DataError::Io { .. }), "{err}");
    }

    #[test]
    fn a_missing_column_is_named_with_the_header() {
        let path = temp_file("no_ppm.csv", b"date,ppm\n1958-03-29,316.1\n");
        let err = read_co2_weekly(&path).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "no_ppm.csv: no column `co2_ppm` (the header has: date, ppm)"
            ),
            "{err}"
        );
        let DataError::MissingColumn { column, .. } = &err else {
            panic!("{err:?}");
        };
        assert_eq!(column, "co2_ppm");
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        let path = temp_file(
            "co2_feb31.csv",
            b"date,co2_ppm\n1958-02-28,316.1\n1958-02-31,316.2\n",
        );
        let err = read_co2_weekly(&path).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "co2_feb31.csv:3:1: column `date`: `1958-02-31` is not a date: \
                 February 1958 has 28 days"
            ),
            "{err}"
        );
        // Leap years: every fourth year, but not 1900; 2000 was one.
        assert!(Date::parse("2004-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2001-02-29").is_err());
        assert!(Date::parse("2001-04-31").is_err());
        assert!(Date::parse("2001-12-31").is_ok());
        for bad in ["2001-00-10", "2001-01-00", "01-01-2001", "2001-1-01"] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("+001-01-01").is_err());
    }

    #[test]
    fn a_one_column_file_is_an_error_not_an_empty_matrix() {
        let path = temp_file("target_only.csv", b"y\n1.5\n2.5\n");
        let err = load_regression_csv(&path).unwrap_err();
        assert!(matches!(err, DataError::Columns { .. }), "{err:?}");
        assert!(
            err.to_string().ends_with(
                "target_only.csv: a regression file needs feature columns and \
                 then a target column; the header has one column, `y`"
            ),
            "{err}"
        );
        let err = load_classification_csv(&path, &["a", "b"]).unwrap_err();
        assert!(matches!(err, DataError::Columns { .. }), "{err:?}");
    }

    #[test]
    fn messages_show_paths_under_the_current_folder_relatively() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(shown(&cwd.join("data").join("iris.csv")), "data/iris.csv");
        assert_eq!(
            shown(Path::new("/nonexistent/x.csv")),
            "/nonexistent/x.csv"
        );
        let wide: Vec<String> = (0..65).map(|i| format!("c{i}")).collect();
        assert_eq!(
            names(&wide),
            "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, ... (65 columns)"
        );
    }

    #[test]
    fn colour_image_is_rejected_by_the_grey_loader() {
        let err = load_png_gray(&data_dir().join("chelsea.png")).unwrap_err();
        assert!(
            err.to_string().contains("expected a greyscale PNG"),
            "{err}"
        );
    }
}
