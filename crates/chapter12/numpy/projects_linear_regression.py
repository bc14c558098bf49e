"""Project 1 in NumPy: the diabetes split, least squares through np.linalg
and scikit-learn, the held-out scores, and batch gradient descent."""

import numpy as np
from sklearn.linear_model import LinearRegression

np.set_printoptions(suppress=True, linewidth=78)

print("--8<-- closed_form")
# ANCHOR: closed_form
data = np.loadtxt("data/diabetes.csv", delimiter=",", skiprows=1)
x, y = data[:, :-1], data[:, -1]
test = np.arange(len(y)) % 5 == 4          # every fifth patient held out
x_train, y_train, x_test, y_test = x[~test], y[~test], x[test], y[test]

model = LinearRegression().fit(x_train, y_train)
pred = model.predict(x_test)
print("coef[:5] =", np.round(model.coef_[:5], 4))
print("coef[5:] =", np.round(model.coef_[5:], 4))
print(f"intercept = {model.intercept_:.4f}")
r2 = 1 - np.sum((y_test - pred) ** 2) / np.sum((y_test - y_test.mean()) ** 2)
rmse = np.sqrt(np.mean((y_test - pred) ** 2))
print(f"test R² = {r2:.4f}, RMSE = {rmse:.2f}")
# ANCHOR_END: closed_form

print("--8<-- gradient_descent")
# ANCHOR: gradient_descent
mean, std = x_train.mean(axis=0), x_train.std(axis=0)
xs = (x_train - mean) / std
w, b, eta = np.zeros(xs.shape[1]), 0.0, 0.1
for epoch in range(200):
    r = xs @ w + b - y_train                 # residuals of every row
    w -= eta * xs.T @ r / len(r)
    b -= eta * r.mean()
loss = 0.5 * np.mean((xs @ w + b - y_train) ** 2)
print(f"batch η=0.1: loss {loss:.2f}")
# ANCHOR_END: gradient_descent

print("--8<-- conditioning")
# ANCHOR: conditioning
lam = np.linalg.eigvalsh(xs.T @ xs / len(xs))          # ascending
print(f"λ_max {lam[-1]:.2f}, λ_min {lam[0]:.4f}, ratio {lam[-1] / lam[0]:.0f}")
print(f"stable steps need η < 2 / λ_max = {2 / lam[-1]:.2f}")
print(f"corr(s1, s2) = {np.corrcoef(x_train[:, 4], x_train[:, 5])[0, 1]:.2f}")
a = np.column_stack([np.ones(len(xs)), xs])
best, *_ = np.linalg.lstsq(a, y_train, rcond=None)
print(f"minimum loss {0.5 * np.mean((a @ best - y_train) ** 2):.2f}")
# ANCHOR_END: conditioning
