# NumPy's four grid generators, and where their last values land: arange's
# excluded end, linspace's exact endpoint and geomspace's exact powers of ten.
import numpy as np

print("--8<-- grids")
# ANCHOR: grids
print(repr(np.arange(0.0, 1.0, 0.25)))   # a start, an excluded end and a step
print(repr(np.linspace(0.0, 1.0, 5)))    # a start, an included end and a count
print(repr(np.logspace(0, 3, 4)))        # 10**0 ... 10**3, four values
print(repr(np.geomspace(1, 1000, 4)))    # the same grid, given by its endpoints
# ANCHOR_END: grids

print("--8<-- ends")
# ANCHOR: ends
x = np.arange(1, 1.3, 0.1)
print(len(x), repr(x[-1]))               # the "excluded" end is in
print(len(np.arange(1, 1.2, 0.1)))       # here the end really is excluded
print(np.linspace(-1, 0.7, 6)[-1] == 0.7)     # the endpoint is exact
print(np.geomspace(1, 1000, 4).tolist())      # exact powers of ten
# ANCHOR_END: ends
