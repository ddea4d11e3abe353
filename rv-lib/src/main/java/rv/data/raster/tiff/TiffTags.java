package rv.data.raster.tiff;

/** Numbers of the TIFF, GeoTIFF and GDAL tags (and a few of their values) that rv reads and writes. */
public final class TiffTags {
    private TiffTags() {}

    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int PREDICTOR = 317;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int EXTRA_SAMPLES = 338;
    public static final int SAMPLE_FORMAT = 339;
    public static final int JPEG_TABLES = 347;
    public static final int YCBCR_SUBSAMPLING = 530;
    public static final int MODEL_PIXEL_SCALE = 33550;
    public static final int MODEL_TIEPOINT = 33922;
    public static final int MODEL_TRANSFORMATION = 34264;
    public static final int GEO_KEY_DIRECTORY = 34735;
    public static final int GEO_DOUBLE_PARAMS = 34736;
    public static final int GEO_ASCII_PARAMS = 34737;
    public static final int GDAL_METADATA = 42112;
    public static final int GDAL_NODATA = 42113;

    public static final int COMPRESSION_NONE = 1;
    public static final int COMPRESSION_DEFLATE = 8;
    public static final int PHOTOMETRIC_MINISBLACK = 1;
    public static final int PHOTOMETRIC_RGB = 2;
    public static final int PHOTOMETRIC_YCBCR = 6;
}
