package app.tarjim.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tarjim users} against a file database, as an admin sets up the first account before mode local. */
class UsersCommandTest {

    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("tarjim").toAbsolutePath();
        System.setProperty("spring.datasource.url", url);
    }

    @AfterEach
    void restore() {
        System.clearProperty("spring.datasource.url");
        UsersCommand.stdin = System.in;
    }

    @Test
    void addsTheFirstAdminWithThePasswordFromStdinAndStoresOnlyItsHash() throws Exception {
        Result added = run("a long enough password\n", "users", "add", "editor", "--admin");
        assertThat(added.status).as(added.err).isZero();
        assertThat(added.out).contains("Added admin editor.");

        Result list = run("", "users", "list");
        assertThat(list.out).containsPattern("editor\\s+local\\s+admin\\s+active");

        try (Connection db = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT password_hash FROM user_account")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("{bcrypt}").doesNotContain("a long enough password");
        }
    }

    @Test
    void refusesShortPasswordsTakenNamesAndUnknownAccountsWithAReason() {
        Result tooShort = run("short\n", "users", "add", "ann");
        assertThat(tooShort.status).isEqualTo(UsersCommand.EXIT_REFUSED);
        assertThat(tooShort.err).contains("at least 10 characters");

        assertThat(run("a long enough password\n", "users", "add", "ann").status).isZero();
        Result taken = run("another long password\n", "users", "add", "ann");
        assertThat(taken.status).isEqualTo(UsersCommand.EXIT_REFUSED);
        assertThat(taken.err).contains("already an account called ann");

        Result unknown = run("", "users", "disable", "nobody");
        assertThat(unknown.status).isEqualTo(UsersCommand.EXIT_REFUSED);
        assertThat(unknown.err).contains("no account called nobody");

        assertThat(run("", "users", "disable", "ann").status).isZero();
        assertThat(run("", "users", "list").out).containsPattern("ann\\s+local\\s+user\\s+disabled");
    }

    @Test
    void thePasswordIsNeverAnArgument() {
        Result result = run("", "users", "add", "ann", "--password", "a long enough password");
        assertThat(result.status).isNotZero();
        assertThat(result.err).contains("Unknown options: '--password'");
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String stdin, String... args) {
        UsersCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TarjimCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }
}
