//! Folded stacks into flame-graph boxes.

use chapter10::flame::{
    FoldedError, Frame, from_frame, inclusive_shares, layout, parse,
};

#[test]
fn equal_prefixes_merge_into_one_box() {
    let stacks = parse("main;a;b 3\nmain;c 1\nmain;a 2\n").unwrap();
    let frames = layout(stacks.clone());
    let f = |name: &str, depth, start, samples| Frame {
        name: name.to_owned(),
        depth,
        start,
        samples,
    };
    // Sorted: main;a (2), main;a;b (3), main;c (1).
    assert_eq!(
        frames,
        vec![
            f("main", 0, 0, 6),
            f("a", 1, 0, 5),
            f("b", 2, 2, 3),
            f("c", 1, 5, 1),
        ]
    );
    let shares = inclusive_shares(&stacks);
    assert_eq!(shares[0], ("main".to_owned(), 100.0));
    assert_eq!(shares[1].0, "a");
    assert!((shares[1].1 - 500.0 / 6.0).abs() < 1e-12);
}

#[test]
fn recursion_counts_once_and_bad_lines_are_errors() {
    let stacks = parse("f;f;f 4\ng 4").unwrap();
    assert_eq!(inclusive_shares(&stacks)[0], ("f".to_owned(), 50.0));
    assert_eq!(parse(""), Err(FoldedError::Empty));
    assert!(matches!(
        parse("main;a x"),
        Err(FoldedError::Line { line: 1, .. })
    ));
}

#[test]
fn stacks_start_at_the_chosen_frame() {
    let stacks = parse("_start;main;a 2\nmain;a 1\nother 5").unwrap();
    let trimmed = from_frame(stacks, "main");
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        trimmed,
        vec![(names(&["main", "a"]), 2), (names(&["main", "a"]), 1)]
    );
    assert_eq!(layout(trimmed)[0].samples, 3);
}
