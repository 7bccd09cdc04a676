/** JMH benchmarks: the trial kernel against its RNG floor, scaling, memory, and the NumPy peer. */
package dev.interlock.benchmarks;
