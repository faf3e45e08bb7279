package org.tapscore.server.campaign;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.web.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores campaigns: the searchable columns plus the whole definition as JSON. */
public final class CampaignRepository {
    private final Database db;

    public CampaignRepository(Database db) {
        this.db = db;
    }

    /** Inserts a new campaign; false when the id is taken. */
    public boolean insert(Campaign campaign, Instant now) {
        String sql = "insert into campaign (id, name, type, journey, status, definition, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, campaign);
            Sql.setInstant(ps, 7, now);
            Sql.setInstant(ps, 8, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store campaign " + campaign.id(), e);
        }
    }

    /** Replaces an existing campaign; false when there is none. */
    public boolean update(Campaign campaign, Instant now) {
        String sql = "update campaign set name = ?, type = ?, journey = ?, status = ?, definition = ?, "
                + "updated_at = ? where id = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign.name());
            ps.setString(2, campaign.type().name());
            ps.setString(3, campaign.journey().name());
            ps.setString(4, campaign.status().name());
            ps.setString(5, Json.string(campaign));
            Sql.setInstant(ps, 6, now);
            ps.setString(7, campaign.id());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update campaign " + campaign.id(), e);
        }
    }

    public Optional<Campaign> find(String id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select definition from campaign where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read campaign " + id, e);
        }
    }

    public List<Campaign> list() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select definition from campaign order by id");
             ResultSet rs = ps.executeQuery()) {
            List<Campaign> campaigns = new ArrayList<>();
            while (rs.next()) {
                campaigns.add(parse(rs.getString(1)));
            }
            return campaigns;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list campaigns", e);
        }
    }

    public boolean isEmpty() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select count(*) from campaign");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count campaigns", e);
        }
    }

    private static void bind(PreparedStatement ps, Campaign campaign) throws SQLException {
        ps.setString(1, campaign.id());
        ps.setString(2, campaign.name());
        ps.setString(3, campaign.type().name());
        ps.setString(4, campaign.journey().name());
        ps.setString(5, campaign.status().name());
        ps.setString(6, Json.string(campaign));
    }

    private static Campaign parse(String json) {
        try {
            // withDefaults: definitions stored before a field existed read with that field's default.
            return Json.mapper().readValue(json, Campaign.class).withDefaults();
        } catch (IOException e) {
            throw new UncheckedIOException("A stored campaign could not be read", e);
        }
    }
}
