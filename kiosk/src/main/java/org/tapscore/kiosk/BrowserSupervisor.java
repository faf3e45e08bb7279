package org.tapscore.kiosk;

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
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one full-screen Chromium on the kiosk view: starts it, starts a new one at once when it exits, and
 * replaces it when it stops answering (its DevTools endpoint {@code /json/version} is probed every two seconds;
 * three misses in a row and the process tree is killed). A browser that keeps dying right after start is
 * restarted with growing pauses, so a broken installation does not spin the CPU.
 */
final class BrowserSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BrowserSupervisor.class.getName());
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private static final Duration START_GRACE = Duration.ofSeconds(15);
    private static final int MISSES_BEFORE_RESTART = 3;

    private final String chromium;
    private final String url;
    private final Path profile;
    private final Path log;
    private final boolean headless;
    private final List<String> extraArgs;
    private final int devtoolsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Process process;
    private volatile int starts;
    private long startedAt;
    private int misses;
    private int quickDeaths;

    BrowserSupervisor(String chromium, String url, Path dataDir, boolean headless, List<String> extraArgs)
            throws IOException {
        this.chromium = chromium;
        this.url = url;
        this.profile = dataDir.resolve("chromium-profile");
        this.log = dataDir.resolve("chromium.log");
        this.headless = headless;
        this.extraArgs = extraArgs;
        Files.createDirectories(profile);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.devtoolsPort = socket.getLocalPort();
        }
        this.thread = new Thread(this::run, "browser-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    long pid() {
        Process p = process;
        return p == null || !p.isAlive() ? -1 : p.pid();
    }

    int starts() {
        return starts;
    }

    int devtoolsPort() {
        return devtoolsPort;
    }

    private void run() {
        while (running) {
            try {
                Process p = process;
                if (p == null || !p.isAlive()) {
                    pauseAfterQuickDeaths();
                    if (running) {
                        launch();
                    }
                } else if (System.nanoTime() - startedAt > START_GRACE.toNanos()) {
                    misses = probe() ? 0 : misses + 1;
                    if (misses >= MISSES_BEFORE_RESTART) {
                        LOG.warning("Chromium stopped answering; starting a new one");
                        killTree(p);
                        misses = 0;
                        continue;
                    }
                }
                wake.tryAcquire(PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not start Chromium (" + chromium + ")", e);
                quickDeaths++;
            }
        }
    }

    private void pauseAfterQuickDeaths() throws InterruptedException {
        if (starts > 0 && System.nanoTime() - startedAt < Duration.ofSeconds(10).toNanos()) {
            quickDeaths++;
        } else {
            quickDeaths = 0;
        }
        if (quickDeaths > 2) {
            long pause = Math.min(30_000, 1000L << Math.min(5, quickDeaths - 2));
            wake.tryAcquire(pause, TimeUnit.MILLISECONDS);
        }
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(chromium, "--kiosk", "--app=" + url,
                "--user-data-dir=" + profile, "--remote-debugging-port=" + devtoolsPort,
                "--remote-debugging-address=127.0.0.1", "--no-first-run", "--noerrdialogs", "--disable-infobars",
                "--disable-session-crashed-bubble", "--disable-pinch", "--overscroll-history-navigation=0",
                "--disable-features=Translate", "--password-store=basic", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-extensions",
                "--disable-dev-shm-usage", "--check-for-update-interval=31536000"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox");
        }
        if (headless) {
            command.addAll(List.of("--headless=new", "--disable-gpu", "--window-size=1280,900"));
        }
        command.addAll(extraArgs);
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process = started;
        starts++;
        startedAt = System.nanoTime();
        misses = 0;
        started.onExit().thenRun(wake::release);
        LOG.info("Chromium started (pid " + started.pid() + ") on " + url);
    }

    private boolean probe() {
        try {
            HttpResponse<Void> res = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + devtoolsPort + "/json/version"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return res.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Process p = process;
        if (p != null) {
            killTree(p);
        }
    }
}
