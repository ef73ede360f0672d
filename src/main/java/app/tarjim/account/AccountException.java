package app.tarjim.account;

/** A change to accounts or keys that cannot be made, with a message for the person who asked for it. */
public class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }
}
