package dev.interlock.engine.run;

/** Told how many trials are done, from the coordinating thread, at most once per block. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(long done, long total);
}
