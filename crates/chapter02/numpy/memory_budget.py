# The hands-on's NumPy side: MNIST's memory in float64, float32 and float16,
# the float16 round trip, NumPy's missing bfloat16, and what a float16 sum
# does.
import gzip
import warnings

import numpy as np

with gzip.open("data/mnist_5k.csv.gz", "rt") as f:
    table = np.loadtxt(f, delimiter=",", skiprows=1)

print("--8<-- budget")
# ANCHOR: budget
pixels = table[:, :-1]                    # 5000 x 784, whole numbers 0..255
X = pixels / 255.0                        # scaled to [0, 1]
for dtype in [np.float64, np.float32, np.float16]:
    print(np.dtype(dtype).name, X.astype(dtype).nbytes)
print("uint8", pixels.astype(np.uint8).nbytes)
try:
    np.dtype("bfloat16")
except TypeError as error:
    print("TypeError:", error)
# ANCHOR_END: budget

print("--8<-- float16")
# ANCHOR: float16
h = X.astype(np.float16)
error = np.abs(h.astype(np.float64) - X)
nonzero = X != 0
print(f"{error.max():.2e} {(error[nonzero] / X[nonzero]).max():.2e}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(h.sum())                        # pairwise, but the result is f16
print(f"{caught[0].category.__name__}: {caught[0].message}")
print(int(np.finfo(np.float16).max))      # the largest float16
print(np.cumsum(h, dtype=np.float16)[-1])  # one value after another
print(f"{h.sum(dtype=np.float64):.3f}")   # accumulate in float64
# ANCHOR_END: float16
