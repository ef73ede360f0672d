package app.tarjim.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the invariant the UI relies on: segments and gaps rebuild the source exactly. */
final class SegmentedTextAssertions {

    private SegmentedTextAssertions() {
    }

    static void assertCoversSourceExactly(SegmentedText segmented) {
        StringBuilder rebuilt = new StringBuilder();
        for (int i = 0; i < segmented.segments().size(); i++) {
            Segment segment = segmented.segments().get(i);
            String gap = segmented.gapBefore(i);
            assertThat(gap.chars().allMatch(c -> TextNormalizer.isGap((char) c)))
                    .as("gap before segment %d holds only whitespace: [%s]", i, gap).isTrue();
            assertThat(segment.index()).isEqualTo(i);
            assertThat(segment.text()).isEqualTo(segmented.source().substring(segment.start(), segment.end()));
            assertThat(segment.text()).isNotBlank();
            rebuilt.append(gap).append(segment.text());
        }
        assertThat(segmented.trailingGap().chars().allMatch(c -> TextNormalizer.isGap((char) c))).isTrue();
        rebuilt.append(segmented.trailingGap());
        assertThat(rebuilt.toString()).isEqualTo(segmented.source());
    }
}
