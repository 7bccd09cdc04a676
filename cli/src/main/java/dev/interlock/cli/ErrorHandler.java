package dev.interlock.cli;

import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into messages and exit codes: bad input (an {@link InputException}) prints every
 * problem, located, and exits 2; an I/O failure prints its cause and exits 1; anything else is a bug,
 * printed as one line (the stack trace only with INTERLOCK_DEBUG=1) with exit 1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        PrintWriter err = cl.getErr();
        if (ex instanceof InputException ie) {
            int n = ie.problems().size();
            for (Problem p : ie.problems()) {
                err.println("error: " + p.format());
            }
            err.println(n == 1 ? "1 problem; nothing was run or written." : n + " problems; nothing was run or written.");
            err.flush();
            return BAD_INPUT;
        }
        if (ex instanceof java.io.IOException io) {
            err.println("error: could not write the output: " + describe(io));
            err.println("Nothing of this run was left in the output directory.");
            err.flush();
            return INTERNAL;
        }
        if (ex instanceof InterruptedException) {
            err.println("stopped; nothing of this run was left in the output directory.");
            err.flush();
            return 130;
        }
        err.println("internal error: " + ex + " (this is a bug in Interlock; rerun with INTERLOCK_DEBUG=1 for details)");
        if ("1".equals(System.getenv("INTERLOCK_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    static String describe(java.io.IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory: " + m;
        }
        if (m != null && m.contains("No space left")) {
            return "the disk is full (" + m + ")";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "a file is in the way: " + f.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + ": " + f.getFile();
        }
        return m != null ? m : "input/output error";
    }
}
