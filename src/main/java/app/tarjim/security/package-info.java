/**
 * Web-level protections shared by every face of the app (UI, HTTP API, share pages): canonical request
 * paths, security headers, cross-origin writes, request body limits and who an API caller is. Depends on
 * nothing else in Tarjim, so {@code api}, {@code batch.web} and {@code ui} can all use it.
 */
package app.tarjim.security;
