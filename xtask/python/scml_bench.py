"""The NumPy side of `cargo xtask bench`: the one timing method every
`crates/chapterNN/benches/NAME.py` uses, its command line and its report.

A script builds its data, checks that its versions agree, then calls
`time_workload` for each workload and `report` once. `cargo xtask bench` runs
it from the repository root as `python3 crates/chapterNN/benches/NAME.py
[--quick] [--warm-up S]` and reads the JSON it prints.
"""

import argparse
import gc
import json
import math
import platform
import time

import numpy as np


def options():
    """The script's command line: (quick, warm-up seconds, runs, minimum run
    length in seconds)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs: a check, not the book's numbers")
    parser.add_argument("--warm-up", type=float, default=0.5, metavar="S",
                        help="seconds to run each workload before timing it")
    args = parser.parse_args()
    runs, min_run_s = (5, 0.005) if args.quick else (20, 0.02)
    return args.quick, args.warm_up, runs, min_run_s


def time_workload(func, arg, runs, min_run_s, warm_up_s):
    """Seconds per call of each of `runs` timed runs. First the workload runs
    for `warm_up_s` seconds (caches, page faults, lazy initialisation), as
    criterion warms up; each run then repeats the call enough times to last at
    least `min_run_s`, so that microsecond workloads are measurable. The
    garbage collector is off while timing, as `timeit` does."""
    # ANCHOR: timing_loop
    deadline = time.perf_counter() + warm_up_s
    calls = 0
    while calls < 2 or time.perf_counter() < deadline:
        func(arg)
        calls += 1
    start = time.perf_counter()
    func(arg)
    once = max(time.perf_counter() - start, 1e-9)
    calls_per_run = max(1, math.ceil(min_run_s / once))
    per_call = []
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            for _ in range(calls_per_run):
                func(arg)
            per_call.append((time.perf_counter() - start) / calls_per_run)
    finally:
        gc.enable()
    return per_call
    # ANCHOR_END: timing_loop


def report(results):
    """Prints the one JSON object `cargo xtask bench` reads: `results` is a
    list of {"id": "GROUP/IMPL/SIZE", "times_s": [...]}."""
    print(json.dumps({"numpy_version": np.__version__,
                      "python_version": platform.python_version(),
                      "results": results}))
