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
            "expected and what was found. Exit code 0 when valid, 2 when not. Writes nothing.", ""},
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
        out.flush();
        return 0;
    }
}
