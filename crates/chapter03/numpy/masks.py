# Boolean masks in NumPy: building and combining them, counting, selecting
# rows, np.where in both forms, and masked assignment.
import textwrap

import numpy as np

print("--8<-- build")
# ANCHOR: build
x = np.array([[1.2, 0.5, 3.0],
              [-0.3, 2.1, 1.0],
              [2.5, -1.0, 0.0],
              [0.8, 0.9, -2.0],
              [-1.5, 1.5, 2.2],
              [3.1, 0.2, 1.1]])
positive = x[:, 0] > 0
rising = x[:, 1] < x[:, 2]
print(f"positive: {positive}\nrising:   {rising}")
print(f"both:     {positive & rising}\nneither:  {~(positive | rising)}")
print("count", positive.sum(), "any", rising.any(), "all", positive.all())
# ANCHOR_END: build

print("--8<-- select")
# ANCHOR: select
print("rows where positive:", np.flatnonzero(positive))
print(x[positive])
try:
    x[np.ones(5, dtype=bool)]
except IndexError as e:
    print(textwrap.fill(f"a 5-entry mask: {e}", 80))
# ANCHOR_END: select

print("--8<-- where")
# ANCHOR: where
print("np.where(x0 > 0, x0, 0) =", np.where(positive, x[:, 0], 0))
print("np.where(positive) =", np.where(positive))   # one argument: indices
# ANCHOR_END: where

print("--8<-- assign")
# ANCHOR: assign
y = x.copy()
y[y < 0] = 0
z = x.copy()
z[positive, 1] = -1
print(y, z, sep="\n")
# ANCHOR_END: assign
