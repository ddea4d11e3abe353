#!/usr/bin/python3
"""Acceptance check for rv's writers: for every GeoTIFF given, `rv crop` (3 windows, incl. one past
the edges) must equal `gdal_translate -srcwin` (pixels, size, type, geotransform, EPSG, nodata) and
`rv cogify` must pass GDAL's COG validator (no errors, no warnings) with the source's pixels and
georeferencing. Files rv cannot read (unsupported compression) are reported as skipped.

usage: check-writes-against-gdal.py RV_LAUNCHER WORKDIR FILE...
"""
import os, subprocess, sys
from osgeo import gdal, osr
from osgeo_utils.samples import validate_cloud_optimized_geotiff as vcog

gdal.UseExceptions()
rv, work, files = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(work, exist_ok=True)


def meta(path):
    ds = gdal.Open(path)
    b = ds.GetRasterBand(1)
    wkt = ds.GetProjection()
    epsg = None
    if wkt:
        code = osr.SpatialReference(wkt=wkt).GetAuthorityCode(None)
        epsg = int(code) if code else None
    nd = b.GetNoDataValue()
    return dict(size=(ds.RasterXSize, ds.RasterYSize, ds.RasterCount), type=b.DataType,
                gt=ds.GetGeoTransform(), epsg=epsg, nodata=None if nd is None else ('nan' if nd != nd else nd)), ds


def same_gt(a, b):
    return all(abs(x - y) <= 1e-9 * max(1, abs(y)) for x, y in zip(a, b))


ok = bad = skipped = 0
for f in files:
    name = os.path.basename(f)
    src_meta, src = meta(f)
    W, H, n = src_meta["size"]
    problems = []
    cog = os.path.join(work, name + ".cog.tif")
    p = subprocess.run([rv, "cogify", f, cog, "--block-size", "256"], capture_output=True, text=True)
    if p.returncode != 0:
        if "unsupported compression" in p.stderr:
            print("SKIP %s: %s" % (name, p.stderr.strip()))
            skipped += 1
            continue
        problems.append("cogify failed: " + p.stderr.strip())
    else:
        warnings, errors, _ = vcog.validate(cog, full_check=True)
        if errors or warnings:
            problems.append("validator: %s %s" % (errors, warnings))
        m, ds = meta(cog)
        if ds.ReadRaster() != src.ReadRaster():
            problems.append("cogify pixels differ")
        if m["size"] != src_meta["size"] or m["type"] != src_meta["type"] or m["epsg"] != src_meta["epsg"] \
                or m["nodata"] != src_meta["nodata"] or not same_gt(m["gt"], src_meta["gt"]):
            problems.append("cogify metadata %s vs %s" % (m, src_meta))
    windows = [(W // 5, H // 7, max(1, W // 2), max(1, H // 3)), (-7, -5, 7 + max(1, W // 3), 5 + max(1, H // 4)), (W // 2, H // 2, W, H)]
    for i, (x, y, w, h) in enumerate(windows):
        ours, ref = os.path.join(work, "%s.crop%d.tif" % (name, i)), os.path.join(work, "%s.crop%d.gdal.tif" % (name, i))
        bands = ["--bands", "%d,1" % n] if n > 1 and i == 0 else []
        p = subprocess.run([rv, "crop", f, ours, "--window", str(x), str(y), str(w), str(h)] + bands, capture_output=True, text=True)
        if p.returncode != 0:
            problems.append("crop failed: " + p.stderr.strip())
            continue
        gb = ["-b", str(n), "-b", "1"] if bands else []
        subprocess.run(["gdal_translate", "-q", "-srcwin", str(x), str(y), str(w), str(h)] + gb + [f, ref], check=True, capture_output=True)
        mo, dso = meta(ours)
        mr, dsr = meta(ref)
        if dso.ReadRaster() != dsr.ReadRaster():
            problems.append("crop %d pixels differ" % i)
        if mo["size"] != mr["size"] or mo["type"] != mr["type"] or mo["epsg"] != mr["epsg"] or mo["nodata"] != mr["nodata"] \
                or not same_gt(mo["gt"], mr["gt"]):
            problems.append("crop %d metadata %s vs %s" % (i, mo, mr))
    if problems:
        bad += 1
        print("FAIL %s: %s" % (name, "; ".join(problems)))
    else:
        ok += 1
        print("ok   %s (%dx%d, %d bands)" % (name, W, H, n))
print("RESULT ok=%d failed=%d skipped=%d" % (ok, bad, skipped))
