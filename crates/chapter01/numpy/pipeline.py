# The chapter's pipeline in scikit-learn: standardise iris, fit a
# nearest-centroid classifier, and measure its training accuracy.
# ANCHOR: pipeline
from sklearn.datasets import load_iris
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import StandardScaler

X, y = load_iris(return_X_y=True)
scaler = StandardScaler().fit(X)            # learns the column means and stds
Z = scaler.transform(X)                     # (X - mean) / std
model = NearestCentroid().fit(Z, y)         # one mean vector per class
accuracy = (model.predict(Z) == y).mean()   # training accuracy
print(scaler.mean_.round(4), scaler.scale_.round(4))
print(f"training accuracy, standardised: {accuracy:.4f}")
raw = NearestCentroid().fit(X, y)           # the same model on centimetres
print(f"training accuracy, raw cm:       {(raw.predict(X) == y).mean():.4f}")
# ANCHOR_END: pipeline
