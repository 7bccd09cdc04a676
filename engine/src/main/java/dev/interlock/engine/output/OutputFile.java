package dev.interlock.engine.output;

import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One output file written all at once or not at all, the single-file counterpart of {@link OutputDir}:
 * the text goes to a hidden temporary file beside the target, which a rename then puts in place. A file
 * that does not start with the expected header (one Interlock did not write) is never replaced.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * Checks that {@code target} can be (re)placed, before any work starts.
     *
     * @param header the first characters of a file this command wrote before
     * @throws InputException when it is a directory, or a file someone else wrote
     */
    public static void check(Path target, String header) {
        String name = target.toString();
        if (name.isBlank()) {
            throw new InputException(new Problem("-o", 0, 0, "", "expected a file name to write, found an empty path"));
        }
        if (Files.isDirectory(target)) {
            throw new InputException(new Problem(name, 0, 0, "", "expected a file name to write, found a directory"));
        }
        if (Files.exists(target)) {
            String first;
            try (BufferedReader r = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
                first = r.readLine();
            } catch (IOException e) {
                first = null;
            }
            if (first == null || !first.startsWith(header)) {
                throw new InputException(new Problem(name, 0, 0, "", "expected a new file or one this command wrote "
                        + "before; found another file. Choose another output name (nothing was written)."));
            }
        }
        OutputDir.checkLocation(target);
    }

    /** Writes {@code text} to {@code target} atomically, after {@link #check}. */
    public static void write(Path target, String text, String header) throws IOException {
        check(target, header);
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".interlock-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
