package rv.data.vector;

import org.locationtech.jts.geom.Geometry;

/**
 * A labelled geometry in the fractional pixel coordinates of a raster (column, row; (0,0) is the
 * top-left corner of the top-left pixel), with the feature it came from (properties, map geometry).
 */
public record PixelFeature(Geometry geometry, int classId, Feature source) {}
