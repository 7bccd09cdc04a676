package dev.interlock.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The engine's version and the commit it was built from, written into every output so results can be traced
 * to the code that made them: the same scenario and seed give the same numbers with the same build, while a
 * later commit may change them (a corrected rule, another sampler) under the same version number.
 *
 * <p>Both come from {@code version.properties}, which the build fills in (engine/pom.xml: the project
 * version, and the abbreviated commit id with "-dirty" when the work tree had uncommitted changes). A build
 * outside a git work tree, or classes run without the build's resources, give {@value #UNKNOWN}.
 */
public final class Version {
    /** What {@link #BUILD} (or {@link #VERSION}) reads when the build could not tell. */
    public static final String UNKNOWN = "unknown";
    /** The project version, e.g. {@code 0.1.0}. */
    public static final String VERSION;
    /** The commit the engine was built from, e.g. {@code 87f4741} or {@code 87f4741-dirty}; or {@value #UNKNOWN}. */
    public static final String BUILD;

    static {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unreadable resource: both stay unknown
        }
        VERSION = filled(p.getProperty("version"));
        String commit = filled(p.getProperty("commit"));
        BUILD = commit.equals(UNKNOWN) ? UNKNOWN
                : "true".equals(p.getProperty("dirty")) ? commit + "-dirty" : commit;
    }

    private Version() {
    }

    /** A value the build filled in, or {@value #UNKNOWN} for one it left as a {@code ${…}} placeholder or blank. */
    static String filled(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return UNKNOWN;
        }
        return value.trim();
    }

    /** Version and build for people: {@code 0.1.0 (build 87f4741)}, or the version alone when the build is unknown. */
    public static String describe() {
        return BUILD.equals(UNKNOWN) ? VERSION : VERSION + " (build " + BUILD + ")";
    }
}
