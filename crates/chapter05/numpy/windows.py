# Sliding windows over the yearly sunspot numbers in NumPy: a view with
# sliding_window_view, then inputs and next-year targets.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

print("--8<-- windows")
# ANCHOR: windows
table = np.loadtxt("data/sunspots_yearly.csv", delimiter=",", skiprows=1)
series = np.ascontiguousarray(table[:, 1])
w = sliding_window_view(series, 10)
print(w.shape, w.strides, np.shares_memory(w, series))
print(w[:3])
X, y = w[:-1], series[10:]
print(X.shape, y.shape)
print(X[-1], y[-1])
# ANCHOR_END: windows
