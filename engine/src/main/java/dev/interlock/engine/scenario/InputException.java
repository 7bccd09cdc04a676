package dev.interlock.engine.scenario;

import java.util.List;

/**
 * The user's input (a scenario, an actuals file, a command-line value) is wrong. Carries every problem
 * found, so a user fixes them all in one pass. The CLI prints {@link #problems()} and exits with code 2;
 * no stack trace is ever shown for this type.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    public InputException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(p.format());
        }
        return b.toString();
    }
}
