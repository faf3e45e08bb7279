package org.tapscore.server.admin;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys, stored as SHA-256 hashes. The keys are 256 random bits, so a plain fast hash is enough: there is
 * nothing to brute-force. Known hashes are cached for a minute so authentication costs no query per request.
 */
public final class ApiKeys {
    private static final long CACHE_MILLIS = 60_000;

    private final Database db;
    private final Clock clock;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public ApiKeys(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a new random key, stores its hash and returns the key itself (shown once, never stored). */
    public String create(String name) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = "tsk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        store(name, key);
        return key;
    }

    /** Stores the hash of a key chosen by the operator (e.g. {@code TAPSCORE_ADMIN_KEY}) if not yet known. */
    public void store(String name, String key) {
        String sql = "insert into api_key (id, name, key_hash, created_at) values (?, ?, ?, ?) on conflict do nothing";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, name);
            ps.setString(3, hash(key));
            Sql.setInstant(ps, 4, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store an API key", e);
        }
    }

    public boolean isEmpty() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select count(*) from api_key");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count API keys", e);
        }
    }

    /** Throws a 401 unless the request carries a valid {@code Authorization: Bearer} key. */
    public void require(ServerRequest req) {
        if (!isAuthenticated(req)) {
            throw ApiException.unauthorized("Send a valid API key as 'Authorization: Bearer <key>' (the first admin "
                    + "key is printed on first start and kept in the data folder as admin-key.txt)");
        }
    }

    public boolean isAuthenticated(ServerRequest req) {
        return bearer(req).map(this::isValid).orElse(false);
    }

    public boolean isValid(String key) {
        String hash = hash(key);
        long now = clock.millis();
        Long checkedAt = verified.get(hash);
        if (checkedAt != null && now - checkedAt < CACHE_MILLIS) {
            return true;
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select 1 from api_key where key_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    verified.put(hash, now);
                    return true;
                }
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check an API key", e);
        }
    }

    private static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .filter(key -> !key.isEmpty() && key.length() <= 200);
    }

    static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
