"""Test oracle: reads GeoTIFFs with GDAL and reports what it sees, for rv's writer tests.

usage: gdal_check.py MANIFEST.json OUT.json
MANIFEST: [{"tif": path, "raw": path-or-null}, ...]; raw = band-sequential little-endian pixels to
compare against GDAL's ReadRaster. Extra keys per entry:
  "validate_cog": true  -> run osgeo_utils' COG validator (errors, warnings)
  "overviews": true     -> report overview sizes and write each overview's pixels to <tif>.ovr<i>.raw
  "build_overviews": {"method": "average", "levels": [2, 4]} -> first run gdaladdo's BuildOverviews on it
  "same_pixels_as": path -> "same_pixels": whether GDAL reads identical bytes (all bands) from both
"""
import json, sys
from osgeo import gdal, osr
from osgeo_utils.samples import validate_cloud_optimized_geotiff as vcog

gdal.UseExceptions()
manifest = json.load(open(sys.argv[1]))
out = []
for e in manifest:
    r = {"tif": e["tif"]}
    try:
        if e.get("build_overviews"):
            bo = e["build_overviews"]
            w = gdal.Open(e["tif"], gdal.GA_Update)
            w.BuildOverviews(bo["method"].upper(), bo["levels"])
            w = None
        ds = gdal.Open(e["tif"])
        b1 = ds.GetRasterBand(1)
        r["width"], r["height"], r["bands"] = ds.RasterXSize, ds.RasterYSize, ds.RasterCount
        r["gdal_type"] = gdal.GetDataTypeName(b1.DataType)
        r["pixeltype"] = b1.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE")
        r["geotransform"] = list(ds.GetGeoTransform(can_return_null=True) or [])
        wkt = ds.GetProjection()
        epsg = None
        if wkt:
            srs = osr.SpatialReference(wkt=wkt)
            code = srs.GetAuthorityCode(None)
            epsg = int(code) if code else None
        r["epsg"] = epsg
        nd = b1.GetNoDataValue()
        r["nodata"] = None if nd is None else (str(nd) if nd != nd else nd)
        r["block"] = b1.GetBlockSize()
        r["compression"] = ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE")
        r["predictor"] = ds.GetMetadataItem("PREDICTOR", "IMAGE_STRUCTURE")
        r["overview_sizes"] = [[b1.GetOverview(i).XSize, b1.GetOverview(i).YSize] for i in range(b1.GetOverviewCount())]
        if e.get("raw"):
            got = ds.ReadRaster()
            want = open(e["raw"], "rb").read()
            r["pixels_equal"] = got == want
            r["pixel_bytes"] = len(got)
        if e.get("same_pixels_as"):
            other = gdal.Open(e["same_pixels_as"])
            r["same_pixels"] = ds.ReadRaster() == other.ReadRaster()
            other = None
        if e.get("overviews"):
            for i in range(b1.GetOverviewCount()):
                with open(e["tif"] + ".ovr%d.raw" % i, "wb") as f:
                    for b in range(ds.RasterCount):
                        f.write(ds.GetRasterBand(b + 1).GetOverview(i).ReadRaster())
        if e.get("validate_cog"):
            warnings, errors, _ = vcog.validate(e["tif"], full_check=True)
            r["cog_errors"], r["cog_warnings"] = errors, warnings
        ds = None
    except Exception as ex:  # reported, the Java test fails on it
        r["error"] = repr(ex)
    out.append(r)
json.dump(out, open(sys.argv[2], "w"), allow_nan=False)
