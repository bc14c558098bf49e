# The hands-on in NumPy on iris: per-class subsets and means, a z-score
# outlier mask, and the top 5 rows by petal length.
import numpy as np

table = np.loadtxt("data/iris.csv", delimiter=",", skiprows=1)
x, y = table[:, :4], table[:, 4].astype(int)
names = ["setosa", "versicolor", "virginica"]

print("--8<-- classes")
# ANCHOR: classes
for c, name in enumerate(names):
    subset = x[y == c]
    means = subset.mean(axis=0).round(3)
    print(f"{name:<10} {len(subset)} rows, means {means}")
# ANCHOR_END: classes

print("--8<-- outliers")
# ANCHOR: outliers
z = (x - x.mean(axis=0)) / x.std(axis=0)
outliers = (np.abs(z) > 2.5).any(axis=1)
print("rows:", np.flatnonzero(outliers), "kept:", len(x[~outliers]))
# ANCHOR_END: outliers

print("--8<-- top_k")
# ANCHOR: top_k
longest = np.argsort(-x[:, 2], kind="stable")[:5]
print(longest, x[longest, 2])
print([names[c] for c in y[longest]])
# ANCHOR_END: top_k
