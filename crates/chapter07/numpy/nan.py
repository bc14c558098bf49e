# NaN in NumPy's statistics: the plain functions return NaN, the nan*
# functions skip it.
import numpy as np

print("--8<-- nan")
# ANCHOR: nan
x = np.array([2.0, np.nan, 5.0, 1.0, np.nan, 4.0])
print("mean:     ", np.mean(x))
print("nanmean:  ", np.nanmean(x))
print("median:   ", np.median(x))
print("nanmedian:", np.nanmedian(x))
print("min:      ", np.min(x), " nanmin:", np.nanmin(x))
# ANCHOR_END: nan
