#!/usr/bin/python3
"""Kernel latency benchmark with jupyter_client: start -> first result, and trivial-cell round trip.

Usage: /usr/bin/python3 scripts/kernel_bench.py [--kernels java-rv,python3] [--starts 5] [--cells 200]
The rv kernelspec must be installed where Jupyter finds it (e.g. JUPYTER_PATH=<prefix>/share/jupyter
after `java -jar kernel-extensions/target/rv-kernel.jar install --prefix <prefix>`).
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


def trivial_cells(name, n):
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    for _ in range(20):
        run_cell(kc, TRIVIAL.get(name, "1 + 1"))
    times = []
    for _ in range(n):
        t = time.perf_counter()
        run_cell(kc, TRIVIAL.get(name, "1 + 1"))
        times.append(time.perf_counter() - t)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernels", default="java-rv,python3")
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=200)
    a = ap.parse_args()
    rows = []
    for name in a.kernels.split(","):
        starts = [start_to_first_result(name) for _ in range(a.starts)]
        cells = trivial_cells(name, a.cells)
        rows.append((name, statistics.median(starts), statistics.median(cells),
                     sorted(cells)[int(0.9 * len(cells)) - 1]))
    print(f"{'kernel':10} {'start->first result (median s)':>32} {'trivial cell median (ms)':>26} {'p90 (ms)':>10}")
    for name, s, c, p90 in rows:
        print(f"{name:10} {s:32.3f} {c * 1000:26.1f} {p90 * 1000:10.1f}")


if __name__ == "__main__":
    main()
