package app.tarjim.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fresh schema of {@link PostgresTestDatabase} for one test class, as a static {@code @RegisterExtension}
 * field: the class is skipped when no PostgreSQL is reachable, and the schema is dropped after it. The class
 * points Spring at it from its {@code @DynamicPropertySource} with {@link #register}.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

    private final String name = PostgresTestDatabase.newSchemaName();
    private boolean reachable;

    public String name() {
        return name;
    }

    public String url() {
        return PostgresTestDatabase.urlFor(name);
    }

    public void register(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, name);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String unreachable = PostgresTestDatabase.unreachableReason();
        assumeTrue(unreachable == null, unreachable);
        reachable = true;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (reachable) {
            PostgresTestDatabase.dropSchema(name);
        }
    }
}
