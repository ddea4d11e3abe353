package rv.data.raster.tiff;

import rv.core.Box;

/** The tiles of one image: {@code tilesAcross × tilesDown} tiles of {@code tileSize²}, row-major indexes. */
public record TileGrid(int width, int height, int tileSize) {

    public int tilesAcross() { return (width + tileSize - 1) / tileSize; }

    public int tilesDown() { return (height + tileSize - 1) / tileSize; }

    public int tileCount() { return tilesAcross() * tilesDown(); }

    /** Pixels of tile {@code index} that lie inside the image. */
    public Box tileBox(int index) {
        int tx = index % tilesAcross(), ty = index / tilesAcross();
        int x = tx * tileSize, y = ty * tileSize;
        return new Box(x, y, Math.min(tileSize, width - x), Math.min(tileSize, height - y));
    }
}
