package rv.viz;

import org.knowm.xchart.internal.chartpart.Chart;
import rv.analyze.RasterStats;
import rv.data.raster.Raster;
import rv.data.raster.RasterSource;
import rv.pipeline.Config;
import tech.tablesaw.api.Table;

import java.awt.image.RenderedImage;

/** The renderers rv ships: every rv value a notebook shows. */
final class BuiltinRenderers {
    private BuiltinRenderers() {}

    static void registerAll(RendererRegistry r) {
        r.register(Raster.class, x -> RasterView.of(x).bundle());
        r.register(RasterView.class, RasterView::bundle);
        r.register(RasterSource.class, s -> SceneView.of("raster", s).bundle());
        r.register(SceneView.class, SceneView::bundle);
        r.register(LeafletMap.class, LeafletMap::bundle);
        r.register(ChipGrid.class, ChipGrid::bundle);
        r.register(Comparison.class, Comparison::bundle);
        r.register(EvalMetrics.class, EvalMetrics::bundle);
        r.register(ConfusionMatrix.class, ConfusionMatrix::bundle);
        r.register(TrainingHistory.class, TrainingHistory::bundle);
        r.register(RasterStats.class, Charts::statsBundle);
        r.register(Table.class, Tables::bundle);
        r.register(Chart.class, c -> Charts.bundle((Chart<?, ?>) c));
        r.register(Config.class, ConfigView::bundle);
        r.register(ErrorView.class, ErrorView::bundle);
        r.register(Throwable.class, t -> ErrorView.of(t).bundle());
        r.register(RenderedImage.class, img -> MimeBundle.text("image " + img.getWidth() + "x" + img.getHeight())
                .withPng(Pngs.encode(toBuffered(img))));
    }

    private static java.awt.image.BufferedImage toBuffered(RenderedImage img) {
        if (img instanceof java.awt.image.BufferedImage b) return b;
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(img.getWidth(), img.getHeight(), java.awt.image.BufferedImage.TYPE_INT_ARGB);
        out.createGraphics().drawRenderedImage(img, new java.awt.geom.AffineTransform());
        return out;
    }
}
