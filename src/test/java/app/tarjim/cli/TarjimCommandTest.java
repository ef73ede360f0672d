package app.tarjim.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TarjimCommandTest {

    @Test
    void noArgumentsOrSpringOptionsStartTheServer() {
        assertThat(TarjimCommand.isCommandLine(new String[0])).isFalse();
        assertThat(TarjimCommand.isCommandLine(new String[] {"--server.port=9090"})).isFalse();
    }

    @Test
    void subcommandsAndHelpRunTheCommandLine() {
        assertThat(TarjimCommand.isCommandLine(new String[] {"generate", "--model", "x"})).isTrue();
        assertThat(TarjimCommand.isCommandLine(new String[] {"--help"})).isTrue();
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        var cl = TarjimCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: tarjim").contains("web app");
    }

    @Test
    void unknownCommandFails() {
        var cl = TarjimCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("no-such-command")).isNotZero();
    }
}
