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
 */
@ConfigurationProperties("tarjim.articles")
public record ArticleJobProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("30s") Duration lease) {

    public ArticleJobProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("tarjim.articles.lease (" + lease
                    + ") must be at least twice tarjim.articles.heartbeat (" + heartbeat + "), which must be positive");
        }
    }
}
