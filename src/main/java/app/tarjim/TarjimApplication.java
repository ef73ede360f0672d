package app.tarjim;

import app.tarjim.cli.TarjimCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two faces: with no arguments (or only {@code --key=value} Spring options) it starts the
 * web server; with a subcommand ({@code generate}, {@code segment}, {@code translate}, ...) it runs that
 * command without starting Spring, and exits with the command's status.
 */
@SpringBootApplication
public class TarjimApplication {

    public static void main(String[] args) {
        if (TarjimCommand.isCommandLine(args)) {
            // Before any logger exists: commands keep stdout for their output, logs go to stderr.
            System.setProperty("logback.configurationFile", "tarjim-cli-logback.xml");
            System.setProperty("logging.config", "classpath:tarjim-cli-logback.xml");
            System.exit(TarjimCommand.run(args));
        }
        SpringApplication.run(TarjimApplication.class, args);
    }
}
