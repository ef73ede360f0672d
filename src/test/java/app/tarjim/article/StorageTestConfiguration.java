package app.tarjim.article;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Instant;

/** The storage services on top of a {@code @DataJdbcTest} slice, with a clock the test controls. */
@TestConfiguration(proxyBeanMethods = false)
@Import({RowNamingStrategy.class, ArticleService.class, ArticleLeases.class, ShareService.class,
        ShareTokenGenerator.class, SentenceEdits.class, UserGlossaries.class})
class StorageTestConfiguration {

    static final Instant START = Instant.parse("2024-03-01T10:15:30.123456Z");

    @Bean
    TestClock clock() {
        return new TestClock(START);
    }
}
