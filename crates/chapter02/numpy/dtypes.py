# NumPy's common dtypes with their sizes and kinds ('i' signed, 'u' unsigned),
# including intp, the signed type NumPy uses for indices.
import numpy as np

# ANCHOR: dtypes
for name in ["float64", "float32", "float16", "int64", "int32", "uint8",
             "bool", "intp", "uintp"]:
    d = np.dtype(name)
    print(f"{name:7} is {str(d):7} itemsize {d.itemsize}, kind {d.kind}")
print(repr(np.argmax([3, 7, 5])))               # an index comes back as intp
print((np.ones(2, np.float32) + np.ones(2)).dtype)   # promoted silently
# ANCHOR_END: dtypes
