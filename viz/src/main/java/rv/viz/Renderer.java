package rv.viz;

/** Turns values of one type into a {@link MimeBundle}. */
@FunctionalInterface
public interface Renderer<T> {
    MimeBundle render(T value);
}
