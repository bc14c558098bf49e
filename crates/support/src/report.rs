//! [`Report`]: the error type of every example's `main`, so that a failing
//! example prints a message a reader can act on.
//!
//! When `main` returns `Err(e)`, Rust prints `Error: {e:?}` to stderr and exits
//! with status 1. With `Box<dyn Error>` that is the error's `Debug`, usually a
//! derived one (`Parse { path: "...", line: 5, column: 2, message: ... }`);
//! with `Report` it is the error's own message followed by its causes:
//!
//! ```text
//! Error: data/iris.csv:5:2: column `sepal_width_cm`: `abc` is not a number
//! ```

use std::error::Error;
use std::fmt;

/// Any error, reported by its message and the chain of its causes.
///
/// `?` converts every error type into it (anything that converts into
/// `Box<dyn Error>`: every `Error` type, a `Box<dyn Error>` such as
/// [`draw_svg`](crate::plot::draw_svg) returns, and the `&str` and `String`
/// messages of `option.ok_or("no rows")?`):
///
/// ```
/// use support::Report;
///
/// fn first_value(fields: &[&str]) -> Result<f64, Report> {
///     let first = fields.first().ok_or("no fields")?; // a &str message
///     let value: f64 = first.parse()?; // a ParseFloatError
///     Ok(value)
/// }
///
/// assert_eq!(first_value(&["2.5"]).unwrap(), 2.5);
/// let no_fields = first_value(&[]).unwrap_err();
/// assert_eq!(format!("{no_fields:?}"), "no fields");
/// let not_a_number = first_value(&["x"]).unwrap_err();
/// assert_eq!(format!("{not_a_number:?}"), "invalid float literal");
/// ```
///
/// `Report` does not implement `Error` itself (like `anyhow::Error`: it could
/// not then convert from every error), so it ends a chain: it is for `main`.
pub struct Report(Box<dyn Error + 'static>);

impl Report {
    /// A report of a plain message.
    pub fn msg(message: impl fmt::Display) -> Self {
        Self(message.to_string().into())
    }

    /// The error this report holds, to inspect or downcast.
    pub fn error(&self) -> &(dyn Error + 'static) {
        &*self.0
    }
}

impl<E> From<E> for Report
where
    E: Into<Box<dyn Error + 'static>>,
{
    fn from(error: E) -> Self {
        Self(error.into())
    }
}

/// The error's message only.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The error's message, then one `caused by:` line for each error in its
/// `source()` chain. A cause whose message already ends the line above (many
/// errors, this crate's `DataError::Io` included, quote their cause) is not
/// repeated.
impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut above = self.0.to_string();
        f.write_str(&above)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            let message = error.to_string();
            if !above.ends_with(&message) {
                write!(f, "\n  caused by: {message}")?;
            }
            above = message;
            cause = error.source();
        }
        Ok(())
    }
}
