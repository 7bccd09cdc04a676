package dev.interlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The version and build id that every output carries come from the build, not from a constant in the code. */
class VersionTest {

    @Test
    void versionIsTheProjectVersionFromThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        int parent = pom.indexOf("<parent>");
        String inParent = pom.substring(parent, pom.indexOf("</parent>"));
        String expected = inParent.replaceAll("(?s).*<version>([^<]+)</version>.*", "$1");
        assertThat(Version.VERSION).isEqualTo(expected).isNotEqualTo(Version.UNKNOWN);
    }

    @Test
    void buildIsTheCommitOfTheWorkTreeWhenThereIsOne() throws IOException {
        Optional<String> head = headCommit(Path.of("..", ".git"));
        if (head.isEmpty()) {   // a source archive: nothing to compare against
            assertThat(Version.BUILD).isEqualTo(Version.UNKNOWN);
            return;
        }
        assertThat(Version.BUILD).matches("[0-9a-f]{7}(-dirty)?");
        assertThat(head.get()).startsWith(Version.BUILD.substring(0, 7));
        assertThat(Version.describe()).isEqualTo(Version.VERSION + " (build " + Version.BUILD + ")");
    }

    @Test
    void placeholdersTheBuildDidNotFillReadUnknown() {
        assertThat(Version.filled("${git.commit.id.abbrev}")).isEqualTo(Version.UNKNOWN);
        assertThat(Version.filled(null)).isEqualTo(Version.UNKNOWN);
        assertThat(Version.filled("  ")).isEqualTo(Version.UNKNOWN);
        assertThat(Version.filled(" 1a2b3c4 ")).isEqualTo("1a2b3c4");
    }

    /**
     * The full id HEAD points to, read from the repository's files (loose or packed refs), if this is a clone
     * or a linked work tree (whose .git is a file naming its git directory, with the refs in the common one).
     */
    private static Optional<String> headCommit(Path dotGit) throws IOException {
        Path gitDir = dotGit;
        if (Files.isRegularFile(dotGit)) {
            String link = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
            gitDir = dotGit.getParent().resolve(link.substring("gitdir:".length()).trim());
        } else if (!Files.isDirectory(dotGit)) {
            return Optional.empty();
        }
        Path common = gitDir;
        if (Files.exists(gitDir.resolve("commondir"))) {
            common = gitDir.resolve(Files.readString(gitDir.resolve("commondir"), StandardCharsets.UTF_8).trim());
        }
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref: ")) {
            return Optional.of(head);   // detached
        }
        String ref = head.substring(5);
        for (Path dir : new Path[] {gitDir, common}) {
            if (Files.exists(dir.resolve(ref))) {
                return Optional.of(Files.readString(dir.resolve(ref), StandardCharsets.UTF_8).trim());
            }
        }
        for (String line : Files.readAllLines(common.resolve("packed-refs"), StandardCharsets.UTF_8)) {
            if (line.endsWith(" " + ref)) {
                return Optional.of(line.substring(0, line.indexOf(' ')));
            }
        }
        return Optional.empty();
    }
}
