package dev.ranks.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ranks.pipeline.Call;
import dev.ranks.pipeline.TaskRegistry;
import dev.ranks.pipeline.redis.BrokerUrl;
import dev.ranks.pipeline.redis.CeleryMessage;
import dev.ranks.pipeline.redis.RedisServer;
import dev.ranks.pipeline.redis.RedisWorker;
import dev.ranks.pipeline.redis.TaskQueue;
import dev.ranks.pipeline.redis.WorkerOptions;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard's page in a real browser: Debian's headless Chromium, driven through Debian's
 * chromium-driver by Selenium, against a real redis-server and a real worker. It sees a submitted
 * task finish, opens its detail, revokes a task waiting for its ETA with the page's button, and
 * leaves a screenshot in target/dashboard.png.
 */
class DashboardIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aSubmittedTaskAppearsAndTheRevokeButtonRevokes() throws Exception {
        String why = RedisServer.unavailableReason();
        assumeTrue(why == null, () -> "skipped: " + why);
        requireBrowser();
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start();
                TaskQueue client = TaskQueue.connect(BrokerUrl.parse(redis.url()), System.err);
                RedisWorker worker = RedisWorker.start(BrokerUrl.parse(redis.url()),
                        WorkerOptions.defaults(List.of("browser_queue"), 2), TaskRegistry.load(), System.err);
                DashboardServer server = DashboardServer.start(client, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        0), null, Duration.ofSeconds(1))) {
            WebDriver browser = browser();
            try {
                browser.get("http://127.0.0.1:" + server.port() + "/");
                String done = client.send(CeleryMessage.of(Call.of("fib", 25), "browser_queue"));
                String later = client.send(CeleryMessage.of(Call.of("fib", 30), "browser_queue")
                        .withEta(Instant.now().plusSeconds(600)));

                String row = "tr[data-id='" + done + "']";
                assertEquals("SUCCESS", until(() -> text(browser, row + " td.status"), "SUCCESS"::equals));
                assertEquals("75025", text(browser, row + " td.outcome"));
                until(() -> text(browser, "#workers tbody"), t -> t.contains(worker.id()));
                until(() -> text(browser, "#queues tr[data-queue='browser_queue']"), t -> !t.isEmpty());

                click(browser, row + " td.id a");
                assertTrue(until(() -> text(browser, "#detail-body"), t -> t.contains("result:"))
                        .contains("args:   [25]"), () -> text(browser, "#detail-body"));
                assertTrue(text(browser, "#detail-body").contains("75025"));

                String waiting = "tr[data-id='" + later + "']";
                // the worker holds it until its ETA: delivered, not started
                until(() -> text(browser, waiting + " td.status"), "RECEIVED"::equals);
                click(browser, waiting + " button.revoke");
                until(() -> text(browser, waiting + " td.status"), "REVOKED"::equals);
                assertTrue(redis.command("ZSCORE", "ranks.revoked", later).matches("[0-9.e+]+"),
                        "the page's button revoked it on the broker");
                until(() -> text(browser, "#rate"), t -> t.startsWith("now "));

                Path shot = Path.of("target", "dashboard.png");
                Files.createDirectories(shot.getParent());
                File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(png.toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(shot) > 10_000, "the screenshot has the page in it");
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * Skips only where the browser cannot be had: off Linux, or without apt. On Debian and its
     * kin, bin/test installs chromium and chromium-driver, so their absence there is a failure.
     */
    private static void requireBrowser() {
        boolean debian = System.getProperty("os.name").startsWith("Linux") && Files.isExecutable(Path.of("/usr/bin/apt-get"));
        assumeTrue(debian, "skipped: the browser test runs Debian's chromium and chromium-driver, which need Linux with"
                + " apt (this is " + System.getProperty("os.name") + ")");
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the dashboard's browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): bin/test installs them when run as root, or: sudo apt-get install chromium chromium-driver");
        }
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: Chromium refuses to run as root with its sandbox, and CI runs as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100");
        // the driver is named, so Selenium Manager never tries to download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The text of the first element the selector finds, or "" while there is none. */
    private static String text(WebDriver browser, String css) {
        try {
            return browser.findElements(By.cssSelector(css)).stream().findFirst().map(e -> e.getText().trim()).orElse("");
        } catch (StaleElementReferenceException e) {
            // the page redraws its tables every poll; the next look finds the new element
            return "";
        }
    }

    private static void click(WebDriver browser, String css) {
        until(() -> {
            try {
                browser.findElement(By.cssSelector(css)).click();
                return true;
            } catch (WebDriverException e) {
                // missing yet, or redrawn between finding and clicking
                return false;
            }
        }, Boolean::booleanValue);
    }

    private static <T> T until(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                fail("the page still shows '" + value + "' after " + PATIENCE.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            value = read.get();
        }
        return value;
    }
}
