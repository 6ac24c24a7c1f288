#!/usr/bin/env python3
"""Draws SalesCrm's icon (three rising bars on the app's purple, #594ae2) and writes
src/SalesCrm.Web/wwwroot/favicon.ico with 16, 32 and 48 px PNG images. Pure Python: run `python3 tools/favicon.py`."""
import os, struct, zlib

PURPLE, WHITE = (0x59, 0x4A, 0xE2), (0xFF, 0xFF, 0xFF)
# Shapes in a 0..1 square: a rounded tile and three bars rising left to right.
RADIUS = 0.22
BARS = [(0.20, 0.58, 0.34, 0.80), (0.43, 0.42, 0.57, 0.80), (0.66, 0.22, 0.80, 0.80)]

def inside_tile(x, y):
    cx = min(max(x, RADIUS), 1 - RADIUS)
    cy = min(max(y, RADIUS), 1 - RADIUS)
    return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2

def pixel(size, px, py, samples=4):
    """RGBA of one pixel, anti-aliased by averaging samples × samples points."""
    tile = bar = 0
    for sy in range(samples):
        for sx in range(samples):
            x, y = (px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size
            if inside_tile(x, y):
                tile += 1
                if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in BARS): bar += 1
    if tile == 0: return (0, 0, 0, 0)
    share = bar / tile
    rgb = tuple(round(p * (1 - share) + w * share) for p, w in zip(PURPLE, WHITE))
    return rgb + (round(255 * tile / samples ** 2),)

def png(size):
    rows = b"".join(b"\0" + bytes(c for px in range(size) for c in pixel(size, px, py)) for py in range(size))
    def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

def ico(sizes):
    images = [png(s) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)

out = os.path.join(os.path.dirname(__file__), "..", "src", "SalesCrm.Web", "wwwroot", "favicon.ico")
with open(out, "wb") as f: f.write(ico([16, 32, 48]))
print(out, os.path.getsize(out), "bytes")
