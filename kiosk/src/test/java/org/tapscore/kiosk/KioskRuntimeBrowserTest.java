package org.tapscore.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime with real Chromium: the browser it supervises, and the view it serves while the server is away. */
class KioskRuntimeBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private LiveServer server;
    private KioskRuntime runtime;
    private ChromeDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aKilledOrFrozenBrowserIsReplacedByANewOneOnTheKioskView() throws Exception {
        server = new LiveServer(10_000, 5_000);
        String campaign = server.campaign("{}");
        JsonNode device = server.device(campaign, "Shop floor");
        runtime = KioskRuntime.start(KioskOptions.parse("--server", server.url(), "--device",
                device.get("token").asText(), "--port", "0", "--data", Files.createTempDirectory("kiosk-rt").toString(),
                "--headless"));
        int port = runtime.port();
        String view = "http://127.0.0.1:" + port + "/kiosk/" + campaign;
        Local.await(Duration.ofSeconds(30), "Chromium on the kiosk view", () -> onView(port, view));
        long first = Local.status(port).get("browserPid").asLong();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        long killedAt = System.nanoTime();
        Local.await(Duration.ofSeconds(15), "a new Chromium on the kiosk view", () -> {
            JsonNode status = Local.status(port);
            return status.get("browserPid").asLong() > 0 && status.get("browserPid").asLong() != first
                    && onView(port, view);
        });
        System.out.printf("kiosk view back %d ms after the browser was killed%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
        long second = Local.status(port).get("browserPid").asLong();

        // A browser that hangs (stopped with SIGSTOP) no longer answers on its DevTools port and is replaced too.
        new ProcessBuilder("kill", "-STOP", String.valueOf(second)).start().waitFor();
        Local.await(Duration.ofSeconds(60), "a frozen Chromium replaced", () -> {
            JsonNode status = Local.status(port);
            return status.get("browserPid").asLong() > 0 && status.get("browserPid").asLong() != second
                    && onView(port, view);
        });
        assertTrue(ProcessHandle.of(second).map(p -> !p.isAlive()).orElse(true), "the frozen browser was killed");
        assertTrue(Local.status(port).get("browserStarts").asInt() >= 3);
    }

    @Test
    void theRuntimeServesTheViewAndDeliversAnswersAcrossAnOutageAndARestart() throws Exception {
        server = new LiveServer(10_000, 5_000);
        String campaign = server.campaign("{\"resetSeconds\": 1, \"minTapIntervalSeconds\": 0}");
        JsonNode device = server.device(campaign, "Checkout 3");
        Path data = Files.createTempDirectory("kiosk-rt");
        int port = freePort();
        String[] args = {"--server", server.url(), "--device", device.get("token").asText(), "--campaign", campaign,
                "--port", String.valueOf(port), "--data", data.toString(), "--no-browser"};
        runtime = KioskRuntime.start(KioskOptions.parse(args));
        String view = "http://127.0.0.1:" + port + "/kiosk/" + campaign;
        Local.await(Duration.ofSeconds(20), "the view cached", () -> page(view).contains("data-mode=\"runtime\""));

        driver = chromium();
        driver.get(view);
        waitReady();
        answer(9, "Quick and friendly");
        Local.await(Duration.ofSeconds(20), "the answer at the server", () -> server.responses(campaign).size() == 1);
        JsonNode first = server.responses(campaign).get(0);
        assertEquals(9, first.get("score").asInt());
        assertEquals("Quick and friendly", first.get("comment").asText());
        assertEquals("Checkout 3", first.get("location").asText());
        assertEquals(device.get("id").asText(), first.get("device").asText());

        server.stop();
        answer(2, null);
        answer(7, "Queue was long");
        Local.await(Duration.ofSeconds(20), "two answers journaled", () -> Local.status(port).get("pending").asInt() == 2);

        // The runtime restarts while the server is still away: it serves the view from disk.
        runtime.close();
        runtime = KioskRuntime.start(KioskOptions.parse(args));
        assertTrue(page(view).contains("data-ts-kiosk"), "view served from the local copy");
        driver.navigate().refresh();
        waitReady();
        assertEquals(2, Local.status(port).get("pending").asInt());

        server.start();
        Local.await(Duration.ofSeconds(90), "the journaled answers delivered",
                () -> Local.status(port).get("pending").asInt() == 0 && server.responses(campaign).size() == 3);
        assertEquals(3, server.responses(campaign).size());
        JsonNode listed = server.devices(campaign).get(0);
        assertNotEquals("null", listed.get("lastSeen").asText());
    }

    private void answer(int score, String comment) {
        driver.findElement(By.cssSelector("label[for=ts-score-" + score + "]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("[data-ts-followup]")).isDisplayed());
        if (comment != null) {
            driver.findElement(By.id("ts-comment")).sendKeys(comment);
            driver.findElement(By.cssSelector("[data-ts-send]")).click();
        } else {
            driver.findElement(By.cssSelector("[data-ts-skip]")).click();
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("ts-thanks")).isDisplayed());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "score".equals(
                d.findElement(By.cssSelector("[data-ts-kiosk]")).getDomAttribute("data-step")));
    }

    private void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(By.cssSelector("[data-ts-kiosk]")).getDomAttribute("data-ready")));
    }

    private static boolean onView(int port, String view) {
        JsonNode status = Local.status(port);
        if (status == null || status.get("devtoolsPort").asInt() <= 0) {
            return false;
        }
        try {
            HttpResponse<String> list = Local.get("http://127.0.0.1:" + status.get("devtoolsPort").asInt() + "/json/list");
            for (JsonNode target : LiveServer.json(list.body())) {
                if ("page".equals(target.path("type").asText()) && target.path("url").asText().startsWith(view)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String page(String url) {
        try {
            HttpResponse<String> res = Local.get(url);
            return res.statusCode() == 200 ? res.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static ChromeDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
