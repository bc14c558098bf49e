# Integer overflow in NumPy: arrays wrap silently, scalars wrap with a
# RuntimeWarning, and np.sum widens small integer types before adding.
import warnings

import numpy as np

# ANCHOR: overflow
pixels = np.array([250, 100, 5], dtype=np.uint8)
print(repr(pixels + 10))                 # wraps modulo 256, without a word
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(repr(np.uint8(250) + 10))      # a scalar wraps too, but warns
print(f"{caught[0].category.__name__}: {caught[0].message}")
print(repr(pixels.sum()))                # added as uint64, not uint8
# ANCHOR_END: overflow
