#!/usr/bin/env python3
"""Fails when the engine's modules include each other in a cycle (issue 12: data flows one way).

A module is a folder of engine/; module A depends on B when a file of A includes "B/...". Prints every cycle
(strongly connected group of modules) with the files that make each edge, and exits 1; exits 0 when the module
graph is acyclic. Usage: module_cycles.py ENGINE_DIR
"""
import os
import re
import sys
from collections import defaultdict


def module_graph(engine):
    modules = sorted(d for d in os.listdir(engine) if os.path.isdir(os.path.join(engine, d)) and d != "include")
    edges, where = defaultdict(set), defaultdict(list)
    for module in modules:
        for folder, _, files in os.walk(os.path.join(engine, module)):
            for name in files:
                if not name.endswith((".cpp", ".hpp")):
                    continue
                path = os.path.join(folder, name)
                with open(path, errors="replace") as f:
                    for line in f:
                        m = re.match(r'#include "([a-z_]+)/', line)
                        if m and m.group(1) != module and m.group(1) in modules:
                            edges[module].add(m.group(1))
                            where[(module, m.group(1))].append(os.path.relpath(path, engine))
    return modules, edges, where


def strongly_connected(modules, edges):
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            groups.append(sorted(group))

    for v in modules:
        if v not in index:
            visit(v)
    return groups


def main():
    engine = sys.argv[1]
    modules, edges, where = module_graph(engine)
    cycles = [g for g in strongly_connected(modules, edges) if len(g) > 1]
    for group in cycles:
        print("include cycle between modules: " + ", ".join(group))
        for a in group:
            for b in sorted(edges[a]):
                if b in group:
                    print(f"  {a} -> {b}: " + ", ".join(sorted(set(where[(a, b)]))[:4]))
    if not cycles:
        print(f"{len(modules)} modules, {sum(len(e) for e in edges.values())} dependencies, no cycle")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
