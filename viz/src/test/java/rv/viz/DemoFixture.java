package rv.viz;

import rv.data.demo.DemoOptions;
import rv.data.demo.DemoSceneGenerator;

import java.nio.file.Path;

/** One small demo scene written by rv's own generator (GeoTIFF + GeoJSON labels + AOI). */
final class DemoFixture {
    private DemoFixture() {}

    static DemoSceneGenerator.DemoScene scene(Path dir) {
        return new DemoSceneGenerator().generate(dir, new DemoOptions(256, 7, 1)).get(0);
    }
}
