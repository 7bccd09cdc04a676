package dev.interlock.engine.actuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interlock.engine.scenario.ScenarioLoader;
import dev.interlock.engine.testing.TestScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real-data actuals shipped in scenarios/actuals/ (made by scenarios/actuals/derive.py): they read
 * cleanly, hold the totals the data sets' documentation states, and — where the shared data folder is
 * next to the repository — agree with the independently derived summaries there.
 */
class ShippedActualsTest {
    static Path shipped(String name) {
        return TestScenarios.shipped("actuals/" + name);
    }

    static Actuals olist() {
        return ActualsReader.read(shipped("olist-funnel.csv"), null, shipped("olist-funnel.deals.csv"));
    }

    static Actuals cdnow() {
        return ActualsReader.read(shipped("cdnow.csv"), shipped("cdnow.cohorts.csv"), null);
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += Double.isNaN(x) ? 0 : x;
        }
        return s;
    }

    /** The shared data's derived folder, or a skipped test when it is not beside the repository. */
    static Path derived(String name) {
        Path p = Path.of("..", "..", "shared", "data", "derived", name);
        Assumptions.assumeTrue(Files.exists(p), "shared data not found at " + p);
        return p;
    }

    static List<String[]> csv(Path p) throws IOException {
        return Files.readAllLines(p).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void olistActualsHoldEveryLeadAndDeal() {
        Actuals a = olist();
        assertThat(a.first()).isEqualTo(YearMonth.of(2017, 6));
        assertThat(a.months()).isEqualTo(18);
        assertThat(a.channels("leads")).hasSize(11).contains("organic_search", "no_origin");
        assertThat(sum(a.total("leads"))).isEqualTo(8000);
        assertThat(sum(a.total("closes"))).isEqualTo(842);
        assertThat(a.observed("closes")).isEqualTo(12);               // 2017-12 … 2018-11; earlier wins are missing
        assertThat(a.deals().total()).isEqualTo(842);
        assertThat(a.deals().maxLag()).isEqualTo(14);
        assertThat(ScenarioLoader.load(shipped("olist-funnel.yaml")).horizonMonths()).isEqualTo(18);
    }

    @Test
    void cdnowActualsHoldEveryCustomerAndDollar() {
        Actuals a = cdnow();
        assertThat(a.months()).isEqualTo(18);
        assertThat(sum(a.total("leads"))).isEqualTo(23_570);
        assertThat(sum(a.total("revenue"))).isCloseTo(2_500_315.63, within(0.01));
        assertThat(a.cohorts().cohorts()).extracting(CohortTable.Cohort::size).containsExactly(7846L, 8476L, 7248L);
        assertThat(a.cohorts().monotone()).isFalse();                 // activity, not survival
        assertThat(ScenarioLoader.load(shipped("cdnow.yaml")).horizonMonths()).isEqualTo(18);
    }

    @Test
    void olistActualsAgreeWithTheSharedDerivedSummaries() throws IOException {
        Actuals a = olist();
        double[] leads = a.total("leads");
        int months = 0;
        for (String[] r : csv(derived("olist_monthly_mql_by_origin.csv"))) {
            assertThat(leads[a.index(YearMonth.parse(r[0]))]).as(r[0]).isEqualTo(Double.parseDouble(r[r.length - 1]));
            months++;
        }
        double[] closes = a.total("closes");
        int wonMonths = 0;
        for (String[] r : csv(derived("olist_monthly_won.csv"))) {
            assertThat(closes[a.index(YearMonth.parse(r[0]))]).as(r[0]).isEqualTo(Double.parseDouble(r[1]));
            wonMonths++;
        }
        Map<Integer, Long> byLag = new HashMap<>();
        a.deals().byLead().values().forEach(m -> m.forEach((lag, n) -> byLag.merge(lag, n, Long::sum)));
        int lags = 0;
        for (String[] r : csv(derived("olist_won_lag_months.csv"))) {
            assertThat(byLag.get(Integer.parseInt(r[0]))).as("lag " + r[0]).isEqualTo(Long.parseLong(r[1]));
            lags++;
        }
        // the loops above compared something: leads June 2017 – May 2018, wins December 2017 – November 2018,
        // and every lag the deals show
        assertThat(months).isEqualTo(12);
        assertThat(wonMonths).isEqualTo(12);
        assertThat(lags).isEqualTo(15).isEqualTo(byLag.size());
    }

    @Test
    void cdnowActualsAgreeWithTheSharedDerivedCohorts() throws IOException {
        CohortTable t = cdnow().cohorts();
        int rows = 0;
        for (String[] r : csv(derived("cdnow_monthly_cohorts.csv"))) {
            CohortTable.Cohort c = t.cohorts().stream().filter(x -> x.month().equals(YearMonth.parse(r[0])))
                    .findFirst().orElseThrow();
            assertThat(c.alive(Integer.parseInt(r[1]))).isEqualTo(Long.parseLong(r[3]));
            rows++;
        }
        assertThat(rows).isEqualTo(t.cells() + t.cohorts().size());
    }
}
