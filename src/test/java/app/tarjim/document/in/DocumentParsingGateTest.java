package app.tarjim.document.in;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentParsingGateTest {

    @Test
    void aParseThatFindsNoFreePermitInTimeIsToldTheServerIsBusy() throws Exception {
        DocumentParsingGate gate = new DocumentParsingGate(1, Duration.ofMillis(100));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.parse("a.pdf", () -> {
                    holding.countDown();
                    await(release);
                    return "done";
                });
            } catch (DocumentImportException e) {
                return e.getMessage();
            }
        });
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> gate.parse("b.docx", () -> "never"))
                .isInstanceOf(DocumentImportException.class)
                .hasMessage("The server is busy opening other documents; try b.docx again in a minute.");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(gate.availablePermits()).isEqualTo(1);
        assertThat(gate.parse("c.docx", () -> "next")).isEqualTo("next");
    }

    @Test
    void permitsFailedParsesAreReturned() {
        DocumentParsingGate gate = new DocumentParsingGate(1, Duration.ZERO);
        assertThatThrownBy(() -> gate.parse("a.docx", () -> {
            throw new DocumentImportException("a.docx", "damaged");
        })).hasMessage("damaged");
        assertThat(gate.availablePermits()).isEqualTo(1);
    }

    @Test
    void defaultPermitsFollowTheCoresAndTheHeap() {
        long gb = 1024L * 1024 * 1024;
        assertThat(DocumentParsingGate.defaultPermits(16, 64 * gb)).isEqualTo(8);
        assertThat(DocumentParsingGate.defaultPermits(16, 2 * gb)).isEqualTo(2);
        assertThat(DocumentParsingGate.defaultPermits(2, 6 * gb)).isEqualTo(1);
        assertThat(DocumentParsingGate.defaultPermits(1, 256L * 1024 * 1024)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
