#!/usr/bin/env python3
"""Times PyTorch's CPU activation kernels, forward and backward, as the libtorch column of docs/cost-model.md.

    apt-get install -y python3-torch          # Debian's 1.13; any PyTorch works
    /usr/bin/python3 samples/ActivationGen.Benchmarks/torch_activations.py [--sizes 1M,16M] [--repeats 15] [--isa avx2]

--isa chooses the instruction set of both libraries inside libtorch: aten's own kernels (ATEN_CPU_CAPABILITY) and
oneDNN's JIT, which runs GELU forward and backward (ONEDNN_MAX_CPU_ISA). Left to itself, Debian's 1.13 runs aten's
AVX2 kernels but oneDNN's AVX-512 ones on an AVX-512 host, so its "native" GELU is not an AVX2 figure. `--isa avx2`
is the libtorch to set beside an AVX2 host (or our DOTNET_EnableAVX512=0 runs), `--isa avx512` beside an AVX-512
one; the header names what each library ran.

One thread, float32, inputs uniform in [-8, 8) (the benchmark stubs' default range). Every call writes into a
preallocated tensor through aten's out= (forward) and grad_input= (backward) overloads, so no allocation is
timed; an entry whose overload this PyTorch lacks falls back to the allocating call and is marked "(allocates)".
Each figure is the median over --repeats timed calls, in ns per element, after warm-up calls.
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import time

# Both libraries read their variables once, when torch loads, so --isa is applied before the import (in main).
ISA_ENVIRONMENT = {
    "native": {},
    "avx2": {"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"},
    "avx512": {"ATEN_CPU_CAPABILITY": "avx512", "ONEDNN_MAX_CPU_ISA": "ALL"},
}
# aten takes ATEN_CPU_CAPABILITY without asking the CPU, so a set it lacks would end in an illegal instruction.
ISA_FLAGS = {"native": set(), "avx2": {"avx2", "fma"}, "avx512": {"avx512f", "avx512bw", "avx512dq", "avx512vl"}}


def missing_cpu_flags(isa):
    """The CPU flags --isa needs that /proc/cpuinfo does not list (none where there is no /proc/cpuinfo to ask)."""
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            flags = next((set(line.split(":", 1)[1].split()) for line in cpuinfo if line.startswith("flags")), None)
    except OSError:
        return set()
    return set() if flags is None else ISA_FLAGS[isa] - flags


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


def onednn_isa():
    """The ISA of oneDNN's JIT GELU in this environment, from its verbose log (it prints to the process's stdout)."""
    probe = "import torch; torch.set_num_threads(1); x = torch.zeros(64); torch.ops.aten.gelu.out(x, out=torch.empty_like(x))"
    log = subprocess.run([sys.executable, "-c", probe], env={**os.environ, "ONEDNN_VERBOSE": "1"},
                         capture_output=True, text=True).stdout
    match = re.search(r"eltwise,jit:(\w+)", log)
    return match.group(1) if match else "not used"


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
    parser.add_argument("--isa", choices=sorted(ISA_ENVIRONMENT), default="native",
                        help="the instruction set of aten's kernels and oneDNN's JIT (default: what libtorch picks)")
    args = parser.parse_args()
    missing = missing_cpu_flags(args.isa)
    if missing:
        parser.error(f"--isa {args.isa} needs CPU flags this host lacks: {', '.join(sorted(missing))}")
    os.environ.update(ISA_ENVIRONMENT[args.isa])
    global torch, aten
    import torch
    aten = torch.ops.aten
    torch.set_num_threads(1)
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    capability = next((line.split(":")[-1].strip() for line in torch.__config__.show().splitlines()
                       if "CPU capability" in line), "unknown")
    print(f"PyTorch {torch.__version__} (--isa {args.isa}: aten CPU capability {capability}, oneDNN jit:{onednn_isa()}), "
          f"{torch.get_num_threads()} thread, float32, "
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
