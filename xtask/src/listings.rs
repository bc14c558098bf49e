//! Removes the indentation that included listings carry from their source file.
//!
//! An anchor inside a function body includes lines indented by four or eight spaces; mdBook
//! copies them verbatim, so every listing would start half-way across the page. This
//! preprocessor strips the indentation common to all lines of each top-level fenced block.

use mdbook_preprocessor::book::{Book, BookItem};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

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
    fn blocks_nested_in_lists_are_left_alone() {
        let md = "- item\n\n  ```rust\n      x;\n  ```\n";
        assert_eq!(dedent_code_blocks(md), md);
    }
}
