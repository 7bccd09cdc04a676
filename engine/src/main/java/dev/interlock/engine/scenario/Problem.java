package dev.interlock.engine.scenario;

/**
 * One thing wrong with a user's input file, located precisely enough to fix it without a debugger.
 *
 * <p>Rendered as {@code file:line:column: key.path: message}, for example
 * {@code crunch.yaml:14:7: funnel.win_rate.sd: expected a number > 0, found -0.05}. Line and column
 * count from 1; 0 means "the whole file" (for example an empty or unreadable file).
 *
 * @param file    the file name as the user gave it
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0
 * @param keyPath dotted key path such as {@code marketing.channels[0].spend.base}; empty for the file
 * @param message what was expected and what was found, and a suggestion where there is one
 */
public record Problem(String file, int line, int column, String keyPath, String message) {

    /** The one-line form users see. */
    public String format() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {   // columns count from 1; 0 means the whole line (a CSV row, for example)
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        return b.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
