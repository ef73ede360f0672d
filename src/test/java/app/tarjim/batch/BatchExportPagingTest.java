package app.tarjim.batch;

import app.tarjim.document.out.ExportFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.context.annotation.Import;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports read a job a page at a time: every item, once, in input order, across page boundaries. */
@DataJdbcTest(properties = "tarjim.batch.worker.enabled=false")
@Import(BatchTestConfiguration.class)
class BatchExportPagingTest {

    @Autowired
    BatchService batches;
    @Autowired
    BatchExporter exporter;

    @Test
    void aBatchOfTwoPagesAndAHalfExportsEveryItemInOrder() throws Exception {
        int total = 2 * BatchExporter.PAGE + BatchExporter.PAGE / 2;
        UUID job = batches.submit(TestBatches.of(total));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(job, ExportFormat.CSV, out);

        String csv = out.toString(StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""); // Excel's byte order mark
        List<CSVRecord> rows = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(rows).extracting(r -> r.get("id"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).mapToObj(i -> "a" + i).toList());
        assertThat(rows.get(total - 1).get("source")).isEqualTo("مقال رقم " + total + ".");
        assertThat(rows.get(0).get("error")).isEqualTo("Not translated yet");
    }

    @Test
    void exactlyOnePageEndsWithoutAnEmptyExtraRead() throws Exception {
        UUID job = batches.submit(TestBatches.of(BatchExporter.PAGE));
        assertThat(exporter.results(job)).hasSize(BatchExporter.PAGE);
        assertThat(batches.results(job, BatchExporter.PAGE, BatchExporter.PAGE)).isEmpty();
    }
}
