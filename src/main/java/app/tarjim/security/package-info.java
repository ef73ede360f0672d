/**
 * Web-level protections shared by every face of the app (UI, HTTP API, share pages): canonical request
 * paths, security headers, cross-origin writes, request body limits, who an API caller is, and the Spring
 * Security chain of {@code tarjim.security.mode} (none: permit all; local/oidc: views need sign-in, with the
 * sign-in method and users' API keys supplied by {@code account} through {@link app.tarjim.security.SignInMethod}
 * and {@link app.tarjim.security.ApiKeys}). Depends on
 * nothing else in Tarjim, so {@code api}, {@code batch.web} and {@code ui} can all use it.
 */
package app.tarjim.security;
