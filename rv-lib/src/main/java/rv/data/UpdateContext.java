package rv.data;

/**
 * What scene-level configs need from their pipeline while {@code update()} fills implied values:
 * the output URIs and the training chip size. Implemented by the RV pipeline configs.
 */
public interface UpdateContext {
    String rootUri();
    String analyzeUri();
    String predictUri();
    String evalUri();
    Integer trainChipSz();
}
