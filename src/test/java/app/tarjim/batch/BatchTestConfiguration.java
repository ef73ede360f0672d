package app.tarjim.batch;

import app.tarjim.article.TestClock;

import app.tarjim.article.ArticleService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import java.time.Instant;

/**
 * Article storage and the batch services over a {@code @DataJdbcTest} slice, without web parts, with a clock
 * the test moves. Worker pools stay off ({@code tarjim.batch.worker.enabled=false}); tests drive
 * {@link BatchWorker}s themselves.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = {ArticleService.class, BatchService.class},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = {"app\\.tarjim\\.(article|batch)\\.web\\..*", "app\\.tarjim\\.article\\.ClockConfiguration",
                        "app\\.tarjim\\.article\\.ArticleTranslationJobs", "app\\.tarjim\\.batch\\.PipelineBatchProcessor"}),
                @ComponentScan.Filter(TestConfiguration.class)})
class BatchTestConfiguration {

    static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    @Bean
    TestClock clock() {
        return new TestClock(START);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
