//! Numbers the prose quotes from the benchmark tables, read from the tables at build time, so
//! a re-measurement never leaves a stale number or a flipped verdict in a sentence.
//!
//! ```text
//! {{#bench TABLE WORKLOAD SIZE IMPLEMENTATION FIELD}}            renders one cell, e.g. `3.3×`
//! {{#bench TABLE WORKLOAD SIZE IMPLEMENTATION FIELD OP VALUE}}   the same, and asserts it
//! {{#bench machine LIMIT best|median [OP VALUE]}}                a limit of the machine
//! ```
//!
//! - TABLE is a table of `book/src/generated/benchmarks/` without `.md` (`chapter07`,
//!   `chapter09-openblas-coretype-skylakex`); WORKLOAD and SIZE are its first two columns.
//! - IMPLEMENTATION is the benchmark's name: a Rust row's name in backticks, `numpy_idiomatic`,
//!   `numpy_best`, `python_lists`, or a NumPy/Python row's own name.
//! - FIELD is a column: `median`, `spread`, `vs-idiomatic`, `vs-best`, `throughput`, `share`,
//!   `vs-default` (variant tables); or `vs:OTHER`, the ratio of row OTHER's median to this
//!   row's (above 1: this row is faster), in the tables' ratio format.
//! - OP VALUE states a comparison the sentence makes (`>= 3`: "at least three times faster");
//!   `cargo xtask check` re-evaluates it on the table as printed and fails, naming the page
//!   and line, when the table no longer supports it. OP is one of `>=`, `>`, `<=`, `<`.
//!   VALUE is a plain number for ratios and shares (`3`, `1.5`, `40%`), and a number with its
//!   unit for times and rates (`20ms`, `10GB/s`).
//! - LIMIT is `peak`, `dgemm` or `bandwidth` (the limits table of `machine.md`).

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail, ensure};
use mdbook_preprocessor::book::{Book, BookItem};

use crate::bench::{NUMPY_BEST, NUMPY_IDIOMATIC, format_ratio};
use crate::book::checks::{Page, relative};
use crate::book::text::directives;

/// The directive's name: `{{#bench ...}}`.
pub const DIRECTIVE: &str = "bench";
/// Where the tables are, relative to the book's `src/`.
pub const TABLES_DIR: &str = "generated/benchmarks";

/// The table columns a FIELD names.
const FIELDS: &[(&str, &str)] = &[
    ("median", "median"),
    ("spread", "spread"),
    ("vs-idiomatic", "vs idiomatic NumPy"),
    ("vs-best", "vs best NumPy"),
    ("throughput", "throughput"),
    ("share", "share of limit"),
    ("vs-default", "vs default build"),
];

/// The rows of `machine.md`'s limits table a LIMIT names (by how the row's label starts).
const LIMITS: &[(&str, &str)] = &[
    ("peak", "peak f64 floating-point throughput"),
    ("dgemm", "f64 matrix product"),
    ("bandwidth", "memory bandwidth"),
];

/// One Markdown table: each row's cells by column header.
type Rows = Vec<HashMap<String, String>>;

/// The tables of one book, read once each.
pub struct Tables {
    dir: std::path::PathBuf,
    read: HashMap<String, Rows>,
}

impl Tables {
    /// The tables in `<book src>/generated/benchmarks/`.
    pub fn new(book_src: &Path) -> Self {
        Self {
            dir: book_src.join(TABLES_DIR),
            read: HashMap::new(),
        }
    }

    fn rows(&mut self, table: &str) -> Result<&Rows> {
        if !self.read.contains_key(table) {
            ensure!(
                !table.contains(['/', '\\', '.']),
                "`{table}` is not a table name (a file of {TABLES_DIR}/ without `.md`)"
            );
            let path = self.dir.join(format!("{table}.md"));
            let text = fs::read_to_string(&path)
                .with_context(|| format!("there is no table {TABLES_DIR}/{table}.md"))?;
            self.read.insert(table.to_owned(), parse_rows(&text));
        }
        Ok(&self.read[table])
    }

