package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate and backtest as a user runs them, on the shipped real-data actuals. */
class ActualsCommandsTest {
    static String actuals(String name) {
        return Path.of("..", "scenarios", "actuals", name).toString();
    }

    @Test
    void calibrateOnABaseWritesALoadableScenarioAndSaysWhatItEstimated(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("olist.yaml");
        Cli r = Cli.run("calibrate", actuals("olist-funnel.csv"), "--deals", actuals("olist-funnel.deals.csv"),
                "--scenario", actuals("olist-funnel.yaml"), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Estimated", "funnel.win_rate", "beta(mean 0.13", "842 deals",
                "funnel.sales_cycle_months", "Not estimated (kept from the base scenario):",
                "no spend for channel mql", "Wrote " + out);
        assertThat(Files.readString(out)).startsWith("# Calibrated by Interlock").contains("# calibrated: 842 deals");
        Cli v = Cli.run("validate", out.toString());
        assertThat(v.code()).as(v.err()).isZero();
    }

    @Test
    void calibrateWithoutABaseWritesASkeletonWithPlaceholdersThatLoads(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cdnow.yaml");
        Cli r = Cli.run("calibrate", actuals("cdnow.csv"), "--cohorts", actuals("cdnow.cohorts.csv"), "-o",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("retention.alpha", "retention.beta", "revenue.acv", "activity",
                "PLACEHOLDER keys to set:", "finance.gross_margin");
        assertThat(Files.readString(out)).contains("# PLACEHOLDER:");
        Cli v = Cli.run("validate", out.toString());
        assertThat(v.code()).as(v.err()).isZero();
        // a second run replaces its own file
        assertThat(Cli.run("calibrate", actuals("cdnow.csv"), "-o", out.toString()).code()).isZero();
    }

    @Test
    void calibrateNeverReplacesAFileItDidNotWrite(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("mine.yaml");
        Files.writeString(mine, "name: keep me\n");
        Cli r = Cli.run("calibrate", actuals("cdnow.csv"), "-o", mine.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("another file");
        assertThat(Files.readString(mine)).isEqualTo("name: keep me\n");
    }

    @Test
    void malformedActualsExitWithCodeTwoAndTheCellsLocation(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "month,leads,closes\n2024-01,10,1\n2024-02,ten,2\n");
        Cli r = Cli.run("calibrate", bad.toString(), "-o", tmp.resolve("x.yaml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":3:2: leads: expected a whole number from 0 to 10^12 (a count), found 'ten'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void aBacktestOriginThatCalibratesNothingSaysItsForecastUsesTheBaseAsWritten(@TempDir Path tmp) {
        // six months of leads before the first win: nothing to estimate the win rate or the lag from
        String a = Path.of("..", "scenarios", "actuals").toString();
        Cli r = Cli.run("backtest", a + "/olist-funnel.yaml", "--actuals", a + "/olist-funnel.csv", "--deals",
                a + "/olist-funnel.deals.csv", "--train-months", "6", "--horizon", "6", "-o", tmp.resolve("b").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Nothing could be estimated from the training months at origin 2017-12",
                "base scenario's values as written");
    }

    @Test
    void backtestOnTheOlistFunnelPrintsTheModelBesideTheBaselines(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bt");
        Cli r = Cli.run("backtest", actuals("olist-funnel.yaml"), "--actuals", actuals("olist-funnel.csv"), "--deals",
                actuals("olist-funnel.deals.csv"), "--train-months", "10", "--horizon", "6", "--threads", "2", "-o",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained on 10 months (2017-06…2018-03)", "mql: actual leads given", "closes",
                "MAE", "CRPS", "cov80", "model", "naive_last", "naive_mean3", "naive_drift", "naive_ratio",
                "(6 forecast months scored by every row)");
        for (String f : new String[] {"backtest.csv", "backtest.json", "forecasts.csv", "fan-closes.csv"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        // the fan chart with the actuals overlaid: a PNG of the theme's size, and an SVG naming the actuals
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("fan-closes.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1024);
        assertThat(Files.readString(out.resolve("fan-closes.svg"))).contains("actuals").contains("<svg");
    }

    @Test
    void rollingBacktestOnCdnowScoresActiveCustomersAndRevenue(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bt");
        Cli r = Cli.run("backtest", actuals("cdnow.yaml"), "--actuals", actuals("cdnow.csv"), "--cohorts",
                actuals("cdnow.cohorts.csv"), "--train-months", "9", "--horizon", "3", "--rolling", "--trials", "1000",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("9 origins, 1997-10…1998-06", "active_customers", "revenue");
        // model and three baselines per metric: naive_ratio has no leads in CDNOW's later months to work from
        assertThat(Files.readAllLines(out.resolve("backtest.csv"))).hasSize(1 + 2 * 4);
        assertThat(r.out()).contains("Stocks are not anchored: the cohort table up to the origin counts activity");
        // rolling scores are means over origins, and coverage is labelled as such
        assertThat(r.out()).contains("coverage is the mean of the per-origin shares of months inside the interval");
        assertThat(Files.readString(out.resolve("backtest.json"))).contains("\"scores_over_origins\"");
    }

    @Test
    void backtestOptionsThatDoNotFitTheActualsExitWithCodeTwo(@TempDir Path tmp) {
        Cli r = Cli.run("backtest", actuals("cdnow.yaml"), "--actuals", actuals("cdnow.csv"), "--train-months", "18",
                "-o", tmp.resolve("bt").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--train-months: expected a whole number from 2 to 17");
        assertThat(tmp.resolve("bt")).doesNotExist();
    }

    @Test
    void actualsLongerThanAScenarioCanRunExitWithCodeTwo(@TempDir Path tmp) throws Exception {
        // 610 months of leads and closes: each origin would simulate more than the 600 months a scenario allows
        StringBuilder csv = new StringBuilder("month,leads,closes\n");
        java.time.YearMonth m = java.time.YearMonth.of(1970, 1);
        for (int i = 0; i < 610; i++, m = m.plusMonths(1)) {
            csv.append(m).append(",100,5\n");
        }
        Path a = tmp.resolve("long.csv");
        Files.writeString(a, csv);
        Cli r = Cli.run("backtest", actuals("olist-funnel.yaml"), "--actuals", a.toString(), "--train-months", "600",
                "-o", tmp.resolve("bt").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("at most 600 months", "found 610", "cut the actuals");
        assertThat(tmp.resolve("bt")).doesNotExist();
    }
}
