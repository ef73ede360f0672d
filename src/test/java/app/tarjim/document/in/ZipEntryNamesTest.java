package app.tarjim.document.in;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ZipEntryNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../a.txt", "a/../../b.txt", "..\\a.txt", "/abs.txt", "\\abs.txt", "C:\\x.txt", "c:/x.txt",
        "a\0.txt"})
    void unsafeNames(String name) {
        assertThat(ZipEntryNames.isUnsafe(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "dir/a..b.txt", "news/2016/a.docx", "..hidden-but-not-parent.txt"})
    void safeNames(String name) {
        assertThat(ZipEntryNames.isUnsafe(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"__MACOSX/a/._b.txt", ".DS_Store", "dir/.hidden.txt", "~$doc.docx", "dir/", "Thumbs.db"})
    void ignorableNames(String name) {
        assertThat(ZipEntryNames.isIgnorable(name)).isTrue();
    }
}
