"""Project 5 in scikit-learn: OneHotEncoder, KBinsDiscretizer and
PolynomialFeatures on the same data as the Rust functions."""

import sys

import numpy as np
from sklearn.preprocessing import (KBinsDiscretizer, OneHotEncoder,
                                   PolynomialFeatures)

sys.path.insert(0, "xtask/python")
from scml_data import load_penguins  # noqa: E402

print("--8<-- encode")
# ANCHOR: encode
x, species, island, sex = load_penguins()
encoder = OneHotEncoder().fit(island[:, None])
print("categories", encoder.categories_[0].tolist())
print("counts", encoder.transform(island[:, None]).toarray().sum(axis=0))
mass = x[~np.isnan(x[:, 3]), 3:4]
bins = KBinsDiscretizer(n_bins=4, encode="ordinal", strategy="uniform")
codes = bins.fit_transform(mass).astype(int).ravel()
print("body-mass edges", bins.bin_edges_[0], "counts", np.bincount(codes))
# ANCHOR_END: encode

print("--8<-- polynomial")
# ANCHOR: polynomial
poly = PolynomialFeatures(degree=2, interaction_only=True)
poly.fit(np.zeros((1, 3)))
print(poly.get_feature_names_out(["a", "b", "c"]).tolist())
poly = PolynomialFeatures(degree=2)
poly.fit(np.zeros((1, 3)))
print(poly.get_feature_names_out(["a", "b", "c"]).tolist())
# ANCHOR_END: polynomial
