#!/usr/bin/python3
"""Kernel latency benchmark with jupyter_client: start -> first result, and trivial-cell round trip.

Usage: /usr/bin/python3 scripts/kernel_bench.py [--kernels java-rv,python3] [--starts 5] [--cells 200]
The rv kernelspec must be installed where Jupyter finds it (e.g. JUPYTER_PATH=<prefix>/share/jupyter
after `java -jar kernel-extensions/target/rv-kernel.jar install --prefix <prefix>`).
Kernels take turns (starts and cells interleaved) so machine load affects them alike.
A cell's round trip is measured from sending execute_request to receiving both its execute_reply and
the kernel's `idle` status for it (when a notebook considers the cell finished).
"""
import argparse
import os
import statistics
import time

from jupyter_client.manager import KernelManager

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets ipykernel's debugger banner
TRIVIAL = {"python3": "1 + 1"}  # any other kernel: Java


def run_cell(kc, code, timeout=30):
    msg_id = kc.execute(code)
    got_reply = got_idle = False
    result = None
    deadline = time.monotonic() + timeout
    while not (got_reply and got_idle):
        if not got_reply:
            try:
                r = kc.get_shell_msg(timeout=0.001 if got_idle else max(0.0, deadline - time.monotonic()))
                if r["parent_header"].get("msg_id") == msg_id:
                    got_reply = True
            except Exception:
                pass
        while not got_idle:
            try:
                m = kc.get_iopub_msg(timeout=0.001 if not got_reply else max(0.0, deadline - time.monotonic()))
            except Exception:
                break
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "execute_result":
                result = m["content"]["data"].get("text/plain")
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                got_idle = True
        if time.monotonic() > deadline:
            raise TimeoutError(code)
    return result


def start_to_first_result(name):
    t0 = time.monotonic()
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    result = run_cell(kc, TRIVIAL.get(name, "1 + 1"))
    elapsed = time.monotonic() - t0
    assert result == "2", result
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return elapsed


def start(name):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernels", default="java-rv,python3")
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=200)
    a = ap.parse_args()
    names = a.kernels.split(",")
    # Kernels take turns (start 1 of each, then start 2 of each ...; cell 1 of each, ...) so that a
    # shared, noisy machine loads them alike.
    starts = {n: [] for n in names}
    for _ in range(a.starts):
        for n in names:
            starts[n].append(start_to_first_result(n))
    running = {n: start(n) for n in names}
    cells = {n: [] for n in names}
    try:
        for _ in range(20):
            for n in names:
                run_cell(running[n][1], TRIVIAL.get(n, "1 + 1"))
        for _ in range(a.cells):
            for n in names:
                t = time.perf_counter()
                run_cell(running[n][1], TRIVIAL.get(n, "1 + 1"))
                cells[n].append(time.perf_counter() - t)
    finally:
        for km, kc in running.values():
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    print(f"{'kernel':10} {'start->first result (median s)':>32} {'trivial cell median (ms)':>26} {'p90 (ms)':>10}")
    for n in names:
        c = sorted(cells[n])
        print(f"{n:10} {statistics.median(starts[n]):32.3f} {statistics.median(c) * 1000:26.1f} "
              f"{c[int(0.9 * len(c)) - 1] * 1000:10.1f}")


if __name__ == "__main__":
    main()
