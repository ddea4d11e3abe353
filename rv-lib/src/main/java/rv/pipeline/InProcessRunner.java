package rv.pipeline;

import java.io.PrintStream;

/** Runs every due command in this JVM, splits one after the other (Raster Vision's {@code inprocess}). */
public final class InProcessRunner implements Runner {

    @Override
    public String name() { return "inprocess"; }

    @Override
    public void run(RunRequest r) throws Exception {
        PrintStream out = r.context().out();
        for (PipelineEngine.Step step : r.steps()) {
            PipelineCommand c = step.command();
            if (!step.runsOrReportsSkip(out)) continue;
            PipelineEngine.clearDone(c);
            int n = c.split() ? r.splits() : 1;
            for (int i = 0; i < n; i++) PipelineEngine.runCommand(r.pipeline(), c.name(), i, n, out);
            PipelineEngine.markDone(c);
        }
    }
}
