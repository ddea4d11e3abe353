package rv.magics;

import rv.core.progress.Progress;
import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineCommand;
import rv.pipeline.PipelineConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.Required;
import rv.pipeline.Uris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A test pipeline: {@code count} reports {@code steps} progress steps and writes {@code count.txt};
 * {@code eval} writes an {@code eval/eval.json} in Raster Vision's layout.
 */
@ConfigType("test_counting")
public record CountingPipelineConfig(@Required String rootUri, Object rvConfig, Map<String, Integer> pluginVersions,
                                     @Required Integer steps) implements PipelineConfig {

    public static Builder builder() { return new Builder(new CountingPipelineConfig(null, null, null, 10)); }

    @Override
    public Pipeline build(PipelineContext ctx) {
        String count = Uris.join(rootUri, "count.txt");
        String eval = Uris.join(rootUri, "eval/eval.json");
        List<PipelineCommand> cmds = List.of(
                PipelineCommand.of("count", List.of(), List.of(count), (i, n) -> {
                    try (Progress.Task t = ctx.progress().start("counting", steps)) {
                        for (int k = 0; k < Math.abs(steps); k++) t.advance(1);
                        if (steps < 0) throw new IllegalStateException("negative steps: failing on purpose");
                    }
                    Files.writeString(Path.of(count), String.valueOf(steps));
                }),
                PipelineCommand.of("eval", List.of(count), List.of(eval), (i, n) -> {
                    Files.createDirectories(Path.of(eval).getParent());
                    Files.writeString(Path.of(eval), "[{\"class_id\": 0, \"class_name\": \"thing\", \"precision\": 0.5, \"recall\": 0.25, "
                            + "\"f1\": 0.3333, \"gt_count\": " + steps + ", \"count_error\": 0.0},"
                            + "{\"class_id\": -1, \"class_name\": \"average\", \"precision\": 0.5, \"recall\": 0.25, \"f1\": 0.3333, "
                            + "\"gt_count\": " + steps + ", \"count_error\": 0.0}]");
                }));
        return () -> cmds;
    }

    public static final class Builder extends ConfigBuilder<CountingPipelineConfig, Builder> {
        Builder(CountingPipelineConfig d) { super(d, Builder::new); }
        public Builder rootUri(String v) { return set("rootUri", v); }
        public Builder steps(Integer v) { return set("steps", v); }
    }
}
