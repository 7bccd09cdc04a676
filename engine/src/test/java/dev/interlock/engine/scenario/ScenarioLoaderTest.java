package dev.interlock.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.engine.dist.Beta;
import dev.interlock.engine.output.ScenarioYaml;
import dev.interlock.engine.testing.TestScenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    static final String VALID = TestScenarios.unlimited(12, "{base: 1000}", "[1]",
            "{model: constant, monthly_churn: 0.02}", "");

    static List<Problem> problems(String yaml) {
        try {
            TestScenarios.parse(yaml);
        } catch (InputException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems for:\n" + yaml);
    }

    @Test
    void shippedScenariosLoad() {
        // file, months, channels, a structure it must hold (the three planners' examples include the shipped five)
        Object[][] expected = {
            {"saas.yaml", 36, 3, "both_under_coo"},
            {"marketing-push.yaml", 24, 1, "siloed"},
            {"plg.yaml", 36, 2, "cmo_under_cro"},
            {"reference.yaml", 60, 1, "reference"},
        };
        for (Object[] e : expected) {
            Scenario s = ScenarioLoader.load(TestScenarios.shipped((String) e[0]));
            assertThat(s.name()).as((String) e[0]).isNotBlank();
            assertThat(s.trials()).as((String) e[0]).isEqualTo(10_000);
            assertThat(s.horizonMonths()).as((String) e[0]).isEqualTo(e[1]);
            assertThat(s.channels()).as((String) e[0]).hasSize((Integer) e[2]);
            assertThat(s.structures()).as((String) e[0]).containsKey((String) e[3]);
            assertThat(s.structures()).as((String) e[0]).containsKey(s.structure());
        }
    }

    @Test
    void includedStructuresAreMergedFieldByField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("inc.yaml"), """
                structures:
                  a: {handoff_quality: 0.5, review_cadence_months: 3}
                  b: {handoff_quality: 0.7}
                """);
        String yaml = VALID.replace("structures:\n  s: {handoff_quality: 0.9}",
                "include: inc.yaml\nstructures:\n  a: {review_cadence_months: 2}\nstructure: a");
        Files.writeString(dir.resolve("s.yaml"), yaml);
        Scenario s = ScenarioLoader.load(dir.resolve("s.yaml"));
        assertThat(s.structures().keySet()).containsExactly("a", "b");
        assertThat(s.policy().reviewCadenceMonths()).isEqualTo(2);
        assertThat(s.policy().handoffQuality().mean()).isEqualTo(0.5);
        assertThat(s.compare()).containsExactly("a", "b");
    }

    @Test
    void textThatCannotBeWrittenBackIsRefused() {
        assertThat(VALID).contains("name: unlimited");
        // YAML escapes give a DEL and half a surrogate pair: scenario.resolved.yaml would need !!binary, UTF-8 fails
        assertThat(problems(VALID.replace("name: unlimited", "name: unlimited\ndescription: \"Q3 plan\\x7f\"")))
                .singleElement().satisfies(x -> {
                    assertThat(x.keyPath()).isEqualTo("description");
                    assertThat(x.message()).contains("printable text", "U+007F", "character 8");
                });
        assertThat(problems(VALID.replace("name: unlimited", "name: \"bad \\uD800 name\""))).singleElement()
                .satisfies(x -> {
                    assertThat(x.keyPath()).isEqualTo("name");
                    assertThat(x.message()).contains("half of a surrogate pair", "U+D800");
                });
        // a non-character, and text in a list (an include path with a NUL)
        assertThat(problems(VALID.replace("name: unlimited", "name: \"a\\uFFFFb\""))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("non-character U+FFFF"));
        assertThat(problems(VALID.replace("name: unlimited", "name: unlimited\ninclude: \"struct\\0ures.yaml\"")))
                .singleElement().satisfies(x -> {
                    assertThat(x.keyPath()).isEqualTo("include");
                    assertThat(x.message()).contains("control character U+0000");
                });
        // a whole pair (an emoji) and a tab are fine
        assertThat(TestScenarios.parse(VALID.replace("name: unlimited", "name: \"plan \\U0001F680\\tQ3\"")).name())
                .isEqualTo("plan \uD83D\uDE80\tQ3");
    }

    @Test
    void theCalendarStaysWithinFourDigitYears() {
        assertThat(TestScenarios.parse(VALID.replace("horizon_months: 12", "horizon_months: 12\nstart_month: 2999-01"))
                .startMonth()).isEqualTo("2999-01");
        assertThat(problems(VALID.replace("horizon_months: 12", "horizon_months: 12\nstart_month: 9999-12")))
                .singleElement().satisfies(x -> {
                    assertThat(x.keyPath()).isEqualTo("start_month");
                    assertThat(x.message()).contains("ending by 2999-12", "end in 10000-11");
                });
    }

    @Test
    void anEmptyDocumentSaysItFoundNothing() {
        assertThat(problems("---\n")).singleElement().satisfies(x ->
                assertThat(x.message()).endsWith("found nothing (an empty value)"));
    }

    @Test
    void atMostAHundredChannels() {
        String channel = "    - name: paid\n      spend: {base: 1000}\n      carryover: 0.4\n"
                + "      response: {type: linear, cost_per_lead: 250}\n";
        assertThat(VALID).contains(channel);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(channel.replace("name: paid", "name: c" + i));
        }
        assertThat(problems(VALID.replace(channel, many.toString()))).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).isEqualTo("marketing.channels");
            assertThat(x.message()).contains("at most 100 channels, found 101");
        });
        String hundred = many.substring(0, many.length() - channel.replace("name: paid", "name: c100").length());
        assertThat(TestScenarios.parse(VALID.replace(channel, hundred)).channels()).hasSize(100);
    }

    @Test
    void aStructureListedTwiceInCompareIsRefused() {
        String yaml = VALID.replace("structures:\n  s: {handoff_quality: 0.9}",
                "structures:\n  s: {handoff_quality: 0.9}\n  t: {handoff_quality: 0.8}\ncompare: [s, t]");
        assertThat(TestScenarios.parse(yaml).compare()).containsExactly("s", "t");
        assertThat(problems(yaml.replace("compare: [s, t]", "compare: [s, t, s]"))).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).isEqualTo("compare");
            assertThat(x.message()).contains("each structure once", "'s' twice");
        });
    }

    @Test
    void baseSixtyNumbersAreRefusedNotReadAsSixty() {
        // YAML 1.1 resolves 1:00 as the integer 60; a planner who writes it means something else
        assertThat(VALID).contains("staff: 1000");
        assertThat(problems(VALID.replace("staff: 1000", "staff: 1:00"))).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).isEqualTo("onboarding.staff");
            assertThat(x.message()).contains("found 1:00", "base 60");
        });
        assertThat(problems(VALID.replace("{base: 1000}", "{base: 1:30}"))).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).endsWith("spend.base");
            assertThat(x.message()).contains("found 1:30", "base 60");
        });
    }

    @Test
    void seasonalityCannotCarrySpendPastItsLimit() {
        String seasonal = VALID.replace("{base: 1000}", "{base: 1000, seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]}");
        assertThat(TestScenarios.parse(seasonal).plannedSpend(0)).isGreaterThan(0);
        String huge = seasonal.replace("base: 1000", "base: 1e15").replace("1, 2]", "1, 1.6]");
        assertThat(problems(huge)).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).endsWith("spend.seasonality");
            assertThat(x.message()).contains("at most 10^15", "1.6");
        });
    }

    @Test
    void anInvalidHorizonIsOneProblemNotOnePerHire() {
        String withHires = VALID.replace("staff: 1000", "staff: 1000\n  hires: [{month: 7, count: 2}, {month: 9, count: 1}]");
        assertThat(TestScenarios.parse(withHires).onboarding().hires()).hasSize(2);
        List<Problem> p = problems(withHires.replace("horizon_months: 12", "horizon_months: 601"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).isEqualTo("horizon_months");
            assertThat(x.message()).contains("from 1 to 600", "found 601");
        });
        // with a valid horizon, a hire after it is still refused
        assertThat(problems(withHires.replace("horizon_months: 12", "horizon_months: 8")))
                .singleElement().satisfies(x -> assertThat(x.keyPath()).isEqualTo("onboarding.hires[1].month"));
    }

    @Test
    void aProblemInAnIncludedFileNamesItWhereTheUserCanFindItAndNothingElse(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("plans"));
        Files.writeString(sub.resolve("inc.yaml"), "structures:\n\ta: {handoff_quality: 0.5}\n");   // a tab
        String yaml = VALID.replace("structures:\n  s: {handoff_quality: 0.9}", "include: inc.yaml\nstructure: a");
        Files.writeString(sub.resolve("s.yaml"), yaml);
        Path relative = Path.of("").toAbsolutePath().relativize(sub.resolve("s.yaml"));
        assertThatThrownBy(() -> ScenarioLoader.load(relative)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(x -> {
                    assertThat(x.file()).isEqualTo(relative.resolveSibling("inc.yaml").toString());
                    assertThat(x.line()).isEqualTo(2);
                    assertThat(x.message()).contains("TAB");
                }));
    }

    @Test
    void spendPacingThatIsNeitherABooleanNorAMappingSaysBothAreAllowed() {
        assertThat(problems(VALID.replace("s: {handoff_quality: 0.9}", "s: {spend_pacing: sometimes}")))
                .singleElement().satisfies(x -> {
                    assertThat(x.keyPath()).isEqualTo("structures.s.spend_pacing");
                    assertThat(x.message()).contains("expected true, false or a mapping", "found the text 'sometimes'");
                });
    }

    @Test
    void hiringTrueTurnsOnTheDefaultsAsSpendPacingTrueDoes() {
        Scenario on = TestScenarios.parse(VALID.replace("staff: 1000", "staff: 1000\n  hiring: true"));
        assertThat(on.onboarding().hiring().enabled()).isTrue();
        assertThat(on.onboarding().hiring().leadTimeMonths()).isEqualTo(Scenario.Hiring.OFF.leadTimeMonths());
        Scenario off = TestScenarios.parse(VALID.replace("staff: 1000", "staff: 1000\n  hiring: false"));
        assertThat(off.onboarding().hiring()).isEqualTo(Scenario.Hiring.OFF);
        assertThat(problems(VALID.replace("staff: 1000", "staff: 1000\n  hiring: sometimes")))
                .singleElement().satisfies(x -> assertThat(x.keyPath()).isEqualTo("onboarding.hiring"));
    }

    @Test
    void resolvedScenarioReadsBackToTheSameText() {
        for (String f : List.of("saas.yaml", "marketing-push.yaml", "plg.yaml")) {
            Scenario s = ScenarioLoader.load(TestScenarios.shipped(f));
            String once = ScenarioYaml.write(s);
            Scenario back = ScenarioLoader.parse("resolved.yaml", once.getBytes(StandardCharsets.UTF_8), null,
                    KeyRecorder.NONE);
            assertThat(ScenarioYaml.write(back)).as(f).isEqualTo(once);
        }
    }

    @Test
    void unknownKeyNamesNearestValidKey() {
        List<Problem> p = problems(VALID.replace("win_rate: 0.25", "win_rte: 0.25"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.keyPath()).isEqualTo("funnel.win_rte");
            assertThat(x.message()).contains("did you mean 'win_rate'");
            assertThat(x.line()).isGreaterThan(0);
        });
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("missing required key 'win_rate'"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Problem> p = problems(VALID.replace("win_rate: 0.25", "win_rate: 1.5")
                .replace("qualification_rate: 0.4", "qualification_rate: {dist: beta, mean: 0.3, sd: -1}")
                .replace("reps: 1000", "reps: many"));
        assertThat(p).extracting(Problem::keyPath)
                .contains("funnel.win_rate", "funnel.qualification_rate.sd", "sales.reps");
        Problem sd = p.stream().filter(x -> x.keyPath().equals("funnel.qualification_rate.sd")).findFirst().get();
        assertThat(sd.format()).matches("test\\.yaml:\\d+:\\d+: funnel\\.qualification_rate\\.sd: expected a number > 0, found -1");
    }

    @Test
    void betaWithImpossibleSdIsExplained() {
        List<Problem> p = problems(VALID.replace("win_rate: 0.25", "win_rate: {dist: beta, mean: 0.3, sd: 0.6}"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.keyPath()).isEqualTo("funnel.win_rate");
            assertThat(x.message()).contains("sd");
        });
        assertThat(Beta.problem(0.3, 0.6)).isNotNull();
    }

    @Test
    void distributionOutsideTheKeysRangeIsRejected() {
        List<Problem> p = problems(VALID.replace("win_rate: 0.25", "win_rate: {dist: uniform, min: 2, max: 3}"));
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("inside"));
    }

    @Test
    void duplicateKeysAndJavaTagsAreRefused() {
        assertThat(problems(VALID.replace("win_rate: 0.25", "win_rate: 0.25\n  win_rate: 0.3")))
                .anySatisfy(x -> assertThat(x.message()).contains("duplicate key 'win_rate'"));
        assertThat(problems(VALID.replace("name: unlimited", "name: !!java.net.URL [\"http://x\"]")))
                .anySatisfy(x -> assertThat(x.message()).contains("tag"));
    }

    @Test
    void salesCycleMustSumToOne() {
        assertThat(problems(VALID.replace("sales_cycle_months: [1]", "sales_cycle_months: [0.5, 0.4]")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("sum to 1"));
    }

    @Test
    void emptyAndNonMappingFilesAreExplained() {
        assertThatThrownBy(() -> TestScenarios.parse("")).isInstanceOf(InputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> TestScenarios.parse("- just\n- a list\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("expected a mapping");
    }

    @Test
    void aStructuresFileGivenAsAScenarioGetsOneProblemSayingToIncludeIt() {
        Path file = TestScenarios.shipped("structures.yaml");
        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).contains("this is a structures file", "include: structures.yaml")
                            .doesNotContain("missing required key");
                    assertThat(p.file()).isEqualTo(file.toString());
                }));
        // a scenario that merely lacks its sections is still told what is missing, key by key
        assertThatThrownBy(() -> TestScenarios.parse("name: x\nstructures: {a: {handoff_quality: 0.8}}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("missing required key");
    }

    @Test
    void aStructureRemembersWhichPolicyKeysItLeftAtTheirDefaults(@TempDir Path dir) throws Exception {
        Path saas = TestScenarios.shipped("saas.yaml");
        Files.copy(TestScenarios.shipped("structures.yaml"), dir.resolve("structures.yaml"));
        Path f = dir.resolve("saas.yaml");
        Files.writeString(f, Files.readString(saas, StandardCharsets.UTF_8) + """

                structures:
                  mine: {forecast_visibility_months: 2}
                  siloed: {overhead_per_month: 1000}
                """, StandardCharsets.UTF_8);
        Scenario s = ScenarioLoader.load(f);
        assertThat(s.structures().get("mine").keysAtDefault()).containsExactlyInAnyOrder("handoff_quality",
                "win_rate_multiplier", "review_cadence_months", "hire_lead_time_months", "spend_pacing",
                "overhead_per_month");
        // an included structure's keys count as set, also when the scenario overrides another of its keys
        assertThat(s.structures().get("siloed").keysAtDefault()).containsExactly("hire_lead_time_months");
        assertThat(s.structures().get("both_under_coo").keysAtDefault()).containsExactly("hire_lead_time_months");
    }
}
