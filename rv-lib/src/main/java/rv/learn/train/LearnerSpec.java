package rv.learn.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import rv.core.RvException;
import rv.learn.Backbone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to rebuild, train and run a model, independent of the pipeline config:
 * written to {@code train/learner.json} and into the model bundle.
 *
 * @param mean     per-band mean subtracted before the network (0 for uint8 chips)
 * @param std      per-band divisor (255 for uint8 chips)
 * @param ignoreId label id ignored by the segmentation loss (ids ≥ numClasses are always ignored)
 * @param trainCrop segmentation and detection: train on random square crops of this size (0: whole chips)
 * @param initWeights URI of weights the whole network starts from (rv params, named .npz/.safetensors,
 *                    or a TorchScript {@code .pt} module that then <em>is</em> the network)
 * @param pretrainedUri URI of weights only the backbone starts from ({@code pretrained} with a file)
 * @param rareClasses class ids whose chips are oversampled (empty: plain shuffling)
 * @param desiredProb with {@code rareClasses}: probability that a drawn chip contains one of them
 * @param torchscript the network is a TorchScript module (loaded from this URI before training);
 *                    null for rv's own networks
 */
public record LearnerSpec(
        Task task,
        Backbone backbone,
        double widthMult,
        List<String> classNames,
        int bands,
        int chipSize,
        float[] mean,
        float[] std,
        int ignoreId,
        double lr,
        int numEpochs,
        int batchSz,
        boolean oneCycle,
        List<Integer> multiStage,
        String optimizer,
        List<String> augmentors,
        long seed,
        boolean testMode,
        boolean overfitMode,
        int overfitNumSteps,
        String initWeights,
        int trainCrop,
        List<Integer> rareClasses,
        double desiredProb,
        String pretrainedUri,
        String torchscript) {

    /** What the network predicts. */
    public enum Task { CLASSIFICATION, SEGMENTATION, DETECTION }

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @com.fasterxml.jackson.annotation.JsonCreator
    public LearnerSpec {
        rareClasses = rareClasses == null ? List.of() : List.copyOf(rareClasses);
        classNames = List.copyOf(classNames);
        multiStage = List.copyOf(multiStage);
        augmentors = List.copyOf(augmentors);
    }

    /** A spec without oversampling, backbone weights or TorchScript network. */
    public LearnerSpec(Task task, Backbone backbone, double widthMult, List<String> classNames, int bands, int chipSize,
                       float[] mean, float[] std, int ignoreId, double lr, int numEpochs, int batchSz, boolean oneCycle,
                       List<Integer> multiStage, String optimizer, List<String> augmentors, long seed, boolean testMode,
                       boolean overfitMode, int overfitNumSteps, String initWeights, int trainCrop) {
        this(task, backbone, widthMult, classNames, bands, chipSize, mean, std, ignoreId, lr, numEpochs, batchSz, oneCycle,
                multiStage, optimizer, augmentors, seed, testMode, overfitMode, overfitNumSteps, initWeights, trainCrop,
                List.of(), 0, null, null);
    }

    public int numClasses() { return classNames.size(); }

    /** This spec oversampling chips with {@code rareClasses} so that a drawn chip has one with {@code desiredProb}. */
    public LearnerSpec withOversampling(List<Integer> rareClasses, double desiredProb) {
        return new LearnerSpec(task, backbone, widthMult, classNames, bands, chipSize, mean, std, ignoreId, lr, numEpochs,
                batchSz, oneCycle, multiStage, optimizer, augmentors, seed, testMode, overfitMode, overfitNumSteps, initWeights,
                trainCrop, rareClasses, desiredProb, pretrainedUri, torchscript);
    }

    /** This spec with starting weights: {@code initWeights} for the whole network, {@code pretrainedUri} for the backbone. */
    public LearnerSpec withWeights(String initWeights, String pretrainedUri) {
        return new LearnerSpec(task, backbone, widthMult, classNames, bands, chipSize, mean, std, ignoreId, lr, numEpochs,
                batchSz, oneCycle, multiStage, optimizer, augmentors, seed, testMode, overfitMode, overfitNumSteps, initWeights,
                trainCrop, rareClasses, desiredProb, pretrainedUri, torchscript);
    }

    /** This spec with a TorchScript module (URI) as its network. */
    public LearnerSpec withTorchscript(String uri) {
        return new LearnerSpec(task, backbone, widthMult, classNames, bands, chipSize, mean, std, ignoreId, lr, numEpochs,
                batchSz, oneCycle, multiStage, optimizer, augmentors, seed, testMode, overfitMode, overfitNumSteps, initWeights,
                trainCrop, rareClasses, desiredProb, pretrainedUri, uri);
    }

    /** This spec with the chips' band count, size and normalisation filled in. */
    public LearnerSpec withData(int bands, int chipSize, float[] mean, float[] std) {
        return new LearnerSpec(task, backbone, widthMult, classNames, bands, chipSize, mean, std, ignoreId, lr, numEpochs,
                batchSz, oneCycle, multiStage, optimizer, augmentors, seed, testMode, overfitMode, overfitNumSteps, initWeights, trainCrop,
                rareClasses, desiredProb, pretrainedUri, torchscript);
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LearnerSpec read(Path file) {
        try {
            return JSON.readValue(file.toFile(), LearnerSpec.class);
        } catch (IOException e) {
            throw new RvException("cannot read learner spec " + file + ": " + e.getMessage(), e);
        }
    }
}
