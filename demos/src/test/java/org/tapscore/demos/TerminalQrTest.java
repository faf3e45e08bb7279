package org.tapscore.demos;

import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The half-block drawing holds exactly the code's modules, two rows per line. */
class TerminalQrTest {

    @Test
    void everyModuleIsDrawn() {
        String url = "http://localhost:8080/r/3q2-7wEw_abcdefghijklmnopqrstuvwxyz0123456";
        BitMatrix matrix = TerminalQr.matrix(url);
        String[] lines = TerminalQr.renderPlain(url).split("\n");
        assertEquals((matrix.getHeight() + 1) / 2, lines.length);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                char c = lines[y / 2].charAt(x);
                boolean drawn = y % 2 == 0 ? c == '█' || c == '▀' : c == '█' || c == '▄';
                assertEquals(matrix.get(x, y), drawn, "module " + x + "," + y);
            }
        }
    }
}
