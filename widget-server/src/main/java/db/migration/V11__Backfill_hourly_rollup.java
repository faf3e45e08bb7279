package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.tapscore.server.summary.HourlyRollup;

/**
 * Counts the answers stored before the hourly rollup existed. The hour is cut in Java (UTC) rather than with
 * SQL date functions, which differ between H2 and PostgreSQL and follow the session's time zone.
 */
public class V11__Backfill_hourly_rollup extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        HourlyRollup.rebuild(context.getConnection());
    }
}
