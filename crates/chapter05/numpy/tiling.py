# np.broadcast_to, np.tile and np.repeat: the view with a zero stride, and
# the two ways of making copies (whole blocks, or each element in turn).
import numpy as np

print("--8<-- tiling")
# ANCHOR: tiling
x = np.array([1, 2, 3])
view = np.broadcast_to(x, (4, 3))
print(view.strides, view.flags.writeable, np.tile(x, (4, 1)).strides)
m = np.array([[1, 2], [3, 4]])
print(np.tile(m, (1, 3)))
print(np.repeat(m, 3, axis=1))
print(np.repeat(m, 2))               # no axis: flattened first
# ANCHOR_END: tiling
