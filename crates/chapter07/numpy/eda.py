# The same exploratory analysis of the wine data in NumPy: a summary table,
# per-class means, correlations with the class, and Tukey's outlier rule.
import numpy as np

print("--8<-- summary")
# ANCHOR: summary
table = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
x, y = table[:, :-1], table[:, -1].astype(int)
q1, median, q3 = np.percentile(x, [25, 50, 75], axis=0)
print("mean:  ", x.mean(axis=0)[[0, 6, 12]].round(3))
print("std:   ", x.std(axis=0, ddof=1)[[0, 6, 12]].round(3))
print("median:", median[[0, 6, 12]].round(3))
for c in range(3):
    means = x[y == c].mean(axis=0)           # a boolean mask per class
    print(f"class_{c}: ({(y == c).sum()} wines)", means[[0, 6, 9, 12]].round(2))
r = np.corrcoef(np.column_stack([x, y]), rowvar=False)[-1, :-1]
print("r(class, flavanoids) =", r[6].round(3))
iqr = q3 - q1
outside = (x < q1 - 1.5 * iqr) | (x > q3 + 1.5 * iqr)
print("outliers per feature:", outside.sum(axis=0))
# ANCHOR_END: summary
