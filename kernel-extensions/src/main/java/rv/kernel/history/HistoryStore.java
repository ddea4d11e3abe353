package rv.kernel.history;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cell history across kernel runs, appended as JSON lines to one file. Each kernel run is a new
 * session; lines count from 1 within a session, as in IPython's history database.
 */
public final class HistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

    /** One stored cell: session, line, source and its text output (may be null). */
    public record Entry(int session, int line, String source, String output) {}

    private final Object lock = new Object();
    private final Path file;
    private final List<Entry> entries = new ArrayList<>(); // guarded by lock
    private final int session;

    public HistoryStore(Path file) {
        this.file = file;
        int last = 0;
        if (file != null && Files.isReadable(file)) {
            try {
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (l.isBlank()) continue;
                    try {
                        JsonObject o = JsonParser.parseString(l).getAsJsonObject();
                        Entry e = new Entry(o.get("session").getAsInt(), o.get("line").getAsInt(),
                                o.get("source").getAsString(),
                                o.has("output") && !o.get("output").isJsonNull() ? o.get("output").getAsString() : null);
                        entries.add(e);
                        last = Math.max(last, e.session());
                    } catch (RuntimeException bad) {
                        LOG.debug("skipping a bad history line in {}", file);
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot read history {}: {}", file, e.toString());
            }
        }
        this.session = last + 1;
    }

    /** The default file: {@code $RV_KERNEL_HISTORY}, else {@code $XDG_DATA_HOME/rv-kernel/history.jsonl}. */
    public static Path defaultFile() {
        String explicit = System.getenv("RV_KERNEL_HISTORY");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("rv-kernel").resolve("history.jsonl");
    }

    public int session() {
        return session;
    }

    /** Records a cell of this session and appends it to the file. */
    public void add(int line, String source, String output) {
        Entry e = new Entry(session, line, source, output);
        synchronized (lock) {
            entries.add(e);
            if (file == null) return;
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                JsonObject o = new JsonObject();
                o.addProperty("session", e.session());
                o.addProperty("line", e.line());
                o.addProperty("source", e.source());
                o.addProperty("output", e.output());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    w.write(o.toString());
                    w.write('\n');
                }
            } catch (IOException ex) {
                LOG.warn("cannot append to history {}: {}", file, ex.toString());
            }
        }
    }

    /** The last {@code n} entries over all sessions, oldest first. */
    public List<Entry> tail(int n) {
        synchronized (lock) {
            int from = Math.max(0, entries.size() - Math.max(0, n));
            return List.copyOf(entries.subList(from, entries.size()));
        }
    }

    /**
     * Entries of {@code session} with {@code start <= line < stop}; session 0 or less counts back from
     * the current one (0 = current), stop 0 or less means "to the end".
     */
    public List<Entry> range(int session, int start, int stop) {
        int s = session <= 0 ? this.session + session : session;
        synchronized (lock) {
            return entries.stream().filter(e -> e.session() == s && e.line() >= start && (stop <= 0 || e.line() < stop))
                    .toList();
        }
    }

    /** Glob search ({@code *}, {@code ?}, whole source) of the last {@code n} matches (n ≤ 0: all). */
    public List<Entry> search(String glob, int n, boolean unique) {
        Pattern p = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = new ArrayList<>();
        synchronized (lock) {
            for (Entry e : entries) if (p.matcher(e.source()).matches()) matches.add(e);
        }
        if (unique) {
            Map<String, Entry> last = new LinkedHashMap<>();
            for (Entry e : matches) {
                last.remove(e.source());
                last.put(e.source(), e);
            }
            matches = new ArrayList<>(last.values());
        }
        if (n > 0 && matches.size() > n) matches = matches.subList(matches.size() - n, matches.size());
        return List.copyOf(matches);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
