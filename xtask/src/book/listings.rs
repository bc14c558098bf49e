//! What the build does to listings: numbers and captions them, and removes the indentation
//! they carry from their source file.
//!
//! - Captions: every fenced block that includes a file of the crates (not a generated output)
//!   is a listing. Before mdBook expands the includes, [`caption_listings`] puts a caption
//!   above each one, numbered per chapter and naming its file, like the Rust Book's
//!   "Filename: src/main.rs": "Listing 2.4 · `crates/chapter02/examples/ranges.rs`".
//! - Dedent: an anchor inside a function body includes lines indented by four or eight
//!   spaces; mdBook copies them verbatim, so every listing would start half-way across the
//!   page. [`dedent_code_blocks`], run as a preprocessor after the includes are expanded,
//!   strips the indentation common to all lines of each top-level fenced block.

use std::collections::{BTreeSet, HashMap};

use mdbook_preprocessor::book::{Book, BookItem};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use crate::book::text::{STARTER_BODY, common_indent, find_includes, is_starter_line, line_of};

/// One fenced code block of a page.
#[derive(Debug)]
pub struct Fence<'a> {
    /// Byte offset of the opening fence's line.
    pub start: usize,
    /// 1-based line of the opening fence.
    pub line: usize,
    /// The first word of the info string (`rust` of `rust,noplayground`).
    pub lang: String,
    /// The lines between the fences.
    pub body: &'a str,
    /// Byte offset of `body`.
    pub body_start: usize,
}

/// The fenced code blocks of `markdown`, in order.
pub fn fences(markdown: &str) -> Vec<Fence<'_>> {
    let mut found = Vec::new();
    let parser = Parser::new_ext(markdown, Options::empty()).into_offset_iter();
    for (event, range) in parser {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event else {
            continue;
        };
        let start = markdown[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let block = &markdown[range.clone()];
        let body_start = block.find('\n').map_or(block.len(), |i| i + 1);
        let rest = &block[body_start..];
        let last_line = rest.strip_suffix('\n').unwrap_or(rest);
        let last_line_start = last_line.rfind('\n').map_or(0, |i| i + 1);
        let last_line = last_line[last_line_start..].trim_start();
        let closed = last_line.starts_with("```") || last_line.starts_with("~~~");
        found.push(Fence {
            start,
            line: line_of(markdown, start),
            lang: info.split([',', ' ']).next().unwrap_or_default().to_owned(),
            body: if closed {
                &rest[..last_line_start]
            } else {
                rest
            },
            body_start: range.start + body_start,
        });
    }
    found
}

/// The files a fence shows as a listing: its includes of anything but generated outputs.
/// `None` when the fence is not a listing (typed text, or only outputs).
pub fn listing_files(fence: &Fence) -> Option<Vec<String>> {
    // An exercise's signature followed by `todo!()`: what the reader's starter file holds.
    let starter = fence.body.lines().any(|l| l.trim() == STARTER_BODY);
    let only_includes = fence.body.lines().all(|l| {
        let l = l.trim();
        l.is_empty()
            || (l.starts_with("{{#") && l.ends_with("}}"))
            || (starter && is_starter_line(l))
    });
    let mut files: Vec<String> = Vec::new();
    for inc in find_includes(fence.body) {
        if inc.path.starts_with("generated/") {
            continue;
        }
        // The path from the workspace root (pages are in `book/src/`).
        let mut file = inc
            .path
            .strip_prefix("../../")
            .map_or_else(|| format!("book/src/{}", inc.path), str::to_owned);
        if starter
            && let Some(chapter) = file
                .strip_prefix("crates/")
                .and_then(|f| f.strip_suffix("/src/exercises.rs"))
        {
            file = format!("{}/{chapter}.rs", crate::book::exercises::READER_DIR);
        }
        if !files.contains(&file) {
            files.push(file);
        }
    }
    (only_includes && !files.is_empty()).then_some(files)
}

/// Puts a numbered caption above every listing of every numbered chapter. Sub-pages continue
/// their chapter's count, in the order of SUMMARY.md.
pub fn caption_listings(book: &mut Book) {
    let mut counters: HashMap<u32, usize> = HashMap::new();
    caption_items(&mut book.items, &mut counters);
}

