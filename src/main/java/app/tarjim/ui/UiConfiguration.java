package app.tarjim.ui;

import app.tarjim.document.in.UrlArticleFetcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration
class UiConfiguration {

    /** Article pages fetched by URL: size and time limited, internal addresses refused unless allowed. */
    @Bean
    UrlArticleFetcher urlArticleFetcher(@Value("${tarjim.fetch.max-bytes:5000000}") long maxBytes,
                                        @Value("${tarjim.fetch.timeout:15s}") Duration timeout,
                                        @Value("${tarjim.fetch.allow-private-addresses:false}") boolean allowPrivate) {
        return new UrlArticleFetcher(maxBytes, timeout, allowPrivate);
    }
}
