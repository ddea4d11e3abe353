package rv.task.scene;

import rv.analyze.RasterStats;
import rv.analyze.StatsTransformer;
import rv.core.Aoi;
import rv.core.ClassConfig;
import rv.core.Colors;
import rv.core.CrsTransformer;
import rv.core.RvException;
import rv.data.SceneConfig;
import rv.data.label.ChipClassificationLabelSourceConfig;
import rv.data.label.LabelSourceConfig;
import rv.data.label.ObjectDetectionLabelSourceConfig;
import rv.data.label.SemanticSegmentationLabelSourceConfig;
import rv.data.raster.RasterSource;
import rv.data.raster.RasterSourceConfig;
import rv.data.raster.RasterSources;
import rv.data.raster.RasterTransformerConfig;
import rv.data.raster.RasterioSourceConfig;
import rv.data.raster.RasterizedSource;
import rv.data.raster.RasterizedSourceConfig;
import rv.data.raster.RasterizerOptions;
import rv.data.raster.StatsTransformerConfig;
import rv.data.vector.GeoJSONVectorSourceConfig;
import rv.data.vector.GeoJsonVectorSource;
import rv.data.vector.VectorSourceConfig;
import rv.data.vector.VectorSourceOptions;
import rv.task.TaskFiles;
import rv.task.labels.ChipClassificationLabelSource;
import rv.task.labels.LabelSource;
import rv.task.labels.ObjectDetectionLabelSource;
import rv.task.labels.SegmentationLabelSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Scene}s (entities) from {@link SceneConfig}s, as Raster Vision's {@code SceneConfig.build} does. */
public final class SceneLoader {
    private final ClassConfig classes;

    public SceneLoader(ClassConfig classes) { this.classes = classes; }

    /** Loads a scene; {@code withLabels} false skips the ground truth, {@code withTransformers} false gives raw imagery. */
    public Scene load(SceneConfig sc, boolean withLabels, boolean withTransformers) {
        String where = "scene '" + sc.id() + "'";
        RasterSource raw = openImagery(sc.rasterSource(), where);
        RasterSource imagery = raw;
        try {
            if (withTransformers) imagery = transform(raw, sc.rasterSource().transformers(), where);
            CrsTransformer crs = CrsTransformer.of(raw);
            Aoi aoi = sc.aoiUris() == null || sc.aoiUris().isEmpty() ? null
                    : GeoJsonVectorSource.loadAoi(paths(sc.aoiUris(), where + " aoi_uris"), crs);
            LabelSource labels = withLabels && sc.labelSource() != null ? labelSource(sc.labelSource(), raw, crs, where) : null;
            return new Scene(sc, imagery, crs, labels, aoi);
        } catch (RuntimeException e) {
            imagery.close();
            throw e;
        }
    }

    /** Opens the imagery of a raster source config (no transformers). */
    public RasterSource openImagery(RasterSourceConfig cfg, String where) {
        if (cfg instanceof RasterioSourceConfig r) {
            for (String u : r.uris()) requireExists(u, where + " raster_source.uris");
            int[] order = r.channelOrder() == null ? null : r.channelOrder().stream().mapToInt(Integer::intValue).toArray();
            return RasterSources.open(r.uris(), order, r.xShift() == null ? 0 : r.xShift(), r.yShift() == null ? 0 : r.yShift());
        }
        throw new RvException(where + ": raster_source of type " + cfg.getClass().getSimpleName()
                + " cannot be used as imagery; use a rasterio_source");
    }

    /** Applies raster transformers (StatsTransformer) in order. */
    public static RasterSource transform(RasterSource src, List<RasterTransformerConfig> transformers, String where) {
        RasterSource out = src;
        for (RasterTransformerConfig t : transformers == null ? List.<RasterTransformerConfig>of() : transformers) {
            if (t instanceof StatsTransformerConfig st) {
                if (st.statsUri() == null) throw new RvException(where + ": stats_transformer has no stats_uri; run the pipeline's update() or set it");
                Path p = TaskFiles.localPath(st.statsUri());
                if (!Files.exists(p)) throw new RvException(where + ": stats file " + p + " does not exist; run ANALYZE first");
                out = new StatsTransformer(RasterStats.load(p)).apply(out);
            } else {
                throw new RvException(where + ": raster transformer " + t.getClass().getSimpleName() + " is not supported");
            }
        }
        return out;
    }

