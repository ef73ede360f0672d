package app.tarjim;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the inference core free of web concerns, so it can run in the CLI, tests and benchmarks alone. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.tarjim");

    @Test
    void engineDoesNotDependOnSpringOrVaadin() {
        noClasses().that().resideInAPackage("app.tarjim.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..")
                .because("the engine is the inference core and must stay free of web concerns")
                .check(classes);
    }

    @Test
    void pipelineDoesNotDependOnVaadin() {
        noClasses().that().resideInAPackage("app.tarjim.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnOtherFeatures() {
        noClasses().that().resideInAPackage("app.tarjim.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.tarjim.pipeline..", "app.tarjim.ui..", "app.tarjim.api..",
                        "app.tarjim.article..", "app.tarjim.batch..", "app.tarjim.cli..")
                .check(classes);
    }
}
