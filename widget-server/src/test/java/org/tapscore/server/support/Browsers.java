package org.tapscore.server.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * Debian's Chromium through its own chromedriver, headless, with a fresh profile. Giving Selenium both paths
 * keeps Selenium Manager from ever trying to download a browser or a driver.
 */
public final class Browsers {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    public static ChromeDriver chromium() {
        return chromium(true);
    }

    /**
     * A Chromium that uses {@code profileDir} as its user-data-dir: quit it and start another on the same
     * directory, and the second finds the first one's service workers, caches and IndexedDB.
     */
    public static ChromeDriver chromium(java.nio.file.Path profileDir) {
        return start(true, profileDir);
    }

    public static ChromeDriver chromium(boolean javascript) {
        try {
            return start(javascript, Files.createTempDirectory("chromium-profile"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChromeDriver start(boolean javascript, java.nio.file.Path profileDir) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Install Debian's chromium and chromium-driver (see .ci/run)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--disable-quic", "--window-size=1280,900",
                "--user-data-dir=" + profileDir);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /**
     * Clicks something that loads a new page (a link, a submit button) and waits until that page is there.
     * A plain click may return before a slow answer's navigation has even begun, so the next lookup would
     * still search the old page.
     */
    /**
     * Whether the old page's root element has left the browser. Chromium says so in two ways: as a stale element,
     * or, when asked in the middle of the swap, as an inspector error that the node is no longer in the document.
     */
    private static boolean isGone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public static void clickAndLoad(WebDriver driver, By target) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> isGone(old));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
