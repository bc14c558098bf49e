# Reductions along axes in NumPy: axis=0 collapses the rows, axis=1 the
# columns; np.apply_along_axis is NumPy's map_axis.
import numpy as np

print("--8<-- sums")
# ANCHOR: sums
x = np.arange(1.0, 13.0).reshape(3, 4)   # 3 samples x 4 features
print("x.sum(axis=0)  =", x.sum(axis=0))
print("x.sum(axis=1)  =", x.sum(axis=1))
print("x.mean(axis=0) =", x.mean(axis=0))
print("x.std(axis=0, ddof=1) =", x.std(axis=0, ddof=1).round(4))
print("np.apply_along_axis(lambda r: r[-1] - r[0], 1, x) =",
      np.apply_along_axis(lambda r: r[-1] - r[0], 1, x))
# ANCHOR_END: sums
