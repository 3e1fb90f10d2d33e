package org.nqpfkg.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person uses them: Debian's headless Chromium, driven by Selenium, against the seed served on loopback.
 * Chromium and chromedriver must be installed ({@code .ci/run} installs them): without them these tests fail, they do
 * not skip. Screenshots of the main pages land in target/screenshots/.
 */
class PagesBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String MECHANISM = "neng-li-zheng-he-ji-zhi";

    @TempDir static Path dir;
    static ServedStore served;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        String chromium = executable("chromium");
        String driver = executable("chromedriver");
        served = ServedStore.of(dir, List.of(Path.of("../seeds")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1300,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    /** The program on the PATH, or a failure that says how to install it. */
    static String executable(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return fail(name + " is not installed: the browser tests need Debian's chromium and chromium-driver "
                + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (served != null) served.close();
    }

    /** Every test ends in Chinese, the pages' default, whatever it switched to. */
    @AfterEach
    void chineseAgain() {
        open("/list/Mechanism");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.manage().logs().get(LogType.BROWSER);
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws Exception {
        JsonNode mechanism = served.json("/api/mechanisms/" + MECHANISM);
        String document = mechanism.get("evidence").get("quotes").get(0).get("document").asText();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("mechanism", "/page/mechanism/" + MECHANISM);
        pages.put("reader", "/read/" + document);
        pages.put("explorer", "/explorer");
        pages.put("sparql", "/sparql");
        pages.put("list", "/list/Mechanism");
        pages.put("search", "/?q=" + java.net.URLEncoder.encode("能力整合", java.nio.charset.StandardCharsets.UTF_8));
        // One page of every kind the graph holds, found from the graph, not from a list kept here.
        for (Map.Entry<String, String> kind : firstOfEachKind().entrySet()) pages.put(kind.getKey() + " page", "/page/" + kind.getValue());
        pages.put("term page", "/page/term/" + firstTerm());
        for (Map.Entry<String, String> page : pages.entrySet()) {
            open(page.getValue());
            if (page.getKey().equals("explorer")) waitForExplorer();
            if (page.getKey().equals("sparql")) wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
            if (page.getKey().equals("search")) wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results ol li")));
            assertFalse(browser.getTitle().isBlank(), page.getValue() + " has a title");
            assertEquals(List.of(), consoleErrors(), page.getValue() + " logs no error");
            if (!page.getKey().contains(" ")) screenshot(page.getKey());
        }
    }

    @Test
    void explorerHasANodeForEveryMechanismAndPath() throws Exception {
        open("/explorer");
        waitForExplorer();
        Set<String> expected = new TreeSet<>();
        expected.addAll(served.json("/api/mechanisms?limit=1000").get("items").findValuesAsText("iri").stream()
                .filter(i -> i.contains("/mechanism/")).collect(Collectors.toSet()));
        expected.addAll(served.json("/api/paths?limit=1000").get("items").findValuesAsText("iri").stream()
                .filter(i -> i.contains("/path/")).collect(Collectors.toSet()));
        assertTrue(expected.size() > 10, "the seed has mechanisms and paths: " + expected);
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) js("return window.kgExplorer.nodes().map(function (n) { return n.id(); });");
        Set<String> shown = new TreeSet<>(nodes);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(shown);
        assertEquals(Set.of(), missing, "every mechanism and path is a node of the levels figure");
        // The other two figures draw too: paths with their cases, policies by horizon.
        for (String figure : List.of("paths", "policies")) {
            browser.findElement(By.cssSelector("button[data-figure='" + figure + "']")).click();
            wait.until(d -> figure.equals(d.findElement(By.id("graph")).getAttribute("data-figure"))
                    && "true".equals(d.findElement(By.id("graph")).getAttribute("data-ready")));
            long n = (Long) js("return window.kgExplorer.nodes().length;");
            assertTrue(n > 5, figure + " has nodes: " + n);
            screenshot("explorer-" + figure);
        }
        // Filtered by the seed document, the levels figure still has every mechanism the document states.
        browser.findElement(By.cssSelector("button[data-figure='levels']")).click();
        waitForExplorer();
        new Select(browser.findElement(By.id("document"))).selectByValue("ai-new-quality-productive-forces");
        waitForExplorer();
        @SuppressWarnings("unchecked")
        List<String> filtered = (List<String>) js("return window.kgExplorer.nodes('[kind = \"mechanism\"]').map(function (n) { return n.id(); });");
        assertEquals(served.json("/api/mechanisms?limit=1000&document=ai-new-quality-productive-forces").get("total").asInt(), filtered.size());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void clickingAMechanismShowsItsEvidenceAndPolicies() throws Exception {
        JsonNode mechanism = served.json("/api/mechanisms/" + MECHANISM);
        assertTrue(mechanism.get("policies").size() > 0, "the seed's mechanism has policies");
        open("/explorer");
        waitForExplorer();
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) js("var n = window.kgExplorer.getElementById(arguments[0]); window.kgExplorer.center(n);"
                + "var p = n.renderedPosition(); return {x: p.x, y: p.y};", mechanism.get("iri").asText());
        WebElement graph = browser.findElement(By.id("graph"));
        int dx = (int) Math.round(((Number) at.get("x")).doubleValue() - graph.getRect().getWidth() / 2.0);
        int dy = (int) Math.round(((Number) at.get("y")).doubleValue() - graph.getRect().getHeight() / 2.0);
        new Actions(browser).moveToElement(graph, dx, dy).click().perform();
        wait.until(ExpectedConditions.urlContains("/page/mechanism/" + MECHANISM));
        assertEquals(List.of(), consoleErrors());
        List<WebElement> quotes = browser.findElements(By.cssSelector("#links a.quote"));
        assertFalse(quotes.isEmpty(), "the page shows the quotes behind its links");
        String quoted = String.join("\n", quotes.stream().map(WebElement::getText).toList());
        for (JsonNode q : mechanism.get("evidence").get("quotes")) assertTrue(quoted.contains(q.get("quote").asText().substring(0, 10)) ||
                browser.findElement(By.id("evidence")).getText().contains(q.get("quote").asText().substring(0, 10)), "evidence " + q);
        for (JsonNode policy : mechanism.get("policies")) {
            WebElement link = browser.findElement(By.cssSelector("ul.links[data-property='addresses'] li.link[data-target='" + policy.get("iri").asText() + "']"));
            assertTrue(link.getText().contains(policy.get("label").get("zh").asText()), link.getText());
            assertFalse(link.findElements(By.cssSelector("a.quote")).isEmpty(), "the policy link has its evidence quote");
        }
    }

    @Test
    void anEvidenceLinkHighlightsExactlyTheQuotedSpan() throws Exception {
        open("/page/mechanism/" + MECHANISM);
        WebElement quote = browser.findElements(By.cssSelector("a.quote")).get(1);
        String text = quote.getText();
        int start = Integer.parseInt(quote.getAttribute("data-start"));
        int end = Integer.parseInt(quote.getAttribute("data-end"));
        quote.click();
        wait.until(ExpectedConditions.urlContains("/read/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("target")));
        String highlighted = (String) js("return Array.prototype.map.call(document.querySelectorAll('#text .target'), function (e) { return e.textContent; }).join('');");
        assertEquals(text, highlighted, "the reader marks exactly the quote");
        assertEquals(end - start, highlighted.codePointCount(0, highlighted.length()));
        // The text before the mark is as long as the span's start: offsets count code points of the normalised text.
        String before = (String) js("var r = document.createRange(); var t = document.getElementById('text'); r.setStart(t, 0);"
                + "r.setEndBefore(document.getElementById('target')); return r.toString();");
        assertEquals(start, before.codePointCount(0, before.length()));
        Boolean visible = (Boolean) js("var r = document.getElementById('target').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;");
        assertTrue(visible, "the reader scrolled to the span");
        assertEquals(List.of(), consoleErrors());
        screenshot("reader-at-span");
        // The short form #start-end opens the same span.
        open("/read/ai-new-quality-productive-forces#" + start + "-" + end);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("target")));
        assertEquals(text, js("return Array.prototype.map.call(document.querySelectorAll('#text .target'), function (e) { return e.textContent; }).join('');"));
        // A highlight opens the page of the concept it names.
        WebElement mention = browser.findElement(By.cssSelector("#text a.hl.m"));
        String href = mention.getAttribute("href");
        assertTrue(href.contains("/page/"), href);
        js("arguments[0].scrollIntoView({block: 'center'});", mention);
        mention.click();
        wait.until(ExpectedConditions.urlToBe(href));
        assertFalse(browser.findElement(By.id("title")).getText().isBlank());
    }

    @Test
    void theLanguageSwitchChangesTheLabels() throws Exception {
        JsonNode mechanism = served.json("/api/mechanisms/" + MECHANISM);
        String zh = mechanism.get("label").get("zh").asText();
        String en = mechanism.get("label").get("en").asText();
        open("/page/mechanism/" + MECHANISM);
        assertEquals(zh, browser.findElement(By.id("title")).getText());
        String linksZh = browser.findElement(By.id("links")).getText();
        browser.findElement(By.id("lang-switch")).click();
        assertEquals(en, browser.findElement(By.id("title")).getText());
        String linksEn = browser.findElement(By.id("links")).getText();
        assertNotEquals(linksZh, linksEn, "the links' labels change too");
        String levelEn = mechanism.get("level").get("label").get("en").asText();
        assertTrue(linksEn.contains(levelEn), linksEn);
        screenshot("mechanism-en");
        // The choice holds on the next page, and the explorer's labels follow it.
        open("/explorer");
        waitForExplorer();
        assertEquals(en, js("return window.kgExplorer.getElementById(arguments[0]).data('name');", mechanism.get("iri").asText()));
        browser.findElement(By.id("lang-switch")).click();
        assertEquals(zh, js("return window.kgExplorer.getElementById(arguments[0]).data('name');", mechanism.get("iri").asText()));
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void yasguiRunsANamedQueryAndShowsRows() throws Exception {
        open("/sparql");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        String endpoint = browser.findElement(By.id("endpoint")).getText();
        assertEquals("http://127.0.0.1:" + served.server.sparqlPort() + "/kg/sparql", endpoint);
        String starter = (String) js("return window.kgYasgui.getTab().getQuery();");
        assertTrue(starter.contains("PREFIX nqpf: <https://w3id.org/nqpf-kg/ontology#>"), "the project's prefixes are predefined: " + starter);
        Select examples = new Select(browser.findElement(By.id("examples")));
        Set<String> offered = examples.getOptions().stream().map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> named = new TreeSet<>();
        served.json("/api/queries").get("items").forEach(q -> named.add(q.get("name").asText()));
        assertEquals(named, offered, "every named query is an example");
        examples.selectByValue("mechanisms-by-level");
        wait.until(d -> String.valueOf(js("return window.kgYasgui.getTab().getQuery();")).contains("SELECT ?level ?mechanism"));
        List<WebElement> run = browser.findElements(By.cssSelector(".yasqe_queryButton"));
        run.get(run.size() - 1).click();
        List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".yasr table tbody tr"), 0));
        int expected = served.json("/api/queries/mechanisms-by-level").get("items").size();
        wait.until(d -> d.findElements(By.cssSelector(".yasr table tbody tr")).size() == expected);
        assertTrue(browser.findElement(By.cssSelector(".yasr table")).getText().contains("能力整合机制"), "rows show the mechanisms");
        assertFalse(rows.isEmpty());
        screenshot("sparql-results");
        assertEquals(List.of(), consoleErrors());
    }

    // --- helpers

    static void open(String path) { browser.get(served.base + path); }

    static Object js(String script, Object... args) { return ((JavascriptExecutor) browser).executeScript(script, args); }

    static void waitForExplorer() {
        wait.until(d -> "true".equals(d.findElement(By.id("graph")).getAttribute("data-ready")));
    }

    /** Errors the page logged since the last look (the log is drained by reading it). */
    static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER))
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        return errors;
    }

    static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** For each kind of resource under /id/ (its IRI's first segment), the id path (kind/slug) of one of them. */
    static Map<String, String> firstOfEachKind() throws Exception {
        String id = "https://w3id.org/nqpf-kg/id/";
        String q = "SELECT DISTINCT ?x WHERE { ?x a ?t FILTER(STRSTARTS(STR(?x), \"" + id + "\")) } ORDER BY ?x";
        var r = TestSupport.get(TestSupport.sparqlGet(served.server.sparqlPort(), q), "Accept", "application/sparql-results+json");
        Map<String, String> first = new java.util.TreeMap<>();
        for (JsonNode row : ServedStore.JSON.readTree(r.body()).get("results").get("bindings")) {
            String rest = row.get("x").get("value").asText().substring(id.length());
            String[] parts = rest.split("/");
            if (parts.length == 2) first.putIfAbsent(parts[0], rest);
        }
        assertTrue(first.keySet().containsAll(List.of("level", "lens", "path", "mechanism", "policy", "organization", "sector", "document")), first.toString());
        return first;
    }

    static String firstTerm() throws Exception {
        String q = "SELECT ?x WHERE { ?x a <http://www.w3.org/2004/02/skos/core#Concept> FILTER(STRSTARTS(STR(?x), \"https://w3id.org/nqpf-kg/vocab/term/\")) } ORDER BY ?x LIMIT 1";
        var r = TestSupport.get(TestSupport.sparqlGet(served.server.sparqlPort(), q), "Accept", "application/sparql-results+json");
        return ServedStore.JSON.readTree(r.body()).get("results").get("bindings").get(0).get("x").get("value").asText()
                .substring("https://w3id.org/nqpf-kg/vocab/term/".length());
    }
}
