package dev.interlock.engine.scenario;

/**
 * Told every key the loader accepts at each place in a scenario, as a schema path: list indices are
 * written {@code []} and user-chosen names {@code <name>} ({@code structures.<name>.handoff_quality}).
 * The documentation test uses it to check that every accepted key is documented.
 */
@FunctionalInterface
public interface KeyRecorder {
    KeyRecorder NONE = (schemaPath, key) -> { };

    void accepted(String schemaPath, String key);
}
