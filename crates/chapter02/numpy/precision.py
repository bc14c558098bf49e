# Floating-point limits as NumPy reports them, and where np.sum is pairwise:
# a 1-D sum is, a column sum of a C-ordered matrix (axis=0) is a running sum.
import numpy as np
from sklearn.preprocessing import StandardScaler

print("--8<-- epsilon")
# ANCHOR: epsilon
print(repr(np.finfo(np.float32).eps), repr(np.finfo(np.float64).eps))
print(0.1 + 0.2 == 0.3, 0.1 + 0.2)
print(repr(np.float32(2**24) + np.float32(1)))   # 2^24 + 1 in float32
# ANCHOR_END: epsilon

print("--8<-- axis_sum")
# ANCHOR: axis_sum
x = np.full(1_000_000, 0.1, dtype=np.float32)        # one column of 0.1
X = np.full((1_000_000, 3), 0.1, dtype=np.float32)   # three, in C order
print(repr(x.sum()))                  # 1-D: pairwise
print(repr(np.cumsum(x)[-1]))         # a running sum, for comparison
print(X.sum(axis=0))                  # down the rows: a running sum per column
print(X.mean(axis=0))                 # the column means, just as wrong
print(X.mean(axis=0, dtype=np.float64))       # accumulated in float64
print(StandardScaler().fit(X).mean_)          # scikit-learn accumulates in f64
# ANCHOR_END: axis_sum
