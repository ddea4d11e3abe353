package rv.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rv.learn.Predictor;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rv predict BUNDLE IMAGE OUT}: predictions of a model bundle on new imagery. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict an image with a model bundle (bundle/model-bundle.zip) and write the task's label output (GeoTIFF or GeoJSON).")
final class PredictCliCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "model-bundle.zip written by BUNDLE") Path bundle;
    @Parameters(index = "1", paramLabel = "IMAGE", description = "image to predict (GeoTIFF)") String image;
    @Parameters(index = "2", paramLabel = "OUT", description = "label output (segmentation: .tif; classification/detection: .json)") String out;

    @Option(names = "--channel-order", arity = "1..*", paramLabel = "BAND",
            description = "0-based bands of IMAGE to feed the model, in order (default: the bundle's)")
    int[] channelOrder;

    @Option(names = "--update-stats", description = "Normalise with statistics of IMAGE instead of the bundle's")
    boolean updateStats;

    @Override
    public Integer call() throws Exception {
        try (Predictor p = Predictor.load(bundle, channelOrder, updateStats)) {
            p.predict(image, out);
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
