"""Interrupts running cells through jupyter_client and reports what happened as JSON (InterruptIT).

For each cell: seconds from interrupt_request to the cell's execute_reply, the reply's status/ename,
the result of the next cell, and the kernel process's CPU use over the second after the interrupt.
"""
import json
import os
import sys
import time

from jupyter_client.manager import start_new_kernel

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def wait_status(kc, msg_id, state, seen):
    """Reads iopub until the status `state` of request `msg_id`; `seen` collects what went by."""
    while True:
        m = kc.get_iopub_msg(timeout=20)
        seen.append((m["msg_type"], m["parent_header"].get("msg_type"), m["content"].get("execution_state")))
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" \
                and m["content"]["execution_state"] == state:
            return


def reply_to(kc, msg_id):
    """The shell reply to `msg_id`, skipping late replies to other requests (e.g. kernel_info retries)."""
    while True:
        r = kc.get_shell_msg(timeout=20)
        if r["parent_header"].get("msg_id") == msg_id:
            return r


def run(kc, code):
    msg_id = kc.execute(code)
    reply = reply_to(kc, msg_id)
    result = None
    while True:
        m = kc.get_iopub_msg(timeout=20)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]["text/plain"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return reply["content"], result


def main():
    km, kc = start_new_kernel(kernel_name=sys.argv[1])
    pid = km.provisioner.process.pid
    report = {"pid": pid, "cells": []}
    try:
        for code in ["while (true) {}", "Thread.sleep(60000);"]:
            seen = []
            msg_id = kc.execute(code)
            wait_status(kc, msg_id, "busy", seen)
            time.sleep(0.7)  # let the cell spin / sleep
            t0 = time.monotonic()
            km.interrupt_kernel()
            reply = reply_to(kc, msg_id)
            latency = time.monotonic() - t0
            try:
                wait_status(kc, msg_id, "idle", seen)
            except Exception:
                print(f"no idle status for {code!r}; iopub had {seen}", file=sys.stderr)
                raise
            _, next_result = run(kc, "40 + 2")
            time.sleep(1.0)  # let the JIT compiles of the last cells settle
            c0 = cpu_seconds(pid)
            time.sleep(1.0)
            cpu = cpu_seconds(pid) - c0
            report["cells"].append({
                "code": code, "latency_s": latency, "status": reply["content"]["status"],
                "ename": reply["content"].get("ename"), "next_result": next_result, "cpu_s_per_s": cpu})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print("REPORT " + json.dumps(report))


if __name__ == "__main__":
    main()
