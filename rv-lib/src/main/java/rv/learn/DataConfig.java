package rv.learn;

import rv.pipeline.Config;

/** Marker of the Data configs of the PyTorch-style learner (classification, segmentation, detection). */
public interface DataConfig extends Config {}
