// rv's JShell start-up (bin/rv jshell): the notebook API without a notebook. Values print as text;
// Rv.save(x, "x.png" | "x.html") writes the rich form (images, maps, tables) to a file.
import java.nio.file.*;
import rv.notebook.Rv;
import rv.notebook.RunResult;
import rv.viz.*;
import rv.core.ClassConfig;
import rv.pipeline.PipelineConfig;
System.out.println("rv JShell: Rv.run(config, \"train\"), Rv.show(x), Rv.save(x, \"x.png\"), Rv.magic(\"help\"); /exit to leave");
