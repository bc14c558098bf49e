//! What the build does to listings: numbers and captions them, and removes the indentation
//! they carry from their source file.
//!
//! - Captions: every fenced block that includes a file of the crates (not a generated output)
//!   is a listing. Before mdBook expands the includes, [`caption_listings`] puts a caption
//!   above each one, numbered per chapter and naming its file, like the Rust Book's
//!   "Filename: src/main.rs": "Listing 2.4 · `crates/chapter02/examples/ranges.rs`".
//! - Dedent: an anchor inside a function body includes lines indented by four or eight
//!   spaces; mdBook copies them verbatim, so every listing would start half-way across the
//!   page. This preprocessor strips the indentation common to all lines of each top-level
//!   fenced block.

use std::collections::HashMap;

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use crate::book::checks::{Include, find_includes};
use crate::book::exercises::{STARTER_BODY, is_starter_line};

/// One fenced code block of a page.
#[derive(Debug)]
pub struct Fence {
    /// Byte offset of the opening fence's line.
    pub start: usize,
    /// 1-based line of the opening fence.
    pub line: usize,
    /// The first word of the info string (`rust` of `rust,noplayground`).
    pub lang: String,
    /// The lines between the fences.
    pub body: String,
}

/// The fenced code blocks of `markdown`, in order.
pub fn fences(markdown: &str) -> Vec<Fence> {
    let mut found = Vec::new();
    let parser = Parser::new_ext(markdown, Options::empty()).into_offset_iter();
    for (event, range) in parser {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = event else {
            continue;
        };
        let start = markdown[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let block = &markdown[range];
        let mut lines: Vec<&str> = block.lines().skip(1).collect();
        if lines
            .last()
            .is_some_and(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"))
        {
            lines.pop();
        }
        found.push(Fence {
            start,
            line: markdown[..start].matches('\n').count() + 1,
            lang: info.split([',', ' ']).next().unwrap_or_default().to_owned(),
            body: lines.join("\n"),
        });
    }
    found
}

/// The workspace-relative path of a file a page in `book/src/` includes.
fn from_root(include_path: &str) -> String {
    include_path
        .strip_prefix("../../")
        .map_or_else(|| format!("book/src/{include_path}"), str::to_owned)
}

/// The files a fence shows as a listing: its includes of anything but generated outputs.
/// `None` when the fence is not a listing (typed text, or only outputs).
pub fn listing_files(fence: &Fence) -> Option<Vec<String>> {
    let includes: Vec<Include> = find_includes(&fence.body);
    // An exercise's signature followed by `todo!()`: what the reader's starter file holds.
    let starter = fence.body.lines().any(|l| l.trim() == STARTER_BODY);
    let only_includes = fence.body.lines().all(|l| {
        let l = l.trim();
        l.is_empty()
            || (l.starts_with("{{#") && l.ends_with("}}"))
            || (starter && is_starter_line(l))
    });
    let mut files: Vec<String> = Vec::new();
    for inc in includes
        .iter()
        .filter(|i| !i.path.starts_with("generated/"))
    {
        let mut file = from_root(&inc.path);
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

/// The mdBook preprocessor that dedents fenced code blocks.
pub struct DedentListings;

impl Preprocessor for DedentListings {
    fn name(&self) -> &str {
        "dedent-listings"
    }

    fn run(
        &self,
        _ctx: &PreprocessorContext,
        mut book: Book,
    ) -> mdbook_preprocessor::errors::Result<Book> {
        book.for_each_mut(|item| {
            if let BookItem::Chapter(chapter) = item {
                chapter.content = dedent_code_blocks(&chapter.content);
            }
        });
        Ok(book)
    }
}

/// Strips the common leading spaces of the lines of every fenced code block whose fence
/// starts in column 0 (blocks nested in lists keep their indentation rules untouched).
pub fn dedent_code_blocks(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut copied_up_to = 0;
    let parser = Parser::new_ext(markdown, Options::empty()).into_offset_iter();
    for (event, range) in parser {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) = event else {
            continue;
        };
        let block = &markdown[range.clone()];
        let fence_column = markdown[..range.start]
            .rsplit('\n')
            .next()
            .map_or(0, str::len);
        if fence_column > 0 || block.starts_with(' ') {
            continue;
        }
        let mut lines: Vec<&str> = block.lines().collect();
        let closing = lines.last().is_some_and(|l| {
            l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~")
        });
        let body_end = if closing && lines.len() > 1 {
            lines.len() - 1
        } else {
            lines.len()
        };
        let common = lines[1..body_end]
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.len() - l.trim_start_matches(' ').len())
            .min()
            .unwrap_or(0);
        if common == 0 {
            continue;
        }
        for line in &mut lines[1..body_end] {
            *line = line.get(common..).unwrap_or("");
        }
        out.push_str(&markdown[copied_up_to..range.start]);
        out.push_str(&lines.join("\n"));
        if block.ends_with('\n') {
            out.push('\n');
        }
        copied_up_to = range.end;
    }
    out.push_str(&markdown[copied_up_to..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
