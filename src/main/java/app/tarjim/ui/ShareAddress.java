package app.tarjim.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;

/**
 * Where share links point: {@code tarjim.share.base-url} when set, else this request's own base address
 * (scheme, host and context path, as the API builds its links), so a link is absolute even after a reload.
 */
@Component
public class ShareAddress {

    private final String configured;

    public ShareAddress(@Value("${tarjim.share.base-url:}") String configured) {
        this.configured = configured.strip().replaceAll("/+$", "");
    }

    /** The base for links, read while a request is being served (a view's constructor); empty outside one. */
    public Optional<String> base() {
        if (!configured.isEmpty()) {
            return Optional.of(configured);
        }
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            return Optional.of(ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest())
                    .toUriString().replaceAll("/+$", ""));
        }
        return Optional.empty();
    }
}
