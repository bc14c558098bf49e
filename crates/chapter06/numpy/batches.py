# Broadcasting over batches of images: the digits as an (n, 8, 8) batch,
# per-image statistics kept as (n, 1, 1) with keepdims, and per-channel
# statistics of an NCHW batch, which must become (C, 1, 1).
import numpy as np

table = np.loadtxt("data/digits.csv.gz", delimiter=",", skiprows=1)

print("--8<-- digits")
# ANCHOR: digits
images = table[:, :-1].reshape(-1, 8, 8)      # (1797, 8, 8)
mean_image = images.mean(axis=0)              # (8, 8)
centred = images - mean_image                 # (1797, 8, 8) - (8, 8)
mu = images.mean(axis=(1, 2), keepdims=True)  # (1797, 1, 1)
sd = images.std(axis=(1, 2), keepdims=True)
per_image = (images - mu) / sd
print(images.shape, mean_image.shape, mu.shape, per_image.shape)
print(np.round(mean_image[2], 3))
print(np.round(per_image[0, 2], 3))
# ANCHOR_END: digits

print("--8<-- nchw")
# ANCHOR: nchw
batch = np.ones((4, 3, 32, 32))               # (N, C, H, W)
mean = np.array([0.5, 0.25, 0.125])           # one value per channel
try:
    batch - mean                              # (3,) lines up with W = 32
except ValueError as error:
    print("ValueError:")
    print(error)
print((batch - mean[:, None, None]).shape)    # (3, 1, 1) lines up with C
print((batch - mean[:, None, None])[0, :, 0, 0])
# ANCHOR_END: nchw
