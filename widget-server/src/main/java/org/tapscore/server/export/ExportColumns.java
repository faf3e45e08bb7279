package org.tapscore.server.export;

import org.tapscore.server.admin.ResponseList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The columns of an export, in order, and one row's values (text already neutralised, score kept a number). */
final class ExportColumns {
    static final List<String> HEADERS = List.of("id", "campaign", "answered_at", "received_at", "score", "category",
            "comment", "channel", "locale", "location", "device", "respondent", "respondent_email", "respondent_name");
    static final int SCORE = 4;

    private ExportColumns() {
    }

    static List<Object> values(ResponseList.Row row, ZoneId zone) {
        List<Object> values = new ArrayList<>(HEADERS.size());
        values.add(row.id().toString());
        values.add(safe(row.campaign()));
        values.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.answeredAt().atZone(zone)));
        values.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.receivedAt().atZone(zone)));
        values.add(row.score());
        values.add(row.category());
        values.add(safe(row.comment()));
        values.add(row.channel());
        values.add(safe(row.locale()));
        values.add(safe(row.location()));
        values.add(safe(row.device()));
        values.add(safe(row.respondent()));
        values.add(safe(row.respondentEmail()));
        values.add(safe(row.respondentName()));
        return values;
    }

    private static String safe(String value) {
        return value == null ? "" : CellSafety.neutralise(value);
    }
}
