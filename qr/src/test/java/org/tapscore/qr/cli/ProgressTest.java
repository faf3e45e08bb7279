package org.tapscore.qr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String run(boolean terminal, int total) {
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, total);
        for (int done = 1; done <= total; done++) {
            progress.update(done);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainOutputIsOneLinePerTenPercent() {
        List<String> lines = run(false, 1000).lines().toList();
        assertEquals(10, lines.size());
        assertEquals("100/1000 locations done", lines.get(0));
        assertEquals("1000/1000 locations done", lines.get(9));
        assertFalse(String.join("", lines).contains("\r"));
    }

    @Test
    void smallBatchesStillEndWithTheTotal() {
        assertEquals(List.of("1/3 locations done", "2/3 locations done", "3/3 locations done"),
                run(false, 3).lines().toList());
    }

    @Test
    void terminalOutputRedrawsOneBar() {
        String out = run(true, 200);
        assertTrue(out.startsWith("\r[------------------------------] 0% 1/200"), out);
        assertTrue(out.endsWith("\r[##############################] 100% 200/200" + System.lineSeparator()), out);
        // Redrawn once per percent, not once per row; one line break at the very end.
        assertEquals(101, out.chars().filter(c -> c == '\r').count());
        assertEquals(1, out.chars().filter(c -> c == '\n').count());
    }
}
