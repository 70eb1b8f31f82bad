"""The digits reference net in PyTorch on the CPU, one thread: the comparison for samples/ActivationGen.Training.

Same recipe as DigitsTraining.cs: Conv2d 3x3 1->16 pad 1 -> f -> Conv2d 3x3 16->32 stride 2 pad 1 -> f ->
Linear 512->10, cross-entropy, batch 32, Adam (lr 1e-3), 30 epochs, pixels / 16, and the same seeded 80/20 split
(DigitsDataset.Split: Fisher-Yates driven by Knuth's 64-bit LCG). Initialization is PyTorch's default.

    apt-get install -y python3-torch
    /usr/bin/python3 samples/ActivationGen.Training/digits_pytorch.py [--epochs 30] [--activations relu,gelu]
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch
from torch import nn

SPLIT_SEED = 42
MASK = (1 << 64) - 1


def load(path):
    with gzip.open(path, "rt") as f:
        rows = np.loadtxt(f, delimiter=",", dtype=np.float32)
    return rows[:, :64], rows[:, 64].astype(np.int64)


def split(count, fraction, seed):
    order = list(range(count))
    state = seed & MASK
    for i in range(count - 1, 0, -1):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        j = ((state >> 32) * (i + 1)) >> 32
        order[i], order[j] = order[j], order[i]
    train = int(round(count * fraction))
    return order[:train], order[train:]


ACTIVATIONS = {"relu": nn.ReLU, "leakyrelu": nn.LeakyReLU, "gelu": nn.GELU, "swish": nn.SiLU, "mish": nn.Mish}


def run(name, x, y, train, test, epochs, seed=1):
    torch.manual_seed(seed)
    act = ACTIVATIONS[name]
    net = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), act(),
        nn.Conv2d(16, 32, 3, stride=2, padding=1), act(),
        nn.Flatten(), nn.Linear(512, 10))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    xs = torch.from_numpy(x / 16.0).float().reshape(-1, 1, 8, 8)
    ys = torch.from_numpy(y)
    train_x, train_y = xs[train], ys[train]
    test_x, test_y = xs[test], ys[test]
    generator = torch.Generator().manual_seed(seed)
    walls, cpus = [], []
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(train), generator=generator)
        start_wall, start_cpu = time.perf_counter(), time.thread_time()
        total, steps = 0.0, 0
        for s in range(0, len(train), 32):
            idx = order[s:s + 32]
            opt.zero_grad()
            loss = loss_fn(net(train_x[idx]), train_y[idx])
            loss.backward()
            opt.step()
            total += loss.item()
            steps += 1
        epoch_wall = (time.perf_counter() - start_wall) * 1e3
        epoch_cpu = (time.thread_time() - start_cpu) * 1e3
        walls.append(epoch_wall)
        cpus.append(epoch_cpu)
        net.eval()
        with torch.no_grad():
            accuracy = (net(test_x).argmax(1) == test_y).float().mean().item()
        print(f"{name:<10} epoch {epoch + 1:2}/{epochs}  loss {total / steps:.4f}  test accuracy {accuracy:.2%}  "
              f"{epoch_wall:6.1f} ms (cpu {epoch_cpu:6.1f} ms)", flush=True)
    # Medians, as the C# sample: the machines are shared, and the first epoch pays for warm-up.
    return accuracy, float(np.median(walls)), float(np.median(cpus))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--activations", default="relu,leakyrelu,gelu,swish,mish")
    args = parser.parse_args()
    torch.set_num_threads(1)
    here = os.path.dirname(os.path.abspath(__file__))
    x, y = load(os.path.join(here, "..", "data", "digits.csv.gz"))
    train, test = split(len(y), 0.8, SPLIT_SEED)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread; {len(train)} train / {len(test)} test images")
    results = [(name, *run(name, x, y, train, test, args.epochs)) for name in args.activations.split(",")]
    print("| activation | test accuracy | ms / epoch, wall (median) | ms / epoch, thread CPU (median) |")
    print("| --- | ---: | ---: | ---: |")
    for name, accuracy, wall, cpu in results:
        print(f"| {name} | {accuracy:.2%} | {wall:.1f} | {cpu:.1f} |")
    if len(results) > 1:
        print(f"| mean | {np.mean([r[1] for r in results]):.2%} | {np.mean([r[2] for r in results]):.1f} | "
              f"{np.mean([r[3] for r in results]):.1f} |")


if __name__ == "__main__":
    main()
