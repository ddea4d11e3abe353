#!/usr/bin/python3
"""Test oracle (GDAL): for each FILE writes OUT/<name>.json (size, bands, dtype, geotransform, epsg,
nodata, block, compression, windows) and OUT/<name>.w<i>.bin (window i, all bands, C order,
little-endian, padded with nodata or 0 outside the image).
Usage: /usr/bin/python3 gdal_read.py OUT FILE..."""
import json, os, sys
import numpy as np
from osgeo import gdal
gdal.UseExceptions()
out = sys.argv[1]

def windows(w, h):
    return [(0, 0, min(w, 64), min(h, 48)), (w - min(w, 50), h - min(h, 40), min(w, 50), min(h, 40)),
            (w // 2 - 30, h // 2 - 20, 61, 43), (-20, -10, 60, 50), (w - 30, h - 25, 70, 60),
            (w + 5, h + 5, 10, 10), (0, 0, min(w, 300), min(h, 300)), (w - 1, h - 1, 1, 1),
            (-5, h // 3, w + 10, 7)]

for path in sys.argv[2:]:
    name = os.path.basename(path)
    ds = gdal.Open(path)
    b = ds.GetRasterBand(1)
    srs = ds.GetSpatialRef()
    epsg = None
    if srs is not None and srs.GetAuthorityName(None) == "EPSG" and srs.GetAuthorityCode(None):
        epsg = int(srs.GetAuthorityCode(None))
    signed = b.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE"
    dtype = {"Byte": "int8" if signed else "uint8", "Int8": "int8", "UInt16": "uint16", "Int16": "int16",
             "UInt32": "uint32", "Int32": "int32", "Float32": "float32", "Float64": "float64"}[gdal.GetDataTypeName(b.DataType)]
    comp = (ds.GetMetadata("IMAGE_STRUCTURE") or {}).get("COMPRESSION", "NONE").lower()
    comp = {"adobe_deflate": "deflate", "ycbcr jpeg": "jpeg"}.get(comp, comp)
    nd = b.GetNoDataValue()
    W, H = ds.RasterXSize, ds.RasterYSize
    wins = windows(W, H)
    facts = dict(width=W, height=H, bands=ds.RasterCount, dtype=dtype, geotransform=list(ds.GetGeoTransform()),
                 epsg=epsg, nodata=None if nd is None else ("nan" if nd != nd else nd), block=list(b.GetBlockSize()),
                 compression=comp, windows=[list(w) for w in wins])
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(facts, f)
    if comp in ("zstd", "webp"):
        continue  # rv must refuse these; no pixels needed
    dt = np.dtype(dtype).newbyteorder("<")
    for i, (x, y, w, h) in enumerate(wins):
        a = np.full((ds.RasterCount, h, w), 0 if nd is None else nd, dtype=dt)
        x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
        if x1 > x0 and y1 > y0:
            r = ds.ReadAsArray(x0, y0, x1 - x0, y1 - y0)
            if r.ndim == 2:
                r = r[None]
            a[:, y0 - y:y1 - y, x0 - x:x1 - x] = r.view(np.dtype(dtype)) if signed else r
        a.tofile(os.path.join(out, f"{name}.w{i}.bin"))
