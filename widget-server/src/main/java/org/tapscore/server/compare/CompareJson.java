package org.tapscore.server.compare;

import org.tapscore.server.admin.NpsFigures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A comparison as the API shows it; NPS figures rounded to two decimals. */
final class CompareJson {
    private CompareJson() {
    }

    static Map<String, Object> of(Comparison.Result result) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Comparison.Series s : result.series()) {
            SeriesSpec spec = s.spec();
            NpsFigures f = s.figures();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", spec.index());
            item.put("label", s.label());
            item.put("campaign", spec.campaign());
            item.put("journey", spec.journey());
            item.put("channel", spec.channel());
            item.put("location", spec.location());
            item.put("period", spec.preset() == null ? null : spec.preset().key());
            item.put("from", spec.from() == null ? null : spec.from().toString());
            item.put("to", spec.to() == null ? null : spec.to().toString());
            item.put("responses", f.n());
            item.put("promoters", f.promoters());
            item.put("passives", f.passives());
            item.put("detractors", f.detractors());
            item.put("promoterShare", round(f.promoterShare()));
            item.put("passiveShare", round(f.passiveShare()));
            item.put("detractorShare", round(f.detractorShare()));
            item.put("nps", round(f.nps()));
            item.put("low", round(f.low()));
            item.put("high", round(f.high()));
            item.put("distribution", f.distribution());
            series.add(item);
        }
        List<Map<String, Object>> differences = new ArrayList<>();
        for (NpsDifference d : result.differences()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("a", d.a());
            item.put("b", d.b());
            item.put("difference", round(d.difference()));
            item.put("standardError", round(d.standardError()));
            item.put("low", round(d.low()));
            item.put("high", round(d.high()));
            item.put("z", round(d.z()));
            item.put("verdict", d.verdict().name());
            differences.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", result.zone().getId());
        body.put("series", series);
        body.put("differences", differences);
        return body;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
