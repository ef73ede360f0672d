package app.tarjim.ui;

import app.tarjim.document.in.FetchSettings;
import app.tarjim.document.in.HostResolver;
import app.tarjim.document.in.UrlArticleFetcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration
class UiConfiguration {

    /**
     * Article pages fetched by URL: size limited, one deadline for the whole fetch, internal addresses
     * refused unless allowed. Spring closes it (and its worker threads) on shutdown.
     */
    @Bean
    UrlArticleFetcher urlArticleFetcher(@Value("${tarjim.fetch.max-bytes:5000000}") long maxBytes,
                                        @Value("${tarjim.fetch.timeout:20s}") Duration timeout,
                                        @Value("${tarjim.fetch.allow-private-addresses:false}") boolean allowPrivate) {
        return new UrlArticleFetcher(new FetchSettings(maxBytes, timeout, allowPrivate), HostResolver.SYSTEM);
    }
}
