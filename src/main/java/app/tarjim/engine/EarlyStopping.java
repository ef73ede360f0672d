package app.tarjim.engine;

/** Hugging Face's {@code early_stopping}: True, False or "never". */
enum EarlyStopping {
    TRUE, FALSE, NEVER;

    static EarlyStopping parse(String value) {
        if (value == null) {
            return FALSE;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> TRUE;
            case "false" -> FALSE;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException("early_stopping must be true, false or never, not " + value);
        };
    }
}
