package rv.task.commands;

import java.util.ArrayList;
import java.util.List;

/** Which items a split works on: item i goes to split {@code i mod numSplits}. */
final class Splits {
    private Splits() {}

    static <T> List<T> of(List<T> items, int splitInd, int numSplits) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) if (i % Math.max(1, numSplits) == splitInd) out.add(items.get(i));
        return out;
    }
}
