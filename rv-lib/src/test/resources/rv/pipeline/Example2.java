import rv.pipeline.PipelineConfig;
import rv.pipeline.examples.BasicMessageMakerConfig;
import rv.pipeline.examples.SamplePipeline2Config;

import java.util.List;
import java.util.Map;

/** Example 2 of the Raster Vision pipeline docs, as a Java config source. */
public class Example2 {
    public static PipelineConfig getConfig(String runner, Map<String, String> args) {
        List<String> names = List.of("alice", "bob", "susan");
        // Same as before except we can set the greeting to be 'hola' instead of 'hello'.
        var messageMaker = BasicMessageMakerConfig.builder().greeting("hola").build();
        return SamplePipeline2Config.builder().rootUri(args.get("root_uri")).names(names).messageMaker(messageMaker).build();
    }
}
