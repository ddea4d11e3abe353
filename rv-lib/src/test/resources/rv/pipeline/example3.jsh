// Example 3 of the Raster Vision pipeline docs: the plugin's DeluxeMessageMakerConfig with level 3.
// No getConfig here: the value of the last expression is the config; `args` holds the -a arguments.
import rv.pipeline.examples.*;

var names = List.of("alice", "bob", "susan");
var messageMaker = DeluxeMessageMakerConfig.builder().greeting("hola").level(3).build();
SamplePipeline2Config.builder().rootUri(args.get("root_uri")).names(names).messageMaker(messageMaker).build()
