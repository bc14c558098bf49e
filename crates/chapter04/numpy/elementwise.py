# NumPy's element-wise operations next to examples/elementwise_ops.rs:
# operators and ufuncs, out= to avoid temporaries, and np.vectorize, which
# looks like a ufunc but calls Python once per element.
import tracemalloc

import numpy as np
from scipy.special import expit

print("--8<-- scalars")
# ANCHOR: scalars
a = np.array([1.0, 2.0, 3.0, 4.0])
b = np.array([0.5, 0.25, 2.0, -1.0])
print("a + b    =", a + b)
print("a * b    =", a * b)
print("a * 2.0  =", a * 2.0)
print("1.0 / a  =", 1.0 / a)
print("a @ b    =", a @ b)
# ANCHOR_END: scalars

print("--8<-- ufuncs")
# ANCHOR: ufuncs
c = np.array([10.0, 20.0, 30.0, 40.0])
out = np.empty(4)
np.multiply(a, b, out=out)       # no temporary: written into out
np.add(out, c, out=out)
print("out          =", out)
print("np.sqrt(a)   =", np.round(np.sqrt(a), 4))
print("type(np.add) =", type(np.add).__name__, "nin =", np.add.nin)
relu = np.vectorize(lambda v: max(v, 0.0))   # a Python loop inside
print("vectorize    =", relu(np.array([-1.5, 0.0, 2.5])),
      type(relu).__name__)
# ANCHOR_END: ufuncs

print("--8<-- ufunc")
# ANCHOR: ufunc
print("expit:", np.round(expit(np.array([-800.0, -2.0, 0.0, 2.0, 800.0])), 4))
# ANCHOR_END: ufunc

print("--8<-- temporaries")
# ANCHOR: temporaries
for n in [10_000, 10_000_000]:
    a, b, c = np.ones(n), np.ones(n), np.ones(n)
    tracemalloc.start()                  # NumPy reports its allocations
    r = a * b + c
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"n = {n:>10,}: a * b + c peaks at {peak / a.nbytes:.1f} arrays")
# ANCHOR_END: temporaries
