package app.tarjim.cli;

import app.tarjim.pipeline.models.EngineGenerators;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** Root of the command line: {@code java -jar tarjim.jar <command> [options]}. */
@Command(name = "tarjim",
        mixinStandardHelpOptions = true,
        version = "Tarjim 0.1.0",
        description = {"Arabic to English news translation and summarization.",
                "Without a command, java -jar tarjim.jar starts the web app on port 8080."},
        subcommands = {CommandLine.HelpCommand.class})
public class TarjimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Subcommands registered here so each feature owns its own command class. */
    static List<Object> subcommands() {
        return List.of(
                new GenerateCommand(),
                new SegmentCommand(),
                new TranslateCommand(new EngineGenerators()),
                new BatchCommand(),
                new ModelsCommand(),
                new UsersCommand());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TarjimCommand());
        for (Object sub : subcommands()) {
            cl.addSubcommand(sub);
        }
        return cl;
    }

    /** True when the arguments name a command (or ask for help) rather than Spring options. */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return !first.startsWith("--") || first.equals("--help") || first.equals("--version");
    }

    public static int run(String[] args) {
        return commandLine().execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
