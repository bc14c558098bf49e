"""k-nearest-neighbour prediction of digits in NumPy: as usually written,
as fast as NumPy goes, and compiled with numba (benches/perf.py times them)."""

import numba
import numpy as np

# ANCHOR: data
digits = np.loadtxt("data/digits.csv.gz", delimiter=",", skiprows=1)
x, y = digits[:, :-1], digits[:, -1].astype(np.int64)
is_test = np.arange(len(x)) % 5 == 0  # every fifth image is a test image
train, train_labels = x[~is_test], y[~is_test]
test, test_labels = x[is_test], y[is_test]
K = 5
# ANCHOR_END: data


# ANCHOR: idiomatic
def knn_idiomatic(train, labels, test, k=K):
    # (n_test, n_train, 64) differences: 265 MB for 360 x 1437 digits
    diff = test[:, None, :] - train[None, :, :]
    d = np.sqrt((diff ** 2).sum(axis=2))
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([np.bincount(labels[row], minlength=10).argmax()
                     for row in nearest])
# ANCHOR_END: idiomatic


# ANCHOR: best
def knn_best(train, labels, test, k=K):
    train32, test32 = train.astype(np.float32), test.astype(np.float32)
    # |a - b|^2 - |a|^2 = |b|^2 - 2 a.b: |a|^2 does not change the ranking
    d = (train32 ** 2).sum(axis=1) - 2.0 * (test32 @ train32.T)
    nearest = np.argpartition(d, k - 1, axis=1)[:, :k]
    votes = (labels[nearest][:, :, None] == np.arange(10)).sum(axis=1)
    return votes.argmax(axis=1)
# ANCHOR_END: best


# ANCHOR: numba
@numba.njit(cache=False)
def knn_numba(train, labels, test, k=K):
    n_test, n_features = test.shape
    out = np.empty(n_test, dtype=np.int64)
    for i in range(n_test):
        best_d = np.full(k, np.inf)
        best_j = np.zeros(k, dtype=np.int64)
        for j in range(train.shape[0]):
            d = 0.0
            for f in range(n_features):
                t = test[i, f] - train[j, f]
                d += t * t
            if d < best_d[k - 1]:  # insert, keeping the k nearest sorted
                at = k - 1
                while at > 0 and best_d[at - 1] > d:
                    best_d[at], best_j[at] = best_d[at - 1], best_j[at - 1]
                    at -= 1
                best_d[at], best_j[at] = d, j
        counts = np.zeros(10, dtype=np.int64)
        for j in best_j:
            counts[labels[j]] += 1
        out[i] = np.argmax(counts)
    return out
# ANCHOR_END: numba


if __name__ == "__main__":
    # ANCHOR: check
    reference = knn_idiomatic(train, train_labels, test)
    print("train", train.shape, "test", test.shape, "k =", K)
    print(f"accuracy: {(reference == test_labels).mean():.4f}")
    for name, f in [("best", knn_best), ("numba", knn_numba)]:
        same = np.array_equal(f(train, train_labels, test), reference)
        print(f"{name:>6}: same labels as idiomatic: {same}")
    # ANCHOR_END: check
