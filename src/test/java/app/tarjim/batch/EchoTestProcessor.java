package app.tarjim.batch;

import app.tarjim.article.ArticleResult;
import app.tarjim.engine.GenerationCancelledException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the translation pipeline where tests need a slow, predictable one: waits
 * {@code tarjim.batch.test.echo-delay} per item (checking for cancellation), then echoes the text.
 * Only active when that property is set, then preferred over the real pipeline; tests running
 * workers in another JVM set it there, since test classes are on that JVM's class path.
 */
@Component
@Primary
@ConditionalOnProperty("tarjim.batch.test.echo-delay")
class EchoTestProcessor implements BatchItemProcessor {

    private static final Duration STEP = Duration.ofMillis(20);

    private final Duration delay;

    EchoTestProcessor(@Value("${tarjim.batch.test.echo-delay}") Duration delay) {
        this.delay = delay;
    }

    @Override
    public ArticleResult process(ItemToProcess item, BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        while (System.nanoTime() < deadline) {
            if (cancelled.getAsBoolean()) {
                throw new GenerationCancelledException();
            }
            Thread.sleep(Math.min(STEP.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        if (item.text().contains("FAIL")) {
            throw new IllegalArgumentException("The text asked to fail: " + item.externalId());
        }
        return TestBatches.echo(item.text());
    }
}
