//! `support::Report`, the error type of every example's `main`: its `Debug`
//! (what Rust prints after `Error: ` when `main` fails) is the error's message
//! and its causes, never a derived `Parse { path: ..., line: ... }`.

use std::error::Error;
use std::fmt;
use std::fs;
use std::path::PathBuf;

use support::{DataError, Report};

/// A fresh folder for this test, under the temp folder (canonical, so paths in
/// messages compare equal).
fn temp_folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("support-report-{}-{test}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    dir.canonicalize().expect("canonical temp dir")
}

#[test]
fn a_malformed_file_is_reported_by_file_line_column_and_message() {
    let dir = temp_folder("malformed");
    let path = dir.join("iris.csv");
    fs::write(&path, "a,b,target\n1,2,0\n3,abc,1\n").unwrap();
    let err = support::load_classification_csv(&path, &["x", "y"]).unwrap_err();
    assert!(matches!(err, DataError::Parse { .. }));
    let report = Report::from(err);
    assert_eq!(
        format!("{report:?}"),
        format!("{}:3:2: column `b`: `abc` is not a number", path.display())
    );
    // The whole Debug output is the message: nothing derived.
    assert!(!format!("{report:?}").contains("Parse {"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_file_names_its_cause_once() {
    let dir = temp_folder("missing");
    let path = dir.join("absent.csv");
    let err = support::load_regression_csv(&path).unwrap_err();
    // `DataError::Io` quotes its cause and also returns it from `source()`.
    assert!(err.source().is_some());
    let shown = format!("{:?}", Report::from(err));
    assert!(
        shown.starts_with(&format!("{}: cannot read: ", path.display())),
        "{shown}"
    );
    assert!(!shown.contains("caused by"), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}

/// An error that wraps another without quoting it, as most libraries' do.
#[derive(Debug)]
struct Outer(std::num::ParseIntError);

impl fmt::Display for Outer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cannot read the batch size")
    }
}

impl Error for Outer {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.0)
    }
}

#[test]
fn causes_follow_the_message_one_per_line() {
    let inner = "12x".parse::<u32>().unwrap_err();
    let report = Report::from(Outer(inner));
    assert_eq!(
        format!("{report:?}"),
        "cannot read the batch size\n  caused by: invalid digit found in string"
    );
    assert_eq!(report.to_string(), "cannot read the batch size");
    assert!(report.error().source().is_some());
}

fn first_mean(rows: &[Vec<f64>]) -> Result<f64, Report> {
    let row = rows.first().ok_or("no rows")?;
    if row.is_empty() {
        return Err(Report::msg(format!("{} empty rows", rows.len())));
    }
    let boxed: Result<(), Box<dyn Error>> = Ok(());
    boxed?;
    Ok(row.iter().sum::<f64>() / row.len() as f64)
}

#[test]
fn question_mark_converts_messages_and_boxed_errors() {
    assert_eq!(first_mean(&[vec![1.0, 2.0]]).unwrap(), 1.5);
    assert_eq!(format!("{:?}", first_mean(&[]).unwrap_err()), "no rows");
    let empty = first_mean(&[vec![], vec![]]).unwrap_err();
    assert_eq!(format!("{empty:?}"), "2 empty rows");
    let boxed: Box<dyn Error> = "from a Box<dyn Error>".into();
    assert_eq!(
        format!("{:?}", Report::from(boxed)),
        "from a Box<dyn Error>"
    );
    let owned = Report::from(String::from("a String"));
    assert_eq!(format!("{owned:?}"), "a String");
}
