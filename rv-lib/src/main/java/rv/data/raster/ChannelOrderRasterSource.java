package rv.data.raster;

import rv.core.Box;
import rv.core.GeoTransform;
import rv.core.RvException;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** A view of another source with its bands reordered/subset by {@code channel_order} (0-based). */
public final class ChannelOrderRasterSource implements RasterSource {
    private final RasterSource inner;
    private final int[] order;

    public ChannelOrderRasterSource(RasterSource inner, int[] channelOrder) {
        for (int c : channelOrder) {
            if (c < 0 || c >= inner.bandCount()) {
                inner.close();
                throw new RvException("channel_order index " + c + " out of range: the image has " + inner.bandCount() + " bands (0.." + (inner.bandCount() - 1) + ")");
            }
        }
        this.inner = inner;
        this.order = channelOrder.clone();
    }

    @Override public int width() { return inner.width(); }
    @Override public int height() { return inner.height(); }
    @Override public int bandCount() { return order.length; }
    @Override public DataType dataType() { return inner.dataType(); }
    @Override public GeoTransform geoTransform() { return inner.geoTransform(); }
    @Override public OptionalInt epsg() { return inner.epsg(); }
    @Override public OptionalDouble nodata() { return inner.nodata(); }

    @Override
    public Raster read(Box window, int[] bands) {
        int[] mapped = new int[bands.length];
        for (int i = 0; i < bands.length; i++) {
            if (bands[i] < 0 || bands[i] >= order.length) throw new RvException("band index " + bands[i] + " out of range 0.." + (order.length - 1));
            mapped[i] = order[bands[i]];
        }
        return inner.read(window, mapped);
    }

    @Override public void close() { inner.close(); }
}
