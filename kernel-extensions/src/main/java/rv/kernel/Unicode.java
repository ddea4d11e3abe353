package rv.kernel;

/** Jupyter counts cursor positions in code points; Java strings index UTF-16 units. */
final class Unicode {
    private Unicode() {}

    static int toCharIndex(String s, int codePoints) {
        int cp = Math.max(0, Math.min(codePoints, s.codePointCount(0, s.length())));
        return s.offsetByCodePoints(0, cp);
    }

    static int toCodePointIndex(String s, int charIndex) {
        return s.codePointCount(0, Math.max(0, Math.min(charIndex, s.length())));
    }
}
