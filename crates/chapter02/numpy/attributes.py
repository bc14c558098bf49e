# The attributes a NumPy array answers about itself: shape, ndim, size, len,
# dtype, itemsize, nbytes and strides (in bytes).
import numpy as np

# ANCHOR: attributes
batch = np.zeros((10, 8, 8), dtype=np.float32)    # ten 8x8 images
print(batch.shape, batch.ndim, batch.size, len(batch))
print(repr(batch.dtype), batch.itemsize, batch.nbytes)
table = np.zeros((150, 4))                        # float64 by default
print(table.itemsize, table.nbytes, table.strides)   # strides in bytes
# ANCHOR_END: attributes