    /// What `args` (a directive's arguments) render as, after checking its assertion.
    pub fn render(&mut self, args: &str) -> Result<String> {
        let words: Vec<&str> = args.split_whitespace().collect();
        let (cell, assertion) = match words.as_slice() {
            ["machine", limit, column, rest @ ..] => (self.limit(limit, column)?, rest),
            [table, workload, size, implementation, field, rest @ ..] => (
                self.cell(table, workload, size, implementation, field)?,
                rest,
            ),
            _ => bail!(
                "expected `TABLE WORKLOAD SIZE IMPLEMENTATION FIELD [OP VALUE]` or \
                 `machine LIMIT best|median [OP VALUE]`"
            ),
        };
        match assertion {
            [] => {}
            [op, value] => check_assertion(&cell, op, value)?,
            _ => bail!("an assertion is `OP VALUE`, for example `>= 3`"),
        }
        Ok(cell)
    }

    fn cell(
        &mut self,
        table: &str,
        workload: &str,
        size: &str,
        implementation: &str,
        field: &str,
    ) -> Result<String> {
        let rows = self.rows(table)?;
        let find = |name: &str| {
            rows.iter().find(|r| {
                r.get("workload").map(String::as_str) == Some(workload)
                    && r.get("size").map(String::as_str) == Some(size)
                    && r.get("implementation")
                        .is_some_and(|l| implementation_of(l) == name)
            })
        };
        let Some(row) = find(implementation) else {
            let names: Vec<String> = rows
                .iter()
                .filter(|r| {
                    r.get("workload").map(String::as_str) == Some(workload)
                        && r.get("size").map(String::as_str) == Some(size)
                })
                .filter_map(|r| Some(implementation_of(r.get("implementation")?)))
                .collect();
            if names.is_empty() {
                bail!("{table} has no rows for workload `{workload}` at size `{size}`");
            }
            bail!(
                "{table} has no row `{implementation}` for {workload} {size} (it has {})",
                names.join(", ")
            );
        };
        if let Some(other) = field.strip_prefix("vs:") {
            let Some(other_row) = find(other) else {
                bail!("{table} has no row `{other}` for {workload} {size}");
            };
            let seconds = |r: &HashMap<String, String>| {
                let cell = r.get("median").map_or("", String::as_str);
                match quantity(cell) {
                    Some(Quantity::Time(s)) => Ok(s),
                    _ => Err(anyhow!("{table}: the median `{cell}` is not a time")),
                }
            };
            return Ok(format_ratio(seconds(other_row)? / seconds(row)?));
        }
        let Some(&(_, column)) = FIELDS.iter().find(|(name, _)| *name == field) else {
            let names: Vec<&str> = FIELDS.iter().map(|(name, _)| *name).collect();
            bail!(
                "unknown field `{field}` (one of {}, or vs:OTHER)",
                names.join(", ")
            );
        };
        let Some(cell) = row.get(column) else {
            bail!("{table} has no column `{column}`");
        };
        let cell = cell.trim_end_matches(" (CI)").trim_end_matches(" (IQR)");
        ensure!(
            !matches!(cell, "—" | ""),
            "{table}'s `{column}` of {implementation} at {workload} {size} is empty (—)"
        );
        Ok(cell.to_owned())
    }

    fn limit(&mut self, limit: &str, column: &str) -> Result<String> {
        let Some(&(_, label)) = LIMITS.iter().find(|(name, _)| *name == limit) else {
            bail!("unknown limit `{limit}` (one of peak, dgemm, bandwidth)");
        };
        ensure!(
            matches!(column, "best" | "median"),
            "a limit's column is `best` or `median`, not `{column}`"
        );
        let rows = self.rows("machine")?;
        let row = rows
            .iter()
            .find(|r| r.get("limit").is_some_and(|l| l.starts_with(label)))
            .ok_or_else(|| anyhow!("machine.md has no limit `{label}`"))?;
        row.get(column)
            .cloned()
            .ok_or_else(|| anyhow!("machine.md has no column `{column}`"))
    }
}

