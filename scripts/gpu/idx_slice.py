"""Writes the first N training and M test images of an IDX .gz Fashion-MNIST directory as a
smaller one with the same four file names (used by scripts/gpu-check.sh)."""
import gzip
import struct
import sys
from pathlib import Path


def slice_file(src: Path, dst: Path, count: int) -> None:
    with gzip.open(src, "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    sizes = struct.unpack(">" + "I" * (dims - 1), data[8:4 + 4 * dims])
    if count > n:
        raise SystemExit(f"{src} has {n} items, {count} asked for")
    item = 1
    for s in sizes:
        item *= s
    header = struct.pack(">II", magic, count) + data[8:4 + 4 * dims]
    body = data[4 + 4 * dims:4 + 4 * dims + count * item]
    with gzip.open(dst, "wb", compresslevel=9) as f:
        f.write(header + body)


def main() -> None:
    src, dst, train_n, test_n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    dst.mkdir(parents=True, exist_ok=True)
    for prefix, n in (("train", train_n), ("t10k", test_n)):
        for kind in ("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"):
            slice_file(src / f"{prefix}-{kind}", dst / f"{prefix}-{kind}", n)


if __name__ == "__main__":
    main()
