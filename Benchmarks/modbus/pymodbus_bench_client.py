#!/usr/bin/env python3
"""pymodbus benchmark client: sequential reads of 125 holding registers with the synchronous client.

Usage: pymodbus_bench_client.py HOST PORT REQUESTS
Prints one line: "pymodbus sequential: <requests> requests in <seconds> s = <rate> req/s".
"""
import sys
import time

import pymodbus
from pymodbus.client import ModbusTcpClient


def main(host: str, port: int, requests: int) -> None:
    client = ModbusTcpClient(host, port=port, timeout=5, retries=0)
    if not client.connect():
        raise SystemExit("cannot connect")
    for _ in range(50):
        client.read_holding_registers(0, count=125, device_id=1)
    start = time.perf_counter()
    for _ in range(requests):
        response = client.read_holding_registers(0, count=125, device_id=1)
        if response.isError() or len(response.registers) != 125:
            raise SystemExit(f"read failed: {response}")
    elapsed = time.perf_counter() - start
    client.close()
    print(f"pymodbus {pymodbus.__version__} sequential: {requests} requests in {elapsed:.3f} s = {requests / elapsed:.0f} req/s")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
