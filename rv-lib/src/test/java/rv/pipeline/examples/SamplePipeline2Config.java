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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Example 2 of the Raster Vision pipeline docs: Example 1 with a nested, replaceable message maker config. */
@ConfigType("sample_pipeline2")
public record SamplePipeline2Config(String rootUri, Object rvConfig, Map<String, Integer> pluginVersions,
                                    @Required List<String> names, List<String> messageUris,
                                    @Required MessageMakerConfig messageMaker) implements PipelineConfig {

    public SamplePipeline2Config {
        names = Copies.list(names);
        messageUris = Copies.list(messageUris);
    }

    public static Builder builder() {
        return new Builder(new SamplePipeline2Config(null, null, null, List.of("alice", "bob"), null,
                BasicMessageMakerConfig.builder().draft()));
    }

    public Builder toBuilder() { return new Builder(this); }

    @Override
    public SamplePipeline2Config update() {
        if (messageUris != null) return this;
        List<String> uris = new ArrayList<>();
        for (String n : names) uris.add(Uris.join(rootUri, n + ".txt"));
        return toBuilder().messageUris(uris).build();
    }

    @Override
    public Pipeline build(PipelineContext ctx) {
        List<PipelineCommand> cmds = List.of(
                new PipelineCommand("save_messages", true, false, List.of(), messageUris, (i, n) -> {
                    List<Integer> idx = new ArrayList<>();
                    for (int k = 0; k < names.size(); k++) idx.add(k);
                    for (int k : PipelineEngine.splitGroup(idx, i, n)) {
                        Files2.strToFile(messageMaker.makeMessage(names.get(k)), messageUris.get(k));
                        ctx.out().println("Saved message to " + messageUris.get(k));
                    }
                }),
                new PipelineCommand("print_messages", false, false, messageUris, List.of(), (i, n) -> {
                    for (String uri : messageUris) ctx.out().println(Files2.fileToStr(uri));
                }));
        return () -> cmds;
    }

    public static final class Builder extends ConfigBuilder<SamplePipeline2Config, Builder> {
        Builder(SamplePipeline2Config d) { super(d, Builder::new); }
        public Builder rootUri(String v) { return set("rootUri", v); }
        public Builder names(List<String> v) { return set("names", v); }
        public Builder messageUris(List<String> v) { return set("messageUris", v); }
        public Builder messageMaker(MessageMakerConfig v) { return set("messageMaker", v); }
    }
}
