package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubEnvironmentTest {

    private static final URI CONFIGURED_ELSEWHERE = URI.create("http://mirror.example:8080");

    @Test
    void hfEndpointReplacesTheDefaultHubButNotAnExplicitlyConfiguredOne() {
        HubEnvironment env = new HubEnvironment(Map.of("HF_ENDPOINT", "https://hf-mirror.com/"));

        assertThat(env.endpoint(DownloadSettings.HUGGING_FACE)).isEqualTo(URI.create("https://hf-mirror.com"));
        assertThat(env.endpoint(URI.create("https://huggingface.co/"))).isEqualTo(URI.create("https://hf-mirror.com"));
        assertThat(env.endpoint(CONFIGURED_ELSEWHERE)).isEqualTo(CONFIGURED_ELSEWHERE);
        assertThat(new HubEnvironment(Map.of()).endpoint(DownloadSettings.HUGGING_FACE))
                .isEqualTo(DownloadSettings.HUGGING_FACE);
    }

    @Test
    void hfTokenBecomesTheSettingsTokenAndIsNeverPrinted() {
        DownloadSettings settings = new DownloadSettings(new HubEnvironment(Map.of("HF_TOKEN", " hf_abc ")),
                DownloadSettings.HUGGING_FACE, false, 2, Duration.ZERO);

        assertThat(settings.token()).isEqualTo("hf_abc");
        assertThat(settings.toString()).doesNotContain("hf_abc").contains("token=set");
        assertThat(new HubEnvironment(Map.of("HF_TOKEN", "  ")).token()).isEmpty();
    }

    @Test
    void proxiesFollowTheSchemeAndLowerCaseWins() {
        EnvironmentProxySelector selector = new EnvironmentProxySelector(new HubEnvironment(Map.of(
                "HTTPS_PROXY", "http://upper:1", "https_proxy", "http://user:secret@lower:3128",
                "HTTP_PROXY", "plain:8080")), null);

        assertThat(selector.select(URI.create("https://huggingface.co/x")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("lower", 3128)));
        assertThat(selector.select(URI.create("http://mirror.example/x")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("plain", 8080)));
    }

    @Test
    void noProxyMatchesExactHostsDomainSuffixesAndStar() {
        EnvironmentProxySelector selector = new EnvironmentProxySelector(new HubEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", "localhost, .internal.example,hf.co:443")), null);

        assertThat(selector.bypassed("localhost")).isTrue();
        assertThat(selector.bypassed("cdn.internal.example")).isTrue();
        assertThat(selector.bypassed("internal.example")).isTrue();
        assertThat(selector.bypassed("cas-bridge.hf.co")).isTrue();
        assertThat(selector.bypassed("huggingface.co")).isFalse();
        assertThat(selector.bypassed("notinternal.example")).isFalse();
        assertThat(selector.select(URI.create("https://localhost/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(new EnvironmentProxySelector(new HubEnvironment(Map.of("HTTPS_PROXY", "proxy:1", "no_proxy", "*")),
                null).bypassed("anything.example")).isTrue();
    }

    @Test
    void aProxyThatIsNotAUrlIsOnePlainSentence() {
        assertThatThrownBy(() -> new EnvironmentProxySelector(new HubEnvironment(Map.of("HTTPS_PROXY", "http://:99")),
                null))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("The proxy setting 'http://:99' is not a URL such as http://proxy:3128.");
    }

    /** The emulator doubles as the proxy: a host that cannot resolve is reached only through it. */
    @Test
    void downloadsGoThroughTheProxyOfTheEnvironment(@TempDir Path modelDir) throws IOException {
        try (HubEmulator hub = new HubEmulator()) {
            hub.publish("Xenova/opus-mt-ar-en", Path.of("models/demo/marian-ar-en-demo"));
            HubEnvironment env = new HubEnvironment(Map.of("HTTP_PROXY", hub.hubUrl().toString(),
                    "NO_PROXY", "127.0.0.1"));
            HttpClient http = ModelDownloader.httpClient(env);
            HubClient client = new HubClient(http, URI.create("http://hub.invalid"), null);

            HubRepoInfo info = client.repoInfo("Xenova/opus-mt-ar-en", "main");

            assertThat(info.sha()).isEqualTo(hub.commit("Xenova/opus-mt-ar-en"));
            assertThat(hub.requests()).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/api/models/Xenova/opus-mt-ar-en/revision/main"));
        }
    }
}
