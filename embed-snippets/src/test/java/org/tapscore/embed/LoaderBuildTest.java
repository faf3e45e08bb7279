package org.tapscore.embed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The minified loader the build produces: its size budget, and the constructs host CSPs would refuse. */
class LoaderBuildTest {
    static final int BUDGET_GZIP = 2048;

    static byte[] minified() throws IOException {
        try (InputStream in = LoaderBuildTest.class.getClassLoader().getResourceAsStream("tapscore/widget.min.js")) {
            assertNotNull(in, "tapscore/widget.min.js is missing: the Closure Compiler step did not run");
            return in.readAllBytes();
        }
    }

    static int gzipSize(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        }
        return out.size();
    }

    @Test
    void loaderFitsTheBudget() throws IOException {
        byte[] js = minified();
        int gzip = gzipSize(js);
        System.out.printf("[size] widget.js: %d bytes minified, %d bytes minified+gzip (budget %d)%n",
                js.length, gzip, BUDGET_GZIP);
        assertTrue(gzip <= BUDGET_GZIP, "widget.js is " + gzip + " bytes gzip, over the budget of " + BUDGET_GZIP);
    }

    @Test
    void loaderUsesNothingAStrictContentSecurityPolicyRefuses() throws IOException {
        String js = new String(minified(), StandardCharsets.UTF_8);
        for (String refused : List.of("eval(", "new Function", "Function(", "innerHTML", "outerHTML", "cssText",
                "createElement(\"style\")", "setAttribute(\"style\"", "setAttribute(\"on", "document.write",
                "setTimeout(\"", "$jscomp")) {
            assertFalse(js.contains(refused), "the loader must not contain " + refused);
        }
        assertTrue(js.startsWith("(function("), "the minified loader is one function expression: no globals");
    }
}
