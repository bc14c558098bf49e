//! Renders `$...$` and `$$...$$` LaTeX to MathML at build time, so equations need no script
//! and no network in the reader's browser.
//!
//! Math spans are found with pulldown-cmark's math extension, so `$` inside code is left
//! alone. The MathML replaces the span in the Markdown before mdBook renders it; ASCII
//! punctuation in its text is written as character references so Markdown (emphasis, smart
//! quotes, escapes) cannot touch it.

use std::sync::LazyLock;

use anyhow::{Context, Result, anyhow};
use pulldown_cmark::{Event, Options, Parser};
use pulldown_latex::config::{DisplayMode, RenderConfig};
use regex::{Captures, Regex};

/// Replaces every math span of `markdown` with MathML.
pub fn render_math(markdown: &str) -> Result<String> {
    let mut out = String::with_capacity(markdown.len());
    let mut copied_up_to = 0;
    let parser = Parser::new_ext(markdown, Options::ENABLE_MATH).into_offset_iter();
    for (event, range) in parser {
        let (latex, display) = match &event {
            Event::InlineMath(latex) => (latex, DisplayMode::Inline),
            Event::DisplayMath(latex) => (latex, DisplayMode::Block),
            _ => continue,
        };
        let line = crate::book::text::line_of(markdown, range.start);
        let mathml = latex_to_mathml(latex, display)
            .with_context(|| format!("line {line}: cannot render `{latex}`"))?;
        out.push_str(&markdown[copied_up_to..range.start]);
        out.push_str(&mathml);
        copied_up_to = range.end;
    }
    out.push_str(&markdown[copied_up_to..]);
    Ok(out)
}

/// Renders one LaTeX expression, failing on a LaTeX error instead of rendering it in red.
pub fn latex_to_mathml(latex: &str, display_mode: DisplayMode) -> Result<String> {
    let storage = pulldown_latex::Storage::new();
    let events: Vec<_> = pulldown_latex::Parser::new(latex, &storage).collect();
    if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
        return Err(anyhow!("{e}"));
    }
    let mut mathml = String::new();
    let config = RenderConfig {
        display_mode,
        ..RenderConfig::default()
    };
    pulldown_latex::push_mathml(&mut mathml, events.into_iter(), config)?;
    // pulldown-latex writes \mu as MICRO SIGN; the Greek letter is what the text means.
    let mathml = mathml.replace('\u{00B5}', "\u{03BC}");
    Ok(protect_from_markdown(&mathml))
}

/// Writes ASCII punctuation outside tags and character references as numeric character
/// references and newlines as spaces, so the Markdown renderer passes the MathML through
/// untouched. A tag runs to its `>` and a reference to its `;` (or to the end): pulldown-latex
/// writes `<` and `&` of the LaTeX source unescaped.
fn protect_from_markdown(mathml: &str) -> String {
    static MARKUP_OR_PUNCTUATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(<[^>]*(?:>|$)|&[^;]*(?:;|$))|[[:punct:]]").expect("a valid regex")
    });
    let mathml = mathml.replace(['\n', '\r'], " ");
    let protect = |found: &Captures| match found.get(1) {
        Some(markup) => markup.as_str().to_owned(),
        None => format!("&#{};", found[0].as_bytes()[0]),
    };
    MARKUP_OR_PUNCTUATION
        .replace_all(&mathml, protect)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_display_math_become_mathml() {
        let md = "The mean $\\mu = \\frac{1}{n}\\sum_i x_i$ is\n\n$$\\sigma^2 = 1$$\n";
        let html = render_math(md).unwrap();
        assert!(html.starts_with("The mean <math"), "{html}");
        assert!(html.contains("display=\"block\""), "{html}");
        assert!(html.contains('\u{03BC}') && !html.contains('\u{00B5}'));
        assert!(!html.contains('$'));
    }

    #[test]
    fn dollars_in_code_are_left_alone() {
        let md = "Run `echo $HOME $PATH` and\n\n```text\n$ cargo run $x$\n```\n";
        assert_eq!(render_math(md).unwrap(), md);
    }

    #[test]
    fn punctuation_inside_math_is_escaped_for_markdown() {
        let html = latex_to_mathml("a * b * c", DisplayMode::Inline).unwrap();
        assert!(!html.contains('*'), "{html}");
        assert!(
            html.contains("&#42;") || html.contains('\u{2217}'),
            "{html}"
        );
    }

    #[test]
    fn tags_and_references_are_kept_and_the_text_between_them_escaped() {
        let mathml = "<mi a=\"b\">x*y</mi>\n&amp; (1)";
        assert_eq!(
            protect_from_markdown(mathml),
            "<mi a=\"b\">x&#42;y</mi> &amp; &#40;1&#41;"
        );
        // pulldown-latex writes `&` and `<` unescaped: a reference runs to its `;` (or the end).
        assert_eq!(protect_from_markdown("<mo><</mo>"), "<mo><</mo>");
        assert_eq!(
            protect_from_markdown("<mi>&</mi><mo>=</mo>&#61; (x)"),
            "<mi>&</mi><mo>=</mo>&#61; &#40;x&#41;"
        );
        assert_eq!(protect_from_markdown("a & b>"), "a & b>");
    }

    #[test]
    fn a_latex_error_names_its_line() {
        for (md, line) in [
            ("ok\n\nbad $\\frac{1}$ here", 3),
            // Display math that starts its line (and the first line of all).
            ("ok\n\n$$\\frac{1}$$\n", 3),
            ("$$\\frac{1}$$\n", 1),
        ] {
            let err = format!("{:#}", render_math(md).unwrap_err());
            assert!(err.starts_with(&format!("line {line}: ")), "{md:?}: {err}");
        }
    }
}
