package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One page of {@code GET /api/v1/responses}.
 *
 * @param items the answers of this page
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponsePage(List<Response> items, String nextCursor) {
    public ResponsePage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
