package rv.learn.djl;

import rv.core.RvException;
import rv.io.AtomicFiles;
import rv.learn.train.LearnerSpec;
import rv.learn.train.TrainLoop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code model-bundle.zip}: what a trained model needs to run on new imagery — {@code model}
 * (parameters), {@code learner.json} (network, classes, normalisation), {@code pipeline-config.json},
 * {@code class-config.json} and, when ANALYZE ran, {@code stats.json}. When the network is a
 * TorchScript module ({@code learner.json} has {@code torchscript}), {@code model} is that module as
 * plain TorchScript ({@code torch.jit.load} reads it); rv's own networks are DJL parameter files.
 */
public final class ModelBundle {
    public static final String PARAMS = "model";
    public static final String SPEC = "learner.json";
    public static final String PIPELINE_CONFIG = "pipeline-config.json";
    public static final String CLASS_CONFIG = "class-config.json";
    public static final String STATS = "stats.json";

    private ModelBundle() {}

    /** Writes a bundle atomically from a train folder plus the given extra text entries. */
    public static void write(Path zip, Path trainDir, Map<String, String> texts) throws IOException {
        for (String f : new String[] {TrainLoop.MODEL_FILE, TrainLoop.SPEC_FILE}) {
            if (!Files.isRegularFile(trainDir.resolve(f))) {
                throw new RvException("cannot bundle: " + trainDir.resolve(f) + " is missing; run TRAIN first");
            }
        }
        AtomicFiles.write(zip, out -> {
            ZipOutputStream z = new ZipOutputStream(out);
            z.putNextEntry(new ZipEntry(PARAMS));
            Files.copy(trainDir.resolve(TrainLoop.MODEL_FILE), z);
            z.closeEntry();
            z.putNextEntry(new ZipEntry(SPEC));
            Files.copy(trainDir.resolve(TrainLoop.SPEC_FILE), z);
            z.closeEntry();
            for (Map.Entry<String, String> e : texts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.finish();
        });
    }

    /** An unpacked bundle. */
    public record Contents(Path dir, LearnerSpec spec, Map<String, String> texts) {
        /** Loads the model (a clear error when the parameters are corrupt). */
        public DjlChipModel loadModel() throws IOException {
            try (InputStream in = Files.newInputStream(dir.resolve(PARAMS))) {
                return new DjlChipModel(spec, in, "'" + PARAMS + "' of the model bundle");
            }
        }
    }

    /** Unpacks {@code zip} into {@code target}, refusing entries that would land outside it. */
    public static Contents extract(Path zip, Path target) throws IOException {
        if (!Files.isRegularFile(zip)) throw new RvException("model bundle " + zip + " does not exist");
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    throw new RvException("model bundle " + zip + " has an entry '" + e.getName()
                            + "' that escapes the extraction folder; refusing to unpack it");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new RvException("model bundle " + zip + " is not a valid zip file: " + e.getMessage(), e);
        }
        for (String f : new String[] {PARAMS, SPEC}) {
            if (!Files.isRegularFile(root.resolve(f))) throw new RvException("model bundle " + zip + " lacks '" + f + "'; it was not written by rv's BUNDLE");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : new String[] {PIPELINE_CONFIG, CLASS_CONFIG, STATS}) {
            if (Files.isRegularFile(root.resolve(f))) texts.put(f, Files.readString(root.resolve(f)));
        }
        return new Contents(root, LearnerSpec.read(root.resolve(SPEC)), texts);
    }

    /** Checks a {@code channel_order} override against the bands the model was trained on. */
    public static void checkChannelOrder(int[] channelOrder, LearnerSpec spec) {
        if (channelOrder != null && channelOrder.length != spec.bands()) {
            throw new RvException("channel_order has " + channelOrder.length + " entries but the model was trained on "
                    + spec.bands() + " bands; give exactly " + spec.bands() + " band indexes");
        }
        if (channelOrder != null) {
            for (int c : channelOrder) if (c < 0) throw new RvException("channel_order entries must be >= 0, got " + c);
        }
    }
}
