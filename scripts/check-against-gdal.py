#!/usr/bin/python3
"""Compare `rv info --json` and 9 windows per file (edge and out-of-bounds included) with GDAL.

Usage: /usr/bin/python3 scripts/check-against-gdal.py [--rv bin/rv] FILE_OR_DIR...
Directories are searched recursively for *.tif / *.tiff. GDAL (python3-gdal) is the oracle; windows
outside the image are padded with nodata (or 0), which is what rv promises. A file whose codec rv
does not support counts as "unsupported" when rv fails with the clear "unsupported compression"
message (only ZSTD/WebP are expected there). Exit code 1 if any file fails."""
import json, os, subprocess, sys, tempfile
import numpy as np
from osgeo import gdal
gdal.UseExceptions()

def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, fs in os.walk(a):
                for f in sorted(fs):
                    if f.lower().endswith((".tif", ".tiff")) and not f.startswith("_base_"):
                        yield os.path.join(root, f)
        else:
            yield a

def windows(w, h):
    c = lambda v, lo: max(lo, v)
    return [(0, 0, min(w, 64), min(h, 48)), (w - min(w, 50), h - min(h, 40), min(w, 50), min(h, 40)),
            (w // 2 - 30, h // 2 - 20, 61, 43), (-20, -10, 60, 50), (w - 30, h - 25, 70, 60),
            (w + 5, h + 5, 10, 10), (0, 0, min(w, 300), min(h, 300)), (w - 1, h - 1, 1, 1),
            (-5, h // 3, w + 10, 7)]

def gdal_facts(path):
    ds = gdal.Open(path)
    b = ds.GetRasterBand(1)
    srs = ds.GetSpatialRef()
    epsg = None
    if srs is not None:
        name = srs.GetAuthorityName(None); code = srs.GetAuthorityCode(None)
        if name == "EPSG" and code: epsg = int(code)
    dt = gdal.GetDataTypeName(b.DataType)
    signed_byte = b.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE"
    dtype = {"Byte": "int8" if signed_byte else "uint8", "Int8": "int8", "UInt16": "uint16", "Int16": "int16",
             "UInt32": "uint32", "Int32": "int32", "Float32": "float32", "Float64": "float64"}[dt]
    comp = (ds.GetMetadata("IMAGE_STRUCTURE") or {}).get("COMPRESSION", "NONE").lower()
    return ds, dict(width=ds.RasterXSize, height=ds.RasterYSize, bands=ds.RasterCount, dtype=dtype,
                    geotransform=list(ds.GetGeoTransform()), epsg=epsg, nodata=b.GetNoDataValue(),
                    block=list(b.GetBlockSize()), compression=comp)

def oracle(ds, facts, win):
    x, y, w, h = win
    W, H = facts["width"], facts["height"]
    nd = facts["nodata"]
    out = np.full((facts["bands"], h, w), 0 if nd is None else nd, dtype=np.dtype(facts["dtype"]))
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if x1 > x0 and y1 > y0:
        a = ds.ReadAsArray(x0, y0, x1 - x0, y1 - y0)
        if a.ndim == 2: a = a[None]
        out[:, y0 - y:y1 - y, x0 - x:x1 - x] = a.view(out.dtype) if a.dtype.itemsize == out.dtype.itemsize else a
    return out

def close(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-300)

def check(path, rv, tmp):
    ds, g = gdal_facts(path)
    p = subprocess.run([rv, "info", "--json", path], capture_output=True, text=True)
    if p.returncode != 0:
        return "FAIL", "rv info failed: " + p.stderr.strip()
    r = json.loads(p.stdout)
    errs = []
    for k in ("width", "height", "bands", "dtype", "block"):
        if r[k] != g[k]: errs.append(f"{k}: rv {r[k]} gdal {g[k]}")
    if not all(close(a, b) for a, b in zip(r["geotransform"], g["geotransform"])):
        errs.append(f"geotransform: rv {r['geotransform']} gdal {g['geotransform']}")
    if g["epsg"] is not None and r["epsg"] != g["epsg"]:
        errs.append(f"epsg: rv {r['epsg']} gdal {g['epsg']}")
    rn, gn = r["nodata"], g["nodata"]
    if gn is None and rn is not None or gn is not None and (rn is None or (rn == "nan") != (gn != gn) or (rn != "nan" and rn != gn)):
        errs.append(f"nodata: rv {rn} gdal {gn}")
    comp = r["compression"]
    gcomp = {"adobe_deflate": "deflate", "ycbcr jpeg": "jpeg"}.get(g["compression"], g["compression"])
    if comp != gcomp: errs.append(f"compression: rv {comp} gdal {g['compression']}")
    wins = windows(g["width"], g["height"])
    wf = os.path.join(tmp, "wins.txt")
    with open(wf, "w") as f:
        f.writelines(f"{x} {y} {w} {h}\n" for x, y, w, h in wins)
    od = os.path.join(tmp, "out")
    p = subprocess.run([rv, "read", path, "--windows", wf, "--out", od], capture_output=True, text=True)
    if p.returncode != 0:
        msg = p.stderr.strip()
        if p.returncode == 2 and "unsupported compression" in msg and comp in ("zstd", "webp") and not errs:
            return "UNSUPPORTED", msg
        return "FAIL", "; ".join(errs + ["rv read failed: " + msg])
    for i, win in enumerate(wins):
        a = np.load(os.path.join(od, f"w{i}.npy"))
        e = oracle(ds, g, win)
        if a.shape != e.shape or a.dtype != e.dtype:
            errs.append(f"window {win}: rv {a.dtype}{a.shape} gdal {e.dtype}{e.shape}"); continue
        if not np.array_equal(a, e, equal_nan=a.dtype.kind == "f"):
            d = np.argwhere(~((a == e) | ((a != a) & (e != e))))
            errs.append(f"window {win}: {len(d)} values differ, first at {tuple(d[0])}: rv {a[tuple(d[0])]} gdal {e[tuple(d[0])]}")
    return ("FAIL", "; ".join(errs)) if errs else ("OK", "")

def main():
    args = sys.argv[1:]
    rv = "bin/rv"
    if args[:1] == ["--rv"]: rv, args = args[1], args[2:]
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for f in files(args):
            try:
                status, msg = check(f, rv, tmp)
            except Exception as e:  # GDAL cannot open it either, etc.
                status, msg = "FAIL", f"checker error: {e}"
            counts[status] = counts.get(status, 0) + 1
            print(f"{status:11s} {f}" + (f"  -- {msg}" if msg else ""), flush=True)
    total = sum(counts.values())
    print(f"SUMMARY files={total} ok={counts.get('OK', 0)} unsupported={counts.get('UNSUPPORTED', 0)} fail={counts.get('FAIL', 0)}")
    sys.exit(1 if counts.get("FAIL") else 0)

main()
