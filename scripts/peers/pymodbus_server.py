#!/usr/bin/env python3
"""A pymodbus TCP server for Millrace's Modbus integration tests and benchmarks.

Usage: pymodbus_server.py PORT [--rtu]

With --rtu the server frames RTU over TCP (address, PDU, CRC) instead of MBAP, like a serial gateway.

Serves 1000 addresses in each table on 127.0.0.1:PORT, any unit id. Initial values, so tests can check
what they read: holding register n = n, input register n = 1000 + n, coil n = (n % 3 == 0), discrete
input n = (n % 2 == 0). Prints "READY <port>" on stdout once listening; stops on SIGTERM/SIGINT.
"""
import asyncio
import logging
import signal
import socket
import sys

import pymodbus
from pymodbus.datastore import ModbusDeviceContext, ModbusSequentialDataBlock, ModbusServerContext
from pymodbus.pdu.device import ModbusDeviceIdentification
from pymodbus import FramerType
from pymodbus.server import ModbusTcpServer

SIZE = 1000


def make_context() -> ModbusServerContext:
    # pymodbus's sequential blocks are addressed from 1 for protocol address 0 (its documented quirk:
    # the device context adds 1 to every request address), hence the start address 1.
    device = ModbusDeviceContext(
        di=ModbusSequentialDataBlock(1, [n % 2 == 0 for n in range(SIZE)]),
        co=ModbusSequentialDataBlock(1, [n % 3 == 0 for n in range(SIZE)]),
        hr=ModbusSequentialDataBlock(1, list(range(SIZE))),
        ir=ModbusSequentialDataBlock(1, [1000 + n for n in range(SIZE)]),
    )
    return ModbusServerContext(devices=device, single=True)


def make_identity() -> ModbusDeviceIdentification:
    return ModbusDeviceIdentification(
        info_name={
            "VendorName": "pymodbus",
            "ProductCode": "PM",
            "MajorMinorRevision": pymodbus.__version__,
            "VendorUrl": "https://github.com/pymodbus-dev/pymodbus",
            "ProductName": "Millrace test peer",
            "ModelName": "pymodbus server",
        }
    )


async def main(port: int, rtu: bool) -> None:
    logging.basicConfig(level=logging.ERROR)
    server = ModbusTcpServer(
        make_context(),
        identity=make_identity(),
        address=("127.0.0.1", port),
        framer=FramerType.RTU if rtu else FramerType.SOCKET,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # A child of a Swift test process inherits its blocked signal mask: unblock the signals that stop us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    task = asyncio.create_task(server.serve_forever())
    # Wait until the port accepts connections before telling the test.
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            await asyncio.sleep(0.025)
    print(f"READY {port}", flush=True)
    await stop.wait()
    await server.shutdown()
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), "--rtu" in sys.argv[2:]))
