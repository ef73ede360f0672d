package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refusals huggingface_hub's hf_raise_for_status tells apart, as sentences a user can act on. */
class HubErrorsTest {

    private static final URI HUB = URI.create("https://huggingface.co");
    private static final String REPO = "Xenova/opus-mt-ar-en";

    private static HttpHeaders headers(String code, String message) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        if (code != null) {
            map.put("X-Error-Code", List.of(code));
        }
        if (message != null) {
            map.put("X-Error-Message", List.of(message));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    private static String refusal(int status, String code, String message, String path, boolean token) {
        return HubErrors.refusal(status, headers(code, message), HUB, REPO, "main", path, token).getMessage();
    }

    @Test
    void eachRefusalIsOneSentenceThatSaysWhatToDo() {
        assertThat(refusal(401, null, HubErrors.INVALID_CREDENTIALS, null, true)).isEqualTo(
                "The hub refused the token in HF_TOKEN as invalid: create a new one at https://huggingface.co/settings/"
                        + "tokens, or unset HF_TOKEN for public models.");
        assertThat(refusal(403, null, "Forbidden: token lacks read scope.", "config.json", true)).isEqualTo(
                "The hub refused access to " + REPO + " (Forbidden: token lacks read scope): make sure the token in "
                        + "HF_TOKEN has read access to it.");
        assertThat(refusal(404, "RepoNotFound", "Repository not found", null, true)).isEqualTo(
                "The repository " + REPO + " was not found on https://huggingface.co: check its name, and that the "
                        + "account of HF_TOKEN may read it if it is private.");
        assertThat(refusal(401, "RepoNotFound", null, null, false)).contains("set HF_TOKEN");
        assertThat(refusal(404, "RevisionNotFound", "Invalid rev id: v2", null, false)).isEqualTo(
                "The repository " + REPO + " has no revision 'main': set the revision to a branch, tag or commit it "
                        + "has (see https://huggingface.co/" + REPO + "/commits/main).");
        assertThat(refusal(404, "EntryNotFound", "Entry not found", "onnx/x.onnx", false)).isEqualTo(
                "The repository " + REPO + " has no file onnx/x.onnx at revision main: check the file name or choose "
                        + "another variant (see https://huggingface.co/" + REPO + "/tree/main).");
        assertThat(refusal(400, null, "Bad request.", "config.json", false)).isEqualTo(
                "The hub answered HTTP 400 for " + REPO + "/config.json: Bad request.");
    }

    @Test
    void onlyPassingFailuresAreRetried() {
        assertThat(List.of(408, 429, 500, 502, 503, 504)).allMatch(HubErrors::transientStatus);
        assertThat(List.of(400, 401, 403, 404, 416)).noneMatch(HubErrors::transientStatus);
    }

    @Test
    void weakAndStrongEtagsAreNormalized() {
        assertThat(HubClient.normalizeEtag("W/\"ABC123\"")).isEqualTo("abc123");
        assertThat(HubClient.normalizeEtag("\"abc\"")).isEqualTo("abc");
        assertThat(HubClient.normalizeEtag(null)).isNull();
        assertThat(HubClient.encode("refs/pr/1")).isEqualTo("refs%2Fpr%2F1");
    }
}
