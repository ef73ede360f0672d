package app.tarjim.pipeline.models;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * Turns a refusal from the hub into a sentence a user can act on, reading {@code X-Error-Code} and
 * {@code X-Error-Message} the way huggingface_hub's {@code hf_raise_for_status} does.
 */
final class HubErrors {

    /** What the hub says for a token it does not accept; other 401s mean "not found or not allowed". */
    static final String INVALID_CREDENTIALS = "Invalid credentials in Authorization header";

    private HubErrors() {
    }

    /**
     * @param endpoint  the hub, for the links in the messages
     * @param repo      repository asked for
     * @param revision  revision asked for
     * @param path      file asked for; null for the repository listing
     * @param sentToken whether an Authorization header was sent
     */
    static HubAccessException refusal(int status, HttpHeaders headers, URI endpoint, String repo, String revision,
                                      String path, boolean sentToken) {
        String code = headers.firstValue("X-Error-Code").orElse("");
        String message = headers.firstValue("X-Error-Message").orElse("");
        String page = trim(endpoint) + "/" + repo;
        String text;
        if (code.equals("RevisionNotFound")) {
            text = "The repository " + repo + " has no revision '" + revision
                    + "': set the revision to a branch, tag or commit it has (see " + page + "/commits/main).";
        } else if (code.equals("EntryNotFound") || (status == 404 && path != null && code.isEmpty())) {
            text = "The repository " + repo + " has no file " + path + " at revision " + revision
                    + ": check the file name or choose another variant (see " + page + "/tree/" + revision + ").";
        } else if (code.equals("GatedRepo")) {
            text = sentToken
                    ? "The repository " + repo + " is gated and the account of HF_TOKEN has not been granted access: "
                            + "accept its conditions at " + page + " and try again."
                    : "The repository " + repo + " is gated: accept its conditions at " + page
                            + ", then set HF_TOKEN to an access token of that account.";
        } else if (status == 401 && message.equals(INVALID_CREDENTIALS)) {
            text = "The hub refused the token in HF_TOKEN as invalid: create a new one at " + trim(endpoint)
                    + "/settings/tokens, or unset HF_TOKEN for public models.";
        } else if (code.equals("RepoNotFound") || status == 401 || status == 404) {
            text = "The repository " + repo + " was not found on " + trim(endpoint) + ": check its name"
                    + (sentToken ? ", and that the account of HF_TOKEN may read it if it is private."
                            : "; if it is private or gated, set HF_TOKEN to an access token that may read it.");
        } else if (status == 403) {
            text = "The hub refused access to " + repo + (message.isEmpty() ? "" : " (" + stripDot(message) + ")")
                    + ": make sure the token in HF_TOKEN has read access to it.";
        } else {
            text = "The hub answered HTTP " + status + " for " + repo + (path == null ? "" : "/" + path)
                    + (message.isEmpty() ? "." : ": " + stripDot(message) + ".");
        }
        return new HubAccessException(status, text);
    }

    /** Statuses that may pass: worth another try. */
    static boolean transientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String trim(URI endpoint) {
        return endpoint.toString().replaceAll("/+$", "");
    }

    private static String stripDot(String message) {
        return message.strip().replaceAll("\\.+$", "");
    }
}
