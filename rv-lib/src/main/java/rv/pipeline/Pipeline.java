package rv.pipeline;

import rv.core.RvException;

import java.util.List;

/**
 * A sequence of named commands sharing one {@link PipelineConfig}, like Raster Vision's
 * {@code Pipeline}: {@code commands} in the order they run, some of them splittable into parallel
 * parts and some preferring a GPU. Each command declares the files it reads and writes; a command
 * whose outputs all exist is complete.
 */
public interface Pipeline {

    /** The commands, in the order they run. */
    List<PipelineCommand> commands();

    /** Names of {@link #commands()}. */
    default List<String> commandNames() {
        return commands().stream().map(PipelineCommand::name).toList();
    }

    /** Names of the commands that can be split into parallel parts. */
    default List<String> splitCommands() {
        return commands().stream().filter(PipelineCommand::split).map(PipelineCommand::name).toList();
    }

    /** Names of the commands that use a GPU when there is one. */
    default List<String> gpuCommands() {
        return commands().stream().filter(PipelineCommand::gpu).map(PipelineCommand::name).toList();
    }

    /** The command called {@code name}; an {@link RvException} listing the known ones otherwise. */
    default PipelineCommand command(String name) {
        for (PipelineCommand c : commands()) if (c.name().equals(name)) return c;
        throw new RvException("unknown command '" + name + "'; this pipeline has: " + String.join(", ", commandNames()));
    }
}
