package app.tarjim.batch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch API over a real HTTP port, with workers running the slow echo stand-in for the pipeline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tarjim.batch.test.echo-delay=30ms",
        "tarjim.batch.worker.threads=2",
        "tarjim.batch.worker.poll-interval=100ms",
        "tarjim.batch.max-items=5",
        "tarjim.batch.max-upload-size=64KB"})
class BatchApiTest {

    private static final String CSV = String.join("\n",
            "id,title,text",
            "n1,Aleppo,حلب تحت الحصار.",
            "n2,\"Bad \"quote\" here\",نص",
            "n3,Geneva,تستمر المفاوضات في جنيف.",
            "");

    @Autowired
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void csvWithAMalformedLineIsAcceptedTranslatedAndExported() throws Exception {
        ResponseEntity<String> created = upload("news.csv", CSV, "none");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode body = json.readTree(created.getBody());
        URI location = created.getHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.getPath()).isEqualTo("/api/v1/batches/" + body.get("id").asText());
        assertThat(body.get("total").asInt()).isEqualTo(2);
        assertThat(body.get("problems")).hasSize(1);
        assertThat(body.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(body.get("problems").get(0).get("message").asText()).contains("malformed CSV record");

        JsonNode status = awaitCompleted(location);
        assertThat(status.get("done").asInt()).isEqualTo(2);
        assertThat(status.get("failed").asInt()).isZero();
        assertThat(status.get("pending").asInt()).isZero();
        assertThat(status.get("summary").asText()).isEqualTo("none");
        assertThat(status.get("items")).hasSize(2);
        assertThat(status.get("items").get(0).get("externalId").asText()).isEqualTo("n1");
        assertThat(status.get("items").get(0).get("articleId").asText()).isNotBlank();
        assertThat(status.get("problems").get(0).get("line").asInt()).isEqualTo(3);

        JsonNode page = json.readTree(http.getForEntity(location + "?offset=1&limit=1", String.class).getBody());
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("itemsOffset").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("externalId").asText()).isEqualTo("n3");
        assertThat(json.readTree(http.getForEntity(location + "?offset=2", String.class).getBody()).get("items"))
                .isEmpty();
        ResponseEntity<String> badPage = http.getForEntity(location + "?limit=0", String.class);
        assertThat(badPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPage.getBody()).contains("limit between 1 and 1000");

        ResponseEntity<byte[]> csv = http.getForEntity(location + "/export?format=csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("news-translated.csv");
        List<CSVRecord> rows = parseCsv(csv.getBody());
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("n1", "n3");
        assertThat(rows.get(0).get("translation")).isEqualTo("EN: حلب تحت الحصار.");
        assertThat(rows.get(1).get("source")).isEqualTo("تستمر المفاوضات في جنيف.");

        ResponseEntity<String> jsonl = http.getForEntity(location + "/export?format=jsonl", String.class);
        assertThat(jsonl.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        List<String> lines = jsonl.getBody().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines.get(1)).toString()).contains("EN: تستمر المفاوضات في جنيف.");

        for (String format : List.of("md", "docx", "pdf")) {
            ResponseEntity<byte[]> file = http.getForEntity(location + "/export?format=" + format, byte[].class);
            assertThat(file.getStatusCode()).as(format).isEqualTo(HttpStatus.OK);
            assertThat(file.getHeaders().getContentDisposition().getFilename()).endsWith("." + format);
            assertThat(file.getBody()).as(format).isNotEmpty();
        }
    }

    @Test
    void failedItemsKeepTheirErrorAndRetryQueuesThemAgain() throws Exception {
        String csv = "id,title,text\nok,One,نص أول.\nbad,Two,نص FAIL.\n";
        URI location = upload("fails.csv", csv, "short").getHeaders().getLocation();

        JsonNode status = awaitCompleted(location);
        assertThat(status.get("failed").asInt()).isEqualTo(1);
        assertThat(status.get("items").get(1).get("error").asText()).isEqualTo("The text asked to fail: bad");

        ResponseEntity<String> retried = http.postForEntity(location + "/retry", null, String.class);
        assertThat(json.readTree(retried.getBody()).get("requeued").asInt()).isEqualTo(1);
        assertThat(awaitCompleted(location).get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void moreArticlesThanAllowedIsRefusedWith413() throws Exception {
        StringBuilder csv = new StringBuilder("id,title,text\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(i).append(",T,نص رقم ").append(i).append('\n');
        }
        ResponseEntity<String> response = upload("big.csv", csv.toString(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("detail").asText())
                .contains("more than 5 articles").contains("Split it");
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWith413() throws Exception {
        ResponseEntity<String> response = upload("huge.csv", "id,title,text\n1,T," + "ن".repeat(70_000), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("Split the batch");
    }

    @Test
    void unreadableFilesUnknownOptionsAndUnknownBatchesAreProblems() throws Exception {
        ResponseEntity<String> noHeader = upload("x.csv", "a,b\n1,2\n", null);
        assertThat(noHeader.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(noHeader.getBody()).get("detail").asText()).contains("header row");

        ResponseEntity<String> badSummary = upload("x.csv", CSV, "tiny");
        assertThat(badSummary.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badSummary.getBody()).get("detail").asText()).contains("short, medium, long, none");

        ResponseEntity<String> missing = http.getForEntity("/api/v1/batches/" + java.util.UUID.randomUUID(),
                String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        URI location = upload("ok.csv", CSV, "none").getHeaders().getLocation();
        ResponseEntity<String> badFormat = http.getForEntity(location + "/export?format=xls", String.class);
        assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(badFormat.getBody()).get("detail").asText()).contains("csv, jsonl, md, docx, pdf");
    }

    private ResponseEntity<String> upload(String fileName, String content, String summary) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (summary != null) {
            form.add("summary", summary);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/v1/batches", new HttpEntity<>(form, headers), String.class);
    }

    private JsonNode awaitCompleted(URI location) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode status = json.readTree(http.getForObject(location, String.class));
            if (status.get("status").asText().equals("COMPLETED")) {
                return status;
            }
            assertThat(System.nanoTime()).as("batch completes; last status %s", status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<CSVRecord> parseCsv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (CSVParser parser = CSVParser.parse(text,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }
}
