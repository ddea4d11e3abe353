package rv.learn.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import rv.core.RvException;
import rv.io.AtomicFiles;
import rv.learn.engine.Engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TorchScript ({@code .pt}) networks: a module made with {@code torch.jit.script(...).save(...)} is
 * loaded through DJL's PyTorch engine and used like rv's own networks, for prediction and for
 * fine-tuning. For training it is loaded with {@code trainParam=true} (its parameters require
 * gradients); DJL switches the module to training mode for training steps and back for evaluation,
 * so BatchNorm layers of a <em>scripted</em> module keep learning (a <em>traced</em> module may have
 * the eval-mode behaviour baked in). Networks built by rv from DJL blocks have no TorchScript graph,
 * so they cannot be exported as {@code .pt}; only scripted networks are saved as TorchScript.
 */
public final class TorchScript {
    private TorchScript() {}

    /** Loads a TorchScript module from its bytes; {@code train}: parameters trainable. {@code name} for messages. */
    public static ZooModel<NDList, NDList> load(byte[] bytes, String name, boolean train) {
        Engines.pytorch();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rv-torchscript-");
            Path file = dir.resolve("module.pt");
            Files.write(file, bytes);
            Criteria.Builder<NDList, NDList> c = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(file).optEngine("PyTorch").optDevice(Engines.device());
            if (train) c = c.optOption("trainParam", "true");
            ZooModel<NDList, NDList> model = c.build().loadModel();
            if (train && model.getBlock() instanceof PtSymbolBlock pt) {
                // The engine loads modules in eval mode but DJL's block starts with its training flag set,
                // so the first training steps would run in eval mode (BatchNorm frozen): switch it now.
                JniUtils.enableTrainingMode(pt);
            }
            return model;
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new RvException("cannot load TorchScript module " + name + ": " + e.getMessage()
                    + " (save it with torch.jit.script(model).save(path))", e);
        } finally {
            if (dir != null) {
                try (var s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Whether {@code block} is a TorchScript module. */
    public static boolean isScripted(Block block) {
        return block instanceof PtSymbolBlock;
    }

    /** Writes a scripted network atomically as a plain TorchScript file ({@code torch.jit.load} reads it). */
    public static void save(Block block, Path file) throws IOException {
        if (!(block instanceof PtSymbolBlock pt)) throw new IllegalArgumentException("not a TorchScript module: " + block.getClass());
        AtomicFiles.write(file, out -> JniUtils.writeModule(pt, out, false));
    }
}
