#!/usr/bin/python3
"""Writes the small GeoTIFF samples that rv-lib's reader tests compare against GDAL.
Usage: /usr/bin/python3 scripts/make-test-samples.py OUTDIR
97x83 pixels with 32x32 tiles / 10-row strips, so edge tiles and the last strip are partial.
Covers every codec, layout, predictor, dtype, interleave, byte order, BigTIFF, nodata, rotation and
PixelIsPoint case rv reads (plus ZSTD/WebP, which rv must refuse clearly)."""
import os, sys
import numpy as np
from osgeo import gdal, osr
gdal.UseExceptions()
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
W, H = 97, 83
rng = np.random.default_rng(7)

def field(nb, dtype):
    y, x = np.mgrid[0:H, 0:W].astype(np.float64)
    a = np.stack([np.sin(x / (5 + b)) + np.cos(y / (7 + b)) for b in range(nb)]) + rng.normal(0, 0.2, (nb, H, W))
    dt = np.dtype(dtype)
    if dt.kind == "f":
        return (a * 40 + 100).astype(dt)
    info = np.iinfo(dt)
    lo, hi = max(info.min, -30000), min(info.max, 60000)
    return np.clip(np.round((a + 2.5) / 5 * (hi - lo) + lo), info.min, info.max).astype(dt)

