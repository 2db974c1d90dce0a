"""FashionClassifier (examples/.../models/FashionClassifier.java) in PyTorch eager, trained like
`lamina train` (Adam, lr 3e-3 (TrainingSettings.DEFAULTS), batch 64, softmax cross-entropy on the logits) on the same IDX
slice, to compare images/s on the same GPU. Prints one line: images/s over the timed steps.

  python3 torch_eager.py DATA_DIR STEPS WARMUP DEVICE
"""
import gzip
import struct
import sys
import time

import torch
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, n = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    sizes = struct.unpack(">" + "I" * (dims - 1), data[8:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(n, *sizes)


def fashion_classifier():
    def conv_bn_relu(cin, cout):
        return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout, eps=1e-5, momentum=0.1), nn.ReLU()]
    return nn.Sequential(
        *conv_bn_relu(1, 32), *conv_bn_relu(32, 32), nn.MaxPool2d(2),
        *conv_bn_relu(32, 64), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10))


def main():
    data, steps, warmup, device = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    torch.manual_seed(42)
    images = read_idx(f"{data}/train-images-idx3-ubyte.gz").float().div_(255).unsqueeze(1)
    labels = read_idx(f"{data}/train-labels-idx1-ubyte.gz").long()
    images = (images - 0.2860) / 0.3530
    model = fashion_classifier().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    loss_fn = nn.CrossEntropyLoss()
    batch = 64
    n = images.shape[0] // batch
    times = []
    for step in range(warmup + steps):
        i = step % n
        x = images[i * batch:(i + 1) * batch].to(device, non_blocking=True)
        y = labels[i * batch:(i + 1) * batch].to(device, non_blocking=True)
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        loss.item()  # one host sync per step, as Lamina reads its loss
        times.append(time.perf_counter() - start)
    timed = sorted(times[warmup:])
    median = timed[len(timed) // 2]
    print(f"pytorch-eager {torch.__version__} device {device} batch {batch}: {batch / median:.1f} images/s"
          f" (median step {1000 * median:.2f} ms over {steps} steps after {warmup} warm-up), final loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
