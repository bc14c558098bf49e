//! `cargo xtask new-chapter NN slug`: writes a complete chapter that passes every check from
//! the start, to be filled in: the crate `crates/chapterNN` (registered in its Cargo.toml,
//! with an example, a NumPy listing, one exercise and its test), the chapter's page and
//! exercises page, its SUMMARY.md entries and its README row. `cargo xtask book` then
//! generates its outputs, and `cargo xtask check` passes.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail, ensure};

/// What the scaffold needs to know, all derived from `NN` and the slug.
#[derive(Debug, PartialEq)]
struct NewChapter {
    number: u32,
    /// `chapter10`
    name: String,
    /// `Optimization and performance`: the README's planned row for the chapter, or the slug.
    title: String,
    /// `ch10-optimization-and-performance.md`
    page: String,
    /// `ch10-exercises.md`
    exercises: String,
    /// The first word of the slug: the search term, and the first example's prefix.
    word: String,
}

impl NewChapter {
    fn new(number: &str, slug: &str, readme: &str) -> Result<Self> {
        let number: u32 = number
            .parse()
            .ok()
            .filter(|n| (1..100).contains(n))
            .with_context(|| format!("`{number}` is not a chapter number from 1 to 99"))?;
        let words: Vec<&str> = slug.split('-').collect();
        ensure!(
            words.iter().all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            }) && words[0]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase()),
            "`{slug}` is not a slug: lowercase words joined by `-`, e.g. `optimization-and-performance`"
        );
        let planned = readme.lines().find_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells.len() > 3 && cells[1] == number.to_string() && !cells[2].contains('['))
                .then(|| cells[2].to_owned())
        });
        let title = planned.filter(|t| !t.is_empty()).unwrap_or_else(|| {
            let text = words.join(" ");
            let mut chars = text.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_ascii_uppercase().to_string())
                + chars.as_str()
        });
        Ok(Self {
            number,
            name: format!("chapter{number:02}"),
            page: format!("ch{number:02}-{slug}.md"),
            exercises: format!("ch{number:02}-exercises.md"),
            word: words[0].to_owned(),
            title,
        })
    }

    /// The first example's name (example names are unique across the workspace).
    fn example(&self) -> String {
        format!("{}_first_steps", self.word)
    }

    /// Every new file, as (path from the workspace root, text).
    fn files(&self) -> Vec<(String, String)> {
        let Self {
            number,
            name,
            title,
            page,
            exercises,
            word,
        } = self;
        let example = self.example();
        let krate = format!("crates/{name}");
        let lower = title.to_lowercase();
        vec![
            (
                format!("{krate}/Cargo.toml"),
                format!(
                    r#"[package]
name = "{name}"
description = "Chapter {number}: {lower}."
version = "0.1.0"
edition.workspace = true
rust-version.workspace = true
license.workspace = true
publish.workspace = true

[dependencies]
workspace-hack.workspace = true
ndarray.workspace = true
support.workspace = true

[features]
# Compiles exercises/{name}.rs (the reader's answers) in place of src/exercises.rs.
my-exercises = []

# The chapter registry (xtask/src/chapters.rs): its title and page in book/src/, its exercises
# page, and a word the book's search must lead from to its page.
[package.metadata.book]
title = "{title}"
page = "{page}"
exercises = "{exercises}"
search = "{word}"

[lints]
workspace = true
"#
                ),
            ),
            (
                format!("{krate}/src/lib.rs"),
                format!(
                    r#"//! Chapter {number}: {lower}.
//!
//! - [`exercises`]: the solutions to the chapter's exercises.

// The solutions, or with `--features my-exercises` the reader's answers.
support::exercises_module!();
"#
                ),
            ),
            (
                format!("{krate}/src/exercises.rs"),
                format!(
                    r#"//! Solutions to the exercises of chapter {number} (the book's exercises page
//! shows each signature, then the solution). `tests/exercises.rs` runs every
//! one of them.

use ndarray::ArrayView1;

// ANCHOR: ex1_solution
// ANCHOR: ex1_signature
/// The sum of the squares of `x`: NumPy's `np.sum(x**2)` or `x @ x`.
pub fn sum_of_squares(x: ArrayView1<'_, f64>) -> f64 {{
    // ANCHOR_END: ex1_signature
    x.dot(&x)
}}
// ANCHOR_END: ex1_solution
"#
                ),
            ),
            (
                format!("{krate}/tests/exercises.rs"),
                format!(
                    r#"//! Runs every exercise solution with real values.

use {name}::exercises::*;
use ndarray::array;

#[test]
fn ex1_sum_of_squares() {{
    // 1 + 4 + 9 = 14: a plain sum (6) or the square of the sum (36) fails.
    assert_eq!(sum_of_squares(array![1.0, 2.0, 3.0].view()), 14.0);
}}
"#
                ),
            ),
            (
                format!("{krate}/examples/{example}.rs"),
                format!(
                    r#"//! Chapter {number}'s first example: five evenly spaced values and their sum.

use ndarray::Array1;

fn main() {{
    // ANCHOR: first_steps
    let x = Array1::linspace(0.0, 1.0, 5); // np.linspace(0.0, 1.0, 5)
    println!("x = {{x}}");
    println!("sum = {{:.2}}", x.sum());
    // ANCHOR_END: first_steps
}}
"#
                ),
            ),
            (
                format!("{krate}/numpy/{example}.py"),
                format!(
                    r#""""Chapter {number}'s first NumPy listing: five evenly spaced values and their sum."""

import numpy as np

# ANCHOR: first_steps
x = np.linspace(0.0, 1.0, 5)
print("x =", x)
print(f"sum = {{x.sum():.2f}}")
# ANCHOR_END: first_steps
"#
                ),
            ),
            (
                format!("book/src/{page}"),
                format!(
                    r#"# {title}

This chapter is being written. Its crate, `crates/{name}`, and this page were laid out by
`cargo xtask new-chapter`; book/CONTRIBUTING.md describes how a chapter is built.

## First steps

In NumPy:

```python
{{{{#include ../../crates/{name}/numpy/{example}.py:first_steps}}}}
```

```text
{{{{#include generated/{name}/numpy/{example}.txt}}}}
```

In Rust:

```rust,noplayground
{{{{#include ../../crates/{name}/examples/{example}.rs:first_steps}}}}
```

```text
{{{{#include generated/{name}/{example}.txt}}}}
```

The [exercises]({exercises}) practise the chapter.
"#
                ),
            ),
            (
                format!("book/src/{exercises}"),
                format!(
                    r#"# Exercises: {lower}

These exercises practise [chapter {number}]({page}). Every chapter's exercises work the same
way, with a starter file and one test command, as
[*How to do the exercises*](ch01-exercises.md#how-to-do-the-exercises) on chapter 1's
exercises page explains. Here the starter is written by `cargo xtask exercises {name}`, and
`cargo test --release -p {name} --features my-exercises --test exercises` tests it.

## Exercise 1: a sum of squares ★

Return the sum of the squares of the values, as NumPy's `np.sum(x**2)` does.

```rust,noplayground
{{{{#include ../../crates/{name}/src/exercises.rs:ex1_signature}}}}
    todo!()
}}
```

<details><summary>Hint</summary>

A sum of squares is the dot product of a vector with itself.

</details>

<details><summary>Solution</summary>

```rust,noplayground
{{{{#include ../../crates/{name}/src/exercises.rs:ex1_solution}}}}
```

</details>
"#
                ),
            ),
        ]
    }

    /// SUMMARY.md with the chapter's two entries after the chapter before it.
    fn summary(&self, summary: &str) -> Result<String> {
        let entry = format!(
            "- [{}]({})\n    - [Exercises]({})\n",
            self.title, self.page, self.exercises
        );
        let lines: Vec<&str> = summary.split_inclusive('\n').collect();
        let chapter_of = |line: &str| -> Option<u32> {
            let page = line.strip_prefix("- [")?.split("](ch").nth(1)?;
            page.get(..2)?.parse().ok()
        };
        let Some(first) = lines.iter().position(|l| chapter_of(l).is_some()) else {
            bail!("book/src/SUMMARY.md lists no chapter (`- [Title](chNN-....md)`)");
        };
        let mut at = first;
        for (i, line) in lines.iter().enumerate().skip(first) {
            match chapter_of(line) {
                Some(n) if n == self.number => {
                    bail!(
                        "book/src/SUMMARY.md already has chapter {n}: {}",
                        line.trim()
                    )
                }
                Some(n) if n < self.number => at = i + 1,
                Some(_) => break,
                None if line.starts_with(' ') && at == i => at = i + 1,
                None => {}
            }
        }
        Ok(lines[..at].concat() + &entry + &lines[at..].concat())
    }

    /// README.md with the chapter's row linking its page (in place of its planned row).
    fn readme(&self, readme: &str) -> Result<String> {
        let row = format!(
            "| {} | [{}](book/src/{}) | `{}` | in progress |",
            self.number, self.title, self.page, self.name
        );
        let mut lines: Vec<String> = readme.lines().map(str::to_owned).collect();
        let cells =
            |line: &str| -> Vec<String> { line.split('|').map(|c| c.trim().to_owned()).collect() };
        let numbered = |line: &str| cells(line).get(1).and_then(|c| c.parse::<u32>().ok());
        if let Some(i) = lines.iter().position(|l| numbered(l) == Some(self.number)) {
            ensure!(
                !lines[i].contains('['),
                "README.md's row for chapter {} already links a page: {}",
                self.number,
                lines[i]
            );
            lines[i] = row;
        } else {
            let Some(last) = lines
                .iter()
                .rposition(|l| numbered(l).is_some_and(|n| n < self.number))
            else {
                bail!("README.md has no chapter table (`| N | title | crate | status |` rows)");
            };
            lines.insert(last + 1, row);
        }
        Ok(lines.join("\n") + "\n")
    }
}