fn caption_items(items: &mut [BookItem], counters: &mut HashMap<u32, usize>) {
    for item in items {
        let BookItem::Chapter(chapter) = item else {
            continue;
        };
        if let Some(&number) = chapter.number.as_ref().and_then(|n| n.first()) {
            let count = counters.entry(number).or_default();
            chapter.content = caption_page(&chapter.content, number, count);
        }
        caption_items(&mut chapter.sub_items, counters);
    }
}

/// Captions the listings of one page of chapter `chapter`, counting on from `count`.
pub fn caption_page(markdown: &str, chapter: u32, count: &mut usize) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut copied_up_to = 0;
    for fence in fences(markdown) {
        let Some(files) = listing_files(&fence) else {
            continue;
        };
        *count += 1;
        let shown: Vec<String> = files
            .iter()
            .map(|f| {
                let note = if f.contains("/compile_fail/") {
                    " (does not compile)"
                } else if f.starts_with(crate::book::exercises::READER_DIR) {
                    " (your starter file)"
                } else {
                    ""
                };
                format!("<code>{f}</code>{note}")
            })
            .collect();
        out.push_str(&markdown[copied_up_to..fence.start]);
        out.push_str(&format!(
            "<p class=\"listing-caption\" id=\"listing-{chapter}-{count}\">\
             <strong>Listing {chapter}.{count}</strong> · {}</p>\n\n",
            shown.join(", ")
        ));
        copied_up_to = fence.start;
    }
    out.push_str(&markdown[copied_up_to..]);
    out
}

/// Puts a note under every output block and figure of `markdown` that shows one of
/// `machine_dependent` (paths in `book/src/`, see `chapters::Chapter::machine_dependent`):
/// the machine that printed it, `captured`, and that a reader's digits may differ.
pub fn note_machine_dependent(
    markdown: &str,
    machine_dependent: &BTreeSet<String>,
    captured: &str,
) -> String {
    let shows = |text: &str| {
        find_includes(text)
            .iter()
            .any(|inc| machine_dependent.contains(&inc.path))
    };
    let note = |what: &str| {
        let why = match what {
            "Drawn" => {
                ", from values whose digits depend on the CPU and the BLAS kernels it \
                        runs, so yours may differ slightly."
            }
            _ => {
                ". Its last digits depend on the CPU and the BLAS kernels it runs, so yours \
                  may differ."
            }
        };
        format!("\n<p class=\"output-note\">{what} on {captured}{why}</p>\n")
    };
    // After each fence that shows such an output: the fence ends at the line after its body.
    let mut notes: Vec<(usize, String)> = fences(markdown)
        .iter()
        .filter(|fence| shows(fence.body))
        .map(|fence| {
            let after_body = fence.body_start + fence.body.len();
            let end = markdown[after_body..]
                .find('\n')
                .map_or(markdown.len(), |i| after_body + i + 1);
            (end, note("Printed"))
        })
        .collect();
    // After each image line that shows such a figure.
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        offset += line.len();
        let image = line.trim_start().starts_with("![")
            && machine_dependent
                .iter()
                .any(|figure| line.contains(&format!("]({figure})")));
        if image {
            notes.push((offset, note("Drawn")));
        }
    }
    notes.sort();
    let mut out = String::with_capacity(markdown.len());
    let mut copied_up_to = 0;
    for (at, note) in notes {
        out.push_str(&markdown[copied_up_to..at]);
        out.push_str(&note);
        copied_up_to = at;
    }
    out.push_str(&markdown[copied_up_to..]);
    out
}

