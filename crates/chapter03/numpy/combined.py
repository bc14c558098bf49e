# Combining indexing methods in NumPy on iris: a row mask with a column list,
# np.ix_, a mask with a slice, and the broadcasting trap of x[mask, [0, 2]].
import textwrap

import numpy as np

table = np.loadtxt("data/iris.csv", delimiter=",", skiprows=1)
x = table[:, :4]

print("--8<-- mask_then_columns")
# ANCHOR: mask_then_columns
long_petals = x[:, 2] > 5.0
chosen = x[long_petals][:, [0, 2]]
print(chosen.shape, np.array_equal(chosen, x[np.ix_(long_petals, [0, 2])]))
print(chosen[:3])
try:
    x[long_petals, [0, 2]]    # two index arrays are zipped, not crossed
except IndexError as e:
    print(textwrap.fill(f"x[long_petals, [0, 2]]: IndexError: {e}", 80))
# ANCHOR_END: mask_then_columns

print("--8<-- mask_then_slice")
# ANCHOR: mask_then_slice
petals = x[long_petals, 2:]
print(petals.shape, f"mean petal length {petals[:, 0].mean():.4f}")
# ANCHOR_END: mask_then_slice
