package org.tapscore.server;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, for real: the packaged jar starts on the embedded default in an empty folder,
 * prints its address and a new admin key once, and serves the demo survey on TAPSCORE_PORT.
 */
class RunCommandIT {
    private static final Path JAR = Path.of("target", "tapscore-widget-server.jar").toAbsolutePath();

    @Test
    void theJarServesTheDemoSurveyWithZeroSetUp() throws Exception {
        Path folder = Files.createTempDirectory("tapscore-run");
        int port = freePort();
        List<String> firstOutput = new ArrayList<>();
        Process first = start(folder, port, firstOutput);
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Hvor sandsynligt er det, at du vil anbefale os"), "Danish demo question");
            assertTrue(firstOutput.stream().anyMatch(line -> line.contains("http://localhost:" + port)), firstOutput.toString());
            String keyLine = firstOutput.stream().filter(line -> line.contains("New admin API key")).findFirst()
                    .orElseThrow(() -> new AssertionError("no admin key printed: " + firstOutput));
            String key = keyLine.substring(keyLine.lastIndexOf(' ') + 1);
            assertEquals(key, Files.readString(folder.resolve("data/admin-key.txt")).strip());
        } finally {
            stop(first);
        }
        List<String> secondOutput = new ArrayList<>();
        Process second = start(folder, port, secondOutput);
        stop(second);
        assertFalse(secondOutput.stream().anyMatch(line -> line.contains("New admin API key")),
                "the key is printed once: " + secondOutput);
    }

    @Test
    void anAdminPasswordTooShortStopsTheStartWithOneLineThatNamesIt() throws Exception {
        assertTrue(Files.exists(JAR), "run 'package' first: " + JAR);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .directory(Files.createTempDirectory("tapscore-short").toFile())
                .redirectErrorStream(true);
        builder.environment().put("TAPSCORE_PORT", String.valueOf(freePort()));
        builder.environment().put("TAPSCORE_ADMIN_EMAIL", "owner@shop.example");
        builder.environment().put("TAPSCORE_ADMIN_PASSWORD", "short");
        builder.environment().remove("TAPSCORE_DATA_DIR");
        builder.environment().remove("TAPSCORE_DB_URL");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("Tapscore did not start: TAPSCORE_ADMIN_PASSWORD must be 10 to 200 characters"),
                output);
        assertFalse(output.contains("Exception"), "no stack trace: " + output);
    }

    private static Process start(Path folder, int port, List<String> output) throws Exception {
        assertTrue(Files.exists(JAR), "run 'package' first: " + JAR);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .directory(folder.toFile())
                .redirectErrorStream(true);
        builder.environment().put("TAPSCORE_PORT", String.valueOf(port));
        builder.environment().remove("TAPSCORE_DATA_DIR");
        builder.environment().remove("TAPSCORE_DB_URL");
        Process process = builder.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            if (line.contains("Tapscore is running")) {
                // The key, when there is one, is printed on the next line.
                Thread.sleep(300);
                while (reader.ready() && (line = reader.readLine()) != null) {
                    output.add(line);
                }
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> { }));
                return process;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("The server did not start: " + output);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
