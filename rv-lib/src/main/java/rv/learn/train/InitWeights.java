package rv.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import rv.core.RvException;
import rv.io.AtomicFiles;
import rv.io.FileSystems;
import rv.io.RangeReader;
import rv.learn.Backbone;
import rv.learn.model.Models;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starting weights from a URI (local path, {@code file://}, {@code http(s)://}, {@code zip://…!/entry})
 * for {@code init_weights} (the whole network) and {@code pretrained_uri} (its backbone only).
 *
 * <p>Parameters are matched by <em>name</em>: the torchvision-style encoder shared by the classifier,
 * the U-Net and the SSD is named {@code backbone.stem…} / {@code backbone.stage1…4…} in all three, the
 * rest {@code classifier.…}, {@code unet.…}, {@code ssd.…}. So a chip classifier's weights can start a
 * segmentation model's encoder. Accepted files: an rv {@code model} file (DJL's format; when it is not
 * of the same network, the {@code learner.json} beside it — train folder or bundle — says which
 * network it is), or named arrays ({@code .npz}, {@code .safetensors}) as
 * {@link #exportNamed} writes them. A parameter with the same name but another shape is an error
 * naming the URI and the parameter; names missing from the file keep their random initialisation.
 */
public final class InitWeights {
    private InitWeights() {}

    /** What a load did. */
    public record Result(int loaded, int modelParameters, int fileParameters) {}

    /** All bytes behind {@code uri}. */
    public static byte[] read(String uri, String option) {
        try (RangeReader r = FileSystems.open(uri)) {
            if (r.size() > Integer.MAX_VALUE - 16) throw new RvException(option + " " + uri + " is larger than 2 GB");
            return r.read(0, (int) r.size());
        } catch (IOException e) {
            throw new RvException("cannot read " + option + " " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code bytes} are a TorchScript archive: a zip holding the scripted {@code code/__torch__}
     * sources (searched by name: PyTorch stores entries in a way {@code java.util.zip.ZipInputStream} refuses).
     */
    public static boolean isTorchScript(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && contains(bytes, "/code/__torch__");
    }

    private static boolean contains(byte[] hay, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int k = 0; k < n.length; k++) if (hay[i + k] != n[k]) continue outer;
            return true;
        }
        return false;
    }

    /**
     * The parameters of {@code block} (a network built for {@code spec}) by their portable names,
     * in the block's order.
     */
    public static Map<String, Parameter> named(Block block, LearnerSpec spec) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        var children = block.getChildren();
        boolean resnetClassifier = spec.task() == LearnerSpec.Task.CLASSIFICATION && spec.backbone() != Backbone.MOBILENET_V2;
        String head = switch (spec.task()) {
            case CLASSIFICATION -> spec.backbone() == Backbone.MOBILENET_V2 ? "mobilenet_v2" : "classifier";
            case SEGMENTATION -> "unet";
            case DETECTION -> "ssd";
        };
        for (Pair<String, Parameter> p : block.getDirectParameters()) out.put(head + "." + p.getKey(), p.getValue());
        for (int i = 0; i < children.size(); i++) {
            String raw = children.keyAt(i);
            String top;
            if (resnetClassifier && i == 0) top = "backbone.stem";
            else if (resnetClassifier && i <= 4) top = "backbone.stage" + i;
            else if (!resnetClassifier && raw.matches("\\d\\d(stem|stage[1-4])")) top = "backbone." + raw.substring(2);
            else top = head + "." + raw;
            collect(children.valueAt(i), top, out);
        }
        return out;
    }

    private static void collect(Block b, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : b.getDirectParameters()) out.put(prefix + "." + p.getKey(), p.getValue());
        var children = b.getChildren();
        for (int i = 0; i < children.size(); i++) collect(children.valueAt(i), prefix + "." + children.keyAt(i), out);
    }

    /**
     * Writes {@code block}'s parameters (a network built for {@code spec}) as named arrays in a
     * {@code .npz} file; only the backbone's when {@code backboneOnly}.
     */
    public static void exportNamed(Block block, LearnerSpec spec, Path file, boolean backboneOnly) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, Parameter> e : named(block, spec).entrySet()) {
            if (backboneOnly && !e.getKey().startsWith("backbone.")) continue;
            NDArray a = e.getValue().getArray().duplicate();
            a.setName(e.getKey());
            list.add(a);
        }
        try {
            AtomicFiles.write(file, out -> list.encode(out, NDList.Encoding.NPZ));
        } finally {
            list.close();
        }
    }

    /**
     * Copies weights from {@code uri} into the initialised network {@code target} (built for
     * {@code spec}): all names when {@code backboneOnly} is false, else only {@code backbone.*}.
     * {@code option} names the setting in messages ({@code init_weights}, {@code pretrained_uri}).
     */
    public static Result load(Block target, LearnerSpec spec, String uri, boolean backboneOnly, String option,
                              Consumer<String> log) {
        byte[] bytes = read(uri, option);
        if (isTorchScript(bytes)) {
            throw new RvException(option + " " + uri + " is a TorchScript module; give it as init_weights (it then becomes"
                    + " the network), not as " + option);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> source = source(bytes, spec, uri, option, m);
            Map<String, Parameter> want = named(target, spec);
            if (backboneOnly) want.keySet().removeIf(k -> !k.startsWith("backbone."));
            if (want.isEmpty()) {
                throw new RvException(option + " " + uri + ": the " + spec.backbone().name().toLowerCase()
                        + " network has no parameters rv matches by backbone name; give its weights as init_weights");
            }
            int fileCount = source.size();
            if (backboneOnly) source.keySet().removeIf(k -> !k.startsWith("backbone."));
            // Check every shape before copying anything: a misfit leaves the network untouched.
            int matched = 0;
            for (Map.Entry<String, Parameter> e : want.entrySet()) {
                NDArray src = source.get(e.getKey());
                if (src == null) continue;
                NDArray dst = e.getValue().getArray();
                if (!src.getShape().equals(dst.getShape())) {
                    throw new RvException(option + " " + uri + " does not fit the model: parameter '" + e.getKey() + "' is "
                            + src.getShape() + " in the file but " + dst.getShape() + " in the model (backbone "
                            + spec.backbone().name().toLowerCase() + " x" + spec.widthMult() + ", " + spec.bands() + " bands, "
                            + spec.numClasses() + " classes); use weights of the same backbone, width and band count");
                }
                matched++;
            }
            if (matched == 0) {
                throw new RvException(option + " " + uri + ": none of its " + fileCount + " parameters matches the model's "
                        + want.size() + (backboneOnly ? " backbone" : "") + " parameters (names like '"
                        + want.keySet().iterator().next() + "'); give rv model weights or a file written by InitWeights.exportNamed");
            }
            for (Map.Entry<String, Parameter> e : want.entrySet()) {
                NDArray src = source.get(e.getKey());
                if (src == null) continue;
                NDArray dst = e.getValue().getArray();
                dst.set(src.toType(dst.getDataType(), false).toByteBuffer());
            }
            Result r = new Result(matched, want.size(), fileCount);
            String what = backboneOnly ? "backbone parameters" : "parameters";
            log.accept(option + " " + uri + ": loaded " + matched + " of the model's " + want.size() + " " + what
                    + (matched < want.size() ? " (the other " + (want.size() - matched) + " keep their random initialisation)" : ""));
            return r;
        }
    }

    /** The file's arrays by portable name. */
    private static Map<String, NDArray> source(byte[] bytes, LearnerSpec spec, String uri, String option, NDManager m) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        if (isNamedArrays(bytes)) {
            NDList list;
            try {
                list = NDList.decode(m, bytes);
            } catch (RuntimeException e) {
                if (isTorchPickle(bytes)) {
                    throw new RvException(option + " " + uri + " is a pickled PyTorch file (torch.save), which rv cannot read;"
                            + " save the module with torch.jit.script(...).save(...) or its tensors with numpy.savez(...)", e);
                }
                throw new RvException(option + " " + uri + " is not a readable .npz/.safetensors file: " + e.getMessage(), e);
            }
            for (NDArray a : list) {
                if (a.getName() == null || a.getName().isEmpty()) {
                    throw new RvException(option + " " + uri + " holds unnamed arrays; parameters are matched by name");
                }
                out.put(a.getName(), a);
            }
            return out;
        }
        // An rv model file (DJL's block format): first as this very network, else as the network its learner.json names.
        Block same = Models.build(spec);
        if (tryLoad(same, m, bytes) == null) {
            named(same, spec).forEach((k, p) -> out.put(k, p.getArray()));
            return out;
        }
        String specUri = sibling(uri, TrainLoop.SPEC_FILE);
        LearnerSpec other = null;
        if (specUri != null && FileSystems.exists(specUri)) {
            try {
                other = LearnerSpec.JSON.readValue(read(specUri, option), LearnerSpec.class);
            } catch (IOException e) {
                throw new RvException("cannot read " + specUri + " (the network of " + option + " " + uri + "): " + e.getMessage(), e);
            }
        }
        if (other == null) {
            throw new RvException(option + " " + uri + " is not the weights of this model (" + spec.backbone().name().toLowerCase()
                    + " x" + spec.widthMult() + " " + spec.task().name().toLowerCase() + ", " + spec.bands() + " bands, "
                    + spec.numClasses() + " classes) and has no " + TrainLoop.SPEC_FILE
                    + " beside it saying which network it holds; give a model file from a train folder or bundle, or named arrays (.npz)");
        }
        if (other.torchscript() != null) throw new RvException(option + " " + uri + " holds a TorchScript network; give its model.pt as init_weights");
        Block theirs = Models.build(other);
        String err = tryLoad(theirs, m, bytes);
        if (err != null) throw new RvException(option + " " + uri + " is corrupt or does not match its " + specUri + ": " + err);
        named(theirs, other).forEach((k, p) -> out.put(k, p.getArray()));
        return out;
    }

    private static boolean isNamedArrays(byte[] b) {
        if (b.length >= 2 && b[0] == 'P' && b[1] == 'K') return true; // .npz
        if (b.length < 10) return false;
        long n = java.nio.ByteBuffer.wrap(b, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return b[8] == '{' && n >= 2 && n <= b.length - 8 && b[(int) (8 + n - 1)] == '}'; // .safetensors
    }

    /** Whether a zip holds a pickled PyTorch object ({@code torch.save}), not numpy arrays. */
    private static boolean isTorchPickle(byte[] bytes) {
        return contains(bytes, "data.pkl");
    }

    /** Loads DJL-format bytes into {@code block}; null on success, else why not. */
    private static String tryLoad(Block block, NDManager m, byte[] bytes) {
        try {
            block.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes)));
            return null;
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The URI of {@code name} in the same folder (or zip) as {@code uri}; null when there is none. */
    static String sibling(String uri, String name) {
        int slash = uri.lastIndexOf('/');
        return slash < 0 ? name : uri.substring(0, slash + 1) + name;
    }
}
