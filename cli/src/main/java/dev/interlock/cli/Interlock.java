package dev.interlock.cli;

import dev.interlock.engine.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code interlock} command: wires engine parts together and turns errors into exit codes. */
@Command(name = "interlock",
        mixinStandardHelpOptions = true,
        versionProvider = Interlock.VersionProvider.class,
        header = "Monte Carlo forecasts of the whole growth chain: spend → leads → deals → onboarding → revenue.",
        description = {
            "",
            "Interlock runs a scenario (a YAML file) thousands of times and reports, month by month, the",
            "range of outcomes: where onboarding or sales capacity falls short, what that does to revenue",
            "and profit, and how likely each outcome is. The same seed always gives the same numbers.",
            ""},
        subcommands = {RunCommand.class, CompareCommand.class, ReportCommand.class, SensitivityCommand.class,
            CalibrateCommand.class, BacktestCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Example:",
            "  interlock run scenarios/saas.yaml -o out/saas",
            "",
            "Exit codes: 0 success, 1 internal error (a bug: please report it), 2 bad input (the message says",
            "which file, line and key).",
            "Scenario keys: docs/scenario-reference.md; the model: docs/model.md."})
public final class Interlock implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set once the command has returned: a shutdown before that is an interrupt (Ctrl-C, kill). */
    private static volatile boolean finished;

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                System.err.println();
                System.err.println("interrupted: stopped before the end; the files being written were removed, and "
                        + "earlier results were left as they were.");
                System.err.flush();
            }
        }, "interlock-interrupted"));
        int code = execute(args);
        finished = true;
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Interlock());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(112);
        // every subcommand lists -V, --version (standard help options): give them the version to print
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider());
        }
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"interlock " + Version.describe()};
        }
    }
}
