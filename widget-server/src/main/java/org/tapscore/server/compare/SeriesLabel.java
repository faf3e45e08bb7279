package org.tapscore.server.compare;

import org.tapscore.server.campaign.Campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "After order · KIOSK · Aarhus · 2026-11-05 to 2026-12-04": what a series counts, in words. */
final class SeriesLabel {
    private SeriesLabel() {
    }

    static String of(SeriesSpec spec, Campaign campaign) {
        List<String> parts = new ArrayList<>();
        parts.add(campaign == null ? "All NPS campaigns" : campaign.name());
        if (spec.journey() != null) {
            parts.add(spec.journey().name().charAt(0) + spec.journey().name().substring(1).toLowerCase(Locale.ROOT));
        }
        if (spec.channel() != null) {
            parts.add(spec.channel().name());
        }
        if (spec.location() != null) {
            parts.add(spec.location());
        }
        parts.add(period(spec));
        return String.join(" · ", parts);
    }

    static String period(SeriesSpec spec) {
        if (spec.from() == null && spec.to() == null) {
            return "all time";
        }
        if (spec.from() == null) {
            return "until " + spec.to();
        }
        if (spec.to() == null) {
            return "since " + spec.from();
        }
        return spec.from() + " to " + spec.to();
    }
}
