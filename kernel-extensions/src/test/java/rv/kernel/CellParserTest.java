package rv.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CellParserTest {

    @Test
    void lineMagicsSplitTheCodeAndKeepLineNumbers() {
        List<CellParser.Part> parts = CellParser.parse("int a = 1;\n%maven g:a:1 'x y'\nint b = 2;\nb");
        assertThat(parts).containsExactly(
                new CellParser.Code("int a = 1;", 1),
                new CellParser.LineMagic("maven", List.of("g:a:1", "x y"), "g:a:1 'x y'", 2),
                new CellParser.Code("int b = 2;\nb", 3));
    }

    @Test
    void cellMagicTakesTheWholeBody() {
        assertThat(CellParser.parse("%%html\n<b>x</b>\n% not a magic"))
                .containsExactly(new CellParser.CellMagic("html", List.of(), "", "<b>x</b>\n% not a magic"));
    }

    @Test
    void moduloAtLineStartIsNotAMagic() {
        assertThat(CellParser.parse("int r = 7\n  % 3;")).containsExactly(new CellParser.Code("int r = 7\n  % 3;", 1));
    }

    @Test
    void blankMagicsKeepsOffsets() {
        String cell = "%jars a.jar\nMath.ab";
        assertThat(CellParser.blankMagics(cell)).hasSameSizeAs(cell).endsWith("\nMath.ab").startsWith("           \n");
    }
}
