# The shape of a distribution with SciPy, a weighted mean with np.average,
# and the most common value with scipy.stats.mode and np.unique.
import numpy as np
from scipy import stats

table = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
x, y = table[:, :-1], table[:, -1].astype(int)
names = open("data/wine.csv").readline().strip().split(",")

print("--8<-- moments")
# ANCHOR: moments
for j in [1, 9, 12]:  # malic_acid, color_intensity, proline
    skew = stats.skew(x[:, j])  # bias=True: population moments
    excess = stats.kurtosis(x[:, j])  # fisher=True: minus 3
    print(f"{names[j]:<16} skew {skew:6.3f}  excess kurtosis {excess:6.3f}")
sample = stats.skew(x[:, 1], bias=False)  # bias-corrected
pearson = stats.kurtosis(x[:, 1], fisher=False)  # ndarray-stats' kurtosis
print(f"malic_acid, bias=False: skew {sample:.3f}")
print(f"malic_acid, fisher=False: kurtosis {pearson:.3f}")
# ANCHOR_END: moments

print("--8<-- weighted")
# ANCHOR: weighted
class_means = np.array([x[y == c, 0].mean() for c in range(3)])
counts = np.bincount(y)
weighted = np.average(class_means, weights=counts)
print(f"weighted mean of class means {weighted:.6f}")
print(f"mean of all wines            {x[:, 0].mean():.6f}")
try:
    np.average(class_means, weights=[1.0, -1.0, 0.0])
except ZeroDivisionError as error:
    print("weights summing to 0:", error)
# ANCHOR_END: weighted

print("--8<-- mode")
# ANCHOR: mode
result = stats.mode(x[:, 4])  # magnesium
print(f"magnesium: mode {result.mode:g}, {result.count} wines")
values, counts = np.unique(x[:, 4], return_counts=True)
print("np.unique:", values[np.argmax(counts)], counts.max())
print("tie:", stats.mode(np.array([3.0, 1.0, 3.0, 1.0, 2.0])))
# ANCHOR_END: mode
