package rv.pipeline;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small reflective helpers over config records (component access, copy-with-one-change). */
final class Records {
    private Records() {}

    private static final Map<Class<?>, Constructor<?>> CTORS = new ConcurrentHashMap<>();

    static Object get(Record r, RecordComponent rc) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass().getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R construct(Class<R> type, Object[] args) {
        Constructor<?> ctor = CTORS.computeIfAbsent(type, t -> {
            Class<?>[] types = Arrays.stream(t.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> c = t.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(t.getName() + " has no canonical constructor", e);
            }
        });
        try {
            return (R) ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code r} with the component named {@code component} (camelCase) replaced by {@code value}. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R r, String component, Object value) {
        RecordComponent[] rcs = r.getClass().getRecordComponents();
        Object[] args = new Object[rcs.length];
        boolean found = false;
        for (int i = 0; i < rcs.length; i++) {
            if (rcs[i].getName().equals(component)) {
                args[i] = value;
                found = true;
            } else {
                args[i] = get(r, rcs[i]);
            }
        }
        if (!found) throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no field " + component);
        return construct((Class<R>) r.getClass(), args);
    }
}
