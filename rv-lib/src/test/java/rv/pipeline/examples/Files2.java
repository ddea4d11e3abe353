package rv.pipeline.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** File helpers of the sample pipelines (RV's str_to_file / file_to_str), writing atomically. */
final class Files2 {
    private Files2() {}

    static void strToFile(String text, String uri) {
        try {
            Path target = Path.of(uri);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileToStr(String uri) {
        try {
            return Files.readString(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
