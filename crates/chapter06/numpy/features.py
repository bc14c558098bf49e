# The hands-on's NumPy and scikit-learn side: standardise the diabetes
# features, add polynomial and interaction features, and RBF kernel features.
import numpy as np
from sklearn.metrics.pairwise import rbf_kernel
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

table = np.loadtxt("data/diabetes.csv", delimiter=",", skiprows=1)
X = table[:, :-1]                                  # 442 x 10, raw units
np.set_printoptions(precision=4, suppress=True, linewidth=78)

print("--8<-- scale")
# ANCHOR: scale
Z = (X - X.mean(axis=0)) / X.std(axis=0)           # (442, 10) - (10,)
scaler = StandardScaler().fit(X)                   # ddof = 0, like np.std
print(np.abs(Z - scaler.transform(X)).max())
print(Z[0, :5])
# ANCHOR_END: scale

print("--8<-- poly")
# ANCHOR: poly
poly = PolynomialFeatures(degree=2)
P = poly.fit_transform(Z)                          # (442, 66)
print(P.shape, poly.get_feature_names_out()[[0, 1, 11, 12, 21, 65]])
products = Z[:, :, None] * Z[:, None, :]           # (442, 10, 10)
upper = np.triu_indices(10)                        # i <= j, row by row
mine = np.hstack([np.ones((442, 1)), Z, products[:, upper[0], upper[1]]])
print(np.abs(mine - P).max())
# ANCHOR_END: poly

print("--8<-- rbf")
# ANCHOR: rbf
centres = Z[:8]                                    # 8 landmark patients
sq = ((Z[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1)
K = np.exp(-0.1 * sq)                              # (442, 8)
sk = rbf_kernel(Z, centres, gamma=0.1)             # the clamped trick inside
print(np.abs(K - sk).max())
print(K[:3])
print("sklearn k(c, c) == 1:", (np.diag(sk[:8]) == 1.0).tolist())
# ANCHOR_END: rbf
