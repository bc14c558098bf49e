# The hands-on's NumPy and scikit-learn side: standardise the diabetes
# features, fit scalings on the training rows only, min-max scale, L2-normalise
# rows, add polynomial and interaction features, and RBF kernel features.
import numpy as np
from sklearn.metrics.pairwise import rbf_kernel
from sklearn.preprocessing import (MinMaxScaler, Normalizer,
                                   PolynomialFeatures, StandardScaler)

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

print("--8<-- split")
# ANCHOR: split
test = np.arange(len(X)) % 4 == 0                  # every 4th patient
train_x, test_x = X[~test], X[test]                # 331 and 111 rows
mu, sigma = train_x.mean(axis=0), train_x.std(axis=0)  # the training rows'
Z_test = (test_x - mu) / sigma
sk = StandardScaler().fit(train_x).transform(test_x)
print("same as StandardScaler:", np.abs(Z_test - sk).max() < 1e-12)
print("test means ", Z_test.mean(axis=0)[:4])      # not 0: new data
print("fit on train", mu[:4])
print("fit on all  ", X.mean(axis=0)[:4])          # leaks the test rows
# ANCHOR_END: split

print("--8<-- min_max")
# ANCHOR: min_max
lo, hi = train_x.min(axis=0), train_x.max(axis=0)
M_test = (test_x - lo) / (hi - lo)                 # (111, 10) - (10,)
sk = MinMaxScaler().fit(train_x).transform(test_x)
print("same as MinMaxScaler:", np.abs(M_test - sk).max() < 1e-12)
print("test minima", M_test.min(axis=0)[:4])       # may leave [0, 1]
print("test maxima", M_test.max(axis=0)[:4])
# ANCHOR_END: min_max

print("--8<-- l2")
# ANCHOR: l2
U = Z / np.linalg.norm(Z, axis=1, keepdims=True)   # (442, 10) / (442, 1)
sk = Normalizer().fit_transform(Z)                 # norm="l2"
print("same as Normalizer:", np.abs(U - sk).max() < 1e-15)
print("row lengths", np.linalg.norm(U[:3], axis=1))
print("cosines of rows 0-2:")
print(U[:3] @ U[:3].T)
# ANCHOR_END: l2

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
