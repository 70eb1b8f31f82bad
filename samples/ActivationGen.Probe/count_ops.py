#!/usr/bin/env python3
"""Counts the instructions per element of each generated span loop from a JIT disassembly (DOTNET_JitStdOutFile).

    DOTNET_JitDisasm='RunForward RunBackward RunBackwardFromOutput' DOTNET_JitStdOutFile=/tmp/kernels.asm \\
        dotnet samples/ActivationGen.Probe/bin/Release/net10.0/ActivationGen.Probe.dll kernels
    python3 samples/ActivationGen.Probe/count_ops.py /tmp/kernels.asm

The loop is the span of blocks between a backward jump's target and the jump itself (the generated loop has one
body, the tail re-runs it). Counted there: every vector instruction (mnemonic v…, but not vzeroupper), split into
arithmetic on the FP/vector pipes, memory (loads of the inputs, stores, broadcast loads of constants) and
register-to-register moves (which the renamer mostly eliminates, so they occupy no pipe), and the divisions and
square roots among them, which occupy a divider for several cycles. Lanes come from the vector type in the method
name (twice the vector's for a VecPair: two vectors per iteration). Blocks inside the loop that run rarely (the
trainable sums' flush every 256 vectors) are counted too, so a kernel with a trainable parameter reads a few instructions high.
"""
import re
import sys

# The vector type is Vec512`1[float] or a pair of one, VecPair`2[ActivationGen.Simd.Vec512`1[float],float].
LISTING = re.compile(r"^; Assembly listing for method .*?__(\w+?)Kernels:(Run\w+)\[ActivationGen\.Simd\.(VecPair`2\[ActivationGen\.Simd\.)?(Vec\d+)`1\[(float|double)\]")
LABEL = re.compile(r"^(G_M\d+_IG\d+):")
JUMP = re.compile(r"^\s+j\w+\s+(?:SHORT\s+)?(G_M\d+_IG\d+)")
INSTRUCTION = re.compile(r"^\s+([a-z][a-z0-9]*)\s*(.*)$")
LANES = {("Vec512", "float"): 16, ("Vec256", "float"): 8, ("Vec128", "float"): 4, ("Vec1", "float"): 1,
         ("Vec512", "double"): 8, ("Vec256", "double"): 4, ("Vec128", "double"): 2, ("Vec1", "double"): 1}


def methods(lines):
    current = None
    for line in lines:
        match = LISTING.match(line)
        if match:
            if current:
                yield current
            pairs = match.group(3) is not None
            lanes = LANES[(match.group(4), match.group(5))]
            current = {"name": match.group(1), "member": match.group(2), "lanes": 2 * lanes if pairs else lanes,
                       "vector lanes": lanes, "pairs": pairs, "lines": []}
        elif line.startswith("; Assembly listing"):
            if current:
                yield current
            current = None
        elif current:
            current["lines"].append(line)
    if current:
        yield current


def loop_counts(body):
    order, blocks, label = [], {}, None
    for line in body:
        match = LABEL.match(line)
        if match:
            label = match.group(1)
            order.append(label)
            blocks[label] = []
        elif label and INSTRUCTION.match(line) and not line.lstrip().startswith(("RWD", "align", ";")):
            blocks[label].append(line)
    position = {name: i for i, name in enumerate(order)}
    first, last = None, None
    for name in order:
        for line in blocks[name]:
            jump = JUMP.match(line)
            if jump and jump.group(1) in position and position[jump.group(1)] <= position[name]:
                first = position[jump.group(1)] if first is None else min(first, position[jump.group(1)])
                last = position[name] if last is None else max(last, position[name])
    if first is None:
        return None
    counts = {"vector": 0, "memory": 0, "move": 0, "divide": 0, "sqrt": 0}
    for name in order[first:last + 1]:
        for line in blocks[name]:
            mnemonic = INSTRUCTION.match(line).group(1)
            if not mnemonic.startswith("v") or mnemonic == "vzeroupper":
                continue
            counts["vector"] += 1
            # A vmov… with a memory operand is a load or a store (vmovdqu32 included); without one, a register copy.
            is_move = mnemonic.startswith(("vmovaps", "vmovups", "vmovdqa", "vmovdqu"))
            if (is_move or mnemonic.startswith("vbroadcast")) and "ptr" in line:
                counts["memory"] += 1
            elif is_move:
                counts["move"] += 1
            if mnemonic.startswith("vdiv"):
                counts["divide"] += 1
            if mnemonic.startswith("vsqrt"):
                counts["sqrt"] += 1
    return counts


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    print("| kernel | lanes | vector instructions per vector | of which memory | divisions | square roots | arithmetic per element |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    seen = set()
    for method in methods(lines):
        key = (method["name"], method["member"], method["lanes"])
        counts = loop_counts(method["lines"])
        if counts is None or key in seen:
            continue
        seen.add(key)
        arithmetic = counts["vector"] - counts["memory"]
        print(f"| {method['name']} {method['member'][3:]} | {method['lanes']} | {counts['vector']} | {counts['memory']} | {counts['divide']} | {counts['sqrt']} | "
              f"{arithmetic / method['lanes']:.2f} |")


if __name__ == "__main__":
    main()
