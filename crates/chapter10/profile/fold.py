"""Folds `perf script` output into one line per distinct call stack,
`root;caller;callee COUNT` (the format flame graph tools read), keeping
only the function name of each frame (no offsets, no library).

Run: perf script -i perf.data | python3 fold.py > stacks.folded
"""

import collections
import re
import sys


def frames(block):
    """The function names of one sample, innermost first."""
    for line in block[1:]:
        parts = line.strip().split(None, 1)
        if len(parts) < 2:
            continue
        name = re.sub(r"\+0x[0-9a-f]+$", "", parts[1].rsplit(" (", 1)[0])
        # Rust's legacy mangling suffix (::h0123456789abcdef) and generics.
        name = re.sub(r"::h[0-9a-f]{16}$", "", name)
        yield name if name != "[unknown]" else "?"


def main():
    counts = collections.Counter()
    block = []
    for line in list(sys.stdin) + ["\n"]:
        if line.strip():
            block.append(line.rstrip("\n"))
            continue
        if block:
            stack = list(frames(block))[::-1]
            while stack and stack[0] == "?":  # the unwinder's last frame
                stack.pop(0)
            if stack:
                counts[";".join(stack)] += 1
            block = []
    for stack, n in sorted(counts.items()):
        print(stack, n)


if __name__ == "__main__":
    main()
