package org.tapscore.server.targets;

import org.tapscore.server.admin.NpsFigures;

import java.util.LinkedHashMap;
import java.util.Map;

/** A target as the API shows it: NPS figures rounded to two decimals, progress (1.0 = reached) to three. */
final class TargetJson {
    private TargetJson() {
    }

    static Map<String, Object> of(TargetProgress p) {
        NpsTarget t = p.target();
        NpsFigures f = p.current();
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("nps", round(t.baselineNps(), 100));
        baseline.put("answers", t.baselineAnswers());
        baseline.put("date", t.baselineDate().toString());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("from", t.baselineDate().toString());
        progress.put("to", p.periodEnd().toString());
        progress.put("responses", f.n());
        progress.put("nps", round(f.nps(), 100));
        progress.put("low", round(f.low(), 100));
        progress.put("high", round(f.high(), 100));
        progress.put("expected", round(p.expected(), 100));
        progress.put("progress", round(p.progress(), 1000));
        progress.put("daysLeft", p.daysLeft());
        progress.put("status", p.status().name());
        progress.put("statusText", p.status().label(p.finished()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", t.campaign());
        body.put("nps", t.targetNps());
        body.put("date", t.targetDate().toString());
        body.put("timeZone", t.zone().getId());
        body.put("baseline", baseline);
        body.put("setBy", t.setBy());
        body.put("setAt", t.setAt().toString());
        body.put("progress", progress);
        return body;
    }

    private static Double round(Double value, int scale) {
        return value == null ? null : Math.round(value * scale) / (double) scale;
    }
}
