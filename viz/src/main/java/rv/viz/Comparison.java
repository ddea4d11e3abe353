package rv.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Views side by side with titles, e.g. ground truth next to predictions of the same scene. */
public record Comparison(List<String> titles, List<SceneView> views) {

    public Comparison {
        titles = List.copyOf(titles);
        views = List.copyOf(views);
        if (titles.size() != views.size()) throw new IllegalArgumentException("one title per view");
    }

    /** Ground truth (left) and prediction (right) layers over the same scene image. */
    public static Comparison truthVsPrediction(SceneView scene, String truthGeojson, String predictionGeojson) {
        return new Comparison(List.of("ground truth", "prediction"),
                List.of(scene.labels("ground truth", truthGeojson), scene.labels("prediction", predictionGeojson)));
    }

    /** Ground-truth and predicted class rasters (semantic segmentation). */
    public static Comparison truthVsPredictionRasters(SceneView scene, String truthTif, String predictionTif) {
        return new Comparison(List.of("ground truth", "prediction"),
                List.of(scene.labelRaster("ground truth", truthTif), scene.labelRaster("prediction", predictionTif)));
    }

    public BufferedImage image() {
        List<BufferedImage> imgs = views.stream().map(SceneView::image).toList();
        int w = imgs.stream().mapToInt(BufferedImage::getWidth).sum() + 8 * (imgs.size() - 1);
        int h = imgs.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) + 20;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int x = 0;
        for (int i = 0; i < imgs.size(); i++) {
            g.drawString(titles.get(i), x + 2, 14);
            g.drawImage(imgs.get(i), x, 20, null);
            x += imgs.get(i).getWidth() + 8;
        }
        g.dispose();
        return out;
    }

    public MimeBundle bundle() {
        StringBuilder sb = new StringBuilder("Comparison:");
        for (int i = 0; i < views.size(); i++) sb.append("\n  ").append(titles.get(i)).append(": ").append(views.get(i).describe());
        return MimeBundle.text(sb.toString()).withPng(Pngs.encode(image()));
    }
}
