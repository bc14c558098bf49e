"""Profiling NumPy code: cProfile for the functions, then timing one line at
a time. Timings depend on the machine: the listing prints only coarse
verdicts (over half, at least 2%), which hold from run to run here."""

import cProfile
import pstats
import time

import numpy as np

digits = np.loadtxt("data/digits.csv.gz", delimiter=",", skiprows=1)
x, y = digits[:, :-1], digits[:, -1].astype(np.int64)
is_test = np.arange(len(x)) % 5 == 0
train, labels, test = x[~is_test], y[~is_test], x[is_test]


def knn_idiomatic(train, labels, test, k=5):
    diff = test[:, None, :] - train[None, :, :]
    d = np.sqrt((diff ** 2).sum(axis=2))
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([np.bincount(labels[row], minlength=10).argmax()
                     for row in nearest])


print("--8<-- cprofile")
# ANCHOR: cprofile
profiler = cProfile.Profile()
profiler.runcall(knn_idiomatic, train, labels, test)
stats = pstats.Stats(profiler)
# (own time, calls, function) per function, largest own time first
rows = sorted(((own, ncalls, name) for (_, _, name), (_, ncalls, own, _, _)
               in stats.stats.items()), reverse=True)
own, _, name = rows[0]
print(f"most own time: {name}, over half of the total: "
      f"{own > 0.5 * stats.total_tt}")
print("calls of the other functions, in name order:")
for _, ncalls, name in sorted(rows[1:], key=lambda row: row[2]):
    print(f"{ncalls:6}  {name}")
# ANCHOR_END: cprofile

print("--8<-- lines")
# ANCHOR: lines
steps = {}
start = time.perf_counter()
diff = test[:, None, :] - train[None, :, :]
steps["diff = test[:, None, :] - train[None, :, :]"] = time.perf_counter()
squares = diff ** 2
steps["squares = diff ** 2"] = time.perf_counter()
d = np.sqrt(squares.sum(axis=2))
steps["d = np.sqrt(squares.sum(axis=2))"] = time.perf_counter()
nearest = np.argsort(d, axis=1, kind="stable")[:, :5]
steps["nearest = np.argsort(d, ...)[:, :5]"] = time.perf_counter()
votes = [np.bincount(labels[r], minlength=10).argmax() for r in nearest]
steps["votes = [np.bincount(...) for r in nearest]"] = time.perf_counter()
end, before = time.perf_counter(), start
for line, t in steps.items():  # each line's share of the time, roughly
    share = (t - before) / (end - start)
    print(">= 2%" if share >= 0.02 else " < 2%", line)
    before = t
# ANCHOR_END: lines
