"""Test oracle for rv's TorchScript support (Debian python3-torch).

  make OUT.pt TASK           script a tiny network (conv-BN-ReLU; TASK classification or segmentation, 3 bands, 2 classes)
  run MODEL.pt IN.npz OUT.npz   softmax of the module's output (eval mode) for array 0 of IN.npz
  stats MODEL.pt OUT.npz     the module's parameters and buffers (BatchNorm running statistics included)
"""
import sys

import numpy as np
import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        x = torch.relu(self.bn(self.conv(x)))
        return self.fc(x.mean(dim=(2, 3)))


class Segmenter(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.head = nn.Conv2d(8, 2, 1)

    def forward(self, x):
        return self.head(torch.relu(self.bn(self.conv(x))))


def main():
    cmd = sys.argv[1]
    if cmd == "make":
        torch.manual_seed(0)
        net = Classifier() if sys.argv[3] == "classification" else Segmenter()
        torch.jit.script(net).save(sys.argv[2])
    elif cmd == "run":
        m = torch.jit.load(sys.argv[2])
        m.eval()
        x = torch.from_numpy(next(iter(np.load(sys.argv[3]).values())))
        with torch.no_grad():
            y = torch.softmax(m(x), dim=1)
        np.savez(sys.argv[4], y=y.numpy())
    elif cmd == "stats":
        m = torch.jit.load(sys.argv[2])
        arrays = {k: v.detach().numpy() for k, v in m.named_parameters()}
        arrays.update({k: v.numpy() for k, v in m.named_buffers()})
        np.savez(sys.argv[3], **arrays)
    else:
        raise SystemExit("unknown command " + cmd)


if __name__ == "__main__":
    main()
