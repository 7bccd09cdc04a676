package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in real processes: a run killed mid-way (SIGKILL), a run interrupted (SIGINT, Ctrl-C), a
 * full disk, an unwritable place, and the same bytes under other locales, time zones and charsets.
 */
class FaultsTest {
    static final String SAAS = Path.of("..", "scenarios", "saas.yaml").toAbsolutePath().toString();

    static ProcessBuilder interlock(Path workDir, List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.interlock.cli.Interlock");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    }

    /** Every file below dir (relative path → bytes). */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) w.filter(Files::isRegularFile)::iterator) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    static void awaitStaging(Path parent, Process p) throws Exception {
        for (int i = 0; i < 600 && p.isAlive(); i++) {
            try (Stream<Path> s = Files.list(parent)) {
                if (s.anyMatch(x -> x.getFileName().toString().contains(".interlock-staging-"))) {
                    Thread.sleep(1500);   // let it write into the staging directory for a while
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never started writing");
    }

    @Test
    void killedRunLeavesThePreviousCompleteResult(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process first = interlock(tmp, List.of(), "run", SAAS, "--trials", "2000", "-o", out.toString()).start();
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(new String(first.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .as("a run that finishes is not 'interrupted'").contains("Wrote").doesNotContain("interrupted");
        Map<String, byte[]> before = snapshot(out);
        assertThat(before).containsKeys("monthly.csv", "trials.csv", "summary.json");

        Process p = interlock(tmp, List.of(), "run", SAAS, "--trials", "5000000", "-o", out.toString()).start();
        awaitStaging(tmp, p);
        assertThat(p.isAlive()).as("still running when killed").isTrue();
        p.destroyForcibly();   // SIGKILL: no shutdown hook runs
        p.waitFor(30, TimeUnit.SECONDS);

        Map<String, byte[]> after = snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String k : before.keySet()) {
            assertThat(after.get(k)).as(k).isEqualTo(before.get(k));
        }
        // the next run cleans the dead run's staging directory and replaces the result whole
        Process next = interlock(tmp, List.of(), "run", SAAS, "--trials", "1000", "-o", out.toString()).start();
        assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(next.exitValue()).isZero();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("out");
        }
        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(1001);
    }

    @Test
    void killedFirstRunLeavesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("fresh");
        Process p = interlock(tmp, List.of(), "run", SAAS, "--trials", "5000000", "-o", out.toString()).start();
        awaitStaging(tmp, p);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(out).doesNotExist();
    }

    @Test
    void interruptStopsPromptlyAndCleansUp(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Process p = interlock(tmp, List.of(), "run", SAAS, "--trials", "5000000", "-o", out.toString()).start();
        awaitStaging(tmp, p);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped after Ctrl-C").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .as("says so").contains("interrupted: stopped before the end");
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.count()).as("no staging directory left").isZero();
        }
    }

    @Test
    void fullDiskGivesAClearErrorAndLeavesNothing(@TempDir Path tmp) throws Exception {
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (needs root); not tested");
        try {
            Path out = disk.resolve("out");
            Process p = interlock(tmp, List.of(), "run", SAAS, "--trials", "20000", "-o", out.toString()).start();
            String text = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(text).contains("disk is full").doesNotContain("\tat ");
            try (Stream<Path> s = Files.list(disk)) {
                assertThat(s.count()).as("nothing left on the full disk").isZero();
            }
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }

    @Test
    void outputUnderAFileGivesAClearError(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        Cli r = Cli.run("run", SAAS, "--trials", "100", "-o", file.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);   // the user's path, checked before anything runs
        assertThat(r.err()).contains("error:", file + " is a file, not a directory").doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("x");
        // the same for a file calibrate would write under it
        Cli c = Cli.run("calibrate", "../scenarios/actuals/olist-funnel.csv", "-o", file.resolve("x.yaml").toString());
        assertThat(c.code()).as(c.err()).isEqualTo(2);
        assertThat(c.err()).contains("is a file, not a directory");
    }

    @Test
    void outputWhereNothingCanBeCreatedIsRefusedBeforeTheRun(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        Cli r = Cli.run("run", SAAS, "--trials", "100", "-o", "/proc/interlock-out");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write here: cannot create files in /proc").doesNotContain("staging")
                .doesNotContain("Exception");
        assertThat(r.out()).doesNotContain("P50");   // refused before simulating, so no results were printed
        Cli blank = Cli.run("run", SAAS, "--trials", "100", "-o", "");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("found an empty path");
    }

    @Test
    void sameBytesUnderOtherLocalesTimeZonesAndCharsets(@TempDir Path tmp) throws Exception {
        List<List<String>> envs = List.of(
                List.of("-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC"),
                List.of("-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Asia/Kolkata",
                        "-Dfile.encoding=ISO-8859-1"),
                List.of("-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=America/St_Johns"));
        Map<String, byte[]> reference = null;
        for (int i = 0; i < envs.size(); i++) {
            Path out = tmp.resolve("o" + i);
            Process p = interlock(tmp, envs.get(i), "compare", SAAS, "--trials", "1500", "--threads",
                    Integer.toString(1 + i), "-o", out.toString()).start();
            String text = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(text).isZero();
            Map<String, byte[]> files = snapshot(out);
            if (reference == null) {
                reference = files;
            } else {
                assertThat(files.keySet()).isEqualTo(reference.keySet());
                for (String k : files.keySet()) {
                    assertThat(files.get(k)).as("%s under %s", k, envs.get(i)).isEqualTo(reference.get(k));
                }
            }
        }
    }
}