GDT = {"uint8": gdal.GDT_Byte, "int8": gdal.GDT_Byte, "uint16": gdal.GDT_UInt16, "int16": gdal.GDT_Int16,
       "uint32": gdal.GDT_UInt32, "int32": gdal.GDT_Int32, "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}
T = ["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"]
S = ["BLOCKYSIZE=10"]

def make(name, nb, dtype, co, epsg=32611, gt=(500000.0, 0.5, 0.0, 4000000.0, 0.0, -0.5), nodata=None, pixel_is_point=False):
    p = os.path.join(out, name + ".tif")
    a = field(nb, dtype)
    if nodata is not None:
        a[:, :5, :9] = nodata
    co = list(co)
    if dtype == "int8":
        co.append("PIXELTYPE=SIGNEDBYTE")
    if pixel_is_point:
        gdal.SetConfigOption("GTIFF_POINT_GEO_IGNORE", "FALSE")
    ds = gdal.GetDriverByName("GTiff").Create(p, W, H, nb, GDT[dtype], co)
    if gt is not None:
        ds.SetGeoTransform(gt)
    if epsg is not None:
        s = osr.SpatialReference(); s.ImportFromEPSG(epsg); ds.SetProjection(s.ExportToWkt())
    if pixel_is_point:
        ds.SetMetadataItem("AREA_OR_POINT", "Point")
    for b in range(nb):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(a[b].view(np.uint8) if dtype == "int8" else a[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    ds = None

make("u8_1b_strip_none", 1, "uint8", S)
make("u8_3b_strip_none_pixel", 3, "uint8", S + ["INTERLEAVE=PIXEL"])
make("u8_3b_tiled_deflate_band", 3, "uint8", T + ["COMPRESS=DEFLATE", "INTERLEAVE=BAND"])
make("u8_3b_tiled_lzw_pred2", 3, "uint8", T + ["COMPRESS=LZW", "PREDICTOR=2"])
make("u8_3b_strip_packbits", 3, "uint8", S + ["COMPRESS=PACKBITS"])
make("u8_3b_tiled_jpeg_ycbcr", 3, "uint8", T + ["COMPRESS=JPEG", "PHOTOMETRIC=YCBCR", "JPEG_QUALITY=90"])
make("u8_3b_tiled_jpeg_rgb", 3, "uint8", T + ["COMPRESS=JPEG", "PHOTOMETRIC=RGB", "JPEG_QUALITY=90"])
make("u8_1b_strip_jpeg", 1, "uint8", ["BLOCKYSIZE=16", "COMPRESS=JPEG"])
make("u8_4b_tiled_deflate_rgba", 4, "uint8", T + ["COMPRESS=DEFLATE", "PHOTOMETRIC=RGB", "ALPHA=YES"], epsg=3857,
     gt=(-13080000.0, 0.3, 0.0, 4040000.0, 0.0, -0.3))
make("u8_3b_tiled_zstd", 3, "uint8", T + ["COMPRESS=ZSTD"])
make("u8_3b_tiled_webp", 3, "uint8", T + ["COMPRESS=WEBP", "WEBP_LOSSLESS=YES"])
make("i8_1b_tiled_deflate", 1, "int8", T + ["COMPRESS=DEFLATE"])
make("u16_4b_tiled_deflate_pred2", 4, "uint16", T + ["COMPRESS=DEFLATE", "PREDICTOR=2"])
make("u16_4b_strip_lzw_band_bigendian", 4, "uint16", S + ["COMPRESS=LZW", "INTERLEAVE=BAND", "ENDIANNESS=BIG"])
make("u16_1b_tiled_deflate_nodata0", 1, "uint16", T + ["COMPRESS=DEFLATE"], epsg=2154,
     gt=(650000.0, 0.2, 0.0, 6860000.0, 0.0, -0.2), nodata=0)
make("u16_1b_tiled_deflate_under", 1, "uint16", T + ["COMPRESS=DEFLATE"], epsg=2154,
     gt=(650000.0, 0.2, 0.0, 6860000.0, 0.0, -0.2))  # same grid as the nodata0 file, for the mosaic test
make("i16_1b_tiled_deflate_pred2_nodata", 1, "int16", T + ["COMPRESS=DEFLATE", "PREDICTOR=2"], epsg=4326,
     gt=(-117.5, 1e-5, 0.0, 34.2, 0.0, -1e-5), nodata=-9999)
make("u32_2b_tiled_lzw_pred2_bigendian", 2, "uint32", T + ["COMPRESS=LZW", "PREDICTOR=2", "ENDIANNESS=BIG"])
make("i32_1b_strip_deflate", 1, "int32", S + ["COMPRESS=DEFLATE"])
make("f32_1b_tiled_deflate_pred3_nan", 1, "float32", T + ["COMPRESS=DEFLATE", "PREDICTOR=3"], epsg=4326,
     gt=(-117.5, 1e-5, 0.0, 34.2, 0.0, -1e-5), nodata=float("nan"))
make("f32_3b_tiled_lzw_pred3_pixel_bigendian", 3, "float32", T + ["COMPRESS=LZW", "PREDICTOR=3", "ENDIANNESS=BIG"])
make("f64_2b_strip_deflate_pred3_band", 2, "float64", S + ["COMPRESS=DEFLATE", "PREDICTOR=3", "INTERLEAVE=BAND"])
make("f64_1b_tiled_packbits_nodata", 1, "float64", T + ["COMPRESS=PACKBITS"], nodata=-3.5e38)
make("u8_3b_bigtiff_tiled_deflate", 3, "uint8", T + ["COMPRESS=DEFLATE", "BIGTIFF=YES"])
make("u16_2b_bigtiff_strip_none_bigendian", 2, "uint16", S + ["BIGTIFF=YES", "ENDIANNESS=BIG"])
make("u8_1b_rotated", 1, "uint8", T + ["COMPRESS=DEFLATE"], gt=(500000.0, 0.4, 0.3, 4000000.0, 0.3, -0.4))
make("u8_1b_pixel_is_point", 1, "uint8", T, pixel_is_point=True)
make("u8_1b_no_georef", 1, "uint8", T + ["COMPRESS=DEFLATE"], epsg=None, gt=None)
gdal.Translate(os.path.join(out, "u8_3b_cog_deflate.tif"), os.path.join(out, "u8_3b_tiled_deflate_band.tif"),
               format="COG", creationOptions=["COMPRESS=DEFLATE", "BLOCKSIZE=32", "OVERVIEWS=AUTO"])
# two halves of one image, for the mosaic test
gdal.Translate(os.path.join(out, "mosaic_left.tif"), os.path.join(out, "u16_4b_tiled_deflate_pred2.tif"), srcWin=[0, 0, 50, 83])
gdal.Translate(os.path.join(out, "mosaic_right.tif"), os.path.join(out, "u16_4b_tiled_deflate_pred2.tif"), srcWin=[50, 0, 47, 83])
# a larger COG for the HTTP range-request test: 1024x1024, 256x256 tiles, 4 tiles per overview-free level
y, x = np.mgrid[0:1024, 0:1024]
big = (np.sin(x / 17.0) * 60 + np.cos(y / 23.0) * 60 + 128).clip(0, 255).astype(np.uint8)
tmp = os.path.join(out, "_tmp_big.tif")
ds = gdal.GetDriverByName("GTiff").Create(tmp, 1024, 1024, 1, gdal.GDT_Byte)
ds.SetGeoTransform((500000.0, 1.0, 0.0, 4000000.0, 0.0, -1.0))
s = osr.SpatialReference(); s.ImportFromEPSG(32611); ds.SetProjection(s.ExportToWkt())
ds.GetRasterBand(1).WriteArray(big); ds = None
gdal.Translate(os.path.join(out, "u8_1b_1024_cog_deflate.tif"), tmp, format="COG",
               creationOptions=["COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=256", "OVERVIEWS=AUTO"])
os.remove(tmp)
print("wrote", len([f for f in os.listdir(out) if f.endswith(".tif")]), "samples to", out)
