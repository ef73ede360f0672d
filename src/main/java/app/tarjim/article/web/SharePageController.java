package app.tarjim.article.web;

import app.tarjim.article.ShareLink;
import app.tarjim.article.ShareService;
import app.tarjim.article.SharedArticle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves {@code /s/{token}}, the public page of a shared article, as plain server-rendered HTML so that
 * link-preview bots see the same content as people. Spring MVC handlers take precedence over Vaadin's
 * catch-all mapping, so this path never reaches Vaadin.
 */
@Controller
class SharePageController {

    private final ShareService shares;
    private final SharePageRenderer renderer;
    private final String baseUrl;

    SharePageController(ShareService shares, SharePageRenderer renderer,
                        @Value("${tarjim.share.base-url:}") String baseUrl) {
        this.shares = shares;
        this.renderer = renderer;
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    @GetMapping(ShareLink.PATH_PREFIX + "{token}")
    ResponseEntity<String> show(@PathVariable String token) {
        Optional<SharedArticle> shared = shares.resolve(token);
        // Unknown, revoked and expired links all get the same answer, so a token's history stays private.
        return shared.map(found -> page(HttpStatus.OK, renderer.render(found, urlOf(found.link()))))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, SharePageRenderer.NOT_FOUND_PAGE));
    }

    private String urlOf(ShareLink link) {
        if (!baseUrl.isEmpty()) {
            return baseUrl + link.path();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", SharePageRenderer.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                // A revoked link must stop working at once, also in caches along the way.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }
}
