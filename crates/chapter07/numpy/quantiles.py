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
