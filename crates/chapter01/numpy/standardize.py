# Standardising every column of the iris features with NumPy's one-liner, and
# what the one-liner does with a constant column (StandardScaler divides by 1).
import warnings

import numpy as np
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler

X = load_iris().data

print("--8<-- one_liner")
# ANCHOR: one_liner
Z = (X - X.mean(axis=0)) / X.std(axis=0)
print(Z[0])                         # the first flower, in standard units
print(Z.mean(axis=0))               # column means: 0, up to rounding
print(Z.std(axis=0))                # column standard deviations: 1
# ANCHOR_END: one_liner

print("--8<-- constant_column")
# ANCHOR: constant_column
X1 = np.column_stack([X[:, :2], np.ones(len(X))])   # a constant 3rd column
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    Z1 = (X1 - X1.mean(axis=0)) / X1.std(axis=0)    # 0 / 0 in column 3
print(Z1[0])
print(f"{caught[0].category.__name__}: {caught[0].message}")
print(StandardScaler().fit_transform(X1)[0])         # divides by 1 instead
# ANCHOR_END: constant_column
