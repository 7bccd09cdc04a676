package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartContextTest {
    @Test
    void groupedWritesWhatFormatWrites() {
        for (long n : new long[] {0, 1, -1, 12, 999, -999, 1000, -1000, 10_000, 123_456, 1_234_567, -1_234_567,
                100_000_000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(ChartContext.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void futuresCountsTheTrials() {
        assertThat(new ChartContext("USD", new String[] {""}, 10_000).futures()).isEqualTo("10,000 futures");
    }
}
