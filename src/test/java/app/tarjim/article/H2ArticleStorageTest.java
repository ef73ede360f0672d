package app.tarjim.article;

import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.context.annotation.Import;

/** The storage contract on the embedded H2 database that every test run has. */
@DataJdbcTest
@Import(StorageTestConfiguration.class)
class H2ArticleStorageTest extends ArticleStorageRoundTrip {
}
