package app.tarjim.pipeline.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryPlanTest {

    private final GlossaryEnforcer enforcer = new GlossaryEnforcer(new Glossary(List.of(
            new GlossaryEntry("زكريا ملاحفجي", "Zakaria Malahefji"),
            new GlossaryEntry("حلب", "Aleppo"))));

    @Test
    void inlinesRenderingsKeepingClitics() {
        GlossaryPlan plan = enforcer.plan("وأضاف زكريا ملاحفجي لوكالة رويترز إن المعارضة باقية بحلب.");

        assertThat(plan.inlined()).isEqualTo("وأضاف Zakaria Malahefji لوكالة رويترز إن المعارضة باقية ب Aleppo.");
    }

    @Test
    void isSatisfiedOnlyWhenEveryRenderingIsThereAsOftenAsItsTerm() {
        GlossaryPlan plan = enforcer.plan("حلب ثم حلب مع زكريا ملاحفجي");

        assertThat(plan.isSatisfiedBy("aleppo then Aleppo with Zakaria  Malahefji")).isTrue();
        assertThat(plan.isSatisfiedBy("Aleppo then Halab with Zakaria Malahefji")).isFalse();
        assertThat(plan.isSatisfiedBy("Aleppo then Aleppo with Zakaria Mallahfji")).isFalse();
    }

    @Test
    void splicesTranslatedPiecesAroundTheRenderings() {
        GlossaryPlan plan = enforcer.plan("وأضاف زكريا ملاحفجي لوكالة رويترز، في حلب.");

        assertThat(plan.piecesToTranslate()).containsExactly("وأضاف ", " لوكالة رويترز، في ");
        assertThat(plan.splice(List.of("He added", "to Reuters, in")))
                .isEqualTo("He added Zakaria Malahefji to Reuters, in Aleppo.");
    }

    @Test
    void aSentenceThatIsOnlyATermNeedsNoTranslation() {
        GlossaryPlan plan = enforcer.plan("زكريا ملاحفجي");

        assertThat(plan.piecesToTranslate()).isEmpty();
        assertThat(plan.splice(List.of())).isEqualTo("Zakaria Malahefji");
    }

    @Test
    void cliticPrefixGoesWithThePieceBeforeTheTerm() {
        GlossaryPlan plan = enforcer.plan("وصل الوفد لحلب");

        assertThat(plan.piecesToTranslate()).containsExactly("وصل الوفد ل");
    }
}
