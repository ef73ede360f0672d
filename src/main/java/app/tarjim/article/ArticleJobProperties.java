package app.tarjim.article;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code tarjim.articles.*}.
 *
 * @param heartbeat how often a process renews the heartbeats of its articles and looks for abandoned ones
 * @param lease     how long an unfinished article's heartbeat may be silent before another process (or this
 *                  one, after a restart) takes it over; several heartbeats long, so that a slow database or a
 *                  long pause does not hand a live article to a second process
 * @param maxWaiting how many articles this process takes on (running and queued for a slot) before it answers
 *                  "busy" instead of queueing without end
 */
@ConfigurationProperties("tarjim.articles")
public record ArticleJobProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("30s") Duration lease,
                                   @DefaultValue("64") int maxWaiting) {

    public ArticleJobProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("tarjim.articles.lease (" + lease
                    + ") must be at least twice tarjim.articles.heartbeat (" + heartbeat + "), which must be positive");
        }
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("tarjim.articles.max-waiting must be 1 or more, not " + maxWaiting);
        }
    }
}