/// The rows of every table in `text` whose header has a `workload` or `limit` column.
fn parse_rows(text: &str) -> Rows {
    let cells = |line: &str| -> Option<Vec<String>> {
        let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
        Some(inner.split('|').map(|c| c.trim().to_owned()).collect())
    };
    let mut rows = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for line in text.lines() {
        let Some(row) = cells(line) else {
            header = None;
            continue;
        };
        match &header {
            None if row.iter().any(|c| c == "workload" || c == "limit") => header = Some(row),
            None => {}
            Some(_) if row.iter().all(|c| c.starts_with("--") || c.ends_with("-:")) => {}
            Some(names) => rows.push(names.iter().cloned().zip(row).collect()),
        }
    }
    rows
}

/// The benchmark name of a row label: `Rust \`welford\`` -> `welford`, `NumPy, best` ->
/// `numpy_best` (the inverse of the tables' labels, `bench::table::Measurement::label`).
fn implementation_of(label: &str) -> String {
    match label {
        "NumPy, idiomatic" => NUMPY_IDIOMATIC.to_owned(),
        "NumPy, best" => NUMPY_BEST.to_owned(),
        "pure Python" => "python_lists".to_owned(),
        _ => label
            .split('`')
            .nth(1)
            .map_or_else(|| label.to_owned(), str::to_owned),
    }
}

/// A cell or an asserted value, as a number comparable with another of its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quantity {
    /// `3.3×`, or a plain number.
    Ratio(f64),
    /// `12.2 ms`, in seconds.
    Time(f64),
    /// `6.55 GB/s`, `28.0 GFLOP/s`, `44 Melem/s`: per second, and the unit without its prefix.
    Rate(f64, &'static str),
    /// `32% of peak GFLOP/s`, `40%`: the percentage.
    Percent(f64),
}

/// Reads a cell (`4.4×`, `12.2 ms`, `6.55 GB/s`, `32% of peak`) or an asserted value (`3`,
/// `20ms`, `10GB/s`, `40%`).
fn quantity(text: &str) -> Option<Quantity> {
    let text = text.trim();
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e'))
        .unwrap_or(text.len());
    let number: f64 = text[..end].parse().ok()?;
    let unit = text[end..].trim_start();
    if unit.is_empty() || unit == "×" || unit == "x" {
        return Some(Quantity::Ratio(number));
    }
    if unit.starts_with('%') {
        return Some(Quantity::Percent(number));
    }
    for (name, scale) in [
        ("ns", 1e-9),
        ("µs", 1e-6),
        ("us", 1e-6),
        ("ms", 1e-3),
        ("s", 1.0),
    ] {
        if unit == name {
            return Some(Quantity::Time(number * scale));
        }
    }
    let (prefix, base) = unit.split_at(unit.find(['B', 'F', 'e'])?);
    let scale = match prefix {
        "" => 1.0,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        _ => return None,
    };
    let base = ["B/s", "FLOP/s", "elem/s"]
        .into_iter()
        .find(|b| *b == base)?;
    Some(Quantity::Rate(number * scale, base))
}

/// Fails unless `cell OP value` holds.
fn check_assertion(cell: &str, op: &str, value: &str) -> Result<()> {
    let have = quantity(cell).ok_or_else(|| anyhow!("`{cell}` is not a number to compare"))?;
    let want = quantity(value).ok_or_else(|| anyhow!("`{value}` is not a number"))?;
    let (a, b) = match (have, want) {
        (Quantity::Ratio(a), Quantity::Ratio(b))
        | (Quantity::Percent(a), Quantity::Percent(b) | Quantity::Ratio(b))
        | (Quantity::Time(a), Quantity::Time(b)) => (a, b),
        (Quantity::Rate(a, x), Quantity::Rate(b, y)) if x == y => (a, b),
        _ => bail!("`{cell}` and `{value}` are not the same kind of quantity"),
    };
    let holds = match op {
        ">=" => a >= b,
        ">" => a > b,
        "<=" => a <= b,
        "<" => a < b,
        _ => bail!("unknown comparison `{op}` (one of >=, >, <=, <)"),
    };
    ensure!(
        holds,
        "the table says {cell}, and the sentence states {op} {value}"
    );
    Ok(())
}

