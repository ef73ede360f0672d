package app.tarjim.batch;

import app.tarjim.TarjimApplication;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch worker in a JVM of its own, started the way operators start one ({@code tarjim batch --worker-only})
 * but on this test's class path, so that the {@link EchoTestProcessor} is there to switch on, and pointed at a
 * shared database by system properties.
 */
final class WorkerProcess {

    private WorkerProcess() {
    }

    static Process start(String workerId, String jdbcUrl, String user, String password, Path log,
                         String... extraProperties) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dspring.datasource.url=" + jdbcUrl,
                "-Dspring.datasource.username=" + user,
                "-Dspring.datasource.password=" + password,
                "-Dtarjim.batch.worker.id=" + workerId,
                "-Dtarjim.batch.worker.threads=2",
                "-Dtarjim.batch.worker.poll-interval=200ms",
                "-Dtarjim.batch.worker.lease=3s",
                "-Dtarjim.batch.worker.heartbeat=500ms",
                "-Dtarjim.batch.test.echo-delay=150ms"));
        for (String property : extraProperties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TarjimApplication.class.getName(),
                "batch", "--worker-only"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File(System.getProperty("user.dir")))
                .start();
    }
}
