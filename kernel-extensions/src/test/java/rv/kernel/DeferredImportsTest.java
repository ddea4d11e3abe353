package rv.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** rv's default imports are added after the first cell, or before it when that cell names them. */
class DeferredImportsTest {

    @Test
    void firstCellThatNamesAnRvTypeCompiles() throws Exception {
        RvKernel kernel = new RvKernel(null);
        try {
            assertThat(kernel.runCell("LeafletMap.class.getName()", "In [1]").value()).isEqualTo("rv.viz.LeafletMap");
        } finally {
            kernel.evaluator().close();
        }
    }

    @Test
    void rvTypesAreImportedAfterAFirstCellThatDoesNotNameThem() throws Exception {
        RvKernel kernel = new RvKernel(null);
        try {
            assertThat(kernel.runCell("1 + 1", "In [1]").value()).isEqualTo(2);
            assertThat(kernel.rvImportsInstalled()).isFalse(); // the first result did not wait for them
            kernel.afterCell();
            assertThat(kernel.rvImportsInstalled()).isTrue();
            assertThat(kernel.runCell("var c = SceneView.class; c.getName()", "In [2]").value())
                    .isEqualTo("rv.viz.SceneView");
            assertThat(kernel.runCell("RunResult.class.getSimpleName() + Rv.class.getSimpleName()", "In [3]").value())
                    .isEqualTo("RunResultRv");
        } finally {
            kernel.evaluator().close();
        }
    }
}
