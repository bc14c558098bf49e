# Casting with astype: float to uint8 out of range is C's undefined behaviour,
# often silent on x86-64 (only some values raise a warning); int to int wraps.
import warnings

import numpy as np

# ANCHOR: casting
def cast(values, dtype):
    """Cast with astype; print the result and any warning it raised."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(repr(np.array(values).astype(dtype)))
    print("  warnings:", [str(w.message) for w in caught])


cast([300.7, -5.0], np.uint8)       # out of range: no warning here
cast([np.nan, 1e10], np.uint8)      # NaN or far out of range: a warning
cast(np.array([300, -1], dtype=np.int32), np.uint8)   # keeps the low bits
# ANCHOR_END: casting
