package rv.learn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import rv.learn.engine.Engines;
import rv.learn.model.MobileNetV2;
import rv.learn.model.ResNet;
import rv.learn.model.UNet;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelsTest {

    /** Trainable parameters, as torch's sum(p.numel() for p in m.parameters()) counts them. */
    static long trainableParams(Block block, Shape input) {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            block.initialize(m, DataType.FLOAT32, input);
            long n = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) n += p.getValue().getArray().size();
            }
            return n;
        }
    }

    @Test
    void resnetsHaveTorchvisionParameterCounts() {
        Shape in = new Shape(1, 3, 64, 64);
        // torchvision: resnet18 11,689,512; resnet34 21,797,672; resnet50 25,557,032 (1000 classes).
        assertEquals(11_689_512L, trainableParams(ResNet.classifier(18, 1000, 1.0), in));
        assertEquals(21_797_672L, trainableParams(ResNet.classifier(34, 1000, 1.0), in));
        assertEquals(25_557_032L, trainableParams(ResNet.classifier(50, 1000, 1.0), in));
        // mobilenet_v2: 3,504,872
        assertEquals(3_504_872L, trainableParams(MobileNetV2.classifier(1000, 1.0), in));
    }

    @Test
    void moreInputBandsOnlyGrowTheStem() {
        long rgb = trainableParams(ResNet.classifier(18, 2, 0.5), new Shape(1, 3, 64, 64));
        long eight = trainableParams(ResNet.classifier(18, 2, 0.5), new Shape(1, 8, 64, 64));
        assertEquals(5L * 7 * 7 * 32, eight - rgb);
    }

    @Test
    void unetGivesPerPixelLogitsAtInputResolution() {
        Engines.pytorch();
        UNet net = new UNet(18, 3, 0.25);
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            net.initialize(m, DataType.FLOAT32, new Shape(2, 4, 64, 96));
            NDArray x = m.randomUniform(0, 1, new Shape(2, 4, 64, 96));
            NDList y = net.forward(new ParameterStore(m, false), new NDList(x), false);
            assertArrayEquals(new long[] {2, 3, 64, 96}, y.singletonOrThrow().getShape().getShape());
            assertArrayEquals(new long[] {2, 3, 64, 96}, net.getOutputShapes(new Shape[] {new Shape(2, 4, 64, 96)})[0].getShape());
        }
    }

    /**
     * The U-Net runs its last up-step and head as one composed 1×1 conv + pixel shuffle: outputs and
     * parameter gradients must equal those of the literal layer order (up conv, shuffle, head conv).
     */
    @Test
    void unetComposedUpHeadEqualsTheLayerSequence() {
        Engines.pytorch();
        UNet net = new UNet(18, 3, 0.25);
        Shape in = new Shape(2, 4, 64, 64);
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            net.initialize(m, DataType.FLOAT32, in);
            Engines.pytorch().setRandomSeed(7);
            for (Pair<String, Parameter> p : net.getParameters()) {
                NDArray a = p.getValue().getArray();
                // Biases start at zero: give them values so that each term of the composition counts.
                if (p.getKey().endsWith("bias") || p.getKey().endsWith("beta")) a.addi(m.randomNormal(0, 0.1f, a.getShape(), DataType.FLOAT32));
                if (p.getValue().requiresGradient()) a.setRequiresGradient(true);
            }
            NDArray x = m.randomUniform(0, 1, in);
            NDArray weights = m.randomUniform(-1, 1, new Shape(2, 3, 64, 64));
            for (boolean training : new boolean[] {false, true}) {
                float[][] outs = new float[2][];
                Map<String, float[]>[] grads = new Map[] {new HashMap<>(), new HashMap<>()};
                for (int variant = 0; variant < 2; variant++) {
                    try (NDManager s = m.newSubManager(); GradientCollector gc = Engines.pytorch().newGradientCollector()) {
                        x.tempAttach(s);
                        ParameterStore ps = new ParameterStore(s, false);
                        NDArray y = variant == 0 ? net.forward(ps, new NDList(x), training).singletonOrThrow()
                                : net.forwardUnfused(ps, new NDList(x), training).singletonOrThrow();
                        outs[variant] = y.toFloatArray();
                        gc.backward(y.mul(weights).sum());
                        for (Pair<String, Parameter> p : net.getParameters()) {
                            if (!p.getValue().requiresGradient()) continue;
                            NDArray g = p.getValue().getArray().getGradient();
                            grads[variant].put(p.getKey(), g.toFloatArray());
                            g.subi(g);
                        }
                    }
                }
                assertEquals(outs[0].length, 2 * 3 * 64 * 64);
                assertArrayEquals(outs[1], outs[0], 1e-5f * maxAbs(outs[1]), "outputs, training=" + training);
                assertEquals(grads[1].keySet(), grads[0].keySet());
                for (String k : grads[1].keySet()) {
                    float[] want = grads[1].get(k);
                    assertArrayEquals(want, grads[0].get(k), 1e-4f * Math.max(1e-6f, maxAbs(want)), k + ", training=" + training);
                }
            }
        }
    }

    /** Forward passes (inference and training) leave no arrays in the model's manager: a long PREDICT must not grow. */
    @Test
    void unetForwardLeavesNothingInTheModelManager() {
        Engines.pytorch();
        UNet net = new UNet(18, 3, 0.25);
        Shape in = new Shape(2, 4, 64, 64);
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            net.initialize(m, DataType.FLOAT32, in);
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (p.getValue().requiresGradient()) p.getValue().getArray().setRequiresGradient(true);
            }
            int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            for (boolean training : new boolean[] {false, true, false}) {
                try (NDManager s = m.newSubManager(); GradientCollector gc = Engines.pytorch().newGradientCollector()) {
                    NDArray x = s.randomUniform(0, 1, in);
                    NDArray y = net.forward(new ParameterStore(s, false), new NDList(x), training).singletonOrThrow();
                    if (training) gc.backward(y.sum());
                }
            }
            int after = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
            assertEquals(before, after, "arrays left in the model's manager after 3 forward passes");
        }
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float f : v) m = Math.max(m, Math.abs(f));
        return m;
    }

    /** Inference max-pools with strided maxima; training with libtorch's max-pool: the same values, odd sizes too. */
    @Test
    void stemMaxPoolInferenceEqualsMaxPool() {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(Engines.device())) {
            for (Shape in : new Shape[] {new Shape(2, 3, 16, 16), new Shape(1, 2, 7, 10)}) {
                NDArray x = m.randomNormal(in);
                NDArray want = ai.djl.nn.pooling.Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
                Block pool = ResNet.encoder(18, 0.25).stages().get(0).getChildren().get(0).getValue();
                pool.initialize(m, DataType.FLOAT32, in);
                NDArray inference = pool.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                NDArray training = pool.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                assertArrayEquals(want.getShape().getShape(), inference.getShape().getShape());
                assertArrayEquals(want.toFloatArray(), inference.toFloatArray(), 0f);
                assertArrayEquals(want.toFloatArray(), training.toFloatArray(), 0f);
                assertArrayEquals(want.getShape().getShape(), pool.getOutputShapes(new Shape[] {in})[0].getShape());
            }
        }
    }
}
