#!/usr/bin/env python3
"""The cost model table of docs/cost-model.md for this host, one host class per run.

    dotnet build -c Release samples/ActivationGen.Probe
    python3 samples/ActivationGen.Probe/cost_model.py [--runs 3]                # the widest class this host has
    DOTNET_EnableAVX512=0 python3 samples/ActivationGen.Probe/cost_model.py     # the AVX2 class on an AVX-512 host

`--runs N` runs the probe N times and keeps each figure's minimum (the bounds' as well as the kernels'): on a shared
VM one run in four read a kernel a third slower than the others (Tanh forward in L1, 0.241 against 0.174–0.177).

Runs the probe's `bounds` (vector FMA/add, division and square-root throughput, CopyTo bandwidth) and `kernels`
(every catalog kernel in L1 and at 16M, minimum of many runs) under DOTNET_JitDisasm, counts each hot loop's
instructions with count_ops.py, and prints per kernel: instructions per element, the compute bound they imply
(the larger of the arithmetic at the measured issue rate and the divisions and roots at the divider's), the
memory bound (CopyTo's time per element scaled by the streams: 2 forward, 3 backward and forward with
derivative), and the fraction of the
binding bound that the measured time reaches.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROBE = os.path.join(HERE, "bin", "Release", "net10.0", "ActivationGen.Probe.dll")
sys.path.insert(0, HERE)
import count_ops  # noqa: E402


def run(args, env=None):
    return subprocess.run(["dotnet", PROBE, *args], check=True, capture_output=True, text=True, env=env).stdout


def fastest(outputs):
    """Each number of the first output replaced by its minimum over all the outputs (they differ only in figures)."""
    number = re.compile(r"\d+\.\d+")
    columns = [number.findall(output) for output in outputs]
    if any(len(c) != len(columns[0]) for c in columns):
        sys.exit("the probe's runs printed different tables; run again")
    minima = iter(min(values, key=float) for values in zip(*columns))
    return number.sub(lambda _: next(minima), outputs[0])


def main():
    runs = 1
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
        if runs < 1:
            sys.exit("--runs takes a count of at least 1")
    bounds = fastest([run(["bounds"]) for _ in range(runs)])
    header = bounds.splitlines()[0]
    wide = "Vector512.IsHardwareAccelerated = True" in header
    lanes = 16 if wide else 8
    pattern = r"FMA zmm: ([\d.]+)" if wide else r"FMA ymm: ([\d.]+)"
    per_instruction = float(re.search(pattern, bounds).group(1))
    width = "zmm" if wide else "ymm"
    per_division = float(re.search(rf"divide {width}: ([\d.]+)", bounds).group(1))
    per_root = float(re.search(rf"sqrt {width}: ([\d.]+)", bounds).group(1))
    copy = float(re.search(r"CopyTo 16M: ([\d.]+)", bounds).group(1))
    with tempfile.TemporaryDirectory() as temp:
        listing = os.path.join(temp, "kernels.asm")
        members = ["RunForward", "RunBackward", "RunBackwardFromOutput", "RunForwardWithDerivative"]
        # At their default hyperparameters (the probe's inputs) the span members of Softplus, ELU and their kin run
        # the kernels without the products by a unit β or α (the generator's AtUnit kernels): those are the loops timed.
        env = dict(os.environ, DOTNET_JitDisasm=" ".join(members + [m + "AtUnit" for m in members]), DOTNET_JitStdOutFile=listing)
        kernels = run(["kernels"], env)
        with open(listing, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    kernels = fastest([kernels] + [run(["kernels"]) for _ in range(runs - 1)])
    # The loop the probe ran: the pair of vectors of the host's width where the kernel takes one (the span loops
    # try it first), else the single vector.
    counts = {}
    for method in count_ops.methods(lines):
        if method["vector lanes"] != lanes:
            continue
        c = count_ops.loop_counts(method["lines"])
        member = method["member"][3:]
        at_unit = member.endswith("AtUnit")
        key = (method["name"], member.removesuffix("AtUnit"))
        rank = (at_unit, method["pairs"])
        if c is not None and (key not in counts or rank > counts[key]["rank"]):
            counts[key] = dict(c, lanes=method["lanes"], pairs=method["pairs"], rank=rank)
    times = {}
    for line in kernels.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 9 and cells[0] not in ("activation", "---", "CopyTo"):
            times[cells[0]] = cells[1:]
    print(header.lstrip("# "))
    print(f"Issue rate: {per_instruction:.3f} ns per {lanes * 32}-bit vector instruction (10 independent FMA chains); "
          f"divider: {per_division:.3f} ns per division, {per_root:.3f} per square root (10 independent chains each); "
          f"CopyTo at 16M: {copy:.3f} ns/element.")
    print()
    print("| kernel | two vectors at a time | instructions/element (of which memory; register moves) | divisions, roots/vector | compute bound ns/el | L1 ns/el | "
          "of compute bound | memory bound ns/el | 16M ns/el | bound at 16M | of that bound |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in sorted(times):
        for member, l1, big, streams in (("Forward", times[name][0], times[name][1], 2),
                                         ("Backward", times[name][2], times[name][3], 3),
                                         ("BackwardFromOutput", times[name][4], times[name][5], 3),
                                         ("ForwardWithDerivative", times[name][6], times[name][7], 3)):
            c = counts.get((name, member))
            if c is None or l1 == "—":
                continue
            arithmetic = c["vector"] - c["memory"] - c["move"]
            issue = arithmetic * per_instruction / c["lanes"]
            divider = (c["divide"] * per_division + c["sqrt"] * per_root) / c["lanes"]
            # Divisions and roots per vector of the host's width, a pair's halved.
            per_vector = c["lanes"] // lanes
            compute = max(issue, divider)
            memory = copy * streams / 2
            l1v, bigv = float(l1), float(big)
            binding = "memory" if memory >= compute else ("divider" if divider > issue else "compute")
            bound = max(memory, compute)
            dividers = f"{c['divide'] // per_vector}, {c['sqrt'] // per_vector}" if c["sqrt"] else f"{c['divide'] // per_vector}"
            print(f"| {name} {member} | {'yes' if c['pairs'] else 'no'} | {c['vector'] / c['lanes']:.2f} ({c['memory'] / c['lanes']:.2f}; {c['move'] / c['lanes']:.2f}) | {dividers} | {compute:.3f}{' (divider)' if divider > issue else ''} | {l1v:.3f} | "
                  f"{compute / l1v:.0%} | {memory:.3f} | {bigv:.3f} | {binding} | {bound / bigv:.0%} |")


if __name__ == "__main__":
    main()
