package dev.interlock.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.scenario.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The all-or-nothing output directory: what it replaces, what it never replaces, and how it recovers. */
class OutputDirTest {

    private static void write(Path dir, String text) throws Exception {
        try (OutputDir out = OutputDir.open(dir)) {
            Files.writeString(out.file("a.txt"), text, StandardCharsets.UTF_8);
            out.commit();
        }
    }

    private static long leftovers(Path parent) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().contains(".interlock-")).count();
        }
    }

    @Test
    void aNameWithGlobCharactersIsWrittenAndReplaced(@TempDir Path tmp) throws Exception {
        // the leftover scan once used the name as a glob pattern: 'a{b' was a syntax error
        Path dir = tmp.resolve("a{b [x");
        write(dir, "first");
        write(dir, "second");
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("second");
        assertThat(leftovers(tmp)).isZero();
    }

    @Test
    void filesPutInTheTargetDuringTheRunAreNotReplaced(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        try (OutputDir out = OutputDir.open(dir)) {
            Files.writeString(out.file("a.txt"), "result");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("notes.txt"), "mine");   // someone else's file, mid-run
            assertThatThrownBy(out::commit).isInstanceOf(InputException.class)
                    .hasMessageContaining("found other files");
        }
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(dir.resolve("a.txt")).doesNotExist();
        assertThat(leftovers(tmp)).as("the staging directory is removed").isZero();
    }

    @Test
    void aPreviousResultMovedAsideByAKilledRunIsPutBack(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        write(dir, "previous");
        // what a run killed between commit's two renames leaves: the old result aside, no target
        Path aside = tmp.resolve(".out.interlock-old-" + Long.MAX_VALUE + "-1");
        Files.move(dir, aside);
        try (OutputDir out = OutputDir.open(dir)) {
            assertThat(Files.readString(dir.resolve("a.txt"))).as("restored before the new run writes")
                    .isEqualTo("previous");
            assertThat(aside).doesNotExist();
            // a run that then fails leaves the previous result in place
        }
        assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("previous");
        assertThat(leftovers(tmp)).isZero();
    }

    @Test
    void theWorkingDirectoryAndItsParentsAreNotOutputDirectories() {
        // replacing them would leave the shell in a deleted directory
        for (String p : new String[] {".", "..", ""}) {
            assertThatThrownBy(() -> OutputDir.check(Path.of(p))).as("-o '%s'", p).isInstanceOf(InputException.class)
                    .hasMessageContaining("for example -o out");
        }
    }

    @Test
    void aLinkToNothingIsRefusedBeforeAnyWork(@TempDir Path tmp) throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> OutputDir.check(link)).isInstanceOf(InputException.class)
                .hasMessageContaining("a link to nothing");
    }

    @Test
    void stagingLeftByKilledRunsForOtherNamesIsRemovedOnceADayOld(@TempDir Path tmp) throws Exception {
        Path old = Files.createDirectories(tmp.resolve(".other.interlock-staging-" + Long.MAX_VALUE + "-7"));
        Files.writeString(old.resolve("trials.csv"), "partial");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * 24 * 3600 * 1000L));
        // as fresh, a staging whose pid looks dead may be a live run in another process namespace or host
        Path fresh = Files.createDirectories(tmp.resolve(".third.interlock-staging-" + Long.MAX_VALUE + "-7"));
        Path alive = Files.createDirectories(tmp.resolve(".busy.interlock-staging-" + ProcessHandle.current().pid() + "-7"));
        write(tmp.resolve("out"), "x");
        assertThat(old).as("a dead run's partial files, two days old").doesNotExist();
        assertThat(fresh).as("fresh, maybe another host's run").exists();
        assertThat(alive).as("a running run's staging").exists();
    }

    @Test
    void onlyACopyMovedAsideBetweenTheTwoRenamesIsPutBack(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        // a copy whose clean-up failed after a completed swap is "done-": never the current result again
        Path done = Files.createDirectories(tmp.resolve(".out.interlock-done-" + Long.MAX_VALUE + "-1"));
        Files.writeString(done.resolve("a.txt"), "two runs old");
        Path mine = Files.createDirectories(tmp.resolve(".out.interlock-backup"));   // not a name Interlock gives
        try (OutputDir out = OutputDir.open(dir)) {
            assertThat(dir).doesNotExist();
            assertThat(done).doesNotExist();
            assertThat(mine).exists();
        }
        // and a completed swap leaves neither an old- nor a done- copy
        write(dir, "first");
        write(dir, "second");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".out.interlock-")))
                    .containsExactly(".out.interlock-backup");
        }
    }
}
