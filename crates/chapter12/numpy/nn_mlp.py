"""The NumPy twin of src/nn.rs and src/nn_train.rs: the same MLP, the same
seeded split, initial weights and mini-batches (SplitMix64 streams), the same
updates. Run as a script it trains on the digits and prints what
examples/nn_digits.rs prints; tests/fixtures/nn_parity.py and benches/mlp.py
import it.
"""

import gzip

import numpy as np

MASK = (1 << 64) - 1


# ANCHOR: stream
def stream(seed, n, start=0):
    """Uniforms in [0, 1): draws start..start+n of stream `seed`
    (SplitMix64 of the counter seed * 2**32 + i + 1)."""
    i = np.arange(start, start + n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = (np.uint64(seed << 32) + i + np.uint64(1))
        z = z * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53
# ANCHOR_END: stream


def load(name, scale):
    """A data/ CSV whose last column is the class: pixels / scale, labels."""
    with gzip.open(f"data/{name}.csv.gz", "rt") as f:
        table = np.loadtxt(f, delimiter=",", skiprows=1)
    return table[:, :-1] / scale, table[:, -1].astype(np.intp)


# ANCHOR: split
def stratified_split(y, test_fraction, seed):
    """Per class, a seeded shuffle of its indices; the first share goes to
    the test set. Returns (train, test) index arrays."""
    train, test, drawn = [], [], 0
    for c in range(y.max() + 1):
        members = np.flatnonzero(y == c)
        order = members[np.argsort(stream(seed, len(members), drawn),
                                   kind="stable")]
        drawn += len(members)
        n_test = int(np.floor(test_fraction * len(members) + 0.5))
        test.append(order[:n_test])
        train.append(order[n_test:])
    return np.concatenate(train), np.concatenate(test)
# ANCHOR_END: split


# ANCHOR: init
def he_init(sizes, seed):
    """He initialisation, uniform form: W ~ U(-a, a) with a = sqrt(6 / fan_in)
    (variance 2 / fan_in), biases 0."""
    params, drawn = [], 0
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        u = stream(seed, fan_in * fan_out, drawn).reshape(fan_in, fan_out)
        drawn += fan_in * fan_out
        limit = np.sqrt(6.0 / fan_in)
        params.append([(2.0 * u - 1.0) * limit, np.zeros(fan_out)])
    return params
# ANCHOR_END: init


# ANCHOR: forward
def forward(params, x):
    """Activations of every layer: x, the hidden ReLUs, the softmax."""
    acts = [x]
    for w, b in params[:-1]:
        acts.append(np.maximum(acts[-1] @ w + b, 0.0))
    w, b = params[-1]
    z = acts[-1] @ w + b
    z -= z.max(axis=1, keepdims=True)           # softmax stability
    e = np.exp(z)
    acts.append(e / e.sum(axis=1, keepdims=True))
    return acts
# ANCHOR_END: forward


def loss(params, acts, y, l2):
    """Mean cross-entropy of the softmax output plus (l2 / 2) sum W**2."""
    p = acts[-1][np.arange(len(y)), y]
    penalty = sum(np.sum(w * w) for w, _ in params)
    return -np.mean(np.log(p)) + 0.5 * l2 * penalty


# ANCHOR: backward
def backward(params, acts, y, l2):
    """Gradients [dW, db] of the loss for every layer."""
    delta = acts[-1].copy()
    delta[np.arange(len(y)), y] -= 1.0
    delta /= len(y)                              # (P - Y) / B
    grads = [None] * len(params)
    for layer in range(len(params) - 1, -1, -1):
        w, _ = params[layer]
        grads[layer] = [acts[layer].T @ delta + l2 * w, delta.sum(axis=0)]
        if layer > 0:
            delta = (delta @ w.T) * (acts[layer] > 0.0)
    return grads
# ANCHOR_END: backward


# ANCHOR: optimisers
class Sgd:
    """SGD with momentum: v = mu v + g; w -= lr v."""

    def __init__(self, params, lr, momentum):
        self.lr, self.mu = lr, momentum
        self.v = [[np.zeros_like(p) for p in layer] for layer in params]

    def step(self, params, grads):
        for layer, g_layer, v_layer in zip(params, grads, self.v):
            for p, g, v in zip(layer, g_layer, v_layer):
                v *= self.mu
                v += g
                p -= self.lr * v


class Adam:
    """Adam: moving averages of g and g**2, bias-corrected."""

    def __init__(self, params, lr, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, beta1, beta2, eps, 0
        self.m = [[np.zeros_like(p) for p in layer] for layer in params]
        self.v = [[np.zeros_like(p) for p in layer] for layer in params]

    def step(self, params, grads):
        self.t += 1
        step = self.lr / (1.0 - self.b1**self.t)
        scale = 1.0 / np.sqrt(1.0 - self.b2**self.t)
        for layer, gl, ml, vl in zip(params, grads, self.m, self.v):
            for p, g, m, v in zip(layer, gl, ml, vl):
                m *= self.b1
                m += (1.0 - self.b1) * g
                v *= self.b2
                v += (1.0 - self.b2) * g * g
                p -= step * m / (np.sqrt(v) * scale + self.eps)
# ANCHOR_END: optimisers


# ANCHOR: train
def batches(n, batch_size, seed, epoch):
    """The mini-batches of one epoch: a seeded permutation, cut in order."""
    order = np.argsort(stream(seed, n, epoch * n), kind="stable")
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def train_epoch(params, opt, x, y, batch_size, l2, seed, epoch):
    """One pass over the training set; returns the mean batch loss."""
    total = 0.0
    for idx in batches(len(y), batch_size, seed, epoch):
        acts = forward(params, x[idx])
        total += loss(params, acts, y[idx], l2) * len(idx)
        opt.step(params, backward(params, acts, y[idx], l2))
    return total / len(y)
# ANCHOR_END: train


def accuracy(params, x, y):
    return np.mean(forward(params, x)[-1].argmax(axis=1) == y)


# The digits run of examples/nn_digits.rs.
SIZES, EPOCHS, BATCH, LR, L2 = [64, 64, 10], 50, 32, 1e-3, 1e-4
SPLIT_SEED, INIT_SEED, BATCH_SEED = 1, 2, 3


def main():
    # ANCHOR: main
    x, y = load("digits", 16.0)
    train, test = stratified_split(y, 0.2, SPLIT_SEED)
    params = he_init(SIZES, INIT_SEED)
    opt = Adam(params, LR)
    for epoch in range(EPOCHS):
        mean_loss = train_epoch(params, opt, x[train], y[train], BATCH, L2,
                                BATCH_SEED, epoch)
        if epoch == 0 or (epoch + 1) % 10 == 0:
            print(f"epoch {epoch + 1:2}: loss {mean_loss:.4f}, "
                  f"test accuracy {accuracy(params, x[test], y[test]):.4f}")
    # ANCHOR_END: main


if __name__ == "__main__":
    main()
