package rv.eval;

import rv.data.UpdateContext;
import rv.pipeline.Config;

import java.util.List;

/** Config of an evaluator run by the EVAL command. */
public interface EvaluatorConfig extends Config {
    String outputUri();

    default EvaluatorConfig update(UpdateContext pipeline) { return this; }

    /** Files this evaluator writes (the EVAL command's outputs). */
    default List<String> outputUris() { return outputUri() == null ? List.of() : List.of(outputUri()); }
}
