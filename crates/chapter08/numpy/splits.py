"""scikit-learn's splitters on the wine data: train_test_split with and
without stratify=, KFold and StratifiedKFold (the class counts of each test
set, not the indices: those depend on NumPy's generator)."""

import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

data = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1].astype(int)

print("--8<-- splits")
# ANCHOR: splits
print("whole data:      ", np.bincount(y).tolist(), "of", len(y))
for seed in range(3):
    _, _, _, y_random = train_test_split(X, y, test_size=0.25,
                                         random_state=seed)
    _, _, _, y_strat = train_test_split(X, y, test_size=0.25,
                                        random_state=seed, stratify=y)
    print(f"seed {seed}: random {np.bincount(y_random, minlength=3).tolist()}"
          f"  stratified {np.bincount(y_strat, minlength=3).tolist()}")
# ANCHOR_END: splits

print("--8<-- kfold")
# ANCHOR: kfold
for name, cv in [("KFold", KFold(5, shuffle=True, random_state=0)),
                 ("StratifiedKFold",
                  StratifiedKFold(5, shuffle=True, random_state=0))]:
    print(f"{name}: test classes per fold")
    print(" ", [np.bincount(y[test], minlength=3).tolist()
                for _, test in cv.split(X, y)])
# ANCHOR_END: kfold
