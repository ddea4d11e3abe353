package rv.learn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import rv.core.RvException;
import rv.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam, AdamW and SGD with momentum whose state — the moment tensors and the per-parameter step
 * counts — can be written with a checkpoint and read back on resume, keyed by parameter name.
 * DJL's own optimizers keep that state in private maps keyed by per-run parameter ids, so a resumed
 * run would restart Adam's moments from zero. The update itself is the engine's fused op that DJL's
 * optimizers call, with their defaults (β 0.9/0.999, ε 1e-8; AdamW weight decay 0.01; SGD momentum 0.9).
 */
public final class ResumableOptimizer extends Optimizer {
    private static final String MAGIC = "rv-optimizer-state";
    private static final int VERSION = 1;

    /** The update rules. */
    public enum Kind { ADAM, ADAMW, SGD }

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final float MOMENTUM = 0.9f;

    private final Kind kind;
    private final ParameterTracker lr;
    /** State tensors by parameter id: Adam (mean, variance), SGD (momentum). */
    private final Map<String, NDArray[]> state = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();

    private ResumableOptimizer(Kind kind, ParameterTracker lr, float weightDecay) {
        super(new Builder().optWeightDecays(weightDecay));
        this.kind = kind;
        this.lr = lr;
    }

    /** The optimizer named {@code name} (adam, adamw, sgd) with learning rates from {@code lr}. */
    public static ResumableOptimizer of(String name, ParameterTracker lr) {
        String o = name == null ? "adam" : name.toLowerCase(java.util.Locale.ROOT);
        return switch (o) {
            case "adam" -> new ResumableOptimizer(Kind.ADAM, lr, 0f);
            case "adamw" -> new ResumableOptimizer(Kind.ADAMW, lr, 0.01f);
            case "sgd" -> new ResumableOptimizer(Kind.SGD, lr, 0f);
            default -> throw new RvException("optimizer must be adam, adamw or sgd, got '" + name + "'");
        };
    }

    public Kind kind() { return kind; }

    /**
     * Updates every trainable parameter of {@code block} once from its gradient, in place: what
     * {@code Trainer.step()} does on one device, without its per-parameter gradient copy (DJL's local
     * parameter server duplicates each gradient before calling {@link #update}). The fused update op
     * zeroes the parameter's gradient afterwards, so the next backward starts from zero as in DJL.
     */
    public void step(Block block) {
        for (Parameter p : parameters(block)) {
            if (!p.requiresGradient()) continue;
            NDArray weight = p.getArray();
            // A fresh handle on the gradient tensor (shared storage, no copy); closing it frees only the handle.
            try (NDArray grad = weight.getGradient()) {
                update(p.getId(), weight, grad);
            }
        }
    }

    private Block parametersOf;
    private List<Parameter> parameters = List.of();

    /** {@code block}'s parameters, collected once per block (their arrays are read at each step). */
    private List<Parameter> parameters(Block block) {
        if (block != parametersOf) {
            List<Parameter> list = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) list.add(p.getValue());
            parameters = List.copyOf(list);
            parametersOf = block;
        }
        return parameters;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        float rate = lr.getNewValue(parameterId, t);
        float wd = getWeightDecay();
        if (!Float.isFinite(rate)) throw new IllegalStateException("learning rate is " + rate + " at step " + t);
        if (kind == Kind.SGD) {
            NDArray mom = state.computeIfAbsent(parameterId, k -> new NDArray[] {weight.zerosLike()})[0];
            weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad, mom), new NDList(weight), rate, wd,
                    rescaleGrad, clipGrad, MOMENTUM, true);
            return;
        }
        NDArray[] mv = state.computeIfAbsent(parameterId, k -> new NDArray[] {weight.zerosLike(), weight.zerosLike()});
        double c1 = 1.0 - Math.pow(BETA1, t), c2 = 1.0 - Math.pow(BETA2, t);
        float corrected = (float) (rate * Math.sqrt(c2) / c1);
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mv[0], mv[1]), new NDList(weight), rate, corrected,
                wd, rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, kind == Kind.ADAMW);
    }

    /** Writes the state of {@code block}'s parameters atomically to {@code file}. */
    public void save(Block block, Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) names.put(p.getValue().getId(), p.getKey());
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
            d.writeUTF(MAGIC);
            d.writeInt(VERSION);
            d.writeUTF(kind.name());
            int n = 0;
            for (String id : names.keySet()) if (steps.containsKey(id)) n++;
            d.writeInt(n);
            for (Map.Entry<String, String> e : names.entrySet()) {
                Integer t = steps.get(e.getKey());
                if (t == null) continue;
                d.writeUTF(e.getValue());
                d.writeInt(t);
                NDArray[] s = state.get(e.getKey());
                d.writeInt(s.length);
                for (NDArray a : s) {
                    byte[] b = a.encode();
                    d.writeInt(b.length);
                    d.write(b);
                }
            }
            d.flush();
        });
    }

    /**
     * Restores state written by {@link #save} for {@code block} (matched by parameter name), the
     * tensors in {@code manager}. Returns the number of parameters restored.
     */
    public int load(Block block, NDManager manager, Path file) {
        Map<String, Parameter> byName = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) byName.put(p.getKey(), p.getValue());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream d = new DataInputStream(in);
            if (!MAGIC.equals(d.readUTF()) || d.readInt() != VERSION) throw new IOException("not an rv optimizer state file");
            String k = d.readUTF();
            if (!k.equals(kind.name())) {
                throw new RvException("optimizer state " + file + " is for " + k.toLowerCase() + " but this run uses "
                        + kind.name().toLowerCase() + "; resume with the same optimizer or delete the checkpoint folder");
            }
            int n = d.readInt();
            for (int i = 0; i < n; i++) {
                String name = d.readUTF();
                int t = d.readInt();
                NDArray[] s = new NDArray[d.readInt()];
                for (int j = 0; j < s.length; j++) {
                    byte[] b = new byte[d.readInt()];
                    d.readFully(b);
                    s[j] = manager.decode(b);
                }
                Parameter p = byName.get(name);
                if (p == null) {
                    throw new RvException("optimizer state " + file + " has parameter '" + name
                            + "' that the model lacks; the checkpoint belongs to another network (delete the checkpoint folder to start over)");
                }
                steps.put(p.getId(), t);
                state.put(p.getId(), s);
            }
            return n;
        } catch (IOException e) {
            throw new RvException("cannot read optimizer state " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
