package org.tapscore.server.admin;

import org.tapscore.server.targets.NpsTarget;
import org.tapscore.server.targets.TargetProgress;

import java.util.HashMap;
import java.util.Map;

/** A target's progress as the campaign list and the campaign page show it (text for every number). */
final class TargetPanel {
    private TargetPanel() {
    }

    static Map<String, Object> of(TargetProgress p) {
        NpsTarget t = p.target();
        NpsFigures f = p.current();
        Map<String, Object> m = new HashMap<>();
        m.put("nps", t.targetNps());
        m.put("date", t.targetDate().toString());
        m.put("zone", t.zone().getId());
        m.put("baseline", t.baselineNps() == null ? "none" : Format.oneDecimal(t.baselineNps()));
        m.put("baselineAnswers", t.baselineAnswers());
        m.put("baselineDate", t.baselineDate().toString());
        m.put("setBy", t.setBy());
        m.put("from", t.baselineDate().toString());
        m.put("to", p.periodEnd().toString());
        m.put("n", f.n());
        m.put("current", f.npsText());
        m.put("ci", f.nps() == null ? "–" : Format.oneDecimal(f.low()) + " to " + Format.oneDecimal(f.high()));
        m.put("expected", p.expected() == null ? "–" : Format.oneDecimal(p.expected()));
        // <progress> cannot show less than nothing or more than all; the text next to it says the real figure.
        m.put("hasProgress", p.progress() != null);
        m.put("bar", p.progress() == null ? 0 : Math.round(Math.clamp(p.progress(), 0, 1) * 100));
        m.put("progress", p.progress() == null ? "–" : Math.round(p.progress() * 100) + " %");
        m.put("daysLeft", p.daysLeft());
        m.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        m.put("statusLabel", p.status().label(p.finished()));
        return m;
    }
}
