package org.tapscore.server.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Campaigns as the hot path sees them: every view and every answer needs one, so they are cached for a few
 * seconds. Changes made through this node are visible at once; other nodes see them within {@code ttl}.
 */
public final class CampaignCatalog {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(Campaign.ID_PATTERN);

    private final CampaignRepository repository;
    private final Clock clock;
    private final long ttlMillis;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CampaignCatalog(CampaignRepository repository, Clock clock, Duration ttl) {
        this.repository = repository;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
    }

    public Optional<Campaign> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Entry entry = cache.get(id);
        if (entry == null || now - entry.loadedAt() > ttlMillis) {
            entry = new Entry(repository.find(id), now);
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(id, entry);
        }
        return entry.campaign();
    }

    public void invalidate(String id) {
        cache.remove(id);
    }

    private record Entry(Optional<Campaign> campaign, long loadedAt) {
    }
}
