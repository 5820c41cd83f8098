package workbook.checker.validate;

/** One thing `validate` found wrong, printed as {@code file:line: message} (the file relative to the checkout). */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
