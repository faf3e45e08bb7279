package org.tapscore.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The widget server as a child process, started from its packaged jar the way an operator runs it, so benchmarks and
 * drills measure exactly what ships. It can be killed with {@code kill -9} and started again on the same port and
 * data.
 *
 * <pre>{@code
 * try (ServerProcess server = ServerProcess.h2(Files.createTempDirectory("tapscore"), List.of("-Xmx256m"))) {
 *     server.start();
 *     HttpResponse<String> health = Http.get(server.url("/observe/health"));
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {
    public static final String ADMIN_KEY = "bench-admin-key-0123456789abcdef";

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path log;
    private volatile Process process;

    private ServerProcess(Path jar, Path dataDir, int port, List<String> jvmOptions) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = dataDir.resolve("server.log");
        env.put("TAPSCORE_PORT", String.valueOf(port));
        env.put("TAPSCORE_HOST", "127.0.0.1");
        env.put("TAPSCORE_DATA_DIR", dataDir.toString());
        env.put("TAPSCORE_ADMIN_KEY", ADMIN_KEY);
        // The rate limiter is not what is measured.
        env.put("TAPSCORE_RATE_PER_MINUTE", "100000000");
        // However the bench ends (System.exit, Ctrl-C, a failed test), it leaves no server behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }));
    }

    /** A server on the embedded H2 database in {@code dataDir}, with the demo campaigns. */
    public static ServerProcess h2(Path dataDir, List<String> jvmOptions) throws IOException {
        ServerProcess server = new ServerProcess(serverJar(), dataDir, freePort(), jvmOptions);
        server.env.put("TAPSCORE_DEMO", "auto");
        return server;
    }

    /** A server on a fresh PostgreSQL schema, with the demo campaigns seeded once. */
    public static ServerProcess postgres(Path dataDir, Postgres.Schema schema, List<String> jvmOptions)
            throws IOException {
        ServerProcess server = new ServerProcess(serverJar(), dataDir, freePort(), jvmOptions);
        server.env.put("TAPSCORE_DB_URL", schema.url());
        server.env.put("TAPSCORE_DB_USER", Postgres.USER);
        server.env.put("TAPSCORE_DB_PASSWORD", Postgres.PASSWORD);
        server.env.put("TAPSCORE_DB_SCHEMA", schema.name());
        server.env.put("TAPSCORE_DEMO", "always");
        return server;
    }

    /** Sets one more environment variable for the server (for example another {@code TAPSCORE_DB_URL}). */
    public ServerProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Starts the process and waits until {@code /observe/health} answers 200. */
    public ServerProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(90));
        // Seed once: a restart must find the demo campaigns already there.
        env.put("TAPSCORE_DEMO", "never");
        return this;
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("The server exited with " + process.exitValue() + "; see " + log
                            + "\n" + tail());
                }
                try {
                    HttpResponse<Void> res = client.send(HttpRequest.newBuilder(URI.create(url("/observe/health")))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (res.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
        }
        throw new IOException("The server did not become healthy within " + timeout + "; see " + log + "\n" + tail());
    }

    /** {@code kill -9}: no shutdown hooks, no flushing, whatever was in flight is lost. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A normal stop (SIGTERM), as an operator would. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Path log() {
        return log;
    }

    /** Resident set size from {@code /proc/<pid>/status} (VmRSS), in bytes; -1 when unknown. */
    public long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the server process has used so far (user + system, from {@code /proc/<pid>/stat}), in seconds; -1
     * when unknown. Differences over a phase give CPU per request, which a busy machine distorts far less than
     * requests per second.
     */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The last lines of the server's log, for error messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** {@code widget-server/target/tapscore-widget-server.jar}, found from the repository root or from bench/. */
    public static Path serverJar() throws IOException {
        String override = System.getProperty("tapscore.server.jar", System.getenv("TAPSCORE_SERVER_JAR"));
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        for (String candidate : List.of("widget-server/target/tapscore-widget-server.jar",
                "../widget-server/target/tapscore-widget-server.jar")) {
            Path jar = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IOException("widget-server/target/tapscore-widget-server.jar is missing: run "
                + "./mvnw -q -DskipTests package first (from the repository root)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
