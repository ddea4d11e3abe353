package rv.pipeline.examples;

import rv.pipeline.ConfigBuilder;
import rv.pipeline.ConfigType;
import rv.pipeline.Copies;
import rv.pipeline.Pipeline;
import rv.pipeline.PipelineCommand;
import rv.pipeline.PipelineConfig;
import rv.pipeline.PipelineContext;
import rv.pipeline.PipelineEngine;
import rv.pipeline.Required;
import rv.pipeline.Uris;

import java.util.List;
import java.util.Map;

/**
 * A test pipeline whose every command has outputs: {@code first} writes {@code first.txt};
 * {@code middle} (split) writes one file per item into the folder {@code middle/}; {@code last} reads
 * them and writes {@code last.txt}. With {@code pause_after_first_item} the middle command stops for a
 * minute after its first file, so a test can kill the process mid-command.
 */
@ConfigType("test_chain")
public record ChainPipelineConfig(@Required String rootUri, Object rvConfig, Map<String, Integer> pluginVersions,
                                  @Required List<String> items, @Required Boolean pauseAfterFirstItem) implements PipelineConfig {

    public ChainPipelineConfig {
        items = Copies.list(items);
    }

    public static Builder builder() {
        return new Builder(new ChainPipelineConfig(null, null, null, List.of("x", "y", "z"), false));
    }

    @Override
    public Pipeline build(PipelineContext ctx) {
        String first = Uris.join(rootUri, "first.txt");
        String middle = Uris.join(rootUri, "middle") + "/";
        String last = Uris.join(rootUri, "last.txt");
        List<PipelineCommand> cmds = List.of(
                PipelineCommand.of("first", List.of(), List.of(first), (i, n) -> {
                    Files2.strToFile(String.join(",", items), first);
                    ctx.out().println("wrote " + first);
                }),
                new PipelineCommand("middle", true, false, List.of(first), List.of(middle), (i, n) -> {
                    for (String item : PipelineEngine.splitGroup(items, i, n)) {
                        Files2.strToFile(item.toUpperCase(), middle + item + ".txt");
                        ctx.out().println("wrote " + middle + item + ".txt");
                        if (pauseAfterFirstItem) {
                            ctx.out().println("PAUSED");
                            ctx.out().flush();
                            Thread.sleep(60_000);
                        }
                    }
                }),
                PipelineCommand.of("last", List.of(middle), List.of(last), (i, n) -> {
                    StringBuilder sb = new StringBuilder();
                    for (String item : items) sb.append(Files2.fileToStr(middle + item + ".txt"));
                    Files2.strToFile(sb.toString(), last);
                    ctx.out().println("wrote " + last);
                }));
        return () -> cmds;
    }

    public static final class Builder extends ConfigBuilder<ChainPipelineConfig, Builder> {
        Builder(ChainPipelineConfig d) { super(d, Builder::new); }
        public Builder rootUri(String v) { return set("rootUri", v); }
        public Builder items(List<String> v) { return set("items", v); }
        public Builder pauseAfterFirstItem(Boolean v) { return set("pauseAfterFirstItem", v); }
    }
}