/// Every problem with the `{{#bench}}` directives of `pages`, naming the page and line.
pub fn check(root: &Path, pages: &[Page]) -> Vec<String> {
    let mut tables = Tables::new(&root.join("book/src"));
    let mut problems = Vec::new();
    for (md, text) in pages {
        for d in directives(text).into_iter().filter(|d| d.kind == DIRECTIVE) {
            if let Err(e) = tables.render(d.args) {
                problems.push(format!(
                    "{}:{}: `{{{{#bench {}}}}}`: {e:#}",
                    relative(root, md),
                    d.line,
                    d.args
                ));
            }
        }
    }
    problems
}

/// Replaces every `{{#bench}}` directive of `markdown` with what it renders.
pub fn expand(tables: &mut Tables, markdown: &str) -> Result<String> {
    let mut out = String::with_capacity(markdown.len());
    let mut copied_up_to = 0;
    for d in directives(markdown)
        .into_iter()
        .filter(|d| d.kind == DIRECTIVE)
    {
        let rendered = tables
            .render(d.args)
            .with_context(|| format!("line {}: `{{{{#bench {}}}}}`", d.line, d.args))?;
        out.push_str(&markdown[copied_up_to..d.range.start]);
        out.push_str(&rendered);
        copied_up_to = d.range.end;
    }
    out.push_str(&markdown[copied_up_to..]);
    Ok(out)
}

