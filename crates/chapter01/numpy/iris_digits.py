# Machine-learning data is arrays: the iris features as a 150 x 4 table, the
# digits as flattened 8 x 8 images, and a batch of images as a 3-D array.
# ANCHOR: arrays
from sklearn.datasets import load_digits, load_iris

X = load_iris().data                      # one row per flower, 4 features
print(X.shape, X.dtype)
print(repr(X[0]))                         # the first flower
print(X.mean(axis=0))                     # the column means
digits = load_digits()
print(digits.data.shape)                  # each image flattened to 64 pixels
print(repr(digits.data[0].reshape(8, 8)))   # the first image as an 8x8 grid
print(digits.data[:10].reshape(10, 8, 8).shape)   # a batch of ten images
# ANCHOR_END: arrays
