package dev.interlock.engine;

/** The engine's version, written into every output so results can be traced to the code that made them. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
