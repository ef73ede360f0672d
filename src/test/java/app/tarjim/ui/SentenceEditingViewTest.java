package app.tarjim.ui;

import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import app.tarjim.article.UserGlossaries;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Post-editing on the translate page and the Glossary page, rendered by Karibu-Testing on the demo models. */
@SpringBootTest
class SentenceEditingViewTest extends MainViewTestBase {

    private static final String TEXT = "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب.\n\n"
            + "جددت فصائل المعارضة السورية في حلب التمسك بموقفها. وقال القائد إن المقاتلين باقون.";

    @Autowired
    UserGlossaries userGlossaries;

    @AfterEach
    void clearGlossary() { // runs before the base class tears the UI down
        userGlossaries.save(BrowserOwner.current(), "");
    }

    @Test
    void keyboardOpensAlternativesEnterSavesEscCancelsAndUndoRestoresTheMachineText() throws Exception {
        StoredArticle done = translate();
        Span english = view.reading.pair(1).orElseThrow().target();
        String machine = english.getText();

        ShortcutsKt._fireShortcut(english, Key.ENTER);
        SentenceEditor editor = view.reading.editor().orElseThrow();
        assertThat(editor.sentence().sentenceIndex()).isEqualTo(1);
        assertThat(view.reading.pair(1).orElseThrow().source().hasClassName("editing")).as("source highlighted").isTrue();
        await(() -> !editor.alternativesStatus.getText().startsWith("Finding"), "alternatives");
        assertThat(editor.alternativeButtons()).hasSizeBetween(1, 3);
        for (NativeButton option : editor.alternativeButtons()) {
            assertThat(option.getElement().getTextRecursively()).matches("(?s).+\\d+%");
        }

        editor.text.setValue("Syrian opposition factions in Aleppo held their ground.");
        ShortcutsKt._fireShortcut(editor.text, Key.ENTER);
        assertThat(english.getText()).isEqualTo("Syrian opposition factions in Aleppo held their ground.");
        assertThat(english.hasClassName("edited")).isTrue();
        assertThat(english.hasClassName("flagged")).isFalse();
        StoredSentence stored = articles.find(done.id()).orElseThrow().sentence(1).orElseThrow();
        assertThat(stored.edited()).isTrue();
        assertThat(stored.machineTarget()).isEqualTo(machine);
        assertThat(view.undoLast.isVisible()).isTrue();
        assertThat(view.result.summaryState.getText()).contains("edited since");
        assertThat(editor.offer.isVisible()).isTrue();
        assertThat(editor.offerEnglish.getValue()).isNotBlank();

        // Esc leaves a sentence as it was.
        ShortcutsKt._fireShortcut(view.reading.pair(2).orElseThrow().target(), Key.ENTER);
        SentenceEditor second = view.reading.editor().orElseThrow();
        assertThat(second).isNotSameAs(editor);
        String before = view.reading.pair(2).orElseThrow().target().getText();
        second.text.setValue("Typed, then abandoned.");
        ShortcutsKt._fireShortcut(second.text, Key.ESCAPE);
        assertThat(view.reading.editor()).isEmpty();
        assertThat(view.reading.pair(2).orElseThrow().target().getText()).isEqualTo(before);
        assertThat(articles.find(done.id()).orElseThrow().sentence(2).orElseThrow().edited()).isFalse();

        view.undoLast.click();
        assertThat(english.getText()).isEqualTo(machine);
        assertThat(english.hasClassName("edited")).isFalse();
        assertThat(articles.find(done.id()).orElseThrow().sentence(1).orElseThrow().target()).isEqualTo(machine);
        assertThat(view.undoLast.isVisible()).isFalse();
    }

    @Test
    void aStaleEditFromAnotherTabIsRefusedAndWhatWasTypedIsKept() throws Exception {
        StoredArticle done = translate();
        ShortcutsKt._fireShortcut(view.reading.pair(0).orElseThrow().target(), Key.ENTER);
        SentenceEditor editor = view.reading.editor().orElseThrow();

        // Another tab saves first.
        editing.edits().edit(done.id(), BrowserOwner.current(), 0, "The other tab's text.", 0, null);

        editor.text.setValue("My text.");
        ShortcutsKt._fireShortcut(editor.text, Key.ENTER);
        assertThat(editor.message.getText()).contains("changed in another tab").contains("The other tab's text.")
                .contains("save again");
        assertThat(editor.text.getValue()).isEqualTo("My text.");
        assertThat(view.reading.pair(0).orElseThrow().target().getText()).isEqualTo("The other tab's text.");
        assertThat(articles.find(done.id()).orElseThrow().sentence(0).orElseThrow().target())
                .isEqualTo("The other tab's text.");

        // Knowing that, saving again replaces it.
        ShortcutsKt._fireShortcut(editor.text, Key.ENTER);
        assertThat(articles.find(done.id()).orElseThrow().sentence(0).orElseThrow().target()).isEqualTo("My text.");
    }

    @Test
    void anEditOffersAGlossaryTermThatTheGlossaryPageListsAndNewArticlesUse() throws Exception {
        translate();
        ShortcutsKt._fireShortcut(view.reading.pair(0).orElseThrow().target(), Key.ENTER);
        SentenceEditor editor = view.reading.editor().orElseThrow();
        editor.text.setValue("The opposition rejects pressure and stays in Haleb.");
        ShortcutsKt._fireShortcut(editor.text, Key.ENTER);
        assertThat(editor.offer.isVisible()).isTrue();
        editor.offerArabic.setValue("حلب");
        editor.offerEnglish.setValue("Haleb");
        assertThat(editor.offerAdd.getText()).isEqualTo("Always translate «حلب» as Haleb");
        editor.offerAdd.click();
        assertThat(editor.message.getText()).contains("Added to your glossary");
        assertThat(view.glossary.box.getValue()).contains("حلب,Haleb");

        GlossaryView page = new GlossaryView(userGlossaries);
        assertThat(page.rows()).hasSize(1);
        page.arabic.setValue("دمشق");
        page.english.setValue("Damascus");
        page.add.click();
        assertThat(page.rows()).hasSize(2);
        page.importMode.setValue(GlossaryView.ImportMode.MERGE);
        page.importFile("terms.csv", "arabic,english\nحمص,Homs\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page.rows()).hasSize(3);
        page.importFile("broken.csv", "حمص\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page.message.getText()).contains("not imported").contains("unchanged");
        assertThat(page.rows()).hasSize(3);
        page.remove("دمشق");
        assertThat(page.rows()).hasSize(2);

        // The next article on this page uses the glossary.
        view.input.setValue("المعارضة باقية في حلب.");
        view.translate.click();
        StoredArticle next = awaitNewest();
        assertThat(next.translationText()).contains("Haleb");
    }

    private StoredArticle translate() throws InterruptedException {
        view.input.setValue(TEXT);
        view.translate.click();
        assertThat(view.inputError.getText()).isEmpty();
        return awaitNewest();
    }

    private StoredArticle awaitNewest() throws InterruptedException {
        UUID id = articles.recent(BrowserOwner.current(), 1).get(0).id();
        await(() -> articles.find(id).orElseThrow().status().isFinal() && jobs.running(id).isEmpty()
                && view.translate.isEnabled(), "the translation");
        return articles.find(id).orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            MockVaadin.clientRoundtrip();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
