package app.tarjim.pipeline;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code models} component of {@code /actuator/health}: its status is the models' state (DOWNLOADING,
 * LOADING, READY, DEMO, FAILED…) so that an orchestrator can tell a node still fetching models from one
 * serving demo output. These states are not UP/DOWN, so the overall health stays UP: the app answers and
 * queues work in every one of them.
 */
public class ModelsHealthIndicator extends AbstractHealthIndicator {

    private final ModelService models;

    public ModelsHealthIndicator(ModelService models) {
        this.models = models;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ModelsStatus status = models.status();
        builder.status(new Status(status.state().name(), status.message()))
                .withDetail("state", status.state().name())
                .withDetail("message", status.message());
        status.percent().ifPresent(p -> builder.withDetail("percent", p));
        if (status.progress() != null) {
            builder.withDetail("repo", status.progress().repo())
                    .withDetail("bytes", status.progress().overallBytes())
                    .withDetail("totalBytes", status.progress().overallTotal());
        }
    }
}
