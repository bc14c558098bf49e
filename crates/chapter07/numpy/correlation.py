# np.cov and np.corrcoef of the wine data: NumPy's rows are variables too,
# unless rowvar=False.
import numpy as np

print("--8<-- cov")
# ANCHOR: cov
wine = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
x = wine[:, :-1]                     # 178 samples x 13 features
cov = np.cov(x, rowvar=False)        # or np.cov(x.T); ddof=1 by default
print("cov:", cov.shape)
print(np.array2string(cov[:3, :3], precision=4))
print("np.cov(x) without rowvar=False:", np.cov(x).shape)
corr = np.corrcoef(x, rowvar=False)
print("r(total_phenols, flavanoids) =", corr[5, 6].round(4))
# ANCHOR_END: cov
