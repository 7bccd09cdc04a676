package dev.interlock.engine.actuals;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closed deals by the month their lead arrived and the month they closed: the data the sales-cycle lag
 * (MODEL.md section 2) is estimated from. Lag = close month − lead month, in whole calendar months, ≥ 0.
 * The table is taken to list every deal that closed in the months it covers (see
 * {@code Calibrate}'s observation window).
 */
public final class DealTable {
    private final String file;
    private final TreeMap<YearMonth, TreeMap<Integer, Long>> byLead;
    private final long total;

    /** @param byLead lead month → (lag in months → deals); copied */
    public DealTable(String file, Map<YearMonth, ? extends Map<Integer, Long>> byLead) {
        this.file = file;
        this.byLead = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<YearMonth, ? extends Map<Integer, Long>> e : byLead.entrySet()) {
            TreeMap<Integer, Long> lags = new TreeMap<>();
            for (Map.Entry<Integer, Long> l : e.getValue().entrySet()) {
                if (l.getKey() < 0 || l.getValue() < 0) {
                    throw new IllegalArgumentException("negative lag or count");
                }
                if (l.getValue() > 0) {
                    lags.put(l.getKey(), l.getValue());
                    sum += l.getValue();
                }
            }
            if (!lags.isEmpty()) {
                this.byLead.put(e.getKey(), lags);
            }
        }
        this.total = sum;
    }

    public String file() {
        return file;
    }

    /** Deals whose lead arrived in {@code lead} and closed {@code lag} months later. */
    public long deals(YearMonth lead, int lag) {
        TreeMap<Integer, Long> m = byLead.get(lead);
        return m == null ? 0 : m.getOrDefault(lag, 0L);
    }

    /** Every deal in the table. */
    public long total() {
        return total;
    }

    /** Lead months with at least one deal, in order, each with its deals by lag (read-only). */
    public Map<YearMonth, Map<Integer, Long>> byLead() {
        TreeMap<YearMonth, Map<Integer, Long>> out = new TreeMap<>();
        for (Map.Entry<YearMonth, TreeMap<Integer, Long>> e : byLead.entrySet()) {
            out.put(e.getKey(), Collections.unmodifiableMap(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The longest lag in the table, or −1 when it is empty. */
    public int maxLag() {
        int max = -1;
        for (TreeMap<Integer, Long> m : byLead.values()) {
            max = Math.max(max, m.lastKey());
        }
        return max;
    }

    /** The earliest close month in the table, or null when it is empty. */
    public YearMonth firstClose() {
        YearMonth best = null;
        for (Map.Entry<YearMonth, TreeMap<Integer, Long>> e : byLead.entrySet()) {
            YearMonth c = e.getKey().plusMonths(e.getValue().firstKey());
            if (best == null || c.isBefore(best)) {
                best = c;
            }
        }
        return best;
    }

    /** The deals that had closed by the end of {@code last}. */
    public DealTable through(YearMonth last) {
        TreeMap<YearMonth, TreeMap<Integer, Long>> out = new TreeMap<>();
        for (Map.Entry<YearMonth, TreeMap<Integer, Long>> e : byLead.entrySet()) {
            long maxLag = e.getKey().until(last, ChronoUnit.MONTHS);
            if (maxLag < 0) {
                continue;
            }
            out.put(e.getKey(), new TreeMap<>(e.getValue().headMap((int) maxLag, true)));
        }
        return new DealTable(file, out);
    }
}
