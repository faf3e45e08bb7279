package org.tapscore.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All answers of a campaign, fetched page by page as iteration reaches them: nothing is requested until the first
 * element is needed, and a page is requested only when the previous one is used up. Each iteration or stream starts
 * again from the first page. Useful for syncing answers into a CRM without holding them all in memory:
 *
 * <pre>{@code
 * client.responses("after-order").stream()
 *         .filter(r -> r.respondent() != null)
 *         .forEach(r -> crm.upsertScore(r.respondent().externalId(), r.score(), r.comment()));
 * }</pre>
 */
public final class PagedResponses implements Iterable<Response> {
    private final BiFunction<String, Integer, ResponsePage> fetch;
    private final int pageSize;

    PagedResponses(BiFunction<String, Integer, ResponsePage> fetch, int pageSize) {
        this.fetch = fetch;
        this.pageSize = pageSize;
    }

    @Override
    public Iterator<Response> iterator() {
        return new Iterator<>() {
            private Iterator<Response> page;
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (page == null || !page.hasNext()) {
                    if (last) {
                        return false;
                    }
                    ResponsePage next = fetch.apply(cursor, pageSize);
                    page = next.items().iterator();
                    cursor = next.nextCursor();
                    last = cursor == null || cursor.isEmpty();
                }
                return true;
            }

            @Override
            public Response next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** A sequential stream over all answers, fetching pages lazily. */
    public Stream<Response> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
