# np.quantile with the five methods ndarray-stats also offers.
import numpy as np

print("--8<-- methods")
# ANCHOR: methods
x = np.array([7.0, 1.0, 3.0, 9.0, 4.0, 6.0])
qs = [0.1, 0.25, 0.5, 0.9]
print(f"{'q':>9}" + "".join(f"{q:>7}" for q in qs))
for method in ["linear", "lower", "higher", "midpoint", "nearest"]:
    values = np.quantile(x, qs, method=method)
    print(f"{method:>9}" + "".join(f"{v:>7.3f}" for v in values))
# ANCHOR_END: methods

print("--8<-- medians")
# ANCHOR: medians
# The median of n = 2, 4, ..., 12 values 1, 2, ..., n with method="nearest":
# position (n - 1) / 2 ends in .5, and np.around rounds it half to even.
for n in range(2, 13, 2):
    x = np.arange(1.0, n + 1)
    position = (n - 1) / 2
    nearest = np.quantile(x, 0.5, method="nearest")
    print(f"n = {n:<2} (n % 4 = {n % 4})  position {position:<4}  "
          f"nearest {nearest:g}  higher {x[n // 2]:g}")
# ANCHOR_END: medians