/// Expands the directives of every page of `book` (before mdBook's own preprocessors, so an
/// escaped `\{{#bench ...}}` is still escaped and stays text).
pub fn expand_book(book_src: &Path, book: &mut Book) -> Result<()> {
    let mut tables = Tables::new(book_src);
    let mut result = Ok(());
    book.for_each_mut(|item| {
        if let (BookItem::Chapter(chapter), Ok(())) = (item, &result) {
            match expand(&mut tables, &chapter.content) {
                Ok(text) => chapter.content = text,
                Err(e) => {
                    let page = chapter
                        .source_path
                        .as_ref()
                        .map_or_else(|| chapter.name.clone(), |p| p.display().to_string());
                    result = Err(e.context(format!("book/src/{page}")));
                }
            }
        }
    });
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "\
| workload | size | implementation | median | spread | vs idiomatic NumPy | vs best NumPy | throughput | share of limit |
|---|---|---|--:|--:|--:|--:|--:|--:|
| std | 10M_f64 | Rust `welford` | 81.0 ms | 76.7–83.2 ms (CI) | 0.66× | 0.50× | 0.987 GB/s | in cache |
| std | 10M_f64 | Rust `blocked_two_level` | 12.2 ms | 11.2–13.0 ms (CI) | 4.4× | 3.3× | 6.55 GB/s | 38% of bandwidth |
| std | 10M_f64 | NumPy, idiomatic | 53.3 ms | 50.4–63.9 ms (IQR) | — | 0.76× | 1.50 GB/s | in cache |
| std | 10M_f64 | NumPy, best | 40.6 ms | 24.1–43.0 ms (IQR) | 1.3× | — | 1.97 GB/s | in cache |

Median time per call over 3 interleaved rounds.
";

    const MACHINE: &str = "\
| | |
|---|---|
| CPU | Intel(R) Xeon(R) Processor |

| limit | best | median | how |
|---|--:|--:|---|
| peak f64 floating-point throughput | 84.4 GFLOP/s | 83.5 GFLOP/s | fma |
| memory bandwidth | 17.0 GB/s | 16.2 GB/s | triad |
";

    /// A workspace root whose `book/src` has the two tables above.
    fn tables() -> (tempfile::TempDir, Tables) {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("book/src").join(TABLES_DIR);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("chapter07.md"), TABLE).unwrap();
        fs::write(dir.join("machine.md"), MACHINE).unwrap();
        let tables = Tables::new(&root.path().join("book/src"));
        (root, tables)
    }

    #[test]
    fn cells_render_as_the_table_prints_them() {
        let (_src, mut t) = tables();
        for (args, want) in [
            ("chapter07 std 10M_f64 blocked_two_level vs-best", "3.3×"),
            ("chapter07 std 10M_f64 blocked_two_level median", "12.2 ms"),
            (
                "chapter07 std 10M_f64 blocked_two_level spread",
                "11.2–13.0 ms",
            ),
            ("chapter07 std 10M_f64 numpy_best spread", "24.1–43.0 ms"),
            (
                "chapter07 std 10M_f64 blocked_two_level throughput",
                "6.55 GB/s",
            ),
            (
                "chapter07 std 10M_f64 blocked_two_level share",
                "38% of bandwidth",
            ),
            ("chapter07 std 10M_f64 numpy_idiomatic vs-best", "0.76×"),
            // 81.0 / 12.2 = 6.64
            ("chapter07 std 10M_f64 blocked_two_level vs:welford", "6.6×"),
            ("machine bandwidth best", "17.0 GB/s"),
            ("machine peak median >= 80GFLOP/s", "83.5 GFLOP/s"),
            (
                "chapter07 std 10M_f64 blocked_two_level vs-idiomatic >= 3",
                "4.4×",
            ),
            ("chapter07 std 10M_f64 welford vs-idiomatic < 1", "0.66×"),
            (
                "chapter07 std 10M_f64 blocked_two_level median < 20ms",
                "12.2 ms",
            ),
            (
                "chapter07 std 10M_f64 blocked_two_level share >= 30%",
                "38% of bandwidth",
            ),
        ] {
            assert_eq!(t.render(args).unwrap(), want, "{args}");
        }
    }

    #[test]
    fn a_claim_the_table_does_not_support_fails_with_both_numbers() {
        let (_src, mut t) = tables();
        for (args, says) in [
            (
                "chapter07 std 10M_f64 blocked_two_level vs-best >= 3.5",
                "the table says 3.3×, and the sentence states >= 3.5",
            ),
            (
                "chapter07 std 10M_f64 blocked_two_level median < 10ms",
                "the table says 12.2 ms",
            ),
            (
                "chapter07 std 10M_f64 numpy_idiomatic vs-idiomatic",
                "is empty (—)",
            ),
            (
                "chapter07 std 10M_f64 ndarray_std median",
                "no row `ndarray_std` for std 10M_f64 (it has welford, blocked_two_level, \
                 numpy_idiomatic, numpy_best)",
            ),
            (
                "chapter07 std 1M_f64 welford median",
                "no rows for workload `std` at size `1M_f64`",
            ),
            ("chapter08 std 10M_f64 welford median", "there is no table"),
            (
                "chapter07 std 10M_f64 welford speed",
                "unknown field `speed`",
            ),
            (
                "chapter07 std 10M_f64 welford median < 20",
                "not the same kind",
            ),
            (
                "chapter07 std 10M_f64 welford share >= 1",
                "`in cache` is not a number",
            ),
            (
                "chapter07 std 10M_f64 welford vs-best => 1",
                "unknown comparison `=>`",
            ),
            ("chapter07 std welford", "expected `TABLE WORKLOAD"),
        ] {
            let err = format!("{:#}", t.render(args).unwrap_err());
            assert!(err.contains(says), "{args}: {err}");
        }
    }

    #[test]
    fn pages_are_expanded_and_checked_with_their_line() {
        let (root, mut t) = tables();
        let page = "Faster: {{#bench chapter07 std 10M_f64 blocked_two_level vs-idiomatic}}.\n\
                    \\{{#bench not a directive}}\n";
        assert_eq!(
            expand(&mut t, page).unwrap(),
            "Faster: 4.4×.\n\\{{#bench not a directive}}\n"
        );
        let bad = "a\n{{#bench chapter07 std 10M_f64 welford vs-idiomatic >= 1}}\n";
        let page = root.path().join("book/src/ch07.md");
        let problems = check(root.path(), &[(page, bad.to_owned())]);
        assert_eq!(
            problems,
            [
                "book/src/ch07.md:2: `{{#bench chapter07 std 10M_f64 welford vs-idiomatic >= 1}}`: \
              the table says 0.66×, and the sentence states >= 1"
            ]
        );
    }
}
