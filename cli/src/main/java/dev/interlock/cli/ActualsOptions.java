package dev.interlock.cli;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.ActualsReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The two optional tables that travel with an actuals file, spelled the same way by every command. */
final class ActualsOptions {
    @Option(names = "--cohorts", paramLabel = "CSV",
            description = "Cohort table: cohort_month, tenure (0, 1, … months since go-live), alive. Gives churn.")
    Path cohorts;

    @Option(names = "--deals", paramLabel = "CSV",
            description = "Deals table: lead_month, close_month (YYYY-MM or a date), optional deals count. "
                    + "Gives the sales cycle and, with monthly leads, the lead-to-close rate.")
    Path deals;

    Actuals read(Path monthly) {
        return ActualsReader.read(monthly, cohorts, deals);
    }

    /** " with a.csv and b.csv" for the tables given, or "". */
    String describe() {
        StringBuilder b = new StringBuilder();
        if (cohorts != null) {
            b.append(cohorts);
        }
        if (deals != null) {
            b.append(b.length() > 0 ? " and " : "").append(deals);
        }
        return b.length() == 0 ? "" : " with " + b;
    }
}
