package rv.learn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import rv.core.RvException;
import rv.data.raster.Raster;
import rv.learn.engine.Engines;
import rv.learn.model.Anchors;
import rv.learn.model.Models;
import rv.learn.model.Ssd;
import rv.learn.train.ChipData;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TorchScript;
import rv.task.ChipModel;
import rv.task.Prediction;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained DJL model as PREDICT sees it: normalises chips like training did, runs the network in
 * inference mode and returns softmax probabilities (per chip or per pixel). Segmentation chips whose
 * sides are not multiples of 32 are zero-padded and the output cropped back.
 */
public final class DjlChipModel implements ChipModel {
    private final LearnerSpec spec;
    private final NDManager manager;
    private final Block block;
    /** The loaded module when the network is TorchScript (closed with this model). */
    private final ai.djl.repository.zoo.ZooModel<NDList, NDList> scripted;

    /** Loads parameters from {@code params} ({@code name} for messages) into the network of {@code spec}. */
    public DjlChipModel(LearnerSpec spec, InputStream params, String name) {
        Engines.pytorch();
        this.spec = spec;
        this.manager = NDManager.newBaseManager(Engines.device());
        try {
            if (spec.torchscript() != null) {
                // A TorchScript network: the model file is the (fine-tuned) module itself.
                if (spec.task() == LearnerSpec.Task.DETECTION) {
                    throw new RvException("TorchScript networks are supported for chip classification and semantic segmentation, not detection");
                }
                this.scripted = TorchScript.load(params.readAllBytes(), name, false);
                this.block = scripted.getBlock();
            } else {
                this.scripted = null;
                this.block = Models.build(spec);
                rv.learn.train.TrainLoop.loadParams(block, manager, params, name);
            }
        } catch (java.io.IOException e) {
            manager.close();
            throw new RvException("cannot read model " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A TorchScript module ({@code .pt} at {@code uri}: path, file://, http(s)://, zip://) run as the network of {@code spec}. */
    public static DjlChipModel torchscript(LearnerSpec spec, String uri) {
        byte[] bytes = rv.learn.train.InitWeights.read(uri, "TorchScript model");
        return new DjlChipModel(spec.withTorchscript(uri), new java.io.ByteArrayInputStream(bytes), uri);
    }

    public LearnerSpec spec() { return spec; }

    @Override
    public synchronized List<Prediction> predict(List<Raster> chips) {
        List<Prediction> out = new ArrayList<>(chips.size());
        if (chips.isEmpty()) return out;
        Raster first = chips.get(0);
        int h = first.height(), w = first.width(), c = first.bands();
        if (c != spec.bands()) {
            throw new RvException("the model expects " + spec.bands() + " bands but the chips have " + c
                    + "; set channel_order on the raster source to pick " + spec.bands() + " bands");
        }
        boolean seg = spec.task() == LearnerSpec.Task.SEGMENTATION;
        int ph = seg ? (h + 31) / 32 * 32 : h, pw = seg ? (w + 31) / 32 * 32 : w;
        int n = chips.size(), per = c * ph * pw;
        float[] x = new float[n * per];
        float[] tmp = new float[c * h * w];
        for (int i = 0; i < n; i++) {
            Raster r = chips.get(i);
            if (r.width() != w || r.height() != h || r.bands() != c) throw new IllegalArgumentException("chips of one batch must have one shape");
            ChipData.normalise(r, spec.mean(), spec.std(), tmp, 0);
            for (int b = 0; b < c; b++) {
                for (int row = 0; row < h; row++) {
                    System.arraycopy(tmp, (b * h + row) * w, x, i * per + (b * ph + row) * pw, w);
                }
            }
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray in = m.create(x, new Shape(n, c, ph, pw));
            NDList outs = block.forward(new ParameterStore(m, false), new NDList(in), false);
            int k = spec.numClasses();
            if (block instanceof Ssd ssd) {
                float[] anchors = Anchors.generate(ph, pw, ssd.featureSizes(ph, pw));
                int a = anchors.length / 4;
                float[] probs = outs.get(0).softmax(2).toFloatArray();
                float[] off = outs.get(1).toFloatArray();
                for (int i = 0; i < n; i++) {
                    out.add(new Prediction.Boxes(Anchors.detect(anchors,
                            java.util.Arrays.copyOfRange(probs, i * a * (k + 1), (i + 1) * a * (k + 1)),
                            java.util.Arrays.copyOfRange(off, i * a * 4, (i + 1) * a * 4), k, 0.05, 0.45, 200, pw, ph)));
                }
                return out;
            }
            if (outs.size() != 1) throw new RvException("the network returned " + outs.size() + " outputs; expected one logits tensor");
            NDArray logits = outs.singletonOrThrow();
            Shape want = seg ? new Shape(n, k, ph, pw) : new Shape(n, k);
            if (!logits.getShape().equals(want)) {
                throw new RvException("the network returned logits of shape " + logits.getShape() + " for " + n + " chips of "
                        + c + "x" + ph + "x" + pw + "; expected " + want + " (" + k + " classes " + spec.classNames() + ")");
            }
            float[] p = logits.softmax(1).toType(DataType.FLOAT32, false).toFloatArray();
            for (int i = 0; i < n; i++) {
                if (!seg) {
                    float[] probs = new float[k];
                    System.arraycopy(p, i * k, probs, 0, k);
                    out.add(new Prediction.ClassScores(probs));
                } else {
                    float[] probs = new float[k * h * w];
                    for (int cl = 0; cl < k; cl++) {
                        // The ignored (null) class was never trained: it must never win.
                        if (cl == spec.ignoreId()) continue;
                        for (int row = 0; row < h; row++) {
                            System.arraycopy(p, ((i * k + cl) * ph + row) * pw, probs, (cl * h + row) * w, w);
                        }
                    }
                    out.add(new Prediction.PixelScores(k, h, w, probs));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (scripted != null) scripted.close();
        manager.close();
    }
}
