package app.tarjim.article;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ShareTokenGeneratorTest {

    private final ShareTokenGenerator tokens = new ShareTokenGenerator();

    @Test
    void tokensAreUrlSafeAndCarryAtLeast128RandomBits() {
        String token = tokens.next();

        assertThat(token).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(24);
        assertThat(ShareTokenGenerator.looksLikeToken(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> seen.add(tokens.next()));
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void everyBitVaries() {
        // A stuck or biased bit would shrink the real entropy below what the length promises.
        int samples = 4000;
        int[] ones = new int[ShareTokenGenerator.RANDOM_BYTES * 8];
        for (int i = 0; i < samples; i++) {
            byte[] bytes = Base64.getUrlDecoder().decode(tokens.next());
            for (int bit = 0; bit < ones.length; bit++) {
                ones[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
        }
        // 4000 fair coin flips land within 45%..55% heads with overwhelming probability (> 6 sigma).
        assertThat(IntStream.of(ones).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(samples * 45 / 100, samples * 55 / 100));
    }

    @Test
    void junkDoesNotLookLikeAToken() {
        assertThat(ShareTokenGenerator.looksLikeToken(null)).isFalse();
        assertThat(ShareTokenGenerator.looksLikeToken("short")).isFalse();
        assertThat(ShareTokenGenerator.looksLikeToken("a".repeat(31) + "/")).isFalse();
        assertThat(ShareTokenGenerator.looksLikeToken("a".repeat(31) + "=")).isFalse();
    }
}
