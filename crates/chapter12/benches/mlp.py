"""NumPy counterpart of benches/mlp.rs: the capstone's full training run.

50 epochs of Adam on the digits' 1438 training images through a [64, 64, 10]
MLP in batches of 32, from He initialisation: numpy/nn_mlp.py, which draws
the same split, initial weights and batches as the Rust side (SplitMix64
streams), so both sides do the same arithmetic. Idiomatic NumPy: whole-batch
matrix products (`@`, BLAS), broadcasting, in-place optimiser updates.

Prints one JSON object with every timed run (see the book's benchmark
conventions); `--quick` uses fewer runs; `--warm-up S` warms each workload up
for S seconds first.

Run: python3 crates/chapter12/benches/mlp.py [--quick] [--warm-up S]
"""

import pathlib
import sys

# The shared timing method, xtask/python/scml_bench.py, and the reference MLP.
HERE = pathlib.Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3] / "xtask" / "python"))
sys.path.insert(0, str(HERE.parents[1] / "numpy"))
import nn_mlp as m  # noqa: E402
import scml_bench  # noqa: E402

LABEL = "digits_50_epochs"


def train(data):
    xt, yt = data
    params = m.he_init(m.SIZES, m.INIT_SEED)
    opt = m.Adam(params, m.LR)
    for epoch in range(m.EPOCHS):
        m.train_epoch(params, opt, xt, yt, m.BATCH, m.L2, m.BATCH_SEED, epoch)
    return params


def main():
    quick, warm_up_s, runs, min_run_s = scml_bench.options()
    x, y = m.load("digits", 16.0)
    train_idx, test_idx = m.stratified_split(y, 0.2, m.SPLIT_SEED)
    data = (x[train_idx], y[train_idx])
    assert m.accuracy(train(data), x[test_idx], y[test_idx]) >= 0.97
    results = []
    times = scml_bench.time_workload(train, data, runs, min_run_s, warm_up_s)
    results.append({"id": f"mlp_train/numpy_idiomatic/{LABEL}",
                    "times_s": times})
    scml_bench.report(results)


if __name__ == "__main__":
    main()
