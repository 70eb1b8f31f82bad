#!/usr/bin/env python3
"""Times PyTorch's CPU activation kernels, forward and backward, as the libtorch column of docs/cost-model.md.

    apt-get install -y python3-torch          # Debian's 1.13; any PyTorch works
    /usr/bin/python3 samples/ActivationGen.Benchmarks/torch_activations.py [--sizes 1M,16M] [--repeats 15]

One thread, float32, inputs uniform in [-8, 8) (the benchmark stubs' default range). Every call writes into a
preallocated tensor through aten's out= (forward) and grad_input= (backward) overloads, so no allocation is
timed; an entry whose overload this PyTorch lacks falls back to the allocating call and is marked "(allocates)".
Each figure is the median over --repeats timed calls, in ns per element, after warm-up calls.
"""
import argparse
import platform
import statistics
import time

import torch

aten = torch.ops.aten


def parse_size(text):
    text = text.strip().upper()
    scale = {"K": 1 << 10, "M": 1 << 20}.get(text[-1], 1)
    return int(text[:-1] if text[-1] in "KM" else text) * scale


def overload(packet, name):
    """The out/grad_input overload if this PyTorch has it, else None."""
    return getattr(packet, name) if name in packet.overloads() else None


def cases(x, dy, y, dx):
    """(name, direction, call, allocates) for each activation; call() writes into y or dx."""
    sig = torch.sigmoid(x)
    th = torch.tanh(x)
    log_sigmoid_buffer = torch.empty_like(x)
    aten.log_sigmoid_forward.output(x, output=y, buffer=log_sigmoid_buffer)
    rows = [
        ("Relu", "forward", lambda: aten.relu.out(x, out=y)),
        ("Sigmoid", "forward", lambda: aten.sigmoid.out(x, out=y)),
        ("Tanh", "forward", lambda: aten.tanh.out(x, out=y)),
        ("Silu", "forward", lambda: aten.silu.out(x, out=y)),
        ("Gelu", "forward", lambda: aten.gelu.out(x, approximate="none", out=y)),
        ("GeluTanh", "forward", lambda: aten.gelu.out(x, approximate="tanh", out=y)),
        ("Mish", "forward", lambda: aten.mish.out(x, out=y)),
        ("Softplus", "forward", lambda: aten.softplus.out(x, 1.0, 20.0, out=y)),
        ("Elu", "forward", lambda: aten.elu.out(x, 1.0, 1.0, 1.0, out=y)),
        ("LogSigmoid", "forward", lambda: aten.log_sigmoid.out(x, out=y)),
        ("HardSwish", "forward", lambda: aten.hardswish.out(x, out=y)),
        ("Relu", "backward", lambda: aten.threshold_backward.grad_input(dy, x, 0.0, grad_input=dx)),
        ("Sigmoid", "backward (from output)", lambda: aten.sigmoid_backward.grad_input(dy, sig, grad_input=dx)),
        ("Tanh", "backward (from output)", lambda: aten.tanh_backward.grad_input(dy, th, grad_input=dx)),
        ("Silu", "backward", lambda: aten.silu_backward.grad_input(dy, x, grad_input=dx)),
        ("Gelu", "backward", lambda: aten.gelu_backward.grad_input(dy, x, approximate="none", grad_input=dx)),
        ("GeluTanh", "backward", lambda: aten.gelu_backward.grad_input(dy, x, approximate="tanh", grad_input=dx)),
        ("Softplus", "backward", lambda: aten.softplus_backward.grad_input(dy, x, 1.0, 20.0, grad_input=dx)),
        ("Elu", "backward", lambda: aten.elu_backward.grad_input(dy, 1.0, 1.0, 1.0, False, x, grad_input=dx)),
        ("LogSigmoid", "backward", lambda: aten.log_sigmoid_backward.grad_input(dy, x, log_sigmoid_buffer, grad_input=dx)),
    ]
    for name, direction, call in rows:
        yield name, direction, call, False
    # 1.13 has no grad_input overload for these two: the allocating call is what a user gets.
    mish_out = overload(aten.mish_backward, "grad_input")
    yield "Mish", "backward", (lambda: mish_out(dy, x, grad_input=dx)) if mish_out else (lambda: aten.mish_backward(dy, x)), mish_out is None
    hardswish_out = overload(aten.hardswish_backward, "out")
    yield ("HardSwish", "backward", (lambda: hardswish_out(dy, x, out=dx)) if hardswish_out else (lambda: aten.hardswish_backward(dy, x)),
           hardswish_out is None)


def time_call(call, elements, repeats):
    for _ in range(3):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        call()
        samples.append((time.perf_counter_ns() - start) / elements)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1M,16M")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    torch.set_num_threads(1)
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    capability = next((line.split(":")[-1].strip() for line in torch.__config__.show().splitlines()
                       if "CPU capability" in line), "unknown")
    print(f"PyTorch {torch.__version__} (CPU capability {capability}), {torch.get_num_threads()} thread, float32, "
          f"{platform.processor() or platform.machine()}; median of {args.repeats} calls, ns/element")
    print()
    results = {}
    labels = []
    for n in sizes:
        generator = torch.Generator().manual_seed(1)
        x = torch.rand(n, generator=generator) * 16 - 8
        dy = torch.rand(n, generator=generator) * 2 - 1
        y, dx = torch.empty_like(x), torch.empty_like(x)
        copy_source, copy_target = x.clone(), torch.empty_like(x)
        results[("CopyTo (Tensor.copy_)", "", n)] = (time_call(lambda: copy_target.copy_(copy_source), n, args.repeats), False)
        for name, direction, call, allocates in cases(x, dy, y, dx):
            results[(name, direction, n)] = (time_call(call, n, args.repeats), allocates)
            if (name, direction) not in labels:
                labels.append((name, direction))
    header = " | ".join(f"{n >> 20}M" if n >= 1 << 20 else str(n) for n in sizes)
    print(f"| activation | direction | {header} |")
    print("| --- | --- |" + " --- |" * len(sizes))
    for name, direction in [("CopyTo (Tensor.copy_)", "")] + labels:
        cells = []
        for n in sizes:
            value, allocates = results[(name, direction, n)]
            cells.append(f"{value:.2f}" + (" (allocates)" if allocates else ""))
        print(f"| {name} | {direction} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