    private LabelSource labelSource(LabelSourceConfig cfg, RasterSource imagery, CrsTransformer crs, String where) {
        if (cfg instanceof SemanticSegmentationLabelSourceConfig s) {
            int nullId = classes.nullClass() == null ? classes.names().size() : classes.classId(classes.nullClass());
            RasterSource labels = labelRaster(s.rasterSource(), imagery, crs, where + " label_source.raster_source");
            int[][] rgb = s.rgbClassConfig() == null ? null : Colors.of(s.rgbClassConfig());
            return new SegmentationLabelSource(labels, rgb, nullId);
        }
        if (cfg instanceof ChipClassificationLabelSourceConfig c) {
            GeoJsonVectorSource vs = vectorSource(c.vectorSource(), crs, where + " label_source.vector_source");
            if (Boolean.TRUE.equals(c.inferCells())) {
                if (c.cellSz() == null) throw new RvException(where + ": label_source.cell_sz is needed to infer cells");
                return ChipClassificationLabelSource.infer(vs, imagery.extent(), new ChipClassificationLabelSource.InferOptions(
                        c.cellSz(), c.ioaThresh() == null ? 0.5 : c.ioaThresh(), Boolean.TRUE.equals(c.useIntersectionOverCell()),
                        Boolean.TRUE.equals(c.pickMinClassId()), c.backgroundClassId()));
            }
            return ChipClassificationLabelSource.fromFeatures(vs);
        }
        if (cfg instanceof ObjectDetectionLabelSourceConfig o) {
            return ObjectDetectionLabelSource.fromFeatures(vectorSource(o.vectorSource(), crs, where + " label_source.vector_source"));
        }
        throw new RvException(where + ": label source " + cfg.getClass().getSimpleName() + " is not supported");
    }

    /** A label raster on the imagery's grid: a GeoTIFF class raster or rasterized vectors. */
    public RasterSource labelRaster(RasterSourceConfig cfg, RasterSource imagery, CrsTransformer crs, String where) {
        if (cfg instanceof RasterizedSourceConfig r) {
            GeoJsonVectorSource vs = vectorSource(r.vectorSource(), crs, where + ".vector_source");
            var rc = r.rasterizerConfig();
            return RasterizedSource.like(imagery, vs, new RasterizerOptions(rc.backgroundClassId(), Boolean.TRUE.equals(rc.allTouched())));
        }
        if (cfg instanceof RasterioSourceConfig) {
            RasterSource s = openImagery(cfg, where);
            if (s.width() != imagery.width() || s.height() != imagery.height()) {
                int w = s.width(), h = s.height();
                s.close();
                throw new RvException(where + ": label raster is " + w + "x" + h + " but the imagery is "
                        + imagery.width() + "x" + imagery.height() + "; labels must be on the imagery's grid");
            }
            return s;
        }
        throw new RvException(where + ": " + cfg.getClass().getSimpleName() + " is not supported for labels");
    }

    /** A GeoJSON vector source for this scene, classes inferred with the class names. */
    public GeoJsonVectorSource vectorSource(VectorSourceConfig cfg, CrsTransformer crs, String where) {
        if (!(cfg instanceof GeoJSONVectorSourceConfig g)) {
            throw new RvException(where + ": vector source " + (cfg == null ? "null" : cfg.getClass().getSimpleName()) + " is not supported; use geojson_source");
        }
        requireExists(g.uri(), where + ".uri");
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < classes.names().size(); i++) names.put(classes.names().get(i), i);
        VectorSourceOptions o = new VectorSourceOptions(g.defaultClassId(), g.classIdToFilter(), names, null,
                g.lineBufs(), g.pointBufs(), Boolean.TRUE.equals(g.ignoreCrsField()), true);
        return new GeoJsonVectorSource(TaskFiles.localPath(g.uri()), o, crs);
    }

    private static List<Path> paths(List<String> uris, String where) {
        List<Path> out = new ArrayList<>();
        for (String u : uris) {
            requireExists(u, where);
            out.add(TaskFiles.localPath(u));
        }
        return out;
    }

    private static void requireExists(String uri, String where) {
        if (uri == null) throw new RvException(where + ": missing URI");
        if (uri.matches("^(https?|zip):.*")) return;
        if (!Files.exists(TaskFiles.localPath(uri))) throw new RvException(where + ": " + uri + " does not exist");
    }
}
