package rv.pipeline;

import rv.core.progress.Progress;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What a running pipeline may use besides its config: a scratch folder, the stream for user-facing
 * output (what Raster Vision prints), the RV settings and the progress reporter.
 */
public record PipelineContext(Path tmpDir, PrintStream out, RvSettings settings, Progress progress) {}
