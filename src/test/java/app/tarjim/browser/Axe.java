package app.tarjim.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility checker, run inside a page. It is fetched with npm into {@code target/axe} on
 * first use; where npm or the registry is missing, the checks that need it are skipped.
 */
final class Axe {

    private static final Path SCRIPT = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** axe-core, installed if need be; empty where it cannot be had. */
    static Optional<Axe> load() throws IOException, InterruptedException {
        if (!Files.exists(SCRIPT)) {
            try {
                Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund",
                        "--prefix", Path.of("target", "axe").toString(), "axe-core@4")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!npm.waitFor(3, TimeUnit.MINUTES)) {
                    npm.destroyForcibly();
                }
            } catch (IOException noNpm) {
                // npm is not installed: checked below.
            }
        }
        return Files.exists(SCRIPT) ? Optional.of(new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8)))
                : Optional.empty();
    }

    /** The page's violations as it is now, each as "impact rule-id: first offending elements". */
    List<String> violations(BrowserSession browser) {
        browser.script(source);
        Object result = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                // Vaadin's own reconnect indicator sits outside the page's landmarks; it is not ours to place.
                axe.run({exclude: [['vaadin-connection-indicator']]}, {resultTypes: ['violations']})
                    .then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ': '
                        + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));""");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }
}