/// Strips the common leading spaces of the lines of every fenced code block whose fence
/// starts in column 0 (blocks nested in lists keep their indentation rules untouched).
pub fn dedent_code_blocks(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut copied_up_to = 0;
    for fence in fences(markdown) {
        let common = common_indent(fence.body.lines());
        if common == 0 || !markdown[fence.start..].starts_with(['`', '~']) {
            continue;
        }
        out.push_str(&markdown[copied_up_to..fence.body_start]);
        for line in fence.body.split_inclusive('\n') {
            let text = line.strip_suffix('\n').unwrap_or(line);
            out.push_str(text.get(common..).unwrap_or(""));
            out.push_str(&line[text.len()..]);
        }
        copied_up_to = fence.body_start + fence.body.len();
    }
    out.push_str(&markdown[copied_up_to..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dependent_outputs_and_figures_get_a_note_under_them() {
        let page = "Text.\n\n```text\n{{#include generated/chapter09/solve.txt}}\n```\n\n\
                    ```text\n{{#include generated/chapter09/other.txt}}\n```\n\n\
                    ![Errors](figures/chapter09/hilbert.svg)\n\nMore.\n";
        let set = BTreeSet::from([
            "generated/chapter09/solve.txt".to_owned(),
            "figures/chapter09/hilbert.svg".to_owned(),
        ]);
        let noted = note_machine_dependent(page, &set, "CPU X");
        let printed = "```\n\n<p class=\"output-note\">Printed on CPU X. Its last digits";
        assert_eq!(noted.matches(printed).count(), 1, "{noted}");
        assert!(noted.contains("hilbert.svg)\n\n<p class=\"output-note\">Drawn on CPU X, from"));
        assert_eq!(noted.matches("output-note").count(), 2, "{noted}");
        assert!(noted.ends_with("More.\n"));
        assert_eq!(
            note_machine_dependent(page, &BTreeSet::new(), "CPU X"),
            page
        );
    }

    #[test]
    fn common_indentation_is_removed_and_relative_indentation_kept() {
        let md =
            "text\n\n```rust\n    let a = 1;\n    if a > 0 {\n        a;\n    }\n```\n\nmore\n";
        assert_eq!(
            dedent_code_blocks(md),
            "text\n\n```rust\nlet a = 1;\nif a > 0 {\n    a;\n}\n```\n\nmore\n"
        );
    }

    #[test]
    fn blank_lines_do_not_count_and_unindented_blocks_are_unchanged() {
        let md = "```rust\n    a;\n\n    b;\n```\n";
        assert_eq!(dedent_code_blocks(md), "```rust\na;\n\nb;\n```\n");
        let flat = "```text\n$ cargo run\n  indented output\n```\n";
        assert_eq!(dedent_code_blocks(flat), flat);
    }

    #[test]
    fn listings_are_captioned_and_numbered_outputs_and_typed_blocks_are_not() {
        let md = "# Page\n\n```rust\n{{#include ../../crates/chapter02/examples/ranges.rs:a}}\n```\n\n\
                  ```text\n{{#include generated/chapter02/ranges.txt}}\n```\n\n\
                  ```console\n$ cargo run\n```\n\n\
                  ```python\n{{#include ../../crates/chapter02/numpy/ranges.py:b}}\n```\n";
        let mut count = 3;
        let out = caption_page(md, 2, &mut count);
        assert_eq!(count, 5);
        assert!(out.contains(
            "<p class=\"listing-caption\" id=\"listing-2-4\"><strong>Listing 2.4</strong> · \
             <code>crates/chapter02/examples/ranges.rs</code></p>\n\n```rust\n"
        ));
        assert!(out.contains(
            "<strong>Listing 2.5</strong> · <code>crates/chapter02/numpy/ranges.py</code>"
        ));
        assert_eq!(out.matches("listing-caption").count(), 2);
    }

    #[test]
    fn an_exercise_signature_names_the_readers_starter_file() {
        let md = "```rust\n{{#include ../../crates/chapter02/src/exercises.rs:ex1_signature}}\n    todo!()\n}\n```\n";
        let out = caption_page(md, 2, &mut 0);
        assert!(
            out.contains("<code>exercises/chapter02.rs</code> (your starter file)"),
            "{out}"
        );
    }

    #[test]
    fn a_compile_fail_listing_says_so() {
        let md = "```rust\n{{#include ../../crates/chapter01/compile_fail/mixed.rs:x}}\n```\n";
        let out = caption_page(md, 1, &mut 0);
        assert!(
            out.contains("<code>crates/chapter01/compile_fail/mixed.rs</code> (does not compile)")
        );
    }

    #[test]
    fn blocks_nested_in_lists_are_left_alone() {
        let md = "- item\n\n  ```rust\n      x;\n  ```\n";
        assert_eq!(dedent_code_blocks(md), md);
    }
}
