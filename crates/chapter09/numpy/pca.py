# PCA of iris with NumPy's SVD and with scikit-learn's PCA.
import numpy as np
from sklearn.decomposition import PCA

# ANCHOR: pca
x = np.loadtxt("data/iris.csv", delimiter=",", skiprows=1)[:, :4]
centred = x - x.mean(axis=0)
u, s, vt = np.linalg.svd(centred, full_matrices=False)
variance = s**2 / (len(x) - 1)
print("ratio (SVD):    ", (variance / variance.sum())[:2].round(8))
pca = PCA(n_components=2).fit(x)
print("ratio (sklearn):", pca.explained_variance_ratio_.round(8))
print("first flower:   ", pca.transform(x)[0].round(8))
# ANCHOR_END: pca
