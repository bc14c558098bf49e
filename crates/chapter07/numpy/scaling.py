# scikit-learn's three scalers on the wine data: fit on the training rows,
# transform both sets.
import numpy as np
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

print("--8<-- fit_apply")
# ANCHOR: fit_apply
wine = np.loadtxt("data/wine.csv", delimiter=",", skiprows=1)[:, :-1]
is_test = np.arange(len(wine)) % 4 == 0      # every 4th wine held out
train, test = wine[~is_test], wine[is_test]
for name, scaler in [("min-max", MinMaxScaler()),
                     ("z-score", StandardScaler()),
                     ("robust", RobustScaler())]:
    scaler.fit(train)                          # statistics of train only
    tr = scaler.transform(train)[:, 12]        # proline
    te = scaler.transform(test)[:, 12]
    print(f"{name:>7}: train mean {tr.mean():+.3f} std {tr.std():.3f} | "
          f"test mean {te.mean():+.3f} std {te.std():.3f}")
# ANCHOR_END: fit_apply
