package app.tarjim.account.web;

import jakarta.servlet.http.HttpServletRequest;
import app.tarjim.security.SecurityMode;
import app.tarjim.security.SecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of mode local: a plain HTML form (no script needed) that posts name and password to
 * Spring Security's /login with the CSRF token. Says why the last attempt failed without telling whether an
 * account exists.
 */
@Controller
@ConditionalOnExpression("'${tarjim.security.mode:none}'.toLowerCase() != 'none'")
class LoginPageController {

    private final boolean singleSignOn;

    LoginPageController(SecurityProperties security) {
        this.singleSignOn = security.mode() == SecurityMode.OIDC;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = message(request);
        if (singleSignOn) {
            // Mode oidc: sign-in happens at the provider; this page only says why it did not work.
            return html(PAGE.formatted(message + (message.isEmpty() ? "" : "<p>If this persists, ask an admin.</p>")
                    + "<p><a id=\"sso\" href=\"" + HtmlUtils.htmlEscape(request.getContextPath())
                    + "/oauth2/authorization/tarjim\">Sign in with single sign-on</a></p>"));
        }
        String form = """
                <form method="post" action="%s/login">
                <label for="username">Name</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                %s
                <button type="submit" id="sign-in">Sign in</button>
                </form>
                """.formatted(HtmlUtils.htmlEscape(request.getContextPath()),
                csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                        + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">");
        return html(PAGE.formatted(message + form));
    }

    private static ResponseEntity<String> html(String html) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store").body(html);
    }

    private static final String PAGE = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in — Tarjim</title>
                <style>
                body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;min-height:100vh;
                align-items:center;justify-content:center}
                main{background:#fff;padding:2rem 2.5rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:20rem}
                h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;margin:.8rem 0 .2rem}
                input{width:100%%;box-sizing:border-box;padding:.5rem;font-size:1rem}
                button{margin-top:1.2rem;width:100%%;padding:.6rem;font-size:1rem;background:#1565c0;color:#fff;
                border:0;border-radius:4px;cursor:pointer}
                p.msg{background:#fdecea;color:#8a1c1c;padding:.5rem;border-radius:4px}
                p.ok{background:#e8f5e9;color:#1b5e20;padding:.5rem;border-radius:4px}
                </style></head>
                <body><main>
                <h1>Sign in to Tarjim</h1>
                %s
                </main></body></html>
                """;

    private String message(HttpServletRequest request) {
        if (request.getParameter("locked") != null) {
            return "<p class=\"msg\" role=\"alert\">This account is locked after too many wrong passwords. "
                    + "Try again later, or ask an admin to reset it.</p>";
        }
        if (request.getParameter("slow") != null) {
            return "<p class=\"msg\" role=\"alert\">Too many sign-in attempts from here. Wait a minute and try "
                    + "again.</p>";
        }
        if (request.getParameter("error") != null) {
            return "<p class=\"msg\" role=\"alert\">" + (singleSignOn ? "Signing in did not work: the account "
                    + "may be disabled in Tarjim." : "Wrong name or password, or the account is disabled.") + "</p>";
        }
        if (request.getParameter("logout") != null) {
            return "<p class=\"ok\" role=\"status\">You are signed out.</p>";
        }
        return "";
    }
}
