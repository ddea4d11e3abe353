package rv.magics;

import rv.viz.DisplayHandle;
import rv.viz.DisplaySink;
import rv.viz.MimeBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A display sink that records every display and update, as a kernel would publish them. */
final class RecordingSink implements DisplaySink {
    final Map<String, List<MimeBundle>> byId = new LinkedHashMap<>();

    @Override
    public synchronized DisplayHandle show(MimeBundle bundle) {
        String id = "d" + byId.size();
        byId.put(id, new ArrayList<>(List.of(bundle)));
        return new DisplayHandle() {
            @Override public String id() { return id; }

            @Override public void update(MimeBundle b) {
                synchronized (RecordingSink.this) {
                    byId.get(id).add(b);
                }
            }
        };
    }

    synchronized MimeBundle last(String id) {
        List<MimeBundle> l = byId.get(id);
        return l.get(l.size() - 1);
    }
}
