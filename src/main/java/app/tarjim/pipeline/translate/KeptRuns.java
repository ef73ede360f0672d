package app.tarjim.pipeline.translate;

import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.glossary.GlossaryMatch;
import app.tarjim.pipeline.glossary.GlossaryPlan;
import app.tarjim.pipeline.text.ForeignRuns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the non-Arabic runs of a sentence (see {@link ForeignRuns}) in its translation, the way the glossary
 * keeps its renderings: each run is a term that is its own rendering. The model sees the sentence whole and
 * usually copies a Latin run through; when it mangles or drops one, the sentence is translated again in
 * pieces and the run is spliced back in unchanged (see the glossary package).
 */
final class KeptRuns {

    private KeptRuns() {
    }

    /** The plan with the input's runs added as terms, except where a glossary term already covers them. */
    static GlossaryPlan addTo(GlossaryPlan plan) {
        List<GlossaryMatch> matches = new ArrayList<>(plan.matches());
        for (ForeignRuns.Run run : ForeignRuns.in(plan.input())) {
            boolean covered = plan.matches().stream().anyMatch(m -> m.start() < run.end() && run.start() < m.end());
            if (!covered) {
                String text = run.of(plan.input());
                matches.add(new GlossaryMatch(run.start(), run.end(), "", new GlossaryEntry(text, text)));
            }
        }
        if (matches.size() == plan.matches().size()) {
            return plan;
        }
        matches.sort(Comparator.comparingInt(GlossaryMatch::start));
        return new GlossaryPlan(plan.input(), matches);
    }
}
