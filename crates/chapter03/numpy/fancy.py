# Fancy indexing in NumPy: integer lists along an axis, mini-batches from a
# shuffle, argsort (stable and default), and scattering rows.
import numpy as np

print("--8<-- select")
# ANCHOR: select
x = np.arange(5)[:, None] * 10.0 + np.arange(3)
print(x[[3, 0, 3]])
print(x[:, [2, 0]])
try:
    x[[4, 7]]
except IndexError as e:
    print("x[[4, 7]]: IndexError:", e)
# ANCHOR_END: select

print("--8<-- pointwise")
# ANCHOR: pointwise
p = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4],
              [0.25, 0.5, 0.25]])
y = np.array([0, 1, 2, 1])
p_true = p[np.arange(len(y)), y]    # pairs (0, 0), (1, 1), (2, 2), (3, 1)
print("p of the true class:", p_true)
print(f"cross-entropy: {-np.log(p_true).mean():.4f}")
print("p[:, y] is", p[:, y].shape, "every row with every label")
print("np.take_along_axis gives the same:",
      np.array_equal(p_true, np.take_along_axis(p, y[:, None], axis=1)[:, 0]))
# ANCHOR_END: pointwise

print("--8<-- argsort")
# ANCHOR: argsort
scores = np.array([0.7, 0.2, 0.9, 0.2, 0.5])
print("stable:", np.argsort(scores, kind="stable"))
ties = np.array([3.0, 1.0, 2.0, 1.0, 3.0, 2.0] * 4)   # 24 values, many ties
print("default:", np.argsort(ties)[:8])
print("stable: ", np.argsort(ties, kind="stable")[:8])
print("descending:", np.argsort(-scores, kind="stable"),
      "vs reversed:", np.argsort(scores, kind="stable")[::-1])
# ANCHOR_END: argsort

print("--8<-- scatter")
# ANCHOR: scatter
out = np.zeros((4, 2))
out[[3, 0, 3]] = [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]
print(out)
counts = np.zeros(3)
counts[[0, 2, 2]] += 1          # the repeated 2 is counted once
print("counts[[0, 2, 2]] += 1:", counts)
np.add.at(counts, [0, 2, 2], 1)  # unbuffered: every repeat counts
print("after np.add.at:       ", counts)
# ANCHOR_END: scatter