/// `cargo xtask new-chapter NN slug`.
pub fn new_chapter(root: &Path, args: &[String]) -> Result<()> {
    let [number, slug] = args else {
        bail!("usage: cargo xtask new-chapter NN slug   (e.g. 10 optimization-and-performance)");
    };
    let readme = fs::read_to_string(root.join("README.md")).context("reading README.md")?;
    let chapter = NewChapter::new(number, slug, &readme)?;
    let krate = root.join("crates").join(&chapter.name);
    ensure!(!krate.exists(), "{} already exists", krate.display());
    let files = chapter.files();
    for (path, _) in &files {
        ensure!(!root.join(path).exists(), "{path} already exists");
    }
    let summary_path = root.join("book/src/SUMMARY.md");
    let summary = chapter.summary(&fs::read_to_string(&summary_path)?)?;
    let readme = chapter.readme(&readme)?;
    for (path, text) in &files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap_or(root))?;
        fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "wrote {}",
            path.strip_prefix(root).unwrap_or(&path).display()
        );
    }
    fs::write(&summary_path, summary)?;
    fs::write(root.join("README.md"), readme)?;
    eprintln!(
        "added chapter {} to book/src/SUMMARY.md and README.md",
        chapter.number
    );
    eprintln!(
        "next: `cargo xtask book` generates its outputs; `cargo xtask check` then passes. \
         book/CONTRIBUTING.md says how to add listings, NumPy listings, fixtures, \
         compile-fail listings and benchmarks."
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "# Book\n\n| # | chapter | crate | status |\n|---|---|---|---|\n\
        | 9 | [Linear algebra](book/src/ch09-linear-algebra.md) | `chapter09` | written |\n\
        | 10 | Optimization and performance | | planned |\n| 11 | Integration | | planned |\n\n\
        ## Working with the code\n";

    const SUMMARY: &str = "# Summary\n\n[Preface](preface.md)\n\n\
        - [Linear algebra](ch09-linear-algebra.md)\n    - [Exercises](ch09-exercises.md)\n\n\
        ---\n\n[Benchmarks](benchmarks.md)\n";

    #[test]
    fn the_title_comes_from_the_planned_row_and_the_rest_from_the_slug() {
        let ch = NewChapter::new("10", "optimization-and-performance", README).unwrap();
        assert_eq!(
            ch,
            NewChapter {
                number: 10,
                name: "chapter10".into(),
                title: "Optimization and performance".into(),
                page: "ch10-optimization-and-performance.md".into(),
                exercises: "ch10-exercises.md".into(),
                word: "optimization".into(),
            }
        );
        assert_eq!(
            NewChapter::new("12", "case-studies", README).unwrap().title,
            "Case studies"
        );
        for (n, slug, says) in [
            ("0", "x", "not a chapter number"),
            ("ten", "x", "not a chapter number"),
            ("10", "Bad Slug", "not a slug"),
            ("10", "trailing-", "not a slug"),
        ] {
            let err = NewChapter::new(n, slug, README).unwrap_err().to_string();
            assert!(err.contains(says), "{n} {slug}: {err}");
        }
    }

    #[test]
    fn summary_and_readme_get_the_chapter_in_its_place() {
        let ch = NewChapter::new("10", "optimization-and-performance", README).unwrap();
        assert_eq!(
            ch.summary(SUMMARY).unwrap(),
            "# Summary\n\n[Preface](preface.md)\n\n\
             - [Linear algebra](ch09-linear-algebra.md)\n    - [Exercises](ch09-exercises.md)\n\
             - [Optimization and performance](ch10-optimization-and-performance.md)\n    \
             - [Exercises](ch10-exercises.md)\n\n---\n\n[Benchmarks](benchmarks.md)\n"
        );
        let readme = ch.readme(README).unwrap();
        assert!(readme.contains(
            "| 10 | [Optimization and performance](book/src/ch10-optimization-and-performance.md) \
             | `chapter10` | in progress |\n| 11 | Integration | | planned |"
        ));
        let again = NewChapter::new("09", "linear-algebra", README).unwrap();
        assert!(
            again
                .summary(SUMMARY)
                .unwrap_err()
                .to_string()
                .contains("already has chapter 9")
        );
        assert!(
            again
                .readme(README)
                .unwrap_err()
                .to_string()
                .contains("already links a page")
        );
    }

    /// The files written pass the registry's checks: page, exercises page, SUMMARY entries and
    /// README row (the rest, that the chapter builds and its checks pass, is proved by running
    /// the command on a clone; see the issue's note).
    #[test]
    fn a_new_chapter_passes_the_registry_check() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        fs::create_dir_all(root.join("book/src")).unwrap();
        fs::write(root.join("book/src/SUMMARY.md"), SUMMARY).unwrap();
        fs::write(root.join("README.md"), README).unwrap();
        new_chapter(root, &["10".into(), "optimization-and-performance".into()]).unwrap();
        let chapter = crate::chapters::Chapter {
            name: "chapter10".into(),
            number: 10,
            dir: root.join("crates/chapter10"),
            title: "Optimization and performance".into(),
            page: "ch10-optimization-and-performance.md".into(),
            exercises: Some("ch10-exercises.md".into()),
            search: "optimization".into(),
            machine_dependent: vec![],
            benches: vec![],
            flop_groups: vec![],
        };
        assert_eq!(
            crate::chapters::check(root, &[chapter]).unwrap(),
            Vec::<String>::new()
        );
        let cargo = fs::read_to_string(root.join("crates/chapter10/Cargo.toml")).unwrap();
        assert!(cargo.contains("search = \"optimization\""), "{cargo}");
        let err = new_chapter(root, &["10".into(), "optimization-and-performance".into()]);
        assert!(err.unwrap_err().to_string().contains("already exists"));
    }
}
