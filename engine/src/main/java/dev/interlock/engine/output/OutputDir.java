package dev.interlock.engine.output;

import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output directory written all at once or not at all. Files go to a hidden staging directory beside
 * the target; {@link #commit()} then swaps it in with renames, so the target holds either the previous
 * complete result or the new complete result — after a crash, a kill or a full disk, never a mix.
 * A directory that Interlock did not write (no {@value #MARKER} file, not empty) is never replaced.
 */
public final class OutputDir implements AutoCloseable {
    public static final String MARKER = ".interlock-output";
    private static final String STAGING = ".interlock-staging-";
    private final Path target;
    private final Path staging;
    private boolean committed;
    private final Thread cleanup;

    private OutputDir(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.cleanup = new Thread(this::deleteStaging, "interlock-output-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Checks that {@code target} can be (re)placed, before any work starts.
     *
     * @throws InputException when it is a file, or a directory with someone else's files
     */
    public static void check(Path target) {
        String name = target.toString();
        if (name.isBlank()) {
            throw new InputException(new Problem("-o", 0, 0, "", "expected an output directory, found an empty "
                    + "path (for example -o out)"));
        }
        Path abs = target.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        if (here.startsWith(abs)) {
            // the directory is replaced as a whole: the shell would be left standing in a deleted directory
            throw new InputException(new Problem(name, 0, 0, "", "expected an output directory other than the one you "
                    + "are working in or one that holds it (it is replaced as a whole); for example -o out"));
        }
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new InputException(new Problem(name, 0, 0, "", "expected an output directory, found a link to "
                    + "nothing (" + readLink(target) + ")"));
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new InputException(new Problem(name, 0, 0, "", "expected an output directory, found a file"));
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve(MARKER)) && !isEmpty(target)) {
            throw new InputException(new Problem(name, 0, 0, "",
                    "expected a new or empty directory, or one Interlock wrote before; found other files. "
                            + "Choose another -o directory (nothing was written)."));
        }
        checkLocation(target);
    }

    /**
     * Checks that the output {@code target} (a directory or a file) can be created where it is: the nearest part of
     * its path that exists must be a directory in which files can be created. Tried with a probe directory
     * (created and removed at once), so that a read-only or special file system is reported before any work, not
     * after the simulation.
     *
     * @throws InputException when a file is in the way or nothing can be created there
     */
    public static void checkLocation(Path target) {
        String name = target.toString();
        Path abs = target.toAbsolutePath().normalize();
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new InputException(new Problem(name, 0, 0, "", "cannot write here: " + existing
                    + " is a file, not a directory"));
        }
        try {
            Path probe = Files.createTempDirectory(existing, ".interlock-probe-");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new InputException(new Problem(name, 0, 0, "", "cannot write here: cannot create files in "
                    + existing + " (" + reason(e) + "); choose another -o directory"));
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "unreadable";
        }
    }

    /** The operating system's words for a failed file operation, without Java class names or temp paths. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        return "not allowed";
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts writing; tidies up after runs that were killed: their staging directories are removed, and a previous
     * result that a run had moved aside just before it was killed (between the two renames of {@link #commit()})
     * is put back where it was.
     */
    public static OutputDir open(Path target) throws IOException {
        check(target);
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String base = "." + abs.getFileName() + ".interlock-";
        // a prefix test, not a glob: the name may hold glob characters ({, [, *)
        DirectoryStream.Filter<Path> ours = p -> p.getFileName().toString().startsWith(base);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, ours)) {
            for (Path p : s) {
                String rest = p.getFileName().toString().substring(base.length());
                boolean aside = rest.startsWith("old-");
                if (!(aside || rest.startsWith("staging-") || rest.startsWith("done-"))) {
                    continue;   // not a name Interlock gives: leave it
                }
                long pid = parsePid(rest);
                if (pid >= 0 && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                    if (aside && !Files.exists(abs)) {
                        Files.move(p, abs, StandardCopyOption.ATOMIC_MOVE);   // killed between the two renames
                    } else {
                        deleteTree(p);
                    }
                }
            }
        }
        // staging that killed runs left for other output names here: removed once a day old, since a run in
        // another process namespace or on another host sharing the directory would look dead by its pid
        long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
        DirectoryStream.Filter<Path> staged = p -> p.getFileName().toString().startsWith(".")
                && p.getFileName().toString().contains(STAGING) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, staged)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                long pid = parsePid("staging-" + n.substring(n.lastIndexOf(STAGING) + STAGING.length()));
                if (pid >= 0 && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < dayAgo) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            // best effort: they are hidden, and the next run to their own name removes them
        }
        Path staging = parent.resolve("." + abs.getFileName() + STAGING + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        Files.createDirectory(staging);
        return new OutputDir(abs, staging);
    }

    private static long parsePid(String rest) {
        String[] parts = rest.split("-");
        if (parts.length < 2) {
            return -1;
        }
        try {
            return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A path to write inside the staging directory. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    /**
     * Swaps the complete staging directory in place of the target, after checking again that the target may be
     * replaced: someone may have put other files there while the run was going.
     *
     * @throws InputException when the target has become a file or a directory of someone else's files
     */
    public void commit() throws IOException {
        check(target);
        Files.writeString(staging.resolve(MARKER), "written by Interlock; this directory is replaced on every run\n",
                StandardCharsets.UTF_8);
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".interlock-old-" + ProcessHandle.current().pid()
                    + "-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        if (old != null) {
            // renamed "done-" first: an "old-" copy is put back by the next run when the target is missing, which
            // is right only between the two renames above, never for a copy a clean-up failed to remove
            Path done = old.resolveSibling(old.getFileName().toString().replace(".interlock-old-", ".interlock-done-"));
            try {
                Files.move(old, done, StandardCopyOption.ATOMIC_MOVE);
                old = done;
            } catch (IOException e) {
                // delete it under its old name, then
            }
            try {
                deleteTree(old);
            } catch (IOException e) {
                // the new result is in place; the hidden copy is removed by the next run to this name
            }
        }
    }

    @Override
    public void close() {
        deleteStaging();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void deleteStaging() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // best effort: a later run removes leftovers
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> w = Files.walk(p)) {
            for (Path q : (Iterable<Path>) w.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
