#!/bin/sh
# Records the profiles committed in this folder, from the repository root:
#   sh crates/chapter10/profile/capture.sh
# - knn_naive.folded: `perf record` of the naive k-nearest-neighbour step,
#   sampled with the software clock (`-e cpu-clock`: the VM this was captured
#   on exposes no hardware counters), call stacks unwound from the binary's
#   .eh_frame tables (`--call-graph dwarf`), folded by fold.py.
# - callgrind.txt: instructions executed (valgrind's callgrind) inside the
#   naive and the fused steps (`--toggle-collect`: not the data loading), and
#   the functions that executed most of them.
set -eu
here=crates/chapter10/profile
cargo build --release -p chapter10 --example perf_knn
bin=${CARGO_TARGET_DIR:-target}/release/examples/perf_knn
tmp=$(mktemp -d)
perf record -q -e cpu-clock -F 1999 --call-graph dwarf -o "$tmp/perf.data" \
    "$bin" naive
perf script -i "$tmp/perf.data" 2>/dev/null | python3 "$here/fold.py" \
    > "$here/knn_naive.folded"
{
    for step in naive fused; do
        valgrind --tool=callgrind --callgrind-out-file="$tmp/$step.out" \
            --toggle-collect='*knn::predict_*' \
            "$bin" "$step" 2>/dev/null
        echo "== $step =="
        callgrind_annotate --threshold=95 "$tmp/$step.out" \
            | grep -E "PROGRAM TOTALS|^ *[0-9,]+ \(" | head -6 \
            | sed -E 's/ \( *[0-9.]+%\)//; s/\[[^]]*\]//; s|/[^ ]*/||' \
            | cut -c1-76
    done
} > "$here/callgrind.txt"
rm -r "$tmp"
