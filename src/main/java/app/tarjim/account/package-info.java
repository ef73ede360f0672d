/**
 * Accounts, API keys made by users, and the audit log, for {@code tarjim.security.mode} local and oidc. Work
 * belongs to an account through the owner {@code user:NAME} (see {@code security.SignedIn}); this package
 * stores who may sign in and with what, and wires sign-in into the {@code security} chain. Uses only
 * {@code security} (and {@code api.RateLimiter}); the UI and the CLI use it.
 */
package app.tarjim.account;
