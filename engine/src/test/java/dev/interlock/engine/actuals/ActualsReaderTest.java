package dev.interlock.engine.actuals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.scenario.InputException;
import dev.interlock.engine.scenario.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActualsReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private List<Problem> problems(Path monthly, Path cohorts, Path deals) {
        try {
            ActualsReader.read(monthly, cohorts, deals);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected an InputException");
    }

    @Test
    void readsTotalsPerChannelColumnsBlanksAndComments() throws IOException {
        Path p = file("a.csv", "\uFEFF# exported from the CRM\nmonth,spend.paid,spend.events,leads,closes\n"
                + "2024-01,1000,500,40,\n\n2024-02,1200.5,0,NA,3\n2024-03,900,250,35,4\n");
        Actuals a = ActualsReader.read(p, null, null);
        assertThat(a.first()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(a.months()).isEqualTo(3);
        assertThat(a.channels("spend")).containsExactly("paid", "events");
        assertThat(a.total("spend")).containsExactly(1500, 1200.5, 1150);
        assertThat(a.total("leads")[1]).isNaN();
        assertThat(a.total("closes")[0]).isNaN();
        assertThat(a.total("closes")[2]).isEqualTo(4);
        assertThat(a.observed("closes")).isEqualTo(2);
        assertThat(a.total("mrr")).isNull();
    }

    @Test
    void aBadCellNamesItsFileLineColumnAndKey() throws IOException {
        Path p = file("bad.csv", "month,spend.paid,leads.paid\n2024-01,100,10\n# note\n2024-02,120,-3\n");
        List<Problem> ps = problems(p, null, null);
        assertThat(ps).hasSize(1);
        Problem pr = ps.get(0);
        assertThat(pr.line()).isEqualTo(4);
        assertThat(pr.column()).isEqualTo(3);
        assertThat(pr.keyPath()).isEqualTo("leads.paid");
        assertThat(pr.format()).isEqualTo(p + ":4:3: leads.paid: expected a whole number from 0 to 10^12 (a count), found '-3'");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path p = file("bad.csv", "month,leads,mrr\n2024-01,1.5,100\n2024-02,3,ten\n2024-04,3,100\n2024-05,3\n");
        List<Problem> ps = problems(p, null, null);
        assertThat(ps).extracting(Problem::line).containsExactly(2, 3, 4, 5);
        assertThat(ps.get(0).message()).contains("whole number", "'1.5'");
        assertThat(ps.get(1).message()).contains("a number from 0 to 10^15", "'ten'");
        assertThat(ps.get(2).message()).contains("expected 2024-03", "consecutive");
        assertThat(ps.get(3).message()).contains("expected 3 fields", "found 2");
    }

    @Test
    void unknownColumnsGetTheNearestValidName() throws IOException {
        Path p = file("bad.csv", "month,closse,qualified.paid,spend.paid-search\n2024-01,1,2,3\n");
        List<Problem> ps = problems(p, null, null);
        assertThat(ps).hasSize(3);
        assertThat(ps.get(0).message()).contains("unknown column 'closse'", "did you mean 'closes'?");
        assertThat(ps.get(1).message()).contains("only spend and leads may be given per channel");
        assertThat(ps.get(2).message()).contains("channel name of lower-case letters", "paid-search");
        assertThat(ps).allSatisfy(x -> assertThat(x.line()).isEqualTo(1));
    }

    @Test
    void unknownColumnsInTheDealsAndCohortTablesAreErrorsNotIgnored() throws IOException {
        Path m = file("m.csv", "month,leads\n2024-01,10\n2024-02,10\n");
        // a count column not named 'deals' would make every row count as one deal
        Path deals = file("deals.csv", "lead_month,close_month,count\n2024-01,2024-02,7\n");
        List<Problem> ps = problems(m, null, deals);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).format()).startsWith(deals + ":1:3: count: unknown column 'count'; expected lead_month, "
                + "close_month and optionally deals");
        Path typo = file("deals2.csv", "lead_month,close_month,deal\n2024-01,2024-02,7\n");
        assertThat(problems(m, null, typo).get(0).message()).contains("unknown column 'deal' (did you mean 'deals'?)");
        Path twice = file("deals3.csv", "lead_month,close_month,deals,deals\n2024-01,2024-02,7,1\n");
        assertThat(problems(m, null, twice).get(0).message()).contains("found 'deals' twice");
        Path cohorts = file("c.csv", "cohort_month,tenure,alive,extra\n2024-01,0,100,x\n");
        List<Problem> cp = problems(m, cohorts, null);
        assertThat(cp).hasSize(1);
        assertThat(cp.get(0).format()).startsWith(cohorts + ":1:4: extra: unknown column 'extra'; expected "
                + "cohort_month, tenure and alive");
    }

    @Test
    void countsThatContradictEachOtherAreErrors() throws IOException {
        Path p = file("x.csv", "month,leads.a,leads.b,qualified,wins,churned,active_customers,go_lives\n"
                + "2024-01,50,50,30,5,0,100,0\n"
                + "2024-02,50,50,600,5,0,100,0\n"          // 720 qualified of 500 leads over the file
                + "2024-03,50,50,30,50,0,100,0\n"          // one month above its own qualified: a queue worked off
                + "2024-04,50,50,30,5,120,100,10\n"        // 120 churned of at most 100 + 10
                + "2024-05,50,50,30,5,15,100,10\n");       // 15 of 100 + 10: possible
        List<Problem> ps = problems(p, null, null);
        assertThat(ps).extracting(Problem::format).containsExactly(
                p + ":1:4: qualified: expected at most as many qualified as leads (the sum of its channels) over the "
                        + "months that give both, found 720 qualified of 500 over 5 months (a rate above 1)",
                p + ":5:6: churned: expected at most the customers who could churn in 2024-04: active_customers at "
                        + "the end of 2024-03 (100) plus this month's go_lives (10), found 120 churned");
        // a month that wins more than it qualified is possible; a history that does is not
        Path w = file("w.csv", "month,leads,wins\n2024-01,10,11\n2024-02,10,2\n");
        assertThat(ActualsReader.read(w, null, null).total("wins")).containsExactly(11, 2);
        Path w2 = file("w2.csv", "month,leads,wins\n2024-01,10,11\n2024-02,10,10\n");
        assertThat(problems(w2, null, null)).singleElement().satisfies(x -> assertThat(x.format())
                .isEqualTo(w2 + ":1:3: wins: expected at most as many wins as leads over the months that give both, "
                        + "found 21 wins of 20 over 2 months (a rate above 1)"));
    }

    @Test
    void monthsAndNumbersMustBeWrittenPlainly() throws IOException {
        Path p = file("bad.csv", "month,revenue\n2024-01-01,100\n2024-02,\"1,200\"\n");
        List<Problem> ps = problems(p, null, null);
        assertThat(ps.get(0).message()).contains("YYYY-MM", "(write the month only: 2024-01)");
        assertThat(ps.get(1).message()).contains("without thousands separators");
        // a well-formed month out of the years a month label can have says which years are
        assertThat(problems(file("y.csv", "month,leads\n9999-12,5\n"), null, null).get(0).message())
                .contains("found '9999-12'", "months from 1900-01 to 2999-12");
    }

    @Test
    void aMissingMonthColumnOrTotalAndChannelsTogetherAreErrors() throws IOException {
        assertThat(problems(file("a.csv", "leads\n3\n"), null, null).get(0).message()).contains("'month' column");
        assertThat(problems(file("b.csv", "month,leads,leads.paid\n2024-01,3,3\n"), null, null).get(0).message())
                .contains("either as a total or per channel");
        assertThat(problems(dir.resolve("none.csv"), null, null).get(0).message()).isEqualTo("no such file");
    }

    @Test
    void cohortTableNeedsTenureZeroNoGapsAndAtMostTheCohortSize() throws IOException {
        Path m = file("m.csv", "month,leads\n2024-01,3\n");
        Path ok = file("c.csv", "cohort_month,tenure,alive\n2024-01,0,100\n2024-01,1,80\n2024-02,0,50\n2024-01,2,70\n");
        CohortTable t = ActualsReader.read(m, ok, null).cohorts();
        assertThat(t.cohorts()).hasSize(2);
        assertThat(t.cohorts().get(0).alive()).containsExactly(100, 80, 70);
        assertThat(t.monotone()).isTrue();
        Path bad = file("d.csv", "cohort_month,tenure,alive\n2024-01,1,80\n2024-02,0,50\n2024-02,2,40\n"
                + "2024-03,0,10\n2024-03,1,11\n2024-03,1,9\n");
        List<Problem> ps = problems(m, bad, null);
        assertThat(ps).extracting(Problem::message).anySatisfy(s -> assertThat(s).contains("tenure 0", "2024-01"))
                .anySatisfy(s -> assertThat(s).contains("without gaps", "tenure 1"))
                .anySatisfy(s -> assertThat(s).contains("second row for cohort 2024-03, tenure 1"));
        assertThat(ps).allSatisfy(x -> assertThat(x.file()).isEqualTo(bad.toString()));
    }

    @Test
    void dealsTableTakesMonthsOrDatesAndRejectsClosesBeforeLeads() throws IOException {
        Path m = file("m.csv", "month,leads\n2024-01,3\n");
        Path d = file("d.csv", "lead_month,close_month\n2024-01-15,2024-03-02 10:00:00\n2024-01,2024-03\n2024-02,2024-02\n");
        DealTable t = ActualsReader.read(m, null, d).deals();
        assertThat(t.deals(YearMonth.of(2024, 1), 2)).isEqualTo(2);
        assertThat(t.deals(YearMonth.of(2024, 2), 0)).isEqualTo(1);
        assertThat(t.total()).isEqualTo(3);
        Path bad = file("e.csv", "lead_month,close_month,deals\n2024-03,2024-02,1\n2024-01,2024-02,\n");
        List<Problem> ps = problems(m, null, bad);
        assertThat(ps).hasSize(2);
        assertThat(ps.get(0).message()).contains("on or after the lead month 2024-03");
        assertThat(ps.get(1).message()).contains("found a blank");
        assertThat(ps.get(1).column()).isEqualTo(3);
        // a misspelt required column is named, with the column it probably is
        Path typo = file("t.csv", "lead_month,closed_month\n2024-01,2024-03\n");
        assertThat(problems(m, null, typo)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("unknown column 'closed_month' (did you mean 'close_month'?)");
            assertThat(x.column()).isEqualTo(2);
        });
        // a required column missing with no look-alike is named as missing
        Path none = file("n.csv", "lead_month\n2024-01\n");
        assertThat(problems(m, null, none)).singleElement().satisfies(x -> assertThat(x.message())
                .contains("expected a column 'close_month'"));
    }

    @Test
    void headKeepsOnlyWhatWasKnownByTheEndOfTheTrainingMonths() throws IOException {
        Path m = file("m.csv", "month,leads\n2024-01,10\n2024-02,10\n2024-03,10\n2024-04,10\n");
        Path c = file("c.csv", "cohort_month,tenure,alive\n2024-01,0,10\n2024-01,1,9\n2024-01,2,8\n2024-01,3,7\n"
                + "2024-03,0,5\n2024-03,1,4\n");
        Path d = file("d.csv", "lead_month,close_month\n2024-01,2024-02\n2024-01,2024-04\n2024-03,2024-03\n");
        Actuals h = ActualsReader.read(m, c, d).head(2);
        assertThat(h.months()).isEqualTo(2);
        assertThat(h.last()).isEqualTo(YearMonth.of(2024, 2));
        assertThat(h.cohorts().cohorts()).hasSize(1);
        assertThat(h.cohorts().cohorts().get(0).alive()).containsExactly(10, 9);
        assertThat(h.deals().total()).isEqualTo(1);
        assertThat(h.deals().deals(YearMonth.of(2024, 1), 1)).isEqualTo(1);
    }
}
