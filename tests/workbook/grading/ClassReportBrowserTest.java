package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import workbook.Slow;
import workbook.TestDatabase;
import workbook.checker.sandbox.SandboxLimits;
import workbook.db.ConnectionInfo;

/**
 * report.html of a class graded on a real PostgreSQL, opened in headless Chromium (the distribution's
 * package, as .ci/run installs it): nothing fetched but the file, no console error, every part present
 * with student text as text, no sideways scrolling on a phone, and a screenshot per width in
 * target/report-screenshots/ that is not blank.
 */
@Slow
class ClassReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    static final String HOSTILE = "</script><img src=x onerror=\"document.title=`pwned`\">";

    @TempDir
    static Path work;
    static Path report;
    static ChromeDriver browser;

    @BeforeAll
    static void gradeAClassAndOpenABrowser() throws Exception {
        assertThat(CHROMIUM).as("Chromium from the distribution (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver from the distribution").isExecutable();
        ConnectionInfo admin = TestDatabase.freshDatabase("grading_report");
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        Path out = work.resolve("grades");
        Map<String, String> solved = ClassGradingTest.solutions();
        ClassGradingTest.write(submissions.resolve("alice"), solved);
        Map<String, String> wrong = new LinkedHashMap<>(solved);
        wrong.put("03-update-alice.sql", "UPDATE users SET first_name = \"Alicia\" WHERE email = 'alice@example.com';\n");
        ClassGradingTest.write(submissions.resolve("carol"), wrong);
        // two who wrote the same lines of their own: the similarity list names them
        Map<String, String> copied = new LinkedHashMap<>(solved);
        copied.put("05-email-index.sql", "CREATE INDEX lookup_by_mail ON users (email);\nSELECT email FROM users WHERE email LIKE 'a%';\n"
                + "SELECT count(*) FROM users WHERE is_active;\nSELECT * FROM users ORDER BY created_at DESC LIMIT 3;\n");
        ClassGradingTest.write(submissions.resolve("dan"), copied);
        ClassGradingTest.zip(submissions.resolve("erin.zip"), "", copied);
        Map<String, String> hostile = new LinkedHashMap<>(solved);
        hostile.put("04-delete-bob.sql", "SELECT '" + HOSTILE + "'::int;\n" + solved.get("04-delete-bob.sql"));
        ClassGradingTest.write(submissions.resolve("mallory" + HOSTILE.replace("/", "")), hostile);
        Files.write(submissions.resolve("broken.zip"), "this is not a zip".getBytes(StandardCharsets.UTF_8));

        GradingProgress quiet = new GradingProgress(new PrintStream(OutputStream.nullOutputStream()), false, 0);
        GradingRun.grade(ClassGradingTest.HOME, ClassGradingTest.LESSON3, admin, SubmissionsFolder.scan(submissions), out,
                new GradingRun.Settings(2, SandboxLimits.forOverall(Duration.ofSeconds(30)), false), quiet);
        report = out.resolve(ClassReport.FILE);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in a container has no user namespaces for Chromium's sandbox; the page is our own file
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void onADesktopEveryPartIsThereAndNothingButTheFileIsFetched() throws Exception {
        open(1280, 900);

        assertThat(browser.findElements(By.cssSelector("#distribution svg rect"))).as("histogram bars").isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#pass-rates tr.task"))).hasSize(ClassGradingTest.LESSON3.tasks().size());
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(browser.findElement(By.id("errors")).getText()).as("the SQLSTATE of each student's error, with an example")
                .contains("42703", "undefined_column", "carol").contains("22P02");
        assertThat(browser.findElement(By.id("similar")).getText()).contains("dan and erin", "CREATE INDEX lookup_by_mail ON users (email);");
        assertThat(browser.findElement(By.id("ungraded")).getText()).contains("broken.zip");
        assertThat(browser.findElements(By.tagName("img"))).as("a student's markup is text, never an element").isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(text).contains(HOSTILE);

        assertThat(requestedUrls()).as("nothing but the file itself is fetched").containsOnly(report.toUri().toString().replace("file:///", "file:/"));
        assertThat(consoleErrors()).isEmpty();
        screenshot("report-desktop.png");
    }

    @Test
    void onAPhoneThePageFitsItsWidth() throws Exception {
        open(390, 844);

        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling of the page (wide tables scroll in their own box)").isLessThanOrEqualTo(0);
        assertThat(browser.findElement(By.id("figures")).isDisplayed()).isTrue();
        assertThat(consoleErrors()).isEmpty();
        screenshot("report-phone.png");
    }

    @Test
    void printedTheChartsAndTablesStay() throws Exception {
        open(1000, 900);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector("#distribution svg")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("#pass-rates table")).isDisplayed()).isTrue();
            screenshot("report-print.png");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static void open(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        browser.get(report.toUri().toString());
        // the page has loaded when its last section is there (no script on it, so nothing comes later)
        assertThat(browser.findElement(By.id("ungraded")).isDisplayed()).isTrue();
    }

    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return errors;
    }

    /** Every URL the page asked for, read from Chromium's network events. */
    private static Set<String> requestedUrls() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> urls = new HashSet<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText().replace("file:///", "file:/"));
            }
        }
        return urls;
    }

    /** Saves what the browser shows and proves it is not blank: a page of text and bars has many colours. */
    private static void screenshot(String name) throws IOException {
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        assertThat(colours.size()).as(name + ": colours in it").isGreaterThan(20);
        assertThat(ink).as(name + ": pixels that are not white").isGreaterThan(1000);
        assertThat(new File(SCREENSHOTS.resolve(name).toString())).exists();
    }
}
