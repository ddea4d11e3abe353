#!/usr/bin/python3
"""PyTorch peer of `rv bench-learn`: the same networks (torchvision ResNet-18 classifier, rv's U-Net on a
ResNet-18 encoder), batch, chip size and thread counts; random data; Adam. Prints ms per training step
(forward + backward + optimizer step) and prediction tiles/s, median of the timed repeats.

Usage: /usr/bin/python3 scripts/bench_learn_peer.py TASK BATCH SIZE THREADS STEPS WIDTH
  TASK: classification | segmentation
Needs Debian's python3-torch (torchvision is not needed: the networks are defined below)."""
import statistics
import sys
import time

import torch
import torch.nn as nn


def scaled(c, w):
    return max(8, int(round(c * w)))


def conv_bn_relu(i, o, k, s):
    return nn.Sequential(nn.Conv2d(i, o, k, s, k // 2, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True))


class Basic(nn.Module):
    def __init__(self, i, o, s):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True),
                                  nn.Conv2d(o, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o))
        self.short = nn.Identity() if s == 1 and i == o else nn.Sequential(nn.Conv2d(i, o, 1, s, bias=False), nn.BatchNorm2d(o))

    def forward(self, x):
        return torch.relu(self.main(x) + self.short(x))


def encoder(bands, w):
    stem_c = scaled(64, w)
    stem = conv_bn_relu(bands, stem_c, 7, 2)
    stages, chans, inc = [], [], stem_c
    for s in range(4):
        planes = scaled(64 << s, w)
        layers = [nn.MaxPool2d(3, 2, 1)] if s == 0 else []
        for u in range(2):
            layers.append(Basic(inc if u == 0 else planes, planes, 2 if (u == 0 and s > 0) else 1))
        inc = planes
        stages.append(nn.Sequential(*layers))
        chans.append(planes)
    return stem, nn.ModuleList(stages), stem_c, chans


class Classifier(nn.Module):
    def __init__(self, bands, classes, w):
        super().__init__()
        self.stem, self.stages, _, chans = encoder(bands, w)
        self.fc = nn.Linear(chans[-1], classes)

    def forward(self, x):
        x = self.stem(x)
        for s in self.stages:
            x = s(x)
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


def up2(i, o):
    return nn.Sequential(nn.Conv2d(i, 4 * o, 1), nn.PixelShuffle(2))


class UNet(nn.Module):
    def __init__(self, bands, classes, w):
        super().__init__()
        self.stem, self.stages, stem_c, ch = encoder(bands, w)
        skip = [ch[2], ch[1], ch[0], stem_c]
        self.ups, self.mixes = nn.ModuleList(), nn.ModuleList()
        x = ch[3]
        for s in skip:
            c = max(16, s)
            self.ups.append(up2(x, c))
            self.mixes.append(nn.Sequential(conv_bn_relu(c + s, c, 3, 1), conv_bn_relu(c, c, 3, 1)))
            x = c
        last = max(16, stem_c // 2)
        self.final = up2(x, last)
        self.head = nn.Conv2d(last, classes, 1)

    def forward(self, x):
        s0 = self.stem(x)
        skips = [s0]
        x = s0
        for st in self.stages:
            x = st(x)
            skips.append(x)
        for i in range(4):
            x = self.mixes[i](torch.cat([self.ups[i](x), skips[3 - i]], 1))
        return self.head(self.final(x))


def main():
    task, batch, size, threads, steps, width = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)
    torch.manual_seed(0)
    classes = 2
    net = Classifier(3, classes, width) if task == "classification" else UNet(3, classes, width)
    params = sum(p.numel() for p in net.parameters())
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x = torch.rand(batch, 3, size, size)
    y = torch.randint(0, classes, (batch,) if task == "classification" else (batch, size, size))
    loss_fn = nn.CrossEntropyLoss()
    net.train()
    times, step_times = [], []
    for i in range(steps + 2):
        t0 = time.perf_counter()
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        ts = time.perf_counter()
        opt.step()
        if i >= 2:
            step_times.append((time.perf_counter() - ts) * 1000)
        loss.item()
        if i >= 2:
            times.append((time.perf_counter() - t0) * 1000)
    net.eval()
    ptimes = []
    with torch.no_grad():
        for i in range(steps + 2):
            t0 = time.perf_counter()
            torch.softmax(net(x), 1).numpy()
            if i >= 2:
                ptimes.append(time.perf_counter() - t0)
    print(f"pytorch {torch.__version__} {task} params={params} batch={batch} size={size} threads={threads}")
    print(f"RESULT train_ms_per_step={statistics.median(times):.1f} predict_tiles_per_s={batch / statistics.median(ptimes):.2f} "
          f"(best: {min(times):.1f} ms, {batch / min(ptimes):.2f} tiles/s)")
    print(f"optimizer_ms_per_step={statistics.median(step_times):.2f} (torch.optim.Adam.step)")


if __name__ == "__main__":
    main()
