package dev.interlock.cli;

import dev.interlock.engine.model.CompiledModel;
import dev.interlock.engine.scenario.Scenario;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check a scenario file without running it.",
        description = {"", "Reports every problem at once, each with file:line:column, the key path, what was",
            "expected and what was found. Exit code 0 when valid, 2 when not. Writes nothing.", "",
            "When valid, lists the uncertain inputs (each drawn once per trial, with its distribution",
            "and mean) and notes settings that have no effect. A file meant to be included",
            "(include: structures.yaml) is not a scenario on its own: validate the scenario that",
            "includes it.", ""},
        footerHeading = "%n",
        footer = {"Example:", "  interlock validate scenarios/saas.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = ScenarioLoader.load(scenario);
        CompiledModel m = CompiledModel.of(s);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s: valid. %s — %d months, %d channel(s), structures: %s (runs %s).%n", scenario, s.name(),
                s.horizonMonths(), s.channels().size(), String.join(", ", s.structures().keySet()), s.structure());
        out.printf("%d uncertain input(s), each drawn once per trial:%n", m.inputs().uncertainCount());
        for (int j = 0; j < m.inputs().uncertainCount(); j++) {
            var d = m.inputs().uncertainDist(j);
            out.printf("  %-50s %s, mean %s%n", m.inputs().uncertainName(j), d.kind(), Human.compact(d.mean()));
        }
        for (String note : notes(s)) {
            out.println("Note: " + note);
        }
        out.flush();
        return 0;
    }

    /** Settings that are valid but change nothing, so a planner is not left wondering why. */
    static java.util.List<String> notes(Scenario s) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        for (Scenario.Channel c : s.channels()) {
            double g = c.spend().plan() == null ? c.spend().growth() : 0;
            if (g > 0.2) {
                notes.add(String.format(java.util.Locale.ROOT, "marketing.channels[%s].spend.growth is %s: spend "
                        + "grows %s a month, %s× over the %d months. growth is a share per month: 3 %% a month is "
                        + "0.03.", c.name(), Human.compact(g), dev.interlock.engine.output.Words.percent(g),
                        Human.compact(Math.pow(1 + g, s.horizonMonths() - 1)), s.horizonMonths()));
            }
        }
        notes.addAll(defaultedPolicyNotes(s));
        if (!s.onboarding().hiring().enabled()) {
            java.util.List<String> seeing = s.structures().entrySet().stream()
                    .filter(e -> e.getValue().forecastVisibilityMonths() > 0).map(java.util.Map.Entry::getKey).toList();
            if (!seeing.isEmpty()) {
                notes.add("forecast_visibility_months is set for " + String.join(", ", seeing) + ", but it only "
                        + "changes operations' hiring, and onboarding.hiring is not enabled: it has no effect here.");
            }
        }
        return notes;
    }

    /**
     * A structure that leaves handoff_quality out gets the neutral 1: no lead lost at the handoff, which no
     * shipped structure assumes (win_rate_multiplier is named too when it is also left out). Said per
     * structure, unless the scenario defines no structures at all (its one implicit structure is the neutral
     * model on purpose).
     */
    static java.util.List<String> defaultedPolicyNotes(Scenario s) {
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (s.structures().size() == 1
                && s.structures().values().iterator().next().keysAtDefault().containsAll(Scenario.Policy.KEYS)) {
            return notes;
        }
        for (Scenario.Policy p : s.structures().values()) {
            java.util.List<String> said = new java.util.ArrayList<>();
            java.util.List<String> keys = new java.util.ArrayList<>();
            // handoff 1 is what makes such a structure look better than every shipped one; a multiplier left at
            // 1 alone is siloed's own assumption, so it is only named beside a defaulted handoff
            if (!p.keysAtDefault().contains("handoff_quality")) {
                continue;
            }
            keys.add("handoff_quality");
            String others = handoffRange(s);
            said.add("handoff_quality 1 means no lead is lost at the handoff from marketing to sales"
                    + (others != null ? " (the other structures here assume " + others + ")" : ""));
            if (p.keysAtDefault().contains("win_rate_multiplier")) {
                keys.add("win_rate_multiplier");
                said.add("win_rate_multiplier 1 means no lift in the win rate from aligned messaging");
            }
            notes.add("structure " + p.name() + " leaves " + String.join(" and ", keys) + " at "
                    + (keys.size() > 1 ? "their defaults" : "its default") + ": " + String.join("; ", said)
                    + ". Set " + (keys.size() > 1 ? "them" : "it") + " under structures." + p.name()
                    + " if that is not what you assume (docs/structures.md).");
        }
        return notes;
    }

    /** "0.75–0.90": the mean handoff quality of the structures that set it, or null when none does. */
    private static String handoffRange(Scenario s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Scenario.Policy p : s.structures().values()) {
            if (!p.keysAtDefault().contains("handoff_quality")) {
                lo = Math.min(lo, p.handoffQuality().mean());
                hi = Math.max(hi, p.handoffQuality().mean());
            }
        }
        if (lo > hi) {
            return null;
        }
        return lo == hi ? String.format(java.util.Locale.ROOT, "%.2f", lo)
                : String.format(java.util.Locale.ROOT, "%.2f–%.2f", lo, hi);
    }
}
