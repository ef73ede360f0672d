package app.tarjim.cli;

import app.tarjim.TarjimApplication;
import app.tarjim.account.Account;
import app.tarjim.account.AccountException;
import app.tarjim.account.Accounts;
import app.tarjim.account.AuditLog;
import app.tarjim.batch.HeadlessSpring;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tarjim users}: local accounts for {@code tarjim.security.mode=local}, in the same database as the web
 * app (TARJIM_DATA_DIR or TARJIM_DB_URL). Passwords are asked for at the terminal, or read as the first line
 * of standard input when there is none; never taken from the arguments, which other users can see.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Adds, lists, disables, enables and resets local accounts (tarjim.security.mode=local).",
                "Exit status: 0 done, 2 bad name or password, or no such account."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Disable.class,
                UsersCommand.Enable.class, UsersCommand.Reset.class})
public class UsersCommand implements Runnable {

    static final int EXIT_REFUSED = 2;
    /** Who the audit log says made the change. */
    static final String ACTOR = "cli";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where passwords come from when there is no terminal; tests give their own. */
    static InputStream stdin = System.in;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a local account.")
    static class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Account name: letters, digits, '.', '_', '@', '-'.")
        String name;
        @Option(names = "--admin", description = "May manage users, read everyone's work and the audit log.")
        boolean admin;

        @Override
        public Integer call() throws IOException {
            char[] password = newPassword(spec, "Password for " + name);
            return withAccounts(spec, (accounts, audit) -> {
                Account account = accounts.addLocal(name, password, admin);
                audit.record(ACTOR, AuditLog.USER_ADDED, account.name(), admin ? "admin" : null);
                return "Added " + (admin ? "admin " : "user ") + account.name() + ".";
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists accounts.")
    static class ListUsers implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return withAccounts(spec, (accounts, audit) -> {
                StringBuilder out = new StringBuilder(String.format("%-24s %-6s %-6s %-9s%n", "NAME", "SOURCE", "ROLE", "STATE"));
                for (Account a : accounts.list()) {
                    out.append(String.format("%-24s %-6s %-6s %-9s%n", a.name(), a.source(), a.admin() ? "admin" : "user",
                            a.enabled() ? "active" : "disabled"));
                }
                return out.toString().stripTrailing();
            });
        }
    }

    /** Disable and enable differ only in the state they set. */
    abstract static class SwitchAccount implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        abstract boolean enabled();

        @Override
        public Integer call() {
            return withAccounts(spec, (accounts, audit) -> {
                accounts.setEnabled(name, enabled());
                audit.record(ACTOR, enabled() ? AuditLog.USER_ENABLED : AuditLog.USER_DISABLED, name, null);
                return (enabled() ? "Enabled " : "Disabled ") + name + ".";
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stops an account signing in and its API keys.")
    static class Disable extends SwitchAccount {
        @Override
        boolean enabled() {
            return false;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Lets a disabled account sign in again.")
    static class Enable extends SwitchAccount {
        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Sets a new password and lifts a lockout.")
    static class Reset implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            char[] password = newPassword(spec, "New password for " + name);
            return withAccounts(spec, (accounts, audit) -> {
                accounts.resetPassword(name, password);
                audit.record(ACTOR, AuditLog.PASSWORD_RESET, name, null);
                return "Password of " + name + " reset.";
            });
        }
    }

    interface AccountChange {
        String apply(Accounts accounts, AuditLog audit);
    }

    private static int withAccounts(CommandLine.Model.CommandSpec spec, AccountChange change) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = startSpring()) {
            out.println(change.apply(context.getBean(Accounts.class), context.getBean(AuditLog.class)));
            out.flush();
            return 0;
        } catch (AccountException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_REFUSED;
        }
    }

    /** Asked twice at a terminal; otherwise the first line of standard input. */
    static char[] newPassword(CommandLine.Model.CommandSpec spec, String prompt) throws IOException {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "The two passwords differ.");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "No password: type it at a terminal, or give it as the first line of standard input.");
        }
        return line.toCharArray();
    }

    /** A context without the web server or batch workers: only the database and the account beans are used. */
    private static ConfigurableApplicationContext startSpring() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.autoconfigure.exclude", HeadlessSpring.EXCLUDE);
        defaults.put("tarjim.batch.worker.enabled", "false");
        defaults.put("tarjim.pipeline.warm-up", "false");
        defaults.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(TarjimApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(defaults)
                .run();
    }
}
