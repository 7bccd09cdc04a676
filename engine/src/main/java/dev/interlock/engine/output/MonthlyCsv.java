package dev.interlock.engine.output;

import dev.interlock.engine.model.Metric;
import dev.interlock.engine.stats.Stats;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code monthly.csv}: one row per metric and month (months count from 1), with mean, sd, P5…P95,
 * the exact min and max over trials, and for the gap and backlog metrics the share of trials above the
 * threshold ({@code p_exceed}, with {@code exceed_threshold}: 0 for the gaps, so it is P(gap > 0)). Money
 * metrics name the scenario's currency in their unit ({@code USD/month}).
 */
public final class MonthlyCsv {
    private MonthlyCsv() {
    }

    public static void write(Stats s, String[] monthLabels, String currency, Writer w) throws IOException {
        StringBuilder b = new StringBuilder("metric,unit,month,calendar_month,mean,sd");
        for (String n : Stats.LEVEL_NAMES) {
            b.append(',').append(n);
        }
        b.append(",min,max,p_exceed,exceed_threshold\n");
        w.write(b.toString());
        for (Metric m : Metric.values()) {
            boolean exceed = s.hasExceedance(m);
            String unit = Fmt.csv(Words.unit(m.unit(), currency));
            for (int t = 0; t < s.horizon(); t++) {
                b.setLength(0);
                b.append(m.key()).append(',').append(unit).append(',').append(t + 1).append(',')
                        .append(monthLabels[t]).append(',')
                        .append(Fmt.num(s.mean(m, t))).append(',').append(Fmt.num(s.sd(m, t)));
                for (double q : Stats.LEVELS) {
                    b.append(',').append(Fmt.num(s.quantile(m, t, q)));
                }
                b.append(',').append(Fmt.num(s.min(m, t))).append(',').append(Fmt.num(s.max(m, t))).append(',');
                if (exceed) {
                    b.append(Fmt.num(s.exceedProbability(m, t))).append(',').append(Fmt.num(s.exceedThreshold(m)));
                } else {
                    b.append(',');
                }
                b.append('\n');
                w.write(b.toString());
            }
        }
    }

    /** "2027-01", "2027-02", … from a start month, or "" for each month when there is none. */
    public static String[] monthLabels(String startMonth, int horizon) {
        String[] out = new String[horizon];
        if (startMonth == null) {
            java.util.Arrays.fill(out, "");
            return out;
        }
        int y = Integer.parseInt(startMonth.substring(0, 4));
        int m = Integer.parseInt(startMonth.substring(5, 7)) - 1;
        for (int t = 0; t < horizon; t++) {
            int k = m + t;
            out[t] = String.format(java.util.Locale.ROOT, "%04d-%02d", y + k / 12, k % 12 + 1);
        }
        return out;
    }
}
