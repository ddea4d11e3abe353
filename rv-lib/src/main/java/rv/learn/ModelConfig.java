package rv.learn;

import rv.pipeline.Config;

/** Marker of the Model configs of the PyTorch-style learner (classification, segmentation, detection). */
public interface ModelConfig extends Config {}
