#!/usr/bin/env python3
"""Sets our catalog kernels beside libtorch's at 1M, in interleaved rounds, as the tables of docs/cost-model.md.

    dotnet build -c Release samples/ActivationGen.Benchmarks
    python3 samples/ActivationGen.Benchmarks/compare_libtorch.py [--rounds 3] [--classes avx512,avx2] [--python /usr/bin/python3] [--also-minimum off|BYTES]

On a shared VM one run of each side can differ by half from the next (the L3's bandwidth and the core's sibling
are shared with other guests), so a ratio taken from one run of ours and one of libtorch's minutes apart says
little. Each round here runs, per host class, libtorch (torch_activations.py) and then our BenchmarkDotNet `short`
job over the same 11 activations, so the two sides of a ratio are measured a minute apart; the table gives each
side's median over the rounds, their ratio, and the range of the per-round ratios. A second table sets ours against
the TensorPrimitives chains and the scalar loop of the same BenchmarkDotNet runs (issue 10's other 1M targets).

Classes: `avx512` is this host as it is, against the faster of libtorch's `--isa native` and `--isa avx512`;
`avx2` is this host with `DOTNET_EnableAVX512=0`, against `--isa avx2`. A class the CPU lacks is skipped.
`--also-minimum VALUE` runs ours a second time per round with `--nontemporal-minimum VALUE` (NonTemporalStores:
`off`, or the bytes of output from which stores bypass the caches), so that the two are measured side by side.
"""
import argparse
import csv
import glob
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from torch_activations import missing_cpu_flags  # one table of the flags each --isa needs

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS_DLL = os.path.join(HERE, "bin", "Release", "net10.0", "ActivationGen.Benchmarks.dll")
RESULTS = os.path.join(HERE, "BenchmarkDotNet.Artifacts", "results")
ACTIVATIONS = ["Relu", "Sigmoid", "Tanh", "Silu", "Gelu", "GeluTanh", "Mish", "Softplus", "Elu", "LogSigmoid", "HardSwish"]

