package rv.learn;

import rv.pipeline.Config;

/** Marker of the Learner configs of the PyTorch-style learner (classification, segmentation, detection). */
public interface LearnerConfig extends Config {}
