package app.tarjim.security;

/** How people sign in ({@code tarjim.security.mode}). */
public enum SecurityMode {
    /** No sign-in: anyone who reaches the server uses it; history belongs to a browser cookie (zero setup). */
    NONE,
    /** Accounts in Tarjim's database, passwords hashed; the first admin is made with {@code tarjim users add}. */
    LOCAL,
    /** Sign-in through an OpenID Connect provider (Keycloak, Entra ID, Google, ...). */
    OIDC;

    public boolean signIn() {
        return this != NONE;
    }
}