# (libtorch row, its direction, our BenchmarkDotNet method): the kernel of ours that does what libtorch's does.
ROWS = [(name, "forward", "Forward") for name in ACTIVATIONS] + [
    ("Relu", "backward", "Backward"),
    ("Sigmoid", "backward (from output)", "BackwardFromOutput"),
    ("Tanh", "backward (from output)", "BackwardFromOutput"),
    ("Silu", "backward", "Backward"),
    ("Gelu", "backward", "Backward"),
    ("GeluTanh", "backward", "Backward"),
    ("Softplus", "backward", "Backward"),
    ("Elu", "backward", "Backward"),
    ("LogSigmoid", "backward", "Backward"),
    ("Mish", "backward", "Backward"),
    ("HardSwish", "backward", "Backward"),
]
# libtorch's log-sigmoid keeps a buffer in its forward for its backward; ours can keep f′ the same way.
SPLIT_ROWS = [
    ("LogSigmoid", "backward", "BackwardFromOutput", "from the output"),
    ("LogSigmoid", "forward", "WithDerivative", "forward keeping f′, against libtorch's forward keeping its buffer"),
    ("LogSigmoid", "backward", "BackwardFromDerivative", "backward from the kept f′, against libtorch's from its buffer"),
]
# Issue 10's other targets at 1M, from the same runs: (activation, our method, the row it is set against, the least ratio).
TARGETS = [(name, "Forward", "TensorPrimitivesForward", 2.0) for name in ["Sigmoid", "Tanh", "Silu", "GeluTanh", "Mish", "Softplus"]] + [
    ("Silu", "Backward", "TensorPrimitivesBackward", 2.5),
] + [(name, "Forward", "Scalar", 6.0) for name in ACTIVATIONS]
CLASSES = {
    "avx512": {"environment": {}, "torch": ["native", "avx512"]},
    "avx2": {"environment": {"DOTNET_EnableAVX512": "0"}, "torch": ["avx2"]},
}
N = 1 << 20
UNITS = {"ns": 1.0, "μs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            fields = {key.strip(): value for key, value in (line.split(":", 1) for line in cpuinfo if ":" in line)}
        return f"{fields['model name'].strip()} (family {fields['cpu family'].strip()}, model {fields['model'].strip()})"
    except (OSError, KeyError):
        return "unknown CPU"


def run(command, environment, log):
    with open(log, "w") as out:
        code = subprocess.run(command, env={**os.environ, **environment}, stdout=out, stderr=subprocess.STDOUT, cwd=HERE).returncode
    if code != 0:
        sys.exit(f"{' '.join(command)} failed ({code}); its output is in {log}")


def torch_table(log):
    """{(activation, direction): ns/element at 1M} from torch_activations.py's markdown table."""
    table = {}
    for line in open(log):
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 4 and re.match(r"^[0-9.]+( |$)", cells[3]):
            table[(cells[1], cells[2])] = float(cells[3].split()[0])
    return table


def our_table(results):
    """{(activation, method): ns/element at 1M} from BenchmarkDotNet's CSV reports (median column)."""
    table = {}
    for report in glob.glob(os.path.join(results, "*-report.csv")):
        match = re.search(r"Generated\.Activations\.(\w+)Benchmarks-report", report)
        if not match:
            continue
        for row in csv.DictReader(open(report, encoding="utf-8")):
            if int(row["N"]) != N:
                continue
            value, unit = row["Median"].replace(",", "").split()
            table[(match.group(1), row["Method"])] = float(value) * UNITS[unit] / N
    return table


def one_round(name, settings, work, index):
    torch = {}
    for isa in settings["torch"]:
        log = os.path.join(work, f"torch-{name}-{isa}-{index}.log")
        run([ARGS.python, os.path.join(HERE, "torch_activations.py"), "--sizes", "1M", "--isa", isa], {}, log)
        for key, value in torch_table(log).items():
            torch[key] = min(value, torch.get(key, math.inf))
    filters = [f"*.Activations.{activation}Benchmarks.*" for activation in ACTIVATIONS]

    def ours(variant, options):
        run(["dotnet", BENCHMARKS_DLL, "short", *options, "--filter", *filters], settings["environment"],
            os.path.join(work, f"ours{variant}-{name}-{index}.log"))
        shutil.copytree(RESULTS, os.path.join(work, f"results{variant}-{name}-{index}"))
        return our_table(RESULTS)

    streamed = ours("", [])
    other = ours("-minimum", ["--nontemporal-minimum", ARGS.also_minimum]) if ARGS.also_minimum else {}
    return streamed, torch, other


def report(name, rounds):
    print(f"## {name} class, {len(rounds)} rounds (ns/element at 1M; ratio = libtorch / ours, above 1: ours faster)")
    print()
    other_column = bool(ARGS.also_minimum)
    extra_head = f" ours, --nontemporal-minimum {ARGS.also_minimum} | that ÷ ours |" if other_column else ""
    print(f"| activation | direction | ours | libtorch | ratio of medians | per-round ratios |{extra_head}")
    print("| --- | --- | ---: | ---: | ---: | --- |" + (" ---: | ---: |" if other_column else ""))
    forward_ratios = []

    def line(activation, direction, method, label):
        key = (activation, method)
        pairs = [(ours.get(key), torch.get((activation, direction)), other.get(key)) for ours, torch, other in rounds]
        pairs = [p for p in pairs if p[0] and p[1]]
        if not pairs:
            return None
        o = statistics.median(p[0] for p in pairs)
        t = statistics.median(p[1] for p in pairs)
        per_round = sorted(p[1] / p[0] for p in pairs)
        spread = f"{per_round[0]:.2f}–{per_round[-1]:.2f}" if len(per_round) > 1 else f"{per_round[0]:.2f}"
        extra = ""
        if other_column:
            other_values = [p[2] for p in pairs if p[2]]
            c = statistics.median(other_values) if other_values else None
            extra = f" {c:.3f} | {c / o:.2f}× |" if c else " | |"
        print(f"| {activation} | {label} | {o:.3f} | {t:.2f} | {'**' if t < o else ''}{t / o:.2f}×{'**' if t < o else ''} | {spread} |{extra}")
        return t / o

    for activation, direction, method in ROWS:
        ratio = line(activation, direction, method, direction)
        if ratio and direction == "forward":
            forward_ratios.append(ratio)
    for activation, direction, method, label in SPLIT_ROWS:
        line(activation, direction, method, label)
    print()
    if forward_ratios:
        geo_mean = math.exp(sum(math.log(r) for r in forward_ratios) / len(forward_ratios))
        print(f"Forward geo-mean over {len(forward_ratios)} activations: {geo_mean:.2f}× libtorch.")
        print()
    print(f"Against TensorPrimitives and the scalar loop ({name} class; ratio = that row's median / ours, per round, then the median of those):")
    print()
    print("| activation | ours | against | ratio (median of rounds) | per-round ratios | target |")
    print("| --- | --- | --- | ---: | --- | --- |")
    for activation, method, against, least in TARGETS:
        per_round = sorted(ours[(activation, against)] / ours[(activation, method)] for ours, _, _ in rounds
                           if (activation, against) in ours and (activation, method) in ours)
        if not per_round:
            continue
        ratio = statistics.median(per_round)
        verdict = "met" if ratio >= least else "**not met**"
        print(f"| {activation} | {method} | {against} | {ratio:.2f}× | {per_round[0]:.2f}–{per_round[-1]:.2f} | ≥ {least:g}×: {verdict} |")
    print()


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--classes", default="avx512,avx2", help="comma-separated: avx512, avx2")
    parser.add_argument("--python", default="/usr/bin/python3", help="the Python that imports torch")
    parser.add_argument("--keep", help="a directory to keep every round's logs and results in")
    parser.add_argument("--also-minimum", metavar="off|BYTES",
                        help="each round also runs ours with --nontemporal-minimum set to this (off: every output through the caches)")
    ARGS = parser.parse_args()
    if not os.path.exists(BENCHMARKS_DLL):
        parser.error(f"{BENCHMARKS_DLL} is missing: dotnet build -c Release samples/ActivationGen.Benchmarks")
    if subprocess.run([ARGS.python, "-c", "import torch"], capture_output=True).returncode != 0:
        parser.error(f"{ARGS.python} cannot import torch (apt-get install -y python3-torch)")
    names = [c.strip() for c in ARGS.classes.split(",") if c.strip()]
    unknown = [c for c in names if c not in CLASSES]
    if unknown:
        parser.error(f"unknown class {', '.join(unknown)}; known: {', '.join(CLASSES)}")
    names = [c for c in names if not any(missing_cpu_flags(isa) for isa in CLASSES[c]["torch"] if isa != "native")]
    work = ARGS.keep or tempfile.mkdtemp(prefix="compare-libtorch-")
    os.makedirs(work, exist_ok=True)
    rounds = {name: [] for name in names}
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for index in range(1, ARGS.rounds + 1):
        for name in names:
            print(f"round {index}/{ARGS.rounds}, {name}: libtorch, then ours ({time.strftime('%H:%M:%S', time.gmtime())})",
                  file=sys.stderr, flush=True)
            rounds[name].append(one_round(name, CLASSES[name], work, index))
    print(f"{cpu_model()}; {started} to {time.strftime('%H:%M UTC', time.gmtime())}; logs in {work}")
    print()
    for name in names:
        report(name, rounds[name])


if __name__ == "__main__":
    main()
