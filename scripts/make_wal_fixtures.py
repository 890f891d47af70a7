"""Writes the WAL fixture files of Tests/HistorianCoreTests/Fixtures from docs/format/wal-v1.md alone —
an independent implementation of the format, so the Swift reader is checked against the document.
Run: python3 scripts/make_wal_fixtures.py"""
import pathlib
import struct

def crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF

def uvarint(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)

def zigzag(n: int) -> int:
    return ((n << 1) ^ (n >> 63)) & 0xFFFFFFFFFFFFFFFF

def record(samples) -> bytes:
    payload = bytearray([1]) + uvarint(len(samples))
    for tag, micros, kind, value, quality in samples:
        payload += uvarint(tag) + uvarint(zigzag(micros)) + bytes([kind])
        if kind == 0:
            payload += struct.pack("<d", value)
        elif kind == 1:
            payload += uvarint(zigzag(value))
        elif kind == 4:
            data = value.encode()
            payload += uvarint(len(data)) + data
        payload += struct.pack("<H", quality)
    return struct.pack("<II", len(payload), crc32c(bytes(payload))) + bytes(payload)

header = b"MRWL" + bytes([1, 0, 0, 0])
t0 = 1_767_225_600_000_000
first = record([(1, t0, 0, 21.5, 0x0000), (2, t0, 1, -42, 0x0100), (3, t0, 3, None, 0x0201)])
second = record([(1, t0 + 1_000_000, 0, 21.6, 0x0000), (4, t0 + 1_000_000, 4, "Blocked", 0x0000)])
out = pathlib.Path(__file__).resolve().parent.parent / "Tests/HistorianCoreTests/Fixtures"
out.mkdir(parents=True, exist_ok=True)
(out / "wal-valid.bin").write_bytes(header + first + second)
(out / "wal-torn-tail.bin").write_bytes(header + first + second[:-3])
bad = bytearray(header + first + second)
bad[len(header) + len(first) + 12] ^= 0x01
(out / "wal-bad-crc.bin").write_bytes(bytes(bad))
(out / "wal-bad-magic.bin").write_bytes(b"MRWX" + bytes([1, 0, 0, 0]) + first)
(out / "wal-future-version.bin").write_bytes(b"MRWL" + bytes([2, 0, 0, 0]) + first)
print("wrote", sorted(p.name for p in out.glob("wal-*.bin")))
