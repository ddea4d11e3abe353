// Example 1 of the Raster Vision pipeline docs, as a JShell config script.
import rv.pipeline.examples.*;

PipelineConfig getConfig(String runner, Map<String, String> args) {
    // Like RV's get_config(runner, root_uri): -a root_uri DIR arrives in args.
    List<String> names = List.of("alice", "bob", "susan");
    return SamplePipelineConfig.builder().rootUri(args.get("root_uri")).names(names).build();
}
