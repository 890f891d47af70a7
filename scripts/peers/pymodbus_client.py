#!/usr/bin/env python3
"""pymodbus as a Modbus TCP client against Millrace's ModbusServer, for the integration tests.

Usage: pymodbus_client.py PORT

Expects the server's tables to hold: holding register n = n for n < 100, input register n = 1000 + n,
coil n = (n % 3 == 0), discrete input n = (n % 2 == 0), each table 1000 addresses. Runs every function
pymodbus has for codes 1, 2, 3, 4, 5, 6, 15, 16, 22, 23 and 43/14 on unit 1, plus requests that must be
refused, and prints one JSON object with what it read and the exception codes it got.
"""
import json
import sys

import pymodbus
from pymodbus.client import ModbusTcpClient


def exception_code(response):
    return response.exception_code if response.isError() else None


def main(port: int) -> None:
    client = ModbusTcpClient("127.0.0.1", port=port, timeout=5, retries=0)
    if not client.connect():
        raise SystemExit("cannot connect")
    unit = 1
    out = {"pymodbus": pymodbus.__version__}
    out["fc3"] = client.read_holding_registers(0, count=5, device_id=unit).registers
    out["fc4"] = client.read_input_registers(998, count=2, device_id=unit).registers
    out["fc1"] = client.read_coils(0, count=6, device_id=unit).bits[:6]
    out["fc2"] = client.read_discrete_inputs(0, count=4, device_id=unit).bits[:4]
    client.write_coil(500, True, device_id=unit)
    out["fc5"] = client.read_coils(500, count=1, device_id=unit).bits[:1]
    client.write_register(501, 0xBEEF, device_id=unit)
    out["fc6"] = client.read_holding_registers(501, count=1, device_id=unit).registers
    client.write_coils(510, [True, False, True, True], device_id=unit)
    out["fc15"] = client.read_coils(510, count=4, device_id=unit).bits[:4]
    client.write_registers(520, [7, 8, 9], device_id=unit)
    out["fc16"] = client.read_holding_registers(520, count=3, device_id=unit).registers
    client.write_register(530, 0x12, device_id=unit)
    client.mask_write_register(address=530, and_mask=0xF2, or_mask=0x25, device_id=unit)
    out["fc22"] = client.read_holding_registers(530, count=1, device_id=unit).registers
    out["fc23"] = client.readwrite_registers(
        read_address=540, read_count=3, write_address=541, values=[11, 12], device_id=unit
    ).registers
    info = client.read_device_information(read_code=1, object_id=0, device_id=unit)
    out["fc43"] = {str(k): v.decode() for k, v in info.information.items()}
    out["illegal_address"] = exception_code(client.read_holding_registers(999, count=2, device_id=unit))
    out["illegal_write_address"] = exception_code(client.write_register(1000, 1, device_id=unit))
    client.close()
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
