# A Python float is a separate object on the heap; a NumPy float64 array
# stores the same numbers as 8 bytes each in one buffer.
import sys

import numpy as np

# ANCHOR: sizes
print("one float object:", sys.getsizeof(1.0), "bytes")  # refcount, type, value
values = [float(i) for i in range(1000)]      # a list of 1000 float objects
objects = sum(sys.getsizeof(v) for v in values)
print("1000 float objects:", objects, "bytes, plus 8000 bytes of pointers")
array = np.array(values)                      # the same numbers, one buffer
print("float64 array:", array.itemsize, "bytes each,", array.nbytes, "in all")
# ANCHOR_END: sizes
