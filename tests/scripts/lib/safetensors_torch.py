# A safetensors file as a torch state dict, for the tests that hand fx's
# files to torch (Debian 12 has no python3-safetensors): F32 and I64
# tensors, the header's order kept. Used with
#   sys.path.insert(0, LIB); from safetensors_torch import load
import json, struct
import numpy as np
import torch


def load(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    head = json.loads(raw[8:8 + n])
    sd = {}
    for k, v in head.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        dt = {"F32": np.float32, "I64": np.int64}[v["dtype"]]
        sd[k] = torch.from_numpy(np.frombuffer(raw[8 + n + a:8 + n + b], dt)
                                 .reshape(v["shape"]).copy())
    return sd
