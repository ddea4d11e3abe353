package rv.learn;

import rv.pipeline.Config;

/** The Model configs of the PyTorch-style learner (classification, segmentation, detection): the options they share. */
public interface ModelConfig extends Config {
    /** The backbone network. */
    Backbone backbone();

    /** Start the backbone from pretrained weights ({@link #pretrainedUri()}). */
    Boolean pretrained();

    /** URI of weights for the whole model; supersedes {@link #pretrained()}. */
    String initWeights();

    /** rv extension: scale of the backbone's channel widths (unset: 1). */
    Double widthMult();

    /** rv extension: URI of backbone weights used when {@link #pretrained()} is true. */
    String pretrainedUri();
}
