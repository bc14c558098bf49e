"""Project 3 in NumPy and SciPy: the cat photo as an array, grayscale,
histogram equalisation, convolution with scipy.ndimage, downsampling."""

import sys

import numpy as np
from scipy import ndimage

sys.path.insert(0, "xtask/python")
from scml_data import read_png  # noqa: E402  (zlib only: no PIL in the venv)

np.set_printoptions(precision=2, suppress=True)

print("--8<-- read")
# ANCHOR: read
rgb = read_png("data/chelsea.png")       # uint8, (height, width, 3)
print("shape", rgb.shape, "strides", rgb.strides)
print("pixel (0, 0) =", rgb[0, 0])
print("channel means =", rgb.mean(axis=(0, 1)))
# ANCHOR_END: read

print("--8<-- filters")
# ANCHOR: filters
r, g, b = rgb.astype(float).transpose(2, 0, 1)    # three (h, w) views
gray = 0.2125 * r + 0.7154 * g + 0.0721 * b      # skimage's rgb2gray
gray_u8 = np.clip(np.round(gray), 0, 255).astype(np.uint8)
cdf = np.cumsum(np.bincount(gray_u8.ravel(), minlength=256))
cdf_min = cdf[cdf > 0][0]
lut = np.round(255 * (cdf - cdf_min).clip(0) / (gray_u8.size - cdf_min))
equalized = lut.astype(np.uint8)[gray_u8]
print("equalized: min", equalized.min(), "max", equalized.max(),
      "mean", round(equalized.mean(), 2))

k = np.array([1.0, 4, 6, 4, 1])
blurred = ndimage.convolve(gray, np.outer(k, k) / 256)[2:-2, 2:-2]
sobel_x = ndimage.sobel(gray, axis=1)[1:-1, 1:-1]      # "valid" part only
h, w = gray.shape
small = gray[:h // 4 * 4, :w // 4 * 4].reshape(h // 4, 4, w // 4, 4)
small = small.mean(axis=(1, 3))
print("blurred", blurred.shape, "Sobel", sobel_x.shape, "small", small.shape)
# ANCHOR_END: filters
